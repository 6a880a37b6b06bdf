import { escapeHtml } from '../rich-text/escape-html';
import { MAASTRICHT_DISTRICTS } from '../taxonomy/districts';
import type { SubmissionError } from '../submissions/validate-submission';
import { NEWSLETTER_PARTS, type NewsletterPart } from './newsletter-parts';
import {
  NEWSLETTER_FIELDS,
  NEWSLETTER_LABELS,
  NEWSLETTER_SUBSCRIBE_ENDPOINT,
} from './newsletter-signup';

/**
 * Which form: the whole one on /nieuwsbrief/, the short one in every page's footer, or the
 * subscriber's own page to change the choices (no address, no token: its link is the key).
 */
export type NewsletterFormVariant = 'page' | 'footer' | 'manage';

/** What a sign-up form shows besides its fields: what was filled in, problems, a notice. */
export interface NewsletterFormState {
  /** What was filled in; without it, every part is ticked and no stadsdeel is chosen. */
  values?: { email?: string; parts?: readonly string[]; district?: string };
  /** Problems: in the summary, and beside their field ('' for the form as a whole). */
  errors?: readonly SubmissionError[];
  /** A request to check the form and send it again, shown when there are no errors. */
  notice?: { title: string; text: string };
  /** The CMS's signed form token; empty until the page's script or the CMS fills it in. */
  token?: string;
  /** Where the form is posted, if not to the sign-up endpoint (the subscriber's own page). */
  action?: string;
}

/**
 * Id of a field's element. The footer's form has ids of its own, so the page's form and the
 * footer's never share one (the footer leaves the form out on /nieuwsbrief/ all the same).
 */
export const newsletterFieldId = (variant: NewsletterFormVariant, name: string) =>
  `${variant === 'footer' ? 'nb-voet' : 'nb'}-${name}`;

const HINTS = {
  email: 'We sturen je eerst een e-mail. Klik op de link daarin, dan is je aanmelding klaar.',
  district:
    'Kies je een stadsdeel? Dan krijg je alleen berichten over dat stadsdeel en over heel Maastricht.',
} as const;

function errorHtml(id: string, message: string | undefined): string {
  return message
    ? `<p class="field__error" id="${id}-error"><span class="visually-hidden">Fout: </span>${escapeHtml(message)}</p>`
    : '';
}

function emailHtml(variant: NewsletterFormVariant, value: string, error?: string): string {
  const id = newsletterFieldId(variant, NEWSLETTER_FIELDS.email);
  const hint = `<p class="field__hint" id="${id}-hint">${escapeHtml(HINTS.email)}</p>`;
  const describedBy = [`${id}-hint`, error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    `<div class="field${error ? ' field--error' : ''}"><label for="${id}">${escapeHtml(NEWSLETTER_LABELS.email)}</label>` +
    `${hint}${errorHtml(id, error)}<input id="${id}" name="${NEWSLETTER_FIELDS.email}" type="email" required autocomplete="email"` +
    ` aria-describedby="${describedBy}"${error ? ' aria-invalid="true"' : ''}${value ? ` value="${escapeHtml(value)}"` : ''}></div>`
  );
}

function partsHtml(
  variant: NewsletterFormVariant,
  chosen: readonly string[],
  error?: string,
): string {
  const id = newsletterFieldId(variant, NEWSLETTER_FIELDS.parts);
  // The group's problem is read with every box, as a screen reader does not read a legend's
  // neighbours when it jumps to a box from the summary.
  const describedBy = error ? ` aria-describedby="${id}-error"` : '';
  const boxes = NEWSLETTER_PARTS.map(({ part, label }, index) => {
    const boxId = index === 0 ? id : `${id}-${part}`;
    return (
      `<div class="choice"><input id="${boxId}" type="checkbox" name="${NEWSLETTER_FIELDS.parts}" value="${part}"` +
      `${chosen.includes(part) ? ' checked' : ''}${describedBy}><label for="${boxId}">${escapeHtml(label)}</label></div>`
    );
  });
  return (
    `<fieldset class="field field--choices${error ? ' field--error' : ''}"><legend>${escapeHtml(NEWSLETTER_LABELS.parts)}</legend>` +
    `${errorHtml(id, error)}${boxes.join('')}</fieldset>`
  );
}

function districtHtml(variant: NewsletterFormVariant, value: string, error?: string): string {
  const id = newsletterFieldId(variant, NEWSLETTER_FIELDS.district);
  const describedBy = [`${id}-hint`, error ? `${id}-error` : ''].filter(Boolean).join(' ');
  const options = MAASTRICHT_DISTRICTS.map(
    ({ slug, name }) =>
      `<option value="${slug}"${slug === value ? ' selected' : ''}>${escapeHtml(name)}</option>`,
  );
  return (
    `<div class="field${error ? ' field--error' : ''}"><label for="${id}">${escapeHtml(NEWSLETTER_LABELS.district)}` +
    ` <span class="field__optional">(niet verplicht)</span></label><p class="field__hint" id="${id}-hint">${escapeHtml(HINTS.district)}</p>` +
    `${errorHtml(id, error)}<select id="${id}" name="${NEWSLETTER_FIELDS.district}" aria-describedby="${describedBy}"${error ? ' aria-invalid="true"' : ''}>` +
    `<option value="">${escapeHtml(NEWSLETTER_LABELS.allDistricts)}</option>${options.join('')}</select></div>`
  );
}

/** The problems above the form, each linking to its field. */
function summaryHtml(variant: NewsletterFormVariant, errors: readonly SubmissionError[]): string {
  const known = new Set<string>([
    NEWSLETTER_FIELDS.email,
    NEWSLETTER_FIELDS.parts,
    NEWSLETTER_FIELDS.district,
  ]);
  const items = errors.map((error) =>
    known.has(error.field)
      ? `<li><a href="#${newsletterFieldId(variant, error.field)}">${escapeHtml(error.message)}</a></li>`
      : `<li>${escapeHtml(error.message)}</li>`,
  );
  return (
    `<div class="form-message form-message--error" tabindex="-1" data-form-message autofocus>` +
    `<div role="alert"><h2>Dit moet je nog aanpassen</h2><ul>${items.join('')}</ul></div></div>`
  );
}

/**
 * The HTML of the newsletter sign-up form: the e-mail address, the parts (all ticked at first),
 * and on the page also one stadsdeel; the honeypot and the form token as the submission forms
 * have them. The site renders it empty, its script shows problems with it, and the CMS answers a
 * form sent without JavaScript with it, so the three look and work the same. Every value is
 * escaped. The footer's short form leaves the stadsdeel to the page.
 */
export function newsletterFormHtml(
  variant: NewsletterFormVariant,
  state: NewsletterFormState = {},
): string {
  const { values, errors = [], notice, token = '' } = state;
  const errorFor = (name: string) => errors.find((error) => error.field === name)?.message;
  const chosen: readonly NewsletterPart[] | readonly string[] =
    values?.parts ?? NEWSLETTER_PARTS.map((entry) => entry.part);
  const message =
    errors.length > 0
      ? summaryHtml(variant, errors)
      : notice
        ? `<div class="form-message" tabindex="-1" data-form-message autofocus><h2>${escapeHtml(notice.title)}</h2><p>${escapeHtml(notice.text)}</p></div>`
        : '';
  const parts = partsHtml(variant, chosen, errorFor(NEWSLETTER_FIELDS.parts));
  const district =
    variant === 'footer'
      ? ''
      : districtHtml(variant, values?.district ?? '', errorFor(NEWSLETTER_FIELDS.district));
  const opening = (action: string) =>
    `<form class="newsletter-form newsletter-form--${variant}" method="post" action="${escapeHtml(action)}" novalidate data-newsletter-form="${variant}">${message}`;
  if (variant === 'manage') {
    return `${opening(state.action ?? '')}${parts}${district}<button class="button" type="submit">Wijzigingen opslaan</button></form>`;
  }
  const trapId = newsletterFieldId(variant, NEWSLETTER_FIELDS.honeypot);
  // Robots fill in every field; people never see this one, and screen readers skip it.
  const honeypot =
    `<div class="field-trap" aria-hidden="true"><label for="${trapId}">Laat dit veld leeg</label>` +
    `<input id="${trapId}" name="${NEWSLETTER_FIELDS.honeypot}" type="text" tabindex="-1" autocomplete="off"></div>`;
  return (
    opening(state.action ?? NEWSLETTER_SUBSCRIBE_ENDPOINT) +
    emailHtml(variant, values?.email ?? '', errorFor(NEWSLETTER_FIELDS.email)) +
    parts +
    district +
    honeypot +
    `<input type="hidden" name="${NEWSLETTER_FIELDS.token}" value="${escapeHtml(token)}">` +
    `<button class="button" type="submit">Aanmelden</button></form>`
  );
}
