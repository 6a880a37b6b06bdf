import type { Context, Next } from 'koa';
import { SUBMISSION_MAX_BODY_BYTES, SUBMISSIONS_API_PATH } from '@hub/shared';
import type { Core } from '@strapi/strapi';
import {
  MESSAGES,
  answerJson,
  answerMessagePage,
  formError,
  siteNameOf,
  wantsPage,
} from '../hub/submissions/responses';

declare const strapi: Core.Strapi;

async function refuse(ctx: Context, status: number, message: string) {
  ctx.status = status;
  ctx.set('Cache-Control', 'no-store');
  if (wantsPage(ctx)) {
    ctx.type = 'html';
    ctx.body = answerMessagePage(message, await siteNameOf(strapi));
    return;
  }
  ctx.body = answerJson(formError(status, message));
}

/**
 * Runs before Strapi's body parser, for the submission endpoints only: refuses a body that is too
 * large before it is read, or of a type the forms never send, and turns what the parser cannot
 * read (malformed JSON, a body larger than it said) into a Dutch 4xx instead of Strapi's English
 * one. Bad input never gets a 5xx.
 */
export default () => async (ctx: Context, next: Next) => {
  if (!ctx.path.startsWith(SUBMISSIONS_API_PATH) || ctx.method !== 'POST') return next();
  if (Number(ctx.get('Content-Length') || 0) > SUBMISSION_MAX_BODY_BYTES) {
    return refuse(ctx, 413, MESSAGES.tooLarge);
  }
  if (!ctx.is('application/json', 'application/x-www-form-urlencoded')) {
    return refuse(ctx, 415, MESSAGES.wrongType);
  }
  try {
    await next();
  } catch (error) {
    const status = (error as { status?: number }).status ?? 500;
    if (status === 413) return refuse(ctx, 413, MESSAGES.tooLarge);
    if (status >= 400 && status < 500) return refuse(ctx, 400, MESSAGES.unreadable);
    throw error;
  }
};
