/**
 * The site's search index (Pagefind) in a build's folder. A standalone build and the publisher's
 * first build write it with the pages (writeSearchIndex). The publisher's later builds go live
 * with the index of the build before (linked, see exportSite's `search: 'defer'`), and the build
 * worker then prepares the new one beside it (prepareSearchIndex), which the publisher switches
 * in (scripts/src/publisher/search-switch.ts): the page is live without waiting for the index.
 */
import fsSync from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import * as pagefind from 'pagefind';
import { isPrecompressed } from './http/http-headers';
import { Precompressor, VARIANT_SUFFIXES } from './precompress';
import { linkApart } from './spare-release';

/** The index's folder in a build, where the search page loads it from (/pagefind/pagefind.js). */
export const SEARCH_DIR = 'pagefind';
/**
 * Where the next index of a live build is prepared, inside that build's folder (so it can be
 * renamed into place on the same disk). Hidden: the servers and the site bucket leave it out.
 */
export const NEXT_SEARCH_DIR = '.pagefind-next';
/** The one file with a fixed name that says which index files belong to the index. */
export const SEARCH_ENTRY = 'pagefind-entry.json';

/**
 * The pages Pagefind is given: those whose route marks its content with data-pagefind-body (news,
 * good practices, events, partners and the CMS's free pages, all one folder deep). Pagefind would
 * index only those anyway, but it parses every page it is given first: the lists and filter pages
 * took half its time. The site tests check that every page with data-pagefind-body is indexed.
 */
const SEARCHABLE_SECTIONS = ['nieuws', 'goede-voorbeelden', 'agenda', 'partners'];
const SEARCHABLE_PAGES = `{*,${SEARCHABLE_SECTIONS.map((section) => `${section}/*`).join(',')}}/index.html`;

/**
 * Most pages in one part of the index. Pagefind holds about 60 KB per page until it has written
 * its index (1 GB at 16,000 pages); a site with more pages gets an index in parts, made one
 * after another, which the search page merges (Pagefind's mergeIndex). Measured at 16,000
 * pages: parts of 4,000 peak at 260 MB, of 8,000 at 500 MB; three parts of 5,354 take 7.0 to
 * 7.5 s, two of 8,030 6.9 to 7.0 s. A search loads a few small files per part more.
 */
export const SEARCH_PART_PAGES = 6000;
/**
 * The index's list of its further parts (`["deel-2/", ...]`, relative to the index's folder,
 * empty for an index in one part), which the search page merges with the first.
 */
export const SEARCH_PARTS_FILE = 'delen.json';

/** What making one index cost, for the build's record. */
export interface SearchIndexStats {
  /** Pages in the index. */
  pages: number;
  /** Seconds to make it (Pagefind, and compressing its scripts). */
  seconds: number;
}

/** The pages of a built site that go into the search index, relative to its folder, sorted. */
export function searchablePages(siteDir: string): string[] {
  const pagesIn = (folder: string): string[] =>
    fsSync
      .readdirSync(path.join(siteDir, folder), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => path.join(folder, entry.name, 'index.html'))
      .filter((file) => fsSync.existsSync(path.join(siteDir, file)));
  const sections = SEARCHABLE_SECTIONS.filter((section) =>
    fsSync.existsSync(path.join(siteDir, section)),
  );
  return [...pagesIn(''), ...sections.flatMap(pagesIn)].sort();
}

/** The folder of part `n` (counted from 1) inside the index's folder; the first is the folder itself. */
const partFolder = (n: number) => (n === 1 ? '' : `deel-${n}/`);

/** Characters with a meaning in Pagefind's globs; escaping any other character is an error. */
const GLOB_META = /[?*$:<>()[\]{},\\]/g;
const escapeGlob = (text: string) => text.replace(GLOB_META, (char) => `\\${char}`);

/**
 * Patterns that match exactly the `chosen` names among `all` (one folder's page folders): a
 * prefix that only chosen names start with becomes `prefix*`, so that a part of thousands of
 * pages needs a few hundred patterns, not one per page (Pagefind refuses a glob of 8,000
 * paths). `*` never crosses a `/`.
 */
function prefixPatterns(chosen: Set<string>, all: string[], prefix = ''): string[] {
  const names = all.filter((name) => name.startsWith(prefix));
  const picked = names.filter((name) => chosen.has(name));
  if (picked.length === 0) return [];
  if (picked.length === names.length) return [`${escapeGlob(prefix)}*`];
  const patterns = chosen.has(prefix) ? [escapeGlob(prefix)] : [];
  // By code point, not UTF-16 unit: a prefix must never end inside a character.
  const nextChars = new Set(
    names
      .filter((name) => name.length > prefix.length)
      .map((name) => String.fromCodePoint(name.codePointAt(prefix.length) ?? 0)),
  );
  for (const char of [...nextChars].sort()) {
    patterns.push(...prefixPatterns(chosen, names, prefix + char));
  }
  return patterns;
}

/**
 * A Pagefind glob (relative to the site's folder) that matches the `chosen` page files and no
 * other of `all` (each `x/index.html` or `section/y/index.html`, as searchablePages lists
 * them): so a part of the index is made from the site's own folder, under the pages' own
 * URLs. Before, each part's pages were hard-linked into a folder of their own and unlinked
 * after: 2.6 s for 8,000 pages, measured, while Pagefind waited.
 */
export function partGlob(chosen: string[], all: string[]): string {
  const folderOf = (page: string) => path.posix.dirname(path.posix.dirname(page));
  const nameOf = (page: string) => path.posix.basename(path.posix.dirname(page));
  const chosenSet = new Set(chosen);
  const patterns: string[] = [];
  for (const folder of [...new Set(all.map(folderOf))].sort()) {
    const inFolder = all.filter((page) => folderOf(page) === folder);
    const names = new Set(inFolder.filter((page) => chosenSet.has(page)).map(nameOf));
    const within = prefixPatterns(names, inFolder.map(nameOf));
    const base = folder === '.' ? '' : `${escapeGlob(folder)}/`;
    patterns.push(...within.map((pattern) => base + pattern));
  }
  return `{${patterns.join(',')}}/index.html`;
}

/** One Pagefind index of the pages below `pagesDir` that `glob` matches. */
async function writeIndexPart(pagesDir: string, outputDir: string, glob: string): Promise<number> {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'nl' });
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  try {
    const indexed = await index.addDirectory({ path: pagesDir, glob });
    if (indexed.errors.length > 0) throw new Error(`Pagefind: ${indexed.errors.join('; ')}`);
    const written = await index.writeFiles({ outputPath: outputDir });
    if (written.errors.length > 0) throw new Error(`Pagefind: ${written.errors.join('; ')}`);
    return indexed.page_count;
  } finally {
    await index.deleteIndex();
  }
}

/**
 * Writes Pagefind's index of the pages in `siteDir` into `outputDir`, with the list of its
 * parts. Pagefind reads the written pages itself, outside Node; it has no incremental mode, so
 * the index is made whole each time. Up to `pagesPerPart` pages make one index; more make
 * several of about equal size, one after another, each from the pages a glob picks (partGlob).
 * Returns how many pages it indexed.
 */
export async function writeSearchIndex(
  siteDir: string,
  outputDir: string,
  pagesPerPart = SEARCH_PART_PAGES,
): Promise<number> {
  const pages = searchablePages(siteDir);
  if (pages.length <= pagesPerPart) {
    const indexed = await writeIndexPart(siteDir, outputDir, SEARCHABLE_PAGES);
    await fs.writeFile(path.join(outputDir, SEARCH_PARTS_FILE), '[]');
    return indexed;
  }
  // Only the pages that mark their content: Pagefind indexes pages without the mark when none
  // of the pages it was given has one, and a part could hold only such pages.
  const marked = pages.filter((page) =>
    fsSync.readFileSync(path.join(siteDir, page)).includes('data-pagefind-body'),
  );
  const partCount = Math.ceil(marked.length / pagesPerPart);
  const partSize = Math.ceil(marked.length / partCount);
  // Left over from a build of older code, which indexed each part from there.
  await fs.rm(path.join(siteDir, '.search-part'), { recursive: true, force: true });
  let indexed = 0;
  for (let n = 1; n <= partCount; n += 1) {
    const part = marked.slice((n - 1) * partSize, n * partSize);
    try {
      indexed += await writeIndexPart(
        siteDir,
        path.join(outputDir, partFolder(n)),
        partGlob(part, pages),
      );
    } finally {
      // Pagefind's process keeps the memory it had; a new one starts for the next part.
      await pagefind.close();
    }
  }
  const further = Array.from({ length: partCount - 1 }, (_, i) => partFolder(i + 2));
  await fs.mkdir(outputDir, { recursive: true });
  await fs.writeFile(path.join(outputDir, SEARCH_PARTS_FILE), JSON.stringify(further));
  return indexed;
}

/** Every file below `dir`, as paths relative to it; none when it does not exist. */
export async function filesBelow(dir: string): Promise<string[]> {
  const entries = await fs
    .readdir(dir, { recursive: true, withFileTypes: true })
    .catch(() => [] as fsSync.Dirent[]);
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .sort();
}

/**
 * Gives a new build the search index of the last build (`fromDir`), by hard links like every
 * unchanged file, compressed variants included: the build can go live at once and search keeps
 * working with the index of a moment ago. The links are made on a thread of its own, so a build
 * starts this before it renders and finds it done after (at 10,000 articles the index is 16,000
 * files: 0.35 s of linking on the build's own thread, measured). Returns false, and leaves no
 * index behind, when the last build has no complete index to give (its entry is missing, a file
 * is gone meanwhile, a file of that name is in the way): the build must then write its own.
 */
export async function linkSearchIndex(
  fromDir: string,
  toDir: string,
  compressor: Precompressor,
): Promise<boolean> {
  const from = path.join(fromDir, SEARCH_DIR);
  const to = path.join(toDir, SEARCH_DIR);
  const files = await filesBelow(from);
  if (!files.includes(SEARCH_ENTRY)) return false;
  const isVariant = (file: string) =>
    VARIANT_SUFFIXES.some((suffix) => file.endsWith(suffix)) && isPrecompressed(file.slice(0, -3));
  const originals = files.filter((file) => !isVariant(file));
  // The fragments and index chunks (nearly all): on the thread. The few scripts and lists with
  // variants: here, as any file taken unchanged from the last build.
  const linking = linkApart(
    from,
    originals.filter((file) => !isPrecompressed(file)),
    to,
    { fresh: false, variants: false },
  );
  try {
    if (!(await linking.ready)) throw new Error('The index could not be linked.');
    for (const file of originals.filter(isPrecompressed)) {
      fsSync.mkdirSync(path.dirname(path.join(to, file)), { recursive: true });
      fsSync.linkSync(path.join(from, file), path.join(to, file));
      compressor.reuse(path.join(SEARCH_DIR, file));
    }
  } catch {
    await fs.rm(to, { recursive: true, force: true });
    return false;
  }
  return true;
}

/**
 * Prepares the new search index of a build that is live already: writes it into
 * `<releaseDir>/.pagefind-next/`, with the compressed variants of its scripts (linked from the
 * current index where unchanged). The live index is not touched; the publisher switches the new
 * one in (scripts/src/publisher/search-switch.ts).
 */
export async function prepareSearchIndex(releaseDir: string): Promise<SearchIndexStats> {
  const started = performance.now();
  const next = path.join(releaseDir, NEXT_SEARCH_DIR);
  // Left over from a run that was cut off: never mixed into this one.
  await fs.rm(next, { recursive: true, force: true });
  const pages = await writeSearchIndex(releaseDir, next);
  const compressor = new Precompressor(next, path.join(releaseDir, SEARCH_DIR));
  await compressor.finish();
  return { pages, seconds: (performance.now() - started) / 1000 };
}
