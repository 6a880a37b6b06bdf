/**
 * What one upload of a release to the site bucket must do, decided without touching the network
 * or the disk: which files go up, in which order, and which objects go away now or later.
 * Pure, so the order and the removal rules are tested on their own (site-bucket.test.ts);
 * site-bucket.ts does the listing, hashing and uploading around it.
 */
import { createHash } from 'node:crypto';
import {
  cacheControlFor,
  contentTypeFor,
  isPrecompressed,
} from '../../../site/scripts/http/http-headers';

/** The compressed variants the exporter writes next to a text file, and their content coding. */
const VARIANT_ENCODINGS: Readonly<Record<string, 'br' | 'gzip'>> = { '.br': 'br', '.gz': 'gzip' };

/**
 * When a file goes up in a sync, in this order, each stage finished before the next starts:
 * - `asset`: everything a page refers to (`_astro/**`, images, Pagefind's chunks, the favicon);
 * - `asset-entry`: Pagefind's `pagefind-entry.json` (one per part of a large index) and the list
 *   of parts, `pagefind/delen.json`, which have fixed names and name the index chunks of their
 *   build: they may change only once those chunks are up;
 * - `page`: pages and feeds (HTML, RSS/XML, iCalendar, JSON), the 404 page among them: what
 *   readers and feed readers ask for by a fixed address, pointing at assets that are now there;
 * - `index`: the sitemaps and robots.txt, last, so a crawler never finds a page that is not up.
 */
export type UploadStage = 'asset' | 'asset-entry' | 'page' | 'index';

/** The stages in the order they are uploaded. */
export const UPLOAD_STAGES: readonly UploadStage[] = ['asset', 'asset-entry', 'page', 'index'];

/** A key with its compressed variant's suffix taken off (`a.html.br` -> `a.html`). */
export function identityKey(key: string): string {
  const suffix = key.slice(key.lastIndexOf('.'));
  const base = key.slice(0, -suffix.length);
  return VARIANT_ENCODINGS[suffix] && isPrecompressed(base) ? base : key;
}

/** The content coding of a compressed variant (`a.html.br` -> br), or undefined for a file. */
export function variantEncoding(key: string): 'br' | 'gzip' | undefined {
  return identityKey(key) === key ? undefined : VARIANT_ENCODINGS[key.slice(key.lastIndexOf('.'))];
}

/** The stage a key belongs to (a variant to the stage of its file). */
export function uploadStage(key: string): UploadStage {
  const file = identityKey(key);
  const name = file.slice(file.lastIndexOf('/') + 1);
  if (file === 'robots.txt' || /^sitemap[^/]*\.xml$/.test(file)) return 'index';
  if (file.startsWith('pagefind/'))
    return name === 'pagefind-entry.json' || file === 'pagefind/delen.json'
      ? 'asset-entry'
      : 'asset';
  if (file.startsWith('_astro/')) return 'asset';
  if (/\.(html|xml|ics|json)$/i.test(name)) return 'page';
  return 'asset';
}

/**
 * Whether an object that is gone from the new build is removed at once. Pages, feeds and the
 * sitemaps are: an unpublished article must be gone from the public site, not an hour later.
 * Assets wait for the grace period (see SiteBucketOptions.graceMs): a reader who loaded an older
 * page a moment ago still fetches its scripts, styles, images and search chunks.
 */
export function removedAtOnce(key: string): boolean {
  const stage = uploadStage(key);
  return stage === 'page' || stage === 'index';
}

/** The headers an object is uploaded with: what the static server sends for the same file. */
export interface ObjectHeaders {
  contentType: string;
  cacheControl: string;
  /** br or gzip for a compressed variant; none for the file itself. */
  contentEncoding?: 'br' | 'gzip';
}

/**
 * The headers of a key: the content type and caching of its file (a variant `x.br` has those of
 * `x`, plus its content coding), as the static server decides them from the file's path.
 */
export function objectHeaders(key: string): ObjectHeaders {
  const file = identityKey(key);
  const contentType = contentTypeFor(file);
  const contentEncoding = variantEncoding(key);
  return {
    contentType,
    cacheControl: cacheControlFor(file, contentType),
    ...(contentEncoding ? { contentEncoding } : {}),
  };
}

/** A short fingerprint of an object's headers, remembered to notice when the rules change. */
export function headersDigest(headers: ObjectHeaders): string {
  return createHash('sha256')
    .update(`${headers.contentType}\n${headers.cacheControl}\n${headers.contentEncoding ?? ''}`)
    .digest('hex')
    .slice(0, 16);
}

/** A file of the release to publish. */
export interface LocalObject {
  /** Its path in the release, with '/' between names: the object's key. */
  key: string;
  /** MD5 of its content, lower-case hex: what the storage gives as ETag of a single-part upload. */
  md5: string;
  size: number;
}

/** An object the bucket listed. */
export interface RemoteObject {
  key: string;
  /** Its ETag without quotes, lower-case. */
  etag: string;
}

/** What the sync remembers between runs (the state file, see site-bucket.ts). */
export interface BucketMemory {
  /** Assets gone from the live build, by key: when (ms since 1970) they may be removed. */
  pendingRemovals: Record<string, number>;
  /** The headers (headersDigest) each object was last uploaded with, by key. */
  headers: Record<string, string>;
}

/** One upload: a file with the headers it gets. */
export interface PlannedUpload extends LocalObject {
  headers: ObjectHeaders;
  stage: UploadStage;
}

/** What one sync does, in order: uploads by stage, then removals. */
export interface SyncPlan {
  /** Uploads per stage, in UPLOAD_STAGES order (stages without uploads left out). */
  stages: { stage: UploadStage; uploads: PlannedUpload[] }[];
  /** Removed once every upload is done: gone pages, feeds and sitemaps, and stale variants. */
  removeNow: string[];
  /** Removed now too: assets gone from the build whose grace period has passed. */
  removeDue: string[];
  /** The memory to keep after this sync (when it succeeds). */
  memory: BucketMemory;
}

/**
 * Plans a sync of the bucket to a release:
 * - a file goes up when the bucket lacks it, its MD5 differs from the listed ETag (its content
 *   changed), or it was uploaded before with other headers (the header rules changed); a file
 *   the memory knows nothing about is trusted when its content matches, so a new publisher
 *   (or a lost state file) does not upload the whole site again;
 * - an object the release does not have is removed at once when it is a page, feed or sitemap,
 *   or a compressed variant whose file is still there (it would be served as stale content
 *   under the file's address); any other asset waits `graceMs` from when it was first missed;
 * - an asset waiting for removal that is in the release again (a rollback) waits no more.
 */
export function planSync(
  local: readonly LocalObject[],
  remote: readonly RemoteObject[],
  memory: BucketMemory,
  now: number,
  graceMs: number,
): SyncPlan {
  const remoteEtags = new Map(remote.map((object) => [object.key, object.etag]));
  const localKeys = new Set(local.map((object) => object.key));
  const headers: Record<string, string> = {};
  const byStage = new Map<UploadStage, PlannedUpload[]>();
  for (const object of [...local].sort((a, b) => a.key.localeCompare(b.key))) {
    const wanted = objectHeaders(object.key);
    const digest = headersDigest(wanted);
    headers[object.key] = digest;
    const known = memory.headers[object.key];
    const unchanged =
      remoteEtags.get(object.key) === object.md5 && (known === undefined || known === digest);
    if (unchanged) continue;
    const stage = uploadStage(object.key);
    const uploads = byStage.get(stage) ?? [];
    uploads.push({ ...object, headers: wanted, stage });
    byStage.set(stage, uploads);
  }

  const removeNow: string[] = [];
  const removeDue: string[] = [];
  const pendingRemovals: Record<string, number> = {};
  const gone = new Set(
    [...remote.map((object) => object.key), ...Object.keys(memory.pendingRemovals)].filter(
      (key) => !localKeys.has(key),
    ),
  );
  for (const key of [...gone].sort()) {
    const onRemote = remoteEtags.has(key);
    if (removedAtOnce(key) || (identityKey(key) !== key && localKeys.has(identityKey(key)))) {
      if (onRemote) removeNow.push(key);
      continue;
    }
    const due = memory.pendingRemovals[key] ?? now + graceMs;
    if (due <= now) {
      if (onRemote) removeDue.push(key);
    } else if (onRemote) {
      pendingRemovals[key] = due;
    }
  }
  return {
    stages: UPLOAD_STAGES.flatMap((stage) => {
      const uploads = byStage.get(stage);
      return uploads ? [{ stage, uploads }] : [];
    }),
    removeNow,
    removeDue,
    memory: { pendingRemovals, headers },
  };
}

/**
 * The assets whose grace period has passed, for the timer between syncs: what it removes, and
 * the memory after. Objects are not listed for this; a key that is already gone is removed
 * without harm (deleting a missing key succeeds on S3).
 */
export function dueRemovals(
  memory: BucketMemory,
  now: number,
): { remove: string[]; memory: BucketMemory } {
  const remove = Object.entries(memory.pendingRemovals)
    .filter(([, due]) => due <= now)
    .map(([key]) => key)
    .sort();
  const pendingRemovals = Object.fromEntries(
    Object.entries(memory.pendingRemovals).filter(([, due]) => due > now),
  );
  return { remove, memory: { ...memory, pendingRemovals } };
}
