/**
 * Serves previews of drafts on PREVIEW_PORT (default 4323), for the CMS's Preview button.
 * Needs PREVIEW_SECRET (the same as the CMS's), CMS_URL, the preview token (SITE_PREVIEW_TOKEN or
 * the file the CMS writes it to; the only token that may read drafts) and SITE_URL. `npm start`
 * runs it.
 */
import os from 'node:os';
import path from 'node:path';
import { previewConnection } from '../src/loaders/connection';
import { imageCacheDir } from './build-site';
import { createPreviewServer } from './preview-server';
import { currentCompiledSite } from './renderer';

const env = process.env;
const secret = env.PREVIEW_SECRET?.trim();
if (!secret) {
  console.error(
    'PREVIEW_SECRET is not set: the preview would be open to anyone. Set it, as in the CMS.',
  );
  process.exit(1);
}
const connection = previewConnection(env);
const server = createPreviewServer({
  site: currentCompiledSite(),
  connection,
  secret,
  siteUrl: env.SITE_URL ?? 'http://localhost:4321',
  cmsOrigin: new URL(env.CMS_PUBLIC_URL ?? connection.url).origin,
  imageDir: path.join(os.tmpdir(), 'hub-preview-images'),
  imageCacheDir: imageCacheDir(),
});
const port = Number(env.PREVIEW_PORT ?? 4323);
server.listen(port, env.PREVIEW_HOST ?? '127.0.0.1', () =>
  console.log(`Previews of drafts on :${port}`),
);
const stop = () => server.close(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
