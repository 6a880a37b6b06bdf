/**
 * The checks a build passes before it goes live (release-checks.ts): item pages per section
 * against the CMS's totals, and the main feed.
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FEED_ITEM_LIMIT } from '@hub/shared';
import { checkRelease } from '../src/publisher/release-checks';

/** Published items per API path, as the stand-in CMS counts them. */
const totals: Record<string, number> = { articles: 0, 'good-practices': 0, events: 0, partners: 0 };
let server: http.Server;
let cms: { url: string; token: string };
let dir: string;

beforeAll(async () => {
  server = http.createServer((request, response) => {
    const api = (request.url ?? '').replace(/^\/api\//, '').split('?')[0] ?? '';
    response.writeHead(200, { 'Content-Type': 'application/json' });
    response.end(JSON.stringify({ data: [], meta: { pagination: { total: totals[api] ?? 0 } } }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cms = { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, token: 't' };
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-release-checks-'));
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  fs.rmSync(dir, { recursive: true, force: true });
});

const page = (...parts: string[]) => {
  const file = path.join(dir, ...parts, 'index.html');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, '<!doctype html>');
};

const feed = (items: number) =>
  fs.writeFileSync(
    path.join(dir, 'rss.xml'),
    `<rss version="2.0"><channel><title>Hub</title>${'<item><title>x</title></item>'.repeat(items)}</channel></rss>`,
  );

describe('the checks before a build goes live', () => {
  it('count the item pages of every section, past a thousand, and leave other folders out', async () => {
    for (let n = 0; n < 1_203; n += 1) page('nieuws', `bericht-${n}`);
    page('nieuws', 'pagina', '2');
    // A folder without its page is no item page.
    fs.mkdirSync(path.join(dir, 'nieuws', 'half-geschreven'));
    page('goede-voorbeelden', 'koffie-bij-de-buren');
    page('goede-voorbeelden', 'thema', 'ontmoeten');
    page('agenda', 'wandelen-langs-de-maas');
    feed(FEED_ITEM_LIMIT);
    Object.assign(totals, { articles: 1_203, 'good-practices': 1, events: 1, partners: 0 });
    expect(await checkRelease(dir, cms)).toEqual([]);

    totals.articles = 1_204;
    totals.events = 2;
    expect(await checkRelease(dir, cms)).toEqual([
      '/nieuws/ has 1203 item pages, the CMS has 1204 published',
      '/agenda/ has 1 item pages, the CMS has 2 published',
    ]);
  });

  it('refuse a feed with an item short, or none at all', async () => {
    Object.assign(totals, { articles: 1_203, 'good-practices': 1, events: 1, partners: 0 });
    feed(FEED_ITEM_LIMIT - 1);
    expect(await checkRelease(dir, cms)).toEqual([
      `rss.xml has ${FEED_ITEM_LIMIT - 1} items, expected ${FEED_ITEM_LIMIT}`,
    ]);
    fs.rmSync(path.join(dir, 'rss.xml'));
    const problems = await checkRelease(dir, cms);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^rss\.xml does not parse: ENOENT/);
  });
});
