import fs from 'node:fs/promises';
import path from 'node:path';
import type { ImageTransform } from 'astro';
import sharpService from 'astro/assets/services/sharp';
import type { ImageRequest } from '../src/renderer/types';

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

async function fetchOriginal(src: string): Promise<Uint8Array> {
  const response = await fetch(src, { signal: AbortSignal.timeout(60_000) });
  if (!response.ok) {
    throw new Error(`The image ${src} could not be read from the CMS (HTTP ${response.status}).`);
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
