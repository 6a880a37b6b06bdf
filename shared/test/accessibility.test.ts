import { describe, expect, it } from 'vitest';
import { accessibilityMessages, findPublishIssues, type RichText } from '../src';

const text = (value: string) => ({ type: 'text', text: value });
const paragraph = (...children: object[]) => ({ type: 'paragraph', children });
const heading = (level: number, value: string) => ({
  type: 'heading',
  level,
  children: [text(value)],
});
const link = (url: string, value: string) => ({ type: 'link', url, children: [text(value)] });
const image = (name: string, alternativeText: string | null) => ({
  type: 'image',
  image: { name, alternativeText, url: `/uploads/${name}` },
  children: [text('')],
});
const article = (body: object[]) => ({ body: body as unknown as RichText });

describe('findPublishIssues', () => {
  it('finds nothing in a well-made text', () => {
    const issues = findPublishIssues(
      'article',
      article([
        heading(2, 'Wat doen we?'),
        paragraph(text('We drinken koffie. '), link('/agenda/', 'Bekijk de agenda')),
        heading(3, 'Wanneer?'),
        image('koffie.jpg', 'Buren drinken koffie aan een lange tafel'),
        heading(2, 'Meedoen'),
      ]),
    );
    expect(issues).toEqual({ errors: [], warnings: [] });
  });

  it('stops publication of an image in the text without alternative text', () => {
    const issues = findPublishIssues('article', article([image('wandeling.jpg', '  ')]));
    expect(issues.errors).toEqual([
      { field: 'body', message: accessibilityMessages.imageWithoutAlt('Tekst', 'wandeling.jpg') },
    ]);
  });

  it('stops publication of a heading that skips a level, also at the start', () => {
    const skipped = findPublishIssues('good-practice', {
      approach: [heading(2, 'Stap 1'), heading(4, 'Details')] as unknown as RichText,
    });
    expect(skipped.errors).toEqual([
      {
        field: 'approach',
        message: accessibilityMessages.headingSkipsLevel('Aanpak', 'Details', 4, 3),
      },
    ]);
    expect(findPublishIssues('event', article([heading(3, 'Programma')])).errors).toHaveLength(1);
    // Kop 1 in a body is shown as an h2 (the title is the h1): a fine first heading.
    expect(findPublishIssues('event', article([heading(1, 'Programma')])).errors).toEqual([]);
  });

  it('warns about vague link texts and bare web addresses, without stopping publication', () => {
    const issues = findPublishIssues(
      'article',
      article([
        paragraph(link('https://voorbeeld.nl/verslag', 'Klik hier!')),
        paragraph(text('Zie '), link('https://www.voorbeeld.nl', 'https://www.voorbeeld.nl')),
        paragraph(link('/nieuws/', 'Lees meer...')),
        paragraph(link('/nieuws/', 'Lees meer over de startbijeenkomst')),
      ]),
    );
    expect(issues.errors).toEqual([]);
    expect(issues.warnings.map((warning) => warning.message)).toEqual([
      accessibilityMessages.vagueLinkText('Tekst', 'Klik hier!'),
      accessibilityMessages.bareUrlLinkText('Tekst', 'https://www.voorbeeld.nl'),
      accessibilityMessages.vagueLinkText('Tekst', 'Lees meer...'),
    ]);
  });

  it('checks only the rich-text fields of a content type', () => {
    expect(findPublishIssues('theme', { body: [image('x.jpg', null)] })).toEqual({
      errors: [],
      warnings: [],
    });
  });
});
