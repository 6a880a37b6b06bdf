import fs from 'node:fs/promises';
import path from 'node:path';
import type { ImageTransform } from 'astro';
import sharpService from 'astro/assets/services/sharp';
import { fileURLToPath } from 'node:url';
import type { ImageRequest } from '../src/renderer/types';

/** Encoded images kept between builds (SITE_IMAGE_CACHE_DIR, default site/.cache/images). */
export function imageCacheDir(): string {
  return path.resolve(
    path.dirname(fileURLToPath(import.meta.url)),
    '..',
    process.env.SITE_IMAGE_CACHE_DIR || '.cache/images',
  );
}

/** How many images this build encoded, and how many it took from the cache. */
export interface ImageStats {
  encoded: number;
  reused: number;
}

type Transform = (
  input: Uint8Array,
  transform: ImageTransform,
  config: unknown,
) => Promise<{ data: Uint8Array }>;
const transform = (sharpService as unknown as { transform: Transform }).transform;
// The sharp service reads its settings from Astro's image config; ours are Astro's defaults.
const imageConfig = { service: { entrypoint: 'astro/assets/services/sharp', config: {} } };

/**
 * Reads an image's original. Files gone from the media storage were left out by the loader
 * already (the CMS's check, see site/src/loaders/missing-media.ts), so a 404 here means the
 * file was deleted between that check and this fetch: a rare race that still fails this build
 * (the site stays as it was); the next build's check finds the file missing and builds without
 * it. Not worth a request per image to avoid.
 */
async function fetchOriginal(src: string): Promise<Uint8Array> {
  // From the CMS, or from the media storage (SITE_MEDIA_ORIGINS) when uploads are kept there.
  // When that storage is down or restarting, the build fails for that, not for the image: the
  // words "Cannot reach the media storage" make it a 'cms-unreachable' failure (build-failure.ts).
  let response: Response;
  try {
    response = await fetch(src, { signal: AbortSignal.timeout(60_000) });
  } catch (error) {
    const cause = error instanceof Error ? error.message : String(error);
    throw new Error(`Cannot reach the media storage for the image ${src}: ${cause}`, {
      cause: error,
    });
  }
  if (response.status >= 500) {
    throw new Error(`Cannot reach the media storage: ${src} answered HTTP ${response.status}.`);
  }
  if (!response.ok) {
    throw new Error(`The image ${src} could not be read (HTTP ${response.status}).`);
  }
  return new Uint8Array(await response.arrayBuffer());
}

/**
 * Writes every requested image into the site (outDir + its path). Each is encoded once, with
 * Astro's sharp service, and kept in cacheDir under its name, a hash of source and transform:
 * CMS uploads never change under the same name, so a later build copies instead of encoding.
 */
export async function writeImages(
  requests: ImageRequest[],
  outDir: string,
  cacheDir: string,
): Promise<ImageStats> {
  await fs.mkdir(cacheDir, { recursive: true });
  const originals = new Map<string, Promise<Uint8Array>>();
  const stats: ImageStats = { encoded: 0, reused: 0 };
  const one = async (request: ImageRequest) => {
    const cached = path.join(cacheDir, path.basename(request.path));
    const target = path.join(outDir, request.path);
    await fs.mkdir(path.dirname(target), { recursive: true });
    try {
      await fs.copyFile(cached, target);
      stats.reused += 1;
      return;
    } catch {
      // Not made yet: encode below.
    }
    let original = originals.get(request.src);
    if (!original) {
      original = fetchOriginal(request.src);
      originals.set(request.src, original);
    }
    const { data } = await transform(await original, request.transform, imageConfig);
    // Write under a temporary name first: a build that stops halfway leaves no broken file.
    const partial = `${cached}.${process.pid}.partial`;
    await fs.writeFile(partial, data);
    await fs.rename(partial, cached);
    await fs.copyFile(cached, target);
    stats.encoded += 1;
  };
  // Two at a time: sharp uses its own threads, more would only queue.
  const queue = [...requests];
  await Promise.all(
    [0, 1].map(async () => {
      for (let next = queue.shift(); next; next = queue.shift()) await one(next);
    }),
  );
  return stats;
}

/** Which files pruneImages may remove. */
export interface PruneRule {
  /** Only files last written longer ago than this. */
  olderThanMs: number;
  /** Never these names (the images of the builds that are kept). */
  keep?: ReadonlySet<string>;
  now?: number;
}

/**
 * Removes image files from a folder (not its subfolders) by `rule`, so caches do not grow for
 * ever. A file being written has a `.partial` name and a fresh time, so it is never taken.
 * Returns how many were removed. Used for the image cache (publisher) and the preview's images.
 */
export async function pruneImages(dir: string, rule: PruneRule): Promise<number> {
  const now = rule.now ?? Date.now();
  let removed = 0;
  const entries = await fs.readdir(dir, { withFileTypes: true }).catch(() => []);
  for (const entry of entries) {
    if (!entry.isFile() || rule.keep?.has(entry.name)) continue;
    const file = path.join(dir, entry.name);
    const stat = await fs.stat(file).catch(() => null);
    if (!stat || now - stat.mtimeMs <= rule.olderThanMs) continue;
    await fs.rm(file, { force: true });
    removed += 1;
  }
  return removed;
}
