import { KeyedBuckets, TokenBucket } from './rate-limit';

describe('a token bucket lets a burst through, then its rate', () => {
  it('takes `capacity` at once, refuses the next, and refills at `perSecond`', () => {
    let now = 0;
    const bucket = new TokenBucket(3, 2, () => now);
    expect([bucket.take(), bucket.take(), bucket.take(), bucket.take()]).toEqual([true, true, true, false]);
    now = 499;
    expect(bucket.take()).toBe(false);
    now = 500;
    expect(bucket.take()).toBe(true);
    now = 60_000;
    expect([bucket.take(), bucket.take(), bucket.take(), bucket.take()]).toEqual([true, true, true, false]);
  });

  it('keeps one bucket per key: a busy meeting does not slow another', () => {
    const now = 0;
    const buckets = new KeyedBuckets(2, 1, () => now);
    expect([buckets.take('a'), buckets.take('a'), buckets.take('a')]).toEqual([true, true, false]);
    expect(buckets.take('b')).toBe(true);
  });
});
