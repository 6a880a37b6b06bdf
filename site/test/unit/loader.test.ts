import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import v8 from 'node:v8';
import qs from 'qs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CmsError, fetchCollection, PAGE_SIZE } from '../../src/loaders/cms-client';
import { CmsSnapshot, loadHubWithWarnings } from '../../src/loaders/hub-loader';
import { mapArticle, mapEvent, mapGoodPractice } from '../../src/loaders/mappers';
import { COLLECTION_QUERIES } from '../../src/loaders/queries';

type Raw = Record<string, unknown>;
type Handler = (path: string, query: Raw) => { status?: number; body: unknown; delayMs?: number };

/** Recorded REST answers of the demo CMS (see test/record-fixtures.ts). */
const fixture = (name: string) =>
  JSON.parse(
    fs.readFileSync(path.join(import.meta.dirname, '..', 'fixtures', `${name}.json`), 'utf8'),
  );

/** A stand-in CMS: answers every /api request with the current handler, and notes them. */
let server: http.Server;
let url: string;
let handler: Handler = () => ({ status: 404, body: {} });
let requests: { path: string; query: Raw }[] = [];
let inFlight = 0;
let mostInFlight = 0;

beforeAll(async () => {
  server = http.createServer((request, response) => {
    const [pathPart = '', search = ''] = (request.url ?? '').replace(/^\/api\//, '').split('?');
    const query = qs.parse(search, { depth: 10 }) as Raw;
    requests.push({ path: pathPart, query });
    inFlight += 1;
    mostInFlight = Math.max(mostInFlight, inFlight);
    const { status = 200, body, delayMs = 0 } = handler(pathPart, query);
    setTimeout(() => {
      inFlight -= 1;
      response.writeHead(status, { 'Content-Type': 'application/json' });
      response.end(JSON.stringify(body));
    }, delayMs);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
afterEach(() => {
  requests = [];
  mostInFlight = 0;
});

const pageOf = (query: Raw) => Number((query.pagination as Raw | undefined)?.page ?? 1);

/** A collection of `pageCount` pages whose items are { page, n }. */
function pagedCollection(pageCount: number, options: { failPage?: number } = {}): Handler {
  return (_path, query) => {
    const page = pageOf(query);
    if (page === options.failPage) return { status: 500, body: { error: 'kapot' } };
    return {
      // Later pages answer sooner, so answers arrive out of page order.
      delayMs: (pageCount - page) * 3,
      body: {
        data: [0, 1].map((n) => ({ page, n })),
        meta: { pagination: { page, pageSize: PAGE_SIZE, pageCount, total: pageCount * 2 } },
      },
    };
  };
}

describe('reading a collection page by page', () => {
  it('asks for several pages at once and keeps the items in page order', async () => {
    handler = pagedCollection(9);
    const items = (await fetchCollection({ url, token: 't' }, { path: 'articles', query: {} })) as {
      page: number;
      n: number;
    }[];

    expect(items.map(({ page, n }) => `${page}.${n}`)).toEqual(
      Array.from({ length: 9 }, (_, index) => [`${index + 1}.0`, `${index + 1}.1`]).flat(),
    );
    expect(requests.map(({ query }) => pageOf(query)).sort((a, b) => a - b)).toEqual([
      1, 2, 3, 4, 5, 6, 7, 8, 9,
    ]);
    // The first page alone (it tells how many there are), then a few at a time, never more.
    expect(pageOf(requests[0]?.query ?? {})).toBe(1);
    expect(mostInFlight).toBeGreaterThan(1);
    expect(mostInFlight).toBeLessThanOrEqual(3);
  });

  it('pages by id, published items only, and counts them on the first page only', async () => {
    handler = pagedCollection(3);
    await fetchCollection(
      { url, token: 't' },
      { path: 'articles', query: { sort: ['date:desc'], fields: ['title'] } },
    );
    for (const { query } of requests) {
      expect(query).toMatchObject({ sort: ['id:asc'], status: 'published', fields: ['title'] });
      expect((query.pagination as Raw).pageSize).toBe(String(PAGE_SIZE));
      expect((query.pagination as Raw).withCount).toBe(pageOf(query) === 1 ? undefined : 'false');
    }
  });

  it('fails on the first page that fails, naming it, and asks for no more pages', async () => {
    handler = pagedCollection(40, { failPage: 4 });
    const error = await fetchCollection({ url, token: 't' }, { path: 'articles', query: {} }).catch(
      (caught: unknown) => caught,
    );

    expect(error).toBeInstanceOf(CmsError);
    expect((error as CmsError).status).toBe(500);
    expect((error as Error).message).toMatch(
      new RegExp(`^The CMS at ${url}/api/articles\\?.*page\\]=4&.* answered 500`),
    );
    // Let the pages still under way come back: none is asked for after the failure.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(requests.length).toBeLessThanOrEqual(7);
  });

  it('reads a collection of one page, or of none, with one request', async () => {
    handler = () => ({ body: { data: [], meta: { pagination: { pageCount: 0, total: 0 } } } });
    await expect(
      fetchCollection({ url, token: 't' }, { path: 'pages', query: {} }),
    ).resolves.toEqual([]);
    expect(requests).toHaveLength(1);
  });
});

/** A stand-in CMS with the recorded items, which filters and counts as Strapi does. */
function fakeCms(collections: Map<string, Raw[]>, files: Raw[] = []): Handler {
  return (apiPath, query) => {
    if (apiPath === 'site') return { body: { data: fixture('site') } };
    if (apiPath === 'hub/missing-media') return { body: { checked: true, missing: [] } };
    if (apiPath === 'upload/files') {
      // The upload plugin's listing: an array, with start and limit, sorted by one field.
      const [field = 'id', order] = String(query.sort ?? 'id:asc').split(':');
      const sorted = [...files].sort(
        (a, b) => (String(a[field]) < String(b[field]) ? -1 : 1) * (order === 'desc' ? -1 : 1),
      );
      const start = Number(query.start ?? 0);
      return { body: sorted.slice(start, query.limit ? start + Number(query.limit) : undefined) };
    }
    if (apiPath === 'neighbourhoods')
      return { body: { data: [], meta: { pagination: { total: 0 } } } };
    const all = collections.get(apiPath);
    if (!all) return { status: 404, body: {} };
    const since = (query.filters as { $or?: Record<string, { $gt: string }>[] } | undefined)?.$or;
    const items = since
      ? all.filter((item) =>
          since.some((condition) =>
            Object.entries(condition).some(([field, { $gt }]) => String(item[field] ?? '') > $gt),
          ),
        )
      : all;
    const pagination = query.pagination as { page: string; pageSize: string };
    const size = Number(pagination.pageSize);
    const page = Number(pagination.page);
    return {
      body: {
        data: items.slice((page - 1) * size, page * size),
        meta: {
          pagination: { page, pageCount: Math.ceil(items.length / size), total: items.length },
        },
      },
    };
  };
}

const PATHS: Record<string, string> = Object.fromEntries(
  Object.entries(COLLECTION_QUERIES).map(([name, { path: apiPath }]) => [name, apiPath]),
);

/** The collections read whole (not only their changes, nor their count) by these requests. */
const readWhole = (seen: typeof requests) =>
  [
    ...new Set(
      seen
        .filter(({ path: apiPath, query }) => {
          const isCollection = Object.values(PATHS).includes(apiPath);
          const isCount = (query.pagination as Raw | undefined)?.pageSize === '1';
          return isCollection && !isCount && !query.filters;
        })
        .map(({ path: apiPath }) => apiPath),
    ),
  ].sort();

describe('the snapshot of the last read', () => {
  it('asks only for changes when nothing changed, and reads a collection whole when an item went', async () => {
    const collections = new Map(
      Object.entries(PATHS).map(([name, apiPath]) => [apiPath, fixture(name) as Raw[]]),
    );
    handler = fakeCms(collections);
    const snapshot = new CmsSnapshot();
    const connection = { url, token: 't' };

    const first = await loadHubWithWarnings(connection, snapshot);
    expect(readWhole(requests)).toEqual(Object.values(PATHS).sort());
    expect(first.hub.articles).toHaveLength(3);

    requests = [];
    const second = await loadHubWithWarnings(connection, snapshot);
    expect(readWhole(requests)).toEqual([]);
    expect(second.hub.articles).toEqual(first.hub.articles);
    expect(second.hub.practices).toEqual(first.hub.practices);
    // Unchanged items are the same frozen objects as before: their hashes are remembered.
    second.hub.articles.forEach((article, index) =>
      expect(article).toBe(first.hub.articles[index]),
    );
    expect(Object.isFrozen(first.hub.articles[0])).toBe(true);
    expect(Object.isFrozen(first.hub.articles[0]?.body)).toBe(true);

    // An edited article: read as a change, the rest of the collection kept from the snapshot.
    const articles = collections.get('articles') ?? [];
    const [edited, kept, removed] = articles;
    const later = new Date(Date.parse(String(edited?.updatedAt)) + 60_000).toISOString();
    articles[0] = { ...edited, title: 'Nieuwe titel', updatedAt: later };
    requests = [];
    const third = await loadHubWithWarnings(connection, snapshot);
    expect(readWhole(requests)).toEqual([]);
    expect(third.hub.articles.find((article) => article.id === edited?.documentId)?.title).toBe(
      'Nieuwe titel',
    );
    const byId = (hub: typeof first.hub, id: unknown) =>
      hub.articles.find((article) => article.id === id);
    expect(byId(third.hub, kept?.documentId)).toBe(byId(first.hub, kept?.documentId));
    expect(byId(third.hub, edited?.documentId)).not.toBe(byId(first.hub, edited?.documentId));
    expect(third.hub.articles.map((article) => article.id).sort()).toEqual(
      [edited, kept, removed].map((raw) => raw?.documentId).sort(),
    );

    // An unpublished article: the count shows it, and the collection is read whole.
    articles.splice(2, 1);
    requests = [];
    const fourth = await loadHubWithWarnings(connection, snapshot);
    expect(readWhole(requests)).toEqual(['articles']);
    expect(fourth.hub.articles.map((article) => article.id)).not.toContain(removed?.documentId);
    expect(fourth.hub.articles).toHaveLength(2);
  });

  it('lists the media files on full reads only, and reads all again when one changed', async () => {
    const collections = new Map(
      Object.entries(PATHS).map(([name, apiPath]) => [apiPath, fixture(name) as Raw[]]),
    );
    const file = (id: number, updatedAt: string) => ({ id, documentId: `f${id}`, updatedAt });
    const files = [
      file(3, '2026-11-26T10:00:00.000Z'),
      file(7, '2026-11-26T11:00:00.000Z'),
      file(9, '2026-11-26T09:00:00.000Z'),
    ];
    handler = fakeCms(collections, files);
    const snapshot = new CmsSnapshot();
    const connection = { url, token: 't' };
    const listings = () =>
      requests.filter(({ path: apiPath, query }) => apiPath === 'upload/files' && !query.limit);
    const everything = Object.values(PATHS).sort();

    await loadHubWithWarnings(connection, snapshot);
    expect(listings()).toHaveLength(1);

    const changes: [string, () => void][] = [
      ['nothing', () => undefined],
      ['an edited file', () => files.splice(1, 1, file(7, '2026-11-27T08:00:00.000Z'))],
      ['a deleted file', () => files.splice(0, 1)],
      ['an added file', () => files.push(file(12, '2026-11-20T08:00:00.000Z'))],
      ['the last file deleted', () => files.pop()],
    ];
    for (const [change, make] of changes) {
      make();
      requests = [];
      await loadHubWithWarnings(connection, snapshot);
      const changed = change !== 'nothing';
      expect(readWhole(requests), change).toEqual(changed ? everything : []);
      // Only a full read lists every file, for the count the next reads start from.
      expect(listings(), change).toHaveLength(changed ? 1 : 0);
    }
  });

  it('fails the read with the cause when the CMS fails halfway', async () => {
    const collections = new Map(
      Object.entries(PATHS).map(([name, apiPath]) => [apiPath, fixture(name) as Raw[]]),
    );
    const cms = fakeCms(collections);
    handler = (apiPath, query) =>
      apiPath === 'events' ? { status: 503, body: {} } : cms(apiPath, query);
    await expect(loadHubWithWarnings({ url, token: 't' }, new CmsSnapshot())).rejects.toThrow(
      new RegExp(`The CMS at ${url}/api/events\\?.* answered 503`),
    );
  });
});

describe('the mapped items', () => {
  it('share one hidden class per type, so the pages read their fields fast', () => {
    // Objects made by spreading (`{ ...common, body }`) got a hidden class each on Node 20 once
    // the code was warm: 35,000 of them at 16,000 items. %HaveSameMap tells; the flag only
    // allows the natives syntax in functions compiled after it.
    v8.setFlagsFromString('--allow-natives-syntax');
    const sameShape = new Function('a', 'b', 'return %HaveSameMap(a, b)') as (
      a: object,
      b: object,
    ) => boolean;
    const context = { cmsUrl: 'http://cms.test:1337' };
    const mappers = {
      articles: (raw: Raw) => mapArticle(raw, context),
      practices: (raw: Raw) => mapGoodPractice(raw, context),
      events: (raw: Raw) => mapEvent(raw, context),
    };
    for (const [name, map] of Object.entries(mappers)) {
      const raws = fixture(name) as Raw[];
      const items = Array.from({ length: 200 }, (_, index) =>
        map(structuredClone(raws[index % raws.length] ?? {})),
      );
      const [one] = items;
      expect(
        items.filter((item) => one && !sameShape(one, item)),
        name,
      ).toHaveLength(0);
    }
  });
});
