import fs from 'node:fs/promises';
import path from 'node:path';
import * as pagefind from 'pagefind';
import type { CmsConnection } from '../src/loaders/cms-client';
import { loadHub } from '../src/loaders/hub-loader';
import type { CompiledSite } from './renderer';
import { writeImages, type ImageStats } from './site-images';
import { writeSitemap } from './sitemap';

/** What one export made, for logs and benchmarks. */
export interface ExportStats {
  /** Files rendered (pages, feeds, calendars). */
  files: number;
  /** HTML pages among them. */
  pages: number;
  images: ImageStats;
  /** Seconds spent reading the CMS, rendering, encoding images and indexing for search. */
  seconds: { fetch: number; render: number; images: number; search: number };
}

/**
 * The file a rendered path is written to: /x/ -> x/index.html, /rss.xml/ -> rss.xml (a last
 * segment with an extension names a file), /404/ -> 404.html.
 */
export function fileForPath(urlPath: string): string {
  if (urlPath === '/404/') return '404.html';
  const relative = decodeURIComponent(urlPath).replace(/^\//, '');
  if (/\.[a-z0-9]+\/$/i.test(relative)) return relative.slice(0, -1);
  return `${relative}index.html`;
}

/** Runs at most `limit` of the promises made by `start` at once. */
function limiter(limit: number) {
  const running = new Set<Promise<unknown>>();
  return {
    async add(start: () => Promise<unknown>) {
      while (running.size >= limit) await Promise.race(running);
      const task = start().finally(() => running.delete(task));
      running.add(task);
    },
    all: () => Promise.all(running),
  };
}

const since = (start: number) => (performance.now() - start) / 1000;

/**
 * Renders the whole site, with the CMS's content of this moment, into outDir (which must not
 * exist yet): every page, feed and calendar; the images they use; the sitemap; the search
 * index. Throws with the cause when the CMS cannot be read or a page does not render; what
 * was written by then is an incomplete folder that must not go live.
 */
export async function exportSite(options: {
  site: CompiledSite;
  outDir: string;
  siteUrl: string;
  connection: CmsConnection;
  imageCacheDir: string;
}): Promise<ExportStats> {
  const { site, outDir, siteUrl } = options;
  let started = performance.now();
  const hub = await loadHub(options.connection);
  const fetchSeconds = since(started);

  started = performance.now();
  const renderer = site.createRenderer(siteUrl);
  renderer.useHub(hub);
  renderer.takeImageRequests(); // Forget what an earlier build asked for.
  await fs.cp(site.clientDir, outDir, { recursive: true, errorOnExist: true, force: false });
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'nl' });
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  const writes = limiter(16);
  const madeDirs = new Map<string, Promise<unknown>>();
  const pagePaths: string[] = [];
  const paths = await renderer.paths();
  for (const urlPath of paths) {
    const response = await renderer.render(urlPath);
    const expected = urlPath === '/404/' ? 404 : 200;
    if (response.status !== expected) {
      throw new Error(
        `The page ${urlPath} did not render (HTTP ${response.status}); see the log above.`,
      );
    }
    const body = new Uint8Array(await response.arrayBuffer());
    const file = path.join(outDir, fileForPath(urlPath));
    const dir = path.dirname(file);
    await writes.add(async () => {
      let made = madeDirs.get(dir);
      if (!made) {
        made = fs.mkdir(dir, { recursive: true });
        madeDirs.set(dir, made);
      }
      await made;
      await fs.writeFile(file, body);
    });
    if (file.endsWith('.html')) {
      if (urlPath !== '/404/') pagePaths.push(urlPath);
      // Pagefind indexes only what pages mark with data-pagefind-body.
      const content = new TextDecoder().decode(body);
      await writes.add(async () => {
        const added = await index.addHTMLFile({ url: urlPath, content });
        if (added.errors.length > 0) throw new Error(`Pagefind: ${added.errors.join('; ')}`);
      });
    }
  }
  await writes.all();
  await writeSitemap(outDir, siteUrl, pagePaths);
  const renderSeconds = since(started);

  started = performance.now();
  const images = await writeImages(renderer.takeImageRequests(), outDir, options.imageCacheDir);
  const imageSeconds = since(started);

  started = performance.now();
  const written = await index.writeFiles({ outputPath: path.join(outDir, 'pagefind') });
  if (written.errors.length > 0) throw new Error(`Pagefind: ${written.errors.join('; ')}`);
  await index.deleteIndex();
  const searchSeconds = since(started);

  return {
    files: paths.length,
    pages: pagePaths.length + 1,
    images,
    seconds: {
      fetch: fetchSeconds,
      render: renderSeconds,
      images: imageSeconds,
      search: searchSeconds,
    },
  };
}
