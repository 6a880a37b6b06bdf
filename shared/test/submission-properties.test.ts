import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CONTENT_RULES,
  SUBMISSION_FORMS,
  slugify,
  submissionTextLength,
  validateSubmission,
  type SubmissionField,
  type SubmissionKind,
} from '../src';

/**
 * Property-based tests of the public submission check: whatever arrives, it answers (never
 * throws), and whatever it lets through fits the CMS, as the CMS's own schema files say today.
 */

interface SchemaAttribute {
  type: string;
  maxLength?: number;
  enum?: string[];
  component?: string;
}

const CMS_SOURCE = path.resolve(__dirname, '..', '..', 'cms', 'src');
const GOOD_PRACTICE = 'api/good-practice/content-types/good-practice/schema.json';
const EVENT = 'api/event/content-types/event/schema.json';
const LOCATION = 'components/shared/location.json';
const CONTACT = 'components/shared/contact.json';
const SUBMITTER = 'components/submission/submitter.json';

function attributesOf(file: string): Record<string, SchemaAttribute> {
  const schema = JSON.parse(fs.readFileSync(path.join(CMS_SOURCE, file), 'utf8')) as {
    attributes: Record<string, SchemaAttribute>;
  };
  return schema.attributes;
}

/** Where each form field is stored in the CMS (as cms/src/hub/submissions/to-draft.ts does). */
const STORED_IN: Record<SubmissionKind, Record<string, [file: string, attribute: string]>> = {
  'good-practice': {
    title: [GOOD_PRACTICE, 'title'],
    summary: [GOOD_PRACTICE, 'summary'],
    description: [GOOD_PRACTICE, 'body'],
    activityType: [GOOD_PRACTICE, 'activityType'],
    place: [LOCATION, 'venue'],
    website: [CONTACT, 'website'],
    submitterName: [SUBMITTER, 'name'],
    submitterEmail: [SUBMITTER, 'email'],
    submitterOrganisation: [SUBMITTER, 'organisation'],
  },
  event: {
    title: [EVENT, 'title'],
    summary: [EVENT, 'summary'],
    description: [EVENT, 'body'],
    startsAt: [EVENT, 'startsAt'],
    endsAt: [EVENT, 'endsAt'],
    place: [LOCATION, 'venue'],
    website: [EVENT, 'registrationUrl'],
    cost: [EVENT, 'cost'],
    submitterName: [SUBMITTER, 'name'],
    submitterEmail: [SUBMITTER, 'email'],
    submitterOrganisation: [SUBMITTER, 'organisation'],
  },
};

/** The CMS attribute a form field ends up in. */
function storedIn(kind: SubmissionKind, field: SubmissionField): SchemaAttribute {
  const place = STORED_IN[kind][field.name];
  if (!place) throw new Error(`${kind}.${field.name} has no place in the CMS in this test`);
  const attribute = attributesOf(place[0])[place[1]];
  if (!attribute) throw new Error(`${place[0]} has no attribute ${place[1]}`);
  return attribute;
}

/** Strapi makes a column of a string or e-mail attribute a varchar(255), whatever maxLength says. */
const STRING_COLUMN = 255;

/**
 * The longest text the CMS stores in an attribute, in UTF-16 code units as Strapi's maxLength
 * counts: a string or e-mail address at most its maxLength and what its varchar(255) column on
 * PostgreSQL holds (which counts characters, never more than code units); long text and rich
 * text have no limit but their maxLength.
 */
function cmsLimit(attribute: SchemaAttribute): number {
  const maxLength = attribute.maxLength ?? Infinity;
  const short = attribute.type === 'string' || attribute.type === 'email';
  return short ? Math.min(maxLength, STRING_COLUMN) : maxLength;
}

const KINDS = Object.keys(SUBMISSION_FORMS) as SubmissionKind[];
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL_BUT_LINE_BREAKS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/u;
const DIRECTION_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/u;

describe('the forms and the CMS schema', () => {
  it('store every field in an attribute of the right type with room for its longest value', () => {
    const gp = attributesOf(GOOD_PRACTICE);
    const event = attributesOf(EVENT);
    // The components the mapping above relies on.
    expect([gp.location?.component, gp.contact?.component, gp.submitter?.component]).toEqual([
      'shared.location',
      'shared.contact',
      'submission.submitter',
    ]);
    expect([event.location?.component, event.submitter?.component]).toEqual([
      'shared.location',
      'submission.submitter',
    ]);
    const expectedTypes: Record<SubmissionField['type'], string[]> = {
      text: ['string'],
      longtext: ['text', 'blocks'],
      email: ['email'],
      url: ['string'],
      datetime: ['datetime'],
      choice: ['enumeration'],
    };
    for (const kind of KINDS) {
      const names = SUBMISSION_FORMS[kind].fields.map((field) => field.name);
      expect(Object.keys(STORED_IN[kind]).sort(), kind).toEqual([...names].sort());
      for (const field of SUBMISSION_FORMS[kind].fields) {
        const attribute = storedIn(kind, field);
        const where = `${kind}.${field.name}`;
        expect(expectedTypes[field.type], where).toContain(attribute.type);
        if (field.type === 'choice') {
          expect([...(field.choices ?? [])].sort(), where).toEqual(
            [...(attribute.enum ?? [])].sort(),
          );
        } else if (field.type !== 'datetime') {
          expect(field.maxLength, where).toBeLessThanOrEqual(cmsLimit(attribute));
        }
      }
    }
  });
});

/** Text of every kind: all of Unicode, half characters, invisible ones, long runs, line breaks. */
const anyText: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 400 }),
  fc.string({ unit: 'grapheme', maxLength: 200 }),
  fc.string({
    unit: fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)),
    maxLength: 40,
  }),
  fc
    .tuple(
      fc.constantFrom(
        'a',
        'é',
        'e\u0301',
        '😀',
        '👩‍🍳',
        '\u200B',
        '\u00AD',
        '\uFEFF',
        ' ',
        '\n',
        '\t',
      ),
      fc.integer({ min: 1, max: 700 }),
      fc.string({ maxLength: 5 }),
    )
    .map(([unit, times, tail]) => unit.repeat(times) + tail),
);

/** A good submission of each kind, which the properties below change a few fields of. */
const GOOD: Record<SubmissionKind, Record<string, string>> = {
  'good-practice': {
    title: 'Koffie-ochtend in Malberg (voorbeeld)',
    summary: 'Elke dinsdag drinken buren samen koffie.',
    description: 'We beginnen om tien uur.\n\nIedereen is welkom.',
    activityType: 'anders',
    place: 'Buurthuis Malberg',
    website: 'https://koffie.voorbeeld.nl/',
    submitterName: 'Anna Voorbeeld',
    submitterEmail: 'anna@voorbeeld.nl',
    submitterOrganisation: 'Buurtnetwerk',
  },
  event: {
    title: 'Samen eten in Heer (voorbeeld)',
    summary: 'Een warme maaltijd met buren.',
    startsAt: '2027-03-29T12:00',
    endsAt: '2027-03-29T14:00',
    place: 'Buurthuis Heer',
    website: 'https://eten.voorbeeld.nl/',
    cost: 'gratis',
    submitterName: 'Bram Voorbeeld',
    submitterEmail: 'bram@voorbeeld.nl',
  },
};

/** A good submission with one to three fields replaced by any text. */
const nearlyGood = (kind: SubmissionKind) =>
  fc
    .array(
      fc.tuple(
        fc.constantFrom(...SUBMISSION_FORMS[kind].fields.map((field) => field.name)),
        anyText,
      ),
      { minLength: 1, maxLength: 3 },
    )
    .map((changes) => ({ ...GOOD[kind], ...Object.fromEntries(changes) }));

/** What a JSON or form body can hold, also with __proto__, constructor and the form's own keys. */
const anyBody = fc.oneof(
  fc.anything({
    key: fc.oneof(
      fc.string(),
      fc.constantFrom('__proto__', 'constructor', 'prototype', 'title', 'summary', 'startsAt'),
    ),
    withNullPrototype: true,
    withBoxedValues: true,
    withObjectString: true,
    withDate: true,
    withSparseArray: true,
    withBigInt: true,
    withTypedArray: true,
    withMap: true,
    withSet: true,
    stringUnit: 'binary',
  }),
  fc.jsonValue().map((value) => JSON.parse(`{"__proto__": ${JSON.stringify(value)}}`) as unknown),
  fc
    .dictionary(fc.constantFrom('__proto__', 'title', 'summary', 'submitterEmail'), anyText)
    .map((fields) => JSON.parse(JSON.stringify(fields)) as unknown),
);

describe('validateSubmission, for any input', () => {
  it('never throws, and always answers with values or Dutch messages', () => {
    for (const kind of KINDS) {
      fc.assert(
        fc.property(fc.oneof(anyBody, nearlyGood(kind)), (input) => {
          const result = validateSubmission(SUBMISSION_FORMS[kind], input);
          if (!result.ok) {
            expect(result.errors.length).toBeGreaterThan(0);
            for (const error of result.errors) expect(error.message).toMatch(/\S/);
          }
        }),
        { numRuns: 400 },
      );
    }
  });

  it('never throws on huge text', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...KINDS),
        fc.constantFrom('title', 'summary', 'description', 'submitterEmail', 'website'),
        anyText,
        fc.integer({ min: 1_000, max: 100_000 }),
        (kind, name, text, times) => {
          const huge = (text || 'x').repeat(times).slice(0, 500_000);
          const result = validateSubmission(SUBMISSION_FORMS[kind], {
            ...GOOD[kind],
            [name]: huge,
          });
          expect(typeof result.ok).toBe('boolean');
        },
      ),
      { numRuns: 12 },
    );
  });

  it('lets through only what fits the CMS: its lengths, characters and slugs', () => {
    let accepted = 0;
    for (const kind of KINDS) {
      const form = SUBMISSION_FORMS[kind];
      fc.assert(
        fc.property(nearlyGood(kind), (input) => {
          const result = validateSubmission(form, input);
          if (!result.ok) return;
          accepted += 1;
          for (const [name, value] of Object.entries(result.values)) {
            const field = form.fields.find((candidate) => candidate.name === name);
            if (!field) throw new Error(`${name} is not a field of ${kind}`);
            const attribute = storedIn(kind, field);
            if (field.type === 'datetime') {
              expect(value instanceof Date && !Number.isNaN(value.getTime()), name).toBe(true);
              continue;
            }
            if (typeof value !== 'string') throw new Error(`${name} is not text`);
            const shown = `${kind}.${name} = ${JSON.stringify(value)}`;
            expect(submissionTextLength(value), shown).toBeLessThanOrEqual(cmsLimit(attribute));
            expect(submissionTextLength(value), shown).toBeLessThanOrEqual(field.maxLength);
            expect(value, shown).toBe(value.trim());
            // No half of a surrogate pair.
            expect(/\p{Cs}/u.test(value), shown).toBe(false);
            expect(CONTROL_BUT_LINE_BREAKS.test(value), shown).toBe(false);
            expect(DIRECTION_CONTROLS.test(value), shown).toBe(false);
            if (field.type !== 'longtext') expect(/[\p{Cc}\p{Cf}]/u.test(value), shown).toBe(false);
            if (field.type === 'choice') expect(attribute.enum, shown).toContain(value);
            // The CMS makes the item's web address of it.
            if (CONTENT_RULES[kind].slugSource?.field === name) expect(slugify(value)).not.toBe('');
          }
        }),
        { numRuns: 600 },
      );
    }
    // Not an empty promise: a good share of the changed submissions was let through.
    expect(accepted).toBeGreaterThan(200);
  });
});
