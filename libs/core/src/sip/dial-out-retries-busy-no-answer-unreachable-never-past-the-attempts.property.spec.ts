import fc from 'fast-check';
import { sipDialFailureCause, type SipDialFailureCause } from '../adapters/sip-host';
import { nextDialStep, RETRIED_DIAL_CAUSES, type SipDialPolicy } from './dial-out-policy';

const causes: SipDialFailureCause[] = ['busy', 'no-answer', 'declined', 'not-found', 'unreachable', 'incompatible', 'meeting-closed', 'failed'];
const policy = fc.record({ attempts: fc.integer({ min: 1, max: 10 }), retryMs: fc.integer({ min: 0, max: 600_000 }) });

/** Plays a round: every attempt fails with the next cause of `failures`; returns how many attempts were made and the waits between them. */
function playRound(p: SipDialPolicy, failures: SipDialFailureCause[]): { attempts: number; waits: number[]; lastCause: SipDialFailureCause } {
  const waits: number[] = [];
  for (let made = 1; ; made++) {
    const cause = failures[(made - 1) % failures.length];
    const step = nextDialStep(p, made, cause);
    if (step.next === 'give-up') return { attempts: made, waits, lastCause: cause };
    waits.push(step.afterMs);
    if (made > 1000) throw new Error('the round never ends');
  }
}

describe('dial-out retries', () => {
  it('a round never makes more attempts than SIP_DIAL_ATTEMPTS, and waits SIP_DIAL_RETRY_MS between two', () => {
    fc.assert(
      fc.property(policy, fc.array(fc.constantFrom(...causes), { minLength: 1, maxLength: 12 }), (p, failures) => {
        const round = playRound(p, failures);
        expect(round.attempts).toBeGreaterThanOrEqual(1);
        expect(round.attempts).toBeLessThanOrEqual(p.attempts);
        expect(round.waits).toEqual(Array(round.attempts - 1).fill(p.retryMs));
      }),
    );
  });

  it('retries exactly busy, no-answer and unreachable while attempts are left', () => {
    fc.assert(
      fc.property(policy, fc.integer({ min: 1, max: 12 }), fc.constantFrom(...causes), (p, made, cause) => {
        const step = nextDialStep(p, made, cause);
        expect(step.next === 'retry').toBe(RETRIED_DIAL_CAUSES.has(cause) && made < p.attempts);
      }),
    );
  });

  it('a callee that is always busy is called SIP_DIAL_ATTEMPTS times; not-found, declined, incompatible once', () => {
    fc.assert(
      fc.property(policy, fc.constantFrom<SipDialFailureCause>('busy', 'no-answer', 'unreachable'), (p, cause) => {
        expect(playRound(p, [cause]).attempts).toBe(p.attempts);
      }),
    );
    for (const status of [404, 484, 604, 403, 603, 488, 606, 415]) {
      expect({ status, attempts: playRound({ attempts: 3, retryMs: 30_000 }, [sipDialFailureCause(status)]).attempts }).toEqual({ status, attempts: 1 });
    }
  });

  it('the final SIP statuses of the usual cases', () => {
    const table = [486, 600, 408, 480, 487, 503, 404, 603, 488, 500].map((status) => {
      const cause = sipDialFailureCause(status);
      return [status, cause, nextDialStep({ attempts: 3, retryMs: 30_000 }, 1, cause).next];
    });
    expect(table).toEqual([
      [486, 'busy', 'retry'],
      [600, 'busy', 'retry'],
      [408, 'no-answer', 'retry'],
      [480, 'no-answer', 'retry'],
      [487, 'no-answer', 'retry'],
      [503, 'unreachable', 'retry'],
      [404, 'not-found', 'give-up'],
      [603, 'declined', 'give-up'],
      [488, 'incompatible', 'give-up'],
      [500, 'failed', 'give-up'],
    ]);
  });
});
