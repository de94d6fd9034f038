import { type ArgumentsHost, Catch, type ExceptionFilter } from '@nestjs/common';
import type { GqlContextType } from '@nestjs/graphql';
import type { Response } from 'express';
import { DomainError } from '@maillage/core';
import { SignallingError } from '@maillage/media';

export const HTTP_STATUS: Record<DomainError['code'], number> = { BAD_USER_INPUT: 400, UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404, CONFLICT: 409, RATE_LIMITED: 429, SERVICE_UNAVAILABLE: 503 };

/** A domain error on a download route (CSV, XLSX): its status and `{ code, message, messageFr?, field? }`. */
export function sendDomainError(res: Response, error: DomainError): void {
  res.status(HTTP_STATUS[error.code]).json({ code: error.code, message: error.message, ...(error.messageFr ? { messageFr: error.messageFr } : {}), ...(error.field ? { field: error.field } : {}) });
}

/**
 * Domain errors (and the meetings' signalling errors, e.g. a bad join token given to
 * `meetingByToken`) are expected answers, not crashes: in GraphQL they go on to formatGraphQLError
 * (common/graphql-errors.ts) without Nest logging them as unhandled; on HTTP routes a domain error
 * becomes the matching status with `{ code, message, field }`.
 */
@Catch(DomainError, SignallingError)
export class DomainErrorFilter implements ExceptionFilter {
  catch(error: DomainError | SignallingError, host: ArgumentsHost): DomainError | SignallingError | void {
    if (host.getType<GqlContextType>() === 'graphql') return error;
    if (error instanceof SignallingError) {
      host.switchToHttp().getResponse<Response>().status(400).json({ code: error.code, message: error.message });
      return;
    }
    host
      .switchToHttp()
      .getResponse<Response>()
      .status(HTTP_STATUS[error.code])
      .json({ code: error.code, message: error.messageFr ?? error.message, ...(error.field ? { field: error.field } : {}) });
  }
}
