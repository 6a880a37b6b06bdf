/**
 * A long-running build process for the publisher. It keeps the compiled site loaded between
 * builds, so a publish costs reading the CMS and rendering, not starting Node, loading Astro
 * and compiling; and it renders only the pages whose content changed since its last build.
 * It takes one request at a time over the IPC channel:
 *   -> { id, outDir, siteUrl, cmsUrl, token, search? }   a build
 *   <- { id, ok: true, stats } | { id, ok: false, error, kind }
 *   -> { id, searchIndexOf }                               the new search index of a live build
 *   <- { id, ok: true, search } | { id, ok: false, error, kind }
 * `kind` says why a build failed (BuildFailureKind), decided here, where the error is still an
 * object with its class and stack; over the channel only its message would be left.
 * A code change is picked up before the next build (compileRenderer checks the sources).
 */
import { ExportMemory, exportSite } from './export-site';
import { imageCacheDir } from './site-images';
import { currentCompiledSite } from './renderer';
import { prepareSearchIndex } from './search-index';
// The publisher's one classification of build errors: this process exists only for it.
import { classifyBuildError } from './build-failure';

/** One build the publisher asks for. */
export interface BuildRequest {
  id: string;
  outDir: string;
  siteUrl: string;
  cmsUrl: string;
  token: string;
  /**
   * `defer`: go live with the last build's search index and make the new one afterwards
   * (SearchIndexRequest); the first build of this process writes its own. Default `write`.
   */
  search?: 'write' | 'defer';
  /**
   * Where this process keeps a spare release between builds (see spare-release.ts), outside
   * the folders the publisher prunes; none: every build starts from an empty folder.
   */
  spareDir?: string;
}

/**
 * The new search index of a build that is live already, prepared in its folder beside the
 * index it has (see prepareSearchIndex); the publisher switches it in.
 */
export interface SearchIndexRequest {
  id: string;
  /** The build's folder. */
  searchIndexOf: string;
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
    search: request.search,
    spareDir: request.spareDir,
  });
}

async function answer(request: BuildRequest | SearchIndexRequest) {
  if ('searchIndexOf' in request)
    return { search: await prepareSearchIndex(request.searchIndexOf) };
  return { stats: await build(request) };
}

if (!process.send) {
  console.error('build-worker.ts runs as a child of the publisher (with an IPC channel).');
  process.exit(1);
}
let queue = Promise.resolve();
process.on('message', (request: BuildRequest | SearchIndexRequest) => {
  queue = queue.then(() =>
    answer(request).then(
      (result) => void process.send?.({ id: request.id, ok: true, ...result }),
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
