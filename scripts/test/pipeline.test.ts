import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appDir as cmsDir, bootTestCms, freePort, type TestCms } from '../../cms/test/harness';
import { SECRET_HEADER, createPublisherServer } from '../src/publisher/http';
import { Publisher } from '../src/publisher/publisher';
import { createStaticServer } from '../src/static-server/server';
import { siteDir } from '../src/lib/paths';

const require = createRequire(import.meta.url);
const SECRET = 'test-publisher-secret';

const listen = async (server: FastifyInstance, port: number) => {
  await server.listen({ port, host: '127.0.0.1' });
  return (server.server.address() as AddressInfo).port;
};
const close = async (server: FastifyInstance | undefined) => {
  await server?.close();
};

let cms: TestCms;
let publisher: Publisher;
let publisherServer: FastifyInstance;
let siteServer: FastifyInstance;
let publisherUrl: string;
let siteUrl: string;
let root: string;
/** Replaces the build token for a test (a revoked token); undefined means the real one. */
let currentToken: string | undefined;
const paragraph = [{ type: 'paragraph', children: [{ type: 'text', text: 'Net gepubliceerd.' }] }];

/** Polls the live site until `check` holds; returns how long that took. */
async function until(check: () => Promise<boolean>, limitMs = 90_000): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < limitMs) {
    if (await check()) return Date.now() - started;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`Not reached within ${limitMs} ms`);
}
const statusOf = async (pathname: string) => (await fetch(`${siteUrl}${pathname}`)).status;
const feed = async () => (await fetch(`${siteUrl}/rss.xml`)).text();
const post = (pathname: string, secret = SECRET) =>
  fetch(`${publisherUrl}${pathname}`, { method: 'POST', headers: { [SECRET_HEADER]: secret } });

beforeAll(async () => {
  const publisherPort = await freePort();
  publisherUrl = `http://127.0.0.1:${publisherPort}`;
  // The CMS registers its webhook to the publisher on boot, as under npm start.
  cms = await bootTestCms({ PUBLISHER_URL: publisherUrl, PUBLISHER_SECRET: SECRET });
  const { seedDemoContent } = require(
    path.join(cmsDir, 'dist', 'src', 'hub', 'seed', 'seed-demo.js'),
  );
  await seedDemoContent(cms.strapi);

  root = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-publish-'));
  const token = fs.readFileSync(process.env.SITE_BUILD_TOKEN_FILE!, 'utf8').trim();
  const sitePort = await freePort();
  siteUrl = `http://127.0.0.1:${sitePort}`;
  publisher = new Publisher({
    root,
    siteDir,
    cms: () => ({ url: cms.url, token: currentToken ?? token }),
    siteUrl,
    debounceMs: 300,
    keep: 5,
    buildTimeoutMs: 600_000,
    log: () => undefined,
  });
  publisherServer = createPublisherServer(publisher, SECRET);
  await listen(publisherServer, publisherPort);
  siteServer = await createStaticServer({ root: publisher.releases.liveLink });
  await listen(siteServer, sitePort);
  const first = await publisher.build();
  expect(first.result, first.error).toBe('live');
});

afterAll(async () => {
  publisher?.queue.stop();
  await publisher?.queue.idle();
  publisher?.close();
  await close(publisherServer);
  await close(siteServer);
  await cms?.stop().catch(() => undefined);
  if (root) fs.rmSync(root, { recursive: true, force: true });
});

describe('publish to live', () => {
  let article: { documentId: string; slug: string };

  it('registered one webhook to the publisher in the CMS', async () => {
    const webhooks = await cms.strapi.get('webhookStore').findWebhooks();
    expect(
      webhooks.filter((webhook: { url: string }) => webhook.url === `${publisherUrl}/webhook`),
    ).toHaveLength(1);
  });

  it('a published article goes live without anyone running a command', async () => {
    article = (await cms.strapi.documents('api::article.article').create({
      data: { title: 'Live in seconden', summary: 'Een test van de pijplijn.', body: paragraph },
      status: 'published',
    } as never)) as unknown as { documentId: string; slug: string };
    const took = await until(async () => (await statusOf(`/nieuws/${article.slug}/`)) === 200);
    expect(took).toBeLessThan(90_000);
    expect(await feed()).toContain('Live in seconden');
  });

  it('an unpublished article disappears from the site and the feeds', async () => {
    await cms.strapi
      .documents('api::article.article')
      .unpublish({ documentId: article.documentId } as never);
    await until(async () => (await statusOf(`/nieuws/${article.slug}/`)) === 404);
    expect(await feed()).not.toContain('Live in seconden');
  });

  it('a deleted event disappears', async () => {
    const event = (
      await cms.strapi
        .documents('api::event.event')
        .findMany({ status: 'published', limit: 1 } as never)
    )[0] as unknown as { documentId: string; slug: string };
    expect(await statusOf(`/agenda/${event.slug}/`)).toBe(200);
    await cms.strapi
      .documents('api::event.event')
      .delete({ documentId: event.documentId } as never);
    await until(async () => (await statusOf(`/agenda/${event.slug}/`)) === 404);
  });

  it('refuses webhooks without the right secret', async () => {
    expect((await post('/webhook', 'wrong')).status).toBe(401);
    expect((await fetch(`${publisherUrl}/webhook`, { method: 'POST' })).status).toBe(401);
  });

  it('turns a burst of 20 events into at most 2 builds, ending in the right state', async () => {
    await publisher.queue.idle();
    const before = (await publisher.status()).kept.length;
    const historyBefore = ((await publisher.status()).last?.id ?? '') as string;
    await cms.strapi.documents('api::article.article').create({
      data: { title: 'Na de storm', summary: 'Het laatste bericht.', body: paragraph },
      status: 'published',
    } as never);
    const answers = await Promise.all(Array.from({ length: 20 }, () => post('/webhook')));
    expect(answers.every((answer) => answer.status === 202)).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 500));
    await publisher.queue.idle();
    const state = JSON.parse(fs.readFileSync(path.join(root, 'state.json'), 'utf8')) as {
      id: string;
    }[];
    const builds = state.filter((record) => record.id > historyBefore);
    expect(builds.length).toBeGreaterThanOrEqual(1);
    expect(builds.length).toBeLessThanOrEqual(2);
    expect(await feed()).toContain('Na de storm');
    expect(before).toBeGreaterThan(0);
  });

  it('rolls back to the previous build', async () => {
    const { live, kept } = await publisher.status();
    const rollback = await post('/rollback');
    expect(rollback.status).toBe(200);
    const { live: now } = (await rollback.json()) as { live: string };
    expect(now).toBe(kept[kept.indexOf(live!) - 1]);
    expect(await feed()).not.toContain('Na de storm');
    await publisher.releases.activate(live!);
  });

  it('keeps the live site when the token is refused, and recovers on the next build', async () => {
    const live = await publisher.releases.liveId();
    currentToken = 'revoked-token';
    const refused = await publisher.build();
    expect(refused.result).toBe('failed');
    expect(refused.error).toMatch(/refused the build token \(401\)/);
    expect(await publisher.releases.liveId()).toBe(live);
    currentToken = undefined;
    expect((await post('/build')).status).toBe(202);
    await new Promise((resolve) => setTimeout(resolve, 500));
    await publisher.queue.idle();
    expect((await publisher.status()).last?.result).toBe('live');
  });

  it('keeps the live site when the CMS is gone during a build, and says why', async () => {
    const live = await publisher.releases.liveId();
    const building = publisher.build();
    await cms.stop();
    const record = await building;
    expect(record.result).toBe('failed');
    expect(record.error).toMatch(/Cannot reach the CMS|fetch failed|ECONNREFUSED|answered/);
    expect(await publisher.releases.liveId()).toBe(live);
    expect(await statusOf('/')).toBe(200);
    const status = (await (await fetch(`${publisherUrl}/status`)).json()) as {
      last: { result: string; error: string };
    };
    expect(status.last.result).toBe('failed');
    expect(status.last.error.length).toBeGreaterThan(10);
  });
});
