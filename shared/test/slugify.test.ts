import { describe, expect, it } from 'vitest';
import { MAX_SLUG_LENGTH, SLUG_PATTERN, firstFreeSlug, slugify } from '../src';

describe('slugify', () => {
  it('turns a Dutch title into a readable ASCII slug', () => {
    expect(slugify('Eettafel in Malberg: iedereen welkom!')).toBe(
      'eettafel-in-malberg-iedereen-welkom',
    );
    expect(slugify('Belvédère en Céramique')).toBe('belvedere-en-ceramique');
    expect(slugify('Koffie & een praatje')).toBe('koffie-en-een-praatje');
    expect(slugify("Week tegen Eenzaamheid '25")).toBe('week-tegen-eenzaamheid-25');
    expect(slugify('  --Twee   spaties--  ')).toBe('twee-spaties');
  });

  it('returns an empty string when there is nothing to keep', () => {
    expect(slugify('!!! ???')).toBe('');
    expect(slugify('')).toBe('');
  });

  it('cuts long titles at a word boundary and always matches the slug pattern', () => {
    const title = 'Een heel lange titel over een activiteit in de wijk '.repeat(5);
    const slug = slugify(title);
    expect(slug.length).toBeLessThanOrEqual(MAX_SLUG_LENGTH);
    expect(slug).toMatch(SLUG_PATTERN);
    expect(title.toLowerCase().replace(/ /g, '-')).toContain(slug);
  });
});

describe('firstFreeSlug', () => {
  it('keeps the base when it is free', async () => {
    expect(await firstFreeSlug('wandelen', () => false)).toBe('wandelen');
  });

  it('adds the first free number when the base is taken', async () => {
    const taken = new Set(['wandelen', 'wandelen-2', 'wandelen-3']);
    expect(await firstFreeSlug('wandelen', (slug) => taken.has(slug))).toBe('wandelen-4');
  });

  it('accepts an asynchronous check', async () => {
    expect(await firstFreeSlug('a', async (slug) => slug === 'a')).toBe('a-2');
  });
});
