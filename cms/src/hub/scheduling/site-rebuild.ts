import type { Core } from '@strapi/strapi';
import { PUBLISHER_SECRET_HEADER } from '../bootstrap/publisher-webhook';

/**
 * Asks the publisher to build the site again although no content changed: the agenda, the home
 * page and the district pages list what is still to come, so time alone changes them (an event
 * that has ended moves to the archive). Needs PUBLISHER_URL and PUBLISHER_SECRET, as the webhook.
 */
export async function requestSiteRebuild(
  strapi: Core.Strapi,
  env: NodeJS.ProcessEnv = process.env,
): Promise<'not-configured' | 'requested' | 'failed'> {
  const url = env.PUBLISHER_URL?.trim();
  const secret = env.PUBLISHER_SECRET?.trim();
  if (!url || !secret) return 'not-configured';
  try {
    const answer = await fetch(new URL('/build', url), {
      method: 'POST',
      headers: { [PUBLISHER_SECRET_HEADER]: secret },
      signal: AbortSignal.timeout(10_000),
    });
    if (answer.status === 202) return 'requested';
    strapi.log.warn(`[hub] The publisher refused the planned rebuild (HTTP ${answer.status}).`);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    strapi.log.warn(`[hub] The publisher could not be reached for the planned rebuild: ${message}`);
  }
  return 'failed';
}
