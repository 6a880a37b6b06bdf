import type { Context, Next } from 'koa';
import {
  SUBMISSION_FORMS,
  SUBMISSION_MAX_BODY_BYTES,
  SUBMISSIONS_API_PATH,
  type SubmissionKind,
} from '@hub/shared';
import type { Core } from '@strapi/strapi';
import { requestBudgetKey } from '../hub/submissions/client-address';
import { isCrossSitePost } from '../hub/submissions/cross-site';
import { cmsMetrics, type SubmissionRefusal } from '../hub/metrics/cms-metrics';
import { submissionDesk } from '../hub/submissions/desk-instance';
import { readBodyAtMost, replayedRequest } from '../hub/submissions/read-body';
import {
  MESSAGES,
  answerJson,
  answerMessagePage,
  formError,
  siteNameOf,
  wantsPage,
} from '../hub/submissions/responses';

declare const strapi: Core.Strapi;

/** The form posted to this endpoint, for a link back to it. */
const formAt = (path: string) =>
  Object.values(SUBMISSION_FORMS).find((form) => path.replace(/\/$/, '') === form.endpoint);

/** The kind of form an endpoint takes, or 'unknown' for a path no form posts to. */
const kindAt = (path: string) =>
  (Object.entries(SUBMISSION_FORMS).find(
    ([, form]) => path.replace(/\/$/, '') === form.endpoint,
  )?.[0] ?? 'unknown') as SubmissionKind | 'unknown';

async function refuse(
  ctx: Context,
  status: number,
  reason: SubmissionRefusal,
  message: string,
  options: { retryAfter?: number; linkToForm?: boolean } = {},
) {
  cmsMetrics().refused(kindAt(ctx.path), reason);
  ctx.status = status;
  ctx.set('Cache-Control', 'no-store');
  if (options.retryAfter) ctx.set('Retry-After', String(options.retryAfter));
  if (wantsPage(ctx)) {
    ctx.type = 'html';
    const form = options.linkToForm ? formAt(ctx.path) : undefined;
    ctx.body = answerMessagePage(message, await siteNameOf(strapi), form);
    return;
  }
  ctx.body = answerJson(formError(status, message));
}

/**
 * Runs before Strapi's body parser, for posts to the submission endpoints only, and refuses
 * with a Dutch 4xx (a page for a form sent without JavaScript):
 * - every post beyond the attempt budget of its address (SUBMISSION_ATTEMPT_LIMIT), 429;
 * - a post a browser sent from another site (see cross-site.ts), 403;
 * - a body larger than SUBMISSION_MAX_BODY_BYTES, 413: by its Content-Length before it is
 *   read, and otherwise by the bytes that actually arrive (a chunked body has no length);
 * - a type the forms never send, or a compressed body, 415;
 * - what the parser cannot read (malformed JSON), 400.
 * The body is read here, at most the limit, and handed to Strapi's parser as it arrived.
 * Bad input never gets a 5xx.
 */
export default () => async (ctx: Context, next: Next) => {
  if (!ctx.path.startsWith(SUBMISSIONS_API_PATH) || ctx.method !== 'POST') return next();
  const desk = submissionDesk();
  const retryAfter = await desk.countAttempt(requestBudgetKey(ctx, desk.settings.trustedProxies));
  if (retryAfter > 0) {
    const minutes = Math.ceil(desk.settings.attemptLimit.windowMs / 60_000);
    return refuse(ctx, 429, 'too-many-attempts', MESSAGES.tooManyAttempts(minutes), { retryAfter });
  }
  const source = { origin: ctx.get('Origin'), fetchSite: ctx.get('Sec-Fetch-Site') };
  if (isCrossSitePost(source, desk.settings.siteOrigin)) {
    return refuse(ctx, 403, 'cross-site', MESSAGES.crossSite, { linkToForm: true });
  }
  if (Number(ctx.get('Content-Length') || 0) > SUBMISSION_MAX_BODY_BYTES) {
    return refuse(ctx, 413, 'too-large', MESSAGES.tooLarge);
  }
  const encoding = ctx.get('Content-Encoding').trim().toLowerCase();
  if (
    !ctx.is('application/json', 'application/x-www-form-urlencoded') ||
    !/^(identity)?$/.test(encoding)
  ) {
    return refuse(ctx, 415, 'wrong-type', MESSAGES.wrongType);
  }

  const original = ctx.req;
  let body: Buffer | 'too-large';
  try {
    body = await readBodyAtMost(original, SUBMISSION_MAX_BODY_BYTES);
  } catch {
    // The client went away; nobody reads this answer.
    return refuse(ctx, 400, 'unreadable', MESSAGES.unreadable);
  }
  if (body === 'too-large') return refuse(ctx, 413, 'too-large', MESSAGES.tooLarge);
  ctx.req = replayedRequest(original, body);
  try {
    await next();
  } catch (error) {
    const status = (error as { status?: number }).status ?? 500;
    if (status === 413) return refuse(ctx, 413, 'too-large', MESSAGES.tooLarge);
    if (status >= 400 && status < 500) return refuse(ctx, 400, 'unreadable', MESSAGES.unreadable);
    throw error;
  } finally {
    ctx.req = original;
  }
};
