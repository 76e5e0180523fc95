/** The outcome of asking for one request. */
export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export interface RateLimiterOptions {
  /** Steady rate: requests per minute per key; 0 lets everything through. */
  perMinute: number;
  /** Requests a key may send at once (the bucket's capacity). */
  burst: number;
  /** Milliseconds since some origin; injected by tests. */
  now?: () => number;
  /** Keys remembered at most; the least recently seen is forgotten first. */
  maxKeys?: number;
}

interface Bucket {
  tokens: number;
  updatedAt: number;
}

/**
 * A token bucket per key (a partner slug, or a client address for anonymous callers), in the
 * memory of this process: with several gateway replicas each applies the limit on its own.
 * Each key starts with `burst` tokens, earns `perMinute / 60` per second up to `burst`, and
 * spends one per request; with none left the request is refused, with the wait until the
 * next token. Memory is bounded: past `maxKeys`, the least recently seen key is forgotten (it
 * had most likely refilled anyway, and a forgotten key simply starts full again).
 */
export class TokenBucketRateLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private readonly perMillisecond: number;
  private readonly now: () => number;
  private readonly maxKeys: number;

  constructor(private readonly options: RateLimiterOptions) {
    this.perMillisecond = options.perMinute / 60_000;
    this.now = options.now ?? Date.now;
    this.maxKeys = options.maxKeys ?? 100_000;
  }

  get enabled(): boolean {
    return this.options.perMinute > 0;
  }

  take(key: string): RateDecision {
    if (!this.enabled) return { allowed: true };
    const now = this.now();
    const known = this.buckets.get(key);
    const bucket = known ?? { tokens: this.options.burst, updatedAt: now };
    const elapsed = Math.max(0, now - bucket.updatedAt);
    bucket.tokens = Math.min(this.options.burst, bucket.tokens + elapsed * this.perMillisecond);
    bucket.updatedAt = now;
    // Re-inserted so that the Map's order is least recently seen first.
    if (known) this.buckets.delete(key);
    else if (this.buckets.size >= this.maxKeys) this.buckets.delete(this.buckets.keys().next().value!);
    this.buckets.set(key, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { allowed: true };
    }
    const waitMs = (1 - bucket.tokens) / this.perMillisecond;
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)) };
  }

  /** Keys currently remembered (for tests and metrics). */
  get size(): number {
    return this.buckets.size;
  }
}
