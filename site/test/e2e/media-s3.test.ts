// s3rver ships no types: the declaration the scripts workspace keeps for it (a global module
// declaration, which only a reference brings into this workspace's compilation).
// eslint-disable-next-line @typescript-eslint/triple-slash-reference
/// <reference path="../../../scripts/src/types/s3rver.d.ts" />
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appDir as cmsDir, bootTestCms, type TestCms } from '../../../cms/test/harness';
import { localS3Env, startLocalS3, type LocalS3 } from '../../../scripts/src/lib/local-s3';
import { SITE_URL, siteDir } from './built-site';

const require = createRequire(import.meta.url);
const BUCKET = 'hub-media';
const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-site-s3-'));
const S3_SETTINGS = [
  'S3_BUCKET',
  'S3_ENDPOINT',
  'S3_REGION',
  'S3_ACCESS_KEY_ID',
  'S3_SECRET_ACCESS_KEY',
  'S3_FORCE_PATH_STYLE',
];
let s3: LocalS3 | undefined;
let cms: TestCms | undefined;
/** The image placed in an article's text, as stored by the CMS: its URL is on the bucket. */
let textImageUrl = '';

beforeAll(async () => {
  s3 = await startLocalS3({ directory: path.join(workDir, 's3'), buckets: [BUCKET] });
  cms = await bootTestCms(localS3Env(s3, BUCKET));
  const { seedDemoContent } = require(
    path.join(cmsDir, 'dist', 'src', 'hub', 'seed', 'seed-demo.js'),
  );
  await seedDemoContent(cms.strapi);
  // An image in rich text too: the blocks editor stores the whole file, URL included.
  const [image] = (await cms.strapi.db
    .query('plugin::upload.file')
    .findMany({ where: { name: 'walking-group.jpg' } })) as { url: string }[];
  textImageUrl = image!.url;
  await cms.strapi.documents('api::article.article').create({
    data: {
      title: 'Wandelen in de wijk',
      summary: 'Een bericht met een tekening in de tekst.',
      body: [
        { type: 'paragraph', children: [{ type: 'text', text: 'Kijk naar de tekening.' }] },
        { type: 'image', image, children: [{ type: 'text', text: '' }] },
      ],
    },
    status: 'published',
  } as never);
});

afterAll(async () => {
  await cms?.stop();
  await s3?.close();
  // bootTestCms leaves its settings in process.env: later test files store media on disk again.
  for (const key of S3_SETTINGS) Reflect.deleteProperty(process.env, key);
  fs.rmSync(workDir, { recursive: true, force: true });
});

/**
 * A site build from the test CMS in a process of its own, as the publisher starts one. Not
 * synchronous: the CMS and the local S3 answer it from this process.
 */
async function build(outDir: string, mediaOrigins: string) {
  const { SITE_MEDIA_ORIGINS: _given, ...inherited } = process.env;
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/build-cli.ts'], {
    cwd: siteDir,
    env: {
      ...inherited,
      CMS_URL: cms!.url,
      SITE_BUILD_TOKEN: fs.readFileSync(process.env.SITE_BUILD_TOKEN_FILE!, 'utf8').trim(),
      SITE_OUT_DIR: outDir,
      SITE_URL,
      // Its own image cache: every image is read from the bucket in this test.
      SITE_IMAGE_CACHE_DIR: path.join(workDir, 'image-cache'),
      SITE_MEDIA_ORIGINS: mediaOrigins,
      NODE_ENV: 'production',
    },
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const status = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  return { status, output };
}

/** Every text file of a built site (pages, feeds, calendars, scripts). */
function textFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => /\.(html|xml|json|ics|js|css)$/.test(name))
    .map((name) => path.join(dir, name));
}

describe('a site build with media on S3-compatible storage', () => {
  it('reads the images from the bucket origin in SITE_MEDIA_ORIGINS and serves its own copies', async () => {
    expect(textImageUrl.startsWith(`${s3!.endpoint}/${BUCKET}/`)).toBe(true);
    const outDir = path.join(workDir, 'site');
    const result = await build(outDir, new URL(s3!.endpoint).origin);
    expect(result.status, result.output.slice(-4000)).toBe(0);

    const page = fs.readFileSync(
      path.join(outDir, 'nieuws', 'wandelen-in-de-wijk', 'index.html'),
      'utf8',
    );
    const sources = [...page.matchAll(/<img [^>]*src="([^"]+)"/g)].map((match) => match[1]!);
    // Every image on the page is the site's own WebP copy, encoded at build time.
    expect(sources.length).toBeGreaterThan(0);
    for (const src of sources) {
      expect(src).toMatch(/^\/_astro\/img\/[\w-]+\.[\w-]{16}\.webp$/);
      const file = fs.readFileSync(path.join(outDir, src));
      expect(file.subarray(8, 12).toString('latin1')).toBe('WEBP');
    }
    // The drawing in the article's text is the site's own copy too.
    const text = page.slice(page.indexOf('class="prose"'));
    expect(text).toMatch(/<img [^>]*src="\/_astro\/img\/walking_group_[^"]+\.webp"/);
    // Readers never ask the bucket: no page, feed or script names it.
    for (const file of textFiles(outDir)) {
      expect(fs.readFileSync(file, 'utf8').includes(s3!.endpoint), file).toBe(false);
    }
  });

  it('refuses an image from an origin not in SITE_MEDIA_ORIGINS, naming it', async () => {
    const outDir = path.join(workDir, 'refused');
    const { status, output } = await build(outDir, 'https://media.example.nl');
    expect(status).not.toBe(0);
    expect(output).toMatch(/The image http:\/\/127\.0\.0\.1:\d+\/hub-media\/\S+ comes neither/);
    expect(output).toContain(`add ${new URL(s3!.endpoint).origin} to SITE_MEDIA_ORIGINS`);
    expect(fs.existsSync(path.join(outDir, 'index.html'))).toBe(false);
  });
});
