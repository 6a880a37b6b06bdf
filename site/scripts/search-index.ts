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
const SEARCHABLE_PAGES = '{*,nieuws/*,goede-voorbeelden/*,agenda/*,partners/*}/index.html';

/** What making one index cost, for the build's record. */
export interface SearchIndexStats {
  /** Pages in the index. */
  pages: number;
  /** Seconds to make it (Pagefind, and compressing its scripts). */
  seconds: number;
}

/**
 * Writes Pagefind's index of the pages in `siteDir` into `outputDir`. Pagefind reads the written
 * pages itself, outside Node; it has no incremental mode, so the index is made whole each time.
 * Returns how many pages it indexed.
 */
export async function writeSearchIndex(siteDir: string, outputDir: string): Promise<number> {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'nl' });
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  try {
    const indexed = await index.addDirectory({ path: siteDir, glob: SEARCHABLE_PAGES });
    if (indexed.errors.length > 0) throw new Error(`Pagefind: ${indexed.errors.join('; ')}`);
    const written = await index.writeFiles({ outputPath: outputDir });
    if (written.errors.length > 0) throw new Error(`Pagefind: ${written.errors.join('; ')}`);
    return indexed.page_count;
  } finally {
    await index.deleteIndex();
  }
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
 * working with the index of a moment ago. Returns false, and leaves no index behind, when the
 * last build has no complete index to give (its entry is missing, a file is gone meanwhile): the
 * build must then write its own.
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
  try {
    for (const folder of new Set(files.map((file) => path.dirname(path.join(to, file)))))
      fsSync.mkdirSync(folder, { recursive: true });
    for (const file of files.filter((name) => !isVariant(name))) {
      fsSync.linkSync(path.join(from, file), path.join(to, file));
      // Its variants too, as for any file taken unchanged from the last build.
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
