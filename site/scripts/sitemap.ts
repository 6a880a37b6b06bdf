import fs from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { SitemapIndexStream, SitemapStream, streamToPromise } from 'sitemap';

/** The protocol allows 50,000 URLs per sitemap file. */
const URLS_PER_FILE = 45_000;

/**
 * Writes sitemap-index.xml and sitemap-0.xml (and further files past 45,000 pages) listing
 * every page, as robots.txt and every page's <link rel="sitemap"> announce.
 */
export async function writeSitemap(outDir: string, siteUrl: string, pagePaths: string[]) {
  const files: string[] = [];
  for (let start = 0; start === 0 || start < pagePaths.length; start += URLS_PER_FILE) {
    const name = `sitemap-${files.length}.xml`;
    const urls = pagePaths.slice(start, start + URLS_PER_FILE).map((url) => ({ url }));
    const xml = await streamToPromise(
      Readable.from(urls).pipe(new SitemapStream({ hostname: siteUrl })),
    );
    await fs.writeFile(path.join(outDir, name), xml);
    files.push(new URL(name, siteUrl).toString());
  }
  const index = await streamToPromise(Readable.from(files).pipe(new SitemapIndexStream()));
  await fs.writeFile(path.join(outDir, 'sitemap-index.xml'), index);
}
