import type { Core } from '@strapi/strapi';
import { isoOf } from './collect-items';
import type { DigestItem } from './digest-item';

export const EDITION_UID = 'api::newsletter-edition.newsletter-edition';
export const NEWSLETTER_UID = 'api::newsletter.newsletter';

/** An edition as stored: claimed (status 'versturen') before the first mail, 'verstuurd' after. */
export interface EditionRecord {
  id: number;
  /** The claim: 'eerste' for the first edition, `na-<id>` for the one after edition <id>. */
  periodKey: string;
  periodStart: string;
  periodEnd: string;
  status: 'versturen' | 'verstuurd';
  subject: string;
  intro: string | null;
  items: DigestItem[];
  recipientCount: number;
  sentAt: string | null;
}

type Row = Record<string, unknown> & { id: number };

function recordOf(row: Row): EditionRecord {
  return {
    id: row.id,
    periodKey: String(row.periodKey ?? ''),
    periodStart: isoOf(row.periodStart),
    periodEnd: isoOf(row.periodEnd),
    status: row.status === 'verstuurd' ? 'verstuurd' : 'versturen',
    subject: String(row.subject ?? ''),
    intro: typeof row.intro === 'string' && row.intro.trim() ? row.intro : null,
    items: Array.isArray(row.items) ? (row.items as DigestItem[]) : [],
    recipientCount: Number(row.recipientCount ?? 0),
    sentAt: isoOf(row.sentAt) || null,
  };
}

const editions = (strapi: Core.Strapi) => strapi.db.query(EDITION_UID as never);

/** Editions that were claimed but not finished (a send was interrupted, or runs now). */
export async function unfinishedEditions(strapi: Core.Strapi): Promise<EditionRecord[]> {
  const rows = (await editions(strapi).findMany({
    where: { status: 'versturen' },
    orderBy: { id: 'asc' },
  })) as Row[];
  return rows.map(recordOf);
}

/** The newest edition in any state: the next one starts where it ended. */
export async function latestEdition(strapi: Core.Strapi): Promise<EditionRecord | null> {
  const row = (await editions(strapi).findOne({ orderBy: { periodEnd: 'desc' } })) as Row | null;
  return row ? recordOf(row) : null;
}

/** The documents sent in editions that ended after `since`: they are not news again. */
export async function documentsSentSince(strapi: Core.Strapi, since: Date): Promise<Set<string>> {
  const rows = (await editions(strapi).findMany({
    where: { periodEnd: { $gt: since } },
    select: ['items'],
  })) as Row[];
  const sent = new Set<string>();
  for (const row of rows) for (const item of recordOf(row).items) sent.add(item.documentId);
  return sent;
}

/**
 * Claims an edition: one INSERT against the unique `periodKey` (a database index, see the
 * schema's `column.unique`), so of two instances that plan the same edition at the same moment
 * exactly one gets it. Returns null when another got it first.
 */
export async function claimEdition(
  strapi: Core.Strapi,
  edition: Omit<EditionRecord, 'id' | 'status' | 'recipientCount' | 'sentAt'>,
): Promise<EditionRecord | null> {
  try {
    const row = (await editions(strapi).create({
      data: { ...edition, status: 'versturen', recipientCount: 0 },
    })) as Row;
    return recordOf(row);
  } catch (error) {
    const existing = await editions(strapi).findOne({ where: { periodKey: edition.periodKey } });
    if (existing) return null;
    throw error;
  }
}

/** Marks an edition sent, with how many mails went out. */
export async function finishEdition(
  strapi: Core.Strapi,
  id: number,
  recipientCount: number,
  sentAt: Date,
): Promise<void> {
  await editions(strapi).update({
    where: { id },
    data: { status: 'verstuurd', recipientCount, sentAt },
  });
}

/** Editions finished before `before`: their deliveries may be forgotten. */
export async function editionsFinishedBefore(strapi: Core.Strapi, before: Date): Promise<number[]> {
  const rows = (await editions(strapi).findMany({
    where: { status: 'verstuurd', sentAt: { $lt: before } },
    select: ['id'],
  })) as Row[];
  return rows.map((row) => row.id);
}

/** What the editors wrote for the next edition (single type "Nieuwsbrief"). */
export interface EditorsWords {
  id: number | null;
  intro: string | null;
  subject: string | null;
}

export async function editorsWords(strapi: Core.Strapi): Promise<EditorsWords> {
  const row = (await strapi.db.query(NEWSLETTER_UID as never).findOne({})) as Row | null;
  const text = (value: unknown) =>
    typeof value === 'string' && value.trim() ? value.trim() : null;
  return { id: row?.id ?? null, intro: text(row?.intro), subject: text(row?.subject) };
}

/**
 * Empties the introduction and subject once an edition took them, so next week's edition does
 * not repeat last week's words. Only when they are still what the edition took: an editor who
 * is already writing the next one keeps their text.
 */
export async function clearEditorsWords(strapi: Core.Strapi, used: EditorsWords): Promise<void> {
  if (used.id === null || (used.intro === null && used.subject === null)) return;
  const now = await editorsWords(strapi);
  if (now.intro !== used.intro || now.subject !== used.subject) return;
  await strapi.db
    .query(NEWSLETTER_UID as never)
    .update({ where: { id: used.id }, data: { intro: null, subject: null } });
}
