import type { NewsletterPart } from '@hub/shared';

/** When and where an activity takes place, as the newsletter shows it. */
export interface DigestEvent {
  /** Start, ISO 8601 (shown in Amsterdam time). */
  startsAt: string;
  /** End, ISO 8601, or null when the organiser gave none. */
  endsAt: string | null;
  /** Venue, street and city in one line, or null (e.g. online only). */
  place: string | null;
  /** True when the activity takes place online (it has an online link). */
  online: boolean;
  /** The editor's status: gepland, vol, geannuleerd or verplaatst. */
  status: string;
}

/**
 * One published item as an edition keeps it (stored in the edition's `items`, so a send that is
 * resumed mails exactly what it started with). Only what the mail shows, plus what decides who
 * gets it: the part and the stadsdelen.
 */
export interface DigestItem {
  /** The newsletter part this item belongs to. */
  part: NewsletterPart;
  /** The document it came from: a document is never in two editions. */
  documentId: string;
  /** Title as the editor wrote it (not escaped: the renderers escape). */
  title: string;
  /** The editor's summary (at most 300 characters). */
  summary: string;
  /** Absolute address of the item's page on the public site. */
  url: string;
  /** When it was published, ISO 8601. */
  publishedAt: string;
  /** Slugs of the stadsdelen it is about; empty for the whole city. */
  districts: string[];
  /** For activities only: when and where. */
  event?: DigestEvent;
}

/** What a subscriber chose (the subscription helper's fields, read from the database). */
export interface SubscriberChoice {
  /** The parts they want; an empty or unreadable list gets nothing. */
  parts: readonly NewsletterPart[];
  /** A stadsdeel slug, or null for the whole city. */
  district: string | null;
}
