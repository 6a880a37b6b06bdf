import type { Context, Next } from 'koa';
import type { Core } from '@strapi/strapi';
import { isPreviewToken } from '../hub/preview/preview-token';

/** The answer to a request for drafts without the preview token, in Strapi's error shape. */
export const DRAFTS_REFUSED = {
  data: null,
  error: {
    status: 403,
    name: 'ForbiddenError',
    message:
      'This token reads published content only: drafts (status other than "published") are for the preview token.',
    details: {},
  },
};

/**
 * Whether a parsed query string asks for anything but published content. Strapi reads drafts
 * for every `status` that is not exactly "published" (also `?status`, `?status=DRAFT` and
 * `?status[]=published`), so only that one value passes. `publicationState` is Strapi 4's name;
 * Strapi 5 ignores it, but only "live" is let through in case a plugin reads it.
 */
export function asksForDrafts(query: Record<string, unknown>): boolean {
  const has = (key: string) => Object.prototype.hasOwnProperty.call(query, key);
  return (
    (has('status') && query.status !== 'published') ||
    (has('publicationState') && query.publicationState !== 'live')
  );
}

/** The path as the router may understand it: decoded, lower-case, without doubled slashes. */
function normalisedPath(path: string): string {
  let decoded = path;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    // A path that cannot be decoded is checked as it is.
  }
  return decoded.toLowerCase().replace(/\/{2,}/g, '/');
}

/** The key in `Authorization: Bearer <key>`, as Strapi's API-token strategy reads it. */
function bearerKey(ctx: Context): string | null {
  const parts = (ctx.get('Authorization') || '').split(/\s+/);
  return parts.length === 2 && parts[0]?.toLowerCase() === 'bearer' ? (parts[1] ?? null) : null;
}

/**
 * Keeps drafts in the admin: a request to the REST content API that asks for drafts is refused
 * (403) unless it carries the preview server's token (see preview-token.ts). So the build token,
 * Strapi's own "Read Only" and "Full Access" tokens and any token an admin makes read and write
 * published content only. The admin panel's own API (/content-manager) is not touched.
 */
export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  const prefix = normalisedPath(String(strapi.config.get('api.rest.prefix', '/api')));
  const isContentApi = (path: string) => {
    const normalised = normalisedPath(path);
    return normalised === prefix || normalised.startsWith(`${prefix}/`);
  };
  return async (ctx: Context, next: Next) => {
    if (!isContentApi(ctx.path) || !asksForDrafts(ctx.query as Record<string, unknown>)) {
      return next();
    }
    const key = bearerKey(ctx);
    if (key && (await isPreviewToken(strapi, key))) return next();
    ctx.status = 403;
    ctx.set('Cache-Control', 'no-store');
    ctx.body = DRAFTS_REFUSED;
  };
};
