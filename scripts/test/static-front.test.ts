/**
 * The static front over the site bucket: it must answer like the static server does over the
 * live folder (paths, variants, headers, 304, HEAD, 404 page, 400 and 405), pass the forms on,
 * and tell readers in Dutch when the bucket cannot be read. The bucket is a real s3rver, filled
 * by the publisher's own sync.
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import zlib from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import type { S3Settings } from '@hub/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalS3, type LocalS3 } from '../src/lib/local-s3';
import { getUndecoded, rawGet, rawRequest } from '../src/lib/raw-http';
import { SiteBucket } from '../src/publisher/site-bucket';
import { createStaticFront } from '../src/static-front/server';
import { HOME, writeSiteFixture } from './site-fixture';

const BUCKET = 'hub-site';

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-static-front-'));
const closers: (() => unknown)[] = [];
let s3: LocalS3;
let front: FastifyInstance;
let port: number;
let base: string;
let upstream: http.Server;
const forwarded: { method?: string; url?: string; body: string }[] = [];

const settingsFor = (endpoint: string, bucket = BUCKET): S3Settings => ({
  bucket,
  endpoint,
  region: 'us-east-1',
  accessKeyId: 'S3RVER',
  secretAccessKey: 'S3RVER',
  forcePathStyle: true,
  publicUrl: `${endpoint}/${bucket}`,
});

async function listen(app: FastifyInstance): Promise<number> {
  await app.listen({ port: 0, host: '127.0.0.1' });
  closers.push(() => app.close());
  return (app.server.address() as AddressInfo).port;
}

/** A release written by hand, with the variants the exporter would write. */
function makeRelease(): string {
  const dir = path.join(work, 'release');
  writeSiteFixture(dir);
  return dir;
}

/** Fills a bucket on this s3rver with the release, as the publisher does. */
async function publish(endpoint: string, release: string, name: string): Promise<void> {
  const bucket = new SiteBucket({
    settings: settingsFor(endpoint),
    stateFile: path.join(work, name, 'site-bucket.json'),
    graceMs: 3_600_000,
    log: () => undefined,
  });
  await bucket.sync(release, name);
  bucket.close();
}

beforeAll(async () => {
  s3 = await startLocalS3({ directory: path.join(work, 's3'), buckets: [BUCKET] });
  closers.push(() => s3.close());
  await publish(s3.endpoint, makeRelease(), 'first');
  // Stands in for the CMS's submission endpoints.
  upstream = http.createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      forwarded.push({ method: request.method, url: request.url, body });
      response.writeHead(303, { Location: '/bedankt/' });
      response.end();
    });
  });
  await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
  closers.push(() => new Promise((resolve) => upstream.close(resolve)));
  front = await createStaticFront({
    settings: settingsFor(s3.endpoint),
    cmsOrigin: 'https://cms.example.nl',
    submissionsUpstream: `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`,
    log: { info: () => undefined, error: () => undefined },
  });
  port = await listen(front);
  base = `http://127.0.0.1:${port}`;
});
afterAll(async () => {
  for (const close of closers.reverse()) await close();
  fs.rmSync(work, { recursive: true, force: true });
});

describe('the static front', () => {
  it.each([
    ['/', 'text/html; charset=utf-8', 'public, max-age=0, must-revalidate'],
    ['/nieuws/', 'text/html; charset=utf-8', 'public, max-age=0, must-revalidate'],
    ['/rss.xml', 'application/rss+xml; charset=utf-8', 'public, max-age=0, must-revalidate'],
    ['/agenda.ics', 'text/calendar; charset=utf-8', 'public, max-age=0, must-revalidate'],
    ['/_astro/app.abc123.css', 'text/css; charset=utf-8', 'public, max-age=31536000, immutable'],
    ['/_astro/photo.avif', 'image/avif', 'public, max-age=31536000, immutable'],
  ])('serves %s as %s, cached %s', async (urlPath, type, cache) => {
    const answer = await rawGet(port, urlPath);
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toBe(type);
    expect(answer.headers['cache-control']).toBe(cache);
    const csp = answer.headers['content-security-policy'] ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("frame-ancestors 'self' https://cms.example.nl");
    expect(answer.headers['x-content-type-options']).toBe('nosniff');
  });

  it('lets any site frame the agendas to embed, and only those, also in a variant or a 304', async () => {
    const frameAncestors = (headers: Record<string, string | string[] | undefined>) =>
      /frame-ancestors ([^;]*)/.exec(String(headers['content-security-policy']))?.[1];
    for (const encoding of ['br', 'gzip', 'identity']) {
      const embed = await getUndecoded(`${base}/insluiten/agenda/centrum/`, {
        'Accept-Encoding': encoding,
      });
      expect(embed.status).toBe(200);
      expect(embed.body.length).toBeGreaterThan(0);
      expect(frameAncestors(embed.headers), encoding).toBe('*');
      expect(embed.headers['x-frame-options']).toBeUndefined();
      expect(embed.headers['content-security-policy']).toContain("default-src 'self'");
      const again = await getUndecoded(`${base}/insluiten/agenda/centrum/`, {
        'Accept-Encoding': encoding,
        'If-None-Match': embed.headers.etag!,
      });
      expect(again.status).toBe(304);
      expect(frameAncestors(again.headers)).toBe('*');
    }
    for (const urlPath of ['/insluiten/agenda/centrum', '/insluiten/agenda/bestaat-niet/', '/'])
      expect(frameAncestors((await rawGet(port, urlPath)).headers), urlPath).toBe(
        "'self' https://cms.example.nl",
      );
  });

  it('redirects a folder to its address with a slash, and sends the 404 page with 404', async () => {
    const folder = await rawGet(port, '/nieuws?pagina=2');
    expect(folder.status).toBe(301);
    expect(folder.headers.location).toBe('/nieuws/?pagina=2');
    const missing = await rawGet(port, '/bestaat-niet/');
    expect(missing.status).toBe(404);
    expect(missing.body.toString()).toContain('Niet gevonden');
    expect(missing.headers['cache-control']).toBe('no-cache');
    expect(missing.headers.etag).toBeUndefined();
    // A file asked for as a folder, and a variant asked for by its own name: not pages.
    expect((await rawGet(port, '/rss.xml/')).status).toBe(404);
    expect((await rawGet(port, '/index.html.br')).status).toBe(404);
  });

  it('sends the compressed variant the browser accepts, and the file itself otherwise', async () => {
    const br = await getUndecoded(`${base}/`, { 'Accept-Encoding': 'gzip, br' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(br.headers.vary).toBe('Accept-Encoding');
    expect(zlib.brotliDecompressSync(br.body).toString()).toContain('<!-- br -->');
    const gzip = await getUndecoded(`${base}/`, { 'Accept-Encoding': 'gzip, br;q=0' });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(gzip.body).toString()).toContain('<!-- gz -->');
    const plain = await getUndecoded(`${base}/`, { 'Accept-Encoding': 'identity' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers.vary).toBe('Accept-Encoding');
    expect(plain.body.toString()).toBe(HOME);
    // No variant in the bucket: sent as it is, whatever the browser accepts.
    const feed = await getUndecoded(`${base}/rss.xml`, { 'Accept-Encoding': 'br, gzip' });
    expect(feed.headers['content-encoding']).toBeUndefined();
    expect(feed.body.toString()).toBe('<rss></rss>');
  });

  it('answers 304 to a page that did not change, and HEAD with headers only', async () => {
    const first = await getUndecoded(`${base}/nieuws/`);
    expect(first.headers.etag).toMatch(/^"[0-9a-f]{32}"$/);
    const again = await getUndecoded(`${base}/nieuws/`, { 'If-None-Match': first.headers.etag! });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
    expect(again.headers.etag).toBe(first.headers.etag);
    const changed = await getUndecoded(`${base}/nieuws/`, { 'If-None-Match': '"ander"' });
    expect(changed.status).toBe(200);
    const head = await rawRequest(port, 'HEAD / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
    expect(head.status).toBe(200);
    expect(head.headers['content-length']).toBe(String(Buffer.byteLength(HOME)));
    expect(head.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(head.body.length).toBe(0);
  });

  it('refuses paths that cannot be the site’s with 400, and other methods with 405', async () => {
    for (const attempt of ['/..%2fsecret.txt', '/%2e%2e/x', '/.%2e/x', '/..%5cx', '/%00', '//x']) {
      const answer = await rawGet(port, attempt);
      expect(answer.status, attempt).toBe(400);
      expect(answer.body.toString()).toContain('lang="nl"');
    }
    const other = await rawRequest(
      port,
      'DELETE /index.html HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n',
    );
    expect(other.status).toBe(405);
    expect(other.headers.allow).toBe('GET, HEAD');
  });

  it('passes the site’s forms on to the CMS', async () => {
    const answer = await fetch(`${base}/api/submissions/good-practices`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'title=Koffie',
      redirect: 'manual',
    });
    expect(answer.status).toBe(303);
    expect(answer.headers.get('location')).toBe('/bedankt/');
    expect(forwarded.at(-1)).toMatchObject({
      method: 'POST',
      url: '/api/submissions/good-practices',
      body: 'title=Koffie',
    });
  });
});

describe('the static front when the bucket cannot be read', () => {
  it('says so in Dutch: 503 when the storage does not answer, and keeps serving', async () => {
    const stopped = await startLocalS3({ directory: path.join(work, 's3-b'), buckets: [BUCKET] });
    await publish(stopped.endpoint, path.join(work, 'release'), 'second');
    const app = await createStaticFront({
      settings: settingsFor(stopped.endpoint),
      log: { info: () => undefined, error: () => undefined },
    });
    const appPort = await listen(app);
    expect((await rawGet(appPort, '/')).status).toBe(200);
    await stopped.close();
    for (let attempt = 0; attempt < 2; attempt++) {
      const answer = await rawGet(appPort, '/nieuws/');
      expect(answer.status).toBe(503);
      expect(answer.headers['retry-after']).toBe('10');
      expect(answer.headers['cache-control']).toBe('no-store');
      expect(answer.body.toString()).toContain('De site is even niet bereikbaar');
    }
  });

  it('answers 502 when the storage answers with an error (a bucket that is not there)', async () => {
    const app = await createStaticFront({
      settings: settingsFor(s3.endpoint, 'bestaat-niet'),
      log: { info: () => undefined, error: () => undefined },
    });
    const appPort = await listen(app);
    const answer = await rawGet(appPort, '/');
    expect(answer.status).toBe(502);
    expect(answer.body.toString()).toContain('De site is nu niet bereikbaar');
    expect(answer.body.toString()).toContain('lang="nl"');
  });
});
