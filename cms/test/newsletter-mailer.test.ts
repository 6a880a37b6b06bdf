import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterEach, describe, expect, it } from 'vitest';
import type { DigestItem } from '../src/hub/newsletter/editions/digest-item';
import { eventWhen } from '../src/hub/newsletter/editions/event-when';
import {
  isTemporary,
  smtpNewsletterMailer,
  type OutgoingMail,
} from '../src/hub/newsletter/editions/mailer';
import { personalise, renderEdition } from '../src/hub/newsletter/editions/render-edition';
import { sectionsFor } from '../src/hub/newsletter/editions/select-items';

/** A mail server that answers each DATA with what `answer` says for that try (1, 2, ...). */
async function scriptedServer(answer: (attempt: number) => number | null) {
  let attempts = 0;
  const accepted: number[] = [];
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, _session, done) {
      stream.on('data', () => undefined);
      stream.on('end', () => {
        attempts += 1;
        const code = answer(attempts);
        if (code === null) {
          accepted.push(Date.now());
          return done();
        }
        const error = Object.assign(new Error(`refused with ${code}`), { responseCode: code });
        done(error);
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  return {
    port: (smtp.server.address() as AddressInfo).port,
    attempts: () => attempts,
    accepted,
    close: () => new Promise<void>((resolve) => smtp.close(() => resolve())),
  };
}

const MAIL: OutgoingMail = {
  to: 'lezer@voorbeeld.nl',
  subject: 'Nieuwsbrief',
  html: '<p>Hallo</p>',
  text: 'Hallo',
  unsubscribeUrl: 'https://hub.example.nl/api/newsletter/unsubscribe?token=x',
};

let closeServer: (() => Promise<void>) | undefined;
afterEach(async () => {
  await closeServer?.();
  closeServer = undefined;
});

function mailerFor(port: number, settings: { ratePerSecond?: number; attempts?: number } = {}) {
  return smtpNewsletterMailer(
    { host: '127.0.0.1', port, secure: false, user: '', password: '', from: 'nb@voorbeeld.nl' },
    {
      ratePerSecond: settings.ratePerSecond ?? 0,
      connections: 2,
      attempts: settings.attempts ?? 3,
    },
    { siteName: 'Samen tegen eenzaamheid', listHost: 'hub.example.nl', retryPauseMs: 10 },
  );
}

describe('The newsletter mailer', () => {
  it('tries again when the server says "not now" (4xx), and gets the mail through', async () => {
    const server = await scriptedServer((attempt) => (attempt <= 2 ? 451 : null));
    closeServer = server.close;
    const mailer = mailerFor(server.port);
    expect(await mailer.send(MAIL)).toBe('sent');
    mailer.close();
    expect(server.attempts()).toBe(3);
  });

  it('gives up at once on a permanent refusal (5xx), and after the last try on 4xx', async () => {
    const refusing = await scriptedServer(() => 550);
    closeServer = refusing.close;
    const mailer = mailerFor(refusing.port);
    expect(await mailer.send(MAIL)).toBe('failed');
    mailer.close();
    expect(refusing.attempts()).toBe(1);

    const busy = await scriptedServer(() => 421);
    const second = mailerFor(busy.port, { attempts: 3 });
    expect(await second.send(MAIL)).toBe('failed');
    second.close();
    await busy.close();
    expect(busy.attempts()).toBeGreaterThanOrEqual(3);
  });

  it('holds to the rate setting', async () => {
    const server = await scriptedServer(() => null);
    closeServer = server.close;
    const mailer = mailerFor(server.port, { ratePerSecond: 4 });
    const started = Date.now();
    await Promise.all(Array.from({ length: 9 }, () => mailer.send(MAIL)));
    mailer.close();
    expect(server.accepted).toHaveLength(9);
    // 9 mails at 4 a second need at least two whole seconds after the first four.
    expect(Date.now() - started).toBeGreaterThanOrEqual(1900);
  });

  it('knows temporary failures from permanent ones', () => {
    expect(isTemporary({ responseCode: 451 })).toBe(true);
    expect(isTemporary({ responseCode: 421 })).toBe(true);
    expect(isTemporary({ responseCode: 550 })).toBe(false);
    expect(isTemporary({ code: 'ECONNECTION' })).toBe(true);
    expect(isTemporary({ code: 'EENVELOPE' })).toBe(false);
    expect(isTemporary(new Error('odd'))).toBe(false);
  });
});

const item = (overrides: Partial<DigestItem>): DigestItem => ({
  part: 'nieuws',
  documentId: 'a',
  title: 'Titel',
  summary: 'Samenvatting',
  url: 'https://hub.example.nl/nieuws/titel/',
  publishedAt: '2026-11-30T10:00:00.000Z',
  districts: [],
  ...overrides,
});

describe('The newsletter content', () => {
  it('says when an activity is, in Amsterdam time on both sides of the clock change', () => {
    // 25 October 2026 is the last Sunday of October: summer time ends at 03:00.
    expect(eventWhen('2026-10-24T12:00:00.000Z', '2026-10-24T14:00:00.000Z')).toBe(
      'zaterdag 24 oktober 2026, 14:00 tot 16:00 uur',
    );
    expect(eventWhen('2026-10-26T12:00:00.000Z', null)).toBe('maandag 26 oktober 2026, 13:00 uur');
    expect(eventWhen('2026-12-03T18:00:00.000Z', '2026-12-04T10:00:00.000Z')).toBe(
      'donderdag 3 december 2026, 19:00 uur tot vrijdag 4 december 2026, 11:00 uur',
    );
  });

  it('picks the chosen parts in a fixed order, with city-wide items for every stadsdeel', () => {
    const items = [
      item({ documentId: 'p', part: 'goede-voorbeelden', districts: ['noord'] }),
      item({ documentId: 'n1', districts: [] }),
      item({ documentId: 'n2', districts: ['zuid'] }),
      item({ documentId: 'a', part: 'agenda', districts: ['noord'] }),
    ];
    const ids = (parts: DigestItem['part'][], district: string | null) =>
      sectionsFor(items, { parts, district }).map((section) => [
        section.part,
        section.items.map((found) => found.documentId),
      ]);
    expect(ids(['goede-voorbeelden', 'nieuws', 'agenda'], null)).toEqual([
      ['nieuws', ['n1', 'n2']],
      ['agenda', ['a']],
      ['goede-voorbeelden', ['p']],
    ]);
    expect(ids(['nieuws', 'agenda'], 'zuid')).toEqual([['nieuws', ['n1', 'n2']]]);
    expect(ids(['agenda'], 'zuid')).toEqual([]);
  });

  it('escapes what editors wrote and puts each subscriber’s own links in', async () => {
    const rendered = await renderEdition({
      subject: 'Nieuws & meer',
      intro: '<script>alert(1)</script>',
      date: new Date('2026-12-03T08:00:00.000Z'),
      siteName: 'Samen "tegen" eenzaamheid',
      siteUrl: 'https://hub.example.nl',
      districtName: null,
      sections: [
        {
          part: 'nieuws',
          label: 'Nieuws',
          items: [item({ title: '<img src=x onerror=alert(1)>', summary: 'a & b' })],
        },
      ],
    });
    const mail = personalise(rendered, {
      unsubscribeUrl: 'https://hub.example.nl/api/newsletter/unsubscribe?token=a"b&c',
      manageUrl: 'https://hub.example.nl/api/newsletter/manage?token=m',
    });
    expect(mail.html).not.toMatch(/<script|<img/);
    expect(mail.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(mail.html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(mail.html).toContain(
      'href="https://hub.example.nl/api/newsletter/unsubscribe?token=a&quot;b&amp;c"',
    );
    expect(mail.text).toContain(
      'Afmelden: https://hub.example.nl/api/newsletter/unsubscribe?token=a"b&c',
    );
    expect(mail.text).toContain(
      'Wijzig je keuze: https://hub.example.nl/api/newsletter/manage?token=m',
    );
    expect(mail.html).not.toMatch(/HUBLINK/);
  });
});
