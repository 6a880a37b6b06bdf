import qs from 'qs';
import type { CollectionQuery } from './queries';

/** Where and how the build reads the CMS. */
export interface CmsConnection {
  /** Base URL, e.g. http://localhost:1337 */
  url: string;
  /** Read-only API token. */
  token: string;
}

/** Strapi's REST envelope for lists. */
interface ListResponse {
  data: unknown[];
  meta?: { pagination?: { page: number; pageCount: number; total: number } };
}

/**
 * The CMS's largest page (rest.maxLimit in cms/config/api.ts): fewest round trips. Each request
 * costs the CMS about 15 ms besides its items (the token check, the populate queries): at
 * 10,000 articles, pages of 250 read the CMS in 5.2 to 5.3 s instead of 6.0 to 6.2 s with 100
 * (full builds in turn, two each), at the same peak memory.
 */
export const PAGE_SIZE = 250;

/** A build-stopping problem with the CMS, with a message that names the URL and the cause. */
export class CmsError extends Error {
  override name = 'CmsError';

  /** @param status the CMS's HTTP status, when it answered at all */
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
  }
}

/** Reads a CMS API path (below /api) as JSON, with clear errors for every way it can fail. */
export async function getJson(connection: CmsConnection, path: string): Promise<unknown> {
  const url = `${connection.url.replace(/\/$/, '')}/api/${path}`;
  let response: Response;
  try {
    response = await fetch(url, {
      headers: { Authorization: `Bearer ${connection.token}`, Accept: 'application/json' },
      signal: AbortSignal.timeout(30_000),
    });
  } catch (error) {
    const cause =
      error instanceof Error
        ? ((error.cause as Error | undefined)?.message ?? error.message)
        : String(error);
    throw new CmsError(
      `Cannot reach the CMS at ${url}: ${cause}. Is it running, and is CMS_URL right?`,
    );
  }
  if (response.status === 401 || response.status === 403) {
    throw new CmsError(
      `The CMS at ${url} refused the build token (${response.status}). Set SITE_BUILD_TOKEN to a valid read-only API token, or let the CMS write one to cms/.tmp/site-build-token.`,
      response.status,
    );
  }
  if (!response.ok) {
    throw new CmsError(
      `The CMS at ${url} answered ${response.status} ${response.statusText}.`,
      response.status,
    );
  }
  try {
    return await response.json();
  } catch {
    throw new CmsError(`The CMS at ${url} did not answer with JSON.`);
  }
}

/**
 * Pages of one collection asked for at once after the first, while the other collections are
 * read side by side. A CMS process works on one request at a time: 1, 2, 3, 4 or 6 pages at
 * once all read 16,000 items in the same time (measured), so this mostly keeps it busy while
 * this side parses; CMS instances behind a proxy answer them side by side.
 */
const PARALLEL_PAGES = 3;

/**
 * Reads every published item of a collection: the first page tells how many pages there are,
 * the rest are read a few at a time and put back in page order. Drafts are never asked for
 * (status=published). The first page that fails fails the whole read with its error (which
 * names the URL and the cause), and no further page is asked for.
 *
 * Pages are sorted by the row id, whatever the query says: offset pages need a fixed order not
 * to skip or repeat an item, and the id is the one the database has an index for. Sorted by
 * date, the CMS sorted all 10,000 articles again for each page of 100 (0.86 instead of 0.27 ms
 * per item); the loader sorts items the way the pages list them itself. Only the first page
 * counts the items.
 */
export async function fetchCollection(
  connection: CmsConnection,
  { path, query }: CollectionQuery,
): Promise<unknown[]> {
  const page = async (number: number) => {
    const pagination = {
      page: number,
      pageSize: PAGE_SIZE,
      ...(number > 1 && { withCount: false }),
    };
    const search = qs.stringify(
      { ...query, sort: ['id:asc'], status: 'published', pagination },
      { encodeValuesOnly: true },
    );
    const body = (await getJson(connection, `${path}?${search}`)) as ListResponse;
    if (!Array.isArray(body?.data))
      throw new CmsError(`The CMS answered ${path} without a data list.`);
    return body;
  };
  const first = await page(1);
  const pageCount = first.meta?.pagination?.pageCount ?? 1;
  const pages: unknown[][] = [first.data];
  let next = 2;
  let failed = false;
  const reader = async () => {
    while (!failed && next <= pageCount) {
      const number = next++;
      try {
        pages[number - 1] = (await page(number)).data;
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  await Promise.all(Array.from({ length: PARALLEL_PAGES }, reader));
  return pages.flat();
}

/** How many published items a collection has. */
export async function fetchTotal(connection: CmsConnection, path: string): Promise<number> {
  const search = qs.stringify(
    { fields: ['documentId'], status: 'published', pagination: { page: 1, pageSize: 1 } },
    { encodeValuesOnly: true },
  );
  const body = (await getJson(connection, `${path}?${search}`)) as ListResponse;
  const total = body?.meta?.pagination?.total;
  if (typeof total !== 'number') throw new CmsError(`The CMS answered ${path} without a total.`);
  return total;
}

/** Reads a single type; null when it has not been filled in yet (Strapi answers 404). */
export async function fetchSingle(
  connection: CmsConnection,
  { path, query }: CollectionQuery,
): Promise<unknown | null> {
  try {
    const body = (await getJson(
      connection,
      `${path}?${qs.stringify(query, { encodeValuesOnly: true })}`,
    )) as { data?: unknown };
    return body?.data ?? null;
  } catch (error) {
    if (error instanceof CmsError && / answered 404 /.test(error.message)) return null;
    throw error;
  }
}

/**
 * Reads the draft of one document, as a collection's query shapes its items, for the preview;
 * null when there is no such document. Only the preview server asks for drafts.
 */
export async function fetchDraft(
  connection: CmsConnection,
  { path, query }: CollectionQuery,
  documentId: string,
): Promise<unknown | null> {
  const search = qs.stringify({ ...query, status: 'draft' }, { encodeValuesOnly: true });
  try {
    const body = (await getJson(
      connection,
      `${path}/${encodeURIComponent(documentId)}?${search}`,
    )) as { data?: unknown };
    return body?.data ?? null;
  } catch (error) {
    if (error instanceof CmsError && / answered 404 /.test(error.message)) return null;
    throw error;
  }
}
