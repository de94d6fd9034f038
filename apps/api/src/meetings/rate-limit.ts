import { gcra, type RateRule } from '@maillage/core';

/**
 * A token bucket held in this process: `capacity` requests at once, refilled at `perSecond`. `take()`
 * is false when empty (the caller answers RATE_LIMITED). It follows the platform's one rate rule
 * (`gcra` of @maillage/core, which the shared PostgreSQL limiter of apps/api/src/security runs in SQL).
 * Time comes from `now` (ms) so tests can drive it.
 */
export class TokenBucket {
  private tat: number | undefined;
  private readonly rule: RateRule;

  constructor(
    capacity: number,
    perSecond: number,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.rule = { name: 'local', burst: capacity, perPeriod: perSecond, periodSeconds: 1 };
  }

  take(): boolean {
    const decision = gcra(this.rule, this.tat, this.now());
    this.tat = decision.tat;
    return decision.allowed;
  }
}

/** One bucket per key (a meeting), forgotten once full again so the map stays small. */
export class KeyedBuckets {
  private readonly buckets = new Map<string, TokenBucket>();
  private sweeps = 0;

  constructor(
    private readonly capacity: number,
    private readonly perSecond: number,
    private readonly now: () => number = () => performance.now(),
  ) {}

  take(key: string): boolean {
    if (++this.sweeps % 1000 === 0 && this.buckets.size > 1000) this.buckets.clear();
    let bucket = this.buckets.get(key);
    if (!bucket) {
      bucket = new TokenBucket(this.capacity, this.perSecond, this.now);
      this.buckets.set(key, bucket);
    }
    return bucket.take();
  }
}
