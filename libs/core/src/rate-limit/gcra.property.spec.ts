import fc from 'fast-check';
import { emissionIntervalMs, gcra, type RateRule } from './gcra';

const rules = fc.record({
  name: fc.constant('test'),
  burst: fc.integer({ min: 1, max: 50 }),
  perPeriod: fc.integer({ min: 1, max: 100 }),
  periodSeconds: fc.integer({ min: 1, max: 3600 }),
});
/** Request instants (ms, ascending) over at most a day. */
const arrivals = fc.array(fc.integer({ min: 0, max: 86_400_000 }), { minLength: 1, maxLength: 300 }).map((xs) => [...xs].sort((a, b) => a - b));

function run(rule: RateRule, times: number[]): { at: number; allowed: boolean; retryAfterMs: number }[] {
  let tat: number | undefined;
  return times.map((at) => {
    const d = gcra(rule, tat, at);
    tat = d.tat;
    return { at, allowed: d.allowed, retryAfterMs: d.retryAfterMs };
  });
}

describe('GCRA: a burst, then the sustained rate, whatever the arrivals', () => {
  it('never lets more than burst + window / interval requests through in any window', () => {
    fc.assert(
      fc.property(rules, arrivals, (rule, times) => {
        const passed = run(rule, times).filter((r) => r.allowed).map((r) => r.at);
        const interval = emissionIntervalMs(rule);
        for (let i = 0; i < passed.length; i++) {
          for (let j = i; j < passed.length; j++) {
            const window = passed[j] - passed[i];
            expect(j - i + 1).toBeLessThanOrEqual(rule.burst + Math.floor(window / interval) + 1e-9);
          }
        }
      }),
    );
  });

  it('lets a whole burst through after an idle key, and refuses the next one at the same instant', () => {
    fc.assert(
      fc.property(rules, fc.integer({ min: 0, max: 1e9 }), (rule, now) => {
        const outcomes = run(rule, Array.from({ length: rule.burst + 1 }, () => now));
        expect(outcomes.slice(0, rule.burst).every((o) => o.allowed)).toBe(true);
        expect(outcomes[rule.burst].allowed).toBe(false);
      }),
    );
  });

  it('a refused request passes once its retryAfter has elapsed, and not a millisecond before', () => {
    fc.assert(
      fc.property(rules, arrivals, (rule, times) => {
        let tat: number | undefined;
        for (const at of times) {
          const d = gcra(rule, tat, at);
          if (!d.allowed) {
            expect(d.retryAfterMs).toBeGreaterThan(0);
            expect(gcra(rule, tat, at + d.retryAfterMs).allowed).toBe(true);
            if (d.retryAfterMs >= 1) expect(gcra(rule, tat, at + d.retryAfterMs - 1).allowed).toBe(false);
          }
          tat = d.tat;
        }
      }),
    );
  });
});
