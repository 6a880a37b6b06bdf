import type { Context } from 'koa';
import type { Core } from '@strapi/strapi';
import {
  NEWSLETTER_CHECK_MAIL_PATH,
  NEWSLETTER_FIELDS,
  sentField,
  validateNewsletterChoices,
  type NewsletterFormState,
} from '@hub/shared';
import { requestBudgetKey } from '../../../hub/submissions/client-address';
import { submissionDesk } from '../../../hub/submissions/desk-instance';
import {
  MESSAGES,
  onlyTokenStoodInTheWay,
  siteNameOf,
  wantsPage,
} from '../../../hub/submissions/responses';
import {
  SIGNUP_MESSAGES,
  signupJson,
  signupNotice,
} from '../../../hub/newsletter/subscriptions/answers';
import { choicesInWords } from '../../../hub/newsletter/subscriptions/mails';
import {
  alreadyGonePage,
  confirmedPage,
  confirmPromptPage,
  formStoppedPage,
  linkExpiredPage,
  managePage,
  unsubscribedPage,
  unsubscribePromptPage,
  signupFormPage,
  wrongLinkPage,
} from '../../../hub/newsletter/subscriptions/pages';
import { subscriptionDesk } from '../../../hub/newsletter/subscriptions/subscription-desk';

declare const strapi: Core.Strapi;

const desk = () => subscriptionDesk(strapi);

/** The token of a link, from its query; '' when there is none or more than one. */
const linkToken = (ctx: Context) => (typeof ctx.query.token === 'string' ? ctx.query.token : '');

/** A link's address on this site (path and query), for the forms and links of the pages. */
const sitePath = (url: string) => {
  const { pathname, search } = new URL(url);
  return `${pathname}${search}`;
};

/**
 * Answers with a whole page; never cached (they carry links with tokens), never indexed. The
 * address with its token goes to no other site as a referrer; not 'no-referrer', with which a
 * browser sends `Origin: null` on the page's own button, which the guard must refuse.
 */
function page(ctx: Context, status: number, html: string) {
  ctx.status = status;
  ctx.type = 'html';
  ctx.set('Cache-Control', 'no-store');
  ctx.set('Referrer-Policy', 'same-origin');
  ctx.body = html;
}

/** What was typed into the sign-up form, to show it again. */
function typedValues(body: unknown): NewsletterFormState['values'] {
  if (typeof body !== 'object' || body === null) return {};
  const email = sentField(body, NEWSLETTER_FIELDS.email);
  const parts = sentField(body, NEWSLETTER_FIELDS.parts);
  const district = sentField(body, NEWSLETTER_FIELDS.district);
  return {
    email: typeof email === 'string' ? email : '',
    parts:
      typeof parts === 'string'
        ? [parts]
        : Array.isArray(parts)
          ? parts.filter((part): part is string => typeof part === 'string')
          : [],
    district: typeof district === 'string' ? district : '',
  };
}

export default {
  /** A form token for the sign-up form, and whether sign-up is open (a mail server is set). */
  async token(ctx: Context) {
    ctx.set('Cache-Control', 'no-store');
    const { open } = desk().settings;
    ctx.body = open
      ? {
          open,
          token: desk().issueFormToken(),
          minFillSeconds: submissionDesk().settings.minFillMs / 1000,
        }
      : { open, message: SIGNUP_MESSAGES.closed };
  },

  async subscribe(ctx: Context) {
    const body: unknown = ctx.request.body;
    const address = requestBudgetKey(ctx, submissionDesk().settings.trustedProxies);
    const result = await desk().subscribe(body, address);
    ctx.set('Cache-Control', 'no-store');
    if (result.kind === 'too-many') ctx.set('Retry-After', String(result.retryAfter));
    const json = signupJson(result);
    if (!wantsPage(ctx)) {
      ctx.status = json.status;
      ctx.body = json.body;
      return;
    }
    if (result.kind === 'accepted') {
      // Relative: the form came through the site's own address, and goes on to its page.
      ctx.status = 303;
      ctx.set('Location', NEWSLETTER_CHECK_MAIL_PATH);
      return;
    }
    const siteName = await siteNameOf(strapi);
    if (result.kind !== 'form') {
      return page(
        ctx,
        json.status,
        formStoppedPage(siteName, json.body.errors?.[0]?.message ?? MESSAGES.unreadable, false),
      );
    }
    const answer = {
      status: result.status,
      errors: result.errors,
      tokenProblem: result.tokenProblem,
    };
    page(
      ctx,
      onlyTokenStoodInTheWay(answer) ? 200 : result.status,
      signupFormPage(siteName, {
        values: typedValues(body),
        errors: result.errors,
        notice: signupNotice(result),
        token: desk().issueFormToken(),
      }),
    );
  },

  async confirmPrompt(ctx: Context) {
    await answerConfirm(ctx, false);
  },
  async confirm(ctx: Context) {
    await answerConfirm(ctx, true);
  },

  /** GET: one button, since mail scanners follow links and must not unsubscribe anyone. */
  async unsubscribePrompt(ctx: Context) {
    const siteName = await siteNameOf(strapi);
    const found = await desk().subscriberOf(linkToken(ctx), 'unsubscribe');
    if (found === null) return page(ctx, 400, wrongLinkPage(siteName));
    if (found === 'gone') return page(ctx, 200, alreadyGonePage(siteName));
    page(
      ctx,
      200,
      unsubscribePromptPage(
        siteName,
        sitePath(desk().links.unsubscribeUrl(found)),
        sitePath(desk().links.manageUrl(found)),
      ),
    );
  },

  /**
   * POST: leaves at once, the row deleted. The page's button and a mail program's one-click
   * (RFC 8058, body `List-Unsubscribe=One-Click`) both land here; the link's token is all that
   * counts, the body is not read. Leaving twice is no error.
   */
  async unsubscribe(ctx: Context) {
    const siteName = await siteNameOf(strapi);
    const found = await desk().subscriberOf(linkToken(ctx), 'unsubscribe');
    if (found === null) return page(ctx, 400, wrongLinkPage(siteName));
    if (found === 'gone') return page(ctx, 200, alreadyGonePage(siteName));
    await desk().store.remove(found.documentId);
    strapi.log.info('[hub] A newsletter subscriber left; the address was deleted.');
    page(ctx, 200, unsubscribedPage(siteName));
  },

  async manage(ctx: Context) {
    const siteName = await siteNameOf(strapi);
    const found = await desk().subscriberOf(linkToken(ctx), 'manage');
    if (found === null) return page(ctx, 400, wrongLinkPage(siteName));
    if (found === 'gone') return page(ctx, 404, alreadyGonePage(siteName));
    page(
      ctx,
      200,
      managePage(
        siteName,
        {
          action: sitePath(desk().links.manageUrl(found)),
          values: { parts: found.parts, district: found.district ?? '' },
        },
        sitePath(desk().links.unsubscribeUrl(found)),
      ),
    );
  },

  async saveChoices(ctx: Context) {
    const siteName = await siteNameOf(strapi);
    const found = await desk().subscriberOf(linkToken(ctx), 'manage');
    if (found === null) return page(ctx, 400, wrongLinkPage(siteName));
    if (found === 'gone') return page(ctx, 404, alreadyGonePage(siteName));
    const body: unknown = ctx.request.body;
    const result = validateNewsletterChoices(body);
    const action = sitePath(desk().links.manageUrl(found));
    const unsubscribe = sitePath(desk().links.unsubscribeUrl(found));
    if (!result.ok) {
      const { parts, district } = typedValues(body) ?? {};
      return page(
        ctx,
        400,
        managePage(
          siteName,
          { action, values: { parts, district }, errors: result.errors },
          unsubscribe,
        ),
      );
    }
    await desk().store.changeChoices(found.documentId, result.values);
    page(
      ctx,
      200,
      managePage(
        siteName,
        {
          action,
          values: { parts: result.values.parts, district: result.values.district ?? '' },
          notice: {
            title: 'Je keuze is opgeslagen',
            text: `Je krijgt nu: ${choicesInWords(result.values)}.`,
          },
        },
        unsubscribe,
      ),
    );
  },
};

async function answerConfirm(ctx: Context, confirm: boolean) {
  const siteName = await siteNameOf(strapi);
  const token = linkToken(ctx);
  const answer = await desk().confirm(token, confirm);
  switch (answer.kind) {
    case 'wrong-link':
      return page(ctx, 400, wrongLinkPage(siteName));
    case 'expired':
      return page(ctx, 410, linkExpiredPage(siteName));
    case 'prompt':
      return page(
        ctx,
        200,
        confirmPromptPage(siteName, `${ctx.path}?token=${encodeURIComponent(token)}`),
      );
    case 'confirmed':
      return page(
        ctx,
        200,
        confirmedPage(
          siteName,
          choicesInWords(answer.subscriber),
          sitePath(desk().links.manageUrl(answer.subscriber)),
        ),
      );
  }
}
