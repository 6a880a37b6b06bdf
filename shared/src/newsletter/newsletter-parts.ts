/**
 * A part of the newsletter a subscriber can choose. The names match the site's sections, so an
 * edition's part and the page its items link to say the same thing.
 */
export type NewsletterPart = 'nieuws' | 'agenda' | 'goede-voorbeelden';

/** The parts of the newsletter in the order a mail and the sign-up form show them, with Dutch labels. */
export const NEWSLETTER_PARTS: readonly { part: NewsletterPart; label: string }[] = [
  { part: 'nieuws', label: 'Nieuws' },
  { part: 'agenda', label: 'Agenda' },
  { part: 'goede-voorbeelden', label: 'Goede voorbeelden' },
];

/** Whether a value (from a form, JSON or the database) names a part of the newsletter. */
export function isNewsletterPart(value: unknown): value is NewsletterPart {
  return typeof value === 'string' && NEWSLETTER_PARTS.some((entry) => entry.part === value);
}
