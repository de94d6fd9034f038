import type { SipDialFailureCause } from '../adapters/sip-host';

/** How a meeting keeps calling a SIP participant that did not answer (SIP_DIAL_ATTEMPTS, SIP_DIAL_RETRY_MS). */
export interface SipDialPolicy {
  /** Attempts per round, the first included (≥ 1). */
  attempts: number;
  /** Pause between two attempts, ms. */
  retryMs: number;
}

/** Failures worth another attempt: the callee may answer later. A wrong address, a refusal or no common codec will not change. */
export const RETRIED_DIAL_CAUSES: ReadonlySet<SipDialFailureCause> = new Set<SipDialFailureCause>(['busy', 'no-answer', 'unreachable']);

export type SipDialStep = { next: 'retry'; afterMs: number } | { next: 'give-up' };

/**
 * What follows a failed attempt: `attemptsMade` attempts of this round have failed, the last with
 * `cause`. Another attempt after `retryMs` when the cause is retried and the round has attempts
 * left; otherwise the call has failed (its cause is the last attempt's).
 */
export function nextDialStep(policy: SipDialPolicy, attemptsMade: number, cause: SipDialFailureCause): SipDialStep {
  if (!RETRIED_DIAL_CAUSES.has(cause) || attemptsMade >= policy.attempts) return { next: 'give-up' };
  return { next: 'retry', afterMs: policy.retryMs };
}
