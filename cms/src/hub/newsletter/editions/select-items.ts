import { NEWSLETTER_PARTS, type NewsletterPart } from '@hub/shared';
import type { DigestItem, SubscriberChoice } from './digest-item';

/** One part of a subscriber's mail: its label and items, in the order the mail shows them. */
export interface DigestSection {
  part: NewsletterPart;
  label: string;
  items: DigestItem[];
}

/**
 * Whether an item belongs in the mail of someone who follows one stadsdeel: items about that
 * stadsdeel, and items about the whole city (no stadsdeel set), which matter to everyone.
 */
export function isForDistrict(item: DigestItem, district: string | null): boolean {
  return district === null || item.districts.length === 0 || item.districts.includes(district);
}

/**
 * The sections of one subscriber's mail: the parts they chose, in the standard order, each with
 * the items for their stadsdeel. Parts without items are left out; an empty list means this
 * subscriber gets no mail this time.
 */
export function sectionsFor(
  items: readonly DigestItem[],
  choice: SubscriberChoice,
): DigestSection[] {
  return NEWSLETTER_PARTS.filter(({ part }) => choice.parts.includes(part))
    .map(({ part, label }) => ({
      part,
      label,
      items: items.filter((item) => item.part === part && isForDistrict(item, choice.district)),
    }))
    .filter((section) => section.items.length > 0);
}

/**
 * A key that is the same for everyone who gets the same mail (apart from their own links), so
 * an edition is rendered once per kind of subscriber, not once per address.
 */
export function choiceKey(sections: readonly DigestSection[]): string {
  return sections
    .map((section) => `${section.part}:${section.items.map((item) => item.documentId).join(',')}`)
    .join('|');
}
