/**
 * What the two servers of the public site (the static server of the live folder and the static
 * front of the site bucket) read from the environment, and how they run: one place, so both
 * answer forms, log and stop alike.
 */
import type { FastifyInstance } from 'fastify';
import type { Logger } from '../../../site/scripts/http/log-format';

/** The settings both servers share; `log` is the service's logger (see serviceLogger). */
export function siteServerSettings(env: NodeJS.ProcessEnv, log: Logger) {
  const cmsOrigin = env.CMS_PUBLIC_URL ?? env.CMS_URL;
  return {
    cmsOrigin: cmsOrigin ? new URL(cmsOrigin).origin : undefined,
    // The site's forms post here; the server passes them on to the CMS.
    submissionsUpstream: env.CMS_URL,
    log: { info: log.info, error: log.error },
    // An access log, as a web server keeps one; SITE_LOG_REQUESTS=false switches it off.
    logRequests: env.SITE_LOG_REQUESTS !== 'false',
  };
}

/** Listens on SITE_HOST:SITE_PORT (127.0.0.1:4321), says what it serves, stops on a signal. */
export async function serveSite(
  server: FastifyInstance,
  env: NodeJS.ProcessEnv,
  what: string,
  log: Logger,
): Promise<void> {
  const port = Number(env.SITE_PORT ?? 4321);
  await server.listen({ port, host: env.SITE_HOST ?? '127.0.0.1' });
  log.info(`Serving ${what} on :${port}`);
  const stop = () => void server.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
