/**
 * Publishing to the site bucket: the plan (what goes up, in which order, what goes away when),
 * and syncs against a real S3-compatible server (s3rver) behind a proxy that records the
 * requests in the order they arrive. Releases are made by hand; the publisher builds with a
 * stand-in builder and checks against a stand-in CMS that has nothing published.
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import zlib from 'node:zlib';
import { HeadObjectCommand, ListObjectsV2Command } from '@aws-sdk/client-s3';
import type { S3Settings } from '@hub/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalS3, type LocalS3 } from '../src/lib/local-s3';
import { getUndecoded } from '../src/lib/raw-http';
import { Publisher, type SiteBuilder } from '../src/publisher/publisher';
import { siteBucketSettings } from '../src/publisher/settings';
import { createS3Client } from '../src/publisher/s3-client';
import { SiteBucket } from '../src/publisher/site-bucket';
import {
  dueRemovals,
  identityKey,
  objectHeaders,
  planSync,
  uploadStage,
  type BucketMemory,
  type LocalObject,
} from '../src/publisher/site-bucket-plan';
import { siteDir } from '../src/lib/paths';

const HOUR = 3_600_000;
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-site-bucket-'));
const closers: (() => unknown)[] = [];
afterAll(async () => {
  for (const close of closers.reverse()) await close();
  fs.rmSync(work, { recursive: true, force: true });
});

// ---------------------------------------------------------------------------------------------
// The plan, on its own.

const object = (key: string, md5 = `md5-of-${key}`): LocalObject => ({ key, md5, size: 10 });
const noMemory: BucketMemory = { pendingRemovals: {}, headers: {} };

describe('the plan of a sync', () => {
  it('sorts files into assets, the search entry, pages and feeds, and the sitemaps', () => {
    expect(uploadStage('_astro/app.abc.css')).toBe('asset');
    expect(uploadStage('_astro/img/foto.avif')).toBe('asset');
    expect(uploadStage('favicon.svg')).toBe('asset');
    expect(uploadStage('pagefind/pagefind.js')).toBe('asset');
    expect(uploadStage('pagefind/index/nl_abc.pf_index')).toBe('asset');
    expect(uploadStage('pagefind/pagefind-entry.json')).toBe('asset-entry');
    expect(uploadStage('index.html')).toBe('page');
    expect(uploadStage('404.html')).toBe('page');
    expect(uploadStage('nieuws/index.html.br')).toBe('page');
    expect(uploadStage('rss.xml')).toBe('page');
    expect(uploadStage('agenda/koffie/index.ics')).toBe('page');
    expect(uploadStage('agenda.ics.gz')).toBe('page');
    expect(uploadStage('sitemap-index.xml')).toBe('index');
    expect(uploadStage('sitemap-0.xml.br')).toBe('index');
    expect(uploadStage('robots.txt')).toBe('index');
    expect(identityKey('index.html.br')).toBe('index.html');
    expect(identityKey('_astro/foto.avif')).toBe('_astro/foto.avif');
    // Not a variant: images are never precompressed, so this .gz is a file of its own.
    expect(identityKey('downloads/foto.png.gz')).toBe('downloads/foto.png.gz');
  });

  it('gives each object the headers the static server sends for its file', () => {
    expect(objectHeaders('index.html')).toEqual({
      contentType: 'text/html; charset=utf-8',
      cacheControl: 'public, max-age=0, must-revalidate',
    });
    expect(objectHeaders('rss.xml.gz')).toEqual({
      contentType: 'application/rss+xml; charset=utf-8',
      cacheControl: 'public, max-age=0, must-revalidate',
      contentEncoding: 'gzip',
    });
    expect(objectHeaders('_astro/app.abc.js.br')).toEqual({
      contentType: 'text/javascript; charset=utf-8',
      cacheControl: 'public, max-age=31536000, immutable',
      contentEncoding: 'br',
    });
    expect(objectHeaders('partners/logo.png').cacheControl).toBe('public, max-age=3600');
  });

  it('uploads only what is new, changed, or has other headers than before, in stages', () => {
    const local = [
      object('robots.txt'),
      object('index.html', 'new'),
      object('index.html.br'),
      object('pagefind/pagefind-entry.json'),
      object('pagefind/index/nl_1.pf_index'),
      object('_astro/app.css'),
      object('favicon.svg'),
    ];
    const remote = [
      { key: 'index.html', etag: 'old' },
      { key: 'index.html.br', etag: 'md5-of-index.html.br' },
      { key: 'favicon.svg', etag: 'md5-of-favicon.svg' },
    ];
    const memory = { pendingRemovals: {}, headers: { 'favicon.svg': 'rules-of-last-year' } };
    const plan = planSync(local, remote, memory, 0, HOUR);
    expect(plan.stages.map(({ stage, uploads }) => [stage, uploads.map((u) => u.key)])).toEqual([
      ['asset', ['_astro/app.css', 'favicon.svg', 'pagefind/index/nl_1.pf_index']],
      ['asset-entry', ['pagefind/pagefind-entry.json']],
      ['page', ['index.html']],
      ['index', ['robots.txt']],
    ]);
    // Every local key's headers are remembered, so the next change of the rules is noticed.
    expect(Object.keys(plan.memory.headers).sort()).toEqual(local.map((o) => o.key).sort());
  });

  it('removes gone pages and stale variants at once, and gone assets after the grace period', () => {
    const remote = [
      'index.html',
      'oud-bericht/index.html',
      'oud-bericht/index.html.br',
      'sitemap-1.xml',
      '_astro/old.css',
      'pagefind/fragment/old.pf_fragment',
      'pagefind/pagefind.js.br',
    ].map((key) => ({ key, etag: `md5-of-${key}` }));
    const local = [object('index.html'), object('pagefind/pagefind.js')];
    const plan = planSync(local, remote, noMemory, 1000, HOUR);
    expect(plan.removeNow).toEqual([
      'oud-bericht/index.html',
      'oud-bericht/index.html.br',
      // pagefind.js is still there, its old compressed variant is not: it would be served stale.
      'pagefind/pagefind.js.br',
      'sitemap-1.xml',
    ]);
    expect(plan.removeDue).toEqual([]);
    expect(plan.memory.pendingRemovals).toEqual({
      '_astro/old.css': 1000 + HOUR,
      'pagefind/fragment/old.pf_fragment': 1000 + HOUR,
    });
    // Half an hour later the clock runs on from the first time; after the hour they go.
    const later = planSync(local, remote, plan.memory, 1000 + HOUR / 2, HOUR);
    expect(later.memory.pendingRemovals).toEqual(plan.memory.pendingRemovals);
    const due = planSync(local, remote, plan.memory, 1000 + HOUR, HOUR);
    expect(due.removeDue).toEqual(['_astro/old.css', 'pagefind/fragment/old.pf_fragment']);
    expect(due.memory.pendingRemovals).toEqual({});
    expect(dueRemovals(plan.memory, 1000 + HOUR).remove).toEqual(due.removeDue);
    expect(dueRemovals(plan.memory, 1000).remove).toEqual([]);
  });

  it('stops waiting to remove an asset that is back (a rollback)', () => {
    const memory = { pendingRemovals: { '_astro/old.css': 5 }, headers: {} };
    const plan = planSync(
      [object('_astro/old.css')],
      [{ key: '_astro/old.css', etag: 'md5-of-_astro/old.css' }],
      memory,
      10,
      HOUR,
    );
    expect(plan.removeDue).toEqual([]);
    expect(plan.memory.pendingRemovals).toEqual({});
    expect(plan.stages).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// Against s3rver.

const BUCKET = 'hub-site';
const PAGE = (title: string) =>
  `<!doctype html><title>${title}</title>${'<p>Samen tegen eenzaamheid.</p>'.repeat(40)}`;

/** Writes a release folder; text files get the .br and .gz variants the exporter writes. */
function makeRelease(name: string, files: Record<string, string | Buffer>): string {
  const dir = path.join(work, 'releases-by-hand', name);
  for (const [file, content] of Object.entries(files)) {
    const target = path.join(dir, file);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, content);
    if (/\.(html|css|js|xml)$/.test(file) && content.length >= 256) {
      fs.writeFileSync(`${target}.br`, zlib.brotliCompressSync(content));
      fs.writeFileSync(`${target}.gz`, zlib.gzipSync(content));
    }
  }
  return dir;
}

const BASE_FILES: Record<string, string | Buffer> = {
  'index.html': PAGE('Home'),
  '404.html': '<!doctype html><title>Niet gevonden</title>',
  'nieuws/index.html': PAGE('Nieuws'),
  'nieuws/koffie/index.html': PAGE('Koffie in de wijk'),
  'rss.xml': `<rss><channel>${'<item><title>Koffie</title></item>'.repeat(20)}</channel></rss>`,
  'agenda.ics': 'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n',
  '_astro/app.abc123.css': `body{color:#222}${'p{margin:0}'.repeat(40)}`,
  '_astro/img/foto.avif': Buffer.from([0, 0, 0, 0x20, 0x66, 0x74, 0x79, 0x70, 1, 2, 3]),
  'pagefind/pagefind.js': `export const x=1;${'//'.repeat(200)}`,
  'pagefind/pagefind-entry.json': '{"languages":{"nl":{"hash":"nl_1"}}}',
  'pagefind/index/nl_1.pf_index': Buffer.from('index chunk 1'),
  'sitemap-index.xml': '<sitemapindex></sitemapindex>',
  'robots.txt': 'User-agent: *\nAllow: /\n',
  '.niet-publiek': 'verborgen',
};

/** A proxy in front of s3rver that notes every request (method and key) in arrival order. */
async function recordingProxy(target: string, seen: string[]): Promise<http.Server> {
  const upstream = new URL(target);
  const proxy = http.createServer((request, response) => {
    const url = new URL(request.url ?? '/', target);
    seen.push(`${request.method} ${decodeURIComponent(url.pathname)}${url.search}`);
    const forward = http.request(
      {
        host: upstream.hostname,
        port: upstream.port,
        method: request.method,
        path: request.url,
        headers: request.headers,
      },
      (answer) => {
        response.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(response);
      },
    );
    forward.on('error', () => response.destroy());
    request.pipe(forward);
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  return proxy;
}

const settingsFor = (s3: { endpoint: string }, bucket = BUCKET): S3Settings => ({
  bucket,
  endpoint: s3.endpoint,
  region: 'us-east-1',
  accessKeyId: 'S3RVER',
  secretAccessKey: 'S3RVER',
  forcePathStyle: true,
  publicUrl: `${s3.endpoint}/${bucket}`,
});

let s3: LocalS3;
let proxyEndpoint: string;
const requests: string[] = [];
let clock = Date.parse('2026-11-01T10:00:00Z');

/** The PUTs (uploads) recorded since `from`, as keys. */
const uploadsSince = (from: number) =>
  requests
    .slice(from)
    .filter((line) => line.startsWith('PUT '))
    .map((line) => line.slice(`PUT /${BUCKET}/`.length).split('?')[0]);

beforeAll(async () => {
  s3 = await startLocalS3({ directory: path.join(work, 's3'), buckets: [BUCKET, 'hub-rollback'] });
  closers.push(() => s3.close());
  const proxy = await recordingProxy(s3.endpoint, requests);
  closers.push(() => new Promise((resolve) => proxy.close(resolve)));
  proxyEndpoint = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
});

function siteBucket(stateName: string, bucket = BUCKET, endpoint = proxyEndpoint) {
  const made = new SiteBucket({
    settings: settingsFor({ endpoint }, bucket),
    stateFile: path.join(work, stateName, 'site-bucket.json'),
    graceMs: HOUR,
    now: () => clock,
    log: () => undefined,
  });
  closers.push(() => made.close());
  return made;
}

const publicGet = (key: string, headers: Record<string, string> = {}, bucket = BUCKET) =>
  getUndecoded(`${s3.endpoint}/${bucket}/${key}`, headers);

const listKeys = async (bucket = BUCKET) => {
  const client = createS3Client(settingsFor(s3, bucket), {
    maxAttempts: 1,
    connectionTimeoutMs: 2000,
    requestTimeoutMs: 5000,
  });
  const keys = ((await client.send(new ListObjectsV2Command({ Bucket: bucket }))).Contents ?? [])
    .map((item) => item.Key ?? '')
    .sort();
  client.destroy();
  return keys;
};

describe('a sync to the site bucket', () => {
  const first = makeRelease('first', BASE_FILES);

  it('uploads every file first, with the static server’s headers and compressed variants', async () => {
    const bucket = siteBucket('sync');
    const from = requests.length;
    const report = await bucket.sync(first, 'first');
    const keys = await listKeys();
    expect(keys).toContain('index.html.br');
    expect(keys).toContain('nieuws/koffie/index.html.gz');
    expect(keys).not.toContain('.niet-publiek');
    expect(report.uploaded).toBe(keys.length);
    expect(uploadsSince(from).sort()).toEqual(keys);

    const head = async (key: string) => {
      const client = createS3Client(settingsFor(s3), {
        maxAttempts: 1,
        connectionTimeoutMs: 2000,
        requestTimeoutMs: 5000,
      });
      const output = await client.send(new HeadObjectCommand({ Bucket: BUCKET, Key: key }));
      client.destroy();
      return [output.ContentType, output.CacheControl, output.ContentEncoding];
    };
    const page = ['text/html; charset=utf-8', 'public, max-age=0, must-revalidate'];
    expect(await head('index.html')).toEqual([...page, undefined]);
    expect(await head('index.html.br')).toEqual([...page, 'br']);
    expect(await head('index.html.gz')).toEqual([...page, 'gzip']);
    expect(await head('rss.xml')).toEqual([
      'application/rss+xml; charset=utf-8',
      'public, max-age=0, must-revalidate',
      undefined,
    ]);
    expect(await head('agenda.ics')).toEqual([
      'text/calendar; charset=utf-8',
      'public, max-age=0, must-revalidate',
      undefined,
    ]);
    expect(await head('_astro/app.abc123.css.br')).toEqual([
      'text/css; charset=utf-8',
      'public, max-age=31536000, immutable',
      'br',
    ]);
    expect(await head('_astro/img/foto.avif')).toEqual([
      'image/avif',
      'public, max-age=31536000, immutable',
      undefined,
    ]);
    expect(await head('pagefind/index/nl_1.pf_index')).toEqual([
      'application/octet-stream',
      'public, max-age=3600',
      undefined,
    ]);

    // The stored bytes are the release's bytes (the SDK's request checksums leave them alone).
    for (const key of ['index.html.br', 'index.html.gz', '_astro/img/foto.avif', 'robots.txt']) {
      const answer = await publicGet(key, { 'Accept-Encoding': 'identity' });
      expect(answer.status, key).toBe(200);
      expect(answer.body.equals(fs.readFileSync(path.join(first, key))), key).toBe(true);
    }
    expect(zlib.brotliDecompressSync((await publicGet('index.html.br')).body).toString()).toBe(
      BASE_FILES['index.html'],
    );
  });

  it('uploads assets before the search entry, pages and feeds, and the sitemaps last', async () => {
    const bucket = siteBucket('order', 'hub-rollback');
    const from = requests.length;
    await bucket.sync(first, 'first');
    const order = requests
      .slice(from)
      .filter((line) => line.startsWith('PUT '))
      .map((line) => uploadStage(line.slice('PUT /hub-rollback/'.length).split('?')[0]!));
    expect(order.length).toBeGreaterThan(10);
    const stages = ['asset', 'asset-entry', 'page', 'index'];
    const ranks = order.map((stage) => stages.indexOf(stage));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(new Set(order)).toEqual(new Set(stages));
  });

  it('uploads nothing for an unchanged release, and only a changed page after an edit', async () => {
    const bucket = siteBucket('sync');
    let from = requests.length;
    const again = await bucket.sync(makeRelease('same', BASE_FILES), 'same');
    expect(again.uploaded).toBe(0);
    expect(again.removed).toBe(0);
    expect(uploadsSince(from)).toEqual([]);

    from = requests.length;
    const edited = makeRelease('edited', {
      ...BASE_FILES,
      'nieuws/koffie/index.html': PAGE('Koffie in de wijk, nu ook op zaterdag'),
    });
    const report = await bucket.sync(edited, 'edited');
    expect(uploadsSince(from).sort()).toEqual([
      'nieuws/koffie/index.html',
      'nieuws/koffie/index.html.br',
      'nieuws/koffie/index.html.gz',
    ]);
    expect(report.uploaded).toBe(3);
    expect(report.uploadedBytes).toBe(
      ['', '.br', '.gz']
        .map((suffix) => fs.statSync(path.join(edited, `nieuws/koffie/index.html${suffix}`)).size)
        .reduce((sum, size) => sum + size),
    );
    const page = await publicGet('nieuws/koffie/index.html');
    expect(page.body.toString()).toContain('nu ook op zaterdag');
  });

  it('takes a removed page down at once, and keeps a removed asset for the grace period', async () => {
    const bucket = siteBucket('sync');
    const files = { ...BASE_FILES };
    delete files['nieuws/koffie/index.html'];
    delete files['_astro/app.abc123.css'];
    files['_astro/app.def456.css'] = `body{color:#000}${'p{margin:0}'.repeat(40)}`;
    const report = await bucket.sync(makeRelease('taken-down', files), 'taken-down');
    expect(report.removed).toBe(3);
    expect(report.waitingRemoval).toBe(3);
    for (const suffix of ['', '.br', '.gz']) {
      expect((await publicGet(`nieuws/koffie/index.html${suffix}`)).status).toBe(404);
      // A reader on an older page still gets its styles.
      expect((await publicGet(`_astro/app.abc123.css${suffix}`)).status).toBe(200);
    }
    expect((await publicGet('_astro/app.def456.css')).status).toBe(200);
    const pending = await bucket.pendingRemovals();
    expect(Object.values(pending)).toEqual([clock + HOUR, clock + HOUR, clock + HOUR]);

    clock += HOUR - 1;
    expect(await bucket.removeDue()).toBe(0);
    expect((await publicGet('_astro/app.abc123.css')).status).toBe(200);
    clock += 1;
    expect(await bucket.removeDue()).toBe(3);
    for (const suffix of ['', '.br', '.gz'])
      expect((await publicGet(`_astro/app.abc123.css${suffix}`)).status).toBe(404);
    expect(await bucket.pendingRemovals()).toEqual({});
    // The state file is whole JSON, written by renaming.
    const stateDir = path.join(work, 'sync');
    expect(fs.readdirSync(stateDir).filter((name) => name.includes('partial'))).toEqual([]);
  });

  it('fails with a clear error when the storage cannot be reached', async () => {
    const bucket = siteBucket('unreachable', BUCKET, 'http://127.0.0.1:9');
    await expect(bucket.sync(first, 'first')).rejects.toThrow(
      /The site bucket hub-site at http:\/\/127\.0\.0\.1:9 could not be listed: .*ECONNREFUSED/,
    );
    expect(bucket.lastSync).toMatchObject({ result: 'failed', releaseId: 'first' });
  });
});

describe('the publisher with a site bucket', () => {
  const ids = ['20261101-100000-000', '20261102-100000-000'];
  let cms: http.Server;
  let cmsUrl: string;

  beforeAll(async () => {
    // A CMS with nothing published: the checks of a release with no items pass.
    cms = http.createServer((_request, response) => {
      response.writeHead(200, { 'Content-Type': 'application/json' });
      response.end(JSON.stringify({ data: [], meta: { pagination: { total: 0 } } }));
    });
    await new Promise<void>((resolve) => cms.listen(0, '127.0.0.1', resolve));
    closers.push(() => new Promise((resolve) => cms.close(resolve)));
    cmsUrl = `http://127.0.0.1:${(cms.address() as AddressInfo).port}`;
  });

  /** A publisher folder with two good builds made by hand, the newer one live. */
  function publishFolder(name: string, releases: Record<string, string | Buffer>[]): string {
    const root = path.join(work, name);
    releases.forEach((files, index) => {
      const dir = makeRelease(`${name}-${index}`, files);
      fs.mkdirSync(path.join(root, 'releases'), { recursive: true });
      fs.cpSync(dir, path.join(root, 'releases', ids[index]!), { recursive: true });
    });
    fs.symlinkSync(path.join('releases', ids.at(-1)!), path.join(root, 'live'));
    const history = ids.map((id) => ({
      id,
      startedAt: '',
      finishedAt: '',
      durationMs: 0,
      result: 'live',
    }));
    fs.writeFileSync(path.join(root, 'state.json'), JSON.stringify(history));
    return root;
  }

  /** Builds by writing these files: the export's work, without Astro. */
  const builderOf = (files: Record<string, string>): SiteBuilder => ({
    build: async (request) => {
      for (const [file, content] of Object.entries(files)) {
        fs.mkdirSync(path.dirname(path.join(request.outDir, file)), { recursive: true });
        fs.writeFileSync(path.join(request.outDir, file), content);
      }
      return {
        files: Object.keys(files).length,
        rendered: Object.keys(files).length,
        pages: 1,
        images: { encoded: 0, reused: 0 },
        compressed: { made: 0, linked: 0 },
        seconds: { fetch: 0, render: 0, images: 0, search: 0, compress: 0 },
        warnings: [],
      };
    },
    close: () => undefined,
  });

  const publisherFor = (
    root: string,
    bucket: SiteBucket,
    builder?: SiteBuilder,
    log: (line: string) => void = () => undefined,
  ) => {
    const publisher = new Publisher({
      root,
      siteDir,
      cms: () => ({ url: cmsUrl, token: 'test' }),
      siteUrl: 'https://hub.example.nl',
      debounceMs: 10,
      keep: 5,
      buildTimeoutMs: 60_000,
      siteBucket: bucket,
      builder: builder ?? builderOf({}),
      bucketRetryMs: 100,
      log,
    });
    closers.push(() => publisher.close());
    return publisher;
  };

  const until = async (check: () => boolean, limitMs = 20_000) => {
    const started = Date.now();
    while (!check()) {
      if (Date.now() - started > limitMs) throw new Error('not reached in time');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };

  const EMPTY_FEED = '<rss><channel><title>Hub</title></channel></rss>';
  const older = { ...BASE_FILES, 'rss.xml': EMPTY_FEED, 'over/index.html': PAGE('Over ons') };
  const newer = { ...BASE_FILES, 'rss.xml': EMPTY_FEED, 'index.html': PAGE('Nieuwe home') };

  it('uploads a build to the bucket before it goes live, and records what it uploaded', async () => {
    const root = publishFolder('publisher-build', [older, newer]);
    const bucket = siteBucket('publisher-build-state', 'hub-rollback');
    const publisher = publisherFor(
      root,
      bucket,
      builderOf({ 'index.html': PAGE('Gebouwd'), 'rss.xml': EMPTY_FEED, '404.html': 'weg' }),
    );
    await publisher.load();
    const record = await publisher.build();
    expect(record.error).toBeUndefined();
    expect(record.result).toBe('live');
    expect(record.upload).toMatchObject({ bucket: 'hub-rollback', uploaded: 3 });
    expect(await publisher.releases.liveId()).toBe(record.id);
    expect(await listKeys('hub-rollback')).toContain('index.html');
    const home = await publicGet('index.html', {}, 'hub-rollback');
    expect(home.body.toString()).toContain('Gebouwd');
    // Pages gone from the build are gone from the bucket; the status says where the site is.
    expect((await publicGet('nieuws/index.html', {}, 'hub-rollback')).status).toBe(404);
    const status = await publisher.status();
    expect(status.publishedTo).toMatchObject({
      kind: 'bucket',
      bucket: 'hub-rollback',
      lastSync: { result: 'ok', releaseId: record.id },
    });
  });

  it('rolls the bucket back with the kept build’s differences, then the local live', async () => {
    const root = publishFolder('publisher-rollback', [older, newer]);
    const bucket = siteBucket('publisher-rollback-state', BUCKET);
    const publisher = publisherFor(root, bucket);
    await publisher.load();
    await publisher.syncLive();
    expect((await publicGet('index.html')).body.toString()).toContain('Nieuwe home');

    const from = requests.length;
    expect(await publisher.rollback()).toBe(ids[0]);
    expect(await publisher.releases.liveId()).toBe(ids[0]);
    expect(uploadsSince(from).sort()).toEqual([
      'index.html',
      'index.html.br',
      'index.html.gz',
      'over/index.html',
      'over/index.html.br',
      'over/index.html.gz',
    ]);
    expect((await publicGet('index.html')).body.toString()).toContain('Home');
    expect((await publicGet('over/index.html')).status).toBe(200);
  });

  it('keeps the local live build when the bucket cannot be reached: no build, no rollback', async () => {
    const root = publishFolder('publisher-unreachable', [older, newer]);
    const stopped = await startLocalS3({
      directory: path.join(work, 's3-stopped'),
      buckets: [BUCKET],
    });
    await stopped.close();
    const bucket = siteBucket('publisher-unreachable-state', BUCKET, stopped.endpoint);
    const lines: string[] = [];
    const publisher = publisherFor(
      root,
      bucket,
      builderOf({ 'index.html': PAGE('Gebouwd'), 'rss.xml': EMPTY_FEED }),
      (line) => lines.push(line),
    );
    await publisher.load();

    const record = await publisher.build();
    expect(record.result).toBe('failed');
    expect(record.error).toMatch(/site bucket hub-site at .* could not be listed: .*ECONNREFUSED/);
    // The bucket is behind (a take-down may not be out yet): it builds again by itself, later
    // and later, without a notice from the CMS.
    expect(lines).toContain('The site bucket is behind; building again in 0.1 s.');
    await until(() => lines.includes('The site bucket is behind; building again in 0.2 s.'));
    expect(await publisher.releases.liveId()).toBe(ids[1]);
    // The failed build's folder is gone; the kept builds stay.
    expect(await publisher.releases.list()).toEqual(ids);

    await expect(publisher.rollback()).rejects.toThrow(
      new RegExp(
        `The rollback to ${ids[0]} stopped: the site bucket could not be brought back, so ` +
          `${ids[1]} stays live\\. The site bucket hub-site at .* could not be listed`,
      ),
    );
    expect(await publisher.releases.liveId()).toBe(ids[1]);
    const status = await publisher.status();
    expect(status.publishedTo).toMatchObject({ kind: 'bucket', lastSync: { result: 'failed' } });
  });
});

describe('the site bucket’s settings', () => {
  it('are off without PUBLISH_S3_BUCKET and take the grace period in seconds', () => {
    expect(siteBucketSettings({ S3_BUCKET: 'media' })).toBeNull();
    const settings = siteBucketSettings({
      PUBLISH_S3_BUCKET: 'site',
      S3_ENDPOINT: 'http://127.0.0.1:9000',
      S3_ACCESS_KEY_ID: 'k',
      S3_SECRET_ACCESS_KEY: 's',
    });
    expect(settings).toMatchObject({ graceMs: 3_600_000, s3: { bucket: 'site' } });
    expect(
      siteBucketSettings({
        PUBLISH_S3_BUCKET: 'site',
        PUBLISH_S3_GRACE_S: '60',
        S3_ACCESS_KEY_ID: 'k',
        S3_SECRET_ACCESS_KEY: 's',
      })?.graceMs,
    ).toBe(60_000);
    expect(() =>
      siteBucketSettings({
        PUBLISH_S3_BUCKET: 'site',
        PUBLISH_S3_GRACE_S: 'een uur',
        S3_ACCESS_KEY_ID: 'k',
        S3_SECRET_ACCESS_KEY: 's',
      }),
    ).toThrow(/PUBLISH_S3_GRACE_S must be a whole number of 0 or more/);
  });

  it('refuse the media bucket: the publisher removes whatever the site does not have', () => {
    const keys = { S3_ACCESS_KEY_ID: 'k', S3_SECRET_ACCESS_KEY: 's' };
    expect(() =>
      siteBucketSettings({ ...keys, S3_BUCKET: 'hub', PUBLISH_S3_BUCKET: 'hub' }),
    ).toThrow(/names the media bucket \(hub\)/);
    // The same name on another storage is another bucket.
    expect(
      siteBucketSettings({
        ...keys,
        S3_BUCKET: 'hub',
        PUBLISH_S3_BUCKET: 'hub',
        PUBLISH_S3_ENDPOINT: 'https://s3.other.example',
      })?.s3.bucket,
    ).toBe('hub');
  });
});
