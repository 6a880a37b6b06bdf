/**
 * Serves previews of drafts on PREVIEW_PORT (default 4323), for the CMS's Preview button.
 * Needs PREVIEW_SECRET (the same as the CMS's), CMS_URL, the preview token (SITE_PREVIEW_TOKEN or
 * the file the CMS writes it to; the only token that may read drafts) and SITE_URL. `npm start`
 * runs it.
 */
import os from 'node:os';
import path from 'node:path';
import { previewConnection } from '../src/loaders/connection';
import { createPreviewServer } from './preview-server';
import { currentCompiledSite } from './renderer';
import { imageCacheDir, pruneImages } from './site-images';
import { serviceLogger } from './http/log-format';

const env = process.env;
const secret = env.PREVIEW_SECRET?.trim();
if (!secret) {
  console.error(
    'PREVIEW_SECRET is not set: the preview would be open to anyone. Set it, as in the CMS.',
  );
  process.exit(1);
}
const connection = previewConnection(env);
const site = currentCompiledSite();
const imageDir = path.join(os.tmpdir(), 'hub-preview-images');
/** The preview's images are made again when needed: those not shown for a day are removed. */
const IMAGE_MAX_AGE_MS = 24 * 60 * 60_000;
let lastPrune = 0;
const log = serviceLogger('preview', env);
const server = await createPreviewServer({
  site,
  loadedSite: site.loaded,
  connection,
  secret,
  siteUrl: env.SITE_URL ?? 'http://localhost:4321',
  cmsOrigin: new URL(env.CMS_PUBLIC_URL ?? connection.url).origin,
  imageDir,
  imageCacheDir: imageCacheDir(),
  log,
  afterImages: () => {
    // At most once an hour, after an answer: pruning never holds up a preview.
    if (Date.now() - lastPrune < 60 * 60_000) return;
    lastPrune = Date.now();
    void pruneImages(path.join(imageDir, '_astro', 'img'), {
      olderThanMs: IMAGE_MAX_AGE_MS,
    }).catch((error: unknown) =>
      log.error(`Pruning the preview's images failed: ${String(error)}`),
    );
  },
});
const port = Number(env.PREVIEW_PORT ?? 4323);
await server.listen({ port, host: env.PREVIEW_HOST ?? '127.0.0.1' });
log.info(`Previews of drafts on :${port}`);
const stop = () => void server.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
