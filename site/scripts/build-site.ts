import path from 'node:path';
import * as pagefind from 'pagefind';
import { cmsConnection } from '../src/loaders/connection';
import { exportSite, type ExportStats } from './export-site';
import { compileRenderer, loadCompiledSite, siteDir } from './renderer';
import { imageCacheDir } from './site-images';

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
  /** Compile the code even when an up-to-date renderer exists (benchmarks of a full build). */
  recompile?: boolean;
}

/**
 * Builds the public site once: compiles the code when it changed since the last build, then
 * exports every page, feed, calendar, image and the search index from the CMS's content.
 * Throws (with the CMS's URL and the cause) when the CMS cannot be read.
 */
export async function buildSite(
  options: SiteBuildOptions = {},
): Promise<{ outDir: string; stats: ExportStats }> {
  const outDir = path.resolve(siteDir, options.outDir ?? process.env.SITE_OUT_DIR ?? 'dist');
  const env = { ...process.env };
  if (options.cmsUrl) env.CMS_URL = options.cmsUrl;
  if (options.token) env.SITE_BUILD_TOKEN = options.token;
  const site = await loadCompiledSite(
    await compileRenderer({ quiet: options.quiet, force: options.recompile }),
  );
  const stats = await exportSite({
    site,
    outDir,
    siteUrl: options.siteUrl ?? process.env.SITE_URL ?? 'http://localhost:4321',
    connection: cmsConnection(env),
    imageCacheDir: imageCacheDir(),
  });
  await pagefind.close();
  return { outDir, stats };
}
