/** Serves the live site (the publisher's `live` folder) on SITE_PORT, default 4321. */
import path from 'node:path';
import { repoRoot } from './lib/paths';
import { createStaticServer } from './static-server/server';

const env = process.env;
const root = path.resolve(repoRoot, env.PUBLISH_DIR ?? path.join('site', '.publish'), 'live');
const cmsOrigin = env.CMS_PUBLIC_URL ?? env.CMS_URL;
const server = await createStaticServer({
  root,
  cmsOrigin: cmsOrigin ? new URL(cmsOrigin).origin : undefined,
  // The site's forms post here; this server passes them on to the CMS.
  submissionsUpstream: env.CMS_URL,
  log: { info: (line) => console.log(line), error: (line) => console.error(line) },
  // An access log, as a web server keeps one; SITE_LOG_REQUESTS=false switches it off.
  logRequests: env.SITE_LOG_REQUESTS !== 'false',
});
const port = Number(env.SITE_PORT ?? 4321);
await server.listen({ port, host: env.SITE_HOST ?? '127.0.0.1' });
console.log(`Serving ${root} on :${port}`);
const stop = () => void server.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
