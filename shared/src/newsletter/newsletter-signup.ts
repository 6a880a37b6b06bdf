import { MAASTRICHT_DISTRICTS } from '../taxonomy/districts';
import { SUBMISSION_HONEYPOT_FIELD, SUBMISSION_TOKEN_FIELD } from '../submissions/submission-forms';
import type { SubmissionForm } from '../submissions/submission-forms';
import { sentField, validateSubmission } from '../submissions/validate-submission';
import type { SubmissionError } from '../submissions/validate-submission';
import { isNewsletterPart, NEWSLETTER_PARTS, type NewsletterPart } from './newsletter-parts';

/**
 * Where the newsletter's public endpoints live: the CMS's, which the site's web server passes on
 * from the site's own address (followed by `token`, `subscribe`, `confirm`, `unsubscribe` or
 * `manage`).
 */
export const NEWSLETTER_API_PATH = '/api/newsletter/';
/** Where the sign-up form is posted. */
export const NEWSLETTER_SUBSCRIBE_ENDPOINT = `${NEWSLETTER_API_PATH}subscribe`;
/** The site's page with the whole sign-up form. */
export const NEWSLETTER_PAGE_PATH = '/nieuwsbrief/';
/** The site's page after a sign-up: "look in your mailbox". */
export const NEWSLETTER_CHECK_MAIL_PATH = '/nieuwsbrief/kijk-in-je-mail/';
/** The form's field names; the honeypot and the form token are the submission forms' own. */
export const NEWSLETTER_FIELDS = {
  email: 'email',
  parts: 'parts',
  district: 'district',
  honeypot: SUBMISSION_HONEYPOT_FIELD,
  token: SUBMISSION_TOKEN_FIELD,
} as const;
/** The largest body the newsletter endpoints read: a sign-up needs a few hundred bytes. */
export const NEWSLETTER_MAX_BODY_BYTES = 8 * 1024;

/** Dutch labels of the sign-up form (B1). */
export const NEWSLETTER_LABELS = {
  email: 'Je e-mailadres',
  parts: 'Wat wil je krijgen?',
  district: 'Alleen nieuws uit één stadsdeel?',
  allDistricts: 'Nee, uit heel Maastricht',
} as const;

/** What a sign-up or a change of choices holds once it is checked. */
export interface NewsletterChoices {
  /** The parts to receive, at least one, in the order of NEWSLETTER_PARTS. */
  parts: NewsletterPart[];
  /** A stadsdeel slug (see MAASTRICHT_DISTRICTS), or null for all of Maastricht. */
  district: string | null;
}

/** A checked sign-up: the address (lower case) and the choices. */
export interface NewsletterSignup extends NewsletterChoices {
  email: string;
}

export type NewsletterCheck<T> = { ok: true; values: T } | { ok: false; errors: SubmissionError[] };

/**
 * The e-mail field, checked exactly as the submission forms check theirs (invisible and control
 * characters, length, the address's shape), so the two never disagree. Only the field list is
 * read; `kind` is there for the type.
 */
const EMAIL_FORM: SubmissionForm = {
  kind: 'event',
  title: '',
  intro: '',
  path: NEWSLETTER_PAGE_PATH,
  endpoint: NEWSLETTER_SUBSCRIBE_ENDPOINT,
  fields: [
    {
      name: NEWSLETTER_FIELDS.email,
      label: NEWSLETTER_LABELS.email,
      type: 'email',
      required: true,
      maxLength: 254,
      autocomplete: 'email',
    },
  ],
};

/** The parts as sent: one (a form with one box ticked), several (JSON, or repeated form keys). */
function sentParts(value: unknown): unknown[] | null {
  if (value === undefined || value === null || value === '') return [];
  if (typeof value === 'string') return [value];
  if (Array.isArray(value) && value.length <= NEWSLETTER_PARTS.length * 2) return value;
  return null;
}

/**
 * Checks the choices of a sign-up or a change: at least one known part, and no stadsdeel or a
 * known one. Anything else (a number, an object, an unknown part) is a problem with a Dutch
 * message, never an exception. Pure: the site's script and the CMS use the same check.
 */
export function validateNewsletterChoices(input: unknown): NewsletterCheck<NewsletterChoices> {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return {
      ok: false,
      errors: [{ field: '', message: 'We konden het formulier niet lezen. Probeer het opnieuw.' }],
    };
  }
  const errors: SubmissionError[] = [];
  const parts = sentParts(sentField(input, NEWSLETTER_FIELDS.parts));
  if (parts === null || !parts.every(isNewsletterPart)) {
    errors.push({
      field: NEWSLETTER_FIELDS.parts,
      message: `${NEWSLETTER_LABELS.parts} Kies uit de vakjes die er staan.`,
    });
  } else if (parts.length === 0) {
    errors.push({
      field: NEWSLETTER_FIELDS.parts,
      message: `${NEWSLETTER_LABELS.parts} Zet een vinkje bij minstens één onderdeel.`,
    });
  }
  const district = sentField(input, NEWSLETTER_FIELDS.district);
  const known = MAASTRICHT_DISTRICTS.some((entry) => entry.slug === district);
  if (district !== undefined && district !== null && district !== '' && !known) {
    errors.push({
      field: NEWSLETTER_FIELDS.district,
      message: `${NEWSLETTER_LABELS.district} Kies een stadsdeel uit de lijst.`,
    });
  }
  if (errors.length > 0) return { ok: false, errors };
  const chosen = new Set(parts as NewsletterPart[]);
  return {
    ok: true,
    values: {
      parts: NEWSLETTER_PARTS.map((entry) => entry.part).filter((part) => chosen.has(part)),
      district: known ? (district as string) : null,
    },
  };
}

/**
 * Checks a sign-up: the e-mail address as the submission forms check one, and the choices. The
 * address is kept in lower case, so one mailbox is one subscriber however it is typed.
 */
export function validateNewsletterSignup(input: unknown): NewsletterCheck<NewsletterSignup> {
  const email = validateSubmission(EMAIL_FORM, input);
  const choices = validateNewsletterChoices(input);
  if (!email.ok || !choices.ok) {
    const formProblem = (errors: SubmissionError[]) => errors.some((error) => error.field === '');
    const errors = [...(email.ok ? [] : email.errors), ...(choices.ok ? [] : choices.errors)];
    // An unreadable form is one problem, said once.
    return {
      ok: false,
      errors: formProblem(errors)
        ? errors.filter((error) => error.field === '').slice(0, 1)
        : errors,
    };
  }
  return {
    ok: true,
    values: { email: String(email.values.email).toLowerCase(), ...choices.values },
  };
}
