import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { Core } from '@strapi/strapi';

/** What a signed newsletter link is for; a link signed for one purpose never works for another. */
export type NewsletterLinkPurpose = 'confirm' | 'unsubscribe' | 'manage';

/** How long a confirmation link works: unconfirmed sign-ups are deleted after this too. */
export const CONFIRM_LINK_LIFETIME_MS = 48 * 60 * 60_000;

/** The links a newsletter mail or page gives a subscriber, and the reader of their tokens. */
export interface NewsletterLinks {
  /** The double opt-in link of the confirmation mail; works for 48 hours. */
  confirmUrl(subscriber: { documentId: string }): string;
  /** One click (GET shows a button, POST leaves; RFC 8058 one-click POST too). Does not expire. */
  unsubscribeUrl(subscriber: { documentId: string }): string;
  /** The page to change parts and stadsdeel, or leave. Does not expire. */
  manageUrl(subscriber: { documentId: string }): string;
  /** The subscriber a token names, if it is signed by this hub, for this purpose and still good. */
  readToken(token: string, purpose: NewsletterLinkPurpose): { documentId: string } | null;
  /**
   * Whether a confirmation token is one of ours that has expired, so the page can say "this
   * link is too old" rather than "this link is wrong".
   */
  isExpiredConfirmToken(token: string): boolean;
}

/** Strapi's document ids: 24 lowercase letters and digits; anything else is not ours. */
const DOCUMENT_ID = /^[a-z0-9]{1,64}$/;
const ISSUED_AT = /^\d{1,15}$/;

/** The key for newsletter links, derived from APP_KEYS so every CMS instance that shares them agrees. */
function linkKey(strapi: Core.Strapi): string {
  const keys = (strapi.config.get('server.app.keys') as string[] | undefined) ?? [];
  if (keys.length === 0) throw new Error('APP_KEYS is not set: newsletter links cannot be signed.');
  return createHash('sha256')
    .update(`hub-newsletter:${keys.join(',')}`)
    .digest('hex');
}

/**
 * The public address the links point to: the site's own (SITE_URL), whose web server passes
 * /api/newsletter/ on to the CMS, so a subscriber never sees the CMS's host name.
 */
export function newsletterSiteUrl(env: NodeJS.ProcessEnv = process.env): string {
  return (env.SITE_URL?.trim() || 'http://localhost:4321').replace(/\/+$/, '');
}

/**
 * Signed links for subscribers. A token is the subscriber's document id (and, for confirmation,
 * the moment it was made) with an HMAC-SHA256 over the purpose and those parts. Unsubscribe and
 * manage links do not expire: they name one subscriber row, which unsubscribing deletes, so an
 * old link then finds nobody and says so.
 */
export function newsletterLinks(
  strapi: Core.Strapi,
  now: () => number = Date.now,
): NewsletterLinks {
  const key = linkKey(strapi);
  const base = newsletterSiteUrl();
  const sign = (purpose: NewsletterLinkPurpose, payload: string) =>
    createHmac('sha256', key).update(`${purpose}:${payload}`).digest('base64url');
  const tokenFor = (purpose: NewsletterLinkPurpose, documentId: string): string => {
    const payload = purpose === 'confirm' ? `${documentId}.${now()}` : documentId;
    return `${payload}.${sign(purpose, payload)}`;
  };
  /** The parts of a token signed by us for `purpose`, whatever its age; null for anything else. */
  const verify = (
    token: unknown,
    purpose: NewsletterLinkPurpose,
  ): { documentId: string; issuedAt: number | null } | null => {
    if (typeof token !== 'string' || token.length > 200) return null;
    const parts = token.split('.');
    const signature = parts.pop() ?? '';
    const [documentId = '', issuedAt] = parts;
    const shapeFits =
      DOCUMENT_ID.test(documentId) &&
      (purpose === 'confirm'
        ? parts.length === 2 && ISSUED_AT.test(issuedAt ?? '')
        : parts.length === 1);
    if (!shapeFits) return null;
    const expected = Buffer.from(sign(purpose, parts.join('.')));
    const given = Buffer.from(signature);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
    return { documentId, issuedAt: purpose === 'confirm' ? Number(issuedAt) : null };
  };
  const url = (path: string, purpose: NewsletterLinkPurpose, documentId: string) =>
    `${base}/api/newsletter/${path}?token=${encodeURIComponent(tokenFor(purpose, documentId))}`;

  return {
    confirmUrl: ({ documentId }) => url('confirm', 'confirm', documentId),
    unsubscribeUrl: ({ documentId }) => url('unsubscribe', 'unsubscribe', documentId),
    manageUrl: ({ documentId }) => url('manage', 'manage', documentId),
    readToken(token, purpose) {
      const signed = verify(token, purpose);
      if (!signed) return null;
      // A link from the future was signed by a clock ahead of ours; it is ours all the same.
      if (signed.issuedAt !== null && now() - signed.issuedAt > CONFIRM_LINK_LIFETIME_MS)
        return null;
      return { documentId: signed.documentId };
    },
    isExpiredConfirmToken(token) {
      const signed = verify(token, 'confirm');
      return signed !== null && now() - (signed.issuedAt ?? 0) > CONFIRM_LINK_LIFETIME_MS;
    },
  };
}
