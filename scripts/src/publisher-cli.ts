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
  failureMailSettings,
  publisherSettings,
  siteBucketSettings,
  type PublisherSettings,
  type SiteBucketSettings,
} from './publisher/settings';
import { SiteBucket } from './publisher/site-bucket';
import { FAILURES_BEFORE_MAIL, smtpMailer, type Mailer } from './publisher/failure-mail';
import { serviceLogger } from '../../site/scripts/http/log-format';
import { repoRoot, siteDir } from './lib/paths';

const env = process.env;
const logger = serviceLogger('publisher', env);
const log = logger.line;
/** A configuration error: said once, and the publisher does not start. */
function stopWith(error: unknown): never {
  logger.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
const secret = env.PUBLISHER_SECRET?.trim() ?? '';
if (!secret) {
  stopWith(
    'PUBLISHER_SECRET is not set: the publisher will not accept webhooks without a shared secret.',
  );
}
// The site build's own way to the CMS and its token (SITE_BUILD_TOKEN or the file the CMS writes),
// asked again for every build: the CMS renews the token file when it is lost.
try {
  cmsConnection(env);
} catch (error) {
  stopWith(error);
}

let settings: PublisherSettings;
let bucketSettings: SiteBucketSettings | null;
let mailer: Mailer | undefined;
try {
  settings = publisherSettings(env);
  bucketSettings = siteBucketSettings(env);
  const mail = failureMailSettings(env);
  if ('off' in mail) {
    log(`Failure mails are off (${mail.off}): editors are not mailed when builds keep failing.`);
  } else {
    mailer = smtpMailer(mail.mail, log);
    log(
      `Failure mails go to ${mail.mail.to.length} address(es) through ${mail.mail.host}:` +
        `${mail.mail.port} after ${FAILURES_BEFORE_MAIL} failed builds in a row.`,
    );
  }
} catch (error) {
  stopWith(error);
}
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
  mailer,
  log,
});

await publisher.load();
const port = Number(env.PUBLISHER_PORT ?? 4322);
const host = env.PUBLISHER_HOST ?? '127.0.0.1';
const server = createPublisherServer(
  publisher,
  secret,
  logger,
  host,
  env.METRICS_TOKEN?.trim() || undefined,
);
await server.listen({ port, host });
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
  // A mail about the last build still goes out (it gives up within a minute).
  void publisher.queue
    .idle()
    .then(() => publisher.mailsDone())
    .then(() => {
      publisher.close();
      process.exit(0);
    });
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
