import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { getHub, useHub, type Hub } from '../../src/lib/data';
import { allPaths, routeProps, type RoutePaths } from '../../src/lib/route-paths';
import { fileForPath, imagesIn } from '../../scripts/export-site';
import { writeSitemap } from '../../scripts/sitemap';
import service, { takeImageRequests } from '../../src/renderer/image-service';

describe('exported file names', () => {
  it('writes pages as folders, files by their own name and the 404 page where servers look', () => {
    expect(fileForPath('/')).toBe('index.html');
    expect(fileForPath('/nieuws/kick-off/')).toBe('nieuws/kick-off/index.html');
    expect(fileForPath('/rss.xml/')).toBe('rss.xml');
    expect(fileForPath('/agenda/buurtlunch.ics/')).toBe('agenda/buurtlunch.ics');
    expect(fileForPath('/404/')).toBe('404.html');
  });
});

describe('site images a page refers to', () => {
  it('finds each image once, in src, srcset and absolute URLs, and nothing else', () => {
    const page = Buffer.from(
      '<img src="/_astro/img/koffie.a1_B-2.webp" srcset="/_astro/img/koffie.a1_B-2.webp 1x, ' +
        '/_astro/img/koffie-groot.c3.webp 2x"><a href="/_astro/img/">leeg</a>' +
        '<enclosure url="https://hub.example/_astro/img/bingo.d4.jpg"/><a href="/nieuws/">x</a>',
    );
    expect(imagesIn(page).sort()).toEqual([
      '/_astro/img/bingo.d4.jpg',
      '/_astro/img/koffie-groot.c3.webp',
      '/_astro/img/koffie.a1_B-2.webp',
    ]);
    expect(imagesIn(Buffer.from('<p>Geen beelden</p>'))).toEqual([]);
  });

  it('reads only its own part of a larger buffer', () => {
    const shared = Buffer.from('/_astro/img/a.webp|/_astro/img/b.webp');
    expect(imagesIn(shared.subarray(19))).toEqual(['/_astro/img/b.webp']);
  });
});

describe('route paths', () => {
  const hubWith = (slugs: string[]) =>
    ({ articles: slugs.map((slug) => ({ slug })) }) as unknown as Hub;
  let calls = 0;
  const routePaths: RoutePaths = async () => {
    calls += 1;
    const { articles } = await getHub();
    return articles.map((article) => ({ params: { slug: article.slug }, props: { article } }));
  };

  it('gives each page its own props, working the paths out once per build', async () => {
    const hub = hubWith(['een', 'twee']);
    useHub(hub);
    calls = 0;
    expect(await routeProps(routePaths, { slug: 'twee' })).toEqual({ article: hub.articles[1] });
    expect(await routeProps(routePaths, { slug: 'een' })).toEqual({ article: hub.articles[0] });
    expect((await allPaths(routePaths)).map((path) => path.params.slug)).toEqual(['een', 'twee']);
    expect(calls).toBe(1);
  });

  it('works the paths out again for the next build, and refuses a page that is not there', async () => {
    useHub(hubWith(['drie']));
    calls = 0;
    expect((await allPaths(routePaths)).map((path) => path.params.slug)).toEqual(['drie']);
    expect(calls).toBe(1);
    await expect(routeProps(routePaths, { slug: 'een' })).rejects.toThrow(/No page/);
  });
});

describe('sitemap', () => {
  it('lists every page with its full URL, behind an index', async () => {
    const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-sitemap-'));
    try {
      await writeSitemap(outDir, 'https://hub.example.nl', ['/', '/nieuws/a-b/']);
      const parser = new XMLParser();
      const index = parser.parse(fs.readFileSync(path.join(outDir, 'sitemap-index.xml'), 'utf8'));
      expect(index.sitemapindex.sitemap.loc).toBe('https://hub.example.nl/sitemap-0.xml');
      const sitemap = parser.parse(fs.readFileSync(path.join(outDir, 'sitemap-0.xml'), 'utf8'));
      expect(sitemap.urlset.url.map((url: { loc: string }) => url.loc)).toEqual([
        'https://hub.example.nl/',
        'https://hub.example.nl/nieuws/a-b/',
      ]);
    } finally {
      fs.rmSync(outDir, { recursive: true, force: true });
    }
  });
});

describe('image service', () => {
  const config = { service: { entrypoint: '', config: {} } } as never;
  const transform = (src: string) =>
    ({ src, width: 400, height: 225, format: 'webp' }) as Parameters<typeof service.getURL>[0];

  it('names each image by a hash of source and transform, and remembers what to make', async () => {
    useHub({ cmsUrl: 'http://cms.test:1337' } as Hub);
    takeImageRequests();
    const url = await service.getURL(
      transform('http://cms.test:1337/uploads/walk_ab12.jpg'),
      config,
    );
    expect(url).toMatch(/^\/_astro\/img\/walk_ab12\.[\w-]{16}\.webp$/);
    expect(
      await service.getURL(transform('http://cms.test:1337/uploads/walk_ab12.jpg'), config),
    ).toBe(url);
    const other = await service.getURL(
      { ...transform('http://cms.test:1337/uploads/walk_ab12.jpg'), width: 800 },
      config,
    );
    expect(other).not.toBe(url);
    expect(takeImageRequests().map((request) => request.path)).toEqual([url, other]);
  });

  it('refuses images from anywhere but the CMS and the configured media origins', async () => {
    useHub({ cmsUrl: 'http://cms.test:1337' } as Hub);
    expect(() => service.getURL(transform('https://elders.example/x.jpg'), config)).toThrow(
      /neither from the CMS/,
    );
    process.env.SITE_MEDIA_ORIGINS = 'https://media.example.nl';
    try {
      expect(await service.getURL(transform('https://media.example.nl/x.jpg'), config)).toMatch(
        /^\/_astro\/img\/x\./,
      );
    } finally {
      delete process.env.SITE_MEDIA_ORIGINS;
    }
  });
});
