import { createHash } from 'node:crypto';
import type { RateLimit } from './rate-limiter';
import type { SubmissionMarks, Tally } from './submission-marks';

/** The longest mark the table holds; a longer key is stored as its hash. */
const MARK_MAX_LENGTH = 128;

/**
 * The mark a budget key is stored under: the key itself (an address, readable for whoever looks
 * into the table), or its SHA-256 when it is too long for the column. A key is normally an
 * address or an IPv6 /64; anything longer comes from an odd proxy header.
 */
export function budgetMark(key: string): string {
  return key.length <= MARK_MAX_LENGTH ? key : createHash('sha256').update(key).digest('hex');
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
    private readonly now: () => number = Date.now,
  ) {}

  /** Seconds until the window of a tally ends, at least 1 (for Retry-After). */
  private secondsLeft(tally: Tally): number {
    return Math.max(1, Math.ceil((tally.expiresAt - this.now()) / 1000));
  }

  /** Seconds until this address may post again; 0 when it may now. Counts nothing. */
  async retryAfterSeconds(key: string): Promise<number> {
    const tally = await this.marks.tally(this.scope, budgetMark(key));
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
      budgetMark(key),
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
