/**
 * Domain errors carry a stable code; the API maps each code to a GraphQL error code in one place
 * (apps/api/src/common/graphql-errors.ts). Messages are English for logs; `messageFr` is shown to users.
 */
export type DomainErrorCode = 'BAD_USER_INPUT' | 'NOT_FOUND' | 'FORBIDDEN' | 'UNAUTHENTICATED' | 'CONFLICT' | 'RATE_LIMITED' | 'SERVICE_UNAVAILABLE';

export interface DomainErrorOptions {
  /** Path of the offending input field, e.g. ['input', 'weekly', 2, 'closes']. */
  field?: ReadonlyArray<string | number>;
  /** Machine-readable details (clashing slot, limits, ...). Must be JSON-serialisable. */
  details?: Record<string, unknown>;
  /** French message for the UI, when it differs from a generic one. */
  messageFr?: string;
}

export class DomainError extends Error {
  readonly field?: ReadonlyArray<string | number>;
  readonly details?: Record<string, unknown>;
  readonly messageFr?: string;

  constructor(
    readonly code: DomainErrorCode,
    message: string,
    options: DomainErrorOptions = {},
  ) {
    super(message);
    this.name = 'DomainError';
    this.field = options.field;
    this.details = options.details;
    this.messageFr = options.messageFr;
  }
}

export const invalidInput = (field: ReadonlyArray<string | number>, message: string, options: Omit<DomainErrorOptions, 'field'> = {}) =>
  new DomainError('BAD_USER_INPUT', message, { ...options, field });

export const notFound = (what: string, id: string) =>
  new DomainError('NOT_FOUND', `${what} ${id} not found`, { details: { what, id }, messageFr: `${what} introuvable` });

export const forbidden = (message = 'Not allowed') => new DomainError('FORBIDDEN', message, { messageFr: 'Action non autorisée' });

export const conflict = (message: string, details?: Record<string, unknown>) =>
  new DomainError('CONFLICT', message, { details });

/** Too many requests: `retryAfterSeconds` (also sent as HTTP Retry-After) says when the next one may pass. */
export const rateLimited = (what: string, retryAfterSeconds: number) =>
  new DomainError('RATE_LIMITED', `Too many requests (${what}); retry in ${retryAfterSeconds} s`, {
    details: { limit: what, retryAfterSeconds },
    messageFr: `Trop de demandes : réessayez dans ${retryAfterSeconds} s`,
  });

/** A part the platform depends on (the database) is down: the request changed nothing; retry later. */
export const serviceUnavailable = (what: string, retryAfterSeconds = 5) =>
  new DomainError('SERVICE_UNAVAILABLE', `${what} is unavailable; nothing was changed, retry later`, {
    details: { retryAfterSeconds },
    messageFr: 'Service momentanément indisponible : rien n’a été modifié, réessayez dans un instant',
  });
