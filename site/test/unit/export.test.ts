import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { getHub, useHub, type Hub } from '../../src/lib/data';
import { allPaths, routeProps, type RoutePaths } from '../../src/lib/route-paths';
import { fileForPath } from '../../scripts/export-site';
import { writeSitemap } from '../../scripts/sitemap';

describe('exported file names', () => {
  it('writes pages as folders, files by their own name and the 404 page where servers look', () => {
    expect(fileForPath('/')).toBe('index.html');
    expect(fileForPath('/nieuws/kick-off/')).toBe('nieuws/kick-off/index.html');
    expect(fileForPath('/rss.xml/')).toBe('rss.xml');
    expect(fileForPath('/agenda/buurtlunch.ics/')).toBe('agenda/buurtlunch.ics');
    expect(fileForPath('/404/')).toBe('404.html');
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
