import http from 'node:http';
import fc from 'fast-check';
import { SUBMISSION_FORMS, validateSubmission, type SubmissionKind } from '@hub/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootTestCms, type TestCms } from './harness';
import { startMailCatcher, type MailCatcher } from './mail-catcher';
import { adminLogin, request } from './http';
import { forgetOldSubmitters } from '../src/hub/submissions/forget-submitters';
import { submissionSettings } from '../src/hub/submissions/settings';
import { SUBMISSION_MARKS_TABLE, SubmissionMarks } from '../src/hub/submissions/submission-marks';
import { submissionDraft } from '../src/hub/submissions/to-draft';

const SITE_URL = 'https://hub.example.nl';
const ADMIN = { email: 'redactie@example.org', password: 'Redactiewachtwoord1' };
const EDITORS = 'redactie@voorbeeld.nl';
let cms: TestCms;
/** Form tokens handed out before the tests, old enough to use: each is good for one submission. */
let tokens: string[] = [];
const nextToken = () => {
  const token = tokens.pop();
  if (!token) throw new Error('Hand out more form tokens in beforeAll.');
  return token;
};

/** A mail server that keeps what it receives: where the editors' notices go. */
let catcher: MailCatcher;

beforeAll(async () => {
  catcher = await startMailCatcher();
  cms = await bootTestCms({
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: String(catcher.port),
    EMAIL_FROM: 'hub@voorbeeld.nl',
    SUBMISSION_NOTIFY_TO: EDITORS,
    SITE_URL,
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    SUBMISSION_MIN_FILL_SECONDS: '1',
    // The test client stands in for the site's web server: its X-Forwarded-For is believed, so
    // each test can submit from an address of its own.
    SUBMISSION_TRUSTED_PROXIES: '127.0.0.1',
  });
  tokens = await Promise.all(Array.from({ length: 200 }, () => freshToken()));
  // Older than the minimum fill time for every test below.
  await new Promise((resolve) => setTimeout(resolve, 1100));
});
afterAll(async () => {
  await cms?.stop();
  await catcher?.close();
  for (const name of ['SMTP_HOST', 'SMTP_PORT', 'EMAIL_FROM', 'SUBMISSION_NOTIFY_TO'])
    Reflect.deleteProperty(process.env, name);
});

async function freshToken(): Promise<string> {
  const response = await fetch(`${cms.url}/api/submissions/token`);
  expect(response.headers.get('cache-control')).toBe('no-store');
  return ((await response.json()) as { token: string }).token;
}

let nextAddress = 0;
/** A fresh IPv4 address for each post, so the budgets of one test do not touch another's. */
const anotherAddress = () => {
  nextAddress += 1;
  return `10.1.${Math.floor(nextAddress / 250)}.${(nextAddress % 250) + 1}`;
};
interface Answer {
  status: number;
  text: string;
  json: { ok?: boolean; message?: string; errors?: { field: string; message: string }[] } | null;
  headers: Headers;
}

/** Posts to a submission endpoint, by default as JSON from an address of its own. */
async function post(
  kind: 'good-practices' | 'events',
  body: unknown,
  options: {
    raw?: string;
    type?: string;
    from?: string;
    accept?: string;
    headers?: Record<string, string>;
  } = {},
): Promise<Answer> {
  const response = await fetch(`${cms.url}/api/submissions/${kind}`, {
    method: 'POST',
    redirect: 'manual',
    headers: {
      'Content-Type': options.type ?? 'application/json',
      Accept: options.accept ?? 'application/json',
      'X-Forwarded-For': options.from ?? anotherAddress(),
      ...options.headers,
    },
    body: options.raw ?? JSON.stringify(body),
  });
  const text = await response.text();
  // Whatever a test sends, the answer is never a server error.
  expect(response.status, text).toBeLessThan(500);
  let json: Answer['json'] = null;
  try {
    json = JSON.parse(text);
  } catch {
    // A page, not JSON.
  }
  return { status: response.status, text, json, headers: response.headers };
}

const practice = () => ({
  title: 'Wandelen met de buren (voorbeeld)',
  summary: 'Elke woensdag wandelen buren samen een rondje door de wijk.',
  description: 'We starten om tien uur bij de bakker.\n\nIedereen mag mee.',
  activityType: 'wandelgroep',
  place: 'Wijk Wittevrouwenveld',
  website: 'https://wandelen.voorbeeld.nl',
  submitterName: 'Carla Voorbeeld',
  submitterEmail: 'carla@voorbeeld.nl',
  submitterOrganisation: 'Buurtnetwerk (voorbeeld)',
  formToken: nextToken(),
});

const event = () => ({
  title: 'Samen soep eten (voorbeeld)',
  summary: 'Een kom soep en een praatje in het buurthuis.',
  startsAt: '2027-01-14T12:00',
  endsAt: '2027-01-14T14:00',
  cost: 'gratis',
  submitterName: 'Dirk Voorbeeld',
  submitterEmail: 'dirk@voorbeeld.nl',
  formToken: nextToken(),
});

const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();

type Stored = Record<string, unknown> & {
  documentId: string;
  submitter?: Record<string, unknown> | null;
};

async function storedPractice(title: string): Promise<Stored | undefined> {
  const [found] = (await cms.strapi.documents('api::good-practice.good-practice').findMany({
    filters: { title },
    populate: ['submitter', 'contact', 'location', 'themes', 'organisations'],
  } as never)) as unknown as Stored[];
  return found;
}

describe('a valid submission', () => {
  it('becomes a draft marked as submitted, with who sent it, and is not public', async () => {
    const answer = await post('good-practices', practice());
    expect(answer.status).toBe(201);
    expect(answer.json?.message).toMatch(/^Bedankt!/);

    const stored = await storedPractice('Wandelen met de buren (voorbeeld)');
    expect(stored).toMatchObject({
      submitted: true,
      activityType: 'wandelgroep',
      publishedAt: null,
      location: expect.objectContaining({ venue: 'Wijk Wittevrouwenveld' }),
      contact: expect.objectContaining({ website: 'https://wandelen.voorbeeld.nl' }),
      submitter: expect.objectContaining({
        name: 'Carla Voorbeeld',
        email: 'carla@voorbeeld.nl',
        organisation: 'Buurtnetwerk (voorbeeld)',
      }),
    });
    expect(stored?.body).toEqual([
      {
        type: 'paragraph',
        children: [{ type: 'text', text: 'We starten om tien uur bij de bakker.' }],
      },
      { type: 'paragraph', children: [{ type: 'text', text: 'Iedereen mag mee.' }] },
    ]);
    const published = await cms.strapi
      .documents('api::good-practice.good-practice')
      .findMany({ status: 'published', filters: { title: stored?.title } } as never);
    expect(published).toHaveLength(0);
  });

  it('works for an event, in Amsterdam time', async () => {
    const answer = await post('events', event());
    expect(answer.status).toBe(201);
    const [stored] = (await cms.strapi.documents('api::event.event').findMany({
      filters: { title: 'Samen soep eten (voorbeeld)' },
    } as never)) as unknown as Stored[];
    expect(stored).toMatchObject({ submitted: true, eventStatus: 'gepland', cost: 'gratis' });
    expect(new Date(String(stored?.startsAt)).toISOString()).toBe('2027-01-14T11:00:00.000Z');
  });

  it('sent as a plain HTML form, goes on to the site’s thank-you page', async () => {
    const answer = await post('events', null, {
      type: 'application/x-www-form-urlencoded',
      accept: 'text/html,application/xhtml+xml',
      raw: form({ ...event(), title: 'Formulier zonder JavaScript (voorbeeld)' }),
    });
    expect(answer.status).toBe(303);
    // Relative: the form is posted through the site's own address.
    expect(answer.headers.get('location')).toBe('/bedankt/');
  });

  it('sent without JavaScript (so without a token), asks to check it, then takes it', async () => {
    const title = 'Zonder JavaScript aangemeld (voorbeeld)';
    const { formToken: _none, ...fields } = practice();
    const from = '10.7.7.7';
    const first = await post('good-practices', null, {
      type: 'application/x-www-form-urlencoded',
      accept: 'text/html',
      from,
      raw: form({ ...fields, title, description: 'Regel een\nRegel "twee" & <drie>' }),
    });
    expect(first.status).toBe(200);
    expect(first.headers.get('content-type')).toMatch(/text\/html/);
    expect(first.text).toContain('Kijk of alles klopt');
    // The form again, as filled in (escaped), with a fresh token to send it with.
    expect(first.text).toContain(`value="${title}"`);
    expect(first.text).toContain('Regel een\nRegel &quot;twee&quot; &amp; &lt;drie&gt;</textarea>');
    expect(first.text).toMatch(/<option value="wandelgroep" selected>/);
    expect(first.text).toContain('action="/api/submissions/good-practices"');
    expect(await storedPractice(title)).toBeUndefined();

    const newToken = /name="formToken" value="([^"]+)"/.exec(first.text)?.[1];
    expect(newToken).toBeTruthy();
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const second = await post('good-practices', null, {
      type: 'application/x-www-form-urlencoded',
      accept: 'text/html',
      from,
      raw: form({ ...fields, title, formToken: newToken! }),
    });
    expect(second.status).toBe(303);
    expect(await storedPractice(title)).toMatchObject({ submitted: true });
  });

  it('sent as a plain HTML form with mistakes, shows the form again with each problem', async () => {
    const answer = await post('events', null, {
      type: 'application/x-www-form-urlencoded',
      accept: 'text/html',
      raw: form({ ...event(), submitterEmail: 'geen adres', title: '<b>Vet</b>' }),
    });
    expect(answer.status).toBe(400);
    expect(answer.headers.get('content-type')).toMatch(/text\/html/);
    expect(answer.text).toContain('<html lang="nl">');
    // In the summary, linked to its field, and beside the field, which is marked invalid.
    expect(answer.text).toContain(
      '<a href="#veld-submitterEmail">Je e-mailadres: vul een e-mailadres in',
    );
    expect(answer.text).toMatch(/id="veld-submitterEmail"[^>]*aria-invalid="true"/);
    expect(answer.text).toContain('value="&lt;b&gt;Vet&lt;/b&gt;"');
    expect(answer.text).not.toContain('<b>Vet</b>');
    // Styled like the site, from the shared stylesheet.
    expect(answer.text).toContain('--hub-color-primary');
  });

  it('sent as a plain HTML form that is too large, gets a Dutch page, not JSON', async () => {
    const answer = await post('events', null, {
      type: 'application/x-www-form-urlencoded',
      accept: 'text/html',
      raw: form({ ...event(), description: 'x'.repeat(40_000) }),
    });
    expect(answer.status).toBe(413);
    expect(answer.headers.get('content-type')).toMatch(/text\/html/);
    expect(answer.text).toContain('Het formulier is te groot');
  });
});

describe('review by the editors', () => {
  it('shows submissions in the admin list as "Ingezonden", and lets editors filter on it', async () => {
    const contentManager = cms.strapi.plugin('content-manager').service('content-types');
    for (const uid of ['api::good-practice.good-practice', 'api::event.event']) {
      const { layouts, settings, metadatas } = await contentManager.findConfiguration({ uid });
      expect(layouts.list, uid).toContain('submitted');
      expect(settings.filterable, uid).toBe(true);
      expect(metadatas.submitted.list.label, uid).toBe('Ingezonden');
    }
    const submitter = await cms.strapi
      .plugin('content-manager')
      .service('components')
      .findConfiguration({ uid: 'submission.submitter' });
    expect(submitter.metadatas.email.edit.label).toBe('E-mailadres');

    // The same filter the admin's list view sends.
    await cms.strapi.documents('api::good-practice.good-practice').create({
      data: {
        title: 'Door de redactie zelf gemaakt (voorbeeld)',
        summary: 'Een voorbeeld dat niet via het formulier kwam.',
        activityType: 'anders',
      },
    } as never);
    const jwt = await adminLogin(cms.url, ADMIN.email, ADMIN.password);
    const filtered = await request<{ results: { title: string; submitted: boolean }[] }>(
      cms.url,
      '/content-manager/collection-types/api::good-practice.good-practice?filters[$and][0][submitted][$eq]=true',
      { token: jwt },
    );
    expect(filtered.status).toBe(200);
    const titles = filtered.body.results.map((result) => result.title);
    expect(titles).toContain('Wandelen met de buren (voorbeeld)');
    expect(titles).not.toContain('Door de redactie zelf gemaakt (voorbeeld)');
    expect(filtered.body.results.every((result) => result.submitted)).toBe(true);
  });
});

describe('the editors’ e-mail notice', () => {
  it('tells the editors about a new submission, with a link to the draft, and nothing of who sent it', async () => {
    const title = 'Ommetje door Malpertuis (voorbeeld)';
    expect((await post('good-practices', { ...practice(), title })).status).toBe(201);
    const stored = await storedPractice(title);
    const notice = await (async () => {
      for (let wait = 0; wait < 50; wait += 1) {
        const found = catcher.mails.find((mail) => mail.text.includes(title));
        if (found) return found;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      return undefined;
    })();
    expect(notice?.to).toEqual([EDITORS]);
    expect(notice?.text).toContain(
      `/admin/content-manager/collection-types/api::good-practice.good-practice/${stored?.documentId}`,
    );
    expect(notice?.text).not.toContain('carla@voorbeeld.nl');
    expect(notice?.text).not.toContain('Carla Voorbeeld');
  });

  it('is off unless a mail server is configured', () => {
    expect(submissionSettings({}).notifyTo).toEqual([]);
    expect(submissionSettings({ SUBMISSION_NOTIFY_TO: EDITORS }).notifyTo).toEqual([]);
    expect(
      submissionSettings({
        SMTP_HOST: 'smtp.voorbeeld.nl',
        SUBMISSION_NOTIFY_TO: `${EDITORS}, b@c.nl`,
      }).notifyTo,
    ).toEqual([EDITORS, 'b@c.nl']);
  });
});

describe('hostile or broken input', () => {
  const big = 'x'.repeat(1024 * 1024);
  /** Each gets a 4xx with a Dutch message; none is stored (checked by title below). */
  const refused: [string, () => Promise<Answer>, RegExp][] = [
    [
      'a javascript: URL',
      () => post('good-practices', { ...practice(), website: 'javascript:alert(1)' }),
      /https:\/\//,
    ],
    [
      'a mixed-case javascript: URL',
      () => post('good-practices', { ...practice(), website: 'JaVaScRiPt:alert(1)' }),
      /https:\/\//,
    ],
    [
      'a data: URL',
      () =>
        post('good-practices', {
          ...practice(),
          website: 'data:text/html,<script>alert(1)</script>',
        }),
      /https:\/\//,
    ],
    [
      'a URL with a password',
      () => post('events', { ...event(), website: 'https://a:b@voorbeeld.nl' }),
      /https:\/\//,
    ],
    [
      'a 1 MB JSON body',
      () => post('good-practices', { ...practice(), description: big }),
      /te groot/,
    ],
    [
      'a 1 MB form body',
      () =>
        post('good-practices', null, {
          type: 'application/x-www-form-urlencoded',
          raw: form({ ...practice(), description: big }),
        }),
      /te groot/,
    ],
    [
      'a summary of 10,000 characters',
      () => post('good-practices', { ...practice(), summary: 'y'.repeat(10_000) }),
      /te lang/,
    ],
    [
      'a title one character too long',
      () => post('good-practices', { ...practice(), title: 't'.repeat(161) }),
      /hoogstens 160/,
    ],
    [
      'a NUL character',
      () => post('good-practices', { ...practice(), title: 'Koffie\u0000' }),
      /onzichtbare tekens/,
    ],
    [
      'an escape sequence',
      () => post('good-practices', { ...practice(), summary: '\u001b[2J weg' }),
      /onzichtbare tekens/,
    ],
    [
      'a right-to-left override',
      () => post('good-practices', { ...practice(), title: 'factuur\u202Efdp.exe' }),
      /onzichtbare tekens/,
    ],
    [
      'a direction isolate',
      () => post('events', { ...event(), summary: 'a\u2067b' }),
      /onzichtbare tekens/,
    ],
    [
      'a number as title',
      () => post('good-practices', { ...practice(), title: 42 }),
      /gewone tekst/,
    ],
    [
      'an array as title',
      () => post('good-practices', { ...practice(), title: ['a', 'b'] }),
      /gewone tekst/,
    ],
    [
      'an object as summary',
      () => post('good-practices', { ...practice(), summary: { $ne: null } }),
      /gewone tekst/,
    ],
    [
      'true as e-mail address',
      () => post('events', { ...event(), submitterEmail: true }),
      /gewone tekst/,
    ],
    ['no fields at all', () => post('good-practices', { formToken: nextToken() }), /vul dit in/],
    [
      'missing required fields',
      () => post('events', { formToken: nextToken(), title: 'Alleen een titel' }),
      /vul dit in/,
    ],
    ['an empty body', () => post('good-practices', null, { raw: '' }), /vul dit in/],
    [
      'an empty form',
      () => post('events', null, { type: 'application/x-www-form-urlencoded', raw: '' }),
      /vul dit in/,
    ],
    ['a JSON array', () => post('good-practices', [practice()]), /formulier niet lezen/],
    [
      'a JSON string',
      () => post('good-practices', null, { raw: '"hallo"' }),
      /formulier niet lezen/,
    ],
    [
      'malformed JSON',
      () => post('good-practices', null, { raw: '{"title": "Koffie", ' }),
      /formulier niet lezen/,
    ],
    [
      'deeply nested JSON',
      () =>
        post('good-practices', null, {
          raw: `{"formToken":"${nextToken()}","a":${'{"a":'.repeat(5000)}1${'}'.repeat(5001)}`,
        }),
      /vul dit in/,
    ],
    [
      'deeply nested form fields',
      () =>
        post('good-practices', null, {
          type: 'application/x-www-form-urlencoded',
          raw: `title${'[a]'.repeat(200)}=x&formToken=${encodeURIComponent(nextToken())}`,
        }),
      /vul dit in/,
    ],
    [
      'an invalid e-mail address',
      () => post('good-practices', { ...practice(), submitterEmail: 'carla@' }),
      /naam@voorbeeld\.nl/,
    ],
    [
      'an unknown kind of activity',
      () => post('good-practices', { ...practice(), activityType: 'publish' }),
      /kies een van/,
    ],
    [
      'an end before the start',
      () => post('events', { ...event(), endsAt: '2027-01-14T11:00' }),
      /niet vóór het begin/,
    ],
    [
      'a date that does not exist',
      () => post('events', { ...event(), startsAt: '2027-02-30T10:00' }),
      /datum en tijd/,
    ],
    [
      'a date in another format',
      () => post('events', { ...event(), startsAt: '14-01-2027 12:00' }),
      /datum en tijd/,
    ],
    [
      'plain text instead of JSON or a form',
      () => post('good-practices', null, { type: 'text/plain', raw: 'title=x' }),
      /gewoon formulier of als JSON/,
    ],
    [
      'a multipart body',
      () => post('good-practices', null, { type: 'multipart/form-data; boundary=x', raw: '--x--' }),
      /gewoon formulier of als JSON/,
    ],
    [
      'no form token',
      () => post('good-practices', { ...practice(), formToken: undefined }),
      /Laad de pagina opnieuw/,
    ],
    [
      'a forged form token',
      () => post('good-practices', { ...practice(), formToken: `${Date.now() - 60_000}.nep` }),
      /Laad de pagina opnieuw/,
    ],
    [
      'a token moved back in time',
      () => post('good-practices', { ...practice(), formToken: `1${nextToken()}` }),
      /Laad de pagina opnieuw/,
    ],
  ];

  it.each(refused)('refuses %s with a clear Dutch message', async (_name, send, message) => {
    const answer = await send();
    expect(answer.status).toBeGreaterThanOrEqual(400);
    expect(answer.status).toBeLessThan(500);
    const messages = (answer.json?.errors ?? []).map((error) => error.message).join(' | ');
    expect(messages).toMatch(message);
  });

  it('refuses a form sent the moment its token was handed out', async () => {
    const answer = await post('good-practices', { ...practice(), formToken: await freshToken() });
    expect(answer.status).toBe(400);
    expect(answer.json?.errors?.[0]?.message).toMatch(/erg snel/);
  });

  it('stores markup and event handlers as plain text, inert', async () => {
    const title = '<script>alert(1)</script> Koffie (voorbeeld)';
    const summary = '<img src=x onerror="alert(1)"> en <a href="javascript:alert(1)">klik</a>';
    const answer = await post('good-practices', { ...practice(), title, summary });
    expect(answer.status).toBe(201);
    const stored = await storedPractice(title);
    expect(stored?.summary).toBe(summary);
  });

  it('ignores status, publication dates, relations and other unknown fields', async () => {
    const title = 'Probeert te publiceren (voorbeeld)';
    const answer = await post('good-practices', {
      ...practice(),
      title,
      status: 'published',
      publishedAt: '2020-01-01T00:00:00.000Z',
      slug: 'admin',
      id: 1,
      documentId: 'abc',
      submitted: false,
      submitter: { name: 'Iemand anders' },
      themes: { connect: [1, 2] },
      organisations: [1],
      evidenceLevel: 'effectief',
      locale: 'en',
    });
    expect(answer.status).toBe(201);
    const stored = await storedPractice(title);
    expect(stored).toMatchObject({
      publishedAt: null,
      submitted: true,
      evidenceLevel: 'niet beoordeeld',
      themes: [],
      organisations: [],
      submitter: expect.objectContaining({ name: 'Carla Voorbeeld' }),
    });
    expect(stored?.slug).not.toBe('admin');
    const published = await cms.strapi
      .documents('api::good-practice.good-practice')
      .findMany({ status: 'published', filters: { title } } as never);
    expect(published).toHaveLength(0);
  });

  it('is not polluted by __proto__ or constructor keys', async () => {
    const answer = await post('good-practices', null, {
      raw: `{"__proto__": {"polluted": "ja"}, "constructor": {"prototype": {"polluted": "ja"}}, "title": "x"}`,
    });
    expect(answer.status).toBe(400);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('stores nothing of what it refused', async () => {
    const drafts = (await cms.strapi
      .documents('api::good-practice.good-practice')
      .findMany({ limit: 100 } as never)) as unknown as Stored[];
    const titles = drafts.map((draft) => draft.title);
    expect(titles).not.toContain('Koffie\u0000');
    expect(titles).not.toContain('Alleen een titel');
    expect(titles.filter((title) => title === 'Wandelen met de buren (voorbeeld)')).toHaveLength(1);
  });
});

describe('abuse', () => {
  it('thanks a robot that fills in the honeypot, and stores nothing', async () => {
    const title = 'Robot (voorbeeld)';
    const answer = await post('good-practices', { ...practice(), title, homepage: 'http://spam' });
    expect(answer.status).toBe(201);
    expect(await storedPractice(title)).toBeUndefined();
  });

  it('answers 429 in Dutch after 5 submissions from one address in 10 minutes', async () => {
    const from = '10.9.9.9';
    for (let n = 0; n < 5; n += 1) {
      const answer = await post(
        'events',
        { ...event(), title: `Reeks ${n} (voorbeeld)` },
        { from },
      );
      expect(answer.status).toBe(201);
    }
    const sixth = await post('events', { ...event(), title: 'Reeks 6 (voorbeeld)' }, { from });
    expect(sixth.status).toBe(429);
    expect(sixth.json?.errors?.[0]?.message).toMatch(/Probeer het over 10 minuten opnieuw/);
    expect(Number(sixth.headers.get('retry-after'))).toBeGreaterThan(0);
    // Another address is not held back.
    expect((await post('events', { ...event(), title: 'Ander adres (voorbeeld)' })).status).toBe(
      201,
    );
  });

  it('holds the limit for submissions sent at the same moment', async () => {
    const from = '10.8.8.8';
    const answers = await Promise.all(
      Array.from({ length: 8 }, (_, n) =>
        post('events', { ...event(), title: `Tegelijk ${n} (voorbeeld)` }, { from }),
      ),
    );
    const statuses = answers.map((answer) => answer.status).sort();
    expect(statuses).toEqual([201, 201, 201, 201, 201, 429, 429, 429]);
  });

  it('lets only the site’s origin call the endpoints from a browser', async () => {
    const preflight = (origin: string) =>
      fetch(`${cms.url}/api/submissions/events`, {
        method: 'OPTIONS',
        headers: { Origin: origin, 'Access-Control-Request-Method': 'POST' },
      });
    expect((await preflight(SITE_URL)).headers.get('access-control-allow-origin')).toBe(SITE_URL);
    expect(
      (await preflight('https://elders.example')).headers.get('access-control-allow-origin'),
    ).toBeNull();
  });
});

describe('privacy', () => {
  it('forgets who sent something in after the retention period, and only then', async () => {
    const title = 'Oude inzending (voorbeeld)';
    expect((await post('good-practices', { ...practice(), title })).status).toBe(201);
    const day = 24 * 60 * 60_000;

    expect(await forgetOldSubmitters(cms.strapi, new Date(Date.now() + 89 * day), 90)).toBe(0);
    expect((await storedPractice(title))?.submitter).toMatchObject({ email: 'carla@voorbeeld.nl' });

    expect(
      await forgetOldSubmitters(cms.strapi, new Date(Date.now() + 91 * day), 90),
    ).toBeGreaterThan(0);
    const stored = await storedPractice(title);
    expect(stored?.submitter).toMatchObject({ name: null, email: null, organisation: null });
    expect(stored?.summary).toBe(practice().summary);
  });
});

/** How many good practices with this title are stored. */
async function practicesTitled(title: string): Promise<number> {
  return cms.strapi
    .documents('api::good-practice.good-practice')
    .count({ filters: { title } } as never);
}

const messagesOf = (answer: Answer) =>
  (answer.json?.errors ?? []).map((error) => error.message).join(' | ');

describe('one-time form tokens', () => {
  it('take one submission per token: the same token again gets a Dutch message, nothing twice', async () => {
    const title = 'Eén keer versturen (voorbeeld)';
    const fields = { ...practice(), title };
    expect((await post('good-practices', fields)).status).toBe(201);
    const again = await post('good-practices', fields);
    expect(again.status).toBe(409);
    expect(messagesOf(again)).toMatch(/^Dit formulier is al verstuurd\./);
    // Also from another address, and for the other form.
    expect((await post('events', { ...event(), formToken: fields.formToken })).status).toBe(409);
    expect(await practicesTitled(title)).toBe(1);
  });

  it('store exactly one of two posts sent with one token at the same moment', async () => {
    const title = 'Twee keer tegelijk (voorbeeld)';
    const fields = { ...practice(), title };
    const answers = await Promise.all([
      post('good-practices', fields),
      post('good-practices', fields),
      post('good-practices', fields),
    ]);
    expect(answers.map((answer) => answer.status).sort()).toEqual([201, 409, 409]);
    expect(await practicesTitled(title)).toBe(1);
  });

  it('stay good after a post refused for its fields, so the person can fix it and send again', async () => {
    const title = 'Eerst een fout, dan goed (voorbeeld)';
    const fields = { ...practice(), title };
    const wrong = await post('good-practices', { ...fields, submitterEmail: 'carla@' });
    expect(wrong.status).toBe(400);
    expect(messagesOf(wrong)).toMatch(/naam@voorbeeld\.nl/);
    expect((await post('good-practices', fields)).status).toBe(201);
    expect(await practicesTitled(title)).toBe(1);
  });

  it('answer a form sent again without JavaScript with the form, a notice and a fresh token', async () => {
    const title = 'Nog een keer zonder JavaScript (voorbeeld)';
    const fields = { ...practice(), title };
    const asForm = { type: 'application/x-www-form-urlencoded', accept: 'text/html' };
    expect((await post('good-practices', null, { ...asForm, raw: form(fields) })).status).toBe(303);
    const again = await post('good-practices', null, { ...asForm, raw: form(fields) });
    expect(again.status).toBe(200);
    expect(again.text).toContain('<h2>Dit formulier is al verstuurd</h2>');
    expect(again.text).toContain(`value="${title}"`);
    const fresh = /name="formToken" value="([^"]+)"/.exec(again.text)?.[1];
    expect(fresh).toBeTruthy();
    expect(fresh).not.toBe(fields.formToken);
    expect(await practicesTitled(title)).toBe(1);
  });

  it('are used up by a robot that fills in the honeypot too', async () => {
    const fields = { ...practice(), title: 'Robot met een token (voorbeeld)' };
    expect((await post('good-practices', { ...fields, homepage: 'http://spam' })).status).toBe(201);
    expect((await post('good-practices', fields)).status).toBe(409);
    expect(await practicesTitled(fields.title)).toBe(0);
  });

  it('are remembered in the database until they expire, and expired ones are deleted', async () => {
    const claimed = await cms.strapi.db
      .connection(SUBMISSION_MARKS_TABLE)
      .where({ scope: 'form-token' })
      .count({ count: '*' });
    expect(Number(claimed[0]?.count)).toBeGreaterThan(0);

    let now = 1_000_000;
    const marks = new SubmissionMarks(cms.strapi, () => now);
    expect(await marks.claim('test', 'oud', now + 1000)).toBe(true);
    expect(await marks.claim('test', 'oud', now + 1000)).toBe(false);
    const left = async () =>
      (
        await cms.strapi.db
          .connection(SUBMISSION_MARKS_TABLE)
          .where({ scope: 'test' })
          .select('mark')
      ).map((row: { mark: string }) => row.mark);
    // Expired, but deleted at most once an hour per instance, on a claim.
    now += 2000;
    expect(await marks.claim('test', 'nieuw', now + 24 * 3_600_000)).toBe(true);
    expect((await left()).sort()).toEqual(['nieuw', 'oud']);
    now += 3_600_000;
    expect(await marks.claim('test', 'nieuwer', now + 24 * 3_600_000)).toBe(true);
    expect((await left()).sort()).toEqual(['nieuw', 'nieuwer']);
    expect(await marks.sweep()).toBe(0);
  });
});

describe('posts from another site', () => {
  it('are refused with 403 and a Dutch message; nothing is stored', async () => {
    const cases: Record<string, string>[] = [
      { Origin: 'https://elders.example' },
      { Origin: 'https://nep.hub.example.nl', 'Sec-Fetch-Site': 'same-site' },
      { Origin: 'null' },
      { 'Sec-Fetch-Site': 'cross-site' },
      { 'Sec-Fetch-Site': 'same-site' },
    ];
    for (const [n, headers] of cases.entries()) {
      const title = `Van een andere site ${n} (voorbeeld)`;
      const answer = await post('good-practices', { ...practice(), title }, { headers });
      expect(answer.status, JSON.stringify(headers)).toBe(403);
      expect(messagesOf(answer)).toMatch(/alleen versturen op onze eigen website/);
      expect(await practicesTitled(title)).toBe(0);
    }
  });

  it('get a page with a link to the site’s own form when sent without JavaScript', async () => {
    const answer = await post('events', null, {
      type: 'application/x-www-form-urlencoded',
      accept: 'text/html',
      raw: form({ ...event(), title: 'Formulier op een andere site (voorbeeld)' }),
      headers: { Origin: 'https://elders.example', 'Sec-Fetch-Site': 'cross-site' },
    });
    expect(answer.status).toBe(403);
    expect(answer.headers.get('content-type')).toMatch(/text\/html/);
    expect(answer.text).toContain('<html lang="nl">');
    expect(answer.text).toContain('<a href="/meld-een-activiteit/">Meld een activiteit aan</a>');
  });

  it('are taken from the site’s own origin', async () => {
    const title = 'Van de eigen site (voorbeeld)';
    const answer = await post(
      'good-practices',
      { ...practice(), title },
      { headers: { Origin: SITE_URL, 'Sec-Fetch-Site': 'same-origin' } },
    );
    expect(answer.status).toBe(201);
    expect(await practicesTitled(title)).toBe(1);
  });
});

describe('the budgets per address', () => {
  it('count every post, refused ones too, and group IPv6 addresses by their /64', async () => {
    const refusedPost = (from: string) =>
      post('good-practices', { title: 'Alleen een titel' }, { from });
    for (let n = 1; n <= 30; n += 1) {
      expect((await refusedPost(`2001:db8:1:2::${n.toString(16)}`)).status).toBe(400);
    }
    // A neighbour in the same /64 has no budget left either, also for a good submission.
    const neighbour = await refusedPost('2001:db8:1:2:ffff:ffff:ffff:ffff');
    expect(neighbour.status).toBe(429);
    expect(messagesOf(neighbour)).toMatch(/heel vaak verstuurd\. Probeer het over 10 minuten/);
    expect(Number(neighbour.headers.get('retry-after'))).toBeGreaterThan(0);
    const good = await post(
      'good-practices',
      { ...practice(), title: 'Goed maar te vaak (voorbeeld)' },
      { from: '2001:db8:1:2::abc' },
    );
    expect(good.status).toBe(429);
    // A page for a form sent without JavaScript.
    const page = await post('good-practices', null, {
      type: 'application/x-www-form-urlencoded',
      accept: 'text/html',
      raw: form({ title: 'x' }),
      from: '2001:db8:1:2::def',
    });
    expect(page.status).toBe(429);
    expect(page.text).toContain('heel vaak verstuurd');
    // The next /64 has a budget of its own.
    expect((await refusedPost('2001:db8:1:3::1')).status).toBe(400);
  });

  it('hold the submission limit for a whole IPv6 /64 too', async () => {
    for (let n = 1; n <= 5; n += 1) {
      const answer = await post(
        'events',
        { ...event(), title: `IPv6-reeks ${n} (voorbeeld)` },
        { from: `2001:db8:5:5::${n}` },
      );
      expect(answer.status).toBe(201);
    }
    const sixth = await post(
      'events',
      { ...event(), title: 'IPv6-reeks 6 (voorbeeld)' },
      { from: '2001:db8:5:5:1:2:3:4' },
    );
    expect(sixth.status).toBe(429);
    expect(messagesOf(sixth)).toMatch(/Probeer het over 10 minuten opnieuw/);
  });
});

/** Posts a body in chunks, without a Content-Length, as node:http streams it. */
function postChunked(
  path: string,
  chunks: string[],
  headers: Record<string, string>,
): Promise<{ status: number; chunked: boolean; text: string }> {
  return new Promise((resolve, reject) => {
    const outgoing = http.request(`${cms.url}${path}`, {
      method: 'POST',
      headers: { 'X-Forwarded-For': anotherAddress(), ...headers },
    });
    let answered = false;
    outgoing.on('response', (response) => {
      answered = true;
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (text += chunk));
      expect(response.statusCode).toBeLessThan(500);
      response.on('end', () =>
        resolve({ status: response.statusCode ?? 0, chunked: outgoing.chunkedEncoding, text }),
      );
    });
    // Writing on after the server has answered may fail; the answer is what counts.
    outgoing.on('error', (error) => {
      if (!answered) reject(error);
    });
    const writeNext = (index: number) => {
      if (index === chunks.length) return outgoing.end();
      outgoing.write(chunks[index], () => setImmediate(() => writeNext(index + 1)));
    };
    writeNext(0);
  });
}

describe('the size limit', () => {
  it('counts the bytes of a chunked body, which has no Content-Length: 413 in Dutch', async () => {
    const body = JSON.stringify({ ...practice(), description: 'x'.repeat(40_000) });
    const chunks = body.match(/[\s\S]{1,1000}/g) ?? [];
    const answer = await postChunked('/api/submissions/good-practices', chunks, {
      'Content-Type': 'application/json',
      Accept: 'application/json',
    });
    // Sent as Transfer-Encoding: chunked, without a Content-Length.
    expect(answer.chunked).toBe(true);
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.text).errors[0].message).toMatch(/Het formulier is te groot/);

    const page = await postChunked(
      '/api/submissions/events',
      form({ ...event(), description: 'y'.repeat(40_000) }).match(/[\s\S]{1,1000}/g) ?? [],
      { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'text/html' },
    );
    expect(page.status).toBe(413);
    expect(page.text).toContain('Het formulier is te groot');
  });

  it('takes a chunked body within the limit as any other', async () => {
    const title = 'In stukjes verstuurd (voorbeeld)';
    const body = JSON.stringify({ ...practice(), title, description: 'z'.repeat(3000) });
    const answer = await postChunked(
      '/api/submissions/good-practices',
      body.match(/[\s\S]{1,700}/g) ?? [],
      { 'Content-Type': 'application/json', Accept: 'application/json' },
    );
    expect(answer.status).toBe(201);
    expect(await practicesTitled(title)).toBe(1);
  });

  it('refuses a compressed body, which could be far larger than it looks', async () => {
    const answer = await post('good-practices', practice(), {
      headers: { 'Content-Encoding': 'gzip' },
    });
    expect(answer.status).toBe(415);
  });
});

describe('lengths and invisible characters', () => {
  it('refuses a title of 160 emoji (320 as the CMS counts) with a clear 400, and stores 76', async () => {
    const tooLong = await post('good-practices', { ...practice(), title: '😀'.repeat(160) });
    expect(tooLong.status).toBe(400);
    expect(messagesOf(tooLong)).toMatch(
      /te lang\. Gebruik hoogstens 160 tekens \(nu 320\)\. Een emoji telt als 2 tekens\./,
    );

    // 160 as the CMS counts; the letters are for the web address, which is made of the title.
    const title = `Koffie ${'😀'.repeat(76)}!`;
    expect((await post('good-practices', { ...practice(), title })).status).toBe(201);
    expect(await practicesTitled(title)).toBe(1);
  });

  it('stores every field at its longest, in emoji and accented letters', async () => {
    const fill = (length: number, unit = '😀') => unit.repeat(Math.floor(length / unit.length));
    const title = fill(160, 'é');
    const answer = await post('events', {
      ...event(),
      title,
      summary: fill(300),
      description: fill(4000),
      place: fill(160),
      website: `https://voorbeeld.nl/${'a'.repeat(234)}`,
      cost: fill(120),
      submitterName: fill(100),
      submitterOrganisation: fill(200),
    });
    expect(answer.status, answer.text).toBe(201);
    const [stored] = (await cms.strapi.documents('api::event.event').findMany({
      filters: { title },
      populate: ['location', 'submitter'],
    } as never)) as unknown as Stored[];
    expect(stored).toMatchObject({
      cost: fill(120),
      registrationUrl: `https://voorbeeld.nl/${'a'.repeat(234)}`,
      location: expect.objectContaining({ venue: fill(160) }),
      submitter: expect.objectContaining({ organisation: fill(200) }),
    });
  });

  it('refuses a zero-width space in a title', async () => {
    const title = 'Koffie\u200Bochtend (voorbeeld)';
    const answer = await post('good-practices', { ...practice(), title });
    expect(answer.status).toBe(400);
    expect(messagesOf(answer)).toMatch(/Naam van het initiatief: hierin staan onzichtbare tekens/);
    expect(await practicesTitled(title)).toBe(0);
  });
});

describe('what the form check accepts', () => {
  it('can be stored as a draft, and published by an editor as it came in', async () => {
    const uids = {
      'good-practice': 'api::good-practice.good-practice',
      event: 'api::event.event',
    } as const;
    const good: Record<SubmissionKind, Record<string, string>> = {
      'good-practice': { ...practice(), formToken: '' },
      event: { ...event(), formToken: '' },
    };
    const anyText = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 320 }),
      fc.emailAddress(),
      fc.webUrl(),
      fc
        .tuple(fc.constantFrom('a', 'é', '😀', '👩‍🍳', ' '), fc.integer({ min: 1, max: 4100 }))
        .map(([unit, times]) => unit.repeat(times)),
    );
    const submission = fc
      .constantFrom<SubmissionKind>('good-practice', 'event')
      .chain((kind) =>
        fc
          .array(
            fc.tuple(fc.constantFrom(...SUBMISSION_FORMS[kind].fields.map((f) => f.name)), anyText),
            { minLength: 1, maxLength: 3 },
          )
          .map((changes) => ({ kind, input: { ...good[kind], ...Object.fromEntries(changes) } })),
      );
    let accepted = 0;
    await fc.assert(
      fc.asyncProperty(submission, async ({ kind, input }) => {
        const result = validateSubmission(SUBMISSION_FORMS[kind], input);
        if (!result.ok) return;
        accepted += 1;
        const data = submissionDraft(kind, result.values, new Date());
        // Stored as the submission desk stores it: Strapi's checks, the editorial rules (a slug
        // from the title), the database's columns.
        const documents = cms.strapi.documents(uids[kind]);
        const { documentId } = await documents.create({ data } as never);
        // An editor publishes it as it came in (Strapi checks the e-mail address only then).
        await cms.strapi.entityValidator.validateEntityCreation(
          cms.strapi.contentType(uids[kind]),
          { evidenceLevel: 'niet beoordeeld', ...data } as never,
          { isDraft: false },
        );
        await documents.delete({ documentId } as never);
      }),
      { numRuns: 120 },
    );
    expect(accepted).toBeGreaterThan(30);
  });
});
