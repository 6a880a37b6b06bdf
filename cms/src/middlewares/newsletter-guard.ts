import type { IncomingMessage } from 'node:http';
import type { Context, Next } from 'koa';
import type { Core } from '@strapi/strapi';
import { NEWSLETTER_API_PATH, NEWSLETTER_MAX_BODY_BYTES } from '@hub/shared';
import { requestBudgetKey } from '../hub/submissions/client-address';
import { isCrossSitePost } from '../hub/submissions/cross-site';
import { submissionDesk } from '../hub/submissions/desk-instance';
import { readBodyAtMost, replayedRequest } from '../hub/submissions/read-body';
import { MESSAGES, siteNameOf, wantsPage } from '../hub/submissions/responses';
import { formStoppedPage } from '../hub/newsletter/subscriptions/pages';

declare const strapi: Core.Strapi;

/** Posts whose body is read: the sign-up form, and the subscriber's choices. */
const WITH_BODY = ['subscribe', 'manage'].map((name) => `${NEWSLETTER_API_PATH}${name}`);
/**
 * Posts whose link says it all (its token): a button, or a mail program's one-click
 * unsubscribe (RFC 8058, which may send multipart). Their body is read, counted and dropped.
 */
const WITHOUT_BODY = ['confirm', 'unsubscribe'].map((name) => `${NEWSLETTER_API_PATH}${name}`);
/**
 * Leaving is never refused for where it comes from: a mail program posts from its own servers,
 * and a forged post would need the subscriber's own link, which only leaves.
 */
const FROM_ANYWHERE = `${NEWSLETTER_API_PATH}unsubscribe`;

async function refuse(ctx: Context, status: number, message: string, retryAfter?: number) {
  ctx.status = status;
  ctx.set('Cache-Control', 'no-store');
  if (retryAfter) ctx.set('Retry-After', String(retryAfter));
  if (wantsPage(ctx)) {
    ctx.type = 'html';
    ctx.body = formStoppedPage(await siteNameOf(strapi), message, status === 403);
    return;
  }
  ctx.body = { ok: false, errors: [{ field: '', message }] };
}

/**
 * Makes the request look bodiless to Strapi's parser (which reads the type from the original
 * request's headers), so a multipart one-click post is never parsed; returns the undo.
 */
function withoutBody(request: IncomingMessage): () => void {
  const { headers } = request;
  const saved = { type: headers['content-type'], length: headers['content-length'] };
  delete headers['content-type'];
  headers['content-length'] = '0';
  return () => {
    if (saved.type !== undefined) headers['content-type'] = saved.type;
    if (saved.length !== undefined) headers['content-length'] = saved.length;
    else delete headers['content-length'];
  };
}

/**
 * The submission guard's defences for the newsletter's posts, before Strapi's body parser
 * (see submission-guard.ts, whose helpers it uses): the shared attempt budget per address (429),
 * same-origin posts (403; not for unsubscribing), a body of at most NEWSLETTER_MAX_BODY_BYTES,
 * counted as it arrives (413), JSON or a plain form only where a body is read (415), and what
 * the parser cannot read (400). Bad input never gets a 5xx.
 */
export default () => async (ctx: Context, next: Next) => {
  if (ctx.method !== 'POST') return next();
  const path = ctx.path.replace(/\/$/, '');
  const readsBody = WITH_BODY.includes(path);
  if (!readsBody && !WITHOUT_BODY.includes(path)) return next();
  const desk = submissionDesk();
  const retryAfter = await desk.countAttempt(requestBudgetKey(ctx, desk.settings.trustedProxies));
  if (retryAfter > 0) {
    const minutes = Math.ceil(desk.settings.attemptLimit.windowMs / 60_000);
    return refuse(ctx, 429, MESSAGES.tooManyAttempts(minutes), retryAfter);
  }
  const source = { origin: ctx.get('Origin'), fetchSite: ctx.get('Sec-Fetch-Site') };
  if (path !== FROM_ANYWHERE && isCrossSitePost(source, desk.settings.siteOrigin)) {
    return refuse(ctx, 403, MESSAGES.crossSite);
  }
  if (Number(ctx.get('Content-Length') || 0) > NEWSLETTER_MAX_BODY_BYTES) {
    return refuse(ctx, 413, MESSAGES.tooLarge);
  }
  const encoding = ctx.get('Content-Encoding').trim().toLowerCase();
  const readable =
    Boolean(ctx.is('application/json', 'application/x-www-form-urlencoded')) &&
    /^(identity)?$/.test(encoding);
  if (readsBody && !readable) return refuse(ctx, 415, MESSAGES.wrongType);

  const original = ctx.req;
  let body: Buffer | 'too-large';
  try {
    body = await readBodyAtMost(original, NEWSLETTER_MAX_BODY_BYTES);
  } catch {
    // The client went away; nobody reads this answer.
    return refuse(ctx, 400, MESSAGES.unreadable);
  }
  if (body === 'too-large') return refuse(ctx, 413, MESSAGES.tooLarge);
  ctx.req = replayedRequest(original, readsBody ? body : Buffer.alloc(0));
  const restoreHeaders = readsBody ? () => undefined : withoutBody(original);
  try {
    await next();
  } catch (error) {
    const status = (error as { status?: number }).status ?? 500;
    if (status === 413) return refuse(ctx, 413, MESSAGES.tooLarge);
    if (status >= 400 && status < 500) return refuse(ctx, 400, MESSAGES.unreadable);
    throw error;
  } finally {
    restoreHeaders();
    ctx.req = original;
  }
};
