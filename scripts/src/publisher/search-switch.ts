/**
 * The publisher's second switch: a build that went live with the search index of the build
 * before gets its own, prepared by the build worker in `<release>/.pagefind-next/`, switched in
 * while the release is served. A reader must never get an index that is incomplete, so:
 *
 * 1. Every index file but the entry (`pagefind-entry.json`) is moved into `pagefind/`. Pagefind
 *    names the index's own files by a hash of their content, so new files take new names, which
 *    nothing reads yet; a file that is there already is left as it is (still shared with older
 *    builds). Pagefind's scripts have fixed names and are compared by content.
 * 2. Then the entries, which name the index's files: those of the further parts of a large
 *    index (`deel-N/pagefind-entry.json`), then the list of parts (`delen.json`), then the main
 *    entry; each with its compressed variants first, then the file. Whichever of them a browser
 *    gets names files that are all there.
 * 3. Then the files of the old index that the new one does not have are removed, so they never
 *    pile up: the next build links only the current index's files.
 *
 * Builds kept for rollback share files with this one by hard links, so nothing is ever written
 * into a file: every change is a rename over a name, or a removal of a name, which leave the
 * other builds' links (and their index) as they were.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { VARIANT_SUFFIXES } from '../../../site/scripts/precompress';
import {
  filesBelow,
  NEXT_SEARCH_DIR,
  SEARCH_DIR,
  SEARCH_ENTRY,
  SEARCH_PARTS_FILE,
} from '../../../site/scripts/search-index';

/** What a switch changed in the live index folder. */
export interface SearchSwitchReport {
  /** Files moved in (new names, or names whose content changed). */
  moved: number;
  /** Files of the old index removed. */
  removed: number;
}

/**
 * The index's own files (meta, word index chunks, filters, page fragments): Pagefind names each
 * by a hash of its content and, writing into a folder that has one of that name already, leaves
 * it as it is, trusting the name. So does the switch: reading 16,000 fragments twice to compare
 * them took as long as making the index (6 s, measured).
 */
const NAMED_BY_CONTENT = /\.pf_(meta|fragment|index|filter)$/;

/**
 * The files of a new index that name other files (the parts' entries, the list of parts, the
 * main entry), each with its compressed variants before it, in the order they are switched in;
 * variants the new index lacks are named too, so the switch removes the old ones.
 */
export function entriesInSwitchOrder(files: string[]): string[] {
  const rank = (file: string) => (file === SEARCH_ENTRY ? 2 : file === SEARCH_PARTS_FILE ? 1 : 0);
  const entries = files
    .filter((file) => path.basename(file) === SEARCH_ENTRY || file === SEARCH_PARTS_FILE)
    .sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  return entries.flatMap((entry) => [
    ...VARIANT_SUFFIXES.map((suffix) => `${entry}${suffix}`),
    entry,
  ]);
}

/** Whether two files hold the same bytes: one inode, or equal content. */
async function sameContent(a: string, b: string): Promise<boolean> {
  const [statA, statB] = await Promise.all([fs.stat(a), fs.stat(b).catch(() => null)]);
  if (!statB?.isFile() || statA.size !== statB.size) return false;
  if (statA.ino === statB.ino && statA.dev === statB.dev) return true;
  const [bytesA, bytesB] = await Promise.all([fs.readFile(a), fs.readFile(b)]);
  return bytesA.equals(bytesB);
}

/**
 * Switches the search index of the release in `releaseDir` to the one prepared in its
 * `.pagefind-next/` (see the steps above), then removes that folder. When it fails before the
 * entry is switched, the files it moved in are taken out again and the old index stays whole;
 * it then throws. The prepared folder is gone either way.
 */
export async function switchSearchIndex(releaseDir: string): Promise<SearchSwitchReport> {
  const live = path.join(releaseDir, SEARCH_DIR);
  const next = path.join(releaseDir, NEXT_SEARCH_DIR);
  /** Moved in under names the old index did not have. */
  const added: string[] = [];
  let moved = 0;
  let entrySwitched = false;
  const files = await filesBelow(next);
  const before = new Set(await filesBelow(live));
  const entryFiles = entriesInSwitchOrder(files);
  try {
    if (!files.includes(SEARCH_ENTRY))
      throw new Error(`The new search index has no ${SEARCH_ENTRY}; the old one stays.`);
    for (const file of files.filter((name) => !entryFiles.includes(name))) {
      const to = path.join(live, file);
      const existed = before.has(file);
      if (
        existed &&
        (NAMED_BY_CONTENT.test(file) || (await sameContent(path.join(next, file), to)))
      )
        continue;
      await fs.mkdir(path.dirname(to), { recursive: true });
      await fs.rename(path.join(next, file), to);
      moved += 1;
      if (!existed) added.push(file);
    }
    for (const file of entryFiles) {
      if (files.includes(file)) {
        await fs.rename(path.join(next, file), path.join(live, file));
        moved += 1;
      } else {
        // A variant the new entry has none of would be served in its place, naming the old index.
        await fs.rm(path.join(live, file), { force: true });
      }
      entrySwitched = true;
    }
  } catch (error) {
    // Before the entry, nothing names the files moved in: out they go, the old index is whole.
    // Once a form of the entry names the new index, its files stay.
    if (!entrySwitched)
      for (const file of added) await fs.rm(path.join(live, file), { force: true });
    await fs.rm(next, { recursive: true, force: true });
    throw error;
  }
  const current = new Set(files);
  const old = [...before].filter((file) => !current.has(file) && !entryFiles.includes(file));
  for (const file of old) await fs.rm(path.join(live, file), { force: true });
  await fs.rm(next, { recursive: true, force: true });
  return { moved, removed: old.length };
}
