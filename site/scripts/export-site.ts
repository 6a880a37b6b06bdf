import fsSync from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { createHash } from 'node:crypto';
import type { CmsConnection } from '../src/loaders/cms-client';
import { CmsSnapshot, loadHubWithWarnings } from '../src/loaders/hub-loader';
import type { Hub } from '../src/lib/data';
import { contentHash } from '../src/lib/content-hash';
import type { ImageRequest, SitePath } from '../src/renderer/types';
import type { CompiledSite } from './renderer';
import { writeImages, type ImageStats } from './site-images';
import { Precompressor } from './precompress';
import { writeSitemap } from './sitemap';
import { linkSearchIndex, SEARCH_DIR, writeSearchIndex } from './search-index';
import { prepareSpare, removeWithVariants, takeSpare, type SpareInProgress } from './spare-release';
import { SUBMISSION_THANKS_PATH, isEmbedPath, type BuildWarning } from '@hub/shared';

/** What one export made, for logs and benchmarks. */
export interface ExportStats {
  /** Files of pages, feeds and calendars. */
  files: number;
  /** Of those, rendered in this build (the rest were unchanged and taken from the last one). */
  rendered: number;
  /** HTML pages among the files. */
  pages: number;
  images: ImageStats;
  /** Text files given `.br` and `.gz` variants: made in this build, or linked from the last. */
  compressed: { made: number; linked: number };
  /**
   * Seconds spent reading the CMS, rendering, encoding images, indexing for search, and waiting
   * for compression at the end (most of it runs on other threads while rendering). With the
   * search index deferred, `search` is the time waited for the last build's index to be linked
   * here (linked on another thread while rendering); the publisher adds the time to make and
   * switch in the build's own, after the build went live.
   */
  seconds: { fetch: number; render: number; images: number; search: number; compress: number };
  /**
   * `written`: the build has its own search index. `deferred` (only when asked for, see
   * exportSite's `search`): it has the last build's index, and its own is made after it is live.
   * Absent in records of older builds, which always wrote it.
   */
  searchIndex?: 'written' | 'deferred';
  /**
   * True when the build started from a spare release of the last one (see spare-release.ts),
   * with its unchanged files already in place. Absent in records of older builds.
   */
  fromSpare?: boolean;
  /**
   * What the build went around instead of failing: images whose file is gone from the media
   * storage, left out of every page (see site/src/loaders/missing-media.ts). The publisher
   * keeps them with the build.
   */
  warnings: BuildWarning[];
}

/** A warning as one line of the build's log (English, for operators). */
export function warningLine(warning: BuildWarning): string {
  const items = warning.items
    .map((item) => `${item.type} "${item.title}" (${item.documentId})`)
    .join(', ');
  return `Warning: the image ${warning.file} (${warning.url}) is gone from the media storage; built without it: ${items}.`;
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
  last?: { outDir: string; site: string; siteUrl: string; paths: Map<string, PathRecord> };
  readonly images = new Map<string, ImageRequest>();
  /**
   * The spare release made, or being made, from the last build (see spare-release.ts).
   */
  spare?: { from: string; making: SpareInProgress };
  /** The compiled site's own files (scripts, styles), relative, per compile (compiledSiteId). */
  clientFiles?: { site: string; files: string[] };
}

/**
 * Which compile of the site this is: its folder and when it was compiled. Pages and client files
 * of another compile are never reused, also when it was forced into the same folder.
 */
const compiledSiteId = (site: CompiledSite) => `${site.dir}@${site.compiledAt}`;

/** The files of the compiled site's client folder, relative to it (read once per compiled site). */
async function clientFilesOf(site: CompiledSite, memory: ExportMemory): Promise<string[]> {
  if (memory.clientFiles?.site !== compiledSiteId(site)) {
    const entries = await fs.readdir(site.clientDir, { recursive: true, withFileTypes: true });
    const files = entries
      .filter((entry) => entry.isFile())
      .map((entry) => path.relative(site.clientDir, path.join(entry.parentPath, entry.name)));
    memory.clientFiles = { site: compiledSiteId(site), files };
  }
  return memory.clientFiles.files;
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

const IMAGE_PATH_START = Buffer.from('/_astro/img/');
/** Whether a byte may be part of a site image's file name ([\w.-]). */
const isImageNameByte = (byte: number) =>
  (byte >= 0x30 && byte <= 0x39) || // 0-9
  (byte >= 0x41 && byte <= 0x5a) || // A-Z
  (byte >= 0x61 && byte <= 0x7a) || // a-z
  byte === 0x5f || // _
  byte === 0x2e || // .
  byte === 0x2d; // -

/**
 * Site images a rendered file refers to (in src, srcset, or a feed's absolute URLs). Searched in
 * the bytes, each path copied out on its own: paths matched in the page as one string were
 * slices of it, and the build's records kept every page's whole text alive (150 MB at 10,000
 * articles, measured in a heap snapshot), which the garbage collector went over again and again.
 */
export function imagesIn(body: Uint8Array): string[] {
  const bytes = Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  const found = new Set<string>();
  let at = bytes.indexOf(IMAGE_PATH_START);
  while (at !== -1) {
    let end = at + IMAGE_PATH_START.length;
    while (end < bytes.length && isImageNameByte(bytes[end] ?? 0)) end += 1;
    if (end > at + IMAGE_PATH_START.length) found.add(bytes.toString('latin1', at, end));
    at = bytes.indexOf(IMAGE_PATH_START, end);
  }
  return [...found];
}

const sha1 = (text: string) => createHash('sha1').update(text).digest('base64url');

/** One hash per field of the hub: a page that read only unchanged fields renders the same. */
function hashFields(hub: Hub): Record<string, string> {
  return Object.fromEntries(
    Object.entries(hub).map(([field, value]) => [field, contentHash(value)]),
  );
}

function pathKey(props: string, reads: string[], fields: Record<string, string>): string {
  return sha1([props, ...reads.map((field) => `${field}=${fields[field] ?? '?'}`)].join('\n'));
}

/**
 * Makes the folders of these files, all at once and synchronously. Made one by one between file
 * writes in flight, each folder waited for the disk's journal (about 0.8 ms each instead of
 * 0.1, measured). Rendered files are written on the compressor's writer thread, which makes
 * their folders itself, also synchronously.
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
 *
 * `search: 'defer'` (the publisher) links the last build's search index instead of making one,
 * when there is a last build with an index: Pagefind's whole-site index is the slowest part of
 * a small publish (0.7 s at 1,600 searchable pages, about 6 s at 16,000), and the publisher
 * makes it right after the build is live (prepareSearchIndex). Without a last build the index
 * is written as always.
 */
export async function exportSite(options: {
  /** The compiled site, or its promise: the CMS is read while it is compiled. */
  site: CompiledSite | Promise<CompiledSite>;
  outDir: string;
  siteUrl: string;
  connection: CmsConnection;
  imageCacheDir: string;
  memory?: ExportMemory;
  /** `apart`: no search index; the caller makes it after the export (see buildSite). */
  search?: 'write' | 'defer' | 'apart';
  /**
   * Where the publisher's build worker keeps a spare release between builds (see
   * spare-release.ts): after a build, every unchanged file is linked there ahead of the next
   * one, which then starts from it. None: every build starts from an empty folder.
   */
  spareDir?: string;
}): Promise<ExportStats> {
  const { outDir, siteUrl } = options;
  const memory = options.memory ?? new ExportMemory();
  let started = performance.now();
  const compiling = Promise.resolve(options.site);
  // Awaited after the CMS is read; a failed read must not leave its failure unhandled.
  compiling.catch(() => undefined);
  const connection = JSON.stringify(options.connection);
  if (memory.cms?.connection !== connection)
    memory.cms = { connection, snapshot: new CmsSnapshot() };
  const { hub, warnings } = await loadHubWithWarnings(options.connection, memory.cms.snapshot);
  for (const warning of warnings) console.warn(warningLine(warning));
  // An export without memory of its own (a build from scratch) never reads the CMS again: the
  // CMS's answers need not stay beside the hub while it renders (the collector went over them
  // for every page).
  if (!options.memory) memory.cms = undefined;
  const fetchSeconds = since(started);

  const site = await compiling;
  started = performance.now();
  const fields = hashFields(hub);
  const last =
    memory.last?.site === compiledSiteId(site) && memory.last.siteUrl === siteUrl
      ? memory.last
      : undefined;
  const renderer = site.createRenderer(siteUrl);
  renderer.useHub(hub);
  const clientFiles = await clientFilesOf(site, memory);
  // A spare made from the last build already holds its pages and the site's scripts and
  // styles (the same compiled site), with their variants. Its files are the last build's
  // inodes: from here on, a file is replaced by removing its name first, never written into.
  // One that is not complete within a second is stopped, not waited for: making it can take
  // longer than this build's own linking (after a restart, it first removes the last one).
  const spare = memory.spare;
  memory.spare = undefined;
  if (spare && !spare.making.done()) {
    await Promise.race([spare.making.ready, new Promise((resolve) => setTimeout(resolve, 1000))]);
    if (!spare.making.done()) await spare.making.stop();
  }
  const fromSpare =
    last !== undefined &&
    options.spareDir !== undefined &&
    spare?.from === last.outDir &&
    spare.making.done() &&
    (await takeSpare(options.spareDir, outDir));
  if (!fromSpare) {
    // Entry by entry into the empty folder: Node 22+ counts the existing top folder itself as a
    // clash under errorOnExist, Node 20 does not; nothing already there is ever overwritten.
    for (const entry of await fs.readdir(site.clientDir)) {
      await fs.cp(path.join(site.clientDir, entry), path.join(outDir, entry), {
        recursive: true,
        errorOnExist: true,
        force: false,
      });
    }
  }
  const compressor = new Precompressor(outDir, last?.outDir);
  if (fromSpare) for (const file of clientFiles) compressor.kept(file);
  /** Links the file (and its compressed variants) from the last build; false when it is gone. */
  const reuse = (file: string): boolean => {
    if (!last) return false;
    try {
      fsSync.linkSync(path.join(last.outDir, file), path.join(outDir, file));
    } catch {
      return false;
    }
    compressor.reuse(file);
    return true;
  };

  // The last build's search index, linked on a thread of its own while the pages render.
  const linkingIndex =
    options.search === 'defer' && last !== undefined
      ? linkSearchIndex(last.outDir, outDir, compressor)
      : Promise.resolve(false);
  // Awaited after rendering; a failed render must not leave its failure unhandled.
  linkingIndex.catch(() => undefined);

  const records = new Map<string, PathRecord>();
  const paths = await renderer.paths();
  // The folders of files linked from the last build; the writer thread makes those it writes.
  if (last && !fromSpare) {
    makeFolders(
      outDir,
      paths.filter((sitePath) => last.paths.has(sitePath.path)).map((p) => fileForPath(p.path)),
    );
  }

  // Unchanged paths first: linked from the last build (or already there, in the spare).
  const toRender: SitePath[] = [];
  for (const sitePath of paths) {
    const before = last?.paths.get(sitePath.path);
    const unchanged = before && pathKey(sitePath.props, before.reads, fields) === before.key;
    const file = fileForPath(sitePath.path);
    if (unchanged && (fromSpare ? compressor.kept(file) : reuse(file)))
      records.set(sitePath.path, before);
    else toRender.push(sitePath);
  }
  if (fromSpare) {
    // The spare's pages that are gone now (an unpublished item): removed, with their folder
    // when nothing else is in it.
    const current = new Set(paths.map((sitePath) => sitePath.path));
    for (const urlPath of last.paths.keys()) {
      if (current.has(urlPath)) continue;
      const file = path.join(outDir, fileForPath(urlPath));
      await removeWithVariants(file);
      await fs.rmdir(path.dirname(file)).catch(() => undefined);
    }
  }

  // Then the rest, one page at a time (the hub records what each page reads).
  for (const { path: urlPath, props } of toRender) {
    const page = await renderer.render(urlPath);
    const expected = urlPath === '/404/' ? 404 : 200;
    if (page.status !== expected) {
      throw new Error(
        `The page ${urlPath} did not render (HTTP ${page.status}); see the log above.`,
      );
    }
    records.set(urlPath, {
      key: pathKey(props, page.reads, fields),
      reads: page.reads,
      images: imagesIn(page.body),
    });
    // In a spare, the old file and its variants are another build's too: a new name, not a write.
    await compressor.write(fileForPath(urlPath), page.body, { replace: fromSpare });
  }
  await compressor.pagesWritten();
  const pagePaths = paths
    .map((sitePath) => sitePath.path)
    // The thank-you page is only for people who just sent a form: not for search engines.
    .filter((urlPath) => urlPath !== '/404/' && urlPath !== SUBMISSION_THANKS_PATH)
    .filter((urlPath) => fileForPath(urlPath).endsWith('.html'));
  // The agendas made for frames on other sites are not pages to find on their own.
  await writeSitemap(
    outDir,
    siteUrl,
    pagePaths.filter((urlPath) => !isEmbedPath(urlPath)),
  );
  const renderSeconds = since(started);

  started = performance.now();
  for (const request of renderer.takeImageRequests()) memory.images.set(request.path, request);
  const needed = new Set([...records.values()].flatMap((record) => record.images));
  const requests = [...needed].map((imagePath) => {
    const request = memory.images.get(imagePath);
    if (!request) throw new Error(`A page refers to ${imagePath}, which no page asked to make.`);
    return request;
  });
  // An image whose file was deleted after the CMS was asked (above) fails here; the next
  // build's check finds it, and builds without it.
  const images = await writeImages(requests, outDir, options.imageCacheDir);
  const imageSeconds = since(started);

  started = performance.now();
  const deferred = await linkingIndex;
  if (!deferred && options.search !== 'apart')
    await writeSearchIndex(outDir, path.join(outDir, SEARCH_DIR));
  // Deferred: the time still waited for the last build's index to be linked (the publisher
  // adds its own index's).
  const searchSeconds = since(started);

  started = performance.now();
  // From a spare, every page is handed over already: the folders that hold only pages (the
  // first folder of a page's file, not the site's scripts, images or search index) need no look.
  const pageFolders = fromSpare
    ? new Set(
        paths
          .map((sitePath) => fileForPath(sitePath.path))
          .filter((file) => file.includes('/'))
          .map((file) => file.slice(0, file.indexOf('/'))),
      )
    : undefined;
  for (const folder of ['_astro', SEARCH_DIR]) pageFolders?.delete(folder);
  await compressor.finish(pageFolders);
  const compressSeconds = since(started);

  memory.last = { outDir, site: compiledSiteId(site), siteUrl, paths: records };
  if (options.spareDir) {
    // Made while the publisher switches this build in and makes its search index.
    const files = [...clientFiles, ...[...records.keys()].map(fileForPath)];
    memory.spare = { from: outDir, making: prepareSpare(outDir, files, options.spareDir) };
  }
  return {
    files: paths.length,
    rendered: toRender.length,
    pages: pagePaths.length + 1,
    images,
    compressed: { made: compressor.counts.compressed, linked: compressor.counts.linked },
    seconds: {
      fetch: fetchSeconds,
      render: renderSeconds,
      images: imageSeconds,
      search: searchSeconds,
      compress: compressSeconds,
    },
    searchIndex: deferred ? 'deferred' : 'written',
    fromSpare,
    warnings,
  };
}
