/**
 * Live first, search right after (issue 15, item 1), with the real build worker, Pagefind and
 * a CMS with the demo content: a publish makes the page live with the search index of the
 * build before, and the publisher switches the build's own index in right after. Searches run
 * as the site's search page does (searchSite: Pagefind's own script over HTTP).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import * as pagefind from 'pagefind';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appDir as cmsDir, bootTestCms, type TestCms } from '../../cms/test/harness';
import { writeSearchIndex } from '../../site/scripts/search-index';
import { siteDir } from '../src/lib/paths';
import { BuildWorkerClient } from '../src/publisher/build-worker-client';
import { Publisher, type BuildRecord, type SiteBuilder } from '../src/publisher/publisher';
import { createStaticServer } from '../src/static-server/server';
import { searchSite } from './search-site';

const require = createRequire(import.meta.url);
const paragraph = (text: string) => [{ type: 'paragraph', children: [{ type: 'text', text }] }];

let cms: TestCms;
let publisher: Publisher;
let root: string;
let work: string;
let siteUrl: string;
const servers: FastifyInstance[] = [];
const lines: { line: string; level?: string }[] = [];
/** Runs at the moment a build is live and its own index is still to come (see the log). */
let whenLiveBeforeIndex: (() => void) | undefined;
/** Set to make the next switch fail (see the builder below). */
let blockNextSwitch = false;
/** A word of a demo article's title, and its address: found by every index of this run. */
let demo: { word: string; url: string };

/** Serves a folder as the static server serves `live`; returns its URL. */
async function serve(folder: string): Promise<string> {
  const server = await createStaticServer({ root: folder });
  await server.listen({ port: 0, host: '127.0.0.1' });
  servers.push(server);
  return `http://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
}

const articles = () => cms.strapi.documents('api::article.article');
type Doc = { documentId: string; slug: string };

/** Publishes a new article, tells the publisher, and waits until its work is done. */
async function publishArticle(title: string): Promise<Doc> {
  const article = (await articles().create({
    data: { title, summary: `Over ${title}.`, body: paragraph(`${title} in de wijk.`) },
    status: 'published',
  } as never)) as unknown as Doc;
  publisher.queue.notify();
  await publisher.queue.idle();
  return article;
}

const last = async () => (await publisher.status()).last as BuildRecord;
const liveDir = () => fs.realpathSync(publisher.releases.liveLink);
/** Every file below dir (relative paths, sorted). */
function filesOf(dir: string): string[] {
  return (fs.readdirSync(dir, { recursive: true, withFileTypes: true }) as fs.Dirent[])
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .sort();
}
const entryOf = (release: string) =>
  JSON.parse(fs.readFileSync(path.join(release, 'pagefind', 'pagefind-entry.json'), 'utf8')) as {
    languages: { nl: { hash: string; page_count: number } };
  };
/** An index is whole when its meta is there and there is one fragment for every page. */
function expectWholeIndex(release: string) {
  const { hash, page_count } = entryOf(release).languages.nl;
  expect(fs.existsSync(path.join(release, 'pagefind', `pagefind.${hash}.pf_meta`))).toBe(true);
  expect(fs.readdirSync(path.join(release, 'pagefind', 'fragment'))).toHaveLength(page_count);
}

beforeAll(async () => {
  cms = await bootTestCms();
  const { seedDemoContent } = require(
    path.join(cmsDir, 'dist', 'src', 'hub', 'seed', 'seed-demo.js'),
  );
  await seedDemoContent(cms.strapi);
  const token = fs.readFileSync(process.env.SITE_BUILD_TOKEN_FILE!, 'utf8').trim();
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-search-index-'));
  root = path.join(work, 'publish');
  const worker = new BuildWorkerClient(siteDir);
  // The real worker; the test can put something in the switch's way after it prepared an index.
  const builder: SiteBuilder = {
    build: (request, timeoutMs) => worker.build(request, timeoutMs),
    indexSearch: async (releaseDir, timeoutMs) => {
      const search = await worker.indexSearch(releaseDir, timeoutMs);
      if (blockNextSwitch) {
        blockNextSwitch = false;
        // A folder where a new index chunk must go: the switch fails halfway, before the entry.
        const chunks = path.join(releaseDir, 'pagefind', 'index');
        const fresh = fs
          .readdirSync(path.join(releaseDir, '.pagefind-next', 'index'))
          .find((name) => !fs.existsSync(path.join(chunks, name)));
        fs.mkdirSync(path.join(chunks, fresh!));
      }
      return search;
    },
    close: () => worker.close(),
  };
  siteUrl = await serve(path.join(root, 'live'));
  publisher = new Publisher({
    root,
    siteDir,
    cms: () => ({ url: cms.url, token }),
    siteUrl,
    keep: 5,
    buildTimeoutMs: 600_000,
    builder,
    log: (line, level) => {
      lines.push({ line, level });
      if (/ is live .*its search index follows/.test(line)) whenLiveBeforeIndex?.();
    },
  });
  await publisher.load();
  const first = await publisher.build();
  expect(first.result, first.error).toBe('live');
  const [article] = (await articles().findMany({
    status: 'published',
    limit: 1,
  })) as unknown as (Doc & { title: string })[];
  const word = article!.title
    .split(/\s+/)
    .map((part) => part.replace(/[^\p{L}]/gu, ''))
    .sort((a, b) => b.length - a.length)[0]!;
  demo = { word, url: `/nieuws/${article!.slug}/` };
});

afterAll(async () => {
  publisher?.queue.stop();
  await publisher?.queue.idle();
  publisher?.close();
  for (const server of servers) await server.close();
  await pagefind.close();
  await cms?.stop();
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

describe('live first, search right after', () => {
  it('writes the first build’s index with its pages', async () => {
    const first = await last();
    expect(first.stats?.searchIndex).toBe('written');
    expect(first.searchIndexedAt).toBe(first.finishedAt);
    expect(await searchSite(siteUrl, demo.word)).toContain(demo.url);
  });

  let article: Doc;
  it('makes a new article live before its search index, and the index finds it right after', async () => {
    const snapshot = path.join(work, 'at-live');
    let pageWasLive = false;
    whenLiveBeforeIndex = () => {
      // The moment the build is live: the page is served, the index is the one of before.
      pageWasLive = fs.existsSync(
        path.join(liveDir(), 'nieuws', 'zonnebloemconcert', 'index.html'),
      );
      fs.cpSync(path.join(liveDir(), 'pagefind'), path.join(snapshot, 'pagefind'), {
        recursive: true,
      });
    };
    article = await publishArticle('Zonnebloemconcert');
    whenLiveBeforeIndex = undefined;
    expect(article.slug).toBe('zonnebloemconcert');
    expect(pageWasLive).toBe(true);
    const atLive = await serve(snapshot);
    expect(await searchSite(atLive, 'Zonnebloemconcert')).not.toContain(
      '/nieuws/zonnebloemconcert/',
    );
    expect(await searchSite(atLive, demo.word)).toContain(demo.url);

    // Right after, the live site's own index finds it.
    expect(await searchSite(siteUrl, 'Zonnebloemconcert')).toContain('/nieuws/zonnebloemconcert/');
    const record = await last();
    expect(record.stats?.searchIndex).toBe('deferred');
    expect(Date.parse(record.searchIndexedAt!)).toBeGreaterThanOrEqual(
      Date.parse(record.finishedAt),
    );
    expect(record.stats!.seconds.search).toBeGreaterThan(0);
    expectWholeIndex(liveDir());
    expect(fs.existsSync(path.join(liveDir(), '.pagefind-next'))).toBe(false);
  });

  it('takes an unpublished article out of the search index with the next switch', async () => {
    await articles().unpublish({ documentId: article.documentId } as never);
    publisher.queue.notify();
    await publisher.queue.idle();
    expect((await fetch(`${siteUrl}/nieuws/zonnebloemconcert/`)).status).toBe(404);
    expect(await searchSite(siteUrl, 'Zonnebloemconcert')).not.toContain(
      '/nieuws/zonnebloemconcert/',
    );
    expect(await searchSite(siteUrl, demo.word)).toContain(demo.url);
  });

  it('leaves every build kept for rollback a whole index of its own, which a rollback serves', async () => {
    const { kept, live } = await publisher.status();
    expect(kept.length).toBeGreaterThanOrEqual(3);
    for (const id of kept) {
      const release = path.join(publisher.releases.releasesDir, id);
      expectWholeIndex(release);
      expect(await searchSite(await serve(release), demo.word), id).toContain(demo.url);
    }
    // Back to the build with the article: its pages and its index agree.
    const previous = await publisher.rollback();
    expect(previous).toBe(kept[kept.indexOf(live!) - 1]);
    expect((await fetch(`${siteUrl}/nieuws/zonnebloemconcert/`)).status).toBe(200);
    expect(await searchSite(siteUrl, 'Zonnebloemconcert')).toContain('/nieuws/zonnebloemconcert/');
    await publisher.releases.activate(live!);
  });

  it('keeps the live release and its old index working when the index update fails, and says so', async () => {
    const before = liveDir();
    const indexBefore = filesOf(path.join(before, 'pagefind'));
    blockNextSwitch = true;
    const from = lines.length;
    await publishArticle('Regenboogmarkt');
    const record = await last();
    // The page is live; its search is the index of the build before, whole.
    expect(record.result).toBe('live');
    expect((await publisher.status()).live).toBe(record.id);
    expect((await fetch(`${siteUrl}/nieuws/regenboogmarkt/`)).status).toBe(200);
    expect(record.searchIndexedAt).toBeUndefined();
    expect(record.searchIndexError).toMatch(/EISDIR|directory/i);
    expect(filesOf(path.join(liveDir(), 'pagefind'))).toEqual(indexBefore);
    expect(fs.existsSync(path.join(liveDir(), '.pagefind-next'))).toBe(false);
    expect(await searchSite(siteUrl, demo.word)).toContain(demo.url);
    expect(await searchSite(siteUrl, 'Regenboogmarkt')).not.toContain('/nieuws/regenboogmarkt/');
    expect(
      lines
        .slice(from)
        .some(({ line, level }) => level === 'error' && /search index could not be/.test(line)),
    ).toBe(true);
    const metrics = await publisher.metrics.metrics();
    expect(metrics).toMatch(/hub_publisher_search_index_updates_total\{result="failed"\} 1/);
    expect(metrics).toMatch(/hub_publisher_live_search_index_behind 1/);

    // The next build indexes again (the obstacle stays in the older build's folder only).
    publisher.queue.notify();
    await publisher.queue.idle();
    expect((await last()).searchIndexedAt).toBeDefined();
    expect(await searchSite(siteUrl, 'Regenboogmarkt')).toContain('/nieuws/regenboogmarkt/');
  });

  it('leaves no files of earlier indexes behind over 5 builds', async () => {
    for (let n = 1; n <= 5; n += 1) await publishArticle(`Wijkbericht nummer ${n} met kaart`);
    const live = liveDir();
    // Exactly the files a fresh index of the live pages has (Pagefind names files by content).
    const fresh = path.join(work, 'fresh-index');
    await writeSearchIndex(live, fresh);
    const isVariant = (file: string) => /\.(br|gz)$/.test(file);
    expect(filesOf(path.join(live, 'pagefind')).filter((file) => !isVariant(file))).toEqual(
      filesOf(fresh),
    );
    for (const id of (await publisher.status()).kept)
      expectWholeIndex(path.join(publisher.releases.releasesDir, id));
    expect(await searchSite(siteUrl, 'Wijkbericht')).toHaveLength(5);
  });
});
