import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
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

function workerBuild(name: string): Promise<ExportStats> {
  return worker.build(
    { id: name, outDir: path.join(work, name), siteUrl: SITE_URL, cmsUrl: cms.url, token },
    600_000,
  );
}

/** The HTML pages of a build (relative paths), without the search index. */
function pagesOf(dir: string): string[] {
  return (fs.readdirSync(dir, { recursive: true }) as string[])
    .filter((file) => file.endsWith('.html') && !file.startsWith('pagefind'))
    .sort();
}

/** The feeds, calendars and pages per stadsdeel and partner of a build (relative paths). */
function areaFilesOf(dir: string): string[] {
  return (fs.readdirSync(dir, { recursive: true }) as string[])
    .filter((file) =>
      /^(wijken|partners|insluiten)\/.*(rss\.xml|agenda\.ics|index\.html)$/.test(file),
    )
    .sort();
}

/**
 * The pages of `after` (or other files, `filesOf`) that were rendered again rather than taken
 * from `before`: an unchanged file is a hard link to the last build's file, so it has the same
 * inode.
 */
function renderedAgain(before: string, after: string, filesOf = pagesOf): string[] {
  return filesOf(path.join(work, after)).filter((file) => {
    const old = path.join(work, before, file);
    return (
      !fs.existsSync(old) || fs.statSync(old).ino !== fs.statSync(path.join(work, after, file)).ino
    );
  });
}

beforeAll(async () => {
  cms = await bootTestCms();
  const { seedDemoContent } = require(
    path.join(cmsDir, 'dist', 'src', 'hub', 'seed', 'seed-demo.js'),
  );
  await seedDemoContent(cms.strapi);
  token = fs.readFileSync(process.env.SITE_BUILD_TOKEN_FILE!, 'utf8').trim();
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-archive-'));
});

afterAll(async () => {
  worker.close();
  await cms?.stop();
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

describe('stable archive pages', () => {
  it('render again only the newest archive pages when an article is published', async () => {
    await workerBuild('before');
    const archive = (dir: string) =>
      pagesOf(path.join(work, dir)).filter((file) => file.startsWith('nieuws/pagina/'));
    expect(archive('before').length).toBeGreaterThanOrEqual(2);

    const theme = (await cms.strapi.documents('api::theme.theme').findFirst({
      filters: { slug: 'ontmoeten' },
    } as never)) as unknown as { documentId: string };
    await cms.strapi.documents('api::article.article').create({
      data: {
        title: 'Een nieuw bericht voor de archieftest',
        summary: 'Dit bericht komt bovenaan.',
        body: [{ type: 'paragraph', children: [{ type: 'text', text: 'Nieuw.' }] }],
        themes: [theme.documentId],
      },
      status: 'published',
    } as never);
    await workerBuild('after');
    await buildSiteFromScratch({
      cmsUrl: cms.url,
      token,
      outDir: path.join(work, 'fresh'),
      siteUrl: SITE_URL,
    });

    const again = renderedAgain('before', 'after');
    // Of the news archive, only the newest page and the one before it (in case the new article
    // started a page) may change; the same for the theme's archive.
    const newest = (files: string[], prefix: RegExp) =>
      Math.max(...files.map((file) => Number(prefix.exec(file)?.[1] ?? 0)));
    const newsPages = archive('after');
    const top = newest(newsPages, /^nieuws\/pagina\/(\d+)\//);
    expect(again.filter((file) => file.startsWith('nieuws/pagina/')).sort()).toEqual(
      expect.arrayContaining([`nieuws/pagina/${top}/index.html`]),
    );
    for (const file of again.filter((page) => page.startsWith('nieuws/pagina/'))) {
      expect([`nieuws/pagina/${top}/index.html`, `nieuws/pagina/${top - 1}/index.html`]).toContain(
        file,
      );
    }
    const themeTop = newest(
      pagesOf(path.join(work, 'after')),
      /^themas\/ontmoeten\/nieuws\/(\d+)\//,
    );
    for (const file of again.filter((page) => page.startsWith('themas/ontmoeten/nieuws/'))) {
      expect([
        `themas/ontmoeten/nieuws/${themeTop}/index.html`,
        `themas/ontmoeten/nieuws/${themeTop - 1}/index.html`,
      ]).toContain(file);
    }
    // The agenda did not change: it reads the upcoming events, not the moment of the build.
    expect(again).not.toContain('agenda/index.html');
    expect(again).not.toContain('agenda/archief/index.html');
    // No other article's page is rendered again: they read nothing but their own props.
    expect(again.filter((file) => /^nieuws\/(?!pagina\/)[^/]+\/index\.html$/.test(file))).toEqual([
      'nieuws/een-nieuw-bericht-voor-de-archieftest/index.html',
    ]);

    // And the pages that were kept are what a build from scratch makes.
    expect(pagesOf(path.join(work, 'after'))).toEqual(pagesOf(path.join(work, 'fresh')));
    for (const file of pagesOf(path.join(work, 'fresh'))) {
      expect(fs.readFileSync(path.join(work, 'after', file), 'utf8'), file).toBe(
        fs.readFileSync(path.join(work, 'fresh', file), 'utf8'),
      );
    }
  });

  it('renders no article page again when a good practice is published that none links to', async () => {
    await cms.strapi.documents('api::good-practice.good-practice').create({
      data: {
        title: 'Een nieuw voorbeeld voor de archieftest',
        summary: 'Nergens naar verwezen.',
        body: [{ type: 'paragraph', children: [{ type: 'text', text: 'Nieuw.' }] }],
        activityType: 'huisbezoek',
        evidenceLevel: 'goed beschreven',
      },
      status: 'published',
    } as never);
    await workerBuild('practice');
    const again = renderedAgain('after', 'practice');
    expect(again).toContain('goede-voorbeelden/een-nieuw-voorbeeld-voor-de-archieftest/index.html');
    expect(
      again.filter((file) => /^nieuws\/[^/]+\/index\.html$/.test(file)),
      again.join(' '),
    ).toEqual([]);
  });

  it('renders again only the feeds, agendas and embeds of the stadsdeel an article or event is in', async () => {
    const district = async (slug: string) =>
      (
        (await cms.strapi.documents('api::district.district').findFirst({
          filters: { slug },
        } as never)) as unknown as { documentId: string }
      ).documentId;
    await cms.strapi.documents('api::article.article').create({
      data: {
        title: 'Nieuws uit Oost voor de archieftest',
        summary: 'Alleen voor stadsdeel Oost.',
        body: [{ type: 'paragraph', children: [{ type: 'text', text: 'Nieuw.' }] }],
        districts: [await district('oost')],
      },
      status: 'published',
    } as never);
    await workerBuild('oost-article');
    expect(renderedAgain('practice', 'oost-article', areaFilesOf)).toEqual(['wijken/oost/rss.xml']);

    const partner = (await cms.strapi.documents('api::partner.partner').findFirst({
      filters: { slug: 'trajekt' },
    } as never)) as unknown as { documentId: string };
    await cms.strapi.documents('api::event.event').create({
      data: {
        title: 'Activiteit in Zuid voor de archieftest',
        summary: 'Alleen voor stadsdeel Zuid.',
        startsAt: new Date(Date.now() + 3 * 864e5).toISOString(),
        eventStatus: 'gepland',
        location: { venue: 'Buurthuis (voorbeeld)', district: await district('zuid') },
        organiser: partner.documentId,
      },
      status: 'published',
    } as never);
    await workerBuild('zuid-event');
    // The stadsdeel's and the partner's own feed, agendas and embeds; not those of the others.
    // (The stadsdeel and partner pages themselves read the whole upcoming agenda, as before.)
    expect(
      renderedAgain('oost-article', 'zuid-event', areaFilesOf).filter(
        (file) => !/^(wijken|partners)\/.*index\.html$/.test(file),
      ),
    ).toEqual([
      'insluiten/agenda/partner/trajekt/index.html',
      'insluiten/agenda/zuid/index.html',
      'partners/trajekt/agenda.ics',
      'wijken/zuid/agenda.ics',
      'wijken/zuid/rss.xml',
    ]);
  });
});
