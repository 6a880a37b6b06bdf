/**
 * A long-running build process for the publisher. It keeps the compiled site loaded between
 * builds, so a publish costs reading the CMS and rendering, not starting Node, loading Astro
 * and compiling; and it renders only the pages whose content changed since its last build.
 * It takes one request at a time over the IPC channel:
 *   -> { id, outDir, siteUrl, cmsUrl, token }
 *   <- { id, ok: true, stats } | { id, ok: false, error, kind }
 * `kind` says why a build failed (BuildFailureKind), decided here, where the error is still an
 * object with its class and stack; over the channel only its message would be left.
 * A code change is picked up before the next build (compileRenderer checks the sources).
 */
import { ExportMemory, exportSite } from './export-site';
import { imageCacheDir } from './site-images';
import { currentCompiledSite } from './renderer';
// The publisher's one classification of build errors: this process exists only for it.
import { classifyBuildError } from './build-failure';

/** One build the publisher asks for. */
export interface BuildRequest {
  id: string;
  outDir: string;
  siteUrl: string;
  cmsUrl: string;
  token: string;
}

const compiledSite = currentCompiledSite();
/** Kept between builds: an unchanged page is taken from the last build instead of rendered. */
const memory = new ExportMemory();

async function build(request: BuildRequest) {
  return exportSite({
    site: await compiledSite(),
    outDir: request.outDir,
    siteUrl: request.siteUrl,
    connection: { url: request.cmsUrl, token: request.token },
    imageCacheDir: imageCacheDir(),
    memory,
  });
}

if (!process.send) {
  console.error('build-worker.ts runs as a child of the publisher (with an IPC channel).');
  process.exit(1);
}
let queue = Promise.resolve();
process.on('message', (request: BuildRequest) => {
  queue = queue.then(() =>
    build(request).then(
      (stats) => void process.send?.({ id: request.id, ok: true, stats }),
      (error: unknown) =>
        void process.send?.({
          id: request.id,
          ok: false,
          error: error instanceof Error ? error.message : String(error),
          kind: classifyBuildError(error),
        }),
    ),
  );
});
process.on('disconnect', () => process.exit(0));
