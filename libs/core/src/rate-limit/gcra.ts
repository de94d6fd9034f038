/**
 * The generic cell rate algorithm (GCRA), the token bucket written with one number per key: the
 * theoretical arrival time (TAT) of the next request. A rule lets `burst` requests through at once and
 * `perPeriod` every `periodSeconds` after that. Stores keep the TAT (in memory for the signalling
 * sockets, in PostgreSQL across API instances): this pure function is the rule they all follow, and
 * the SQL of the shared store is this function written as one statement.
 */
export interface RateRule {
  /** Names the limit in errors and metrics, e.g. 'booking-per-ip'. */
  name: string;
  /** Requests allowed at once (the bucket's capacity). */
  burst: number;
  /** Sustained rate: `perPeriod` requests every `periodSeconds`. */
  perPeriod: number;
  periodSeconds: number;
}

export interface RateDecision {
  allowed: boolean;
  /** The key's TAT after this request (unchanged when refused), epoch ms. */
  tat: number;
  /** When refused: how long until the same request would pass, ms (0 when allowed). */
  retryAfterMs: number;
}

/** Milliseconds between two requests at the sustained rate (the emission interval). */
export const emissionIntervalMs = (rule: RateRule): number => (rule.periodSeconds * 1000) / rule.perPeriod;

/** One request of weight `cost` at `now` for a key whose TAT is `tat` (undefined: never seen, or forgotten). */
export function gcra(rule: RateRule, tat: number | undefined, now: number, cost = 1): RateDecision {
  const interval = emissionIntervalMs(rule);
  const increment = interval * cost;
  const limit = interval * rule.burst;
  const base = Math.max(tat ?? now, now);
  const next = base + increment;
  // A microsecond of tolerance absorbs floating-point error when the interval is not a whole number of ms.
  if (next - now <= limit + 1e-3) return { allowed: true, tat: next, retryAfterMs: 0 };
  return { allowed: false, tat: tat ?? now, retryAfterMs: Math.ceil(next - limit - now) };
}

/** Checks a rule's numbers (from the environment): BAD configuration fails at start, not at the first request. */
export function assertRateRule(rule: RateRule): RateRule {
  for (const key of ['burst', 'perPeriod', 'periodSeconds'] as const) {
    if (!(Number.isFinite(rule[key]) && rule[key] > 0)) throw new Error(`rate limit ${rule.name}: ${key} must be a positive number (got ${rule[key]})`);
  }
  return rule;
}
