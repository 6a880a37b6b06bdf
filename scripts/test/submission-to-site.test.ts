import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appDir as cmsDir, bootTestCms, type TestCms } from '../../cms/test/harness';
import { buildSiteFromScratch } from './site-build';

const require = createRequire(import.meta.url);
const SITE_URL = 'https://hub.example.nl';
const EMAIL = 'inzender.geheim@voorbeeld.nl';
const TITLE = '<script>alert("titel")</script> Buurtmoestuin (voorbeeld)';

let cms: TestCms;
let work: string;
let slug: string;

/** Every file of the built site as text; search index fragments unpacked (brotli variants left out: each unpacks to the file beside it). */
function siteTexts(dir: string): [string, string][] {
  return (fs.readdirSync(dir, { recursive: true, withFileTypes: true }) as fs.Dirent[])
    .filter((entry) => entry.isFile() && !/\.(avif|webp|png|jpe?g|woff2|wasm|br)$/.test(entry.name))
    .map((entry) => {
      const file = path.join(entry.parentPath, entry.name);
      const bytes = fs.readFileSync(file);
      // Pagefind's index files are gzip streams.
      const text =
        bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes).toString() : bytes.toString();
      return [path.relative(dir, file), text] as [string, string];
    });
}

beforeAll(async () => {
  cms = await bootTestCms({ SITE_URL, SUBMISSION_MIN_FILL_SECONDS: '1' });
  const { seedDemoContent } = require(
    path.join(cmsDir, 'dist', 'src', 'hub', 'seed', 'seed-demo.js'),
  );
  await seedDemoContent(cms.strapi);
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-submission-'));

  const { token: formToken } = (await (await fetch(`${cms.url}/api/submissions/token`)).json()) as {
    token: string;
  };
  await new Promise((resolve) => setTimeout(resolve, 1100));
  const answer = await fetch(`${cms.url}/api/submissions/good-practices`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      title: TITLE,
      summary: '<img src=x onerror="alert(1)"> Buren kweken samen groente.',
      description:
        'Zie <a href="javascript:alert(2)">hier</a>.\n\n<iframe src="//elders"></iframe>',
      activityType: 'buurtnetwerk',
      website: 'https://moestuin.voorbeeld.nl',
      submitterName: 'Geheime Inzender',
      submitterEmail: EMAIL,
      formToken,
    }),
  });
  expect(answer.status).toBe(201);

  // An editor reviews the draft and publishes it.
  const practices = cms.strapi.documents('api::good-practice.good-practice');
  const [draft] = (await practices.findMany({ filters: { title: TITLE } } as never)) as unknown as {
    documentId: string;
    slug: string;
  }[];
  await practices.publish({ documentId: draft!.documentId });
  slug = draft!.slug;
  await buildSiteFromScratch({
    cmsUrl: cms.url,
    token: fs.readFileSync(process.env.SITE_BUILD_TOKEN_FILE!, 'utf8').trim(),
    outDir: path.join(work, 'site'),
    siteUrl: SITE_URL,
  });
});

afterAll(async () => {
  await cms?.stop();
  if (work && !process.env.KEEP) fs.rmSync(work, { recursive: true, force: true });
});

describe('a published submission on the site', () => {
  it('shows the submitted markup as text, never as markup', () => {
    const page = fs.readFileSync(
      path.join(work, 'site', 'goede-voorbeelden', slug, 'index.html'),
      'utf8',
    );
    expect(page).toContain('&lt;script&gt;alert(&quot;titel&quot;)&lt;/script&gt;');
    expect(page).toContain('&lt;img src=x onerror=&quot;alert(1)&quot;&gt;');
    expect(page).not.toMatch(/href="javascript:/i);
    // Inside a quoted attribute value (a meta description, say) "<" is only text; outside them,
    // none of the submitted markup may appear as markup.
    const outsideAttributes = page.replace(/="[^"]*"/g, '=""');
    expect(outsideAttributes).not.toMatch(/<script>alert|<img src=x|<iframe/i);
    // No element carries an event handler.
    expect(outsideAttributes).not.toMatch(/<[a-z][^>]*\son[a-z]+=/i);
  });

  it('never shows who sent it in: not on a page, in a feed, the sitemap or the search index', () => {
    const texts = siteTexts(path.join(work, 'site'));
    expect(texts.some(([file]) => file.startsWith('pagefind/fragment/'))).toBe(true);
    // The unpacked search index holds the practice itself, so a leak there would show.
    expect(
      texts.some(
        ([file, text]) => file.startsWith('pagefind/fragment/') && text.includes('Buurtmoestuin'),
      ),
    ).toBe(true);
    for (const [file, text] of texts) {
      expect(text.includes(EMAIL), file).toBe(false);
      expect(text.includes('Geheime Inzender'), file).toBe(false);
    }
  });
});
