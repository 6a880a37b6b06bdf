import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mapArticle, mapGoodPractice, mapPartner, mediaUrl } from '../../src/loaders/mappers';
import { fetchMediaCheck, MissingImages } from '../../src/loaders/missing-media';

/** Recorded REST answers of the demo CMS (see test/record-fixtures.ts). */
const fixture = (name: string) =>
  JSON.parse(
    fs.readFileSync(path.join(import.meta.dirname, '..', 'fixtures', `${name}.json`), 'utf8'),
  );
const cmsUrl = 'http://cms.test:1337';
const absolute = (url: string) => mediaUrl(url, { cmsUrl });

const GONE = '/uploads/wandeling_3f2a.jpg';
const media = (url: string, name: string) => ({
  url,
  name,
  alternativeText: 'Mensen wandelen.',
  width: 800,
  height: 450,
  mime: 'image/jpeg',
  size: 14.9,
});
const paragraph = { type: 'paragraph', children: [{ type: 'text', text: 'Welkom.' }] };
const imageBlock = (url: string, name: string) => ({
  type: 'image',
  image: media(url, name),
  children: [{ type: 'text', text: '' }],
});

/** An article that uses the missing file as its cover and in its text, beside a kept image. */
function articleWithGoneImage() {
  const [raw] = fixture('articles');
  return {
    ...raw,
    cover: media(GONE, 'wandeling.jpg'),
    body: [
      paragraph,
      imageBlock(GONE, 'wandeling.jpg'),
      imageBlock('/uploads/zaal_1b.jpg', 'zaal.jpg'),
    ],
  };
}

describe('images whose file is gone, in the mappers', () => {
  it('maps an item as if the image were not set, and drops the rich-text image block', () => {
    const raw = articleWithGoneImage();
    const before = JSON.stringify(raw);
    const missing = new MissingImages({ checked: true, missing: [GONE] }, absolute);
    const article = mapArticle(raw, { cmsUrl, dropMedia: missing.dropFor('article', raw) });

    expect(article.cover).toBeUndefined();
    expect(article.body).toEqual([paragraph, imageBlock('/uploads/zaal_1b.jpg', 'zaal.jpg')]);
    // The CMS's answer stays as it was: a later build may find the file back.
    expect(JSON.stringify(raw)).toBe(before);
    // Without the check, everything is kept.
    expect(mapArticle(raw, { cmsUrl }).cover?.url).toBe(`${cmsUrl}${GONE}`);
    expect(mapArticle(raw, { cmsUrl }).body).toHaveLength(3);
  });

  it('drops partner logos and good-practice images the same way, and keeps the rest', () => {
    const missing = new MissingImages({ checked: true, missing: [GONE] }, absolute);
    const [partner] = fixture('partners');
    const withLogo = { ...partner, logo: media(GONE, 'logo.png') };
    expect(
      mapPartner(withLogo, { cmsUrl, dropMedia: missing.dropFor('partner', withLogo) }).logo,
    ).toBeUndefined();
    const [practice] = fixture('practices');
    expect(
      mapGoodPractice(practice, { cmsUrl, dropMedia: missing.dropFor('good-practice', practice) })
        .image?.url,
    ).toBe(`${cmsUrl}${practice.image.url}`);
  });
});

describe('the warnings about missing images', () => {
  it('gives one warning per file, naming each item that used it once', () => {
    const missing = new MissingImages(
      { checked: true, missing: [GONE, '/uploads/unused_9c.jpg'] },
      absolute,
    );
    const article = articleWithGoneImage();
    mapArticle(article, { cmsUrl, dropMedia: missing.dropFor('article', article) });
    // Mapped again (the preview maps the same item twice): still named once.
    mapArticle(article, { cmsUrl, dropMedia: missing.dropFor('article', article) });
    const [partner] = fixture('partners');
    const withLogo = { ...partner, logo: media(GONE, 'wandeling.jpg') };
    mapPartner(withLogo, { cmsUrl, dropMedia: missing.dropFor('partner', withLogo) });

    expect(missing.warnings()).toEqual([
      {
        kind: 'missing-image',
        file: 'wandeling.jpg',
        url: GONE,
        items: [
          { type: 'article', documentId: article.documentId, title: article.title },
          { type: 'partner', documentId: partner.documentId, title: partner.name },
        ],
      },
    ]);
  });

  it('names the file by its URL when the CMS sent no name', () => {
    const missing = new MissingImages({ checked: true, missing: [GONE] }, absolute);
    const [practice] = fixture('practices');
    const raw = { ...practice, image: { ...practice.image, url: GONE } };
    mapGoodPractice(raw, { cmsUrl, dropMedia: missing.dropFor('good-practice', raw) });
    expect(missing.warnings().map((warning) => warning.file)).toEqual(['wandeling_3f2a.jpg']);
  });

  it('matches absolute media URLs (a bucket) as the CMS gives them', () => {
    const bucketUrl = 'https://media.example.nl/hub/wandeling_3f2a.jpg';
    const missing = new MissingImages({ checked: true, missing: [bucketUrl] }, absolute);
    const raw = { ...articleWithGoneImage(), cover: media(bucketUrl, 'wandeling.jpg') };
    const article = mapArticle(raw, { cmsUrl, dropMedia: missing.dropFor('article', raw) });
    expect(article.cover).toBeUndefined();
    expect(missing.warnings()[0]?.url).toBe(bucketUrl);
  });
});

describe('asking the CMS which files are gone', () => {
  let server: http.Server;
  let url = '';
  /** What the stand-in CMS answers next. */
  let next: { status: number; body: string } = { status: 200, body: '' };

  beforeAll(async () => {
    server = http.createServer((request, response) => {
      expect(request.url).toBe('/api/hub/missing-media');
      expect(request.headers.authorization).toBe('Bearer build-token');
      response.writeHead(next.status, { 'Content-Type': 'application/json' }).end(next.body);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const ask = () => fetchMediaCheck({ url, token: 'build-token' });

  it('reads the missing URLs', async () => {
    next = { status: 200, body: JSON.stringify({ checked: true, missing: [GONE, 7] }) };
    expect(await ask()).toEqual({ checked: true, missing: [GONE] });
  });

  it('goes on unchecked when the CMS has no such endpoint (an older CMS) or keeps it from the token', async () => {
    next = { status: 404, body: '{}' };
    expect(await ask()).toEqual({ checked: false, missing: [] });
    next = { status: 403, body: '{}' };
    expect(await ask()).toEqual({ checked: false, missing: [] });
  });

  it('fails when the CMS fails, as every read of the CMS does', async () => {
    next = { status: 500, body: '{}' };
    await expect(ask()).rejects.toThrow(/answered 500/);
  });
});
