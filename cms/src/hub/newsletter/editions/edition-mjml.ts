import { escapeHtml as escape } from '@hub/shared';
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
import type { DigestSection } from './select-items';

/** A paragraph of text from the CMS, escaped, with its line breaks kept. */
const paragraph = (text: string) => `<p>${escape(text).replace(/\r?\n/g, '<br>')}</p>`;
const link = (href: string, text: string) => `<a href="${escape(href)}">${escape(text)}</a>`;

/** One item: its title as a heading that links to the page, the summary, and when and where. */
export function itemMjml(item: DigestItem): string {
  const lines = [`<h3>${link(item.url, item.title)}</h3>`, paragraph(item.summary)];
  if (item.event) {
    const note = eventStatusNote(item.event.status);
    if (note) lines.push(`<p><strong>${escape(note)}</strong></p>`);
    lines.push(
      `<p><strong>Wanneer:</strong> ${escape(eventWhen(item.event.startsAt, item.event.endsAt))}</p>`,
    );
    const where = [item.event.place, item.event.online ? 'online' : null]
      .filter(Boolean)
      .join(' en ');
    if (where) lines.push(`<p><strong>Waar:</strong> ${escape(where)}</p>`);
  }
  return `<mj-text>${lines.join('')}</mj-text>`;
}

/** One part: a heading, its items and, when there are more, a link to the site's list. */
export function sectionMjml(section: DigestSection, siteUrl: string): string {
  const { items, more } = shownItems(section);
  const moreLine =
    more > 0
      ? `<mj-text><p>${link(`${siteUrl}${PART_PAGES[section.part]}`, `Bekijk nog ${more} meer op de website (${section.label})`)}</p></mj-text>`
      : '';
  return [
    '<mj-section><mj-column>',
    `<mj-text><h2>${escape(section.label)}</h2></mj-text>`,
    ...items.map(itemMjml),
    moreLine,
    '</mj-column></mj-section>',
  ].join('');
}

/**
 * The whole mail as MJML. Every text from the CMS is escaped here; headings give screen readers
 * the structure (h1 the edition, h2 the parts, h3 the items); no images, no remote resources
 * and no tracking. The subscriber's links are LINK_MARKS, replaced per mail.
 */
export function editionMjml(mail: EditionMail): string {
  const intro = introParagraphs(mail.intro).map(paragraph).join('');
  const date = editionDate(mail.date);
  const first = mail.sections[0]?.items[0]?.title ?? '';
  return `<mjml lang="nl" dir="ltr">
<mj-head>
<mj-title>${escape(mail.subject)}</mj-title>
<mj-preview>${escape(first ? `Nieuw: ${first}` : mail.subject)}</mj-preview>
<mj-attributes>
<mj-all font-family="Arial, Helvetica, sans-serif" />
<mj-text font-size="18px" line-height="1.5" color="#1a1a1a" padding="0 0 8px 0" />
<mj-section padding="12px 20px" />
</mj-attributes>
<mj-style inline="inline">
h1 { font-size: 28px; line-height: 1.25; margin: 0 0 8px 0; }
h2 { font-size: 24px; line-height: 1.3; margin: 16px 0 8px 0; }
h3 { font-size: 20px; line-height: 1.3; margin: 16px 0 4px 0; }
p { margin: 0 0 8px 0; }
a { color: #0b4f8a; text-decoration: underline; }
</mj-style>
</mj-head>
<mj-body background-color="#ffffff" width="640px">
<mj-section><mj-column>
<mj-text><p>${link(mail.siteUrl + '/', mail.siteName)}</p><h1>Nieuwsbrief van ${escape(date)}</h1>${intro}<p>${escape(districtLine(mail.districtName))}</p></mj-text>
</mj-column></mj-section>
${mail.sections.map((section) => sectionMjml(section, mail.siteUrl)).join('\n')}
<mj-section background-color="#fdf3d8"><mj-column>
<mj-text><h2>Hulp nodig?</h2>${HELP_LINES.map(paragraph).join('')}</mj-text>
</mj-column></mj-section>
<mj-section><mj-column>
<mj-text font-size="16px"><p>${escape(WHY_LINE)}</p><p>${link(LINK_MARKS.manage, 'Wijzig je keuze')} (welke onderwerpen en welk stadsdeel)</p><p>${link(LINK_MARKS.unsubscribe, 'Afmelden voor deze nieuwsbrief')}</p></mj-text>
</mj-column></mj-section>
</mj-body>
</mjml>`;
}
