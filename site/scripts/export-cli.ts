/**
 * Exports the site without its search index, as asked over the IPC channel by buildSite, which
 * runs this as a process of its own, compiles the site beside it and makes the index after it
 * ended (see build-site.ts).
 *   -> { request: ExportRequest }, then { compiledDir } or { compileError }, in any order
 *   <- { ok: true, stats } | { ok: false, error }
 */
import { cmsConnection } from '../src/loaders/connection';
import { exportSite } from './export-site';
import { loadCompiledSite, type CompiledSite } from './renderer';
import { imageCacheDir } from './site-images';

/** What buildSite asks of this process. */
export interface ExportRequest {
  outDir: string;
  siteUrl: string;
  cmsUrl?: string;
  token?: string;
}

/** What buildSite sends: the request, and where the compile it runs meanwhile put the site. */
export type ExportMessage =
  { request: ExportRequest } | { compiledDir: string } | { compileError: string };

async function exportOnce(request: ExportRequest, site: Promise<CompiledSite>) {
  const env = { ...process.env };
  if (request.cmsUrl) env.CMS_URL = request.cmsUrl;
  if (request.token) env.SITE_BUILD_TOKEN = request.token;
  return exportSite({
    site,
    outDir: request.outDir,
    siteUrl: request.siteUrl,
    connection: cmsConnection(env),
    imageCacheDir: imageCacheDir(),
    search: 'apart',
  });
}

let compiled: { resolve: (dir: string) => void; reject: (error: Error) => void };
const compiledDir = new Promise<string>((resolve, reject) => (compiled = { resolve, reject }));
// Loaded as soon as it is there; exportSite awaits it once the CMS is read.
const site = compiledDir.then(loadCompiledSite);
// Handled there; a compile that fails before the export starts must not end this process.
site.catch(() => undefined);

process.on('message', (message: ExportMessage) => {
  if ('compiledDir' in message) return compiled.resolve(message.compiledDir);
  if ('compileError' in message) return compiled.reject(new Error(message.compileError));
  exportOnce(message.request, site).then(
    (stats) => process.send?.({ ok: true, stats }, () => process.exit(0)),
    (error: unknown) =>
      process.send?.(
        { ok: false, error: error instanceof Error ? error.message : String(error) },
        () => process.exit(1),
      ),
  );
});
