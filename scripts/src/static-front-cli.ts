/**
 * Serves the site bucket (PUBLISH_S3_*, each falling back to S3_*) on SITE_PORT, default 4321:
 * the stand-in for a CDN in `npm run start:scale`. The site's forms go to CMS_URL.
 */
import { readS3Settings, type S3Settings } from '@hub/shared';
import { serviceLogger } from '../../site/scripts/http/log-format';
import { serveSite, siteServerSettings } from './lib/site-server-cli';
import { createStaticFront } from './static-front/server';

const env = process.env;
const log = serviceLogger('static-front', env);
let settings: S3Settings | null;
try {
  settings = readS3Settings(env, 'PUBLISH_S3_');
} catch (error) {
  log.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
if (!settings) {
  log.error('PUBLISH_S3_BUCKET is not set: the static front has no site bucket to serve.');
  process.exit(1);
}
const server = await createStaticFront({ settings, ...siteServerSettings(env, log) });
await serveSite(
  server,
  env,
  `the site bucket ${settings.bucket} (${settings.endpoint || 'AWS'})`,
  log,
);
