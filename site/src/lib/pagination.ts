/** Articles per page of the news list. */
export const NEWS_PAGE_SIZE = 12;

/** The items of page `page` (1-based) and the number of pages. */
export function pageOf<T>(
  items: readonly T[],
  page: number,
  pageSize: number,
): { items: T[]; lastPage: number } {
  const lastPage = Math.max(1, Math.ceil(items.length / pageSize));
  return { items: items.slice((page - 1) * pageSize, page * pageSize), lastPage };
}
