import { HttpException, Logger } from '@nestjs/common';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { DomainError } from '@maillage/core';
import { SignallingError, type SignallingErrorCode } from '@maillage/media';

const log = new Logger('GraphQLErrors');

/** Codes a client may rely on; anything else becomes INTERNAL_SERVER_ERROR without details. */
const PUBLIC_CODES = new Set([
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'FORBIDDEN',
  'UNAUTHENTICATED',
  'CONFLICT',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'QUERY_TOO_COMPLEX',
  'RATE_LIMITED',
  'SERVICE_UNAVAILABLE',
]);

/** Errors of a database that is down or restarting (connection refused, reset, terminated, shutting down). */
const DATABASE_DOWN_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', '57P01', '57P02', '57P03', '08000', '08001', '08003', '08004', '08006']);
// TypeORM's released-runner errors come from a transaction whose connection the server dropped under it
// (its other statement failed first with one of the messages above): nothing was committed.
const DATABASE_DOWN_NAMES = new Set(['QueryRunnerProviderAlreadyReleasedError', 'QueryRunnerAlreadyReleasedError']);
const DATABASE_DOWN_MESSAGES = /Connection terminated|connection timeout|timeout exceeded when trying to connect|Client has encountered a connection error|the database system is (starting up|shutting down)|terminating connection due to administrator command/i;

/** True when `error` says the database cannot be reached now (the request changed nothing: SERVICE_UNAVAILABLE, 503). */
export function isDatabaseDown(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 4; e = (e as { cause?: unknown; driverError?: unknown }).driverError ?? (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && DATABASE_DOWN_CODES.has(code)) return true;
    if (e instanceof Error && (DATABASE_DOWN_MESSAGES.test(e.message) || DATABASE_DOWN_NAMES.has(e.name))) return true;
    if (e instanceof AggregateError && e.errors.some((inner) => isDatabaseDown(inner))) return true;
  }
  return false;
}

/** Meeting refusals (join tokens, the bridge) as GraphQL codes; `extensions.signallingCode` keeps the protocol's. */
const SIGNALLING_CODES: Partial<Record<SignallingErrorCode, { code: string; messageFr: string }>> = {
  UNAUTHENTICATED: { code: 'UNAUTHENTICATED', messageFr: 'Ce lien n’est pas valide' },
  FORBIDDEN: { code: 'FORBIDDEN', messageFr: 'Ce lien ne donne pas accès à cette réunion' },
  NOT_FOUND: { code: 'NOT_FOUND', messageFr: 'Introuvable' },
  BAD_REQUEST: { code: 'BAD_USER_INPUT', messageFr: 'Demande invalide' },
  NOT_OPEN: { code: 'MEETING_NOT_OPEN', messageFr: 'La réunion n’est pas encore ouverte' },
  ENDED: { code: 'MEETING_ENDED', messageFr: 'La réunion est terminée' },
  MEETING_FULL: { code: 'MEETING_FULL', messageFr: 'La réunion est complète' },
  RATE_LIMITED: { code: 'RATE_LIMITED', messageFr: 'Trop de demandes : réessayez dans un instant' },
  UNAVAILABLE: { code: 'MEETING_UNAVAILABLE', messageFr: 'La réunion est momentanément indisponible' },
};

const HTTP_CODES: Record<number, string> = { 400: 'BAD_USER_INPUT', 401: 'UNAUTHENTICATED', 403: 'FORBIDDEN', 404: 'NOT_FOUND', 409: 'CONFLICT' };

/** PostgreSQL error codes that mean the input broke a rule the database enforces. */
const PG_CODES: Record<string, { code: string; message: string }> = {
  '23505': { code: 'CONFLICT', message: 'A record with the same unique value already exists' },
  '23P01': { code: 'CONFLICT', message: 'The slot is already taken' },
  '23514': { code: 'BAD_USER_INPUT', message: 'A value breaks a rule of the database' },
  '23503': { code: 'BAD_USER_INPUT', message: 'A referenced record does not exist' },
  '22P02': { code: 'BAD_USER_INPUT', message: 'Malformed value' },
};

/**
 * The one place where errors become GraphQL errors: domain errors keep their code, field path and
 * details; database rule violations become typed errors; anything unexpected is logged and hidden.
 * Stack traces never leave the server.
 */
export function formatGraphQLError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
  const path = formatted.path;
  if (original instanceof DomainError) {
    const retryAfterSeconds = original.details?.retryAfterSeconds;
    return {
      message: original.message,
      path,
      locations: formatted.locations,
      extensions: {
        code: original.code,
        ...(typeof retryAfterSeconds === 'number' ? { retryAfterSeconds } : {}),
        ...(original.field ? { field: original.field } : {}),
        ...(original.details ? { details: original.details } : {}),
        ...(original.messageFr ? { messageFr: original.messageFr } : {}),
      },
    };
  }
  if (original instanceof SignallingError && SIGNALLING_CODES[original.code]) {
    const { code, messageFr } = SIGNALLING_CODES[original.code]!;
    return { message: original.message, path, locations: formatted.locations, extensions: { code, signallingCode: original.code, messageFr } };
  }
  if (original instanceof HttpException) {
    const response = original.getResponse() as { message?: unknown; field?: unknown };
    const code = HTTP_CODES[original.getStatus()] ?? 'BAD_REQUEST';
    const message = Array.isArray(response.message) ? response.message.join('; ') : String(response.message ?? original.message);
    return { message, path, locations: formatted.locations, extensions: { code } };
  }
  if (isDatabaseDown(original)) {
    log.warn(`database unavailable: ${original instanceof Error ? original.message : String(original)}`);
    return {
      message: 'The database is unavailable; nothing was changed, retry later',
      path,
      locations: formatted.locations,
      extensions: { code: 'SERVICE_UNAVAILABLE', retryAfterSeconds: 5, messageFr: 'Service momentanément indisponible : rien n’a été modifié, réessayez dans un instant' },
    };
  }
  const pgCode = (original as { code?: unknown } | undefined)?.code;
  if (typeof pgCode === 'string' && PG_CODES[pgCode]) {
    const { code, message } = PG_CODES[pgCode];
    const constraint = (original as { constraint?: string }).constraint;
    return { message, path, locations: formatted.locations, extensions: { code, ...(constraint ? { details: { constraint } } : {}) } };
  }
  const code = String(formatted.extensions?.code ?? 'INTERNAL_SERVER_ERROR');
  if (PUBLIC_CODES.has(code) && !(original instanceof Error && !(original instanceof GraphQLError) && code === 'INTERNAL_SERVER_ERROR')) {
    const { retryAfterSeconds, messageFr } = formatted.extensions ?? {};
    return {
      message: formatted.message,
      path,
      locations: formatted.locations,
      extensions: { code, ...(retryAfterSeconds !== undefined ? { retryAfterSeconds } : {}), ...(messageFr !== undefined ? { messageFr } : {}) },
    };
  }
  log.error(original instanceof Error ? (original.stack ?? original.message) : String(original));
  return { message: 'Internal server error', path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
}
