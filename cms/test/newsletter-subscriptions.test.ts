import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootTestCms, type TestCms } from './harness';
import { loginWithRole } from './fixtures';
import { startMailCatcher, type CaughtMail, type MailCatcher } from './mail-catcher';
import { request } from './http';
import { newsletterLinks } from '../src/hub/newsletter/links';
import { forgetUnconfirmedSubscribers } from '../src/hub/newsletter/subscriptions/subscriber-store';
import { demoPages } from '../src/hub/seed/demo/pages';

const SITE_URL = 'https://hub.example.nl';
const SUBSCRIBERS = 'api::newsletter-subscriber.newsletter-subscriber';
let cms: TestCms;
let catcher: MailCatcher;
/** Form tokens handed out before the tests, old enough to use: each is good for one sign-up. */
let tokens: string[] = [];
const nextToken = () => {
  const token = tokens.pop();
  if (!token) throw new Error('Hand out more form tokens in beforeAll.');
  return token;
};

beforeAll(async () => {
  catcher = await startMailCatcher();
  cms = await bootTestCms({
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: String(catcher.port),
    EMAIL_FROM: 'nieuwsbrief@voorbeeld.nl',
    SITE_URL,
    SUBMISSION_MIN_FILL_SECONDS: '1',
    // The test client stands in for the site's web server: its X-Forwarded-For is believed, so
    // each test can sign up from an address of its own.
    SUBMISSION_TRUSTED_PROXIES: '127.0.0.1',
  });
  tokens = await Promise.all(Array.from({ length: 80 }, () => freshToken()));
  await new Promise((resolve) => setTimeout(resolve, 1100));
}, 120_000);
afterAll(async () => {
  await cms?.stop();
  await catcher?.close();
  for (const name of ['SMTP_HOST', 'SMTP_PORT', 'EMAIL_FROM', 'SITE_URL'])
    Reflect.deleteProperty(process.env, name);
});

async function freshToken(): Promise<string> {
  const response = await fetch(`${cms.url}/api/newsletter/token`);
  expect(response.headers.get('cache-control')).toBe('no-store');
  const body = (await response.json()) as { open: boolean; token: string };
  expect(body.open).toBe(true);
  return body.token;
}

let nextAddress = 0;
/** A fresh IPv4 address for each post, so the budgets of one test do not touch another's. */
const anotherAddress = () => {
  nextAddress += 1;
  return `10.2.${Math.floor(nextAddress / 250)}.${(nextAddress % 250) + 1}`;
};

interface Answer {
  status: number;
  text: string;
  json: { ok?: boolean; message?: string; errors?: { field: string; message: string }[] } | null;
  headers: Headers;
}

async function send(path: string, init: RequestInit & { from?: string }): Promise<Answer> {
  const response = await fetch(`${cms.url}${path}`, {
    redirect: 'manual',
    ...init,
    headers: { 'X-Forwarded-For': init.from ?? anotherAddress(), ...init.headers },
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

/** Signs up as JSON (or with any raw body and headers). */
const signUp = (
  body: unknown,
  options: {
    raw?: string | Buffer;
    type?: string;
    accept?: string;
    headers?: Record<string, string>;
    from?: string;
  } = {},
) =>
  send('/api/newsletter/subscribe', {
    method: 'POST',
    from: options.from,
    headers: {
      'Content-Type': options.type ?? 'application/json',
      Accept: options.accept ?? 'application/json',
      ...options.headers,
    },
    body: options.raw ?? JSON.stringify(body),
  });

/** Signs up as a browser's form without JavaScript does. */
const signUpByForm = (fields: [string, string][], headers: Record<string, string> = {}) =>
  signUp(null, {
    raw: new URLSearchParams(fields).toString(),
    type: 'application/x-www-form-urlencoded',
    accept: 'text/html,application/xhtml+xml',
    headers: { Origin: SITE_URL, 'Sec-Fetch-Site': 'same-origin', ...headers },
  });

const subscribers = async () =>
  (await cms.strapi.db.query(SUBSCRIBERS).findMany({})) as {
    documentId: string;
    email: string;
    parts: string[];
    district: string | null;
    confirmedAt: string | null;
    signedUpAt: string | null;
  }[];
const rowsFor = async (email: string) => (await subscribers()).filter((row) => row.email === email);

/** The mails to one address, once at least `count` have arrived. */
async function mailsTo(email: string, count = 1, timeoutMs = 5000): Promise<CaughtMail[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = catcher.mails.filter((mail) => mail.to.includes(email));
    if (found.length >= count || Date.now() > deadline) return found;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The site's link in a mail, as the path the site's web server passes on to the CMS. */
function linkIn(mail: CaughtMail, kind: 'confirm' | 'unsubscribe' | 'manage'): string {
  const match = new RegExp(`${SITE_URL}(/api/newsletter/${kind}\\?token=[A-Za-z0-9._%-]+)`).exec(
    mail.text,
  );
  if (!match?.[1]) throw new Error(`No ${kind} link in:\n${mail.text}`);
  return match[1];
}

const visit = (path: string) => send(path, { headers: { Accept: 'text/html' } });
const pressButton = (path: string, body = '') =>
  send(path, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/x-www-form-urlencoded',
      Accept: 'text/html',
      Origin: SITE_URL,
      'Sec-Fetch-Site': 'same-origin',
    },
    body,
  });

const valid = (email: unknown, extra: Record<string, unknown> = {}) => ({
  email,
  parts: ['nieuws', 'agenda'],
  district: 'noord-west',
  formToken: nextToken(),
  ...extra,
});

describe('newsletter sign-up with double opt-in', () => {
  it('stores an unconfirmed sign-up and mails one confirmation link, which confirms with one click', async () => {
    const email = 'anna@voorbeeld.nl';
    const answer = await signUp(valid('Anna@Voorbeeld.nl'));
    expect(answer.status).toBe(202);
    expect(answer.json?.message).toMatch(/Kijk ook bij de ongewenste e-mail/);
    const [row] = await rowsFor(email);
    expect(row).toMatchObject({
      parts: ['nieuws', 'agenda'],
      district: 'noord-west',
      confirmedAt: null,
    });
    expect(row?.signedUpAt).toBeTruthy();

    const [mail, ...more] = await mailsTo(email);
    expect(more).toEqual([]);
    expect(mail?.text).toMatch(/Subject: Bevestig je aanmelding voor de nieuwsbrief/);
    expect(mail?.text).toMatch(/De link werkt 48 uur/);
    expect(mail?.text).toMatch(/Nieuws en Agenda, uit stadsdeel Noord-West/);
    expect(mail?.text).not.toMatch(/<img/i);
    const link = linkIn(mail!, 'confirm');

    // Opening the link (or a mail scanner following it) confirms nothing: it shows a button.
    const prompt = await visit(link);
    expect(prompt.status).toBe(200);
    expect(prompt.text).toMatch(/Ja, ik wil de nieuwsbrief/);
    expect(prompt.headers.get('cache-control')).toBe('no-store');
    // Not 'no-referrer': a browser would then send `Origin: null` with the button, refused.
    expect(prompt.headers.get('referrer-policy')).toBe('same-origin');
    expect((await rowsFor(email))[0]?.confirmedAt).toBeNull();

    const confirmed = await pressButton(link);
    expect(confirmed.status).toBe(200);
    expect(confirmed.text).toMatch(/Je aanmelding is klaar/);
    expect(confirmed.text).toMatch(/href="\/api\/newsletter\/manage\?token=/);
    const [after] = await rowsFor(email);
    expect(after?.confirmedAt).toBeTruthy();

    // The same link again: harmless, the same page, one row, the first moment kept.
    const again = await pressButton(link);
    expect(again.status).toBe(200);
    expect(again.text).toMatch(/Je aanmelding is klaar/);
    const rows = await rowsFor(email);
    expect(rows).toHaveLength(1);
    expect(rows[0]?.confirmedAt).toBe(after?.confirmedAt);
  });

  it('answers a known address exactly as a new one, keeps one row, and mails a confirmed one only "you are subscribed"', async () => {
    const email = 'bram@voorbeeld.nl';
    const first = await signUp(valid(email));
    const [confirmation] = await mailsTo(email);
    await pressButton(linkIn(confirmation!, 'confirm'));

    const fresh = await signUp(valid('nieuw-adres@voorbeeld.nl'));
    const known = await signUp(valid(email, { parts: ['goede-voorbeelden'], district: '' }));
    expect(known.status).toBe(fresh.status);
    expect(known.json).toEqual(fresh.json);
    expect(known.json).toEqual(first.json);
    const rows = await rowsFor(email);
    expect(rows).toHaveLength(1);
    // Someone else cannot change a confirmed subscriber's choices by signing up again.
    expect(rows[0]).toMatchObject({ parts: ['nieuws', 'agenda'], district: 'noord-west' });

    const mails = await mailsTo(email, 2);
    expect(mails).toHaveLength(2);
    expect(mails[1]?.text).toMatch(/Subject: Je bent al aangemeld voor de nieuwsbrief/);
    expect(mails[1]?.text).not.toMatch(/\/api\/newsletter\/confirm/);
    linkIn(mails[1]!, 'manage');
    linkIn(mails[1]!, 'unsubscribe');
  });

  it('sends a waiting address its confirmation again, within the mail budget per mailbox', async () => {
    const email = 'cor@voorbeeld.nl';
    for (let i = 0; i < 5; i++) expect((await signUp(valid(email))).status).toBe(202);
    expect(await rowsFor(email)).toHaveLength(1);
    // NEWSLETTER_MAIL_LIMIT: 3 a day to one mailbox, however often the form is sent.
    await new Promise((resolve) => setTimeout(resolve, 500));
    const mails = await mailsTo(email, 3);
    expect(mails).toHaveLength(3);
    expect(mails.every((mail) => /Bevestig je aanmelding/.test(mail.text))).toBe(true);
  });

  it('shows a clear Dutch page for an expired confirmation link, and confirms nothing', async () => {
    const email = 'dirk@voorbeeld.nl';
    await signUp(valid(email));
    const [row] = await rowsFor(email);
    const longAgo = Date.now() - 49 * 60 * 60_000;
    const old = newsletterLinks(cms.strapi, () => longAgo).confirmUrl(row!);
    const path = old.slice(SITE_URL.length);
    for (const answer of [await visit(path), await pressButton(path)]) {
      expect(answer.status).toBe(410);
      expect(answer.text).toMatch(/Deze link werkt niet meer/);
      expect(answer.text).toMatch(/werkt 48 uur/);
    }
    expect((await rowsFor(email))[0]?.confirmedAt).toBeNull();

    // A forged or mangled link says so, and confirms nothing either.
    const forged = path.replace(/token=[^.]+/, `token=${'a'.repeat(24)}`);
    const wrong = await pressButton(forged);
    expect(wrong.status).toBe(400);
    expect(wrong.text).toMatch(/Deze link klopt niet/);
    // A link signed for leaving never confirms.
    const unsubscribe = newsletterLinks(cms.strapi).unsubscribeUrl(row!).slice(SITE_URL.length);
    const crossed = await pressButton(unsubscribe.replace('/unsubscribe?', '/confirm?'));
    expect(crossed.status).toBe(400);
    expect((await rowsFor(email))[0]?.confirmedAt).toBeNull();
  });

  it('deletes unconfirmed sign-ups once their link has expired (the cron task, with a clock)', async () => {
    const waiting = 'eva@voorbeeld.nl';
    const confirmedEmail = 'frank@voorbeeld.nl';
    await signUp(valid(waiting));
    await signUp(valid(confirmedEmail));
    const [mail] = await mailsTo(confirmedEmail);
    await pressButton(linkIn(mail!, 'confirm'));

    expect(
      await forgetUnconfirmedSubscribers(cms.strapi, new Date(Date.now() + 47 * 60 * 60_000)),
    ).toBe(0);
    expect(await rowsFor(waiting)).toHaveLength(1);
    const removed = await forgetUnconfirmedSubscribers(
      cms.strapi,
      new Date(Date.now() + 49 * 60 * 60_000),
    );
    expect(removed).toBeGreaterThanOrEqual(1);
    expect(await rowsFor(waiting)).toHaveLength(0);
    expect(await rowsFor(confirmedEmail)).toHaveLength(1);
    // Its link then says it is too old.
    const [confirmation] = await mailsTo(waiting);
    expect((await visit(linkIn(confirmation!, 'confirm'))).status).toBe(410);
  });

  it("works without JavaScript: the form comes back with its problems, or to be sent once more, and then goes to the site's page", async () => {
    const fields: [string, string][] = [
      ['email', 'geen-adres'],
      ['parts', 'nieuws'],
      ['homepage', ''],
      ['formToken', ''],
    ];
    const problems = await signUpByForm(fields);
    expect(problems.status).toBe(400);
    expect(problems.text).toMatch(/<html lang="nl">/);
    expect(problems.text).toMatch(/Dit moet je nog aanpassen/);
    expect(problems.text).toMatch(/href="#nb-email"/);
    expect(problems.text).toMatch(/aria-invalid="true"/);
    expect(problems.text).toMatch(/value="geen-adres"/);

    const email = 'gerda@voorbeeld.nl';
    const noToken = await signUpByForm([
      ['email', email],
      ['parts', 'nieuws'],
      ['parts', 'goede-voorbeelden'],
      ['district', 'oost'],
      ['formToken', ''],
    ]);
    expect(noToken.status).toBe(200);
    expect(noToken.text).toMatch(/Kijk of alles klopt/);
    expect(noToken.text).toMatch(/value="goede-voorbeelden" checked/);
    expect(noToken.text).toMatch(/value="oost" selected/);
    expect(await rowsFor(email)).toHaveLength(0);
    const token = /name="formToken" value="([^"]+)"/.exec(noToken.text)?.[1];
    expect(token).toBeTruthy();
    await new Promise((resolve) => setTimeout(resolve, 1100));

    const sent = await signUpByForm([
      ['email', email],
      ['parts', 'nieuws'],
      ['parts', 'goede-voorbeelden'],
      ['district', 'oost'],
      ['formToken', token!],
    ]);
    expect(sent.status).toBe(303);
    expect(sent.headers.get('location')).toBe('/nieuwsbrief/kijk-in-je-mail/');
    expect(await rowsFor(email)).toMatchObject([
      { parts: ['nieuws', 'goede-voorbeelden'], district: 'oost' },
    ]);
  });
});

describe('hostile sign-ups', () => {
  const email = 'doelwit@voorbeeld.nl';
  const cases: [string, () => Promise<Answer>][] = [
    ['an overlong address', () => signUp(valid(`${'a'.repeat(250)}@voorbeeld.nl`))],
    [
      'a CR/LF header injection in the address',
      () => signUp(valid(`${email}\r\nBcc: slachtoffer@voorbeeld.nl`)),
    ],
    ['an encoded header injection', () => signUp(valid(`${email}%0d%0aBcc:x@voorbeeld.nl`))],
    ['two addresses at once', () => signUp(valid(`${email},ander@voorbeeld.nl`))],
    ['markup and script', () => signUp(valid('<script>alert(1)</script>@voorbeeld.nl'))],
    ['a zero-width space in the address', () => signUp(valid(`doel\u200Bwit@voorbeeld.nl`))],
    ['a right-to-left override', () => signUp(valid(`\u202Edoelwit@voorbeeld.nl`))],
    ['a look-alike (Cyrillic) domain', () => signUp(valid('doelwit@vооrbeeld.nl'))],
    ['an address that is a number', () => signUp(valid(12345))],
    ['an address that is a list', () => signUp(valid([email]))],
    ['parts that are an object', () => signUp(valid(email, { parts: { nieuws: true } }))],
    ['an unknown part', () => signUp(valid(email, { parts: ['nieuws', 'reclame'] }))],
    ['no parts at all', () => signUp(valid(email, { parts: [] }))],
    ['an unknown stadsdeel', () => signUp(valid(email, { district: '../../etc' }))],
    ['a body that is a JSON list', () => signUp([valid(email)])],
    ['malformed JSON', () => signUp(null, { raw: '{"email": "doelwit@' })],
    ['a body of another type', () => signUp(null, { raw: `email=${email}`, type: 'text/plain' })],
    ['no form token', () => signUp(valid(email, { formToken: undefined }))],
    [
      'a forged form token',
      () => signUp(valid(email, { formToken: `${Date.now() - 5000}.${'A'.repeat(22)}.xyz` })),
    ],
    [
      'a post from another site',
      () => signUp(valid(email), { headers: { Origin: 'https://kwaad.example' } }),
    ],
    ['a post from a sandboxed frame', () => signUp(valid(email), { headers: { Origin: 'null' } })],
    [
      'a huge body',
      () => signUp(null, { raw: JSON.stringify(valid(email, { padding: 'x'.repeat(100_000) })) }),
    ],
    ['a compressed body', () => signUp(valid(email), { headers: { 'Content-Encoding': 'gzip' } })],
  ];
  for (const [name, attempt] of cases) {
    it(`refuses ${name} with a 4xx and a Dutch message, and stores nothing`, async () => {
      const answer = await attempt();
      expect(answer.status).toBeGreaterThanOrEqual(400);
      expect(answer.status).toBeLessThan(500);
      const messages = (answer.json?.errors ?? []).map((error) => error.message).join(' ');
      expect(messages).toMatch(/\b(je|het|de|vul|kies|zet|dit|we)\b/i);
      expect(messages).not.toMatch(/<script/);
      expect(
        await subscribers().then((rows) =>
          rows.filter((row) => /doelwit|script|slachtoffer/.test(row.email)),
        ),
      ).toEqual([]);
    });
  }

  it('thanks a robot that fills in the honeypot as anyone else, and stores and mails nothing', async () => {
    const robot = 'robot@voorbeeld.nl';
    const answer = await signUp(valid(robot, { homepage: 'https://spam.example' }));
    expect(answer.status).toBe(202);
    expect(await rowsFor(robot)).toHaveLength(0);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await mailsTo(robot, 1, 300)).toHaveLength(0);
  });

  it('takes a form token once', async () => {
    const formToken = nextToken();
    expect((await signUp(valid('hans@voorbeeld.nl', { formToken }))).status).toBe(202);
    const replay = await signUp(valid('ilse@voorbeeld.nl', { formToken }));
    expect(replay.status).toBe(409);
    expect(replay.json?.errors?.[0]?.message).toMatch(/al verstuurd/);
    expect(await rowsFor('ilse@voorbeeld.nl')).toHaveLength(0);
  });

  it('limits sign-ups per network address (NEWSLETTER_SIGNUP_LIMIT, 5 per 10 minutes)', async () => {
    const from = anotherAddress();
    for (let i = 0; i < 5; i++)
      expect((await signUp(valid(`limiet${i}@voorbeeld.nl`), { from })).status).toBe(202);
    const over = await signUp(valid('limiet-over@voorbeeld.nl'), { from });
    expect(over.status).toBe(429);
    expect(Number(over.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(over.json?.errors?.[0]?.message).toMatch(/Probeer het over 10 minuten opnieuw/);
    expect(await rowsFor('limiet-over@voorbeeld.nl')).toHaveLength(0);
  });
});

describe('leaving and changing', () => {
  async function confirmedSubscriber(email: string) {
    await signUp(valid(email));
    const [mail] = await mailsTo(email);
    const confirmed = await pressButton(linkIn(mail!, 'confirm'));
    const [row] = await rowsFor(email);
    const links = newsletterLinks(cms.strapi);
    return {
      row: row!,
      manage: /href="(\/api\/newsletter\/manage\?token=[^"]+)"/
        .exec(confirmed.text)![1]!
        .replace(/&amp;/g, '&'),
      unsubscribe: links.unsubscribeUrl(row!).slice(SITE_URL.length),
    };
  }

  it('one-click unsubscribe (RFC 8058) by POST deletes the row; opening the link does not', async () => {
    const email = 'jan@voorbeeld.nl';
    const { unsubscribe } = await confirmedSubscriber(email);
    const opened = await visit(unsubscribe);
    expect(opened.status).toBe(200);
    expect(opened.text).toMatch(/Ja, meld me af/);
    expect(opened.text).toMatch(/<form class="newsletter-action" method="post"/);
    expect(await rowsFor(email)).toHaveLength(1);

    // As a mail program sends it: from its own servers, no Origin, a form body.
    const oneClick = await send(unsubscribe, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(oneClick.status).toBe(200);
    expect(oneClick.text).toMatch(/Je bent afgemeld/);
    expect(await rowsFor(email)).toHaveLength(0);

    // The old link then says so, and leaving twice is no error.
    expect((await visit(unsubscribe)).text).toMatch(/Je bent al afgemeld/);
    const twice = await pressButton(unsubscribe);
    expect(twice.status).toBe(200);
    expect(twice.text).toMatch(/Je bent al afgemeld/);
  });

  it('takes a one-click unsubscribe sent as multipart/form-data too', async () => {
    const email = 'karin@voorbeeld.nl';
    const { unsubscribe } = await confirmedSubscriber(email);
    const form = new FormData();
    form.append('List-Unsubscribe', 'One-Click');
    const answer = await send(unsubscribe, { method: 'POST', body: form });
    expect(answer.status).toBe(200);
    expect(await rowsFor(email)).toHaveLength(0);
  });

  it('lets a subscriber change parts and stadsdeel on their own page, and leave from it', async () => {
    const email = 'lotte@voorbeeld.nl';
    const { manage } = await confirmedSubscriber(email);
    const page = await visit(manage);
    expect(page.status).toBe(200);
    expect(page.text).toMatch(/Je nieuwsbrief/);
    expect(page.text).toMatch(/value="agenda" checked/);
    expect(page.text).not.toMatch(/value="goede-voorbeelden" checked/);
    expect(page.text).not.toContain(email);

    const saved = await pressButton(manage, 'parts=goede-voorbeelden&district=');
    expect(saved.status).toBe(200);
    expect(saved.text).toMatch(/Je keuze is opgeslagen/);
    expect(await rowsFor(email)).toMatchObject([{ parts: ['goede-voorbeelden'], district: null }]);

    const none = await pressButton(manage, 'district=zuid');
    expect(none.status).toBe(400);
    expect(none.text).toMatch(/Zet een vinkje bij minstens één onderdeel/);
    expect(await rowsFor(email)).toMatchObject([{ parts: ['goede-voorbeelden'] }]);

    // Another site cannot change the choices.
    const forged = await send(manage, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/x-www-form-urlencoded',
        Origin: 'https://kwaad.example',
      },
      body: 'parts=nieuws',
    });
    expect(forged.status).toBe(403);
    expect(await rowsFor(email)).toMatchObject([{ parts: ['goede-voorbeelden'] }]);

    const leave = /<form class="newsletter-action" method="post" action="([^"]+)"/.exec(
      saved.text,
    )?.[1];
    expect((await pressButton(leave!.replace(/&amp;/g, '&'))).status).toBe(200);
    expect(await rowsFor(email)).toHaveLength(0);
    expect((await visit(manage)).status).toBe(404);
  });
});

describe('subscribers are private to the admin', () => {
  it('cannot be read with the site build token on any REST path', async () => {
    const token = fs.readFileSync(process.env.SITE_BUILD_TOKEN_FILE!, 'utf8').trim();
    await signUp(valid('privé@voorbeeld.nl'.replace('é', 'e')));
    for (const path of [
      '/api/newsletter-subscribers',
      '/api/newsletter-subscribers?populate=*',
      '/api/newsletter-subscriber',
      '/api/newsletter-subscribers/1',
      '/api/newsletter/subscribers',
    ]) {
      const { status, body } = await request(cms.url, path, { token });
      expect([403, 404, 405], `${path}: ${status}`).toContain(status);
      expect(JSON.stringify(body)).not.toMatch(/@voorbeeld\.nl/);
    }
  });

  it('are shown to editors in the admin, never to partners (authors)', async () => {
    const list = `/content-manager/collection-types/${SUBSCRIBERS}`;
    const author = await loginWithRole(cms, 'author', 'partner-nb@voorbeeld.nl');
    const refused = await request(cms.url, list, { token: author });
    expect(refused.status).toBe(403);
    expect(JSON.stringify(refused.body)).not.toMatch(/@voorbeeld\.nl/);

    const editor = await loginWithRole(cms, 'editor', 'redacteur-nb@voorbeeld.nl');
    const shown = await request<{ results: { email: string; documentId: string }[] }>(
      cms.url,
      `${list}?pageSize=100`,
      { token: editor },
    );
    expect(shown.status).toBe(200);
    const one = shown.body.results.find((row) => row.email === 'anna@voorbeeld.nl');
    expect(one).toBeTruthy();
    // An editor deletes one address on request.
    const deleted = await request(cms.url, `${list}/${one!.documentId}`, {
      method: 'DELETE',
      token: editor,
    });
    expect(deleted.status).toBe(200);
    expect(await rowsFor('anna@voorbeeld.nl')).toHaveLength(0);
  });
});

describe('the demo privacy statement', () => {
  it('says what the newsletter stores, why, for how long, that nothing is tracked, and how to have it deleted', () => {
    const privacy = demoPages.find((page) => page.slug === 'privacy');
    const text = JSON.stringify(privacy?.body);
    expect(text).toContain('Krijg je onze nieuwsbrief?');
    for (const stored of [
      'je e-mailadres;',
      'nieuws, agenda of goede voorbeelden',
      'het stadsdeel',
      'wanneer je je aanmeldde en wanneer je dat bevestigde',
    ])
      expect(text).toContain(stored);
    expect(text).toContain('alleen om je de nieuwsbrief te sturen');
    expect(text).toContain('Klik je niet binnen 48 uur? Dan wissen we je e-mailadres vanzelf.');
    expect(text).toContain('We bewaren je gegevens tot je je afmeldt.');
    expect(text).toContain('In de nieuwsbrief zit geen tracking.');
    expect(text).toContain('24 uur lang een code');
    expect(text).toContain('privacy@example.org');
  });
});
