import { TokenBucketRateLimiter } from './rate-limiter';

/** A clock the test moves by hand: no sleeps, no flakiness. */
function manualClock(start = 1_000_000) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

describe('token bucket rate limiter', () => {
  it('lets a burst through, then refuses with the wait until the next token', () => {
    const clock = manualClock();
    const limiter = new TokenBucketRateLimiter({ perMinute: 60, burst: 3, now: clock.now });
    expect([1, 2, 3].map(() => limiter.take('mel').allowed)).toEqual([true, true, true]);
    // 60 per minute: one token a second.
    expect(limiter.take('mel')).toEqual({ allowed: false, retryAfterSeconds: 1 });
    clock.advance(999);
    expect(limiter.take('mel').allowed).toBe(false);
    clock.advance(1);
    expect(limiter.take('mel').allowed).toBe(true);
    expect(limiter.take('mel').allowed).toBe(false);
  });

  it('says how long to wait, rounded up to whole seconds', () => {
    const clock = manualClock();
    const limiter = new TokenBucketRateLimiter({ perMinute: 6, burst: 1, now: clock.now });
    expect(limiter.take('mel').allowed).toBe(true);
    expect(limiter.take('mel')).toEqual({ allowed: false, retryAfterSeconds: 10 });
    clock.advance(2_500);
    expect(limiter.take('mel')).toEqual({ allowed: false, retryAfterSeconds: 8 });
  });

  it('refills at the steady rate and never above the burst', () => {
    const clock = manualClock();
    const limiter = new TokenBucketRateLimiter({ perMinute: 600, burst: 5, now: clock.now });
    for (let i = 0; i < 5; i++) limiter.take('mel');
    clock.advance(60 * 60_000); // an hour idle refills only up to the burst
    const allowed = Array.from({ length: 8 }, () => limiter.take('mel').allowed);
    expect(allowed).toEqual([true, true, true, true, true, false, false, false]);
    clock.advance(1_000); // 600 a minute: ten a second
    expect(Array.from({ length: 11 }, () => limiter.take('mel').allowed).filter(Boolean)).toHaveLength(5);
  });

  it('keeps one bucket per key: one partner cannot exhaust another', () => {
    const clock = manualClock();
    const limiter = new TokenBucketRateLimiter({ perMinute: 60, burst: 2, now: clock.now });
    limiter.take('partner:mel');
    limiter.take('partner:mel');
    expect(limiter.take('partner:mel').allowed).toBe(false);
    expect(limiter.take('partner:vilogia').allowed).toBe(true);
    expect(limiter.take('address:127.0.0.1').allowed).toBe(true);
  });

  it('remembers a bounded number of keys, forgetting the least recently seen', () => {
    const clock = manualClock();
    const limiter = new TokenBucketRateLimiter({ perMinute: 60, burst: 1, now: clock.now, maxKeys: 3 });
    for (const key of ['a', 'b', 'c']) limiter.take(key);
    limiter.take('a'); // refused, but seen: now the most recent
    limiter.take('d'); // forgets b
    expect(limiter.size).toBe(3);
    expect(limiter.take('a').allowed).toBe(false); // still remembered
    expect(limiter.take('b').allowed).toBe(true); // forgotten, starts full again
  });

  it('is off when the rate is 0', () => {
    const limiter = new TokenBucketRateLimiter({ perMinute: 0, burst: 1 });
    expect(Array.from({ length: 1_000 }, () => limiter.take('mel').allowed).every(Boolean)).toBe(true);
    expect(limiter.size).toBe(0);
  });
});
