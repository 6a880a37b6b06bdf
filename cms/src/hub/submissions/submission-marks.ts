import type { Core } from '@strapi/strapi';

/**
 * The table behind the one-time form tokens. Not a Strapi content type: it needs a primary key
 * the database enforces (Strapi checks `unique` attributes with a look-up before the insert,
 * which two requests at the same moment both pass), and nobody edits it. Strapi's schema sync
 * leaves tables it never created alone.
 *
 * One row per (scope, mark) until `expires_at` (milliseconds since 1970):
 * - scope 'form-token': mark = a claimed token's id, hits = 1, expires when the token would.
 * - meant for issue 13 as well: a per-address budget as scope 'submissions' or 'attempts',
 *   mark = the address key, hits = the count in the window that ends at `expires_at`
 *   (an INSERT ... ON CONFLICT DO UPDATE), so budgets hold across CMS instances too.
 */
export const SUBMISSION_MARKS_TABLE = 'hub_submission_marks';

/** How often at most each CMS instance deletes expired marks (on a claim). */
const SWEEP_EVERY_MS = 60 * 60_000;

/** Remembers one-time marks (claimed form tokens) in the database, shared by every instance. */
export class SubmissionMarks {
  private ready: Promise<void> | undefined;
  private lastSweep = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly strapi: Core.Strapi,
    private readonly now: () => number = Date.now,
  ) {}

  private table() {
    return this.strapi.db.getConnection(SUBMISSION_MARKS_TABLE);
  }

  /** Creates the table once, if it is not there; another instance may do so at the same time. */
  ensureTable(): Promise<void> {
    this.ready ??= this.createTable().catch((error: unknown) => {
      this.ready = undefined;
      throw error;
    });
    return this.ready;
  }

  private async createTable(): Promise<void> {
    const schema = () => this.strapi.db.getSchemaConnection();
    if (await schema().hasTable(SUBMISSION_MARKS_TABLE)) return;
    try {
      await schema().createTable(SUBMISSION_MARKS_TABLE, (table) => {
        table.string('scope', 32).notNullable();
        table.string('mark', 128).notNullable();
        table.integer('hits').notNullable().defaultTo(1);
        table.bigInteger('expires_at').notNullable();
        table.primary(['scope', 'mark']);
        table.index(['expires_at'], `${SUBMISSION_MARKS_TABLE}_expires_at`);
      });
    } catch (error) {
      // Another instance was first.
      if (!(await schema().hasTable(SUBMISSION_MARKS_TABLE))) throw error;
    }
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
      this.strapi.log.warn(`[hub] Expired form tokens could not be deleted: ${message}`);
    }
  }
}
