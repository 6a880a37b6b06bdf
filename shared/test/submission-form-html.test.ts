import { describe, expect, it } from 'vitest';
import {
  EVENT_SUBMISSION,
  GOOD_PRACTICE_SUBMISSION,
  SUBMISSION_FORMS,
  submissionFormHtml,
} from '../src';

/** The start tag of the element with this id. */
const tagWithId = (html: string, id: string) =>
  new RegExp(`<(input|textarea|select)[^>]*\\sid="${id}"[^>]*>`).exec(html)?.[0] ?? '';

describe('submissionFormHtml', () => {
  it.each(Object.values(SUBMISSION_FORMS))(
    'gives every field of "$title" a label, and ties its hint to it',
    (form) => {
      const html = submissionFormHtml(form);
      for (const field of form.fields) {
        const id = `veld-${field.name}`;
        expect(html, field.name).toContain(`<label for="${id}">`);
        const control = tagWithId(html, id);
        expect(control, field.name).toContain(`name="${field.name}"`);
        if (field.hint) {
          expect(html).toContain(`<p class="field__hint" id="${id}-hint">`);
          expect(control).toContain(`aria-describedby="${id}-hint"`);
        }
        expect(control.includes(' required'), field.name).toBe(field.required);
      }
      expect(html).toContain(`action="${form.endpoint}"`);
      expect(html).toContain('method="post"');
      // No problems yet: no summary.
      expect(html).not.toContain('data-form-message');
    },
  );

  it('hides the honeypot from people, the keyboard and screen readers', () => {
    const html = submissionFormHtml(GOOD_PRACTICE_SUBMISSION);
    expect(html).toMatch(
      /<div class="field-trap" aria-hidden="true">.*<input id="veld-homepage" name="homepage" type="text" tabindex="-1" autocomplete="off">/,
    );
  });

  it('shows what was filled in again, escaped, and keeps the token', () => {
    const hostile = '"><script>alert(1)</script>';
    const html = submissionFormHtml(EVENT_SUBMISSION, {
      values: { title: hostile, summary: `</textarea>${hostile}`, startsAt: '2027-01-14T12:00' },
      token: '123.abc',
    });
    expect(html).not.toContain('<script>');
    expect(html).toContain('>&lt;/textarea&gt;&quot;&gt;&lt;script&gt;');
    expect(tagWithId(html, 'veld-title')).toContain(
      'value="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"',
    );
    expect(tagWithId(html, 'veld-startsAt')).toContain('value="2027-01-14T12:00"');
    expect(tagWithId(html, 'veld-startsAt')).toContain('type="datetime-local"');
    expect(html).toContain('<input type="hidden" name="formToken" value="123.abc">');
  });

  it('keeps a chosen option chosen', () => {
    const html = submissionFormHtml(GOOD_PRACTICE_SUBMISSION, {
      values: { activityType: 'wandelgroep' },
    });
    expect(html).toContain('<option value="wandelgroep" selected>Wandelgroep</option>');
    expect(html.match(/ selected/g)).toHaveLength(1);
  });

  it('lists problems in a summary that links to each field, and marks the fields', () => {
    const html = submissionFormHtml(GOOD_PRACTICE_SUBMISSION, {
      errors: [
        { field: 'title', message: 'Naam van het initiatief: vul dit in.' },
        { field: '', message: 'Probeer het later nog eens.' },
      ],
      notice: { title: 'Niet te zien', text: 'Een melding wijkt voor de problemen.' },
    });
    expect(html).toContain('<a href="#veld-title">Naam van het initiatief: vul dit in.</a>');
    expect(html).toContain('<li>Probeer het later nog eens.</li>');
    expect(html).toContain('<p class="field__error" id="veld-title-error">');
    const title = tagWithId(html, 'veld-title');
    expect(title).toContain('aria-describedby="veld-title-hint veld-title-error"');
    expect(title).toContain('aria-invalid="true"');
    expect(tagWithId(html, 'veld-summary')).not.toContain('aria-invalid');
    expect(html).not.toContain('Niet te zien');
  });

  it('shows a notice above the form when there are no problems', () => {
    const html = submissionFormHtml(EVENT_SUBMISSION, {
      notice: { title: 'Kijk of alles klopt', text: 'Klik dan op Versturen.' },
    });
    expect(html).toMatch(/data-form-message[^>]*><h2>Kijk of alles klopt<\/h2>/);
  });
});
