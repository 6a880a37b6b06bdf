import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'astro';
import * as pagefind from 'pagefind';

const siteDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Where a build reads from and writes to. Unset fields keep the environment's values. */
export interface SiteBuildOptions {
  /** Output folder (absolute, or relative to site/). */
  outDir?: string;
  /** Public URL of the site, for canonical links, feeds and calendars. */
  siteUrl?: string;
  /** The CMS to read. */
  cmsUrl?: string;
  /** Read-only API token (else SITE_BUILD_TOKEN_FILE is read). */
  token?: string;
  /** Less output (tests). */
  quiet?: boolean;
}

/**
 * Builds the public site: Astro (pages, feeds, calendars, optimised images), then the Pagefind
 * search index over the pages' main content. Resolves with the output folder; throws (with
 * the CMS's URL and the cause) when the CMS cannot be read.
 */
export async function buildSite(options: SiteBuildOptions = {}): Promise<string> {
  const outDir = path.resolve(siteDir, options.outDir ?? process.env.SITE_OUT_DIR ?? 'dist');
  // astro.config.mjs reads these; set them before Astro loads it.
  process.env.SITE_OUT_DIR = outDir;
  if (options.siteUrl) process.env.SITE_URL = options.siteUrl;
  if (options.cmsUrl) process.env.CMS_URL = options.cmsUrl;
  if (options.token) process.env.SITE_BUILD_TOKEN = options.token;
  process.env.ASTRO_TELEMETRY_DISABLED = '1';

  await build({ root: siteDir, logLevel: options.quiet ? 'error' : 'info', mode: 'production' });

  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'nl' });
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  const indexed = await index.addDirectory({ path: outDir });
  if (indexed.errors.length > 0)
    throw new Error(`Pagefind could not index ${outDir}: ${indexed.errors.join('; ')}`);
  await index.writeFiles({ outputPath: path.join(outDir, 'pagefind') });
  await pagefind.close();
  return outDir;
}
