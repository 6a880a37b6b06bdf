import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MissingImageWarning } from '@hub/shared';
import { bootTestCms, freePort, type TestCms } from '../../cms/test/harness';
import { uploadImage, validData } from '../../cms/test/fixtures';
import type { ExportStats } from '../../site/scripts/export-site';
import { BuildWorkerClient } from '../src/publisher/build-worker-client';
import { siteDir } from '../src/lib/paths';
import { buildSiteFromScratch } from './site-build';

/**
 * An uploaded image whose file is deleted from the media storage: the next build leaves it out
 * of every page and warns, naming the file and the items that used it, instead of failing, also
 * when the image was encoded (and cached) by an earlier build. Once the file is back, so is the
 * image. The preview shows the page without it too.
 */

const SITE_URL = 'https://hub.example.nl';
const PREVIEW_SECRET = 'geheim-voor-het-voorbeeld';
type Upload = { id: number; url: string; hash: string; ext: string };
type Doc = { documentId: string; slug: string; title: string };

let cms: TestCms;
let token: string;
let work: string;
/** The upload whose file is deleted, and one that stays. */
let gone: Upload;
let kept: Upload;
/** Uses `gone` as its cover. */
let walk: Doc;
/** Uses `kept` as its cover and `gone` in its text. */
let coffee: Doc;
/** Uses `gone` as its logo. */
let partner: { documentId: string; slug: string; name: string };
const savedEnv = {
  cache: process.env.SITE_IMAGE_CACHE_DIR,
  stats: process.env.SITE_BUILD_STATS_FILE,
};
const workerLog: string[] = [];
const worker = new BuildWorkerClient(siteDir, (line) => workerLog.push(line));

const uploadOf = async (id: number) =>
  (await cms.strapi.db.query('plugin::upload.file').findOne({ where: { id } })) as Upload;
const goneFile = () => path.join(cms.workDir, 'public', 'uploads', `${gone.hash}${gone.ext}`);

/** A build by the worker (which keeps its CMS snapshot and images between builds). */
function workerBuild(name: string): Promise<ExportStats> {
  const request = {
    id: name,
    outDir: path.join(work, name),
    siteUrl: SITE_URL,
    cmsUrl: cms.url,
    token,
  };
  return worker.build(request, 600_000);
}

/** Every text file of a build (pages, feeds, calendars, sitemap), as [relative path, text]. */
function texts(dir: string): [string, string][] {
  return (fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }) as string[])
    .filter((file) => /\.(html|xml|ics|json|txt)$/.test(file) && !file.startsWith('pagefind'))
    .map((file) => [file, fs.readFileSync(path.join(dir, file), 'utf8')]);
}

const page = (build: string, ...parts: string[]) =>
  fs.readFileSync(path.join(work, build, ...parts, 'index.html'), 'utf8');

/** The warning every build with the file gone must give. */
const expectedWarning = (): MissingImageWarning => ({
  kind: 'missing-image',
  file: 'wandeling.jpg',
  url: gone.url,
  items: [
    { type: 'article', documentId: coffee.documentId, title: coffee.title },
    { type: 'article', documentId: walk.documentId, title: walk.title },
    { type: 'partner', documentId: partner.documentId, title: partner.name },
  ],
});

/** No page, feed or calendar of the build refers to the missing file or a copy of it. */
function expectNoReferenceToGone(build: string) {
  const files = texts(path.join(work, build));
  expect(files.length).toBeGreaterThan(20);
  for (const [file, text] of files) expect(text.includes(gone.hash), file).toBe(false);
  expect(
    fs
      .readdirSync(path.join(work, build, '_astro', 'img'))
      .filter((name) => name.includes(gone.hash)),
  ).toEqual([]);
}

beforeAll(async () => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-missing-media-'));
  // The worker's own image cache (it reads the variable when it starts, at the first build).
  process.env.SITE_IMAGE_CACHE_DIR = path.join(work, 'image-cache');
  cms = await bootTestCms({ PREVIEW_URL: 'http://localhost:4323', PREVIEW_SECRET });
  token = fs.readFileSync(process.env.SITE_BUILD_TOKEN_FILE!, 'utf8').trim();

  const data = await validData(cms.strapi);
  await cms.strapi.documents('api::site.site').create({ data: data.site } as never);
  gone = await uploadOf(await uploadImage(cms.strapi, 'Mensen wandelen samen.', 'wandeling.jpg'));
  kept = await uploadOf(await uploadImage(cms.strapi, 'Een zaal vol mensen.', 'zaal.jpg'));
  // In rich text the blocks editor stores the whole file, URL included.
  const goneRow = await cms.strapi.db
    .query('plugin::upload.file')
    .findOne({ where: { id: gone.id } });
  const articles = cms.strapi.documents('api::article.article');
  const publish = async (title: string, extra: Record<string, unknown>) =>
    (await articles.create({
      data: { ...data.article, title, ...extra },
      status: 'published',
    } as never)) as unknown as Doc;
  walk = await publish('Wandelen in Malberg', { cover: gone.id });
  coffee = await publish('Koffie in de zaal', {
    cover: kept.id,
    body: [
      { type: 'paragraph', children: [{ type: 'text', text: 'Iedereen is welkom voor koffie.' }] },
      { type: 'image', image: goneRow, children: [{ type: 'text', text: '' }] },
    ],
  });
  partner = (await cms.strapi.documents('api::partner.partner').create({
    data: { ...data.partner, logo: gone.id },
    status: 'published',
  } as never)) as unknown as typeof partner;
});

afterAll(async () => {
  worker.close();
  await cms?.stop();
  for (const [key, value] of [
    ['SITE_IMAGE_CACHE_DIR', savedEnv.cache],
    ['SITE_BUILD_STATS_FILE', savedEnv.stats],
  ] as const) {
    if (value === undefined) Reflect.deleteProperty(process.env, key);
    else process.env[key] = value;
  }
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

describe('a media file deleted from the storage', () => {
  let original: Buffer;

  it('is shown while it is there (and its copies are cached)', async () => {
    const stats = await workerBuild('before');
    expect(stats.warnings).toEqual([]);
    expect(page('before', 'nieuws', walk.slug)).toMatch(
      new RegExp(`<img [^>]*src="/_astro/img/${gone.hash}\\.`),
    );
    expect(page('before', 'nieuws', coffee.slug)).toContain(`/_astro/img/${gone.hash}.`);
    expect(page('before', 'partners', partner.slug)).toContain(`/_astro/img/${gone.hash}.`);
    const cached = fs.readdirSync(process.env.SITE_IMAGE_CACHE_DIR!);
    expect(cached.some((name) => name.startsWith(`${gone.hash}.`))).toBe(true);
  });

  it('is left out by the next build, which succeeds with a warning, though its copies were cached', async () => {
    original = fs.readFileSync(goneFile());
    fs.rmSync(goneFile());

    workerLog.length = 0;
    const stats = await workerBuild('after');
    expect(stats.warnings).toEqual([expectedWarning()]);
    expect(workerLog.join('\n')).toMatch(
      /Warning: the image wandeling\.jpg \(\/uploads\/wandeling_\w+\.jpg\) is gone from the media storage; built without it: article "Koffie in de zaal"/,
    );
    // The pages that used it are rendered again, without it; the rest of them stays.
    expect(stats.rendered).toBeLessThan(stats.files);
    expectNoReferenceToGone('after');
    const walkPage = page('after', 'nieuws', walk.slug);
    expect(walkPage).toContain('Wandelen in Malberg');
    expect(walkPage).not.toMatch(/<img |srcset=/);
    const coffeePage = page('after', 'nieuws', coffee.slug);
    expect(coffeePage).toContain('Iedereen is welkom voor koffie.');
    expect(coffeePage).toContain(`/_astro/img/${kept.hash}.`);
    expect(coffeePage).not.toContain('<figure>');
    expect(page('after', 'partners', partner.slug)).toContain(partner.name);
  });

  it('is left out by a build from scratch with no cached copies too', async () => {
    const statsFile = path.join(work, 'scratch-stats.json');
    process.env.SITE_IMAGE_CACHE_DIR = path.join(work, 'empty-cache');
    process.env.SITE_BUILD_STATS_FILE = statsFile;
    try {
      await buildSiteFromScratch({
        cmsUrl: cms.url,
        token,
        outDir: path.join(work, 'scratch'),
        siteUrl: SITE_URL,
      });
    } finally {
      process.env.SITE_IMAGE_CACHE_DIR = path.join(work, 'image-cache');
      Reflect.deleteProperty(process.env, 'SITE_BUILD_STATS_FILE');
    }
    const stats = JSON.parse(fs.readFileSync(statsFile, 'utf8')) as ExportStats;
    expect(stats.warnings).toEqual([expectedWarning()]);
    expectNoReferenceToGone('scratch');
  });

  it('is shown again once the file is back', async () => {
    fs.writeFileSync(goneFile(), original);
    const stats = await workerBuild('restored');
    expect(stats.warnings).toEqual([]);
    expect(page('restored', 'nieuws', walk.slug)).toContain(`/_astro/img/${gone.hash}.`);
    expect(page('restored', 'nieuws', coffee.slug)).toContain('<figure>');
  });
});

describe('the preview of an item whose image file is gone', () => {
  let server: ChildProcess | undefined;

  afterAll(() => {
    server?.kill('SIGTERM');
  });

  it('shows the page without the image instead of failing', async () => {
    fs.rmSync(goneFile(), { force: true });
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    server = spawn(process.execPath, ['--import', 'tsx', 'scripts/preview-cli.ts'], {
      cwd: siteDir,
      env: {
        ...process.env,
        PREVIEW_PORT: String(port),
        PREVIEW_SECRET,
        CMS_URL: cms.url,
        SITE_PREVIEW_TOKEN: fs
          .readFileSync(
            path.join(path.dirname(process.env.SITE_BUILD_TOKEN_FILE!), 'site-preview-token'),
            'utf8',
          )
          .trim(),
        SITE_URL,
        TMPDIR: work,
      },
      stdio: 'ignore',
    });
    for (let tries = 0; tries < 120; tries += 1) {
      const status = await fetch(`${base}/`).then(
        (answer) => answer.status,
        () => 0,
      );
      if (status === 403) break;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    const query = new URLSearchParams({
      type: 'article',
      id: walk.documentId,
      secret: PREVIEW_SECRET,
    });
    const answer = await fetch(`${base}/?${query.toString()}`);
    const html = await answer.text();
    expect(answer.status, html.slice(0, 300)).toBe(200);
    expect(html).toContain('Wandelen in Malberg');
    expect(html.includes(gone.hash)).toBe(false);
  });
});
