import type { DigestItem } from './digest-item';
import {
  HELP_LINES,
  LINK_MARKS,
  PART_PAGES,
  WHY_LINE,
  districtLine,
  introParagraphs,
  shownItems,
  type EditionMail,
} from './edition-mail';
import { editionDate, eventStatusNote, eventWhen } from './event-when';

/** One item in the plain-text part: title, summary, when and where, and the address. */
export function itemText(item: DigestItem): string {
  const lines = [item.title, item.summary];
  if (item.event) {
    const note = eventStatusNote(item.event.status);
    if (note) lines.push(note);
    lines.push(`Wanneer: ${eventWhen(item.event.startsAt, item.event.endsAt)}`);
    const where = [item.event.place, item.event.online ? 'online' : null]
      .filter(Boolean)
      .join(' en ');
    if (where) lines.push(`Waar: ${where}`);
  }
  lines.push(`Lees verder: ${item.url}`);
  return lines.join('\n');
}

/**
 * The plain-text part: the same content as the HTML for clients and readers that show text
 * only. Headings are marked by capitals and a line, which screen readers read as plain text.
 */
export function editionText(mail: EditionMail): string {
  const heading = (text: string) => `${text.toUpperCase()}\n${'-'.repeat(text.length)}`;
  const blocks = [
    mail.siteName,
    `Nieuwsbrief van ${editionDate(mail.date)}`,
    ...introParagraphs(mail.intro),
    districtLine(mail.districtName),
  ];
  for (const section of mail.sections) {
    const { items, more } = shownItems(section);
    blocks.push(heading(section.label), ...items.map(itemText));
    if (more > 0) {
      blocks.push(
        `Bekijk nog ${more} meer op de website: ${mail.siteUrl}${PART_PAGES[section.part]}`,
      );
    }
  }
  blocks.push(heading('Hulp nodig?'), HELP_LINES.join('\n'));
  blocks.push(
    WHY_LINE,
    `Wijzig je keuze: ${LINK_MARKS.manage}`,
    `Afmelden: ${LINK_MARKS.unsubscribe}`,
  );
  return `${blocks.join('\n\n')}\n`;
}
