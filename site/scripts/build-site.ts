import { spawn } from 'node:child_process';
import path from 'node:path';
import * as pagefind from 'pagefind';
import type { ExportMessage, ExportRequest } from './export-cli';
import type { ExportStats } from './export-site';
import { Precompressor } from './precompress';
import { compileRenderer, EXPORT_PROCESS_FLAGS, siteDir } from './renderer';
import { SEARCH_DIR, writeSearchIndex } from './search-index';

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
 * Runs export-cli.ts in a process of its own and tells it where the compiled site is once
 * `compiled` settles; the export's figures, or its error's message.
 */
async function exportApart(
  request: ExportRequest,
  compiled: Promise<string>,
): Promise<ExportStats> {
  const child = spawn(
    process.execPath,
    [...EXPORT_PROCESS_FLAGS, '--import', 'tsx', path.join(siteDir, 'scripts', 'export-cli.ts')],
    { cwd: siteDir, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] },
  );
  const answer = new Promise<{ ok: boolean; stats?: ExportStats; error?: string }>(
    (resolve, reject) => {
      child.once('message', resolve);
      child.once('error', reject);
      child.once('exit', (code) => reject(new Error(`The export process ended (exit ${code}).`)));
    },
  );
  const send = (message: ExportMessage) => {
    if (child.connected) child.send(message);
  };
  send({ request });
  compiled.then(
    (compiledDir) => send({ compiledDir }),
    (error: unknown) =>
      send({ compileError: error instanceof Error ? error.message : String(error) }),
  );
  const { ok, stats, error } = await answer;
  if (!ok || !stats) throw new Error(error);
  return stats;
}

/**
 * Builds the public site once: compiles the code when it changed since the last build, then
 * exports every page, feed, calendar, image and the search index from the CMS's content.
 * Throws (with the CMS's URL and the cause) when the CMS cannot be read.
 *
 * Three processes, one after another where it matters for memory: the compile runs in a
 * process of its own (see compileRenderer) while the export (export-cli.ts) reads the CMS, so
 * Vite's memory is gone before the export renders; the search index is made here after the
 * export has ended, so Pagefind (about 900 MB at 16,000 searchable pages) never runs beside the
 * content and the renderer (about 700 MB). The compile is started here, not by the export,
 * which needs about 0.7 s to load its own code first: at 10,000 articles the compile and the
 * read take about as long, and the export renders only when both are done.
 */
export async function buildSite(
  options: SiteBuildOptions = {},
): Promise<{ outDir: string; stats: ExportStats }> {
  const outDir = path.resolve(siteDir, options.outDir ?? process.env.SITE_OUT_DIR ?? 'dist');
  const compiled = compileRenderer({ quiet: options.quiet, force: options.recompile });
  const stats = await exportApart(
    {
      outDir,
      siteUrl: options.siteUrl ?? process.env.SITE_URL ?? 'http://localhost:4321',
      cmsUrl: options.cmsUrl,
      token: options.token,
    },
    compiled,
  ).catch(async (error: unknown) => {
    // A failed export (the CMS is down) must not end this process while it compiles: the
    // compile's process would go on without the lock this one holds, and the next build could
    // compile into the same folder beside it.
    await compiled.catch(() => undefined);
    throw error;
  });
  const started = performance.now();
  const searchDir = path.join(outDir, SEARCH_DIR);
  await writeSearchIndex(outDir, searchDir);
  const compressor = new Precompressor(searchDir);
  await compressor.finish();
  await pagefind.close();
  stats.seconds.search = (performance.now() - started) / 1000;
  stats.searchIndex = 'written';
  stats.compressed.made += compressor.counts.compressed;
  return { outDir, stats };
}
