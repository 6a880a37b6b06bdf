import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import zlib from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaticServer } from '../src/static-server/server';
import { getUndecoded, rawGet, rawRequest } from '../src/lib/raw-http';
import { HOME, writeSiteFile, writeSiteFixture } from './site-fixture';

let dir: string;
let server: FastifyInstance;
let base: string;
let port: number;

/** Listens on a free port of 127.0.0.1; returns the port. */
async function listen(app: FastifyInstance): Promise<number> {
  await app.listen({ port: 0, host: '127.0.0.1' });
  return (app.server.address() as AddressInfo).port;
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-static-'));
  writeSiteFixture(dir);
  writeSiteFile(dir, '_astro/photo.webp', 'WEBP');
  writeSiteFile(dir, 'nieuws/_astro/not-an-asset.css', 'p{}');
  fs.writeFileSync(path.join(os.tmpdir(), 'secret.txt'), 'geheim');
  // A link inside the site that leads out of it.
  fs.symlinkSync(os.tmpdir(), path.join(dir, 'naar-buiten'));
  server = await createStaticServer({ root: dir, cmsOrigin: 'https://cms.example.nl' });
  port = await listen(server);
  base = `http://127.0.0.1:${port}`;
});
afterAll(async () => {
  await server.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('the static server', () => {
  it.each([
    ['/', 'text/html; charset=utf-8'],
    ['/rss.xml', 'application/rss+xml; charset=utf-8'],
    ['/agenda.ics', 'text/calendar; charset=utf-8'],
    ['/_astro/app.abc123.css', 'text/css; charset=utf-8'],
    ['/_astro/photo.avif', 'image/avif'],
    ['/_astro/photo.webp', 'image/webp'],
  ])('serves %s as %s', async (urlPath, type) => {
    const response = await fetch(`${base}${urlPath}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(type);
  });

  it('caches only real files under /_astro/ for good, decided from the file it found', async () => {
    const cacheOf = async (urlPath: string) =>
      (await rawGet(port, urlPath)).headers['cache-control'];
    expect(await cacheOf('/_astro/app.abc123.css')).toBe('public, max-age=31536000, immutable');
    // The same file, its name spelled with percent-encoding.
    expect(await cacheOf('/%5Fastro/app.abc123.css')).toBe('public, max-age=31536000, immutable');
    expect(await cacheOf('/%5f%61stro/app.abc123.css')).toBe('public, max-age=31536000, immutable');
    // Not found under /_astro/: the 404 page, which must be checked again.
    expect(await cacheOf('/_astro/bestaat-niet.js')).toBe('no-cache');
    expect(await cacheOf('/_astro/')).toBe('no-cache');
    // An _astro folder elsewhere is not the build's assets.
    expect(await cacheOf('/nieuws/_astro/not-an-asset.css')).toBe('public, max-age=3600');
    expect(await cacheOf('/')).toBe('public, max-age=0, must-revalidate');
  });

  it('sends security headers that allow no other origin and only the CMS to frame', async () => {
    for (const urlPath of ['/', '/bestaat-niet/', '/%zz', '//x']) {
      const { headers } = await rawGet(port, urlPath);
      const csp = headers['content-security-policy'] ?? '';
      expect(csp, urlPath).toContain("default-src 'self'");
      expect(csp).toContain("frame-ancestors 'self' https://cms.example.nl");
      expect(csp).not.toMatch(/https?:\/\/(?!cms\.example\.nl)/);
      expect(headers['x-content-type-options']).toBe('nosniff');
      expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
    }
  });

  it('lets any site frame the agendas to embed, and only those, also in a variant or a 304', async () => {
    const frameAncestors = (headers: Record<string, string | string[] | undefined>) =>
      /frame-ancestors ([^;]*)/.exec(String(headers['content-security-policy']))?.[1];
    for (const encoding of ['br', 'gzip', 'identity']) {
      const embed = await getUndecoded(`${base}/insluiten/agenda/centrum/`, {
        'Accept-Encoding': encoding,
      });
      expect(embed.status).toBe(200);
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
    // Its folder without the slash is a redirect, a missing agenda the 404 page: not framed.
    for (const urlPath of ['/insluiten/agenda/centrum', '/insluiten/agenda/bestaat-niet/', '/'])
      expect(frameAncestors((await rawGet(port, urlPath)).headers), urlPath).toBe(
        "'self' https://cms.example.nl",
      );
  });

  it('sends the variant the exporter wrote, as the browser accepts, and never compresses itself', async () => {
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
    expect(plain.body.toString()).toBe(HOME);
    // No variant on disk: sent as it is, whatever the browser accepts.
    const feed = await getUndecoded(`${base}/rss.xml`, { 'Accept-Encoding': 'br, gzip' });
    expect(feed.headers['content-encoding']).toBeUndefined();
    expect(feed.body.toString()).toBe('<rss></rss>');
  });

  it('answers a page asked for again with 304 when it did not change, and HEAD without a body', async () => {
    const first = await getUndecoded(`${base}/nieuws/`);
    expect(first.headers.etag).toBeTruthy();
    const again = await getUndecoded(`${base}/nieuws/`, { 'If-None-Match': first.headers.etag! });
    expect(again.status).toBe(304);
    const head = await rawRequest(
      port,
      'HEAD /nieuws/ HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n',
    );
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
  });

  it('answers unknown paths with the site’s 404 page, and redirects folders to a same-origin path', async () => {
    const missing = await fetch(`${base}/bestaat-niet/`);
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain('Niet gevonden');
    const folder = await rawGet(port, '/nieuws?pagina=2');
    expect(folder.status).toBe(301);
    expect(folder.headers.location).toBe('/nieuws/?pagina=2');
    // A path that would read as another host is refused, never redirected.
    const otherHost = await rawGet(port, '//evil.example/nieuws');
    expect(otherHost.status).toBe(400);
    expect(otherHost.headers.location).toBeUndefined();
  });

  it('never serves files outside the site', async () => {
    for (const attempt of [
      '/../secret.txt',
      '/%2e%2e/secret.txt',
      '/..%2fsecret.txt',
      '/%2e%2e%2fsecret.txt',
      '/.%2e/secret.txt',
      '/..%5csecret.txt',
      '/%00',
      '/naar-buiten/secret.txt',
    ]) {
      const answer = await rawGet(port, attempt);
      expect([400, 404], attempt).toContain(answer.status);
      expect(answer.body.toString()).not.toContain('geheim');
    }
  });

  it('refuses other methods with 405 and says which it takes', async () => {
    const answer = await rawRequest(
      port,
      'DELETE /index.html HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n',
    );
    expect(answer.status).toBe(405);
    expect(answer.headers.allow).toBe('GET, HEAD');
  });

  it('says so in Dutch while no build is live yet', async () => {
    const empty = await createStaticServer({ root: path.join(dir, 'nog-niet-gebouwd') });
    const emptyPort = await listen(empty);
    const answer = await rawGet(emptyPort, '/');
    expect(answer.status).toBe(503);
    expect(answer.headers['retry-after']).toBe('10');
    expect(answer.body.toString()).toContain('lang="nl"');
    await empty.close();
  });
});

describe('the static server, for the site’s forms', () => {
  let upstream: http.Server;
  let proxy: FastifyInstance;
  let proxyPort: number;
  let proxyBase: string;
  let location = '/bedankt/';
  const seen: { method?: string; url?: string; headers: http.IncomingHttpHeaders; body: string }[] =
    [];

  beforeAll(async () => {
    // Stands in for the CMS: records what arrives and answers like the submission endpoints.
    upstream = http.createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        seen.push({ method: request.method, url: request.url, headers: request.headers, body });
        response.writeHead(303, {
          Location: location,
          'Retry-After': '7',
          'Set-Cookie': 'niet=doorgeven',
        });
        response.end();
      });
    });
    await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
    const upstreamUrl = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`;
    proxy = await createStaticServer({ root: dir, submissionsUpstream: upstreamUrl });
    proxyPort = await listen(proxy);
    proxyBase = `http://127.0.0.1:${proxyPort}`;
  });
  afterAll(async () => {
    await proxy.close();
    await new Promise<void>((resolve) => upstream.close(() => resolve()));
  });

  it('passes a form post on to the CMS, with the address it came from last', async () => {
    const response = await fetch(`${proxyBase}/api/submissions/events?x=1`, {
      method: 'POST',
      redirect: 'manual',
      headers: {
        'Content-Type': 'application/x-www-form-urlencoded',
        'X-Forwarded-For': '203.0.113.9',
        Cookie: 'geheim=1',
        Origin: 'https://hub.example.nl',
        'Sec-Fetch-Site': 'same-origin',
      },
      body: 'title=Soep',
    });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/bedankt/');
    expect(response.headers.get('retry-after')).toBe('7');
    expect(response.headers.get('set-cookie')).toBeNull();
    expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
    const arrived = seen.at(-1)!;
    expect(arrived).toMatchObject({
      method: 'POST',
      url: '/api/submissions/events',
      body: 'title=Soep',
    });
    // What the client claimed comes first; the CMS takes the last address, the real one.
    expect(arrived.headers['x-forwarded-for']).toBe('203.0.113.9, 127.0.0.1');
    expect(arrived.headers.cookie).toBeUndefined();
    // What the CMS needs to refuse a post from another site.
    expect(arrived.headers.origin).toBe('https://hub.example.nl');
    expect(arrived.headers['sec-fetch-site']).toBe('same-origin');
  });

  it('passes a JSON post on as the bytes that came in', async () => {
    // The sign-up script and API clients post JSON; it must reach the CMS unchanged.
    const json = '{"email":"bewoner@example.nl","parts":["nieuws"],"formToken":"t"}';
    const response = await fetch(`${proxyBase}/api/newsletter/subscribe`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'Content-Type': 'application/json; charset=utf-8' },
      body: json,
    });
    expect(response.status).toBe(303);
    const arrived = seen.at(-1)!;
    expect(arrived.body).toBe(json);
    expect(arrived.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(arrived.headers['content-length']).toBe(String(Buffer.byteLength(json)));
  });

  it('passes on a redirect only as a path on the site itself', async () => {
    for (const elsewhere of ['https://evil.example/', '//evil.example/', '/\\evil.example/']) {
      location = elsewhere;
      const response = await fetch(`${proxyBase}/api/submissions/events`, {
        method: 'POST',
        redirect: 'manual',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: 'title=Soep',
      });
      expect(response.headers.get('location'), elsewhere).toBeNull();
    }
    location = '/bedankt/';
  });

  it('passes on nothing outside the submission endpoints', async () => {
    const before = seen.length;
    for (const rawPath of [
      '/api/submissions/../articles',
      '/api/submissions/%2e%2e/articles',
      '/api/submissions/events/../../articles',
      '/api/submissions/',
      '/api/articles',
    ]) {
      const answer = await rawGet(proxyPort, rawPath);
      expect([400, 404], rawPath).toContain(answer.status);
    }
    expect(seen.length).toBe(before);
  });

  it('passes the newsletter on: its sign-up without a query, its links with their token only', async () => {
    const signUp = await fetch(`${proxyBase}/api/newsletter/subscribe?token=x&y=1`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'email=a%40voorbeeld.nl',
    });
    expect(signUp.status).toBe(303);
    expect(seen.at(-1)).toMatchObject({
      url: '/api/newsletter/subscribe',
      body: 'email=a%40voorbeeld.nl',
    });
    // A mail program's one-click unsubscribe (RFC 8058): the link's token and nothing else.
    const oneClick = await fetch(
      `${proxyBase}/api/newsletter/unsubscribe?token=abc.DEF-_&extra=1`,
      {
        method: 'POST',
        redirect: 'manual',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: 'List-Unsubscribe=One-Click',
      },
    );
    expect(oneClick.status).toBe(303);
    expect(seen.at(-1)).toMatchObject({
      method: 'POST',
      url: '/api/newsletter/unsubscribe?token=abc.DEF-_',
      body: 'List-Unsubscribe=One-Click',
    });
    for (const path of ['confirm', 'manage']) {
      await fetch(`${proxyBase}/api/newsletter/${path}?token=t1`, { redirect: 'manual' });
      expect(seen.at(-1)).toMatchObject({ method: 'GET', url: `/api/newsletter/${path}?token=t1` });
    }
    const before = seen.length;
    for (const rawPath of [
      '/api/newsletter/',
      '/api/newsletter/subscribers',
      '/api/newsletter/../articles',
    ]) {
      const answer = await rawGet(proxyPort, rawPath);
      expect([400, 404], rawPath).toContain(answer.status);
    }
    expect(seen.length).toBe(before);
  });

  it('stops a body larger than it passes on, also when it comes in chunks without a length', async () => {
    const before = seen.length;
    const chunk = 'x'.repeat(16 * 1024);
    const chunked = Array.from({ length: 5 }, () => `${(16 * 1024).toString(16)}\r\n${chunk}\r\n`);
    const answer = await rawRequest(
      proxyPort,
      'POST /api/submissions/events HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\n' +
        `Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n${chunked.join('')}0\r\n\r\n`,
    );
    expect(answer.status).toBe(413);
    expect(answer.body.toString()).toContain('te groot');
    expect(seen.length).toBe(before);
  });

  it('says in Dutch when the CMS cannot be reached', async () => {
    const down = await createStaticServer({ root: dir, submissionsUpstream: 'http://127.0.0.1:9' });
    const downPort = await listen(down);
    const response = await fetch(`http://127.0.0.1:${downPort}/api/submissions/token`);
    expect(response.status).toBe(502);
    expect(await response.text()).toMatch(/kan nu niet worden verstuurd/);
    await down.close();
  });
});
