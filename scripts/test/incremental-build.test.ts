import fs from 'node:fs';
import { createHash } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appDir as cmsDir, bootTestCms, type TestCms } from '../../cms/test/harness';
import type { ExportStats } from '../../site/scripts/export-site';
import { BuildWorkerClient } from '../src/publisher/build-worker-client';
import { siteDir } from '../src/lib/paths';
import { buildSiteFromScratch } from './site-build';

const require = createRequire(import.meta.url);
const SITE_URL = 'https://hub.example.nl';

let cms: TestCms;
let token: string;
let work: string;
const worker = new BuildWorkerClient(siteDir);

/** Every file below dir (relative paths), except the search index, whose files are its own. */
function filesOf(dir: string): string[] {
  return (fs.readdirSync(dir, { recursive: true, withFileTypes: true }) as fs.Dirent[])
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .filter((file) => !file.startsWith('pagefind/'))
    .sort();
}

/**
 * A build by the worker (which remembers its last build), into work/<name>, as the publisher
 * asks for it: from the spare release the worker made of the last build (see spare-release.ts).
 */
function workerBuild(name: string): Promise<ExportStats> {
  fs.mkdirSync(path.join(work, name));
  return worker.build(
    {
      id: name,
      outDir: path.join(work, name),
      siteUrl: SITE_URL,
      cmsUrl: cms.url,
      token,
      spareDir: path.join(work, 'spare'),
    },
    600_000,
  );
}

/** Every file of a build with a hash of its content, to see that later builds never change it. */
function contentOf(dir: string): Map<string, string> {
  const all = (fs.readdirSync(dir, { recursive: true, withFileTypes: true }) as fs.Dirent[])
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name));
  return new Map(
    all.map((file) => [
      path.relative(dir, file),
      createHash('sha1').update(fs.readFileSync(file)).digest('hex'),
    ]),
  );
}

/** A build from scratch, in a process of its own, into work/<name>. */
function freshBuild(name: string): Promise<void> {
  return buildSiteFromScratch({
    cmsUrl: cms.url,
    token,
    outDir: path.join(work, name),
    siteUrl: SITE_URL,
  });
}

beforeAll(async () => {
  cms = await bootTestCms();
  const { seedDemoContent } = require(
    path.join(cmsDir, 'dist', 'src', 'hub', 'seed', 'seed-demo.js'),
  );
  await seedDemoContent(cms.strapi);
  token = fs.readFileSync(process.env.SITE_BUILD_TOKEN_FILE!, 'utf8').trim();
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-incremental-'));
});

afterAll(async () => {
  worker.close();
  await cms?.stop();
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

/** How many pages the search index holds. */
function indexedPages(dir: string): number {
  const entry = JSON.parse(
    fs.readFileSync(path.join(dir, 'pagefind', 'pagefind-entry.json'), 'utf8'),
  );
  return entry.languages.nl.page_count;
}

/**
 * Every file of the incremental build equals the one of the build from scratch, and its search
 * index holds as many pages (its own files are named by hashes of their own making).
 */
function expectSameFiles(incremental: string, fresh: string) {
  expect(filesOf(incremental)).toEqual(filesOf(fresh));
  for (const file of filesOf(fresh)) {
    expect(fs.readFileSync(path.join(incremental, file)), file).toEqual(
      fs.readFileSync(path.join(fresh, file)),
    );
  }
  expect(indexedPages(incremental)).toBe(indexedPages(fresh));
  expect(indexedPages(fresh)).toBeGreaterThan(40);
}

type Doc = { documentId: string; slug: string };

/** Every text file of a build has `.br` and `.gz` variants that unpack to the file itself. */
function expectCompressedVariants(dir: string) {
  const texts = filesOf(dir).filter((file) => /\.(html|xml|css|js|ics|json|svg)$/.test(file));
  expect(texts.length).toBeGreaterThan(100);
  for (const file of texts) {
    const content = fs.readFileSync(path.join(dir, file));
    if (content.length < 256) continue;
    expect(zlib.brotliDecompressSync(fs.readFileSync(path.join(dir, `${file}.br`))), file).toEqual(
      content,
    );
    expect(zlib.gunzipSync(fs.readFileSync(path.join(dir, `${file}.gz`))), file).toEqual(content);
  }
}

describe('a rebuild after a small change', () => {
  let firstContent: Map<string, string>;

  it('renders every page the first time', async () => {
    const first = await workerBuild('first');
    expect(first.rendered).toBe(first.files);
    expect(first.fromSpare).toBe(false);
    firstContent = contentOf(path.join(work, 'first'));
  });

  it('renders an edited article again, reuses most pages, and ends as a build from scratch', async () => {
    const articles = cms.strapi.documents('api::article.article');
    const [article] = (await articles.findMany({
      status: 'published',
      limit: 1,
    })) as unknown as Doc[];
    await articles.update({
      documentId: article!.documentId,
      data: { title: 'Een nieuwe titel voor de test' },
    } as never);
    await articles.publish({ documentId: article!.documentId });

    const second = await workerBuild('second');
    expect(second.fromSpare).toBe(true);
    await freshBuild('second-fresh');

    // Other articles, good practices, events and partners did not change: they were reused.
    expect(second.rendered).toBeGreaterThan(0);
    expect(second.rendered).toBeLessThan(second.files / 2);
    expectSameFiles(path.join(work, 'second'), path.join(work, 'second-fresh'));
    const page = path.join(work, 'second', 'nieuws', article!.slug, 'index.html');
    expect(fs.readFileSync(page, 'utf8')).toContain('Een nieuwe titel voor de test');
    expect(fs.existsSync(path.join(work, 'second', 'pagefind', 'pagefind.js'))).toBe(true);

    // Compressed once: a page taken from the last build takes its variants too (the same file).
    expectCompressedVariants(path.join(work, 'second'));
    expect(second.compressed.linked).toBeGreaterThan(second.compressed.made);
    const unchanged = path.join('partners', 'index.html.br');
    expect(fs.statSync(path.join(work, 'second', unchanged)).ino).toBe(
      fs.statSync(path.join(work, 'first', unchanged)).ino,
    );
    // The second build started from a spare release of the first, whose files are the first
    // build's inodes: not one of them was written into (the first build is still whole).
    expect(contentOf(path.join(work, 'first'))).toEqual(firstContent);
  });

  it('drops an unpublished event, and ends as a build from scratch', async () => {
    const events = cms.strapi.documents('api::event.event');
    const [event] = (await events.findMany({ status: 'published', limit: 1 })) as unknown as Doc[];
    await events.unpublish({ documentId: event!.documentId });

    const third = await workerBuild('third');
    await freshBuild('third-fresh');

    expect(third.rendered).toBeLessThan(third.files);
    expectSameFiles(path.join(work, 'third'), path.join(work, 'third-fresh'));
    expect(fs.existsSync(path.join(work, 'third', 'agenda', event!.slug, 'index.html'))).toBe(
      false,
    );
  });

  it('shows a renamed partner on the pages of the practices it runs, as a build from scratch', async () => {
    const practices = (await cms.strapi.documents('api::good-practice.good-practice').findMany({
      status: 'published',
      populate: { organisations: true },
    })) as unknown as (Doc & { organisations: Doc[] })[];
    const practice = practices.find((item) => item.organisations.length > 0)!;
    const partners = cms.strapi.documents('api::partner.partner');
    await partners.update({
      documentId: practice.organisations[0]!.documentId,
      data: { name: 'Hernoemde partner voor de test' },
    } as never);
    await partners.publish({ documentId: practice.organisations[0]!.documentId });

    const build = await workerBuild('partner');
    await freshBuild('partner-fresh');

    expectSameFiles(path.join(work, 'partner'), path.join(work, 'partner-fresh'));
    const page = path.join(work, 'partner', 'goede-voorbeelden', practice.slug, 'index.html');
    expect(fs.readFileSync(page, 'utf8')).toContain('Hernoemde partner voor de test');
    expect(build.rendered).toBeLessThan(build.files);
  });

  it('shows an alternative text edited in the media library, as a build from scratch', async () => {
    const upload = cms.strapi.plugin('upload').service('upload');
    const [file] = (await cms.strapi.db
      .query('plugin::upload.file')
      .findMany({ where: { mime: { $startsWith: 'image/' } }, limit: 1 })) as { id: number }[];
    await upload.updateFileInfo(file!.id, { alternativeText: 'Nieuwe beschrijving voor de test' });

    await workerBuild('media');
    await freshBuild('media-fresh');

    expectSameFiles(path.join(work, 'media'), path.join(work, 'media-fresh'));
    const pages = filesOf(path.join(work, 'media')).filter((file) => file.endsWith('.html'));
    expect(
      pages.some((file) =>
        fs.readFileSync(path.join(work, 'media', file), 'utf8').includes('Nieuwe beschrijving'),
      ),
    ).toBe(true);
  });

  it('fails only the build whose worker dies, and starts a new worker for the next', async () => {
    const dying = workerBuild('dying');
    // The request is on its way: the worker dies while it builds.
    process.kill(worker.pid!, 'SIGKILL');
    await expect(dying).rejects.toThrow(/The build process stopped \(SIGKILL\)/);

    const next = await workerBuild('after-crash');
    // A new worker remembers nothing: it renders every page, and the site is whole again.
    expect(next.rendered).toBe(next.files);
    expect(fs.existsSync(path.join(work, 'after-crash', 'index.html'))).toBe(true);
  });
});
