import type { NewsletterFormState, SubmissionError } from '@hub/shared';
import { MESSAGES, type TokenProblem } from '../../submissions/responses';
import type { SignupAnswer } from './subscription-desk';

/** The sign-up's own Dutch messages (B1); the rest are the submission forms'. */
export const SIGNUP_MESSAGES = {
  accepted:
    'Bijna klaar! We hebben je een e-mail gestuurd. Klik op de link in die e-mail. Pas dan is je aanmelding klaar. Geen e-mail gekregen? Kijk ook bij de ongewenste e-mail (spam).',
  closed:
    'Aanmelden voor de nieuwsbrief kan nu niet, want we kunnen op dit moment geen e-mail versturen. Probeer het later nog eens.',
  tooMany: (minutes: number) =>
    `Er zijn vanaf jouw internetverbinding net al een paar aanmeldingen verstuurd. Probeer het over ${minutes} minuten opnieuw.`,
  notSaved: 'Je aanmelding kon niet worden opgeslagen. Probeer het later nog eens.',
} as const;

const TOKEN_MESSAGES: Record<TokenProblem, string> = {
  missing: MESSAGES.tokenMissing,
  invalid: MESSAGES.tokenMissing,
  expired: MESSAGES.tokenMissing,
  'too-fast': MESSAGES.tooFast,
  used: 'Dit formulier is al verstuurd. Laad de pagina opnieuw als je je nog een keer wilt aanmelden.',
};

/** What a form sent without JavaScript shows when only its token stood in the way. */
const TOKEN_NOTICES: Record<TokenProblem, NonNullable<NewsletterFormState['notice']>> = {
  missing: {
    title: 'Kijk of alles klopt',
    text: 'Hieronder staat wat je hebt ingevuld. Klopt alles? Klik dan op Aanmelden.',
  },
  'too-fast': {
    title: 'Dat ging snel',
    text: 'Kijk nog even of alles klopt. Klik dan op Aanmelden.',
  },
  invalid: {
    title: 'Het formulier was verlopen',
    text: 'Wat je hebt ingevuld, staat er nog. Kijk of alles klopt en klik op Aanmelden.',
  },
  expired: {
    title: 'Het formulier was verlopen',
    text: 'Wat je hebt ingevuld, staat er nog. Kijk of alles klopt en klik op Aanmelden.',
  },
  used: {
    title: 'Dit formulier is al verstuurd',
    text: 'We hebben je aanmelding al. Kijk in je mailbox. Wil je je nog een keer aanmelden? Klik dan op Aanmelden.',
  },
};

/** The notice above the form when only its token stood in the way. */
export function signupNotice(answer: SignupAnswer): NewsletterFormState['notice'] {
  if (answer.kind !== 'form' || !answer.tokenProblem || answer.errors.length > 0) return undefined;
  return TOKEN_NOTICES[answer.tokenProblem];
}

/** The answer as JSON, `{ ok, message }` or `{ ok, errors }`, with its status. */
export function signupJson(answer: SignupAnswer): {
  status: number;
  body: { ok: boolean; message?: string; errors?: SubmissionError[] };
} {
  const error = (status: number, message: string) => ({
    status,
    body: { ok: false, errors: [{ field: '', message }] },
  });
  switch (answer.kind) {
    // 202: taken, and nothing more is promised: the address still has to confirm.
    case 'accepted':
      return { status: 202, body: { ok: true, message: SIGNUP_MESSAGES.accepted } };
    case 'closed':
      return error(403, SIGNUP_MESSAGES.closed);
    case 'too-many':
      return error(429, SIGNUP_MESSAGES.tooMany(answer.minutes));
    case 'not-saved':
      return error(500, SIGNUP_MESSAGES.notSaved);
    case 'form': {
      const tokenError = answer.tokenProblem
        ? [{ field: '', message: TOKEN_MESSAGES[answer.tokenProblem] }]
        : [];
      return {
        status: answer.status,
        body: { ok: false, errors: [...tokenError, ...answer.errors] },
      };
    }
  }
}
