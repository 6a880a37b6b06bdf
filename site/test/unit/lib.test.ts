import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GoodPractice, HubEvent } from '@hub/shared';
import { freePort } from '../../../cms/test/harness';
import { CmsError, fetchCollection, PAGE_SIZE } from '../../src/loaders/cms-client';
import { formatEventWhen } from '../../src/lib/dates';
import { pastEvents, upcomingEvents } from '../../src/lib/events';
import { practiceFilterOptions } from '../../src/lib/practice-filters';

describe('dates', () => {
  it('writes event times the Dutch way, in Amsterdam time', () => {
    expect(
      formatEventWhen(new Date('2024-03-28T14:00:00Z'), new Date('2024-03-28T16:00:00Z')),
    ).toBe('donderdag 28 maart 2024, 15.00 tot 17.00 uur');
    expect(
      formatEventWhen(new Date('2025-09-25T08:00:00Z'), new Date('2025-09-26T08:00:00Z')),
    ).toBe('donderdag 25 september 2025, 10.00 uur tot vrijdag 26 september 2025, 10.00 uur');
  });
});

describe('agenda', () => {
  const at = (iso: string, end?: string) =>
    ({ startsAt: new Date(iso), endsAt: end ? new Date(end) : undefined }) as HubEvent;
  const now = new Date('2026-01-10T12:00:00Z');
  const events = [
    at('2026-01-11T10:00:00Z'),
    at('2026-01-09T10:00:00Z'),
    at('2026-01-10T11:00:00Z', '2026-01-10T13:00:00Z'),
  ];

  it('keeps running events upcoming and sorts both lists', () => {
    expect(upcomingEvents(events, now).map((event) => event.startsAt.toISOString())).toEqual([
      '2026-01-10T11:00:00.000Z',
      '2026-01-11T10:00:00.000Z',
    ]);
    expect(pastEvents(events, now).map((event) => event.startsAt.toISOString())).toEqual([
      '2026-01-09T10:00:00.000Z',
    ]);
  });
});

describe('practice filters', () => {
  it('offers only choices that find something, per dimension', () => {
    const practice = (slug: string, district: string, type: GoodPractice['activityType']) =>
      ({
        slug,
        themes: [],
        targetGroups: [],
        districts: [{ name: district, slug: district.toLowerCase() }],
        activityType: type,
      }) as unknown as GoodPractice;
    const options = practiceFilterOptions([
      practice('a', 'Oost', 'wandelgroep'),
      practice('b', 'Oost', 'huisbezoek'),
      practice('c', 'West', 'wandelgroep'),
    ]);
    expect(
      options.map((option) => `${option.dimension}/${option.slug}:${option.practices.length}`),
    ).toEqual([
      'stadsdeel/oost:2',
      'stadsdeel/west:1',
      'soort/huisbezoek:1',
      'soort/wandelgroep:2',
    ]);
  });
});

describe('CMS client', () => {
  let server: http.Server;
  let url: string;
  const requests: string[] = [];
  beforeAll(async () => {
    server = http.createServer((request, response) => {
      requests.push(request.url ?? '');
      if (request.headers.authorization !== 'Bearer goed') {
        response.writeHead(401).end('{}');
        return;
      }
      const page = Number(
        new URL(request.url ?? '', 'http://x').searchParams.get('pagination[page]'),
      );
      response.writeHead(200, { 'Content-Type': 'application/json' });
      response.end(
        JSON.stringify({
          data: [{ page }],
          meta: { pagination: { page, pageCount: 3, total: 3 } },
        }),
      );
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('reads every page, PAGE_SIZE at a time, published content only', async () => {
    const items = await fetchCollection({ url, token: 'goed' }, { path: 'articles', query: {} });
    expect(items).toEqual([{ page: 1 }, { page: 2 }, { page: 3 }]);
    expect(requests.at(-1)).toContain('status=published');
    expect(decodeURIComponent(requests.at(-1) ?? '')).toContain(
      `pagination[pageSize]=${PAGE_SIZE}`,
    );
  });

  it('names the URL and the cause when the token is refused', async () => {
    await expect(
      fetchCollection({ url, token: 'fout' }, { path: 'articles', query: {} }),
    ).rejects.toThrow(
      new RegExp(`The CMS at ${url}/api/articles.* refused the build token \\(401\\)`),
    );
  });

  it('names the URL and the cause when the CMS cannot be reached', async () => {
    // A port that was free a moment ago: nothing listens there.
    const port = await freePort();
    const error = await fetchCollection(
      { url: `http://127.0.0.1:${port}`, token: 'x' },
      { path: 'events', query: {} },
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CmsError);
    expect((error as Error).message).toMatch(
      new RegExp(`Cannot reach the CMS at http://127\\.0\\.0\\.1:${port}/api/events.*ECONNREFUSED`),
    );
  });
});
