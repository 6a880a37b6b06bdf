/**
 * Editors know what is live: the "Publicatie" widget on the admin's home page and the "Op de
 * website" panel beside each document, in the real admin panel in Chromium, against a real CMS
 * and a real publisher building the site. Logged in as a Redacteur and as a Partner (auteur).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import type { Page } from 'playwright-core';
import { createRequire } from 'node:module';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { appDir as cmsDir, bootTestCms, freePort, type TestCms } from '../../cms/test/harness';
import { TEST_PASSWORD, loginWithRole, validData } from '../../cms/test/fixtures';
import { request } from '../../cms/test/http';
import { createPublisherServer } from '../src/publisher/http';
import { Publisher } from '../src/publisher/publisher';
import { ensureAdminBuild } from '../src/lib/admin-build';
import { openAdmin, type AdminSession } from '../src/lib/admin-browser';
import { siteDir } from '../src/lib/paths';

const require = createRequire(import.meta.url);
const SECRET = 'test-publisher-secret';
const ARTICLES = '/content-manager/collection-types/api::article.article';
const EDITOR = 'redacteur@voorbeeld.nl';
const PARTNER = 'partner@voorbeeld.nl';
/** A build from the CMS takes seconds; the first of a test run compiles the site as well. */
const BUILD_WAIT_MS = 120_000;

let cms: TestCms;
let publisher: Publisher;
let publisherServer: FastifyInstance;
let root: string;
let editorToken: string;
let partnerToken: string;
let editor: AdminSession;
let partner: AdminSession;
let valid: Record<string, Record<string, unknown>>;
/** Replaces the build token (a token the CMS no longer knows); undefined: the real one. */
let currentToken: string | undefined;

beforeAll(async () => {
  await ensureAdminBuild(() => undefined);
  const publisherPort = await freePort();
  cms = await bootTestCms(
    {
      PUBLISHER_URL: `http://127.0.0.1:${publisherPort}`,
      PUBLISHER_SECRET: SECRET,
      SITE_URL: 'http://localhost:4321',
    },
    { serveAdminPanel: true },
  );
  const { seedDemoContent } = require(
    path.join(cmsDir, 'dist', 'src', 'hub', 'seed', 'seed-demo.js'),
  );
  await seedDemoContent(cms.strapi);
  valid = await validData(cms.strapi);
  editorToken = await loginWithRole(cms, 'editor', EDITOR);
  partnerToken = await loginWithRole(cms, 'author', PARTNER);

  root = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-publication-'));
  const token = fs.readFileSync(process.env.SITE_BUILD_TOKEN_FILE!, 'utf8').trim();
  publisher = new Publisher({
    root,
    siteDir,
    cms: () => ({ url: cms.url, token: currentToken ?? token }),
    siteUrl: 'http://localhost:4321',
    debounceMs: 300,
    keep: 5,
    buildTimeoutMs: 600_000,
    log: () => undefined,
  });
  publisherServer = createPublisherServer(publisher, SECRET);
  await publisherServer.listen({ port: publisherPort, host: '127.0.0.1' });
  expect((publisherServer.server.address() as AddressInfo).port).toBe(publisherPort);
  const first = await publisher.build();
  expect(first.result, first.error).toBe('live');

  editor = await openAdmin(cms.url, EDITOR, TEST_PASSWORD);
  partner = await openAdmin(cms.url, PARTNER, TEST_PASSWORD);
}, 600_000);

// A test that fails half-way must not leave the next ones building with a wrong token.
afterEach(() => {
  currentToken = undefined;
});

afterAll(async () => {
  await editor?.browser.close();
  await partner?.browser.close();
  publisher?.queue.stop();
  await publisher?.queue.idle();
  publisher?.close();
  await publisherServer?.close();
  await cms?.stop().catch(() => undefined);
  if (root) fs.rmSync(root, { recursive: true, force: true });
});

/** Creates a draft article through the admin API as the user of `token`; its documentId. */
async function draftArticle(token: string, title: string): Promise<string> {
  const answer = await request<{ data: { documentId: string } }>(cms.url, ARTICLES, {
    method: 'POST',
    token,
    body: { ...valid.article, title },
  });
  expect(answer.status).toBe(201);
  return answer.body.data.documentId;
}

/** Publishes it as the editor does with the Publiceren button. */
async function publish(documentId: string): Promise<void> {
  const answer = await request(cms.url, `${ARTICLES}/${documentId}/actions/publish`, {
    method: 'POST',
    token: editorToken,
    body: {},
  });
  expect(answer.status).toBe(200);
}

/** The widget's state text, once it shows `state` (it polls every few seconds). */
async function widgetText(page: Page, state: string): Promise<string> {
  const widget = page.locator(`[data-hub-publication-state="${state}"]`);
  await widget.waitFor({ timeout: BUILD_WAIT_MS });
  return (await page.locator('[data-hub-publication]').textContent()) ?? '';
}

/**
 * The document panel's text, once it shows `state` (and `containing`, when given: "not-yet" first
 * says the site will be updated soon, and names a failure only once the build has failed).
 */
async function panelText(page: Page, state: string, containing?: string): Promise<string> {
  const panel = page
    .locator(`[data-hub-publication-panel="${state}"]`)
    .filter(containing ? { hasText: containing } : {});
  await panel.waitFor({ timeout: BUILD_WAIT_MS });
  return (await panel.textContent()) ?? '';
}

const AMSTERDAM_TIME = /\d{1,2} [a-z]+ \d{4} (om )?\d{1,2}:\d{2}/;

describe('the Publicatie widget and the document panel', () => {
  it('the home page says since when the site is live, with the last builds', async () => {
    await editor.open('/');
    const text = await widgetText(editor.page, 'live');
    expect(text).toContain('Live sinds');
    expect(text).toMatch(AMSTERDAM_TIME);
    expect(text).toContain('gelukt');
  });

  it('a published article shows "Staat op de site sinds" in its panel, without a reload', async () => {
    const documentId = await draftArticle(editorToken, 'Koffie op het Mosae Forum (voorbeeld)');
    await editor.open(`${ARTICLES}/${documentId}`);
    expect(await panelText(editor.page, 'draft')).toContain('Niet op de site (concept)');
    await publish(documentId);
    const text = await panelText(editor.page, 'on-site');
    expect(text).toContain('Staat op de site sinds');
    expect(text).toMatch(AMSTERDAM_TIME);
    const link = editor.page.locator('[data-hub-publication-panel] a');
    expect(await link.getAttribute('href')).toMatch(/^http:\/\/localhost:4321\/nieuws\/[\w-]+\/$/);
  });

  it('a failed build shows the reason in Dutch, and the next good build clears it', async () => {
    currentToken = 'a-token-the-cms-does-not-know';
    const documentId = await draftArticle(editorToken, 'Wandelen langs de Maas (voorbeeld)');
    await editor.open(`${ARTICLES}/${documentId}`);
    await publish(documentId);
    const reason = 'Nog niet op de site: de site mocht het beheersysteem niet lezen';
    expect(await panelText(editor.page, 'not-yet', reason)).toContain(reason);
    await editor.open('/');
    const widget = await widgetText(editor.page, 'failed');
    expect(widget).toContain('Niet bijgewerkt: de site mocht het beheersysteem niet lezen');
    expect(widget).toContain('Live sinds');
    expect(widget).toContain('mislukt');

    currentToken = undefined;
    publisher.queue.notify();
    await widgetText(editor.page, 'live');
    await editor.open(`${ARTICLES}/${documentId}`);
    expect(await panelText(editor.page, 'on-site')).toContain('Staat op de site sinds');
  });

  it('a partner sees the state of their own items only', async () => {
    const own = await draftArticle(partnerToken, 'Soep in Wittevrouwenveld (voorbeeld)');
    await partner.open(`${ARTICLES}/${own}`);
    expect(await panelText(partner.page, 'draft')).toContain('Niet op de site (concept)');

    const others = await draftArticle(editorToken, 'Stuk van de redactie (voorbeeld)');
    const route = `/admin/hub/publication/api::article.article/${others}`;
    expect((await request(cms.url, route, { token: partnerToken })).status).toBe(403);
    expect((await request(cms.url, route, { token: editorToken })).status).toBe(200);
    expect((await request(cms.url, route)).status).toBe(401);
    expect((await request(cms.url, '/admin/hub/publication')).status).toBe(401);
  });

  it('an image whose file is gone: the build succeeds, the widget names the file to editors only', async () => {
    const upload = (await cms.strapi.db.query('plugin::upload.file').findOne({
      where: { mime: { $startsWith: 'image/' } },
      orderBy: { id: 'asc' },
    })) as { name: string; url: string };
    fs.rmSync(path.join(cms.workDir, 'public', upload.url));
    publisher.queue.notify();
    await publisher.queue.idle();
    const newest = (await publisher.status()).last;
    expect(newest?.result, newest?.error).toBe('live');

    await editor.open('/');
    const widget = await widgetText(editor.page, 'live');
    expect(widget).toContain(`Een afbeelding ontbreekt: ${upload.name}`);
    // The demo items are the editors', not the partner's: the partner is not told about them.
    await partner.open('/');
    expect(await widgetText(partner.page, 'live')).not.toContain('Een afbeelding ontbreekt');
  });
});
