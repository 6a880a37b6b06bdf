import type { Core } from '@strapi/strapi';
import { isNewsletterPart } from '@hub/shared';
import type { SubscriberChoice } from './digest-item';

export const SUBSCRIBER_UID = 'api::newsletter-subscriber.newsletter-subscriber';

/** Subscribers are read this many at a time: 10,000 are never held at once. */
export const SUBSCRIBER_PAGE = 500;

/** A confirmed subscriber, with only what sending needs. */
export interface Recipient extends SubscriberChoice {
  id: number;
  documentId: string;
  email: string;
}

type Row = {
  id: number;
  documentId: string;
  email?: unknown;
  parts?: unknown;
  district?: unknown;
};

/** The parts as stored (json: an array, or text on databases that hand json back as text). */
function partsOf(value: unknown): Recipient['parts'] {
  let list = value;
  if (typeof list === 'string') {
    try {
      list = JSON.parse(list) as unknown;
    } catch {
      return [];
    }
  }
  return Array.isArray(list) ? list.filter(isNewsletterPart) : [];
}

/**
 * Every confirmed subscriber, a page at a time in id order (an unconfirmed address never gets a
 * newsletter). Reading by id keeps pages right while people sign up or leave during a send.
 */
export async function* confirmedRecipients(strapi: Core.Strapi): AsyncGenerator<Recipient[]> {
  let after = 0;
  for (;;) {
    const rows = (await strapi.db.query(SUBSCRIBER_UID as never).findMany({
      where: { id: { $gt: after }, confirmedAt: { $notNull: true } },
      select: ['id', 'documentId', 'email', 'parts', 'district'],
      orderBy: { id: 'asc' },
      limit: SUBSCRIBER_PAGE,
    })) as Row[];
    if (rows.length === 0) return;
    after = rows.reduce((last, row) => Math.max(last, row.id), after);
    yield rows
      .filter((row) => typeof row.email === 'string' && row.email.includes('@'))
      .map((row) => ({
        id: row.id,
        documentId: row.documentId,
        email: row.email as string,
        parts: partsOf(row.parts),
        district: typeof row.district === 'string' && row.district ? row.district : null,
      }));
    if (rows.length < SUBSCRIBER_PAGE) return;
  }
}
