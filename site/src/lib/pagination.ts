/** Articles per page of the news list and its archive pages. */
export const NEWS_PAGE_SIZE = 12;

/**
 * Items of each kind that a theme, stadsdeel or partner page shows itself; the rest is one link
 * away (a news archive, a filter page, the agenda). A page that listed everything grew with the
 * hub (570 KB for one theme at 10,000 articles) and changed with every publication.
 */
export const PREVIEW_SIZE = 6;

/**
 * One page of an archive that keeps its pages stable: they are numbered from the oldest item,
 * so a new item changes only the newest page (and the one before it, when it starts a new page),
 * not every page after it. Page 1 holds the oldest items.
 */
export interface ArchivePage<T> {
  /** 1 for the oldest items; the newest page has the highest number. */
  number: number;
  /** Newest first, as everywhere on the site. */
  items: T[];
  /** Whether an older page exists (every page but page 1). */
  hasOlder: boolean;
  /** Whether this is the newest page: its newer items are on the list's first page. */
  isNewest: boolean;
}

/** The archive pages of a list that is sorted newest first; none for an empty list. */
export function archivePages<T>(newestFirst: readonly T[], pageSize: number): ArchivePage<T>[] {
  const count = newestFirst.length;
  const pages = Math.ceil(count / pageSize);
  return Array.from({ length: pages }, (_, index) => {
    const number = index + 1;
    // Page n holds the items n*size-size ... n*size-1 counted from the oldest (index count-1).
    const newestOfPage = count - Math.min(number * pageSize, count);
    const oldestOfPage = count - (number - 1) * pageSize;
    return {
      number,
      items: newestFirst.slice(newestOfPage, oldestOfPage),
      hasOlder: number > 1,
      isNewest: number === pages,
    };
  });
}

/**
 * The archive page that holds the item at `index` of a newest-first list of `count` items; the
 * page to link to for "older items" from a page that shows the newest `index` items.
 */
export function archivePageHolding(index: number, count: number, pageSize: number): number {
  return Math.floor((count - 1 - index) / pageSize) + 1;
}

/** The `size` most recently published of these items, newest first. */
export function newestPublished<T extends { publishedAt: Date }>(
  items: readonly T[],
  size: number,
): T[] {
  return [...items]
    .sort((a, b) => b.publishedAt.getTime() - a.publishedAt.getTime())
    .slice(0, size);
}
