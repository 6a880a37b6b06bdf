import type { Core } from '@strapi/strapi';
import { ownTable } from '../database/own-table';

/**
 * The table behind everything several CMS instances on one database must agree on: one-time
 * form tokens, the per-address budgets and the claimed moments of scheduled tasks. (The name is
 * from when it held submissions only; kept, so existing databases keep their marks.) Not a
 * Strapi content type: it needs a primary key the database enforces (Strapi checks `unique`
 * attributes with a look-up before the insert, which two requests at the same moment both
 * pass), and nobody edits it. Strapi's schema sync leaves tables it never created alone.
 *
 * One row per (scope, mark) until `expires_at` (milliseconds since 1970):
 * - scope 'form-token': mark = a claimed token's id, hits = 1, expires when the token would;
 * - scope 'submissions' or 'attempts': mark = an address's budget key, hits = the count in the
 *   window that ends at `expires_at` (see address-budget.ts);
 * - scope 'task': mark = `<task>@<minute>`, a tick of a scheduled task one instance claimed
 *   (see scheduling/run-once.ts).
 */
export const SUBMISSION_MARKS_TABLE = 'hub_submission_marks';

/** How often at most each CMS instance deletes expired marks (on a claim or a count). */
const SWEEP_EVERY_MS = 60 * 60_000;

/** A count in a window: how many hits so far, and when the window ends (ms since 1970). */
export interface Tally {
  hits: number;
  expiresAt: number;
}

/** A count as the database returns it: PostgreSQL hands a bigint back as a string. */
interface CountRow {
  hits: number | string;
  expires_at: number | string;
}

const tallyOf = (row: CountRow): Tally => ({
  hits: Number(row.hits),
  expiresAt: Number(row.expires_at),
});

/** Remembers marks (claims and counts) in the database, shared by every instance. */
export class SubmissionMarks {
  private lastSweep = Number.NEGATIVE_INFINITY;

  /** Creates the table once, if it is not there; another instance may do so at the same time. */
  readonly ensureTable: () => Promise<void>;

  constructor(
    private readonly strapi: Core.Strapi,
    private readonly now: () => number = Date.now,
  ) {
    this.ensureTable = ownTable(this.strapi, SUBMISSION_MARKS_TABLE, (table) => {
      table.string('scope', 32).notNullable();
      table.string('mark', 128).notNullable();
      table.integer('hits').notNullable().defaultTo(1);
      table.bigInteger('expires_at').notNullable();
      table.primary(['scope', 'mark']);
      table.index(['expires_at'], `${SUBMISSION_MARKS_TABLE}_expires_at`);
    });
  }

  private table() {
    return this.strapi.db.getConnection(SUBMISSION_MARKS_TABLE);
  }

  /**
   * Claims a mark until `expiresAt`: true for the one request that inserted it, false when it
   * was there already. One INSERT against the primary key, so of two requests at the same
   * moment, on one instance or two, exactly one gets true.
   */
  async claim(scope: string, mark: string, expiresAt: number): Promise<boolean> {
    await this.ensureTable();
    const inserted = (await this.table()
      .insert({ scope, mark, hits: 1, expires_at: expiresAt })
      .onConflict(['scope', 'mark'])
      .ignore()
      .returning('mark')) as unknown[];
    await this.sweepNowAndThen();
    return inserted.length === 1;
  }

  /**
   * Counts one hit of a mark in a window of `windowMs` that starts with its first hit, and
   * returns the count with the window's end. One INSERT ... ON CONFLICT DO UPDATE, so hits at
   * the same moment, on one instance or several, are each counted exactly once (SQLite runs it
   * alone; PostgreSQL locks the row). Past `max` the count stops at `max + 1`: hammering a
   * refused budget changes nothing, and the count cannot overflow.
   */
  async hit(scope: string, mark: string, max: number, windowMs: number): Promise<Tally> {
    await this.ensureTable();
    const now = this.now();
    const sql = this.strapi.db.connection;
    // The row as it is, named with its table: PostgreSQL finds a bare name ambiguous here (the
    // row offered, EXCLUDED, has the same columns).
    const hits = `${SUBMISSION_MARKS_TABLE}.hits`;
    const expires = `${SUBMISSION_MARKS_TABLE}.expires_at`;
    // Both CASEs read the row as it was: an expired window starts again at this hit.
    const rows = (await this.table()
      .insert({ scope, mark, hits: 1, expires_at: now + windowMs })
      .onConflict(['scope', 'mark'])
      .merge({
        hits: sql.raw('CASE WHEN ?? <= ? THEN 1 WHEN ?? <= ? THEN ?? + 1 ELSE ?? END', [
          expires,
          now,
          hits,
          max,
          hits,
          hits,
        ]),
        expires_at: sql.raw('CASE WHEN ?? <= ? THEN CAST(? AS BIGINT) ELSE ?? END', [
          expires,
          now,
          now + windowMs,
          expires,
        ]),
      })
      .returning(['hits', 'expires_at'])) as CountRow[];
    await this.sweepNowAndThen();
    const [row] = rows;
    if (!row) throw new Error(`Counting "${scope}" returned no row.`);
    return tallyOf(row);
  }

  /** The current count of a mark, or null when it has none (never counted, or its window ended). */
  async tally(scope: string, mark: string): Promise<Tally | null> {
    await this.ensureTable();
    const row = (await this.table()
      .where({ scope, mark })
      .where('expires_at', '>', this.now())
      .first('hits', 'expires_at')) as CountRow | undefined;
    return row ? tallyOf(row) : null;
  }

  /**
   * Claims a mark that another holder may have: true when it was free or its holder's time had
   * run out (a crashed instance never gives its mark back). The expired mark is deleted first;
   * of two claims at the same moment, the primary key still lets one win.
   */
  async claimUnlessHeld(scope: string, mark: string, expiresAt: number): Promise<boolean> {
    await this.ensureTable();
    await this.table().where({ scope, mark }).where('expires_at', '<=', this.now()).delete();
    return this.claim(scope, mark, expiresAt);
  }

  /** Gives a claimed mark back (the submission it was for could not be stored after all). */
  async release(scope: string, mark: string): Promise<void> {
    await this.ensureTable();
    await this.table().where({ scope, mark }).delete();
  }

  /** Deletes every mark that has expired; returns how many. */
  async sweep(): Promise<number> {
    await this.ensureTable();
    this.lastSweep = this.now();
    return Number(await this.table().where('expires_at', '<', this.now()).delete());
  }

  /** Sweeps at most once an hour per instance; a failure is logged, never the claim's problem. */
  private async sweepNowAndThen(): Promise<void> {
    if (this.now() - this.lastSweep < SWEEP_EVERY_MS) return;
    try {
      await this.sweep();
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.strapi.log.warn(
        `[hub] Expired marks (form tokens, budgets, task ticks) could not be deleted: ${message}`,
      );
    }
  }
}
