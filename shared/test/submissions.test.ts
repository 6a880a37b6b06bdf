import { describe, expect, it } from 'vitest';
import {
  EVENT_SUBMISSION,
  GOOD_PRACTICE_SUBMISSION,
  SUBMISSION_FORMS,
  validateSubmission,
  type SubmissionResult,
} from '../src';

const practice = {
  title: 'Koffie-ochtend in Malberg (voorbeeld)',
  summary: 'Elke dinsdag drinken buren samen koffie in het buurthuis.',
  activityType: 'huiskamer of ontmoetingsplek',
  submitterName: 'Anna Voorbeeld',
  submitterEmail: 'anna@voorbeeld.nl',
};
const event = {
  title: 'Samen eten in Heer (voorbeeld)',
  summary: 'Een warme maaltijd met buren.',
  startsAt: '2026-03-29T01:30',
  endsAt: '2026-03-29T04:00',
  submitterName: 'Bram Voorbeeld',
  submitterEmail: 'bram@voorbeeld.nl',
};

function errorsOf(result: SubmissionResult): Record<string, string> {
  if (result.ok) throw new Error('expected errors');
  return Object.fromEntries(result.errors.map((error) => [error.field, error.message]));
}

describe('the submission forms', () => {
  it('ask for the submitter, with hints and limits on every field', () => {
    for (const form of Object.values(SUBMISSION_FORMS)) {
      const names = form.fields.map((field) => field.name);
      expect(new Set(names).size).toBe(names.length);
      expect(names).toEqual(expect.arrayContaining(['title', 'summary', 'submitterEmail']));
      for (const field of form.fields) expect(field.maxLength).toBeGreaterThan(0);
    }
  });
});

describe('validateSubmission', () => {
  it('accepts a valid good practice and keeps only the known fields', () => {
    const result = validateSubmission(GOOD_PRACTICE_SUBMISSION, {
      ...practice,
      title: '  Koffie-ochtend\tin Malberg (voorbeeld) ',
      publishedAt: '2020-01-01',
      status: 'published',
      organisations: [1],
    });
    expect(result).toEqual({
      ok: true,
      values: { ...practice, title: 'Koffie-ochtend in Malberg (voorbeeld)' },
    });
  });

  it('turns Amsterdam wall-clock times into instants, also on the night clocks move', () => {
    const result = validateSubmission(EVENT_SUBMISSION, event);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    // 01:30 is still winter time (UTC+1); 04:00 is summer time (UTC+2).
    expect(result.values.startsAt).toEqual(new Date('2026-03-29T00:30:00Z'));
    expect(result.values.endsAt).toEqual(new Date('2026-03-29T02:00:00Z'));
  });

  it('names each missing required field', () => {
    const errors = errorsOf(validateSubmission(GOOD_PRACTICE_SUBMISSION, {}));
    expect(Object.keys(errors)).toEqual([
      'title',
      'summary',
      'activityType',
      'submitterName',
      'submitterEmail',
    ]);
    expect(errors.title).toBe('Naam van het initiatief: vul dit in.');
  });

  it('refuses what is not a form', () => {
    for (const input of [null, 'tekst', 42, [practice]]) {
      expect(errorsOf(validateSubmission(GOOD_PRACTICE_SUBMISSION, input))['']).toMatch(
        /formulier niet lezen/,
      );
    }
  });

  it('refuses values that are not text', () => {
    const errors = errorsOf(
      validateSubmission(GOOD_PRACTICE_SUBMISSION, {
        ...practice,
        title: ['a', 'b'],
        summary: { $gt: '' },
        submitterName: 12,
      }),
    );
    expect(errors.title).toMatch(/gewone tekst/);
    expect(errors.summary).toMatch(/gewone tekst/);
    expect(errors.submitterName).toMatch(/gewone tekst/);
  });

  it('refuses text that is too long, and says how long it may be', () => {
    const errors = errorsOf(
      validateSubmission(GOOD_PRACTICE_SUBMISSION, { ...practice, title: 'a'.repeat(161) }),
    );
    expect(errors.title).toBe(
      'Naam van het initiatief: dit is te lang. Gebruik hoogstens 160 tekens (nu 161).',
    );
  });

  it('refuses control characters and direction overrides', () => {
    for (const sneaky of [
      'nul\u0000byte',
      'escape\u001b[31m',
      'omgekeerd\u202Etxt.exe',
      'x\u2066y',
    ]) {
      const errors = errorsOf(
        validateSubmission(GOOD_PRACTICE_SUBMISSION, { ...practice, summary: sneaky }),
      );
      expect(errors.summary, JSON.stringify(sneaky)).toMatch(/onzichtbare tekens/);
    }
  });

  it('asks for a letter or digit in the title, which the web address is made of', () => {
    for (const title of ['😀😀😀', '!!!', '—', 'مقهى']) {
      expect(
        errorsOf(validateSubmission(GOOD_PRACTICE_SUBMISSION, { ...practice, title })).title,
        title,
      ).toBe(
        'Naam van het initiatief: gebruik minstens één gewone letter of cijfer (a tot z of 0 tot 9).',
      );
    }
    for (const title of ['Café 😀', '55+', 'Één']) {
      expect(validateSubmission(EVENT_SUBMISSION, { ...event, title }).ok, title).toBe(true);
    }
    // Other fields may hold anything else that is text.
    expect(
      validateSubmission(GOOD_PRACTICE_SUBMISSION, { ...practice, submitterName: '李雷' }).ok,
    ).toBe(true);
  });

  it('counts length as Strapi and the browser do: an emoji counts as 2', () => {
    const half = `Koffie ${'😀'.repeat(76)}!`;
    const ok = validateSubmission(GOOD_PRACTICE_SUBMISSION, { ...practice, title: half });
    expect(ok.ok && ok.values.title).toBe(half);
    const errors = errorsOf(
      validateSubmission(GOOD_PRACTICE_SUBMISSION, { ...practice, title: '😀'.repeat(160) }),
    );
    expect(errors.title).toBe(
      'Naam van het initiatief: dit is te lang. Gebruik hoogstens 160 tekens (nu 320). Een emoji telt als 2 tekens.',
    );
    // Counted after clean-up: a composed é stays 1, whatever the browser sent.
    const composed = validateSubmission(GOOD_PRACTICE_SUBMISSION, {
      ...practice,
      title: 'e\u0301'.repeat(160),
    });
    expect(composed.ok).toBe(true);
  });

  it('refuses invisible format characters in one-line fields, in every one of them', () => {
    const invisible = ['\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF', '\u00AD', '\u{E0041}'];
    for (const character of invisible) {
      const sneaky = `Koffie${character}ochtend`;
      const practiceErrors = errorsOf(
        validateSubmission(GOOD_PRACTICE_SUBMISSION, {
          ...practice,
          title: sneaky,
          submitterName: sneaky,
          submitterEmail: `anna${character}@voorbeeld.nl`,
          website: `https://voorbeeld.nl/a${character}b`,
          activityType: `and${character}ers`,
        }),
      );
      for (const field of ['title', 'submitterName', 'submitterEmail', 'website', 'activityType']) {
        expect(practiceErrors[field], `${field} ${JSON.stringify(character)}`).toMatch(
          /onzichtbare tekens/,
        );
      }
      const eventErrors = errorsOf(
        validateSubmission(EVENT_SUBMISSION, {
          ...event,
          startsAt: `2026-03-29T${character}01:30`,
        }),
      );
      expect(eventErrors.startsAt).toMatch(/onzichtbare tekens/);
    }
  });

  it('keeps emoji made of several characters in long text, and refuses half a character', () => {
    const summary = 'Samen koken 👩‍🍳 met de buren 👨‍👩‍👧, ook af\u00ADwassen.';
    const result = validateSubmission(GOOD_PRACTICE_SUBMISSION, { ...practice, summary });
    expect(result.ok && result.values.summary).toBe(summary);
    // A lone half of a surrogate pair is no text at all; a database would store "?".
    for (const summary of ['kapot \uD83D teken', 'kapot \uDE00']) {
      expect(
        errorsOf(validateSubmission(GOOD_PRACTICE_SUBMISSION, { ...practice, summary })).summary,
      ).toMatch(/onzichtbare tekens/);
    }
  });

  it('treats the Unicode line and paragraph separators as line breaks', () => {
    const result = validateSubmission(GOOD_PRACTICE_SUBMISSION, {
      ...practice,
      title: 'Koffie\u2028ochtend',
      summary: 'Regel een\u2029Regel twee',
    });
    expect(result.ok && result.values.title).toBe('Koffie ochtend');
    expect(result.ok && result.values.summary).toBe('Regel een\nRegel twee');
  });

  it('keeps line breaks in long text and accepts markup as plain text', () => {
    const summary = 'Regel een\r\nRegel <b>twee</b>';
    const result = validateSubmission(GOOD_PRACTICE_SUBMISSION, { ...practice, summary });
    expect(result.ok && result.values.summary).toBe('Regel een\nRegel <b>twee</b>');
  });

  it('accepts only http(s) web addresses', () => {
    for (const website of [
      'javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'ftp://voorbeeld.nl',
      'https://gebruiker:geheim@voorbeeld.nl',
      'voorbeeld.nl',
    ]) {
      const errors = errorsOf(
        validateSubmission(GOOD_PRACTICE_SUBMISSION, { ...practice, website }),
      );
      expect(errors.website, website).toMatch(/https:\/\//);
    }
    const ok = validateSubmission(GOOD_PRACTICE_SUBMISSION, {
      ...practice,
      website: 'https://www.voorbeeld.nl/koffie',
    });
    expect(ok.ok).toBe(true);
  });

  it('accepts the e-mail addresses Strapi accepts too, so the editors can publish the item', () => {
    for (const submitterEmail of [
      'anna@voorbeeld.nl',
      'Anna.de-Vries+buurt@mail.voorbeeld.nl',
      "o'brien@voorbeeld.co.uk",
    ]) {
      expect(
        validateSubmission(GOOD_PRACTICE_SUBMISSION, { ...practice, submitterEmail }).ok,
        submitterEmail,
      ).toBe(true);
    }
    for (const submitterEmail of [
      'anna..de.vries@voorbeeld.nl',
      '.anna@voorbeeld.nl',
      'anna@voorbeeld',
      'anna@-voorbeeld.nl',
      'anna@voorbeeld.nl1',
      'anna@voorbeeld..nl',
      '😀@voorbeeld.nl',
    ]) {
      expect(
        errorsOf(validateSubmission(GOOD_PRACTICE_SUBMISSION, { ...practice, submitterEmail }))
          .submitterEmail,
        submitterEmail,
      ).toMatch(/naam@voorbeeld\.nl/);
    }
  });

  it('checks e-mail addresses and choices', () => {
    const errors = errorsOf(
      validateSubmission(GOOD_PRACTICE_SUBMISSION, {
        ...practice,
        submitterEmail: 'anna@<script>',
        activityType: 'iets anders',
      }),
    );
    expect(errors.submitterEmail).toMatch(/naam@voorbeeld\.nl/);
    expect(errors.activityType).toMatch(/kies een van de mogelijkheden/);
  });

  it('refuses impossible dates and an end before the start', () => {
    expect(
      errorsOf(validateSubmission(EVENT_SUBMISSION, { ...event, startsAt: '2026-04-31T10:00' }))
        .startsAt,
    ).toMatch(/datum en tijd/);
    expect(
      errorsOf(validateSubmission(EVENT_SUBMISSION, { ...event, startsAt: 'morgen' })).startsAt,
    ).toMatch(/datum en tijd/);
    expect(
      errorsOf(validateSubmission(EVENT_SUBMISSION, { ...event, endsAt: '2026-03-28T23:00' }))
        .endsAt,
    ).toBe('Eindigt op: dit mag niet vóór het begin liggen.');
  });

  it('never reads inherited keys, and is not polluted by __proto__ keys', () => {
    const { title: _own, ...withoutTitle } = practice;
    const inherited = Object.assign(Object.create({ title: 'geërfd' }), withoutTitle);
    expect(errorsOf(validateSubmission(GOOD_PRACTICE_SUBMISSION, inherited)).title).toMatch(
      /vul dit in/,
    );
    const hostile = JSON.parse(
      '{"__proto__": {"title": "vervuild"}, "constructor": {"prototype": {"x": 1}}}',
    );
    expect(errorsOf(validateSubmission(GOOD_PRACTICE_SUBMISSION, hostile)).title).toMatch(
      /vul dit in/,
    );
    expect(({} as Record<string, unknown>).title).toBeUndefined();
  });
});
