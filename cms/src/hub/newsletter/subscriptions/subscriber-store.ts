import type { Core } from '@strapi/strapi';
import { isNewsletterPart, type NewsletterChoices, type NewsletterPart } from '@hub/shared';
import { CONFIRM_LINK_LIFETIME_MS } from '../links';

/** The content type of subscribers: private to the admin, no content-API routes. */
export const SUBSCRIBER_UID = 'api::newsletter-subscriber.newsletter-subscriber';

/** A subscriber as this module reads one. */
export interface Subscriber {
  documentId: string;
  email: string;
  parts: NewsletterPart[];
  district: string | null;
  confirmedAt: string | null;
  signedUpAt: string | null;
}

interface Row {
  documentId: string;
  email: string;
  parts?: unknown;
  district?: string | null;
  confirmedAt?: string | Date | null;
  signedUpAt?: string | Date | null;
}

const FIELDS = ['documentId', 'email', 'parts', 'district', 'confirmedAt', 'signedUpAt'];

const iso = (value: string | Date | null | undefined) =>
  value ? new Date(value).toISOString() : null;

function subscriberOf(row: Row): Subscriber {
  // An editor may have changed the JSON in the admin: only known parts count.
  const parts = Array.isArray(row.parts) ? row.parts.filter(isNewsletterPart) : [];
  return {
    documentId: row.documentId,
    email: row.email,
    parts,
    district: row.district || null,
    confirmedAt: iso(row.confirmedAt),
    signedUpAt: iso(row.signedUpAt),
  };
}

/** A unique-index violation, as SQLite and PostgreSQL report one. */
function isDuplicate(error: unknown): boolean {
  const text = `${(error as { code?: string }).code ?? ''} ${error instanceof Error ? error.message : ''}`;
  return /23505|SQLITE_CONSTRAINT|unique/i.test(text);
}

/**
 * The subscribers in the database, through Strapi's query engine (the type has no draft and
 * publish, so a document is one row). The e-mail column has a unique index, so two sign-ups
 * of one address at the same moment, on one instance or two, make one row.
 */
export class SubscriberStore {
  constructor(private readonly strapi: Core.Strapi) {}

  private query() {
    return this.strapi.db.query(SUBSCRIBER_UID);
  }

  async findByEmail(email: string): Promise<Subscriber | null> {
    const row = (await this.query().findOne({ select: FIELDS, where: { email } })) as Row | null;
    return row ? subscriberOf(row) : null;
  }

  async findByDocumentId(documentId: string): Promise<Subscriber | null> {
    const row = (await this.query().findOne({
      select: FIELDS,
      where: { documentId },
    })) as Row | null;
    return row ? subscriberOf(row) : null;
  }

  /**
   * Stores a new, unconfirmed sign-up; returns the row that holds the address afterwards, and
   * whether this call made it (false: the address was there, or came in at the same moment).
   */
  async add(
    email: string,
    choices: NewsletterChoices,
    now: Date,
  ): Promise<{ subscriber: Subscriber; created: boolean }> {
    try {
      const row = (await this.strapi.documents(SUBSCRIBER_UID).create({
        data: {
          email,
          parts: choices.parts,
          district: choices.district,
          signedUpAt: now.toISOString(),
          confirmedAt: null,
        },
      } as never)) as unknown as Row;
      return { subscriber: subscriberOf(row), created: true };
    } catch (error) {
      // Strapi looks for the address before it inserts; two requests at once both pass that
      // look, and the index stops the second. Either way the address has its one row.
      const existing = await this.findByEmail(email);
      if (
        existing &&
        (isDuplicate(error) || (error as { name?: string }).name === 'ValidationError')
      )
        return { subscriber: existing, created: false };
      throw error;
    }
  }

  /** A new choice and moment for a sign-up that is not confirmed yet (it was sent again). */
  async renewUnconfirmed(documentId: string, choices: NewsletterChoices, now: Date): Promise<void> {
    await this.query().update({
      where: { documentId, confirmedAt: null },
      data: { parts: choices.parts, district: choices.district, signedUpAt: now.toISOString() },
    });
  }

  /** Confirms a sign-up once: the first moment stays. */
  async confirm(documentId: string, now: Date): Promise<void> {
    await this.query().update({
      where: { documentId, confirmedAt: null },
      data: { confirmedAt: now.toISOString() },
    });
  }

  async changeChoices(documentId: string, choices: NewsletterChoices): Promise<void> {
    await this.query().update({
      where: { documentId },
      data: { parts: choices.parts, district: choices.district },
    });
  }

  /** Deletes a subscriber at once; true when there was one. */
  async remove(documentId: string): Promise<boolean> {
    const { count } = await this.query().deleteMany({ where: { documentId } });
    return count > 0;
  }

  /**
   * Deletes every sign-up not confirmed within the confirmation link's lifetime (48 hours):
   * from its last sign-up, or, for one an editor made without that moment, from its creation.
   */
  async removeUnconfirmedBefore(now: Date): Promise<number> {
    const cutoff = new Date(now.getTime() - CONFIRM_LINK_LIFETIME_MS).toISOString();
    const { count } = await this.query().deleteMany({
      where: {
        confirmedAt: { $null: true },
        $or: [
          { signedUpAt: { $lt: cutoff } },
          { signedUpAt: { $null: true }, createdAt: { $lt: cutoff } },
        ],
      },
    });
    return count;
  }
}

/**
 * The cron task (config/cron-tasks.ts): sign-ups nobody confirmed within 48 hours are deleted,
 * so an address someone else typed in is not kept. Callable with any clock.
 */
export async function forgetUnconfirmedSubscribers(
  strapi: Core.Strapi,
  now: Date,
): Promise<number> {
  const count = await new SubscriberStore(strapi).removeUnconfirmedBefore(now);
  if (count > 0) strapi.log.info(`[hub] Deleted ${count} unconfirmed newsletter sign-up(s).`);
  return count;
}
