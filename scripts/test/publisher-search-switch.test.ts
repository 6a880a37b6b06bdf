/**
 * The publisher's second switch (issue 15, item 1): a build goes live with the search index of
 * the build before, and its own index is switched in right after. Here on hand-made index
 * files (no Pagefind, no CMS): what the switch does to the live folder and to builds kept for
 * rollback, what it leaves behind when it fails, and what the publisher does around it (the
 * record, the log, the metrics, idle(), the second sync to the site bucket). The real thing,
 * with Pagefind and a CMS, is in publisher-search-index.test.ts.
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExportStats } from '../../site/scripts/export-site';
import { parsePrometheus } from '../../cms/test/prometheus';
import { startLocalS3, type LocalS3 } from '../src/lib/local-s3';
import { siteDir } from '../src/lib/paths';
import { Publisher, type SiteBuilder } from '../src/publisher/publisher';
import { entriesInSwitchOrder, switchSearchIndex } from '../src/publisher/search-switch';
import { SiteBucket } from '../src/publisher/site-bucket';
import { createS3Client } from '../src/publisher/s3-client';

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-search-switch-'));
const closers: (() => unknown)[] = [];
afterAll(async () => {
  for (const close of closers.reverse()) await close();
  fs.rmSync(work, { recursive: true, force: true });
});

/** Every file below dir, relative, sorted. */
function filesOf(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return (fs.readdirSync(dir, { recursive: true, withFileTypes: true }) as fs.Dirent[])
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .sort();
}

/** Writes files (relative path -> content) below dir. */
function write(dir: string, files: Record<string, string>): void {
  for (const [file, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), content);
  }
}

/** Copies a folder as the exporter takes unchanged files: every file a hard link. */
function linkTree(from: string, to: string): void {
  for (const file of filesOf(from)) {
    fs.mkdirSync(path.dirname(path.join(to, file)), { recursive: true });
    fs.linkSync(path.join(from, file), path.join(to, file));
  }
}

const SCRIPT = `export const pagefind = 1;${'//'.repeat(200)}`;

/**
 * A hand-made index of generation `n`: the entry names `nl_<n>`; its meta and index chunk carry
 * that name; fragments are named by their page; Pagefind's script is the same in every one.
 */
function indexFiles(n: number, pages: string[]): Record<string, string> {
  const files: Record<string, string> = {
    'pagefind.js': SCRIPT,
    'pagefind.js.br': 'br of the script',
    'pagefind-entry.json': JSON.stringify({ languages: { nl: { hash: `nl_${n}` } } }),
    [`pagefind.nl_${n}.pf_meta`]: `meta ${n}: ${pages.join(',')}`,
    [`index/nl_${n}.pf_index`]: `index ${n}: ${pages.join(',')}`,
  };
  for (const page of pages) files[`fragment/nl_${page}.pf_fragment`] = `fragment ${page}`;
  return files;
}

/** A metric's value in a scrape (the sample with exactly these labels). */
function metric(
  text: string,
  name: string,
  labels: Record<string, string> = {},
): number | undefined {
  return parsePrometheus(text).samples.find(
    (sample) =>
      sample.name === name &&
      Object.keys(sample.labels).length === Object.keys(labels).length &&
      Object.entries(labels).every(([key, value]) => sample.labels[key] === value),
  )?.value;
}

/** The index files an entry names (in this hand-made index: the meta and chunk of its hash). */
function completeIndex(dir: string): boolean {
  const entry = JSON.parse(fs.readFileSync(path.join(dir, 'pagefind-entry.json'), 'utf8'));
  const hash = entry.languages.nl.hash as string;
  return (
    fs.existsSync(path.join(dir, `pagefind.${hash}.pf_meta`)) &&
    fs.existsSync(path.join(dir, 'index', `${hash}.pf_index`))
  );
}

describe('the search index switch', () => {
  it('switches in the new index, leaves the build kept for rollback whole, and removes the old files', async () => {
    const older = path.join(work, 'switch', 'older');
    const newer = path.join(work, 'switch', 'newer');
    write(path.join(older, 'pagefind'), {
      ...indexFiles(1, ['a', 'b']),
      'pagefind-entry.json.br': 'an old compressed entry',
    });
    const olderBefore = Object.fromEntries(
      filesOf(path.join(older, 'pagefind')).map((file) => [
        file,
        fs.readFileSync(path.join(older, 'pagefind', file), 'utf8'),
      ]),
    );
    // The newer build went live with the older one's index (hard links), and got its own next.
    linkTree(path.join(older, 'pagefind'), path.join(newer, 'pagefind'));
    write(path.join(newer, '.pagefind-next'), indexFiles(2, ['a', 'c']));

    const report = await switchSearchIndex(newer);

    const live = path.join(newer, 'pagefind');
    expect(filesOf(live)).toEqual(Object.keys(indexFiles(2, ['a', 'c'])).sort());
    expect(fs.readFileSync(path.join(live, 'pagefind-entry.json'), 'utf8')).toContain('nl_2');
    expect(completeIndex(live)).toBe(true);
    // The old entry's compressed form would still name the old index: gone with it.
    expect(fs.existsSync(path.join(live, 'pagefind-entry.json.br'))).toBe(false);
    expect(fs.existsSync(path.join(newer, '.pagefind-next'))).toBe(false);
    // nl_1's meta and chunk, and fragment b (the old entry.br went with the entry).
    expect(report.removed).toBe(3);
    // Unchanged files are still the older build's (one inode), not copies.
    for (const file of ['pagefind.js', 'fragment/nl_a.pf_fragment']) {
      expect(fs.statSync(path.join(live, file)).ino).toBe(
        fs.statSync(path.join(older, 'pagefind', file)).ino,
      );
    }
    // The build kept for rollback has every file of its own index, unchanged.
    expect(filesOf(path.join(older, 'pagefind'))).toEqual(Object.keys(olderBefore).sort());
    for (const [file, content] of Object.entries(olderBefore))
      expect(fs.readFileSync(path.join(older, 'pagefind', file), 'utf8'), file).toBe(content);
    expect(completeIndex(path.join(older, 'pagefind'))).toBe(true);
  });

  it('leaves no files of older indexes over 5 builds', async () => {
    let previous = path.join(work, 'generations', '0');
    write(path.join(previous, 'pagefind'), indexFiles(0, ['a']));
    const pages = ['a'];
    for (let n = 1; n <= 5; n += 1) {
      const release = path.join(work, 'generations', String(n));
      linkTree(path.join(previous, 'pagefind'), path.join(release, 'pagefind'));
      pages.push(`p${n}`);
      write(path.join(release, '.pagefind-next'), indexFiles(n, pages));
      await switchSearchIndex(release);
      expect(filesOf(path.join(release, 'pagefind'))).toEqual(
        Object.keys(indexFiles(n, pages)).sort(),
      );
      previous = release;
    }
    // Each kept build still has a whole index of its own.
    for (let n = 0; n <= 5; n += 1)
      expect(completeIndex(path.join(work, 'generations', String(n), 'pagefind'))).toBe(true);
  });

  it('keeps the old index whole when the switch fails before the entry, and takes out what it moved in', async () => {
    const release = path.join(work, 'fails');
    write(path.join(release, 'pagefind'), indexFiles(1, ['a', 'b']));
    write(path.join(release, '.pagefind-next'), indexFiles(2, ['a', 'c']));
    // A folder where the new index chunk must go: its rename fails (after fragment c moved in).
    fs.mkdirSync(path.join(release, 'pagefind', 'index', 'nl_2.pf_index'));

    await expect(switchSearchIndex(release)).rejects.toThrow();

    const live = path.join(release, 'pagefind');
    expect(fs.readFileSync(path.join(live, 'pagefind-entry.json'), 'utf8')).toContain('nl_1');
    expect(completeIndex(live)).toBe(true);
    expect(fs.existsSync(path.join(live, 'fragment', 'nl_c.pf_fragment'))).toBe(false);
    expect(fs.existsSync(path.join(live, 'fragment', 'nl_b.pf_fragment'))).toBe(true);
    expect(fs.existsSync(path.join(release, '.pagefind-next'))).toBe(false);
  });

  it('switches an index in parts: the parts’ entries first, then the list of parts, then the main entry', async () => {
    expect(
      entriesInSwitchOrder([
        'pagefind-entry.json',
        'delen.json',
        'deel-3/pagefind-entry.json',
        'deel-2/pagefind-entry.json',
        'deel-2/pagefind.nl_2.pf_meta',
        'pagefind.js',
      ]),
    ).toEqual([
      'deel-2/pagefind-entry.json.br',
      'deel-2/pagefind-entry.json.gz',
      'deel-2/pagefind-entry.json',
      'deel-3/pagefind-entry.json.br',
      'deel-3/pagefind-entry.json.gz',
      'deel-3/pagefind-entry.json',
      'delen.json.br',
      'delen.json.gz',
      'delen.json',
      'pagefind-entry.json.br',
      'pagefind-entry.json.gz',
      'pagefind-entry.json',
    ]);

    const release = path.join(work, 'parts');
    const inParts = (n: number, parts: string[][]): Record<string, string> => {
      const files: Record<string, string> = {
        'delen.json': JSON.stringify(parts.slice(1).map((_, i) => `deel-${i + 2}/`)),
      };
      parts.forEach((pages, i) => {
        const folder = i === 0 ? '' : `deel-${i + 1}/`;
        for (const [file, content] of Object.entries(indexFiles(n * 10 + i, pages)))
          files[`${folder}${file}`] = content;
      });
      return files;
    };
    write(path.join(release, 'pagefind'), inParts(1, [['a'], ['b']]));
    const next = inParts(2, [['a'], ['b'], ['c']]);
    write(path.join(release, '.pagefind-next'), next);

    await switchSearchIndex(release);

    const live = path.join(release, 'pagefind');
    expect(filesOf(live)).toEqual(Object.keys(next).sort());
    expect(JSON.parse(fs.readFileSync(path.join(live, 'delen.json'), 'utf8'))).toEqual([
      'deel-2/',
      'deel-3/',
    ]);
    for (const part of ['', 'deel-2', 'deel-3'])
      expect(completeIndex(path.join(live, part)), part || 'main').toBe(true);
  });

  it('refuses a prepared index without an entry, and changes nothing', async () => {
    const release = path.join(work, 'no-entry');
    write(path.join(release, 'pagefind'), indexFiles(1, ['a']));
    const next = indexFiles(2, ['a', 'b']);
    delete next['pagefind-entry.json'];
    write(path.join(release, '.pagefind-next'), next);
    await expect(switchSearchIndex(release)).rejects.toThrow(/no pagefind-entry\.json/);
    expect(filesOf(path.join(release, 'pagefind'))).toEqual(
      Object.keys(indexFiles(1, ['a'])).sort(),
    );
  });
});

// ---------------------------------------------------------------------------------------------
// The publisher around it, with a stand-in builder.

/** A CMS with nothing published: the checks of a release without item pages pass. */
let cmsUrl = '';
let s3: LocalS3;
beforeAll(async () => {
  const cms = http.createServer((_request, response) => {
    response.writeHead(200, { 'Content-Type': 'application/json' });
    response.end(JSON.stringify({ data: [], meta: { pagination: { total: 0 } } }));
  });
  await new Promise<void>((resolve) => cms.listen(0, '127.0.0.1', resolve));
  closers.push(() => new Promise((resolve) => cms.close(resolve)));
  cmsUrl = `http://127.0.0.1:${(cms.address() as AddressInfo).port}`;
  s3 = await startLocalS3({ directory: path.join(work, 's3'), buckets: ['hub-search'] });
  closers.push(() => s3.close());
});

const EMPTY_FEED = '<rss><channel><title>Hub</title></channel></rss>';

/**
 * Builds as the worker does with `search: 'defer'`: the first build writes its index, later
 * ones link the last build's; indexSearch prepares generation n, or fails as told.
 */
function standInBuilder() {
  let last: string | undefined;
  let generation = 0;
  const builder = {
    fail: undefined as Error | undefined,
    /** A build waits for this first (to queue a follow-up behind it). */
    gate: Promise.resolve(),
    /** How many indexes were prepared. */
    indexed: 0,
    /** Called between preparing and the switch (to look at the live site then). */
    prepared: (() => undefined) as (releaseDir: string) => void,
    build: async (request: { outDir: string; search?: string }): Promise<ExportStats> => {
      await builder.gate;
      write(request.outDir, {
        'index.html': `<h1>Build ${request.outDir}</h1>`,
        'rss.xml': EMPTY_FEED,
      });
      const deferred = request.search === 'defer' && last !== undefined;
      if (deferred) linkTree(path.join(last!, 'pagefind'), path.join(request.outDir, 'pagefind'));
      else write(path.join(request.outDir, 'pagefind'), indexFiles(generation, ['home']));
      last = request.outDir;
      return {
        files: 2,
        rendered: 2,
        pages: 1,
        images: { encoded: 0, reused: 0 },
        compressed: { made: 0, linked: 0 },
        seconds: { fetch: 0, render: 0, images: 0, search: deferred ? 0 : 0.1, compress: 0 },
        searchIndex: deferred ? 'deferred' : 'written',
        warnings: [],
      };
    },
    indexSearch: async (releaseDir: string) => {
      if (builder.fail) throw builder.fail;
      builder.indexed += 1;
      generation += 1;
      write(
        path.join(releaseDir, '.pagefind-next'),
        indexFiles(generation, ['home', `p${generation}`]),
      );
      builder.prepared(releaseDir);
      return { pages: 2, seconds: 0.25 };
    },
    close: () => undefined,
  };
  return builder satisfies SiteBuilder;
}

describe('the publisher’s second switch', () => {
  it('makes the build live first, then its index; idle() waits for the index; metrics and record say so', async () => {
    const builder = standInBuilder();
    const lines: { line: string; level?: string }[] = [];
    const publisher = new Publisher({
      root: path.join(work, 'publisher'),
      siteDir,
      cms: () => ({ url: cmsUrl, token: 'test' }),
      siteUrl: 'https://hub.example.nl',
      keep: 5,
      buildTimeoutMs: 60_000,
      builder,
      log: (line, level) => lines.push({ line, level }),
    });
    closers.push(() => publisher.close());
    await publisher.load();
    const first = await publisher.build();
    expect(first.stats?.searchIndex).toBe('written');
    expect(first.searchIndexedAt).toBe(first.finishedAt);

    // At the moment the index is prepared the new build is live already, with the old index.
    const seenWhenPrepared: { live: string | null; entry: string }[] = [];
    builder.prepared = (releaseDir) => {
      const entry = path.join(releaseDir, 'pagefind', 'pagefind-entry.json');
      seenWhenPrepared.push({
        live: path.basename(fs.realpathSync(publisher.releases.liveLink)),
        entry: fs.readFileSync(entry, 'utf8'),
      });
    };
    publisher.queue.notify();
    await publisher.queue.idle();
    const { last, live } = await publisher.status();
    expect(last?.id).toBe(live);
    expect(seenWhenPrepared).toEqual([{ live, entry: expect.stringContaining('nl_0') }]);
    const liveIndex = path.join(publisher.releases.liveLink, 'pagefind');
    expect(fs.readFileSync(path.join(liveIndex, 'pagefind-entry.json'), 'utf8')).toContain('nl_1');
    expect(filesOf(liveIndex)).toEqual(Object.keys(indexFiles(1, ['home', 'p1'])).sort());
    expect(last?.stats?.searchIndex).toBe('deferred');
    // Making it (0.25 s by the stand-in) and switching it in.
    expect(last?.stats?.seconds.search).toBeGreaterThan(0);
    expect(last?.stats?.seconds.search).toBeLessThan(5);
    expect(Date.parse(last!.searchIndexedAt!)).toBeGreaterThanOrEqual(Date.parse(last!.finishedAt));
    const order = lines.map(({ line }) => line);
    const liveAt = order.findIndex((line) => line.startsWith(`Build ${live} is live`));
    const indexedAt = order.findIndex((line) => line.includes('switched in'));
    expect(liveAt).toBeGreaterThan(-1);
    expect(indexedAt).toBeGreaterThan(liveAt);
    // Saved with the record: the status after a restart still knows.
    const state = JSON.parse(fs.readFileSync(path.join(work, 'publisher', 'state.json'), 'utf8'));
    expect(state.at(-1).searchIndexedAt).toBe(last?.searchIndexedAt);

    const metrics = await publisher.metrics.metrics();
    expect(metric(metrics, 'hub_publisher_search_index_updates_total', { result: 'ok' })).toBe(1);
    expect(metric(metrics, 'hub_publisher_live_search_index_behind')).toBe(0);
    // Two builds timed their search: the first with its pages, the second after it went live.
    expect(metric(metrics, 'hub_publisher_build_phase_seconds_count', { phase: 'search' })).toBe(2);
    expect(metric(metrics, 'hub_publisher_publish_to_live_seconds_count')).toBe(1);

    // A failed index: logged as an error, counted, the release stays live with its old index.
    builder.fail = new Error('Pagefind: the disk is full');
    publisher.queue.notify();
    await publisher.queue.idle();
    const failed = (await publisher.status()).last!;
    expect(failed.result).toBe('live');
    expect((await publisher.status()).live).toBe(failed.id);
    expect(failed.searchIndexedAt).toBeUndefined();
    expect(failed.searchIndexError).toMatch(/disk is full/);
    const failedIndex = path.join(publisher.releases.liveLink, 'pagefind');
    expect(fs.readFileSync(path.join(failedIndex, 'pagefind-entry.json'), 'utf8')).toContain(
      'nl_1',
    );
    expect(completeIndex(failedIndex)).toBe(true);
    expect(
      lines.some(
        ({ line, level }) =>
          level === 'error' &&
          line.includes('search index could not be made') &&
          line.includes('disk is full'),
      ),
    ).toBe(true);
    const after = await publisher.metrics.metrics();
    expect(metric(after, 'hub_publisher_search_index_updates_total', { result: 'failed' })).toBe(1);
    expect(metric(after, 'hub_publisher_live_search_index_behind')).toBe(1);

    // The next build indexes again.
    builder.fail = undefined;
    publisher.queue.notify();
    await publisher.queue.idle();
    const next = (await publisher.status()).last!;
    expect(next.searchIndexedAt).toBeDefined();
    expect(
      fs.readFileSync(
        path.join(publisher.releases.liveLink, 'pagefind', 'pagefind-entry.json'),
        'utf8',
      ),
    ).toContain('nl_2');
    // The build kept for rollback still has its own, whole index.
    const { kept } = await publisher.status();
    for (const id of kept)
      expect(completeIndex(path.join(publisher.releases.releasesDir, id, 'pagefind')), id).toBe(
        true,
      );
  });

  it('prunes old builds only after the index switch, so the new build is served first', async () => {
    const builder = standInBuilder();
    const publisher = new Publisher({
      root: path.join(work, 'prune'),
      siteDir,
      cms: () => ({ url: cmsUrl, token: 'test' }),
      siteUrl: 'https://hub.example.nl',
      keep: 1,
      buildTimeoutMs: 60_000,
      builder,
      log: () => undefined,
    });
    closers.push(() => publisher.close());
    await publisher.load();
    await publisher.build();
    const kept: string[][] = [];
    builder.prepared = () => kept.push(fs.readdirSync(publisher.releases.releasesDir));
    publisher.queue.notify();
    await publisher.queue.idle();
    expect(kept[0]).toHaveLength(2);
    expect(await publisher.releases.list()).toEqual([(await publisher.status()).live]);
  });

  it('is not pending while the index of a live build is made', async () => {
    const builder = standInBuilder();
    const publisher = new Publisher({
      root: path.join(work, 'pending'),
      siteDir,
      cms: () => ({ url: cmsUrl, token: 'test' }),
      siteUrl: 'https://hub.example.nl',
      keep: 5,
      buildTimeoutMs: 60_000,
      builder,
      log: () => undefined,
    });
    closers.push(() => publisher.close());
    await publisher.load();
    await publisher.build();
    let status: Awaited<ReturnType<Publisher['status']>> | undefined;
    let resume: () => void = () => undefined;
    const indexSearch = builder.indexSearch;
    builder.indexSearch = async (releaseDir: string) => {
      status = await publisher.status();
      await new Promise<void>((resolve) => (resume = resolve));
      return indexSearch(releaseDir);
    };
    publisher.queue.notify();
    while (!status) await new Promise((resolve) => setTimeout(resolve, 5));
    expect(status).toMatchObject({ pending: false, building: null });
    expect(status.live).toBe(status.last?.id);
    resume();
    await publisher.queue.idle();
  });

  it('leaves the index to the follow-up build when one is queued, so its pages do not wait', async () => {
    const builder = standInBuilder();
    const lines: string[] = [];
    const publisher = new Publisher({
      root: path.join(work, 'follow-up'),
      siteDir,
      cms: () => ({ url: cmsUrl, token: 'test' }),
      siteUrl: 'https://hub.example.nl',
      keep: 5,
      buildTimeoutMs: 60_000,
      builder,
      log: (line) => lines.push(line),
    });
    closers.push(() => publisher.close());
    await publisher.load();
    await publisher.build();
    let open: () => void = () => undefined;
    builder.gate = new Promise<void>((resolve) => (open = resolve));
    publisher.queue.notify();
    publisher.queue.notify(); // during the build: a follow-up
    expect(publisher.queue.queued).toBe(true);
    open();
    await publisher.queue.idle();
    const { builds, live } = await publisher.status();
    expect(builds).toHaveLength(3);
    const history = JSON.parse(
      fs.readFileSync(path.join(work, 'follow-up', 'state.json'), 'utf8'),
    ) as { id: string; searchIndexedAt?: string }[];
    // The second build's index was left to the third, which indexed every change at once.
    expect(history[1]!.searchIndexedAt).toBeUndefined();
    expect(history[2]!.searchIndexedAt).toBeDefined();
    expect(lines).toContain(
      `Build ${history[1]!.id}: its search index is left to the build queued next.`,
    );
    expect(builder.indexed).toBe(1);
    expect(history[2]!.id).toBe(live);
    const index = path.join(publisher.releases.liveLink, 'pagefind');
    expect(fs.readFileSync(path.join(index, 'pagefind-entry.json'), 'utf8')).toContain('nl_1');
  });

  it('uploads the new index to the site bucket after the switch: its files first, the entry after them', async () => {
    const builder = standInBuilder();
    const client = createS3Client(
      {
        bucket: 'hub-search',
        endpoint: s3.endpoint,
        region: 'us-east-1',
        accessKeyId: 'S3RVER',
        secretAccessKey: 'S3RVER',
        forcePathStyle: true,
        publicUrl: `${s3.endpoint}/hub-search`,
      },
      { maxAttempts: 1, connectionTimeoutMs: 2000, requestTimeoutMs: 5000 },
    );
    const puts: string[] = [];
    client.middlewareStack.add(
      (next, context) => async (args) => {
        const input = args.input as { Key?: string };
        if (context.commandName === 'PutObjectCommand' && input.Key) puts.push(input.Key);
        return next(args);
      },
      { step: 'initialize' },
    );
    const bucket = new SiteBucket({
      settings: {
        bucket: 'hub-search',
        endpoint: s3.endpoint,
        region: 'us-east-1',
        accessKeyId: 'S3RVER',
        secretAccessKey: 'S3RVER',
        forcePathStyle: true,
        publicUrl: `${s3.endpoint}/hub-search`,
      },
      stateFile: path.join(work, 'bucket', 'site-bucket.json'),
      graceMs: 3_600_000,
      client,
      log: () => undefined,
    });
    closers.push(() => bucket.close());
    const publisher = new Publisher({
      root: path.join(work, 'bucket'),
      siteDir,
      cms: () => ({ url: cmsUrl, token: 'test' }),
      siteUrl: 'https://hub.example.nl',
      keep: 5,
      buildTimeoutMs: 60_000,
      builder,
      siteBucket: bucket,
      log: () => undefined,
    });
    closers.push(() => publisher.close());
    await publisher.load();
    await publisher.build();
    puts.length = 0;
    publisher.queue.notify();
    await publisher.queue.idle();
    const record = (await publisher.status()).last!;
    // The first sync: the page, with the index the bucket has already (nothing of it again).
    expect(record.upload?.uploaded).toBe(1);
    expect(puts[0]).toBe('index.html');
    // The second: the new index files, then its entry.
    const second = puts.slice(1);
    expect(second).toEqual(
      expect.arrayContaining([
        'pagefind/pagefind.nl_1.pf_meta',
        'pagefind/index/nl_1.pf_index',
        'pagefind/fragment/nl_p1.pf_fragment',
      ]),
    );
    expect(second.at(-1)).toBe('pagefind/pagefind-entry.json');
    expect(record.searchUpload?.uploaded).toBe(second.length);
    // The old index's files wait for their grace period (readers in the middle of a search).
    expect(record.searchUpload?.waitingRemoval).toBe(2);
  });
});
