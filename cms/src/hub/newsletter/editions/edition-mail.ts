import type { NewsletterPart } from '@hub/shared';
import type { DigestItem } from './digest-item';
import type { DigestSection } from './select-items';

/** At most this many items per part in one mail; the rest is one link away on the site. */
export const MAX_ITEMS_PER_PART = 15;

/**
 * Stand-ins for a subscriber's own links. An edition is rendered once per kind of subscriber
 * with these in place, and each mail gets its own links by a plain replacement: rendering MJML
 * 10,000 times would take minutes. Letters only, so no renderer escapes or encodes them.
 */
export const LINK_MARKS = {
  unsubscribe: 'HUBLINKAFMELDENHUB',
  manage: 'HUBLINKKEUZEHUB',
} as const;

/** Everything one mail shows, before the subscriber's own links are put in. */
export interface EditionMail {
  subject: string;
  /** The editors' introduction, or null; paragraphs are separated by a blank line. */
  intro: string | null;
  /** The moment the edition was made: its date heads the mail. */
  date: Date;
  siteName: string;
  /** The public site's address without a trailing slash. */
  siteUrl: string;
  sections: DigestSection[];
  /** The stadsdeel the subscriber follows (its name), or null for the whole city. */
  districtName: string | null;
}

/** The site's list page of each part, for "more on the site" links. */
export const PART_PAGES: Record<NewsletterPart, string> = {
  nieuws: '/nieuws/',
  agenda: '/agenda/',
  'goede-voorbeelden': '/goede-voorbeelden/',
};

/** The first items of a section, and how many more the site has. */
export function shownItems(section: DigestSection): { items: DigestItem[]; more: number } {
  return {
    items: section.items.slice(0, MAX_ITEMS_PER_PART),
    more: Math.max(0, section.items.length - MAX_ITEMS_PER_PART),
  };
}

/** The editors' introduction as paragraphs (blank lines split them; line breaks inside stay). */
export function introParagraphs(intro: string | null): string[] {
  return (intro ?? '')
    .split(/\r?\n\s*\r?\n/)
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph.length > 0);
}

/** The line that says which stadsdeel the mail is about. */
export function districtLine(districtName: string | null): string {
  return districtName
    ? `Je krijgt berichten over stadsdeel ${districtName} en over heel Maastricht.`
    : 'Je krijgt berichten over heel Maastricht.';
}

/**
 * Where to find help: on every page of the site, so in every mail too. The mail says "je", as
 * the site and the sign-up mails do.
 */
export const HELP_LINES = [
  'Voel je je eenzaam, of maak je je zorgen om iemand?',
  'Bel De Luisterlijn: 088 0767 000. Dag en nacht, ook voor een gesprek via chat of mail.',
] as const;

/** Why the subscriber gets this mail. */
export const WHY_LINE =
  'Je krijgt deze nieuwsbrief omdat je je daarvoor hebt aangemeld op onze website.';
