import { type ArgumentsHost, Catch, type ExceptionFilter } from '@nestjs/common';
import type { GqlContextType } from '@nestjs/graphql';
import type { Response } from 'express';
import { DomainError } from '@maillage/core';

const HTTP_STATUS: Record<DomainError['code'], number> = { BAD_USER_INPUT: 400, UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404, CONFLICT: 409 };

/**
 * Domain errors are expected answers, not crashes: in GraphQL they go on to formatGraphQLError
 * (common/graphql-errors.ts) without Nest logging them as unhandled; on HTTP routes they become the
 * matching status with `{ code, message, field }`.
 */
@Catch(DomainError)
export class DomainErrorFilter implements ExceptionFilter {
  catch(error: DomainError, host: ArgumentsHost): DomainError | void {
    if (host.getType<GqlContextType>() === 'graphql') return error;
    host
      .switchToHttp()
      .getResponse<Response>()
      .status(HTTP_STATUS[error.code])
      .json({ code: error.code, message: error.messageFr ?? error.message, ...(error.field ? { field: error.field } : {}) });
  }
}
