import { describe, expect, it } from 'vitest';
import { CONTENT_RULES, MAX_SUMMARY_LENGTH, findContentIssues, isBlank, messages } from '../src';

const paragraph = (text: string) => [{ type: 'paragraph', children: [{ type: 'text', text }] }];
const validArticle = {
  title: 'Koffie in de wijk',
  summary: 'Elke week koffie.',
  body: paragraph('Welkom!'),
};

describe('isBlank', () => {
  it.each([null, undefined, '', '   ', [], paragraph(''), paragraph('   '), {}, { connect: [] }])(
    'treats %j as blank',
    (value) => expect(isBlank(value)).toBe(true),
  );
  it.each([
    'a',
    0,
    false,
    paragraph('tekst'),
    [{ type: 'image', image: { url: '/x.png' } }],
    { connect: ['abc'] },
    ['x'],
  ])('treats %j as filled', (value) => expect(isBlank(value)).toBe(false));
});

describe('findContentIssues', () => {
  it('finds nothing wrong with a complete article', () => {
    expect(findContentIssues('article', validArticle)).toEqual([]);
  });

  it('names every missing required field with its Dutch label', () => {
    expect(findContentIssues('article', { title: ' ', body: paragraph('') })).toEqual([
      { field: 'title', message: messages.required('Titel') },
      { field: 'summary', message: messages.required('Samenvatting') },
      { field: 'body', message: messages.required('Tekst') },
    ]);
  });

  it('has required fields for every content type', () => {
    for (const [key, rules] of Object.entries(CONTENT_RULES)) {
      const issues = findContentIssues(key as keyof typeof CONTENT_RULES, {});
      expect(issues.map((issue) => issue.field)).toEqual(rules.required.map((rule) => rule.field));
    }
  });

  it('accepts a summary of exactly 300 characters and rejects 301', () => {
    const atLimit = { ...validArticle, summary: 'a'.repeat(MAX_SUMMARY_LENGTH) };
    expect(findContentIssues('article', atLimit)).toEqual([]);
    const over = { ...validArticle, summary: 'a'.repeat(MAX_SUMMARY_LENGTH + 1) };
    expect(findContentIssues('article', over)).toEqual([
      { field: 'summary', message: messages.summaryTooLong('Samenvatting', 301) },
    ]);
  });

  it('counts characters as readers do (accented letters and emoji count once)', () => {
    const summary = 'é'.repeat(150) + '😀'.repeat(150);
    expect(summary.length).toBeGreaterThan(MAX_SUMMARY_LENGTH);
    expect(findContentIssues('article', { ...validArticle, summary })).toEqual([]);
  });

  const event = {
    title: 'Wandeling',
    summary: 'Samen lopen.',
    startsAt: '2025-09-25T10:00:00.000Z',
  };

  it('accepts an event that ends after, or exactly at, its start', () => {
    expect(findContentIssues('event', { ...event, endsAt: '2025-09-25T12:00:00.000Z' })).toEqual(
      [],
    );
    expect(findContentIssues('event', { ...event, endsAt: event.startsAt })).toEqual([]);
    expect(findContentIssues('event', event)).toEqual([]);
  });

  it('rejects an event that ends before it starts', () => {
    expect(findContentIssues('event', { ...event, endsAt: '2025-09-25T09:59:00.000Z' })).toEqual([
      { field: 'endsAt', message: messages.endBeforeStart('Eindigt op', 'Begint op') },
    ]);
  });

  it('rejects dates that are not dates', () => {
    expect(findContentIssues('event', { ...event, endsAt: 'morgen' })).toEqual([
      { field: 'endsAt', message: messages.invalidDate('Eindigt op') },
    ]);
  });

  it('requires alternative text on attached images and ignores missing images', () => {
    expect(findContentIssues('article', validArticle, { cover: null })).toEqual([]);
    expect(
      findContentIssues('article', validArticle, {
        cover: { name: 'zaal.jpg', alternativeText: 'Een volle zaal.' },
      }),
    ).toEqual([]);
    expect(
      findContentIssues('article', validArticle, {
        cover: { name: 'zaal.jpg', alternativeText: '  ' },
      }),
    ).toEqual([
      { field: 'cover', message: messages.missingAltText('Afbeelding bovenaan', 'zaal.jpg') },
    ]);
    expect(
      findContentIssues(
        'partner',
        { name: 'Woonpunt', category: 'woningcorporatie' },
        { logo: { name: 'logo.png' } },
      ),
    ).toEqual([{ field: 'logo', message: messages.missingAltText('Logo', 'logo.png') }]);
  });
});
