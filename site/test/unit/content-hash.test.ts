import { describe, expect, it } from 'vitest';
import { contentHash, deepFreeze } from '../../src/lib/content-hash';

const article = (title: string) => ({
  title,
  date: new Date('2026-11-30T10:00:00Z'),
  themes: [{ name: 'Ontmoeten', slug: 'ontmoeten' }],
});

describe('content hashes', () => {
  it('are equal for equal content and differ for any change, however deep', () => {
    expect(contentHash({ article: article('Koffie') })).toBe(
      contentHash({ article: article('Koffie') }),
    );
    expect(contentHash({ article: article('Koffie') })).not.toBe(
      contentHash({ article: article('Thee') }),
    );
    const moved = article('Koffie');
    moved.date = new Date('2026-12-01T10:00:00Z');
    expect(contentHash([moved])).not.toBe(contentHash([article('Koffie')]));
    const retagged = article('Koffie');
    retagged.themes[0]!.slug = 'bewegen';
    expect(contentHash({ items: [retagged] })).not.toBe(
      contentHash({ items: [article('Koffie')] }),
    );
    expect(contentHash({ a: 1, b: undefined })).not.toBe(contentHash({ a: 1, b: null }));
    expect(contentHash('x')).not.toBe(contentHash(['x']));
  });

  it('see frozen items by their content, and lists by their order', () => {
    const first = deepFreeze(article('Koffie'));
    const same = deepFreeze(article('Koffie'));
    const other = deepFreeze(article('Thee'));
    expect(contentHash({ article: first })).toBe(contentHash({ article: same }));
    expect(contentHash({ article: first })).not.toBe(contentHash({ article: other }));
    expect(contentHash([first, other])).not.toBe(contentHash([other, first]));
    // A frozen item hashes as itself inside a list or on its own, every time.
    expect(contentHash([first])).toBe(contentHash([same]));
    expect(contentHash(first)).toBe(contentHash(same));
  });

  it('freezes an item with everything in it, so it cannot change after it was hashed', () => {
    const item = deepFreeze(article('Koffie'));
    expect(Object.isFrozen(item)).toBe(true);
    expect(Object.isFrozen(item.themes)).toBe(true);
    expect(Object.isFrozen(item.themes[0])).toBe(true);
    expect(() => {
      (item.themes as { slug: string }[]).push({ slug: 'x' });
    }).toThrow(TypeError);
  });
});
