/**
 * The publisher: receives the CMS's webhooks and rebuilds the site (see publisher/publisher.ts).
 * Configured by environment; documented in the README under "Publishing".
 */
import path from 'node:path';
import { cmsConnection } from '../../site/src/loaders/connection';
import { createPublisherServer } from './publisher/http';
import { Publisher } from './publisher/publisher';
import { imageCacheDir } from '../../site/scripts/site-images';
import { publisherSettings, type PublisherSettings } from './publisher/settings';
import { repoRoot, siteDir } from './lib/paths';

const env = process.env;
const secret = env.PUBLISHER_SECRET?.trim() ?? '';
if (!secret) {
  console.error(
    'PUBLISHER_SECRET is not set: the publisher will not accept webhooks without a shared secret.',
  );
  process.exit(1);
}
// The site build's own way to the CMS and its token (SITE_BUILD_TOKEN or the file the CMS writes),
// asked again for every build: the CMS renews the token file when it is lost.
try {
  cmsConnection(env);
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}

let settings: PublisherSettings;
try {
  settings = publisherSettings(env);
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}

const log = (line: string) => console.log(line);
const publisher = new Publisher({
  root: path.resolve(repoRoot, env.PUBLISH_DIR ?? path.join('site', '.publish')),
  siteDir,
  cms: () => cmsConnection(env),
  siteUrl: env.SITE_URL ?? 'http://localhost:4321',
  ...settings,
  imageCacheDir: imageCacheDir(),
  log,
});

await publisher.load();
const port = Number(env.PUBLISHER_PORT ?? 4322);
const server = createPublisherServer(publisher, secret, {
  info: log,
  error: (line) => console.error(line),
});
await server.listen({ port, host: env.PUBLISHER_HOST ?? '127.0.0.1' });
log(`Publisher listening on :${port}`);
// Content may have changed while the publisher was down: build once at start.
publisher.queue.notify();

const stop = () => {
  publisher.queue.stop();
  void server.close();
  void publisher.queue.idle().then(() => {
    publisher.close();
    process.exit(0);
  });
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
