import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import type { Core } from '@strapi/strapi';
import { appDir as cmsDir, bootTestCms, freePort, type TestCms } from '../../../cms/test/harness';
import { createStaticServer } from '../../../scripts/src/static-server/server';

const require = createRequire(import.meta.url);
export const siteDir = path.resolve(import.meta.dirname, '..', '..');

/** The public URL the test build pretends to have: every absolute link must start with it. */
export const SITE_URL = 'https://hub.example.nl';

/** A test CMS with the demo content plus drafts, the site built from it, and a server over it. */
export interface BuiltSite {
  cms: TestCms;
  outDir: string;
  /** Base URL of the preview server. */
  url: string;
  /** Titles and slugs of documents that exist only as drafts (must not be published). */
  drafts: { article: string; event: string };
  stop: () => Promise<void>;
}

function run(child: ChildProcess, what: string): Promise<void> {
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  return new Promise((resolve, reject) =>
    child.on('exit', (code) =>
      code === 0
        ? resolve()
        : reject(new Error(`${what} failed (exit ${code}):\n${output.slice(-4000)}`)),
    ),
  );
}

async function seedWithDrafts(strapi: Core.Strapi) {
  const { seedDemoContent } = require(
    path.join(cmsDir, 'dist', 'src', 'hub', 'seed', 'seed-demo.js'),
  );
  await seedDemoContent(strapi);
  const paragraph = [{ type: 'paragraph', children: [{ type: 'text', text: 'Nog niet klaar.' }] }];
  await strapi.documents('api::article.article').create({
    data: { title: 'Geheim concept', summary: 'Dit is nog een concept.', body: paragraph },
  } as never);
  await strapi.documents('api::event.event').create({
    data: {
      title: 'Concept activiteit',
      summary: 'Nog geheim.',
      startsAt: new Date(Date.now() + 7 * 864e5).toISOString(),
      eventStatus: 'gepland',
    },
  } as never);
  return { article: 'geheim-concept', event: 'concept-activiteit' };
}

/** Boots a CMS, seeds it, builds the site into a temporary folder and serves it. */
export async function buildTestSite(): Promise<BuiltSite> {
  // The browser reaches the site here: the CMS takes form posts from this origin only.
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  // Forms may be sent one second after they are shown (instead of three): tests type fast.
  const cms = await bootTestCms({ SUBMISSION_MIN_FILL_SECONDS: '1', SITE_URL: url });
  const drafts = await seedWithDrafts(cms.strapi);
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-site-'));
  const env = {
    ...process.env,
    CMS_URL: cms.url,
    SITE_BUILD_TOKEN: fs.readFileSync(process.env.SITE_BUILD_TOKEN_FILE!, 'utf8').trim(),
    SITE_OUT_DIR: outDir,
    SITE_URL,
    NODE_ENV: 'production',
  };
  await run(
    spawn(process.execPath, ['--import', 'tsx', 'scripts/build-cli.ts'], { cwd: siteDir, env }),
    'The site build',
  );

  // Served by the product's own static server, so every browser test runs under its
  // Content-Security-Policy and headers.
  // The forms post through it to the CMS, as on the live site.
  const server = await createStaticServer({ root: outDir, submissionsUpstream: cms.url });
  await server.listen({ port, host: '127.0.0.1' });
  return {
    cms,
    outDir,
    url,
    drafts,
    stop: async () => {
      await server.close();
      await cms.stop();
      fs.rmSync(outDir, { recursive: true, force: true });
    },
  };
}
