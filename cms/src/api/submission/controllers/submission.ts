import type { Context } from 'koa';
import type { SubmissionKind } from '@hub/shared';
import { SUBMISSION_FORMS, SUBMISSION_THANKS_PATH, sentField } from '@hub/shared';
import { requestBudgetKey } from '../../../hub/submissions/client-address';
import {
  answerFormPage,
  answerJson,
  onlyTokenStoodInTheWay,
  siteNameOf,
  wantsPage,
  type SubmissionAnswer,
} from '../../../hub/submissions/responses';
import { submissionDesk } from '../../../hub/submissions/desk-instance';
import { cmsMetrics } from '../../../hub/metrics/cms-metrics';
import type { Core } from '@strapi/strapi';

declare const strapi: Core.Strapi;

/** What was typed into the form's own fields, to show it again. */
function typedValues(kind: SubmissionKind, body: unknown): Record<string, string> {
  const values: Record<string, string> = {};
  if (typeof body !== 'object' || body === null) return values;
  for (const field of SUBMISSION_FORMS[kind].fields) {
    const value = sentField(body, field.name);
    if (typeof value === 'string') values[field.name] = value;
  }
  return values;
}

async function answer(ctx: Context, kind: SubmissionKind, body: unknown, result: SubmissionAnswer) {
  const desk = submissionDesk();
  ctx.set('Cache-Control', 'no-store');
  if (result.retryAfter) ctx.set('Retry-After', String(result.retryAfter));
  if (!wantsPage(ctx)) {
    ctx.status = result.status;
    ctx.body = answerJson(result);
    return;
  }
  if (result.status === 201) {
    // Relative: the form came through the site's own address, and goes on to its thank-you page.
    ctx.status = 303;
    ctx.set('Location', SUBMISSION_THANKS_PATH);
    return;
  }
  // The form again: with its problems, or, when only the token stood in the way (none yet, too
  // old, or used already), to check it and send it once more (not an error).
  ctx.status = onlyTokenStoodInTheWay(result) ? 200 : result.status;
  ctx.type = 'html';
  ctx.body = answerFormPage(SUBMISSION_FORMS[kind], result, {
    values: typedValues(kind, body),
    token: desk.tokens.issue(),
    siteName: await siteNameOf(strapi),
  });
}

async function receive(ctx: Context, kind: SubmissionKind) {
  const desk = submissionDesk();
  const address = requestBudgetKey(ctx, desk.settings.trustedProxies);
  const body: unknown = ctx.request.body;
  const result = await desk.receive(kind, body, address);
  if (result.reason) cmsMetrics().refused(kind, result.reason);
  else cmsMetrics().accepted(kind);
  await answer(ctx, kind, body, result);
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
