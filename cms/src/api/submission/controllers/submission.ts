import type { Context } from 'koa';
import type { SubmissionKind } from '@hub/shared';
import { SUBMISSION_FORMS, SUBMISSION_THANKS_PATH } from '@hub/shared';
import { clientAddress } from '../../../hub/submissions/client-address';
import { answerJson, answerPage, type SubmissionAnswer } from '../../../hub/submissions/responses';
import { submissionDesk } from '../../../hub/submissions/desk-instance';

/** A browser's own form post (no JavaScript) wants a page back; anything else gets JSON. */
const wantsPage = (ctx: Context) =>
  ctx.is('application/x-www-form-urlencoded') === 'application/x-www-form-urlencoded' &&
  ctx.accepts(['json', 'html']) === 'html';

function answer(ctx: Context, kind: SubmissionKind, result: SubmissionAnswer) {
  const { settings } = submissionDesk();
  ctx.set('Cache-Control', 'no-store');
  if (result.retryAfter) ctx.set('Retry-After', String(result.retryAfter));
  if (wantsPage(ctx)) {
    if (result.status === 201 && settings.siteUrl) {
      ctx.redirect(new URL(SUBMISSION_THANKS_PATH, settings.siteUrl).toString());
      ctx.status = 303;
      return;
    }
    ctx.status = result.status;
    ctx.type = 'html';
    const formUrl = settings.siteUrl
      ? new URL(SUBMISSION_FORMS[kind].path, settings.siteUrl).toString()
      : null;
    ctx.body = result.status === 201 ? result.message : answerPage(result, formUrl);
    return;
  }
  ctx.status = result.status;
  ctx.body = answerJson(result);
}

async function receive(ctx: Context, kind: SubmissionKind) {
  const desk = submissionDesk();
  const address = clientAddress(
    ctx.req.socket.remoteAddress ?? '',
    ctx.get('X-Forwarded-For') || undefined,
    desk.settings.trustedProxies,
  );
  answer(ctx, kind, await desk.receive(kind, ctx.request.body, address));
}

export default {
  /** A fresh form token (see hub/submissions/form-token.ts). */
  async token(ctx: Context) {
    ctx.set('Cache-Control', 'no-store');
    ctx.body = { token: submissionDesk().tokens.issue() };
  },
  async goodPractice(ctx: Context) {
    await receive(ctx, 'good-practice');
  },
  async event(ctx: Context) {
    await receive(ctx, 'event');
  },
};
