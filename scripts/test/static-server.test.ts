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
