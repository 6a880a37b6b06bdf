import { PassThrough } from 'node:stream';
import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { budgetKey } from '../src/hub/submissions/address-key';
import { clientAddress } from '../src/hub/submissions/client-address';
import { isCrossSitePost } from '../src/hub/submissions/cross-site';
import { FORM_TOKEN_LIFETIME_MS, FormTokens } from '../src/hub/submissions/form-token';
import { parseRateLimit } from '../src/hub/submissions/rate-limiter';
import { readBodyAtMost, replayedRequest } from '../src/hub/submissions/read-body';
import { submissionSettings } from '../src/hub/submissions/settings';

/** Pure parts of the submission defences, without a CMS. */

describe('budgetKey', () => {
  it('keeps an IPv4 address as it is, also when written as IPv6', () => {
    expect(budgetKey('192.0.2.1')).toBe('192.0.2.1');
    expect(budgetKey('::ffff:192.0.2.1')).toBe('192.0.2.1');
    expect(budgetKey('::FFFF:c000:0201')).toBe('192.0.2.1');
  });

  it('groups an IPv6 address by its /64, however it is written', () => {
    const key = '2001:db8:1:2::/64';
    for (const address of [
      '2001:db8:1:2::1',
      '2001:DB8:1:2:ffff:ffff:ffff:ffff',
      '2001:0db8:0001:0002:0000:0000:0000:0009',
      '2001:db8:1:2:a::',
      '2001:db8:1:2::1%eth0',
    ]) {
      expect(budgetKey(address), address).toBe(key);
    }
    expect(budgetKey('2001:db8:1:3::1')).toBe('2001:db8:1:3::/64');
    expect(budgetKey('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(budgetKey('::1')).toBe('0:0:0:0::/64');
  });

  it('counts anything that is no address as itself', () => {
    expect(budgetKey('')).toBe('');
    expect(budgetKey('onbekend')).toBe('onbekend');
    expect(budgetKey('2001:db8::1::2')).toBe('2001:db8::1::2');
  });

  it('takes the address the trusted proxy saw, grouped the same way', () => {
    const from = (forwarded: string) =>
      budgetKey(clientAddress('::ffff:127.0.0.1', forwarded, ['127.0.0.1']));
    expect(from('10.0.0.1, 2001:db8:7:7::99')).toBe('2001:db8:7:7::/64');
    expect(from('::ffff:10.0.0.9')).toBe('10.0.0.9');
    // An untrusted socket's own header is ignored.
    expect(budgetKey(clientAddress('2001:db8:9:9::1', '10.0.0.1', ['127.0.0.1']))).toBe(
      '2001:db8:9:9::/64',
    );
  });

  it('reads past every trusted hop: a CDN or web server, then a load balancer', () => {
    const proxies = ['127.0.0.1', '10.0.0.0/8', '2001:db8:ffff::/48'];
    // The site's front (10.1.2.3) passed the form to the load balancer, which passed it on.
    expect(clientAddress('127.0.0.1', '198.51.100.7, 10.1.2.3', proxies)).toBe('198.51.100.7');
    expect(clientAddress('::ffff:10.9.9.9', '203.0.113.5, 2001:db8:ffff:1::2', proxies)).toBe(
      '203.0.113.5',
    );
    // What the client wrote itself stays out of reach: the first untrusted hop from the right wins.
    expect(clientAddress('127.0.0.1', '192.0.2.66, 198.51.100.7, 10.1.2.3', proxies)).toBe(
      '198.51.100.7',
    );
    // Only trusted hops: the leftmost one is all that is known.
    expect(clientAddress('127.0.0.1', '10.0.0.2', proxies)).toBe('10.0.0.2');
    // A range that is not written as one, or garbage, trusts nothing.
    expect(clientAddress('10.0.0.1', '198.51.100.7', ['10.0.0.0/x', 'proxy'])).toBe('10.0.0.1');
  });
});

describe('isCrossSitePost', () => {
  const site = 'https://hub.example.nl';

  it('takes a post from the site itself, and posts that say nothing (scripts)', () => {
    expect(isCrossSitePost({ origin: site }, site)).toBe(false);
    expect(isCrossSitePost({ origin: site, fetchSite: 'same-origin' }, site)).toBe(false);
    // Through the site's own address, or straight to the CMS from the site's page (CORS).
    expect(isCrossSitePost({ origin: site, fetchSite: 'cross-site' }, site)).toBe(false);
    expect(isCrossSitePost({ fetchSite: 'same-origin' }, site)).toBe(false);
    expect(isCrossSitePost({ fetchSite: 'none' }, site)).toBe(false);
    expect(isCrossSitePost({}, site)).toBe(false);
    expect(isCrossSitePost({ origin: '', fetchSite: '' }, site)).toBe(false);
  });

  it('refuses another origin, the "null" origin and what the browser calls another site', () => {
    expect(isCrossSitePost({ origin: 'https://elders.example' }, site)).toBe(true);
    expect(isCrossSitePost({ origin: 'https://nep.hub.example.nl' }, site)).toBe(true);
    expect(isCrossSitePost({ origin: 'http://hub.example.nl' }, site)).toBe(true);
    expect(isCrossSitePost({ origin: `${site}:8443` }, site)).toBe(true);
    expect(isCrossSitePost({ origin: 'null', fetchSite: 'same-origin' }, site)).toBe(true);
    expect(isCrossSitePost({ fetchSite: 'cross-site' }, site)).toBe(true);
    expect(isCrossSitePost({ fetchSite: 'same-site' }, site)).toBe(true);
    expect(isCrossSitePost({ fetchSite: 'Cross-Site' }, site)).toBe(true);
  });

  it('without SITE_URL, refuses only "null" and what the browser calls another site', () => {
    expect(isCrossSitePost({ origin: 'http://127.0.0.1:4321' }, null)).toBe(false);
    expect(
      isCrossSitePost({ origin: 'http://127.0.0.1:4321', fetchSite: 'same-origin' }, null),
    ).toBe(false);
    expect(
      isCrossSitePost({ origin: 'https://elders.example', fetchSite: 'cross-site' }, null),
    ).toBe(true);
    expect(isCrossSitePost({ origin: 'null' }, null)).toBe(true);
    expect(isCrossSitePost({ fetchSite: 'same-site' }, null)).toBe(true);
  });
});

describe('the budgets', () => {
  it('read SUBMISSION_ATTEMPT_LIMIT like SUBMISSION_RATE_LIMIT, 30 per 10 minutes by default', () => {
    expect(submissionSettings({}).attemptLimit).toEqual({ max: 30, windowMs: 600_000 });
    expect(submissionSettings({}).rateLimit).toEqual({ max: 5, windowMs: 600_000 });
    expect(submissionSettings({ SUBMISSION_ATTEMPT_LIMIT: '100/60' }).attemptLimit).toEqual({
      max: 100,
      windowMs: 3_600_000,
    });
    expect(() => submissionSettings({ SUBMISSION_ATTEMPT_LIMIT: 'veel' })).toThrow(
      /SUBMISSION_ATTEMPT_LIMIT must be a number of posts.*"30\/10".*"veel"/,
    );
    expect(() => parseRateLimit('0/10')).toThrow(/SUBMISSION_RATE_LIMIT/);
  });
});

describe('FormTokens', () => {
  it('carry a random id, good from the minimum fill time until a day after issue', () => {
    let now = 1_000_000;
    const tokens = new FormTokens('geheim', 3000, () => now);
    const token = tokens.issue();
    const other = tokens.issue();
    expect(token).not.toBe(other);
    expect(tokens.read(token)).toEqual({ ok: false, problem: 'too-fast' });
    now += 3000;
    const reading = tokens.read(token);
    expect(reading).toMatchObject({ ok: true, expiresAt: 1_000_000 + FORM_TOKEN_LIFETIME_MS });
    expect(reading.ok && reading.id).toMatch(/^[\w-]{22}$/);
    now = 1_000_000 + FORM_TOKEN_LIFETIME_MS + 1;
    expect(tokens.read(token)).toEqual({ ok: false, problem: 'expired' });
  });

  it('refuse what was not signed with the secret, or was changed', () => {
    const tokens = new FormTokens('geheim', 0, () => 5_000);
    const [issuedAt, id, signature] = tokens.issue().split('.') as [string, string, string];
    const bad = [
      undefined,
      '',
      42,
      `${issuedAt}.${signature}`,
      `${Number(issuedAt) - 1000}.${id}.${signature}`,
      `${issuedAt}.${id.replace(/^./, (c) => (c === 'A' ? 'B' : 'A'))}.${signature}`,
      `${issuedAt}.${id}.${signature}.extra`,
      new FormTokens('ander geheim', 0, () => 5_000).issue(),
    ];
    expect(bad.map((token) => tokens.read(token))).toEqual([
      { ok: false, problem: 'missing' },
      { ok: false, problem: 'missing' },
      { ok: false, problem: 'missing' },
      ...Array(5).fill({ ok: false, problem: 'invalid' }),
    ]);
  });
});

describe('readBodyAtMost', () => {
  const request = () =>
    Object.assign(new PassThrough(), { headers: {} }) as unknown as IncomingMessage;

  it('reads a body within the limit, and refuses one past it by the bytes that arrive', async () => {
    const small = request();
    const reading = readBodyAtMost(small, 10);
    (small as unknown as PassThrough).end(Buffer.from('0123456789'));
    expect((await reading).toString()).toBe('0123456789');

    const large = request();
    const refused = readBodyAtMost(large, 10);
    (large as unknown as PassThrough).write(Buffer.from('012345'));
    (large as unknown as PassThrough).write(Buffer.from('6789X'));
    // Refused before the body has ended.
    expect(await refused).toBe('too-large');
  });

  it('rejects when the client goes away, and replays what it read for the body parser', async () => {
    const gone = request();
    const reading = readBodyAtMost(gone, 10);
    (gone as unknown as PassThrough).destroy();
    await expect(reading).rejects.toThrow(/went away/);

    const original = Object.assign(new PassThrough(), {
      headers: { 'transfer-encoding': 'chunked', 'content-type': 'application/json' },
      socket: { remoteAddress: '10.0.0.1' },
    }) as unknown as IncomingMessage;
    const replay = replayedRequest(original, Buffer.from('{"a":1}'));
    expect(replay.headers).toEqual({ 'content-type': 'application/json', 'content-length': '7' });
    expect(replay.socket).toBe(original.socket);
    const chunks: Buffer[] = [];
    for await (const chunk of replay) chunks.push(chunk as Buffer);
    expect(Buffer.concat(chunks).toString()).toBe('{"a":1}');
  });
});
