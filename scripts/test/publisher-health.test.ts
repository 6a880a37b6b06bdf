/**
 * Issue 14, the publisher's side: every failed build says what kind of failure it was, the
 * status tells the CMS what is pending and what was built, editors are mailed once when builds
 * keep failing and once when they work again, and operators get Prometheus metrics.
 * Builds are made by a stand-in builder (no Astro) and checked against a stand-in CMS that has
 * nothing published; one test uses the real build worker, to see the kinds cross its process.
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { dutchMoment, explainFailure, type BuildWarning } from '@hub/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMailCatcher } from '../../cms/test/mail-catcher';
import { parsePrometheus } from '../../cms/test/prometheus';
import type { ExportStats } from '../../site/scripts/export-site';
import { BuildFailedError, classifyBuildError } from '../../site/scripts/build-failure';
import { BuildQueue } from '../src/publisher/build-queue';
import { failureMail, mailOccasion, smtpMailer, type Mailer } from '../src/publisher/failure-mail';
import { createPublisherServer, isLoopbackHost, SECRET_HEADER } from '../src/publisher/http';
import { liveAgeSeconds, releaseIdTime } from '../src/publisher/metrics';
import {
  Publisher,
  type BuildRecord,
  type PublisherOptions,
  type SiteBuilder,
} from '../src/publisher/publisher';
import { failureMailSettings } from '../src/publisher/settings';
import { withoutPaths } from '../src/publisher/status';
import type { SiteBucket } from '../src/publisher/site-bucket';
import { siteDir } from '../src/lib/paths';
import { compileRendererAhead } from './site-build';

const SECRET = 'health-test-secret';
const SITE_URL = 'https://hub.example.nl';
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-publisher-health-'));
const closers: (() => unknown)[] = [];
afterAll(async () => {
  for (const close of closers.reverse()) await close();
  fs.rmSync(work, { recursive: true, force: true });
});

/** A CMS with nothing published (the checks of an empty release pass), or one that fails. */
let cmsMode: 'empty' | 'down' = 'empty';
let cmsUrl = '';
beforeAll(async () => {
  const cms = http.createServer((_request, response) => {
    if (cmsMode === 'down') return void response.writeHead(503).end();
    response.writeHead(200, { 'Content-Type': 'application/json' });
    response.end(JSON.stringify({ data: [], meta: { pagination: { total: 0 } } }));
  });
  await new Promise<void>((resolve) => cms.listen(0, '127.0.0.1', resolve));
  closers.push(() => new Promise((resolve) => cms.close(resolve)));
  cmsUrl = `http://127.0.0.1:${(cms.address() as AddressInfo).port}`;
});

const MISSING: BuildWarning = {
  kind: 'missing-image',
  file: 'wandeling.jpg',
  url: '/uploads/wandeling_3f2a.jpg',
  items: [{ type: 'article', documentId: 'abc', title: 'Wandelen in Malberg' }],
};

/** What the stand-in builder does next: build a passing release, or throw this. */
type Plan = { warnings?: BuildWarning[] } | { throws: Error };

/** A builder that follows `plans` in turn (the last one repeats): the export's work, without Astro. */
function plannedBuilder(plans: Plan[]): SiteBuilder & { builds: number } {
  const builder = {
    builds: 0,
    build: async (request: { outDir: string }) => {
      const plan = plans[Math.min(builder.builds, plans.length - 1)]!;
      builder.builds += 1;
      if ('throws' in plan) throw plan.throws;
      fs.writeFileSync(path.join(request.outDir, 'index.html'), '<h1>Hub</h1>');
      fs.writeFileSync(
        path.join(request.outDir, 'rss.xml'),
        '<rss><channel><title>Hub</title></channel></rss>',
      );
      // Cast: ExportStats gains `warnings` in another change; this works with and without it.
      const stats = {
        files: 12,
        rendered: 5,
        pages: 10,
        images: { encoded: 0, reused: 0 },
        compressed: { made: 0, linked: 0 },
        seconds: { fetch: 0.3, render: 1.5, images: 0.1, search: 0.2, compress: 0.05 },
        warnings: plan.warnings ?? [],
      };
      return stats as ExportStats;
    },
    close: () => undefined,
  };
  return builder;
}

const cmsDown = () =>
  new Error(
    'Cannot reach the CMS at http://cms.intern:1337/api/articles: ECONNREFUSED. Is it running, and is CMS_URL right?',
  );

function publisherFor(name: string, options: Partial<PublisherOptions> = {}): Publisher {
  const publisher = new Publisher({
    root: path.join(work, name),
    siteDir,
    cms: () => ({ url: cmsUrl, token: 'test' }),
    siteUrl: SITE_URL,
    debounceMs: 10,
    keep: 5,
    buildTimeoutMs: 60_000,
    builder: plannedBuilder([{}]),
    log: () => undefined,
    ...options,
  });
  closers.push(() => publisher.close());
  return publisher;
}

const until = async (check: () => boolean, limitMs = 20_000) => {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > limitMs) throw new Error('not reached in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
};

describe('failure kinds', () => {
  it('are read from the errors of the loader, the images, the renderer and the time limit', () => {
    const cases: [string, string][] = [
      [
        'Cannot reach the CMS at http://cms:1337/api/articles?x=1: fetch failed.',
        'cms-unreachable',
      ],
      ['The CMS at http://cms:1337/api/events answered 502 Bad Gateway.', 'cms-unreachable'],
      ['The CMS at http://cms:1337/api/site did not answer with JSON.', 'cms-unreachable'],
      [
        'The CMS at http://cms:1337/api/site refused the build token (401). Set SITE_BUILD_TOKEN',
        'cms-refused',
      ],
      [
        'No build token for the CMS at http://cms:1337: set SITE_BUILD_TOKEN, or start',
        'cms-refused',
      ],
      ['The image http://cms:1337/uploads/a.jpg could not be read (HTTP 415).', 'images'],
      // The media storage down or restarting is no fault of the image (site-images.ts).
      [
        'Cannot reach the media storage: http://cms:1337/uploads/a.jpg answered HTTP 503.',
        'cms-unreachable',
      ],
      [
        'Cannot reach the media storage for the image http://cms:1337/uploads/a.jpg: fetch failed',
        'cms-unreachable',
      ],
      ['Input buffer contains unsupported image format', 'images'],
      ['The page /nieuws/x/ did not render (HTTP 500); see the log above.', 'content'],
      [
        'The CMS at http://cms:1337 returned no published articles, good practices or events; refusing to build an empty site.',
        'content',
      ],
      ['The build took longer than 3 s (PUBLISH_BUILD_TIMEOUT_S) and was stopped.', 'timeout'],
      ['Checks failed: /nieuws/ has 3 item pages, the CMS has 4 published', 'checks'],
      ['The build process stopped (SIGKILL).', 'unknown'],
      // A 404 of the CMS is no outage: a wrong query, our bug.
      ['The CMS at http://cms:1337/api/x answered 404 Not Found.', 'unknown'],
    ];
    for (const [message, kind] of cases) {
      expect(classifyBuildError(message), message).toBe(kind);
      expect(classifyBuildError(new Error(message)), message).toBe(kind);
    }
    // In the worker the error is an object: its class and status decide before its words.
    const refused = Object.assign(new Error('The CMS said no.'), { name: 'CmsError', status: 403 });
    expect(classifyBuildError(refused)).toBe('cms-refused');
    const down = Object.assign(new Error('The CMS said no.'), { name: 'CmsError', status: 503 });
    expect(classifyBuildError(down)).toBe('cms-unreachable');
    const mapping = Object.assign(new Error('article "x" has no slug.'), { name: 'MappingError' });
    expect(classifyBuildError(mapping)).toBe('content');
    // Where sharp threw, its frames say so even when its words do not.
    const sharp = new Error('Something odd');
    sharp.stack = 'Error: Something odd\n    at /app/node_modules/sharp/lib/output.js:10:3';
    expect(classifyBuildError(sharp)).toBe('images');
    expect(classifyBuildError('no idea', 'checks')).toBe('checks');
  });

  it('are recorded with every failed build, decided where it failed', async () => {
    const builder = plannedBuilder([
      { throws: cmsDown() },
      { throws: new BuildFailedError('The image x could not be encoded.', 'images') },
      { throws: new Error('The page /over/ did not render (HTTP 500); see the log above.') },
      {},
      {},
      {},
    ]);
    const failingBucket = {
      bucket: 'hub-site',
      publicUrl: 'https://bucket.example.nl',
      lastSync: null,
      sync: async () => {
        throw new Error('The site bucket hub-site could not be listed: ECONNREFUSED');
      },
      pendingRemovals: async () => ({}),
      close: () => undefined,
    } as unknown as SiteBucket;
    const publisher = publisherFor('kinds', { builder });
    await publisher.load();
    const kinds: (string | undefined)[] = [];
    for (let i = 0; i < 3; i += 1) kinds.push((await publisher.build()).failure?.kind);

    // The checks read the CMS: down by then, it is the CMS's failure, not the checks'.
    cmsMode = 'down';
    const cmsGone = await publisher.build();
    cmsMode = 'empty';
    kinds.push(cmsGone.failure?.kind);

    // A release that does not match the CMS (a page too few).
    const strictCms = http.createServer((_request, response) => {
      response.writeHead(200, { 'Content-Type': 'application/json' });
      response.end(JSON.stringify({ data: [], meta: { pagination: { total: 1 } } }));
    });
    await new Promise<void>((resolve) => strictCms.listen(0, '127.0.0.1', resolve));
    const strictUrl = `http://127.0.0.1:${(strictCms.address() as AddressInfo).port}`;
    const checked = publisherFor('kinds', { builder, cms: () => ({ url: strictUrl, token: 't' }) });
    await checked.load();
    const checks = await checked.build();
    kinds.push(checks.failure?.kind);
    await new Promise((resolve) => strictCms.close(resolve));

    const bucketed = publisherFor('kinds', {
      builder,
      siteBucket: failingBucket,
      bucketRetryMs: 60_000,
    });
    await bucketed.load();
    const upload = await bucketed.build();
    kinds.push(upload.failure?.kind);

    expect(kinds).toEqual([
      'cms-unreachable',
      'images',
      'content',
      'cms-unreachable',
      'checks',
      'site-bucket',
    ]);
    // The old `error` stays, equal to the failure's message.
    expect(upload.error).toBe(upload.failure?.message);
    expect(upload.error).toMatch(/could not be listed/);
    expect(checks.failure?.message).toMatch(/^Checks failed: \/nieuws\/ has 0 item pages/);
    // And they are in the state file.
    const state = JSON.parse(
      fs.readFileSync(path.join(work, 'kinds', 'state.json'), 'utf8'),
    ) as BuildRecord[];
    expect(state.map((record) => record.failure?.kind)).toEqual(kinds);
  });
});

describe('the status', () => {
  it('says a build is pending, lists the builds with failures and warnings, and shows no paths', async () => {
    // A failure whose message names a folder of this machine.
    const missingFile = path.join(work, 'status', 'releases', 'x', 'rss.xml');
    const builder = plannedBuilder([
      { throws: new Error(`ENOENT: no such file or directory, open '${missingFile}'`) },
      { warnings: [MISSING] },
    ]);
    const publisher = publisherFor('status', { builder, debounceMs: 300 });
    await publisher.load();
    const server = createPublisherServer(publisher, SECRET);
    closers.push(() => server.close());
    const status = async (headers: Record<string, string> = {}) => {
      const response = await server.inject({ method: 'GET', url: '/status', headers });
      return { code: response.statusCode, body: response.json() };
    };

    expect((await status()).body).toMatchObject({ pending: false, builds: [] });
    publisher.queue.notify();
    // Waiting for its quiet time: pending, not building yet.
    expect((await status()).body).toMatchObject({ pending: true, building: null });
    await until(() => builder.builds === 1);
    await publisher.queue.idle();
    expect((await status()).body.pending).toBe(false);
    publisher.queue.notify();
    await publisher.queue.idle();

    const { code, body } = await status();
    expect(code).toBe(200);
    expect(body.pending).toBe(false);
    expect(body.builds).toHaveLength(2);
    const [failed, good] = body.builds;
    expect(failed).toMatchObject({
      result: 'failed',
      failure: {
        kind: 'unknown',
        message: "ENOENT: no such file or directory, open '<path>'",
      },
    });
    expect(failed.warnings).toBeUndefined();
    // The publisher's very first build says so: the panel then knows its history is whole.
    expect(failed.first).toBe(true);
    expect(good).toEqual({
      id: body.live,
      startedAt: expect.any(String),
      finishedAt: expect.any(String),
      result: 'live',
      warnings: [MISSING],
    });
    expect(failed.id < good.id).toBe(true);
    expect(Date.parse(good.finishedAt)).toBeGreaterThanOrEqual(Date.parse(good.startedAt));
    // The fields operators read are still there.
    expect(body).toMatchObject({ queued: false, last: { id: good.id }, kept: [good.id] });
    expect(JSON.stringify(body)).not.toContain(work);
    // The state file keeps the whole message for the operator.
    expect(fs.readFileSync(path.join(work, 'status', 'state.json'), 'utf8')).toContain(missingFile);

    // With the secret it answers the same; a wrong one is said at once.
    expect((await status({ [SECRET_HEADER]: SECRET })).code).toBe(200);
    expect((await status({ authorization: `Bearer ${SECRET}` })).code).toBe(200);
    expect((await status({ [SECRET_HEADER]: 'wrong' })).code).toBe(401);
  });

  it('is pending while a follow-up waits behind a running build', async () => {
    const waiting: (() => void)[] = [];
    const slow: SiteBuilder = {
      build: async (request, timeout) => {
        await new Promise<void>((resolve) => waiting.push(resolve));
        return plannedBuilder([{}]).build(request, timeout);
      },
      close: () => undefined,
    };
    const publisher = publisherFor('status-follow-up', { builder: slow });
    await publisher.load();
    publisher.queue.notify();
    await until(() => waiting.length === 1);
    expect(await publisher.status()).toMatchObject({
      pending: false,
      building: { id: expect.any(String) },
    });
    publisher.queue.notify();
    expect(await publisher.status()).toMatchObject({ pending: true, queued: true });
    waiting[0]!();
    await until(() => waiting.length === 2);
    expect((await publisher.status()).pending).toBe(false);
    waiting[1]!();
    await publisher.queue.idle();
    expect((await publisher.status()).builds.map((build) => build.result)).toEqual([
      'live',
      'live',
    ]);
  });

  it('blanks out the machine’s folders, but not URLs or site paths', () => {
    const dirs = ['/srv/hub/site/.publish', '/srv/hub', '/tmp'];
    expect(
      withoutPaths(
        "ENOENT: no such file or directory, open '/srv/hub/site/.publish/releases/x/rss.xml'",
        dirs,
      ),
    ).toBe("ENOENT: no such file or directory, open '<path>'");
    expect(withoutPaths('start the CMS once so it writes /srv/hub/cms/.tmp/token now', dirs)).toBe(
      'start the CMS once so it writes <path> now',
    );
    expect(withoutPaths('Checks failed: /nieuws/ has 3 item pages', dirs)).toBe(
      'Checks failed: /nieuws/ has 3 item pages',
    );
    expect(withoutPaths('The image http://cms:1337/tmp/a.jpg could not be read', dirs)).toBe(
      'The image http://cms:1337/tmp/a.jpg could not be read',
    );
    expect(withoutPaths('in /srv/hubble/x', dirs)).toBe('in /srv/hubble/x');
  });
});

/** A mail server that keeps what it receives (closed after the tests). */
async function startMailServer() {
  const catcher = await startMailCatcher();
  closers.push(() => catcher.close());
  return catcher;
}

describe('the build queue', () => {
  it('hands each build the time of the first notice that led to it, and says when one is pending', async () => {
    let clock = 1000;
    const noticed: number[] = [];
    let finish: () => void = () => undefined;
    const queue = new BuildQueue(
      async (firstNoticeAt) => {
        noticed.push(firstNoticeAt);
        await new Promise<void>((resolve) => (finish = resolve));
      },
      30,
      () => clock,
    );
    expect(queue.pending).toBe(false);
    queue.notify();
    clock = 1010;
    queue.notify(); // restarts the quiet time, not the wait
    expect(queue.pending).toBe(true);
    await until(() => noticed.length === 1);
    expect(queue.pending).toBe(false);
    clock = 2000;
    queue.notify();
    clock = 2500;
    queue.notify();
    expect(queue.pending).toBe(true);
    finish();
    await until(() => noticed.length === 2);
    finish();
    await queue.idle();
    expect(noticed).toEqual([1000, 2000]);
    expect(queue.pending).toBe(false);
  });
});

describe('the failure mail', () => {
  const history = (results: string): BuildRecord[] =>
    [...results].map((letter, index) => ({
      id: String(index),
      startedAt: `2026-11-0${(index % 9) + 1}T13:00:00.000Z`,
      finishedAt: `2026-11-0${(index % 9) + 1}T13:00:10.000Z`,
      durationMs: 10_000,
      result: letter === 'x' ? ('failed' as const) : ('live' as const),
      ...(letter === 'x'
        ? {
            error: 'Cannot reach the CMS',
            failure: { kind: 'cms-unreachable' as const, message: '' },
          }
        : {}),
    }));

  it('is due exactly when the third failure in a row arrives, and when a good build ends such a run', () => {
    const due = (results: string) => mailOccasion(history(results));
    expect(due('')).toBeNull();
    expect(due('x')).toBeNull();
    expect(due('xx')).toBeNull();
    expect(due('xxx')).toBe('failing');
    expect(due('.xxx')).toBe('failing');
    expect(due('xxxx')).toBeNull();
    expect(due('xxxxxxxxx')).toBeNull();
    expect(due('xxx.')).toBe('recovered');
    expect(due('xxxxxxx.')).toBe('recovered');
    expect(due('xx.')).toBeNull();
    expect(due('xxx..')).toBeNull();
    expect(due('xxx.xxx')).toBe('failing');
  });

  it('tells editors in plain Dutch since when, why, what to do, and that the old site stays', () => {
    const mail = failureMail('failing', history('.xxx'), SITE_URL);
    expect(mail.subject).toBe('De website wordt niet bijgewerkt');
    const { reason, advice } = explainFailure('cms-unreachable');
    expect(mail.text).toContain('sinds 2 november 2026 om 14:00 uur');
    expect(mail.text).toContain('3 keer achter elkaar mislukt');
    expect(mail.text).toContain(`${reason.charAt(0).toUpperCase()}${reason.slice(1)}.`);
    expect(mail.text).toContain(advice);
    expect(mail.text).toContain('De oude versie van de website blijft online.');
    expect(mail.text).toContain(`De website: ${SITE_URL}`);
    const back = failureMail('recovered', history('xxxx.'), SITE_URL);
    expect(back.subject).toBe('De website wordt weer bijgewerkt');
    expect(back.text).toContain('4 keer achter elkaar mislukt, vanaf 1 november 2026 om 14:00 uur');
    expect(back.text).toContain('Sinds 5 november 2026 om 14:00 uur');
    expect(dutchMoment('2026-07-01T10:05:00Z')).toBe('1 juli 2026 om 12:05 uur');
  });

  it('is off without SMTP_HOST or PUBLISH_NOTIFY_TO, and wrong settings are said at start', () => {
    expect(failureMailSettings({})).toEqual({ off: 'SMTP_HOST is not set' });
    expect(failureMailSettings({ SMTP_HOST: 'mail' })).toEqual({
      off: 'PUBLISH_NOTIFY_TO is not set',
    });
    expect(
      failureMailSettings({ SMTP_HOST: 'mail', PUBLISH_NOTIFY_TO: ' a@x.nl, b@y.nl ,' }),
    ).toEqual({
      mail: {
        host: 'mail',
        port: 587,
        secure: false,
        from: 'hub@localhost',
        to: ['a@x.nl', 'b@y.nl'],
      },
    });
    expect(() => failureMailSettings({ PUBLISH_NOTIFY_TO: 'redactie' })).toThrow(
      /PUBLISH_NOTIFY_TO must list e-mail addresses separated by commas; "redactie" is not one/,
    );
    expect(() => failureMailSettings({ SMTP_HOST: 'mail', SMTP_PORT: 'smtp' })).toThrow(
      /SMTP_PORT must be a whole number/,
    );
  });

  it('goes out once after three failures, once on recovery, and never again after a restart', async () => {
    const { mails, port } = await startMailServer();
    const lines: string[] = [];
    const mailer = smtpMailer(
      {
        host: '127.0.0.1',
        port,
        secure: false,
        from: 'hub@voorbeeld.nl',
        to: ['redactie@voorbeeld.nl', 'web@voorbeeld.nl'],
      },
      (line) => lines.push(line),
    );
    const failing = plannedBuilder([{ throws: cmsDown() }]);
    const healthy = plannedBuilder([{}]);
    /** A publisher over the same folder, as after a restart. */
    const start = async (builder: SiteBuilder) => {
      const publisher = publisherFor('mail', { builder, mailer });
      await publisher.load();
      return publisher;
    };
    const buildAndMail = async (publisher: Publisher) => {
      await publisher.build();
      await publisher.mailsDone();
    };

    let publisher = await start(failing);
    await buildAndMail(publisher);
    await buildAndMail(publisher);
    expect(mails).toHaveLength(0);
    // A restart between the second and the third failure: the history counts, not the process.
    publisher = await start(failing);
    await buildAndMail(publisher);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.to).toEqual(['redactie@voorbeeld.nl', 'web@voorbeeld.nl']);
    expect(mails[0]!.from).toBe('hub@voorbeeld.nl');
    expect(mails[0]!.text).toContain('Subject: De website wordt niet bijgewerkt');
    expect(mails[0]!.text).toContain('3 keer achter elkaar mislukt');
    expect(mails[0]!.text).toContain('Het beheersysteem was even niet bereikbaar.');
    expect(mails[0]!.text).toContain(SITE_URL);
    // The operator's details (the CMS's host) stay in the log.
    expect(mails[0]!.text).not.toContain('cms.intern');

    // A 4th and 5th failure: no mail storm, also not after a restart.
    await buildAndMail(publisher);
    publisher = await start(failing);
    await buildAndMail(publisher);
    expect(mails).toHaveLength(1);

    // Working again: one mail.
    publisher = await start(healthy);
    await buildAndMail(publisher);
    expect(mails).toHaveLength(2);
    expect(mails[1]!.text).toContain('Subject: De website wordt weer bijgewerkt');
    expect(mails[1]!.text).toContain('5 keer achter elkaar mislukt');

    // A restart after that, and more good builds: nothing more.
    publisher = await start(healthy);
    await buildAndMail(publisher);
    await buildAndMail(publisher);
    expect(mails).toHaveLength(2);
    expect(lines.filter((line) => line.startsWith('Mail "'))).toHaveLength(2);
  });

  it('that cannot be sent is logged and fails nothing', async () => {
    const lines: string[] = [];
    const mailer: Mailer = smtpMailer(
      // Port 9 (discard): nothing listens there.
      { host: '127.0.0.1', port: 9, secure: false, from: 'hub@localhost', to: ['a@b.nl'] },
      (line) => lines.push(line),
    );
    const publisher = publisherFor('mail-down', {
      builder: plannedBuilder([
        { throws: cmsDown() },
        { throws: cmsDown() },
        { throws: cmsDown() },
        {},
      ]),
      mailer,
    });
    await publisher.load();
    for (let i = 0; i < 4; i += 1) await publisher.build();
    await publisher.mailsDone();
    expect(lines.filter((line) => line.includes('could not be sent'))).toHaveLength(2);
    expect(lines[0]).toMatch(
      /^The mail "De website wordt niet bijgewerkt" could not be sent through 127\.0\.0\.1:9: /,
    );
    expect((await publisher.status()).live).not.toBeNull();
  });
});

describe('the metrics', () => {
  it('count builds by result and kind, time their phases and publish-to-live, and read the state', async () => {
    const builder = plannedBuilder([
      {},
      { throws: cmsDown() },
      { warnings: [MISSING] },
      { throws: cmsDown() },
    ]);
    const publisher = publisherFor('metrics', { builder });
    await publisher.load();
    for (let i = 0; i < 4; i += 1) {
      publisher.queue.notify();
      await until(() => builder.builds === i + 1);
      await publisher.queue.idle();
    }
    // Started by an operator, not by a notice: no publish-to-live.
    builder.build = plannedBuilder([{ warnings: [MISSING, MISSING] }]).build;
    await publisher.build();
    const server = createPublisherServer(publisher, SECRET);
    closers.push(() => server.close());
    const response = await server.inject({ method: 'GET', url: '/metrics' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    const { samples, types } = parsePrometheus(response.body);
    const value = (name: string, labels: Record<string, string> = {}) => {
      const found = samples.filter(
        (sample) =>
          sample.name === `hub_publisher_${name}` &&
          Object.entries(labels).every(([key, wanted]) => sample.labels[key] === wanted),
      );
      expect(found, `${name} ${JSON.stringify(labels)}`).toHaveLength(1);
      return found[0]!.value;
    };

    expect(types.get('hub_publisher_builds_total')).toBe('counter');
    expect(value('builds_total', { result: 'live' })).toBe(3);
    expect(value('builds_total', { result: 'failed', kind: 'cms-unreachable' })).toBe(2);
    expect(value('builds_total', { result: 'failed', kind: 'checks' })).toBe(0);
    expect(types.get('hub_publisher_build_phase_seconds')).toBe('histogram');
    expect(value('build_phase_seconds_count', { phase: 'total' })).toBe(5);
    expect(value('build_phase_seconds_count', { phase: 'render' })).toBe(3);
    expect(value('build_phase_seconds_sum', { phase: 'render' })).toBeCloseTo(4.5);
    expect(value('build_phase_seconds_bucket', { phase: 'render', le: '1' })).toBe(0);
    expect(value('build_phase_seconds_bucket', { phase: 'render', le: '2.5' })).toBe(3);
    expect(value('build_phase_seconds_count', { phase: 'checks' })).toBe(3);
    expect(samples.some((sample) => sample.labels.phase === 'upload')).toBe(false);
    expect(value('rendered_files_total')).toBe(15);
    expect(value('last_build_rendered_files')).toBe(5);
    expect(value('last_build_files')).toBe(12);
    expect(value('last_build_warnings')).toBe(2);
    expect(value('consecutive_failures')).toBe(0);
    expect(value('publish_to_live_seconds_count')).toBe(2);
    // From the notice: the quiet time (10 ms) and the build, well under a bucket of 5 s.
    expect(value('publish_to_live_seconds_sum')).toBeGreaterThan(0.01);
    expect(value('publish_to_live_seconds_bucket', { le: '5' })).toBe(2);
    const age = value('live_release_age_seconds');
    expect(age).toBeGreaterThanOrEqual(0);
    expect(age).toBeLessThan(30);
    // prom-client's process metrics, with our prefix.
    expect(value('process_cpu_user_seconds_total')).toBeGreaterThan(0);
    expect(samples.every((sample) => sample.name.startsWith('hub_publisher_'))).toBe(true);

    // Consecutive failures are read from the history.
    builder.build = plannedBuilder([{ throws: cmsDown() }]).build;
    await publisher.build();
    await publisher.build();
    const again = parsePrometheus((await server.inject({ url: '/metrics' })).body).samples;
    expect(
      again.find((sample) => sample.name === 'hub_publisher_consecutive_failures')?.value,
    ).toBe(2);
  });

  it('need the secret (or, for metrics, METRICS_TOKEN) when the publisher listens on a network', async () => {
    const publisher = publisherFor('metrics-access');
    await publisher.load();
    // Before the first good build: the live build's age is left out, nothing is NaN.
    const before = await publisher.metrics.metrics();
    expect(before).not.toMatch(/^hub_publisher_live_release_age_seconds /m);
    expect(parsePrometheus(before).types.get('hub_publisher_live_release_age_seconds')).toBe(
      'gauge',
    );
    const open = createPublisherServer(publisher, SECRET, undefined, '127.0.0.1');
    const exposed = createPublisherServer(publisher, SECRET, undefined, '0.0.0.0', 'scrape-only');
    closers.push(
      () => open.close(),
      () => exposed.close(),
    );
    const code = async (server: typeof open, headers: Record<string, string> = {}) =>
      (await server.inject({ method: 'GET', url: '/metrics', headers })).statusCode;

    expect(await code(open)).toBe(200);
    expect(await code(exposed)).toBe(401);
    expect(await code(exposed, { authorization: 'Bearer wrong' })).toBe(401);
    expect(await code(exposed, { [SECRET_HEADER]: 'wrong' })).toBe(401);
    expect(await code(exposed, { authorization: `Bearer ${SECRET}` })).toBe(200);
    expect(await code(exposed, { [SECRET_HEADER]: SECRET })).toBe(200);
    expect(await code(open, { authorization: 'Bearer wrong' })).toBe(401);
    // A token for scrapers only: it opens /metrics, not /status, and cannot build.
    expect(await code(exposed, { authorization: 'Bearer scrape-only' })).toBe(200);
    const status = async (server: typeof open, headers: Record<string, string> = {}) =>
      (await server.inject({ method: 'GET', url: '/status', headers })).statusCode;
    expect(await status(exposed, { authorization: 'Bearer scrape-only' })).toBe(401);
    expect(
      (
        await exposed.inject({
          method: 'POST',
          url: '/build',
          headers: { [SECRET_HEADER]: 'scrape-only' },
        })
      ).statusCode,
    ).toBe(401);
    // The status follows the same rule as the metrics.
    expect(await status(open)).toBe(200);
    expect(await status(exposed)).toBe(401);
    expect(await status(exposed, { [SECRET_HEADER]: SECRET })).toBe(200);

    for (const host of [undefined, '', '127.0.0.1', '::1', '[::1]', 'localhost', 'LOCALHOST'])
      expect(isLoopbackHost(host), String(host)).toBe(true);
    for (const host of ['0.0.0.0', '::', '10.0.0.5', 'publisher.intern', '127.0.0.1.nip.io'])
      expect(isLoopbackHost(host), host).toBe(false);
  });

  it('give the live build’s age from its time, also for a build found on disk', () => {
    const now = Date.UTC(2026, 10, 3, 14, 0, 0);
    expect(releaseIdTime('20261103-135900-250')).toBe(Date.UTC(2026, 10, 3, 13, 59, 0, 250));
    expect(liveAgeSeconds({ history: [], live: null }, now)).toBeNaN();
    expect(liveAgeSeconds({ history: [], live: '20261103-135900-000' }, now)).toBe(60);
    const record = {
      id: '20261103-135900-000',
      startedAt: '2026-11-03T13:59:00.000Z',
      finishedAt: '2026-11-03T13:59:30.000Z',
      durationMs: 30_000,
      result: 'live' as const,
    };
    expect(liveAgeSeconds({ history: [record], live: record.id }, now)).toBe(30);
  });
});

describe('the real build worker', () => {
  // The renderer is compiled first, in a process of its own, so the worker starts quickly.
  beforeAll(() => {
    const compiled = compileRendererAhead();
    expect(compiled.status, compiled.stderr).toBe(0);
  });

  it('sends the kind of its failure across with the message', async () => {
    let mode: 401 | 503 | 'broken' = 401;
    const cms = http.createServer((request, response) => {
      if (mode !== 'broken') return void response.writeHead(mode).end();
      const url = request.url ?? '';
      if (url.startsWith('/api/hub/')) return void response.writeHead(404).end();
      response.writeHead(200, { 'Content-Type': 'application/json' });
      if (url.startsWith('/api/upload/files')) return void response.end('[]');
      // One article without a slug: the loader's mappers refuse it (a MappingError).
      const data = url.startsWith('/api/articles?') ? [{ documentId: 'a1', title: 'Kapot' }] : [];
      response.end(
        JSON.stringify({ data, meta: { pagination: { page: 1, pageCount: 1, total: 1 } } }),
      );
    });
    await new Promise<void>((resolve) => cms.listen(0, '127.0.0.1', resolve));
    closers.push(() => new Promise((resolve) => cms.close(resolve)));
    const url = `http://127.0.0.1:${(cms.address() as AddressInfo).port}`;
    const publisher = new Publisher({
      root: path.join(work, 'worker'),
      siteDir,
      cms: () => ({ url, token: 'none' }),
      siteUrl: SITE_URL,
      debounceMs: 10,
      keep: 5,
      buildTimeoutMs: 60_000,
      log: () => undefined,
    });
    closers.push(() => publisher.close());
    await publisher.load();
    const refused = await publisher.build();
    mode = 503;
    const down = await publisher.build();
    mode = 'broken';
    const broken = await publisher.build();
    expect(refused.failure).toMatchObject({
      kind: 'cms-refused',
      message: expect.stringMatching(/refused the build token \(401\)/),
    });
    expect(down.failure).toMatchObject({
      kind: 'cms-unreachable',
      message: expect.stringMatching(/answered 503/),
    });
    // Only the worker can tell this one: over the channel it is just a sentence.
    expect(broken.failure?.message).toMatch(/"Kapot" \(a1\) has no /);
    expect(classifyBuildError(broken.failure?.message)).toBe('unknown');
    expect(broken.failure?.kind).toBe('content');
  });
});
