import type { Core } from '@strapi/strapi';

/** Name of the webhook that tells the publisher to rebuild the site. */
export const PUBLISHER_WEBHOOK_NAME = 'Publieke site bijwerken';

/** Header that carries the shared secret; the publisher compares it in constant time. */
export const PUBLISHER_SECRET_HEADER = 'X-Hub-Publisher-Secret';

/** Every change that can alter the public site: entries and media. */
const EVENTS = [
  'entry.create',
  'entry.update',
  'entry.delete',
  'entry.publish',
  'entry.unpublish',
  'media.create',
  'media.update',
  'media.delete',
];

interface Webhook {
  id: number | string;
  name: string;
  url: string;
  headers: Record<string, string>;
  events: string[];
  isEnabled: boolean;
}

/**
 * Registers (or updates) the webhook to the publisher when PUBLISHER_URL and PUBLISHER_SECRET
 * are set, so publishing reaches the site without anyone configuring anything. Idempotent:
 * one webhook with this name, pointing at the current URL with the current secret.
 */
export async function ensurePublisherWebhook(
  strapi: Core.Strapi,
): Promise<'none' | 'created' | 'updated' | 'unchanged'> {
  const url = process.env.PUBLISHER_URL?.trim();
  const secret = process.env.PUBLISHER_SECRET?.trim();
  if (!url || !secret) return 'none';
  const store = strapi.get('webhookStore');
  const runner = strapi.get('webhookRunner');
  const wanted = {
    name: PUBLISHER_WEBHOOK_NAME,
    url: new URL('/webhook', url).toString(),
    headers: { [PUBLISHER_SECRET_HEADER]: secret },
    events: EVENTS.filter((event) => Array.from(store.allowedEvents.values()).includes(event)),
    isEnabled: true,
  };
  const existing = ((await store.findWebhooks()) as Webhook[]).find(
    (webhook) => webhook.name === PUBLISHER_WEBHOOK_NAME,
  );
  if (!existing) {
    runner.add(await store.createWebhook(wanted));
    strapi.log.info(`[hub] Webhook to the publisher registered: ${wanted.url}`);
    return 'created';
  }
  const same =
    existing.url === wanted.url &&
    existing.isEnabled &&
    JSON.stringify(existing.headers) === JSON.stringify(wanted.headers) &&
    JSON.stringify([...existing.events].sort()) === JSON.stringify([...wanted.events].sort());
  if (same) return 'unchanged';
  runner.update(await store.updateWebhook(existing.id, wanted));
  return 'updated';
}
