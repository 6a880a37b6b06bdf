/** How many submissions one address may make within a window. */
export interface RateLimit {
  max: number;
  windowMs: number;
}

/**
 * Parses SUBMISSION_RATE_LIMIT: "5" (per 10 minutes) or "5/10" (per 10 minutes), "20/60".
 * Anything else is a configuration error, said at start-up rather than ignored.
 */
export function parseRateLimit(setting: string | undefined): RateLimit {
  const text = (setting ?? '').trim() || '5/10';
  const match = /^(\d+)(?:\/(\d+))?$/.exec(text);
  const max = Number(match?.[1]);
  const minutes = Number(match?.[2] ?? 10);
  if (!match || max < 1 || minutes < 1) {
    throw new Error(
      `SUBMISSION_RATE_LIMIT must be a number of submissions, optionally per minutes ("5/10"); got "${text}".`,
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

  /** Seconds until this address may submit again; 0 when it may now. */
  retryAfterSeconds(address: string): number {
    const times = this.current(address);
    if (times.length < this.limit.max) return 0;
    const oldest = times[0] ?? this.now();
    return Math.max(1, Math.ceil((oldest + this.limit.windowMs - this.now()) / 1000));
  }

  /** Counts one submission of this address. */
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
