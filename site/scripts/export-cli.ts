/**
 * Exports the site without its search index, as asked over the IPC channel by buildSite, which
 * runs this as a process of its own and makes the index after it ended (see build-site.ts).
 *   -> ExportRequest
 *   <- { ok: true, stats } | { ok: false, error }
 */
import { cmsConnection } from '../src/loaders/connection';
import { exportSite } from './export-site';
import { compileRendererApart, loadCompiledSite } from './renderer';
import { imageCacheDir } from './site-images';

/** What buildSite asks of this process. */
export interface ExportRequest {
  outDir: string;
  siteUrl: string;
  cmsUrl?: string;
  token?: string;
  quiet?: boolean;
  recompile?: boolean;
}

async function exportOnce(request: ExportRequest) {
  const env = { ...process.env };
  if (request.cmsUrl) env.CMS_URL = request.cmsUrl;
  if (request.token) env.SITE_BUILD_TOKEN = request.token;
  // Compiled apart while the CMS is read (see compileRendererApart).
  const site = compileRendererApart({ quiet: request.quiet, force: request.recompile }).then(
    loadCompiledSite,
  );
  return exportSite({
    site,
    outDir: request.outDir,
    siteUrl: request.siteUrl,
    connection: cmsConnection(env),
    imageCacheDir: imageCacheDir(),
    search: 'apart',
  });
}

process.once('message', (request: ExportRequest) => {
  exportOnce(request).then(
    (stats) => process.send?.({ ok: true, stats }, () => process.exit(0)),
    (error: unknown) =>
      process.send?.(
        { ok: false, error: error instanceof Error ? error.message : String(error) },
        () => process.exit(1),
      ),
  );
});
