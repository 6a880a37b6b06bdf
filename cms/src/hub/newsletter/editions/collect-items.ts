import type { Core } from '@strapi/strapi';
import { itemPath, type ContentTypeKey, type NewsletterPart } from '@hub/shared';
import type { DigestItem } from './digest-item';

type Row = Record<string, unknown> & { documentId: string };
type Term = { slug?: unknown } | null | undefined;
type Location = {
  venue?: unknown;
  street?: unknown;
  city?: unknown;
  district?: Term;
} | null;

/** A database time (a Date, an ISO text, or milliseconds, by database) as ISO, or ''. */
export function isoOf(value: unknown): string {
  if (value instanceof Date || typeof value === 'string' || typeof value === 'number') {
    const time = new Date(value);
    return Number.isNaN(time.getTime()) ? '' : time.toISOString();
  }
  return '';
}

const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');
const slugs = (terms: unknown): string[] =>
  (Array.isArray(terms) ? (terms as Term[]) : [])
    .map((term) => text(term?.slug))
    .filter((slug) => slug.length > 0);

/** The address of a location in one line: "Buurthuis De Kaap, Kapoenstraat 1, Maastricht". */
export function placeOf(location: Location): string | null {
  if (!location) return null;
  const parts = [location.venue, location.street, location.city].map(text).filter(Boolean);
  return parts.length > 0 ? parts.join(', ') : null;
}

/** Which content type fills which part, and what to read with it. */
const SOURCES: {
  part: NewsletterPart;
  type: ContentTypeKey;
  uid: string;
  populate: Record<string, unknown>;
}[] = [
  { part: 'nieuws', type: 'article', uid: 'api::article.article', populate: { districts: true } },
  {
    part: 'goede-voorbeelden',
    type: 'good-practice',
    uid: 'api::good-practice.good-practice',
    populate: { districts: true, location: { populate: { district: true } } },
  },
  {
    part: 'agenda',
    type: 'event',
    uid: 'api::event.event',
    populate: { location: { populate: { district: true } } },
  },
];

/** The stadsdelen an item is about, the way the site's stadsdeel pages decide it. */
function districtsOf(part: NewsletterPart, row: Row): string[] {
  const location = (row.location ?? null) as Location;
  const placed = slugs([location?.district]);
  if (part === 'agenda') return placed;
  if (part === 'nieuws') return slugs(row.districts);
  return [...new Set([...slugs(row.districts), ...placed])];
}

/** A published row as the newsletter keeps it; null when it has no page to link to. */
export function digestItemOf(
  source: { part: NewsletterPart; type: ContentTypeKey },
  row: Row,
  siteUrl: string,
): DigestItem | null {
  const path = itemPath(source.type, text(row.slug));
  if (!path) return null;
  const item: DigestItem = {
    part: source.part,
    documentId: row.documentId,
    title: text(row.title),
    summary: text(row.summary),
    url: `${siteUrl}${path}`,
    publishedAt: isoOf(row.publishedAt),
    districts: districtsOf(source.part, row),
  };
  if (source.part === 'agenda') {
    item.event = {
      startsAt: isoOf(row.startsAt),
      endsAt: isoOf(row.endsAt) || null,
      place: placeOf((row.location ?? null) as Location),
      online: text(row.onlineUrl).length > 0,
      status: text(row.eventStatus) || 'gepland',
    };
  }
  return item;
}

/**
 * What was published in the period (after `from`, up to and including `to`), for the
 * newsletter: news and good practices newest first; activities that have not ended yet, soonest
 * first (an activity that is over by the time the mail arrives is no news to a resident).
 * Documents that were in an earlier edition (`alreadySent`) are left out: publishing a change
 * to an item gives it a new publication time in Strapi 5, but it is not new.
 */
export async function collectPublishedItems(
  strapi: Core.Strapi,
  period: { from: Date; to: Date },
  siteUrl: string,
  alreadySent: ReadonlySet<string>,
): Promise<DigestItem[]> {
  const items: DigestItem[] = [];
  for (const source of SOURCES) {
    const rows = (await strapi.db.query(source.uid as never).findMany({
      where: {
        publishedAt: { $gt: period.from, $lte: period.to },
        ...(source.part === 'agenda'
          ? {
              $or: [{ endsAt: { $gt: period.to } }, { endsAt: null, startsAt: { $gt: period.to } }],
            }
          : {}),
      },
      populate: source.populate,
      orderBy: source.part === 'agenda' ? { startsAt: 'asc' } : { publishedAt: 'desc' },
    })) as Row[];
    const seen = new Set<string>();
    for (const row of rows) {
      // A document can have several published rows only in a race; one is enough.
      if (alreadySent.has(row.documentId) || seen.has(row.documentId)) continue;
      seen.add(row.documentId);
      const item = digestItemOf(source, row, siteUrl);
      if (item) items.push(item);
    }
  }
  return items;
}
