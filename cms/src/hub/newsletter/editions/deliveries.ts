import type { Core } from '@strapi/strapi';
import { ownTable } from '../../database/own-table';

/**
 * Who got which edition: one row per (edition, subscriber), written BEFORE the mail is handed
 * to the mail server. Not a Strapi content type: the claim needs a primary key the database
 * enforces (one INSERT ... ON CONFLICT DO NOTHING decides, on one instance or several), and
 * 10,000 rows an edition need no admin screens. It holds subscriber ids, never addresses.
 */
export const DELIVERIES_TABLE = 'hub_newsletter_deliveries';

/** What became of one mail. 'claimed': handed to a sender that has not reported back (yet). */
export type DeliveryState = 'claimed' | 'sent' | 'failed';

/** The deliveries of editions, in the database shared by every CMS instance. */
export class Deliveries {
  /** Creates the table once, if it is not there; another instance may do so at the same time. */
  readonly ensureTable: () => Promise<void>;

  constructor(private readonly strapi: Core.Strapi) {
    this.ensureTable = ownTable(this.strapi, DELIVERIES_TABLE, (table) => {
      table.integer('edition_id').notNullable();
      table.integer('subscriber_id').notNullable();
      table.string('state', 16).notNullable();
      table.primary(['edition_id', 'subscriber_id']);
    });
  }

  private table() {
    return this.strapi.db.getConnection(DELIVERIES_TABLE);
  }

  /**
   * Claims these subscribers for an edition and returns the ids this call got: those nobody
   * (no other instance, no earlier run of a send that was interrupted) claimed before. One
   * INSERT for the whole page.
   */
  async claim(editionId: number, subscriberIds: readonly number[]): Promise<number[]> {
    if (subscriberIds.length === 0) return [];
    await this.ensureTable();
    const rows = (await this.table()
      .insert(
        subscriberIds.map((id) => ({ edition_id: editionId, subscriber_id: id, state: 'claimed' })),
      )
      .onConflict(['edition_id', 'subscriber_id'])
      .ignore()
      .returning('subscriber_id')) as ({ subscriber_id: number | string } | number)[];
    return rows.map((row) => Number(typeof row === 'object' ? row.subscriber_id : row));
  }

  /** Records what became of these mails. */
  async mark(editionId: number, subscriberIds: readonly number[], state: DeliveryState) {
    if (subscriberIds.length === 0) return;
    await this.ensureTable();
    await this.table()
      .where({ edition_id: editionId })
      .whereIn('subscriber_id', [...subscriberIds])
      .update({ state });
  }

  /** How many mails of an edition are in each state. */
  async count(editionId: number): Promise<Record<DeliveryState, number>> {
    await this.ensureTable();
    const rows = (await this.table()
      .where({ edition_id: editionId })
      .select('state')
      .count({ n: '*' })
      .groupBy('state')) as { state: DeliveryState; n: number | string }[];
    const counts: Record<DeliveryState, number> = { claimed: 0, sent: 0, failed: 0 };
    for (const row of rows) counts[row.state] = Number(row.n);
    return counts;
  }

  /** Forgets the deliveries of these editions (finished long ago: nobody sends them now). */
  async forget(editionIds: readonly number[]): Promise<void> {
    if (editionIds.length === 0) return;
    await this.ensureTable();
    await this.table()
      .whereIn('edition_id', [...editionIds])
      .delete();
  }
}
