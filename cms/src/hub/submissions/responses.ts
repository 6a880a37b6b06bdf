import { escapeHtml, type SubmissionError } from '@hub/shared';

/** What a submission endpoint answers: a status and Dutch messages. */
export interface SubmissionAnswer {
  status: number;
  /** For a success: the thank-you text. */
  message?: string;
  errors?: SubmissionError[];
  /** Seconds, for a 429. */
  retryAfter?: number;
}

export const MESSAGES = {
  thanks: 'Bedankt! De redactie bekijkt uw aanmelding en neemt zo nodig contact met u op.',
  unreadable: 'We konden het formulier niet lezen. Probeer het opnieuw.',
  tooLarge: 'Het formulier is te groot. Maak de teksten korter en probeer het opnieuw.',
  wrongType: 'Stuur het formulier als gewoon formulier of als JSON.',
  tooMany: (minutes: number) =>
    `U hebt net al een paar keer iets ingestuurd. Probeer het over ${minutes} minuten opnieuw.`,
  tokenMissing: 'Het formulier is verlopen. Laad de pagina opnieuw en vul het nog een keer in.',
  tooFast: 'Dat ging wel erg snel. Wacht een paar seconden en verstuur het formulier opnieuw.',
  notSaved: 'Uw aanmelding kon niet worden opgeslagen. Probeer het later nog eens.',
} as const;

/** An answer with one message for the form as a whole. */
export const formError = (status: number, message: string): SubmissionAnswer => ({
  status,
  errors: [{ field: '', message }],
});

/** The answer as JSON: `{ ok, message }` for a success, `{ ok, errors }` otherwise. */
export function answerJson(answer: SubmissionAnswer) {
  return answer.status === 201
    ? { ok: true, message: answer.message }
    : { ok: false, errors: answer.errors ?? [] };
}

/**
 * The answer as a small Dutch HTML page, for a form posted without JavaScript that did not go
 * through: what went wrong, per field, and the way back to the form (going back, the browser
 * keeps what was filled in).
 */
export function answerPage(answer: SubmissionAnswer, formUrl: string | null): string {
  const items = (answer.errors ?? [])
    .map((error) => `<li>${escapeHtml(error.message)}</li>`)
    .join('');
  return `<!doctype html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>Er ging iets mis met uw aanmelding</title>
<style>body{font:1.125rem/1.5 system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a}
.summary{border:4px solid #b3261e;padding:1rem}a{color:#0b5394}a:focus{outline:3px solid #1a1a1a;outline-offset:2px}</style>
</head>
<body>
<main>
<h1>Er ging iets mis met uw aanmelding</h1>
<div class="summary" role="alert">
<h2>Dit moet u nog aanpassen</h2>
<ul>${items}</ul>
</div>
<p>Ga met de knop <strong>Terug</strong> van uw browser terug naar het formulier. Wat u al had ingevuld, staat er dan nog.</p>
${formUrl ? `<p>Of <a href="${escapeHtml(formUrl)}">open het formulier opnieuw</a>.</p>` : ''}
</main>
</body>
</html>`;
}
