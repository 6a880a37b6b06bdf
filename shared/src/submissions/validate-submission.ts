import { slugify } from '../text/slugify';
import { fromAmsterdamWallTime } from '../time/amsterdam';
import { CONTENT_RULES } from '../validation/content-rules';
import type { SubmissionField, SubmissionForm } from './submission-forms';

/** One problem with a submission, for the field it concerns ('' for the form as a whole). */
export interface SubmissionError {
  field: string;
  /** Dutch (B1), naming the field, so it reads well in an error summary too. */
  message: string;
}

/** Cleaned values of the known fields that were filled in; datetimes as instants. */
export type SubmissionValues = Record<string, string | Date>;

export type SubmissionResult =
  { ok: true; values: SubmissionValues } | { ok: false; errors: SubmissionError[] };

/**
 * Refused in every field: control characters (line breaks and tabs in long text are handled by
 * `normalise`), lone halves of a surrogate pair (not text: a database stores them as "?"), and
 * the invisible direction marks and overrides that make text read differently from what it is.
 */
const FORBIDDEN_CHARACTERS =
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069\p{Cs}]/u;
/**
 * Refused in one-line fields besides: every invisible format character (Unicode category Cf:
 * zero-width space and joiners, word joiner, byte order mark, soft hyphen, tag characters...).
 * They hide text in a title or name, or make two names look the same. Long text keeps them: a
 * zero-width joiner holds emoji like 👩‍🍳 together, and a soft hyphen is harmless there.
 */
const FORBIDDEN_IN_ONE_LINE = /[\p{Cc}\p{Cf}]/u;
/**
 * An e-mail address as both the browser's e-mail field and Strapi's e-mail check accept it:
 * dot-separated ASCII words before the @, a host name after it, ending in letters. Stricter than
 * either alone, so an address sent in never stops an editor from publishing the item.
 */
const EMAIL =
  /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z](?:[A-Za-z0-9-]{0,61}[A-Za-z])?$/;
const WALL_TIME = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(?::00)?$/;

/**
 * How long a text is, in UTF-16 code units: as Strapi's maxLength counts (and the browser's
 * maxlength attribute), so whatever passes here also fits the CMS. An emoji counts as 2.
 */
export const submissionTextLength = (text: string): number => text.length;

/** Whether a text holds characters that count as 2 (emoji and other characters beyond U+FFFF). */
const hasDoubleCharacters = (text: string) => /[\u{10000}-\u{10FFFF}]/u.test(text);

/**
 * A field of what was sent, if it was sent: own keys only, so "__proto__", "constructor" or a
 * key inherited from a prototype is never read through.
 */
export function sentField(input: object, name: string): unknown {
  return Object.hasOwn(input, name) ? (input as Record<string, unknown>)[name] : undefined;
}

/** Line breaks unified; in a one-line field, every run of whitespace becomes one space. */
function normalise(value: string, field: SubmissionField): string {
  const unified = value.normalize('NFC').replace(/\r\n?|[\u2028\u2029]/g, '\n');
  const text = field.type === 'longtext' ? unified : unified.replace(/[\t\n]+/g, ' ');
  return text.trim();
}

function isWebAddress(text: string): boolean {
  try {
    const url = new URL(text);
    return (url.protocol === 'https:' || url.protocol === 'http:') && !url.username;
  } catch {
    return false;
  }
}

/** Checks one filled-in value; returns its cleaned form or a message. */
function checkValue(field: SubmissionField, text: string): string | Date | { message: string } {
  const { label } = field;
  const forbidden =
    FORBIDDEN_CHARACTERS.test(text) ||
    (field.type !== 'longtext' && FORBIDDEN_IN_ONE_LINE.test(text));
  if (forbidden) {
    return {
      message: `${label}: hierin staan onzichtbare tekens die we niet opslaan. Haal ze weg.`,
    };
  }
  const length = submissionTextLength(text);
  if (length > field.maxLength) {
    const emoji = hasDoubleCharacters(text) ? ' Een emoji telt als 2 tekens.' : '';
    return {
      message: `${label}: dit is te lang. Gebruik hoogstens ${field.maxLength} tekens (nu ${length}).${emoji}`,
    };
  }
  switch (field.type) {
    case 'email':
      return EMAIL.test(text)
        ? text
        : { message: `${label}: vul een e-mailadres in, zoals naam@voorbeeld.nl.` };
    case 'url':
      return isWebAddress(text)
        ? text
        : { message: `${label}: vul een webadres in dat begint met https:// of http://.` };
    case 'choice':
      return field.choices?.includes(text)
        ? text
        : { message: `${label}: kies een van de mogelijkheden.` };
    case 'datetime': {
      const match = WALL_TIME.exec(text);
      try {
        if (match) return fromAmsterdamWallTime(match[1] ?? '', match[2] ?? '');
      } catch {
        // Not a real date (31 April): the message below.
      }
      return { message: `${label}: vul een datum en tijd in, zoals 2026-05-14T14:00.` };
    }
    default:
      return text;
  }
}

/**
 * Whether the CMS makes the item's web address (its slug) from this field: then it needs a
 * letter or digit that a slug can hold, or the CMS could not store the draft.
 */
const namesTheItem = (form: SubmissionForm, field: SubmissionField) =>
  CONTENT_RULES[form.kind].slugSource?.field === field.name;

/**
 * Checks what someone sent with a submission form against that form: every known field a string
 * within its limits and of its type, required fields filled in, an end not before the start.
 * Fields the form does not know are ignored: they never reach the result. Pure; the site's form
 * and the CMS's endpoints use the same check.
 */
export function validateSubmission(form: SubmissionForm, input: unknown): SubmissionResult {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return {
      ok: false,
      errors: [{ field: '', message: 'We konden het formulier niet lezen. Probeer het opnieuw.' }],
    };
  }
  const errors: SubmissionError[] = [];
  const values: SubmissionValues = {};
  for (const field of form.fields) {
    const raw = sentField(input, field.name);
    if (raw !== undefined && raw !== null && typeof raw !== 'string') {
      errors.push({ field: field.name, message: `${field.label}: dit moet gewone tekst zijn.` });
      continue;
    }
    const text = normalise(raw ?? '', field);
    if (text === '') {
      if (field.required)
        errors.push({ field: field.name, message: `${field.label}: vul dit in.` });
      continue;
    }
    const checked = checkValue(field, text);
    if (typeof checked === 'string' && namesTheItem(form, field) && !slugify(checked)) {
      errors.push({
        field: field.name,
        message: `${field.label}: gebruik minstens één gewone letter of cijfer (a tot z of 0 tot 9).`,
      });
    } else if (typeof checked === 'object' && 'message' in checked) {
      errors.push({ field: field.name, message: checked.message });
    } else {
      values[field.name] = checked;
    }
  }
  const { startsAt, endsAt } = values;
  if (startsAt instanceof Date && endsAt instanceof Date && endsAt < startsAt) {
    const label = form.fields.find((field) => field.name === 'endsAt')?.label ?? 'Einde';
    errors.push({ field: 'endsAt', message: `${label}: dit mag niet vóór het begin liggen.` });
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, values };
}
