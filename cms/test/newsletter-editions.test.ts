import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { NewsletterPart } from '@hub/shared';
import { bootTestCms, type TestCms } from './harness';
import { startMailCatcher, type CaughtMail, type MailCatcher } from './mail-catcher';
import { adminLogin, request } from './http';
import { loginWithRole, paragraph } from './fixtures';
import { Deliveries, DELIVERIES_TABLE } from '../src/hub/newsletter/editions/deliveries';
import {
  claimEdition,
  EDITION_UID,
  NEWSLETTER_UID,
} from '../src/hub/newsletter/editions/edition-store';
import { configuredMailer } from '../src/hub/newsletter/editions/newsletter-task';
import { newsletterCommand } from '../src/hub/newsletter/editions/command';
import { SEND_BATCH, sendDueEdition } from '../src/hub/newsletter/editions/send-edition';
import type { NewsletterMailer } from '../src/hub/newsletter/editions/mailer';
import { SUBSCRIBER_UID } from '../src/hub/newsletter/editions/subscribers';
import cronTasks from '../config/cron-tasks';

const SITE_URL = 'https://hub.example.nl';
const ADMIN = { email: 'redactie@example.org', password: 'Redactiewachtwoord1' };
let cms: TestCms;
let catcher: MailCatcher;

beforeAll(async () => {
  catcher = await startMailCatcher();
  cms = await bootTestCms({
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: String(catcher.port),
    EMAIL_FROM: 'nieuwsbrief@voorbeeld.nl',
    SITE_URL,
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    NEWSLETTER_SEND_RATE: '0',
    // The sign-up form's guards, as the subscription tests set them: this test client stands in
    // for the site's web server.
    SUBMISSION_MIN_FILL_SECONDS: '1',
    SUBMISSION_TRUSTED_PROXIES: '127.0.0.1',
  });
});
afterAll(async () => {
  await cms?.stop();
  await catcher?.close();
  for (const name of [
    'SMTP_HOST',
    'SMTP_PORT',
    'EMAIL_FROM',
    'NEWSLETTER_SEND_RATE',
    'SUBMISSION_MIN_FILL_SECONDS',
    'SUBMISSION_TRUSTED_PROXIES',
  ])
    Reflect.deleteProperty(process.env, name);
});

/** Every test starts without subscribers, editions or content, and with an empty mailbox. */
beforeEach(async () => {
  catcher.mails.length = 0;
  for (const uid of [
    SUBSCRIBER_UID,
    EDITION_UID,
    'api::article.article',
    'api::event.event',
    'api::good-practice.good-practice',
  ]) {
    await cms.strapi.db.query(uid as never).deleteMany({});
  }
  await new Deliveries(cms.strapi).ensureTable();
  await cms.strapi.db.getConnection(DELIVERIES_TABLE).delete();
});

const mailer = (): NewsletterMailer => {
  const made = configuredMailer(cms.strapi);
  if (!made) throw new Error('SMTP is set in this test');
  return made;
};

/** Sends the due edition through the catcher and closes the connections. */
async function send() {
  const smtp = mailer();
  try {
    return await sendDueEdition(cms.strapi, { mailer: smtp });
  } finally {
    smtp.close();
  }
}

/** A POST as the site's web server passes it on: from a subscriber's own network address. */
async function post(path: string, body: string, type: string, from: string) {
  const response = await fetch(`${cms.url}${path}`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Content-Type': type, 'X-Forwarded-For': from, Accept: 'text/html' },
    body,
  });
  return { status: response.status, text: await response.text() };
}

/**
 * Signs up through the real form endpoint and confirms through the link in the confirmation
 * mail, as a resident does (the subscription side's routes).
 */
async function signUpAndConfirm(email: string, parts: NewsletterPart[]) {
  const { token } = (await (await fetch(`${cms.url}/api/newsletter/token`)).json()) as {
    token: string;
  };
  // The form refuses a post sooner than SUBMISSION_MIN_FILL_SECONDS after the token.
  await new Promise((resolve) => setTimeout(resolve, 1100));
  const signUp = await fetch(`${cms.url}/api/newsletter/subscribe`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      Accept: 'application/json',
      'X-Forwarded-For': '10.9.0.1',
    },
    body: JSON.stringify({ email, parts, district: '', formToken: token }),
  });
  expect(signUp.status).toBe(202);
  // The confirmation mail goes out beside the answer, not before it.
  const deadline = Date.now() + 5000;
  let confirmation = catcher.mails.find((mail) => mail.to.includes(email));
  while (!confirmation && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    confirmation = catcher.mails.find((mail) => mail.to.includes(email));
  }
  const link =
    /https:\/\/hub\.example\.nl(\/api\/newsletter\/confirm\?token=[A-Za-z0-9._%-]+)/.exec(
      confirmation?.text ?? '',
    )?.[1];
  if (!link) throw new Error('No confirmation link in the mail');
  const confirmed = await fetch(`${cms.url}${link}`, {
    method: 'POST',
    redirect: 'manual',
    headers: {
      'Content-Type': 'application/x-www-form-urlencoded',
      Accept: 'text/html',
      Origin: SITE_URL,
      'Sec-Fetch-Site': 'same-origin',
      'X-Forwarded-For': '10.9.0.1',
    },
  });
  expect(confirmed.status).toBe(200);
  catcher.mails.length = 0;
}

let subscriberCount = 0;
/** A subscriber as the subscription side stores one. */
async function subscriber(
  parts: NewsletterPart[],
  district: string | null = null,
  confirmed = true,
): Promise<{ email: string; documentId: string }> {
  const email = `lezer${++subscriberCount}@voorbeeld.nl`;
  const row = (await cms.strapi.db.query(SUBSCRIBER_UID as never).create({
    data: {
      email,
      parts,
      district,
      signedUpAt: new Date(),
      confirmedAt: confirmed ? new Date() : null,
    },
  })) as { documentId: string };
  return { email, documentId: row.documentId };
}

async function districtId(slug: string): Promise<string> {
  const row = (await cms.strapi.db
    .query('api::district.district')
    .findOne({ where: { slug } })) as { documentId: string };
  return row.documentId;
}

let slugCount = 0;
async function publish(
  uid: 'api::article.article' | 'api::event.event' | 'api::good-practice.good-practice',
  title: string,
  extra: Record<string, unknown> = {},
) {
  const base: Record<string, Record<string, unknown>> = {
    'api::article.article': { body: paragraph('Tekst van het bericht.') },
    'api::event.event': {
      startsAt: new Date(Date.now() + 7 * 24 * 3600_000).toISOString(),
      eventStatus: 'gepland',
    },
    'api::good-practice.good-practice': {
      activityType: 'wandelgroep',
      evidenceLevel: 'goed beschreven',
    },
  };
  return cms.strapi.documents(uid).create({
    data: {
      title,
      slug: `item-${++slugCount}`,
      summary: `Samenvatting van ${title}.`,
      ...base[uid],
      ...extra,
    } as never,
    status: 'published',
  });
}

const mailsTo = (email: string) => catcher.mails.filter((mail) => mail.to.includes(email));
/** A header of a caught mail, unfolded (long headers are wrapped over lines). */
const header = (mail: CaughtMail, name: string) => {
  const head = mail.text.split(/\r?\n\r?\n/)[0]!.replace(/\r?\n[ \t]+/g, ' ');
  return new RegExp(`^${name}: (.*)$`, 'mi').exec(head)?.[1]?.trim();
};
/** The HTML part of a caught mail. */
const htmlOf = (mail: CaughtMail) => /<!doctype html>[\s\S]*<\/html>/i.exec(mail.text)?.[0] ?? '';

describe('The newsletter edition', () => {
  it('is not made when nothing was published: no mail, no edition', async () => {
    await subscriber(['nieuws', 'agenda', 'goede-voorbeelden']);
    const report = await send();
    expect(report.outcome).toBe('nothing-new');
    expect(catcher.mails).toHaveLength(0);
    expect(await cms.strapi.db.query(EDITION_UID as never).count({})).toBe(0);
  });

  it('brings a new article to confirmed subscribers only, with both parts and the unsubscribe headers', async () => {
    // Signed up and confirmed through the site's form and the link in the mail.
    const reader = { email: 'nieuwe-lezer@voorbeeld.nl' };
    await signUpAndConfirm(reader.email, ['nieuws']);
    const unconfirmed = await subscriber(['nieuws'], null, false);
    await publish('api::article.article', 'Koffie & praten in de <Wyck>');

    const report = await send();
    expect(report.outcome).toBe('sent');
    expect(report.editions[0]?.sent).toBe(1);
    expect(mailsTo(unconfirmed.email)).toHaveLength(0);
    const [mail] = mailsTo(reader.email);
    expect(mail).toBeDefined();
    // Both parts: text for clients that show text only, HTML for the rest.
    expect(mail!.text).toMatch(/Content-Type: multipart\/alternative/i);
    expect(mail!.text).toMatch(/Content-Type: text\/plain; charset=utf-8/i);
    expect(mail!.text).toMatch(/Content-Type: text\/html; charset=utf-8/i);
    const html = htmlOf(mail!);
    expect(html).toMatch(/<html[^>]* lang="nl"/);
    // The title escaped in the HTML, as written in the text part.
    expect(html).toContain('Koffie &amp; praten in de &lt;Wyck&gt;');
    expect(mail!.text).toContain('Koffie & praten in de <Wyck>');
    const article = (await cms.strapi.db
      .query('api::article.article')
      .findOne({ where: { title: 'Koffie & praten in de <Wyck>' } })) as { slug: string };
    expect(html).toContain(`href="${SITE_URL}/nieuws/${article.slug}/"`);
    // RFC 2369 / 8058: the one-click address on the site's own host.
    const unsubscribe = header(mail!, 'List-Unsubscribe');
    expect(unsubscribe).toMatch(
      new RegExp(`^<${SITE_URL.replace(/\./g, '\\.')}/api/newsletter/unsubscribe\\?token=[^>]+>$`),
    );
    expect(header(mail!, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
    // The visible links in the body: leave, and change the choice.
    expect(html).toMatch(
      /<a href="[^"]+\/api\/newsletter\/unsubscribe\?token=[^"]+"[^>]*>Afmelden/,
    );
    expect(html).toMatch(
      /<a href="[^"]+\/api\/newsletter\/manage\?token=[^"]+"[^>]*>Wijzig je keuze/,
    );
    expect(mail!.text).toMatch(
      /Afmelden: https:\/\/hub\.example\.nl\/api\/newsletter\/unsubscribe/,
    );

    const edition = (await cms.strapi.db.query(EDITION_UID as never).findOne({})) as {
      status: string;
      recipientCount: number;
      items: { title: string }[];
    };
    expect(edition.status).toBe('verstuurd');
    expect(edition.recipientCount).toBe(1);
    expect(edition.items.map((item) => item.title)).toEqual(['Koffie & praten in de <Wyck>']);

    // Sending again: that article was in the edition, so nothing is new and nothing is sent.
    catcher.mails.length = 0;
    expect((await send()).outcome).toBe('nothing-new');
    expect(catcher.mails).toHaveLength(0);

    // One click in the mail program: RFC 8058's POST to the List-Unsubscribe address, from the
    // mail provider's servers (no Origin), through the site's address to the CMS.
    const unsubscribePath = unsubscribe!.slice(1, -1).replace(SITE_URL, '');
    const left = await post(
      unsubscribePath,
      'List-Unsubscribe=One-Click',
      'application/x-www-form-urlencoded',
      '198.51.100.7',
    );
    expect(left.status).toBe(200);
    expect(
      await cms.strapi.db.query(SUBSCRIBER_UID as never).count({ where: { email: reader.email } }),
    ).toBe(0);
    // A new article, a new edition: nothing for the address that left.
    await publish('api::article.article', 'Bericht na het afmelden');
    await send();
    expect(mailsTo(reader.email)).toHaveLength(0);
  });

  it('passes a basic accessibility and privacy check', async () => {
    const reader = await subscriber(['nieuws', 'agenda', 'goede-voorbeelden']);
    await publish('api::article.article', 'Nieuws uit de coalitie');
    await publish('api::event.event', 'Samen wandelen', {
      location: { venue: 'Buurthuis', street: 'Markt 1', city: 'Maastricht' },
    });
    await publish('api::good-practice.good-practice', 'De eettafel');
    await send();
    const [mail] = mailsTo(reader.email);
    const html = htmlOf(mail!);
    expect(html).toMatch(/<html[^>]* lang="nl"/);
    // A real heading structure: one h1, a h2 per part, a h3 per item.
    expect(html.match(/<h1[\s>]/g)).toHaveLength(1);
    const h2 = [...html.matchAll(/<h2[^>]*>([^<]*)<\/h2>/g)].map((match) => match[1]);
    expect(h2).toEqual(['Nieuws', 'Agenda', 'Goede voorbeelden', 'Hulp nodig?']);
    expect(html.match(/<h3[\s>]/g)).toHaveLength(3);
    // Layout tables are presentation only for screen readers.
    const tables = html.match(/<table\b[^>]*>/g) ?? [];
    expect(tables.length).toBeGreaterThan(0);
    for (const table of tables) expect(table).toContain('role="presentation"');
    // Every image has alternative text (this template uses none), no text in images.
    for (const img of html.match(/<img\b[^>]*>/g) ?? []) expect(img).toMatch(/\salt="[^"]+"/);
    // No tracking, no third parties: nothing loaded from anywhere, every link to the site itself.
    expect(html).not.toMatch(/<(img|script|link|iframe)\b/i);
    expect(html).not.toMatch(/url\(|@import|googleapis/i);
    const links = [...html.matchAll(/href="([^"]+)"/g)].map((match) => match[1]!);
    expect(links.length).toBeGreaterThan(4);
    for (const link of links) {
      expect(link.startsWith(`${SITE_URL}/`)).toBe(true);
      expect(link).not.toMatch(/utm_|[?&](mc_|ref=|source=)/);
      // Only the subscriber's own links carry a query (their token).
      if (link.includes('?'))
        expect(link).toMatch(/\/api\/newsletter\/(unsubscribe|manage)\?token=/);
    }
    // The activity says when and where, in Dutch.
    expect(mail!.text).toMatch(/Wanneer: \w+dag \d+ \w+ \d{4}, \d\d:\d\d uur/);
    expect(mail!.text).toContain('Waar: Buurthuis, Markt 1, Maastricht');
  });

  it('gives each subscriber the parts and the stadsdeel they chose', async () => {
    const noord = await districtId('noord');
    const zuid = await districtId('zuid');
    const newsOnly = await subscriber(['nieuws']);
    const agendaNoord = await subscriber(['agenda'], 'noord');
    const allZuid = await subscriber(['nieuws', 'agenda', 'goede-voorbeelden'], 'zuid');
    const practicesOnly = await subscriber(['goede-voorbeelden'], 'noord');
    await publish('api::article.article', 'Bericht voor de hele stad');
    await publish('api::article.article', 'Bericht uit Noord', { districts: [noord] });
    await publish('api::event.event', 'Activiteit in Noord', {
      location: { venue: 'Buurthuis Noord', city: 'Maastricht', district: noord },
    });
    await publish('api::event.event', 'Activiteit in Zuid', {
      location: { venue: 'Buurthuis Zuid', city: 'Maastricht', district: zuid },
    });
    await publish('api::event.event', 'Activiteit die al voorbij is', {
      startsAt: new Date(Date.now() - 3 * 3600_000).toISOString(),
      endsAt: new Date(Date.now() - 3600_000).toISOString(),
    });

    const report = await send();
    // The subscriber of good practices gets nothing: none were published.
    expect(report.editions[0]?.sent).toBe(3);
    const titles = (email: string) =>
      mailsTo(email).flatMap((mail) =>
        [...htmlOf(mail).matchAll(/<h3[^>]*><a[^>]*>([^<]*)<\/a>/g)].map((match) => match[1]),
      );
    expect(titles(newsOnly.email)).toEqual(['Bericht uit Noord', 'Bericht voor de hele stad']);
    expect(titles(agendaNoord.email)).toEqual(['Activiteit in Noord']);
    expect(titles(allZuid.email)).toEqual(['Bericht voor de hele stad', 'Activiteit in Zuid']);
    expect(mailsTo(practicesOnly.email)).toHaveLength(0);
    expect(mailsTo(agendaNoord.email)[0]!.text).toContain(
      'Je krijgt berichten over stadsdeel Noord en over heel Maastricht.',
    );
  });

  it('uses the editors’ introduction and subject once', async () => {
    const reader = await subscriber(['nieuws']);
    await cms.strapi.db.query(NEWSLETTER_UID as never).deleteMany({});
    await cms.strapi.db.query(NEWSLETTER_UID as never).create({
      data: { intro: 'Beste lezer,\n\nDeze week <veel> nieuws.', subject: 'Nieuws uit de wijk' },
    });
    await publish('api::article.article', 'Eerste bericht');
    await send();
    const [mail] = mailsTo(reader.email);
    expect(header(mail!, 'Subject')).toBe('Nieuws uit de wijk');
    expect(htmlOf(mail!)).toMatch(/<p[^>]*>Deze week &lt;veel&gt; nieuws\.<\/p>/);
    // Used: next week's edition does not repeat it.
    const words = (await cms.strapi.db.query(NEWSLETTER_UID as never).findOne({})) as {
      intro: string | null;
      subject: string | null;
    };
    expect(words).toMatchObject({ intro: null, subject: null });
  });

  it('is sent once when two instances send at the same moment', async () => {
    const readers = await Promise.all(
      Array.from({ length: 30 }, () => subscriber(['nieuws', 'agenda'])),
    );
    await publish('api::article.article', 'Bericht voor iedereen');
    const reports = await Promise.all([send(), send(), send()]);
    for (const reader of readers) expect(mailsTo(reader.email)).toHaveLength(1);
    expect(catcher.mails).toHaveLength(30);
    expect(reports.reduce((sum, report) => sum + (report.editions[0]?.sent ?? 0), 0)).toBe(30);
    expect(await cms.strapi.db.query(EDITION_UID as never).count({})).toBe(1);
  });

  it('claims an edition with a key the database keeps unique', async () => {
    const edition = {
      periodKey: 'eerste',
      periodStart: new Date(0).toISOString(),
      periodEnd: new Date().toISOString(),
      subject: 'Test',
      intro: null,
      items: [],
    };
    expect(await claimEdition(cms.strapi, edition)).not.toBeNull();
    expect(await claimEdition(cms.strapi, edition)).toBeNull();
    // Around Strapi's own check too: the database index refuses a second row.
    await expect(
      cms.strapi.db
        .getConnection('newsletter_editions')
        .insert({ period_key: 'eerste', period_start: new Date(), period_end: new Date() }),
    ).rejects.toThrow();
  });

  it('takes up an interrupted send without mailing anyone twice', async () => {
    // 120 readers: batches of SEND_BATCH (50) are claimed one after the other.
    expect(SEND_BATCH).toBe(50);
    const readers = [];
    for (let i = 0; i < 120; i++) readers.push(await subscriber(['nieuws']));
    await publish('api::article.article', 'Bericht dat half verstuurd werd');
    // A mailer that dies after 60 mails (the process is killed, say): the second batch breaks.
    const real = mailer();
    let handed = 0;
    const dying: NewsletterMailer = {
      async send(mail) {
        if (++handed > 60) throw new Error('process killed');
        return real.send(mail);
      },
      close: () => real.close(),
    };
    await expect(sendDueEdition(cms.strapi, { mailer: dying })).rejects.toThrow('process killed');
    real.close();
    expect(catcher.mails).toHaveLength(60);
    const unfinished = (await cms.strapi.db.query(EDITION_UID as never).findOne({})) as {
      id: number;
      status: string;
    };
    expect(unfinished.status).toBe('versturen');
    expect(await new Deliveries(cms.strapi).count(unfinished.id)).toEqual({
      sent: 60,
      claimed: 40,
      failed: 0,
    });

    // The next run finishes it: the 20 nobody had claimed. The 40 claimed by the run that died
    // are not tried again: it cannot be known whether their mails went out (at most once).
    const report = await send();
    expect(report.editions).toHaveLength(1);
    expect(report.editions[0]).toMatchObject({ resumed: true, sent: 20 });
    expect(catcher.mails).toHaveLength(80);
    for (const reader of readers) expect(mailsTo(reader.email).length).toBeLessThanOrEqual(1);
    const finished = (await cms.strapi.db.query(EDITION_UID as never).findOne({})) as {
      status: string;
      recipientCount: number;
    };
    expect(finished).toMatchObject({ status: 'verstuurd', recipientCount: 80 });
    // And once finished, it is never sent again.
    expect((await send()).outcome).toBe('nothing-new');
    expect(catcher.mails).toHaveLength(80);
  });

  it('goes out weekly by the cron, on one instance per tick', async () => {
    // Thursday 09:00 in Maastricht unless NEWSLETTER_SCHEDULE says otherwise.
    expect(cronTasks.newsletter.options).toEqual({ rule: '0 9 * * 4', tz: 'Europe/Amsterdam' });
    const reader = await subscriber(['nieuws']);
    await publish('api::article.article', 'Bericht voor de weekmail');
    // Two instances' cron firing at the same minute: the tick is claimed once.
    await Promise.all([
      cronTasks.newsletter.task({ strapi: cms.strapi }),
      cronTasks.newsletter.task({ strapi: cms.strapi }),
    ]);
    expect(mailsTo(reader.email)).toHaveLength(1);
    expect(await cms.strapi.db.query(EDITION_UID as never).count({})).toBe(1);
  });

  it('newsletter:send --dry-run prints the edition and sends and records nothing', async () => {
    await subscriber(['nieuws']);
    await subscriber(['agenda']);
    await publish('api::article.article', 'Bericht voor de proef');
    const lines: string[] = [];
    await newsletterCommand(cms.strapi, ['--dry-run'], (line) => lines.push(line));
    const printed = lines.join('\n');
    expect(printed).toContain('Bericht voor de proef');
    expect(printed).toMatch(/Ontvangers: 1\b/);
    expect(printed).toContain('<html');
    expect(catcher.mails).toHaveLength(0);
    expect(await cms.strapi.db.query(EDITION_UID as never).count({})).toBe(0);

    // Without --dry-run it sends.
    await newsletterCommand(cms.strapi, [], () => {});
    expect(catcher.mails).toHaveLength(1);
  });
});

describe('The admin preview of the next edition', () => {
  it('needs an admin who may edit the newsletter: 401 without login, 403 for a partner', async () => {
    await subscriber(['nieuws']);
    await publish('api::article.article', 'Bericht in de preview');
    expect((await request(cms.url, '/admin/hub/newsletter/preview')).status).toBe(401);
    const partner = await loginWithRole(cms, 'author', 'partner-nieuwsbrief@voorbeeld.nl');
    const refused = await request(cms.url, '/admin/hub/newsletter/preview', { token: partner });
    expect(refused.status).toBe(403);

    for (const token of [
      await adminLogin(cms.url, ADMIN.email, ADMIN.password),
      await loginWithRole(cms, 'editor', 'redacteur-nieuwsbrief@voorbeeld.nl'),
    ]) {
      const { status, body } = await request<{
        due: boolean;
        html: string;
        recipientCount: number;
        itemCount: number;
      }>(cms.url, '/admin/hub/newsletter/preview', { token });
      expect(status).toBe(200);
      expect(body).toMatchObject({ due: true, recipientCount: 1, itemCount: 1 });
      expect(body.html).toContain('Bericht in de preview');
    }
    // A preview sends and records nothing.
    expect(catcher.mails).toHaveLength(0);
    expect(await cms.strapi.db.query(EDITION_UID as never).count({})).toBe(0);
  });
});
