import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { archivePageHolding, archivePages, newestPublished } from '../../src/lib/pagination';
import { dateRange } from '../../src/lib/dates';

/** A newest-first list of distinct numbers (higher is newer) and a page size. */
const listAndSize = fc.tuple(
  fc
    .uniqueArray(fc.integer({ min: 0, max: 10_000 }), { maxLength: 80 })
    .map((items) => items.sort((a, b) => b - a)),
  fc.integer({ min: 1, max: 15 }),
);

describe('stable archive pages', () => {
  it('numbers pages from the oldest, each full but the newest, newest first within a page', () => {
    expect(archivePages([7, 6, 5, 4, 3, 2, 1], 3)).toEqual([
      { number: 1, items: [3, 2, 1], hasOlder: false, isNewest: false },
      { number: 2, items: [6, 5, 4], hasOlder: true, isNewest: false },
      { number: 3, items: [7], hasOlder: true, isNewest: true },
    ]);
    expect(archivePages([], 12)).toEqual([]);
  });

  it('holds every item exactly once, in order', () => {
    fc.assert(
      fc.property(listAndSize, ([items, size]) => {
        const pages = archivePages(items, size);
        expect(pages.toReversed().flatMap((page) => page.items)).toEqual(items);
        for (const page of pages.slice(0, -1)) expect(page.items).toHaveLength(size);
      }),
    );
  });

  it('changes only the newest page when a newer item arrives (and adds a page when it is full)', () => {
    fc.assert(
      fc.property(listAndSize, ([items, size]) => {
        const before = archivePages(items, size);
        const after = archivePages([Number.MAX_SAFE_INTEGER, ...items], size);
        // Every page but the newest is the same, item for item and link for link.
        expect(after.slice(0, before.length - 1)).toEqual(before.slice(0, -1));
        expect(after.length - before.length).toBe(items.length % size === 0 ? 1 : 0);
      }),
    );
  });

  it('finds the page that holds an item, for the link to older items', () => {
    fc.assert(
      fc.property(listAndSize, fc.nat(), ([items, size], at) => {
        fc.pre(items.length > 0);
        const index = at % items.length;
        const page = archivePages(items, size)[archivePageHolding(index, items.length, size) - 1];
        expect(page?.items).toContain(items[index]);
      }),
    );
  });
});

describe('newest published', () => {
  it('takes the most recently published, newest first', () => {
    const item = (day: number) => ({ publishedAt: new Date(Date.UTC(2026, 0, day)), day });
    expect(newestPublished([item(3), item(9), item(1), item(5)], 2).map((x) => x.day)).toEqual([
      9, 5,
    ]);
  });
});

describe('date ranges', () => {
  it('names one day once, and a period from its first to its last day (Amsterdam dates)', () => {
    expect(dateRange(new Date('2026-03-03T10:00:00Z'), new Date('2026-04-17T23:30:00Z'))).toBe(
      'van 3 maart 2026 tot en met 18 april 2026',
    );
    expect(dateRange(new Date('2026-03-03T08:00:00Z'), new Date('2026-03-03T20:00:00Z'))).toBe(
      'van 3 maart 2026',
    );
  });
});
