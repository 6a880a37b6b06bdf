/**
 * The production topology, end to end (issue 13): one PostgreSQL database, an S3 server with a
 * media and a site bucket, two CMS instances started at the same moment behind a round-robin
 * proxy, and the publisher writing to the site bucket. Every webhook the instances send passes a
 * recorder on its way to the publisher, so the test can count them.
 *
 * Needs the local PostgreSQL (SCALE_DATABASE_SERVER_URL, default 127.0.0.1:5432, user postgres):
 * the set-up stops with one line saying so when it cannot be reached.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { ChildProcess } from 'node:child_process';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomCmsSecrets } from '../../cms/test/harness';
import { startLocalS3, type LocalS3 } from '../src/lib/local-s3';
import { stopProcess } from '../src/lib/processes';
import { startRoundRobinProxy, type RoundRobinProxy } from '../src/scale/round-robin-proxy';
import {
  SCALE_BUCKETS,
  cmsInstance,
  dropDatabase,
  ensureDatabase,
  scaleFront,
  scalePublisher,
  type ScaleLayout,
} from '../src/scale/scale-hub';

const serverUrl =
  process.env.SCALE_DATABASE_SERVER_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const databaseName = `hub_scale_test_${randomBytes(4).toString('hex')}`;
const ADMIN = { email: 'beheer@voorbeeld.nl', password: 'Schaal-Test-2026!' };
const SUBMITTER_ADDRESS = '198.51.100.7';
const RATE_LIMIT = 3;

/** A webhook call as the CMS sends it (Strapi's body), with the time it arrived. */
interface Notice {
  event: string;
  model?: string;
  entry?: { documentId?: string };
  at: number;
}

let work: string;
let s3: LocalS3;
let proxy: RoundRobinProxy;
let recorder: http.Server;
const notices: Notice[] = [];
const children: ChildProcess[] = [];
let layout: ScaleLayout;
let instances: string[];
let database: pg.Client;
let adminToken: string;
let planned: { documentId: string; publishOn: Date };

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = http.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });

/** Records each webhook and passes it on to the publisher unchanged. */
async function startRecorder(target: () => string): Promise<string> {
  recorder = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks);
      try {
        notices.push({ ...(JSON.parse(body.toString()) as Notice), at: Date.now() });
      } catch {
        notices.push({ event: 'unreadable', at: Date.now() });
      }
      const headers = Object.fromEntries(
        Object.entries(request.headers).filter(
          ([name]) => !['host', 'content-length', 'connection'].includes(name),
        ),
      ) as Record<string, string>;
      fetch(`${target()}${request.url}`, { method: request.method, headers, body })
        .then(async (answer) => {
          response.writeHead(answer.status);
          response.end(await answer.text());
        })
        .catch(() => {
          response.writeHead(502);
          response.end();
        });
    });
  });
  await new Promise<void>((resolve) => recorder.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(recorder.address() as AddressInfo).port}`;
}

async function started(service: ReturnType<typeof cmsInstance>): Promise<void> {
  const { child, ready } = await service.start();
  children.push(child);
  await ready;
}

/** An admin API request to one instance (or the proxy). */
async function admin<T>(base: string, route: string, init: RequestInit = {}): Promise<T> {
  const answer = await fetch(`${base}${route}`, {
    ...init,
    headers: {
      Authorization: `Bearer ${adminToken}`,
      ...(typeof init.body === 'string' ? { 'Content-Type': 'application/json' } : {}),
      ...init.headers,
    },
  });
  const text = await answer.text();
  if (!answer.ok) throw new Error(`${init.method ?? 'GET'} ${route}: ${answer.status} ${text}`);
  return (text ? JSON.parse(text) : null) as T;
}

const ARTICLES = '/content-manager/collection-types/api::article.article';

/** The publisher's state. */
async function publisherStatus() {
  const answer = await fetch(`http://127.0.0.1:${layout.publisherPort}/status`);
  return (await answer.json()) as {
    live: string | null;
    building: unknown;
    queued: boolean;
    last: { id: string; result: string; error?: string; startedAt: string } | null;
  };
}

/** Waits until a build that started after `since` is live (fails on a failed build). */
async function liveBuildAfter(since: number): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    const status = await publisherStatus();
    const last = status.last;
    if (last && Date.parse(last.startedAt) >= since && !status.building && !status.queued) {
      if (last.result !== 'live') throw new Error(`The build failed: ${last.error}`);
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error('No build went live within 2 minutes.');
}

const siteObject = (key: string) => fetch(`${s3.endpoint}/${SCALE_BUCKETS.site}/${key}`);

async function anyDocumentId(uid: string): Promise<string> {
  const { rows } = await database.query<{ document_id: string }>(
    `SELECT document_id FROM ${uid} LIMIT 1`,
  );
  return rows[0]!.document_id;
}

beforeAll(async () => {
  const databaseUrl = await ensureDatabase(serverUrl, databaseName, { fresh: true });
  database = new pg.Client({ connectionString: databaseUrl });
  await database.connect();
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-scale-'));
  s3 = await startLocalS3({
    directory: path.join(work, 's3'),
    buckets: Object.values(SCALE_BUCKETS),
  });
  const [cmsA, cmsB, proxyPort, publisherPort, sitePort] = await Promise.all(
    Array.from({ length: 5 }, freePort),
  );
  const webhookUrl = await startRecorder(() => `http://127.0.0.1:${publisherPort}`);
  layout = {
    databaseUrl,
    s3,
    cmsPorts: [cmsA!, cmsB!],
    proxyPort: proxyPort!,
    publisherPort: publisherPort!,
    sitePort: sitePort!,
    workDir: work,
    publisherSecret: randomBytes(24).toString('hex'),
    webhookUrl,
    cmsEnv: {
      // Both instances must share the secrets: an admin session made at one is used at the other.
      ...randomCmsSecrets(),
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      SUBMISSION_RATE_LIMIT: `${RATE_LIMIT}/10`,
      SUBMISSION_MIN_FILL_SECONDS: '1',
      LOG_LEVEL: 'warn',
    },
  };
  instances = layout.cmsPorts.map((port) => `http://127.0.0.1:${port}`);
  // Both at the same moment, on the empty database.
  await Promise.all([started(cmsInstance(layout, 0)), started(cmsInstance(layout, 1))]);
  proxy = await startRoundRobinProxy(
    { upstreams: instances },
    { host: '127.0.0.1', port: proxyPort! },
  );
  await started(scalePublisher(layout));
  await started(scaleFront(layout));
  const login = (await (
    await fetch(`${instances[0]}/admin/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(ADMIN),
    })
  ).json()) as { data: { token: string } };
  adminToken = login.data.token;

  // Planned now, checked last: the instances' schedulers then run through several ticks.
  const inAMinute = new Date(Math.ceil((Date.now() + 20_000) / 60_000) * 60_000);
  const { data } = await admin<{ data: { documentId: string } }>(instances[1]!, ARTICLES, {
    method: 'POST',
    body: JSON.stringify({
      title: 'Gepland bericht (voorbeeld)',
      summary: 'Dit bericht gaat vanzelf online.',
      body: [{ type: 'paragraph', children: [{ type: 'text', text: 'Vanzelf online.' }] }],
      themes: [await anyDocumentId('themes')],
      districts: [await anyDocumentId('districts')],
      publishOn: inAMinute.toISOString(),
    }),
  });
  planned = { documentId: data.documentId, publishOn: inAMinute };
}, 600_000);

afterAll(async () => {
  await Promise.all(children.map((child) => stopProcess(child)));
  await proxy?.close();
  await s3?.close();
  await new Promise((resolve) => recorder?.close(resolve));
  await database?.end();
  await dropDatabase(serverUrl, databaseName);
  if (work && !process.env.KEEP) fs.rmSync(work, { recursive: true, force: true });
});

describe('two CMS instances on one database', () => {
  it('create everything once when they start at the same moment', async () => {
    const count = async (sql: string) =>
      Number((await database.query<{ n: string }>(sql)).rows[0]!.n);
    expect(
      await count(
        `SELECT COUNT(*) AS n FROM strapi_api_tokens WHERE name = 'Site build (alleen lezen)'`,
      ),
    ).toBe(1);
    expect(await count('SELECT COUNT(*) AS n FROM strapi_webhooks')).toBe(1);
    for (const [table, column] of [
      ['admin_roles', 'code'],
      ['up_roles', 'type'],
      ['themes', 'name'],
      ['districts', 'name'],
      ['articles', 'slug'],
      ['good_practices', 'slug'],
      ['events', 'slug'],
      ['partners', 'slug'],
    ] as const) {
      const rows = await count(`SELECT COUNT(*) AS n FROM ${table}`);
      expect(rows, table).toBeGreaterThan(0);
      // Strapi keeps a draft and a published row per document: same key and state twice is a copy.
      const state = table.endsWith('_roles') ? '' : ', published_at IS NULL';
      const copies = await count(
        `SELECT COUNT(*) AS n FROM (SELECT ${column} FROM ${table} ` +
          `GROUP BY ${column}${state} HAVING COUNT(*) > 1) AS copies`,
      );
      expect(copies, `${table} copied`).toBe(0);
    }
    expect(await count('SELECT COUNT(*) AS n FROM admin_users')).toBe(1);
  });

  it('serve an image uploaded through one from the media bucket, listed by the other', async () => {
    const image = fs.readFileSync(
      path.join(import.meta.dirname, '..', '..', 'cms', 'seed-images', 'living-room.jpg'),
    );
    const form = new FormData();
    form.append('files', new Blob([image], { type: 'image/jpeg' }), 'schaal-test.jpg');
    form.append('fileInfo', JSON.stringify({ alternativeText: 'Buren drinken samen koffie' }));
    const [uploaded] = await admin<{ id: number; url: string; size: number }[]>(
      instances[0]!,
      '/upload',
      {
        method: 'POST',
        body: form,
      },
    );
    expect(uploaded!.url.startsWith(`${s3.endpoint}/${SCALE_BUCKETS.media}/`)).toBe(true);
    const stored = await fetch(uploaded!.url);
    expect(stored.status).toBe(200);
    // Strapi re-encodes the original (size optimisation): a JPEG of the size it recorded.
    const bytes = Buffer.from(await stored.arrayBuffer());
    expect(bytes.subarray(0, 3).equals(Buffer.from([0xff, 0xd8, 0xff]))).toBe(true);
    expect(bytes.length / 1000).toBeCloseTo(uploaded!.size, 1);

    const listed = await admin<{ results: { id: number }[] }>(
      instances[1]!,
      '/upload/files?pageSize=100&sort=createdAt:DESC',
    );
    expect(listed.results.map((file) => file.id)).toContain(uploaded!.id);

    // Published through A with that image as its cover: the built page in the site bucket shows it.
    const since = Date.now();
    const { data } = await admin<{ data: { documentId: string; slug: string } }>(
      instances[0]!,
      ARTICLES,
      {
        method: 'POST',
        body: JSON.stringify({
          title: 'Koffie op schaal (voorbeeld)',
          summary: 'Een bericht met een foto uit de mediabucket.',
          body: [{ type: 'paragraph', children: [{ type: 'text', text: 'Welkom.' }] }],
          cover: uploaded!.id,
          themes: [await anyDocumentId('themes')],
          districts: [await anyDocumentId('districts')],
        }),
      },
    );
    await admin(instances[0]!, `${ARTICLES}/${data.documentId}/actions/publish`, {
      method: 'POST',
      body: '{}',
    });
    await liveBuildAfter(since);
    const page = await siteObject(`nieuws/${data.slug}/index.html`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('Koffie op schaal (voorbeeld)');
    const source =
      /<img[^>]+alt="Buren drinken samen koffie"[^>]*src="([^"]+)"|<img[^>]+src="([^"]+)"[^>]*alt="Buren drinken samen koffie"/.exec(
        html,
      );
    expect(source, 'the cover image on the page').not.toBeNull();
    const imagePath = (source![1] ?? source![2]!).replace(/^\//, '');
    expect((await siteObject(imagePath)).status).toBe(200);
    // The static front serves the same page from the bucket.
    const front = await fetch(`http://127.0.0.1:${layout.sitePort}/nieuws/${data.slug}/`);
    expect(front.status).toBe(200);
    // One publish, one webhook call, from the instance that made it.
    const publishes = notices.filter(
      (notice) => notice.event === 'entry.publish' && notice.entry?.documentId === data.documentId,
    );
    expect(publishes).toHaveLength(1);

    // Taken offline through B: gone from the site bucket.
    const before = Date.now();
    await admin(instances[1]!, `${ARTICLES}/${data.documentId}/actions/unpublish`, {
      method: 'POST',
      body: '{}',
    });
    await liveBuildAfter(before);
    expect((await siteObject(`nieuws/${data.slug}/index.html`)).status).toBe(404);
  });

  it('share one submission budget and refuse a form token used at the other', async () => {
    const token = async (base: string) =>
      ((await (await fetch(`${base}/api/submissions/token`)).json()) as { token: string }).token;
    const submit = (base: string, formToken: string, title: string, from = SUBMITTER_ADDRESS) =>
      fetch(`${base}/api/submissions/good-practices`, {
        method: 'POST',
        // As the site's front sends it: the reader's address, seen by a trusted proxy.
        headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': from },
        body: JSON.stringify({
          title,
          summary: 'Buren kweken samen groente in de wijk.',
          description: 'Elke zaterdag in de moestuin.',
          activityType: 'buurtnetwerk',
          submitterName: 'Inzender Voorbeeld',
          submitterEmail: 'inzender@voorbeeld.nl',
          formToken,
        }),
      });
    const tokens = await Promise.all([0, 1, 0, 1, 0].map((index) => token(instances[index]!)));
    await new Promise((resolve) => setTimeout(resolve, 1100));

    // A token used at A is refused at B (and that refusal costs no budget).
    const first = await submit(instances[0]!, tokens[0]!, 'Moestuin A (voorbeeld)');
    expect(first.status).toBe(201);
    const replayed = await submit(instances[1]!, tokens[0]!, 'Moestuin A nog eens (voorbeeld)');
    expect(replayed.status).toBeGreaterThanOrEqual(400);
    expect(replayed.status).toBeLessThan(500);
    expect(replayed.status).not.toBe(429);

    // The rest through the load balancer, which adds its own hop and spreads them over A and B.
    const before = proxy.counts();
    const statuses = [first.status];
    for (const [index, formToken] of tokens.slice(1, 4).entries()) {
      statuses.push(
        (await submit(proxy.url, formToken, `Moestuin ${index + 2} (voorbeeld)`)).status,
      );
    }
    const spread = proxy.counts().map((count, index) => count - (before[index] ?? 0));
    expect(spread.every((count) => count > 0)).toBe(true);
    // Three may pass in ten minutes, wherever they land; the fourth is refused.
    expect(statuses).toEqual([201, 201, 201, 429]);
    // The budget is the reader's, not the proxy's: another reader still gets through.
    const other = await submit(
      proxy.url,
      tokens[4]!,
      'Moestuin van de buren (voorbeeld)',
      '198.51.100.8',
    );
    expect(other.status).toBe(201);
  });

  it('publish a planned item once, whichever instance ticks', async () => {
    // Both instances have ticked minute after minute since they started; at the planned
    // minute both tick again and both find the item due: one publish, not two.
    const waitUntil = planned.publishOn.getTime() + 15_000;
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, waitUntil - Date.now())));
    const published = await admin<{ data: { status?: string; publishedAt?: string | null } }>(
      instances[0]!,
      `${ARTICLES}/${planned.documentId}?status=published`,
    );
    expect(published.data?.publishedAt).toBeTruthy();
    const publishes = notices.filter(
      (notice) =>
        notice.event === 'entry.publish' && notice.entry?.documentId === planned.documentId,
    );
    expect(publishes).toHaveLength(1);
  }, 240_000);
});
