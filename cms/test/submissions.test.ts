import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootTestCms, type TestCms } from './harness';
import { adminLogin, request } from './http';
import { forgetOldSubmitters } from '../src/hub/submissions/forget-submitters';
import { submissionSettings } from '../src/hub/submissions/settings';

const SITE_URL = 'https://hub.example.nl';
const ADMIN = { email: 'redactie@example.org', password: 'Redactiewachtwoord1' };
const EDITORS = 'redactie@voorbeeld.nl';
let cms: TestCms;
let token: string;

/** A mail server that keeps what it receives: where the editors' notices go. */
const mails: { to: string[]; text: string }[] = [];
const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS', 'AUTH'],
  logger: false,
  onData(stream, session, done) {
    let raw = '';
    stream.on('data', (chunk: Buffer) => (raw += chunk.toString()));
    stream.on('end', () => {
      // Quoted-printable, as nodemailer sends Dutch text: soft line breaks and =XX bytes undone.
      const text = Buffer.from(
        raw
          .replace(/=\r?\n/g, '')
          .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))),
        'latin1',
      ).toString('utf8');
      mails.push({ to: session.envelope.rcptTo.map((recipient) => recipient.address), text });
      done();
    });
  },
});

beforeAll(async () => {
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  cms = await bootTestCms({
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: String((smtp.server.address() as AddressInfo).port),
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
  token = await freshToken();
  // Older than the minimum fill time for every test below.
  await new Promise((resolve) => setTimeout(resolve, 1100));
});
afterAll(async () => {
  await cms?.stop();
  await new Promise<void>((resolve) => smtp.close(resolve));
  for (const name of ['SMTP_HOST', 'SMTP_PORT', 'EMAIL_FROM', 'SUBMISSION_NOTIFY_TO'])
    Reflect.deleteProperty(process.env, name);
});

async function freshToken(): Promise<string> {
  const response = await fetch(`${cms.url}/api/submissions/token`);
  expect(response.headers.get('cache-control')).toBe('no-store');
  return ((await response.json()) as { token: string }).token;
}

let nextAddress = 1;
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
  options: { raw?: string; type?: string; from?: string; accept?: string } = {},
): Promise<Answer> {
  const response = await fetch(`${cms.url}/api/submissions/${kind}`, {
    method: 'POST',
    redirect: 'manual',
    headers: {
      'Content-Type': options.type ?? 'application/json',
      Accept: options.accept ?? 'application/json',
      'X-Forwarded-For': options.from ?? `10.1.0.${nextAddress++}`,
    },
    body: options.raw ?? JSON.stringify(body),
  });
  const text = await response.text();
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
  formToken: token,
});

const event = () => ({
  title: 'Samen soep eten (voorbeeld)',
  summary: 'Een kom soep en een praatje in het buurthuis.',
  startsAt: '2027-01-14T12:00',
  endsAt: '2027-01-14T14:00',
  cost: 'gratis',
  submitterName: 'Dirk Voorbeeld',
  submitterEmail: 'dirk@voorbeeld.nl',
  formToken: token,
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
        const found = mails.find((mail) => mail.text.includes(title));
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
    ['no fields at all', () => post('good-practices', { formToken: token }), /vul dit in/],
    [
      'missing required fields',
      () => post('events', { formToken: token, title: 'Alleen een titel' }),
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
          raw: `{"formToken":"${token}","a":${'{"a":'.repeat(5000)}1${'}'.repeat(5001)}`,
        }),
      /vul dit in/,
    ],
    [
      'deeply nested form fields',
      () =>
        post('good-practices', null, {
          type: 'application/x-www-form-urlencoded',
          raw: `title${'[a]'.repeat(200)}=x&formToken=${encodeURIComponent(token)}`,
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
      () => post('good-practices', { ...practice(), formToken: `1${token}` }),
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
