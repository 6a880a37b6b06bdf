import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appDir as cmsDir, bootTestCms, freePort, type TestCms } from '../../cms/test/harness';
import { siteDir } from '../src/lib/paths';

const require = createRequire(import.meta.url);
const SECRET = 'geheim-voor-het-voorbeeld';
const PREVIEW_URL = 'http://localhost:4323';
const DRAFT_TITLE = 'Nog geheim: de buurtbus rijdt weer (voorbeeld)';

let cms: TestCms;
let server: ChildProcess;
let base: string;
let work: string;
let draftId: string;
let changed: { documentId: string; title: string; published: string };

beforeAll(async () => {
  cms = await bootTestCms({ PREVIEW_URL, PREVIEW_SECRET: SECRET });
  const { seedDemoContent } = require(
    path.join(cmsDir, 'dist', 'src', 'hub', 'seed', 'seed-demo.js'),
  );
  await seedDemoContent(cms.strapi);
  const articles = cms.strapi.documents('api::article.article');
  const draft = await articles.create({
    data: {
      title: DRAFT_TITLE,
      summary: 'Vanaf maart rijdt de buurtbus weer door Heer en De Heeg.',
      body: [{ type: 'paragraph', children: [{ type: 'text', text: 'Instappen kan overal.' }] }],
    },
  } as never);
  draftId = draft.documentId;
  // A published article whose draft has a change that is not published yet.
  const [first] = (await articles.findMany({
    status: 'published',
    limit: 1,
  } as never)) as unknown as {
    documentId: string;
    title: string;
  }[];
  await articles.update({
    documentId: first!.documentId,
    data: { title: `${first!.title} (bijgewerkt)` },
  } as never);
  changed = {
    documentId: first!.documentId,
    title: `${first!.title} (bijgewerkt)`,
    published: first!.title,
  };

  work = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-preview-'));
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  // The preview server as npm start runs it, in a process of its own.
  server = spawn(process.execPath, ['--import', 'tsx', 'scripts/preview-cli.ts'], {
    cwd: siteDir,
    env: {
      ...process.env,
      PREVIEW_PORT: String(port),
      PREVIEW_SECRET: SECRET,
      CMS_URL: cms.url,
      // The preview's own token, the only one that may read drafts (written beside the build token).
      SITE_PREVIEW_TOKEN: fs
        .readFileSync(
          path.join(path.dirname(process.env.SITE_BUILD_TOKEN_FILE!), 'site-preview-token'),
          'utf8',
        )
        .trim(),
      SITE_URL: 'https://hub.example.nl',
      TMPDIR: work,
    },
    stdio: 'ignore',
  });
  // Up once it refuses a request without the secret; the first request compiles the site when
  // its code changed since the last compile.
  for (let tries = 0; tries < 240; tries += 1) {
    const status = await fetch(`${base}/`).then(
      (answer) => answer.status,
      () => 0,
    );
    if (status === 403) break;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}, 300_000);

afterAll(async () => {
  server?.kill('SIGTERM');
  await cms?.stop();
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

const preview = (query: Record<string, string>) =>
  fetch(`${base}/?${new URLSearchParams(query).toString()}`);

describe('the preview of a draft', () => {
  it('is linked from the CMS’s Preview button, with the secret, for pages the site has', async () => {
    const { handler } = cms.strapi.config.get('admin.preview.config') as {
      handler: (uid: string, params: { documentId?: string }) => string | null;
    };
    expect(handler('api::article.article', { documentId: draftId })).toBe(
      `${PREVIEW_URL}/?type=article&id=${draftId}&secret=${SECRET}`,
    );
    expect(handler('api::theme.theme', { documentId: draftId })).toBeNull();
    expect(cms.strapi.config.get('admin.preview.enabled')).toBe(true);
  });

  it('shows a draft that was never published, in the site’s own page, only with the secret', async () => {
    expect((await preview({ type: 'article', id: draftId })).status).toBe(403);
    expect((await preview({ type: 'article', id: draftId, secret: 'raden' })).status).toBe(403);
    // The secret first: without it, nothing about the request is looked at.
    expect((await preview({ type: 'onzin', id: '../x', secret: 'raden' })).status).toBe(403);

    const answer = await preview({ type: 'article', id: draftId, secret: SECRET });
    expect(answer.status).toBe(200);
    const html = await answer.text();
    expect(html).toContain(`<h1>${DRAFT_TITLE}</h1>`);
    expect(html).toContain('Instappen kan overal.');
    expect(html).toContain('Voorbeeld van een concept');
    // The site's own layout and stylesheet, served by the preview server.
    expect(html).toContain('Naar de inhoud');
    const stylesheet = /<link rel="stylesheet" href="([^"]+)"/.exec(html)?.[1];
    expect(stylesheet).toBeTruthy();
    expect((await fetch(`${base}${stylesheet}`)).status).toBe(200);
  });

  it('is never indexable or cached, and only the CMS may frame it', async () => {
    const answer = await preview({ type: 'article', id: draftId, secret: SECRET });
    expect(answer.headers.get('x-robots-tag')).toBe('noindex, nofollow');
    expect(answer.headers.get('cache-control')).toBe('no-store');
    expect(answer.headers.get('content-security-policy')).toContain(
      `frame-ancestors 'self' ${new URL(cms.url).origin}`,
    );
    expect(await answer.text()).toContain('<meta name="robots" content="noindex, nofollow">');
  });

  it('shows the unpublished change of a published article, not the published version', async () => {
    const html = await (
      await preview({ type: 'article', id: changed.documentId, secret: SECRET })
    ).text();
    expect(html).toContain(`<h1>${changed.title}</h1>`);
    // The published version, read by the site build, still has the old title.
    const published = await cms.strapi
      .documents('api::article.article')
      .findOne({ documentId: changed.documentId, status: 'published' } as never);
    expect(published?.title).toBe(changed.published);
  });

  it('answers in Dutch for what it cannot show', async () => {
    const unknownType = await preview({ type: 'theme', id: draftId, secret: SECRET });
    expect(unknownType.status).toBe(400);
    const gone = await preview({ type: 'article', id: 'bestaatnietmeer1234', secret: SECRET });
    expect(gone.status).toBe(404);
    expect(await gone.text()).toMatch(/bestaat niet/);
  });
});
