import { escapeHtml } from '../rich-text/escape-html';
import {
  SUBMISSION_HONEYPOT_FIELD,
  SUBMISSION_TOKEN_FIELD,
  type SubmissionField,
  type SubmissionForm,
} from './submission-forms';
import type { SubmissionError } from './validate-submission';

/** What a submission form shows besides its fields: what was filled in, problems, a notice. */
export interface SubmissionFormState {
  /** What was filled in, by field name (shown again after a failed attempt). */
  values?: Readonly<Record<string, string>>;
  /** Problems to show: in the summary, and beside their field ('' for the form as a whole). */
  errors?: readonly SubmissionError[];
  /** A request to check the form and send it again, shown above it when there are no errors. */
  notice?: { title: string; text: string };
  /** The CMS's signed form token; empty until the page's script or the CMS fills it in. */
  token?: string;
}

/** Id of the element of a field, so labels, hints, errors and summary links find it. */
export const submissionFieldId = (name: string) => `veld-${name}`;

/** Attributes, values escaped: `true` gives a bare attribute, `false` or undefined none. */
function attributes(pairs: Record<string, string | boolean | undefined>): string {
  return Object.entries(pairs)
    .map(([name, value]) => {
      if (value === undefined || value === false) return '';
      return value === true ? ` ${name}` : ` ${name}="${escapeHtml(value)}"`;
    })
    .join('');
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

const INPUT_TYPES: Record<SubmissionField['type'], string> = {
  text: 'text',
  longtext: 'text',
  email: 'email',
  url: 'url',
  datetime: 'datetime-local',
  choice: 'text',
};

/** The control of one field: input, textarea or select, with what was filled in. */
function controlHtml(field: SubmissionField, value: string, describedBy: string, invalid: boolean) {
  const common = attributes({
    id: submissionFieldId(field.name),
    name: field.name,
    required: field.required,
    autocomplete: field.autocomplete,
    'aria-describedby': describedBy || undefined,
    'aria-invalid': invalid ? 'true' : undefined,
  });
  if (field.type === 'longtext') {
    const rows = field.maxLength > 1000 ? 8 : 3;
    return `<textarea${common} rows="${rows}">${escapeHtml(value)}</textarea>`;
  }
  if (field.type === 'choice') {
    const options = (field.choices ?? []).map(
      (choice) =>
        `<option${attributes({ value: choice, selected: choice === value })}>${escapeHtml(capitalise(choice))}</option>`,
    );
    return `<select${common}><option value="">Maak een keuze</option>${options.join('')}</select>`;
  }
  return `<input${common}${attributes({ type: INPUT_TYPES[field.type], value: value || undefined })}>`;
}

/** One field: label, optional marker, hint, error and control, tied together for screen readers. */
function fieldHtml(field: SubmissionField, value: string, error: string | undefined): string {
  const id = submissionFieldId(field.name);
  const hint = field.hint
    ? `<p class="field__hint" id="${id}-hint">${escapeHtml(field.hint)}</p>`
    : '';
  const errorText = error
    ? `<p class="field__error" id="${id}-error"><span class="visually-hidden">Fout: </span>${escapeHtml(error)}</p>`
    : '';
  const describedBy = [hint && `${id}-hint`, errorText && `${id}-error`].filter(Boolean).join(' ');
  const optional = field.required ? '' : ' <span class="field__optional">(niet verplicht)</span>';
  return (
    `<div class="field${error ? ' field--error' : ''}">` +
    `<label for="${id}">${escapeHtml(field.label)}${optional}</label>${hint}${errorText}` +
    `${controlHtml(field, value, describedBy, Boolean(error))}</div>`
  );
}

/** The list of problems above the form: each links to its field, so it can be fixed at once. */
function summaryHtml(form: SubmissionForm, errors: readonly SubmissionError[]): string {
  const known = new Set(form.fields.map((field) => field.name));
  const items = errors.map((error) =>
    known.has(error.field)
      ? `<li><a href="#${submissionFieldId(error.field)}">${escapeHtml(error.message)}</a></li>`
      : `<li>${escapeHtml(error.message)}</li>`,
  );
  return (
    `<div class="form-message form-message--error" tabindex="-1" data-form-message autofocus>` +
    `<div role="alert"><h2>Dit moet je nog aanpassen</h2><ul>${items.join('')}</ul></div></div>`
  );
}

/**
 * The HTML of a submission form, from its description in SUBMISSION_FORMS: each field with its
 * label, hint and error; a summary of the problems linking to each field; the honeypot, hidden
 * from people and from screen readers; the form token. The site renders the empty form with it,
 * its script shows problems with it, and the CMS uses it to answer a form sent without
 * JavaScript, so the three always look and work the same. Every value is escaped.
 */
export function submissionFormHtml(form: SubmissionForm, state: SubmissionFormState = {}): string {
  const { values = {}, errors = [], notice, token = '' } = state;
  const errorFor = (name: string) => errors.find((error) => error.field === name)?.message;
  const message =
    errors.length > 0
      ? summaryHtml(form, errors)
      : notice
        ? `<div class="form-message" tabindex="-1" data-form-message autofocus>` +
          `<h2>${escapeHtml(notice.title)}</h2><p>${escapeHtml(notice.text)}</p></div>`
        : '';
  const fields = form.fields.map((field) =>
    fieldHtml(
      field,
      Object.hasOwn(values, field.name) ? (values[field.name] ?? '') : '',
      errorFor(field.name),
    ),
  );
  const trapId = submissionFieldId(SUBMISSION_HONEYPOT_FIELD);
  // Robots fill in every field; people never see this one, and screen readers skip it.
  const honeypot =
    `<div class="field-trap" aria-hidden="true"><label for="${trapId}">Laat dit veld leeg</label>` +
    `<input id="${trapId}" name="${SUBMISSION_HONEYPOT_FIELD}" type="text" tabindex="-1" autocomplete="off"></div>`;
  return (
    `<form class="submission-form" method="post"${attributes({ action: form.endpoint })} novalidate data-submission-form="${form.kind}">` +
    `${message}${fields.join('')}${honeypot}` +
    `<input type="hidden" name="${SUBMISSION_TOKEN_FIELD}"${attributes({ value: token })}>` +
    `<button class="button" type="submit">Versturen</button></form>`
  );
}
