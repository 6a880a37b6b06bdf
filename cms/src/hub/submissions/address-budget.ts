import { createHmac } from 'node:crypto';
import type { RateLimit } from './rate-limiter';
import type { SubmissionMarks, Tally } from './submission-marks';

/**
 * The mark a budget key is stored under: a keyed hash (HMAC-SHA256) of the address or IPv6 /64,
 * never the address itself. Whoever reads the table (a backup, an operator) learns no
 * addresses, and without the secret an IPv4 address cannot be found back by trying all 2^32.
 * Every instance shares the secret (it comes from APP_KEYS), so they count under the same mark.
 */
export function budgetMark(key: string, secret: string): string {
  return createHmac('sha256', secret).update(`budget:${key}`).digest('hex');
}

/**
 * How many posts each address (see budgetKey) may make in a window, counted in the database
 * (the marks table, one row per address under `scope`), so every CMS instance on that database
 * counts against the same budget. A window starts with an address's first post and lasts the
 * limit's minutes; the next post after it starts a new one. Each count is one atomic statement
 * (see SubmissionMarks.hit), so posts at the same moment on several instances are all counted.
 */
export class AddressBudget {
  constructor(
    private readonly marks: SubmissionMarks,
    private readonly scope: string,
    private readonly limit: RateLimit,
    private readonly secret: string,
    private readonly now: () => number = Date.now,
  ) {}

  /** Seconds until the window of a tally ends, at least 1 (for Retry-After). */
  private secondsLeft(tally: Tally): number {
    return Math.max(1, Math.ceil((tally.expiresAt - this.now()) / 1000));
  }

  /** Seconds until this address may post again; 0 when it may now. Counts nothing. */
  async retryAfterSeconds(key: string): Promise<number> {
    const tally = await this.marks.tally(this.scope, budgetMark(key, this.secret));
    return tally && tally.hits >= this.limit.max ? this.secondsLeft(tally) : 0;
  }

  /**
   * Counts one post of this address and returns 0 when it was within the budget, or else the
   * seconds to wait. A refused post leaves the count where it was (at the limit plus one), so
   * hammering grows nothing.
   */
  async take(key: string): Promise<number> {
    const tally = await this.marks.hit(
      this.scope,
      budgetMark(key, this.secret),
      this.limit.max,
      this.limit.windowMs,
    );
    return tally.hits <= this.limit.max ? 0 : this.secondsLeft(tally);
  }

  /** Counts one post of this address, whether it fits or not (a robot thanked all the same). */
  async record(key: string): Promise<void> {
    await this.take(key);
  }
}
