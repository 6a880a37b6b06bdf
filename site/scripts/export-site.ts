import fsSync from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import * as pagefind from 'pagefind';
import { createHash } from 'node:crypto';
import type { CmsConnection } from '../src/loaders/cms-client';
import { CmsSnapshot, loadHub } from '../src/loaders/hub-loader';
import type { Hub } from '../src/lib/data';
import type { ImageRequest, SitePath, ThreadRenderedPath } from '../src/renderer/types';
import type { CompiledSite } from './renderer';
import { RenderThreads, type RenderedBatch } from './render-threads';
import { writeImages, type ImageStats } from './site-images';
import { writeSitemap } from './sitemap';

/** What one export made, for logs and benchmarks. */
export interface ExportStats {
  /** Files of pages, feeds and calendars. */
  files: number;
  /** Of those, rendered in this build (the rest were unchanged and taken from the last one). */
  rendered: number;
  /** Of those, rendered by render threads (the rest by the exporter's own thread). */
  renderedByThreads: number;
  /** HTML pages among the files. */
  pages: number;
  images: ImageStats;
  /** Seconds spent reading the CMS, rendering, encoding images and indexing for search. */
  seconds: { fetch: number; render: number; images: number; search: number };
}

/** What a build remembers of one path, so the next build can tell whether it changed. */
interface PathRecord {
  /** Hash of the page's props and of every field of the hub it read. */
  key: string;
  /** The fields of the hub it read. */
  reads: string[];
  /** The site images it refers to. */
  images: string[];
}

/**
 * What a long-running exporter (the publisher's build worker) keeps from one build to the
 * next: the CMS's answers, the last good build's folder and records, and every image
 * transform it has seen.
 */
export class ExportMemory {
  /** Per CMS (URL and token): what it answered last time. */
  cms?: { connection: string; snapshot: CmsSnapshot };
  last?: { outDir: string; siteDir: string; siteUrl: string; paths: Map<string, PathRecord> };
  readonly images = new Map<string, ImageRequest>();
  /** Threads rendering beside this one, for the compiled site in use. */
  threads?: RenderThreads;

  /** Render functions of threads for this site and URL; made when missing, moved or dead. */
  threadsFor(site: CompiledSite, siteUrl: string): RenderedBatchMaker[] {
    const count = renderThreadCount();
    if (count === 0) return [];
    const current = this.threads;
    if (!current?.healthy || current.siteDir !== site.dir || current.siteUrl !== siteUrl) {
      void current?.close();
      this.threads = new RenderThreads(site.dir, siteUrl, count);
    }
    return this.threads?.renderers ?? [];
  }

  /** Stops the render threads (a process that exports once must, or it will not end). */
  async close(): Promise<void> {
    await this.threads?.close();
    this.threads = undefined;
  }
}

type RenderedBatchMaker = (paths: string[]) => Promise<RenderedBatch>;

/**
 * Threads that render beside the exporter's own (SITE_RENDER_THREADS): by default one per core
 * besides this one. This thread renders too, and also writes the files.
 */
function renderThreadCount(): number {
  const configured = Number.parseInt(process.env.SITE_RENDER_THREADS ?? '', 10);
  return Number.isInteger(configured) && configured >= 0
    ? configured
    : os.availableParallelism() - 1;
}

/**
 * Below this many pages to render (SITE_RENDER_THREADS_MIN_PAGES), threads are not worth it:
 * each must be handed the hub and work out every route's pages again, which cost more than it
 * saved for a publish of a hundred pages (measured). A small publish renders here only.
 */
function threadsWorthIt(pages: number): boolean {
  const configured = Number.parseInt(process.env.SITE_RENDER_THREADS_MIN_PAGES ?? '', 10);
  return pages >= (Number.isInteger(configured) && configured >= 0 ? configured : 1000);
}
/** Pages per batch a thread renders: few messages, and little left over at the end. */
const THREAD_BATCH = 16;

/**
 * Renders every path once: this thread takes one page at a time, each render thread a batch at
 * a time, until none are left. Each page goes to `keep` as it arrives. After the first failure
 * no more work is handed out; it is thrown once the work in flight has settled. Returns how
 * many pages the threads rendered.
 */
async function renderAll(options: {
  paths: string[];
  local: (urlPath: string) => Promise<ThreadRenderedPath>;
  threads: RenderedBatchMaker[];
  keep: (page: ThreadRenderedPath) => void;
  keepImages: (requests: ImageRequest[]) => void;
}): Promise<number> {
  const { paths, local, threads, keep, keepImages } = options;
  let next = 0;
  let byThreads = 0;
  let failure: { error: unknown } | undefined;
  const take = (count: number): string[] => {
    if (failure) return [];
    const batch = paths.slice(next, next + count);
    next += batch.length;
    return batch;
  };
  const guard = async (work: () => Promise<void>) => {
    try {
      await work();
    } catch (error) {
      failure ??= { error };
    }
  };
  // Rendering here settles in microtasks only: yield after each page, or the threads' answers
  // (and their next batches) would wait until this thread has run out of work.
  const yieldToEvents = () => new Promise((resolve) => setImmediate(resolve));
  await Promise.all([
    guard(async () => {
      for (let batch = take(1); batch.length > 0; batch = take(1)) {
        keep(await local(batch[0] ?? ''));
        if (threads.length > 0) await yieldToEvents();
      }
    }),
    ...threads.map((render) =>
      guard(async () => {
        for (let batch = take(THREAD_BATCH); batch.length > 0; batch = take(THREAD_BATCH)) {
          const rendered = await render(batch);
          byThreads += rendered.pages.length;
          keepImages(rendered.images);
          for (const page of rendered.pages) keep(page);
        }
      }),
    ),
  ]);
  if (failure) throw failure.error;
  return byThreads;
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

/** Site images a rendered file refers to (in src, srcset, or a feed's absolute URLs). */
export function imagesIn(body: Uint8Array): string[] {
  const text = Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('latin1');
  return [...new Set(text.match(/\/_astro\/img\/[\w.-]+/g) ?? [])];
}

const sha1 = (text: string) => createHash('sha1').update(text).digest('base64url');

/** One hash per field of the hub: a page that read only unchanged fields renders the same. */
function hashFields(hub: Hub): Record<string, string> {
  return Object.fromEntries(
    Object.entries(hub).map(([field, value]) => [field, sha1(JSON.stringify(value))]),
  );
}

function pathKey(props: string, reads: string[], fields: Record<string, string>): string {
  return sha1([props, ...reads.map((field) => `${field}=${fields[field] ?? '?'}`)].join('\n'));
}

/**
 * Makes the folders of these files, all at once and synchronously. Made one by one between file
 * writes, each folder waited for the disk's journal: 0.8 ms each instead of 0.05 (measured).
 * Files are written synchronously too, for the same reason, by the one thread that writes.
 */
function makeFolders(outDir: string, files: string[]): void {
  for (const folder of new Set(files.map((file) => path.dirname(path.join(outDir, file))))) {
    fsSync.mkdirSync(folder, { recursive: true });
  }
}

const since = (start: number) => (performance.now() - start) / 1000;

/**
 * Renders the whole site, with the CMS's content of this moment, into outDir: every page,
 * feed and calendar; the images they use; the sitemap; the search index. With `memory` of the
 * last good build, a path whose props and read fields are unchanged is not rendered again but
 * linked from that build's folder. Throws with the cause when the CMS cannot be read or a page
 * does not render; what was written by then is an incomplete folder that must not go live.
 */
export async function exportSite(options: {
  site: CompiledSite;
  outDir: string;
  siteUrl: string;
  connection: CmsConnection;
  imageCacheDir: string;
  memory?: ExportMemory;
}): Promise<ExportStats> {
  const { site, outDir, siteUrl } = options;
  if (!options.memory) {
    const memory = new ExportMemory();
    try {
      return await exportSite({ ...options, memory });
    } finally {
      await memory.close();
    }
  }
  const { memory } = options;
  let started = performance.now();
  const connection = JSON.stringify(options.connection);
  if (memory.cms?.connection !== connection)
    memory.cms = { connection, snapshot: new CmsSnapshot() };
  const hub = await loadHub(options.connection, memory.cms.snapshot);
  const fetchSeconds = since(started);

  started = performance.now();
  const fields = hashFields(hub);
  const last =
    memory.last?.siteDir === site.dir && memory.last.siteUrl === siteUrl ? memory.last : undefined;
  const renderer = site.createRenderer(siteUrl);
  renderer.useHub(hub);
  await fs.cp(site.clientDir, outDir, { recursive: true, errorOnExist: true, force: false });
  /** Links the file from the last build; false when it is gone. */
  const reuse = (file: string): boolean => {
    if (!last) return false;
    try {
      fsSync.linkSync(path.join(last.outDir, file), path.join(outDir, file));
      return true;
    } catch {
      return false;
    }
  };

  const records = new Map<string, PathRecord>();
  const paths = await renderer.paths();
  makeFolders(
    outDir,
    paths.map((sitePath) => fileForPath(sitePath.path)),
  );

  // Unchanged paths first: linked from the last build.
  const toRender: SitePath[] = [];
  for (const sitePath of paths) {
    const before = last?.paths.get(sitePath.path);
    const unchanged = before && pathKey(sitePath.props, before.reads, fields) === before.key;
    if (unchanged && reuse(fileForPath(sitePath.path))) records.set(sitePath.path, before);
    else toRender.push(sitePath);
  }

  // Then the rest, spread over this thread and the render threads; each page's reads of the hub
  // are recorded where it renders.
  const propsOf = new Map(toRender.map((sitePath) => [sitePath.path, sitePath.props]));
  const keep = ({ path: urlPath, status, body, reads }: ThreadRenderedPath) => {
    const expected = urlPath === '/404/' ? 404 : 200;
    if (status !== expected) {
      throw new Error(`The page ${urlPath} did not render (HTTP ${status}); see the log above.`);
    }
    records.set(urlPath, {
      key: pathKey(propsOf.get(urlPath) ?? '', reads, fields),
      reads,
      images: imagesIn(body),
    });
    fsSync.writeFileSync(path.join(outDir, fileForPath(urlPath)), body);
  };
  const threads = threadsWorthIt(toRender.length) ? memory.threadsFor(site, siteUrl) : [];
  if (threads.length > 0) memory.threads?.useHub(hub);
  const renderedByThreads = await renderAll({
    paths: [...propsOf.keys()],
    local: async (urlPath) => ({ path: urlPath, ...(await renderer.render(urlPath)) }),
    threads,
    keep,
    keepImages: (requests) => {
      for (const request of requests) memory.images.set(request.path, request);
    },
  });
  const pagePaths = paths
    .map((sitePath) => sitePath.path)
    .filter((urlPath) => urlPath !== '/404/' && fileForPath(urlPath).endsWith('.html'));
  await writeSitemap(outDir, siteUrl, pagePaths);
  const renderSeconds = since(started);

  started = performance.now();
  for (const request of renderer.takeImageRequests()) memory.images.set(request.path, request);
  const needed = new Set([...records.values()].flatMap((record) => record.images));
  const requests = [...needed].map((imagePath) => {
    const request = memory.images.get(imagePath);
    if (!request) throw new Error(`A page refers to ${imagePath}, which no page asked to make.`);
    return request;
  });
  const images = await writeImages(requests, outDir, options.imageCacheDir);
  const imageSeconds = since(started);

  started = performance.now();
  // Pagefind reads the written pages itself, outside Node, and indexes only what pages mark
  // with data-pagefind-body; it has no incremental mode, so the index is made whole each time.
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'nl' });
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  const indexed = await index.addDirectory({ path: outDir });
  if (indexed.errors.length > 0) throw new Error(`Pagefind: ${indexed.errors.join('; ')}`);
  const written = await index.writeFiles({ outputPath: path.join(outDir, 'pagefind') });
  if (written.errors.length > 0) throw new Error(`Pagefind: ${written.errors.join('; ')}`);
  await index.deleteIndex();
  const searchSeconds = since(started);

  memory.last = { outDir, siteDir: site.dir, siteUrl, paths: records };
  return {
    files: paths.length,
    rendered: toRender.length,
    renderedByThreads,
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
