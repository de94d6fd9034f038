/**
 * Failure containment for adapter calls: whatever an adapter does — throw synchronously, reject, or
 * never settle — the caller gets a typed result within the time limit and no unhandled rejection.
 * The adapter host wraps every call to an adapter with it; the testkit uses it for its checks.
 */

export type AdapterFailureKind = 'error' | 'timeout';

export interface AdapterFailure {
  kind: AdapterFailureKind;
  /** What failed, e.g. 'notification-smtp.handle(reservation.confirmed)'. */
  label: string;
  message: string;
  /** The thrown value when kind is 'error'. */
  cause?: unknown;
  /** How long the call ran before it failed or was abandoned (ms). */
  elapsedMs: number;
}

export type Contained<T> = { ok: true; value: T; elapsedMs: number } | { ok: false; failure: AdapterFailure };

/** Thrown by `unwrapContained` so that callers that prefer exceptions keep the typed failure. */
export class AdapterFailureError extends Error {
  constructor(readonly failure: AdapterFailure) {
    super(failure.message);
    this.name = 'AdapterFailureError';
  }
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : typeof error === 'string' ? error : JSON.stringify(error) ?? String(error));

/**
 * Runs `work` (a promise, or a function returning a value or a promise, so that synchronous throws
 * are caught too) and settles within `timeoutMs`. On time-out the work is abandoned, not cancelled:
 * its later rejection is swallowed, never unhandled.
 */
export function runContained<T>(work: Promise<T> | (() => T | Promise<T>), timeoutMs: number, label = 'adapter call'): Promise<Contained<T>> {
  const started = Date.now();
  const elapsed = () => Date.now() - started;
  let promise: Promise<T>;
  try {
    promise = Promise.resolve(typeof work === 'function' ? work() : work);
  } catch (error) {
    return Promise.resolve({ ok: false, failure: { kind: 'error', label, message: `${label} threw: ${messageOf(error)}`, cause: error, elapsedMs: elapsed() } });
  }
  return new Promise<Contained<T>>((resolve) => {
    const timer = setTimeout(() => {
      resolve({ ok: false, failure: { kind: 'timeout', label, message: `${label} did not settle within ${timeoutMs} ms`, elapsedMs: elapsed() } });
    }, timeoutMs);
    // Handlers are attached at once, so a rejection after the time-out is handled (and ignored).
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve({ ok: true, value, elapsedMs: elapsed() });
      },
      (error: unknown) => {
        clearTimeout(timer);
        resolve({ ok: false, failure: { kind: 'error', label, message: `${label} failed: ${messageOf(error)}`, cause: error, elapsedMs: elapsed() } });
      },
    );
  });
}

/** The value, or throws AdapterFailureError. */
export function unwrapContained<T>(result: Contained<T>): T {
  if (result.ok) return result.value;
  throw new AdapterFailureError(result.failure);
}
