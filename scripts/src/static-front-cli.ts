/**
 * Serves the site bucket (PUBLISH_S3_*, each falling back to S3_*) on SITE_PORT, default 4321:
 * the stand-in for a CDN in `npm run start:scale`. The site's forms go to CMS_URL.
 */
import { readS3Settings, type S3Settings } from '@hub/shared';
import { createStaticFront } from './static-front/server';

const env = process.env;
let settings: S3Settings | null;
try {
  settings = readS3Settings(env, 'PUBLISH_S3_');
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
if (!settings) {
  console.error('PUBLISH_S3_BUCKET is not set: the static front has no site bucket to serve.');
  process.exit(1);
}
const cmsOrigin = env.CMS_PUBLIC_URL ?? env.CMS_URL;
const server = await createStaticFront({
  settings,
  cmsOrigin: cmsOrigin ? new URL(cmsOrigin).origin : undefined,
  submissionsUpstream: env.CMS_URL,
  log: { info: (line) => console.log(line), error: (line) => console.error(line) },
  // An access log, as a web server keeps one; SITE_LOG_REQUESTS=false switches it off.
  logRequests: env.SITE_LOG_REQUESTS !== 'false',
});
const port = Number(env.SITE_PORT ?? 4321);
await server.listen({ port, host: env.SITE_HOST ?? '127.0.0.1' });
console.log(
  `Serving the site bucket ${settings.bucket} (${settings.endpoint || 'AWS'}) on :${port}`,
);
const stop = () => void server.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
