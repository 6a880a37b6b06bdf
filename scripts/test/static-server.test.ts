import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type http from 'node:http';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaticServer } from '../src/static-server/server';

let dir: string;
let server: http.Server;
let base: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-static-'));
  const write = (file: string, content: string) => {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), content);
  };
  write('index.html', '<!doctype html><title>Home</title>' + 'x'.repeat(2000));
  write('404.html', '<!doctype html><title>Niet gevonden</title>');
  write('nieuws/index.html', '<!doctype html><title>Nieuws</title>');
  write('rss.xml', '<rss></rss>');
  write('agenda.ics', 'BEGIN:VCALENDAR');
  write('_astro/app.abc123.css', 'body{}');
  write('_astro/photo.avif', 'AVIF');
  write('_astro/photo.webp', 'WEBP');
  fs.writeFileSync(path.join(os.tmpdir(), 'secret.txt'), 'geheim');
  server = createStaticServer({ root: dir, cmsOrigin: 'https://cms.example.nl' });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
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

  it('caches hashed assets for good and makes HTML revalidate', async () => {
    expect((await fetch(`${base}/_astro/app.abc123.css`)).headers.get('cache-control')).toBe(
      'public, max-age=31536000, immutable',
    );
    expect((await fetch(`${base}/`)).headers.get('cache-control')).toBe(
      'public, max-age=0, must-revalidate',
    );
  });

  it('sends security headers that allow no other origin and only the CMS to frame', async () => {
    const headers = (await fetch(`${base}/`)).headers;
    const csp = headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("frame-ancestors 'self' https://cms.example.nl");
    expect(csp).not.toMatch(/https?:\/\/(?!cms\.example\.nl)/);
    expect(headers.get('x-content-type-options')).toBe('nosniff');
    expect(headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
  });

  it('compresses text with brotli or gzip when asked', async () => {
    const { default: http } = await import('node:http');
    const get = (encoding: string) =>
      new Promise<{ headers: http.IncomingHttpHeaders; body: Buffer }>((resolve) =>
        http.get(`${base}/`, { headers: { 'Accept-Encoding': encoding } }, (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk) => chunks.push(chunk));
          response.on('end', () =>
            resolve({ headers: response.headers, body: Buffer.concat(chunks) }),
          );
        }),
      );
    const br = await get('br, gzip');
    expect(br.headers['content-encoding']).toBe('br');
    expect(zlib.brotliDecompressSync(br.body).toString()).toContain('<title>Home</title>');
    const gzip = await get('gzip');
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(gzip.body).toString()).toContain('<title>Home</title>');
  });

  it('answers unknown paths with the site’s 404 page, and redirects folders to a trailing slash', async () => {
    const missing = await fetch(`${base}/bestaat-niet/`);
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain('Niet gevonden');
    const folder = await fetch(`${base}/nieuws`, { redirect: 'manual' });
    expect(folder.status).toBe(301);
    expect(folder.headers.get('location')).toBe('/nieuws/');
  });

  it('never serves files outside the site', async () => {
    for (const attempt of ['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt', '/%00']) {
      const response = await fetch(`${base}${attempt}`);
      expect(response.status, attempt).toBe(404);
      expect(await response.text()).not.toContain('geheim');
    }
  });
});

describe('the static server, for the site’s forms', () => {
  let upstream: http.Server;
  let proxy: http.Server;
  let proxyBase: string;
  const seen: { method?: string; url?: string; headers: http.IncomingHttpHeaders; body: string }[] =
    [];

  beforeAll(async () => {
    const { createServer } = await import('node:http');
    // Stands in for the CMS: records what arrives and answers like the submission endpoints.
    upstream = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        seen.push({ method: request.method, url: request.url, headers: request.headers, body });
        response.writeHead(303, {
          Location: 'https://hub.example.nl/bedankt/',
          'Retry-After': '7',
          'Set-Cookie': 'niet=doorgeven',
        });
        response.end();
      });
    });
    await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
    const upstreamUrl = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`;
    proxy = createStaticServer({ root: dir, submissionsUpstream: upstreamUrl });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    proxyBase = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => proxy.close(() => resolve()));
    await new Promise<void>((resolve) => upstream.close(() => resolve()));
  });

  it('passes a form post on to the CMS, with the address it came from last', async () => {
    const response = await fetch(`${proxyBase}/api/submissions/events`, {
      method: 'POST',
      redirect: 'manual',
      headers: {
        'Content-Type': 'application/x-www-form-urlencoded',
        'X-Forwarded-For': '203.0.113.9',
        Cookie: 'geheim=1',
      },
      body: 'title=Soep',
    });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('https://hub.example.nl/bedankt/');
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
  });

  it('passes on nothing outside the submission endpoints', async () => {
    const before = seen.length;
    const { request } = await import('node:http');
    // Sent as written: fetch() would resolve the dots itself.
    const statusOf = (rawPath: string) =>
      new Promise<number>((resolve, reject) => {
        const { port } = proxy.address() as AddressInfo;
        request({ host: '127.0.0.1', port, path: rawPath }, (response) => {
          response.resume();
          resolve(response.statusCode ?? 0);
        })
          .on('error', reject)
          .end();
      });
    for (const rawPath of ['/api/submissions/../articles', '/api/submissions/%2e%2e/articles']) {
      expect(await statusOf(rawPath), rawPath).toBe(404);
    }
    expect(seen.length).toBe(before);
  });

  it('says in Dutch when the CMS cannot be reached', async () => {
    const down = createStaticServer({ root: dir, submissionsUpstream: 'http://127.0.0.1:9' });
    await new Promise<void>((resolve) => down.listen(0, '127.0.0.1', resolve));
    const response = await fetch(
      `http://127.0.0.1:${(down.address() as AddressInfo).port}/api/submissions/token`,
    );
    expect(response.status).toBe(502);
    expect(await response.text()).toMatch(/kan nu niet worden verstuurd/);
    await new Promise<void>((resolve) => down.close(() => resolve()));
  });
});
