import fs from 'node:fs';
import type { Context } from 'koa';
import type { Core } from '@strapi/strapi';
import {
  escapeHtml,
  submissionFormHtml,
  type SubmissionError,
  type SubmissionForm,
  type SubmissionFormState,
} from '@hub/shared';
import type { TokenProblem } from './form-token';
import type { SubmissionRefusal } from '../metrics/cms-metrics';

export type { TokenProblem } from './form-token';

/** What a submission endpoint answers: a status and Dutch messages. */
export interface SubmissionAnswer {
  status: number;
  /** For a success: the thank-you text. */
  message?: string;
  /** Problems with the fields ('' for the form as a whole). */
  errors?: SubmissionError[];
  /** Set when the form token did not allow the submission (the fields may be fine). */
  tokenProblem?: TokenProblem;
  /** Seconds, for a 429. */
  retryAfter?: number;
  /** Why it was refused (for the metrics); unset for a submission that was stored. */
  reason?: SubmissionRefusal;
}

/** The answer, marked as a refusal for `reason`. */
export const refused = (reason: SubmissionRefusal, answer: SubmissionAnswer): SubmissionAnswer => ({
  ...answer,
  reason,
});

export const MESSAGES = {
  thanks: 'Bedankt! De redactie bekijkt je aanmelding en neemt zo nodig contact met je op.',
  unreadable: 'We konden het formulier niet lezen. Probeer het opnieuw.',
  tooLarge: 'Het formulier is te groot. Maak de teksten korter en probeer het opnieuw.',
  wrongType: 'Stuur het formulier als gewoon formulier of als JSON.',
  tooMany: (minutes: number) =>
    `Je hebt net al een paar keer iets ingestuurd. Probeer het over ${minutes} minuten opnieuw.`,
  tooManyAttempts: (minutes: number) =>
    `Je hebt het formulier heel vaak verstuurd. Probeer het over ${minutes} minuten opnieuw.`,
  crossSite:
    'Je kunt dit formulier alleen versturen op onze eigen website. Open het formulier daar en vul het in.',
  tokenMissing: 'Het formulier is verlopen. Laad de pagina opnieuw en vul het nog een keer in.',
  tokenUsed:
    'Dit formulier is al verstuurd. Wil je nog iets aanmelden? Laad de pagina opnieuw en vul het formulier nog een keer in.',
  tooFast: 'Dat ging wel erg snel. Wacht een paar seconden en verstuur het formulier opnieuw.',
  notSaved: 'Je aanmelding kon niet worden opgeslagen. Probeer het later nog eens.',
} as const;

/**
 * What a form sent without JavaScript shows when only its token stood in the way: the form
 * again, as filled in, with a fresh token, and a request to check it and send it once more.
 */
const EXPIRED_NOTICE = {
  title: 'Het formulier was verlopen',
  text: 'Wat je hebt ingevuld, staat er nog. Kijk of alles klopt en klik onderaan op Versturen.',
};
const TOKEN_NOTICES: Record<TokenProblem, NonNullable<SubmissionFormState['notice']>> = {
  missing: {
    title: 'Kijk of alles klopt',
    text: 'Hieronder staat wat je hebt ingevuld. Klopt alles? Klik dan onderaan op Versturen.',
  },
  'too-fast': {
    title: 'Dat ging snel',
    text: 'Kijk nog even of alles klopt. Klik dan onderaan op Versturen.',
  },
  invalid: EXPIRED_NOTICE,
  expired: EXPIRED_NOTICE,
  used: {
    title: 'Dit formulier is al verstuurd',
    text: 'We hebben je aanmelding al. Wil je nog iets anders aanmelden? Pas het formulier aan en klik onderaan op Versturen.',
  },
};

const TOKEN_MESSAGES: Record<TokenProblem, string> = {
  missing: MESSAGES.tokenMissing,
  invalid: MESSAGES.tokenMissing,
  expired: MESSAGES.tokenMissing,
  'too-fast': MESSAGES.tooFast,
  used: MESSAGES.tokenUsed,
};

/**
 * The form needs only to be sent again: its fields are fine and just the token stood in the
 * way (as for every form sent without JavaScript). Not an error for the person sending it.
 */
export const onlyTokenStoodInTheWay = (answer: SubmissionAnswer) =>
  Boolean(answer.tokenProblem) && (answer.errors ?? []).length === 0;

/** An answer with one message for the form as a whole. */
export const formError = (status: number, message: string): SubmissionAnswer => ({
  status,
  errors: [{ field: '', message }],
});

/** A browser's own form post (no JavaScript) wants a page back; anything else gets JSON. */
export const wantsPage = (ctx: Context) =>
  ctx.is('application/x-www-form-urlencoded') === 'application/x-www-form-urlencoded' &&
  ctx.accepts(['json', 'html']) === 'html';

/** The answer as JSON: `{ ok, message }` for a success, `{ ok, errors }` otherwise. */
export function answerJson(answer: SubmissionAnswer) {
  if (answer.status === 201) return { ok: true, message: answer.message };
  const tokenError = answer.tokenProblem
    ? [{ field: '', message: TOKEN_MESSAGES[answer.tokenProblem] }]
    : [];
  return { ok: false, errors: [...tokenError, ...(answer.errors ?? [])] };
}

const FALLBACK_SITE_NAME = 'Lokale Coalitie tegen Eenzaamheid Maastricht';

/** The site's name as the editors set it, for the header of an answer page. */
export async function siteNameOf(strapi: Core.Strapi): Promise<string> {
  try {
    const site = (await strapi.documents('api::site.site').findFirst({
      status: 'published',
    } as never)) as { siteName?: string } | null;
    return site?.siteName || FALLBACK_SITE_NAME;
  } catch {
    return FALLBACK_SITE_NAME;
  }
}

const stylesheets = new Map<string, string>();
/**
 * The site's own styles (files of the shared workspace's styles/), read once per set, so a page
 * the CMS answers with looks like the site.
 */
export function sharedStyles(files: readonly string[]): string {
  const key = files.join(',');
  let styles = stylesheets.get(key);
  if (styles === undefined) {
    styles = files
      .map((file) => fs.readFileSync(require.resolve(`@hub/shared/styles/${file}`), 'utf8'))
      .join('\n');
    stylesheets.set(key, styles);
  }
  return styles;
}

/**
 * A whole page in the site's look, for the pages the CMS answers with on the site's behalf (a
 * form posted without JavaScript, the newsletter's links). It is served through the site's own
 * address (its web server passes the endpoints on), so links to the site are relative. The
 * referrer stays on the site: not `no-referrer`, with which a browser sends `Origin: null` on
 * the page's own form, which the same-origin check refuses.
 */
export function siteLookPage(
  title: string,
  siteName: string,
  main: string,
  styles: string,
): string {
  return `<!doctype html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<meta name="referrer" content="same-origin">
<title>${escapeHtml(title)} | ${escapeHtml(siteName)}</title>
<style>${styles}</style>
</head>
<body>
<a class="skip-link" href="#inhoud">Naar de inhoud</a>
<header class="form-page-header"><div class="container"><a href="/">${escapeHtml(siteName)}</a></div></header>
<main id="inhoud" class="container" tabindex="-1">
${main}
</main>
</body>
</html>`;
}

/** A submission form's answer page. */
const page = (title: string, siteName: string, main: string) =>
  siteLookPage(title, siteName, main, sharedStyles(['global.css', 'submission-form.css']));

/**
 * The answer to a form posted without JavaScript that did not go through: the form again, as it
 * was filled in, with each problem beside its field and in a summary above it (or, when only
 * the token was missing, a request to check it), and a fresh token to send it again.
 */
export function answerFormPage(
  form: SubmissionForm,
  answer: SubmissionAnswer,
  state: { values: Record<string, string>; token: string; siteName: string },
): string {
  const errors = answer.errors ?? [];
  const notice =
    answer.tokenProblem && onlyTokenStoodInTheWay(answer)
      ? TOKEN_NOTICES[answer.tokenProblem]
      : undefined;
  return page(
    form.title,
    state.siteName,
    `<h1>${escapeHtml(form.title)}</h1>\n` +
      submissionFormHtml(form, { values: state.values, errors, notice, token: state.token }),
  );
}

/**
 * A page with one problem that stopped a form before it could be read (too large, say): the
 * way back is the browser's Back button, which keeps what was filled in. A form posted from
 * another site gets a link to the site's own form instead (`form`), as Back leads elsewhere.
 */
export function answerMessagePage(
  message: string,
  siteName: string,
  form?: Pick<SubmissionForm, 'path' | 'title'>,
): string {
  const wayBack = form
    ? `<p>Ga naar <a href="${escapeHtml(form.path)}">${escapeHtml(form.title)}</a> op onze website.</p>`
    : `<p>Ga met de knop <strong>Terug</strong> van je browser terug naar het formulier. Wat je al had ingevuld, staat er dan nog.</p>`;
  return page(
    'Het formulier is niet verstuurd',
    siteName,
    `<h1>Het formulier is niet verstuurd</h1>
<div class="form-message form-message--error"><p>${escapeHtml(message)}</p></div>
${wayBack}`,
  );
}
