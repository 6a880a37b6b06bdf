import fsSync from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { FEED_ITEM_LIMIT } from '@hub/shared';
import { fetchTotal } from '../../../site/src/loaders/cms-client';

/** The CMS a release was built from, to compare the release with. */
export interface CmsSource {
  url: string;
  token: string;
}

/** Item folders per section, and the folders in it that are not items. */
const SECTIONS = [
  { api: 'articles', dir: 'nieuws', notItems: ['pagina'] },
  {
    api: 'good-practices',
    dir: 'goede-voorbeelden',
    notItems: ['thema', 'doelgroep', 'stadsdeel', 'soort'],
  },
  { api: 'events', dir: 'agenda', notItems: ['archief'] },
  { api: 'partners', dir: 'partners', notItems: [] },
] as const;

/** Item folders looked at between two turns of the event loop (see itemPages). */
const FOLDERS_PER_TURN = 1000;

/**
 * How many item folders in `dir` hold a page. Looked at synchronously, a thousand folders per
 * turn of the event loop: 10,000 asynchronous checks took 0.27 s on this machine, every one a
 * round trip through libuv's thread pool, and 0.05 s synchronously (measured at 10,000
 * articles, on every publish); the turns between let the process answer requests meanwhile.
 */
async function itemPages(dir: string, notItems: readonly string[]): Promise<number> {
  const entries = await fs.readdir(dir, { withFileTypes: true }).catch(() => []);
  const folders = entries.filter((entry) => entry.isDirectory() && !notItems.includes(entry.name));
  let found = 0;
  for (const [index, folder] of folders.entries()) {
    if (index > 0 && index % FOLDERS_PER_TURN === 0) await new Promise(setImmediate);
    if (fsSync.existsSync(path.join(dir, folder.name, 'index.html'))) found += 1;
  }
  return found;
}

/** How many items the main feed has; throws when it does not parse. */
async function feedItems(dir: string): Promise<number> {
  const feed = new XMLParser().parse(await fs.readFile(path.join(dir, 'rss.xml'), 'utf8'));
  const items = feed?.rss?.channel?.item;
  return Array.isArray(items) ? items.length : items ? 1 : 0;
}

/**
 * Checks a finished build before it may go live: the number of pages per section equals what
 * the CMS has published, and the main feed parses with one item per article, practice and event
 * (up to its limit of the newest).
 * Returns the problems found (empty when the release is fine).
 */
export async function checkRelease(dir: string, cms: CmsSource): Promise<string[]> {
  const problems: string[] = [];
  // All at once: the CMS answers while the disk is read and the feed parsed.
  const feed = feedItems(dir).then(
    (count) => ({ count }),
    (error: unknown) => ({ error: error instanceof Error ? error.message : String(error) }),
  );
  const sections = await Promise.all(
    SECTIONS.map(async (section) => ({
      section,
      total: await fetchTotal(cms, section.api),
      pages: await itemPages(path.join(dir, section.dir), section.notItems),
    })),
  );
  const totals: Record<string, number> = {};
  for (const { section, total, pages } of sections) {
    totals[section.api] = total;
    if (pages !== total) {
      problems.push(`/${section.dir}/ has ${pages} item pages, the CMS has ${total} published`);
    }
  }
  const parsed = await feed;
  if ('error' in parsed) {
    problems.push(`rss.xml does not parse: ${parsed.error}`);
  } else {
    const expected = Math.min(
      FEED_ITEM_LIMIT,
      (totals.articles ?? 0) + (totals['good-practices'] ?? 0) + (totals.events ?? 0),
    );
    if (parsed.count !== expected) {
      problems.push(`rss.xml has ${parsed.count} items, expected ${expected}`);
    }
  }
  return problems;
}
