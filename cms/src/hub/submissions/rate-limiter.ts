/** How many posts one address (see budgetKey) may make within a window. */
export interface RateLimit {
  max: number;
  windowMs: number;
}

/**
 * Parses a budget setting such as SUBMISSION_RATE_LIMIT: "5" (per 10 minutes) or "5/10" (per 10
 * minutes), "20/60". Empty gives `fallback`. Anything else is a configuration error, said at
 * start-up rather than ignored.
 */
export function parseRateLimit(
  setting: string | undefined,
  name = 'SUBMISSION_RATE_LIMIT',
  fallback = '5/10',
): RateLimit {
  const text = (setting ?? '').trim() || fallback;
  const match = /^(\d+)(?:\/(\d+))?$/.exec(text);
  const max = Number(match?.[1]);
  const minutes = Number(match?.[2] ?? 10);
  if (!match || max < 1 || minutes < 1) {
    throw new Error(
      `${name} must be a number of posts, optionally per minutes ("${fallback}"); got "${text}".`,
    );
  }
  return { max, windowMs: minutes * 60_000 };
}

/**
 * Remembers when each address submitted, in memory (one CMS process; behind a load balancer the
 * limit holds per instance, see the README). Old entries are dropped as they expire.
 */
export class RateLimiter {
  private readonly recent = new Map<string, number[]>();

  constructor(
    private readonly limit: RateLimit,
    private readonly now: () => number = Date.now,
  ) {}

  /** Seconds until this address may post again; 0 when it may now. */
  retryAfterSeconds(address: string): number {
    const times = this.current(address);
    if (times.length < this.limit.max) return 0;
    const oldest = times[0] ?? this.now();
    return Math.max(1, Math.ceil((oldest + this.limit.windowMs - this.now()) / 1000));
  }

  /**
   * Counts one post of this address if it may post now, and returns 0; otherwise returns the
   * seconds to wait and counts nothing (so hammering does not grow the memory).
   */
  take(address: string): number {
    const wait = this.retryAfterSeconds(address);
    if (wait === 0) this.record(address);
    return wait;
  }

  /** Counts one post of this address. */
  record(address: string): void {
    this.recent.set(address, [...this.current(address), this.now()]);
    if (this.recent.size > 10_000) this.sweep();
  }

  private current(address: string): number[] {
    const since = this.now() - this.limit.windowMs;
    const times = (this.recent.get(address) ?? []).filter((time) => time > since);
    if (times.length === 0) this.recent.delete(address);
    else this.recent.set(address, times);
    return times;
  }

  private sweep(): void {
    for (const address of [...this.recent.keys()]) this.current(address);
  }
}
