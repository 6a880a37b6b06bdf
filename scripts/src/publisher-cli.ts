/**
 * The publisher: receives the CMS's webhooks and rebuilds the site (see publisher/publisher.ts).
 * Configured by environment; documented in the README under "Publishing".
 */
import path from 'node:path';
import { cmsConnection } from '../../site/src/loaders/connection';
import { createPublisherServer } from './publisher/http';
import { Publisher } from './publisher/publisher';
import { imageCacheDir } from '../../site/scripts/site-images';
import {
  publisherSettings,
  siteBucketSettings,
  type PublisherSettings,
  type SiteBucketSettings,
} from './publisher/settings';
import { SiteBucket } from './publisher/site-bucket';
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
let bucketSettings: SiteBucketSettings | null;
try {
  settings = publisherSettings(env);
  bucketSettings = siteBucketSettings(env);
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}

const log = (line: string) => console.log(line);
const root = path.resolve(repoRoot, env.PUBLISH_DIR ?? path.join('site', '.publish'));
// With PUBLISH_S3_BUCKET, every good build and every rollback is uploaded to the site bucket
// before it goes live locally; without it, nothing changes.
const siteBucket = bucketSettings
  ? new SiteBucket({
      settings: bucketSettings.s3,
      stateFile: path.join(root, 'site-bucket.json'),
      graceMs: bucketSettings.graceMs,
      log,
    })
  : undefined;
siteBucket?.startRemovalTimer();
const publisher = new Publisher({
  root,
  siteDir,
  cms: () => cmsConnection(env),
  siteUrl: env.SITE_URL ?? 'http://localhost:4321',
  ...settings,
  imageCacheDir: imageCacheDir(),
  siteBucket,
  log,
});

await publisher.load();
const port = Number(env.PUBLISHER_PORT ?? 4322);
const server = createPublisherServer(publisher, secret, {
  info: log,
  error: (line) => console.error(line),
});
await server.listen({ port, host: env.PUBLISHER_HOST ?? '127.0.0.1' });
log(
  `Publisher listening on :${port}; publishing to ` +
    (siteBucket ? `the site bucket ${siteBucket.bucket} (${siteBucket.publicUrl})` : root),
);
// The bucket may be new or behind (a failed upload): bring it up to the live build first.
void publisher.syncLive();
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
