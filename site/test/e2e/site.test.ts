import fs from 'node:fs';
import os from 'node:os';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { createRequire } from 'node:module';
import { XMLParser } from 'fast-xml-parser';
import ICAL from 'ical.js';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkHtml } from './html-checker';
import { FEED_ITEM_LIMIT } from '@hub/shared';
import { SITE_URL, buildTestSite, type BuiltSite } from './built-site';
import { CHROMIUM_ARGS, ensureChromium } from './chromium';
import { writeSearchIndex } from '../../scripts/search-index';
import { createStaticServer } from '../../../scripts/src/static-server/server';

const require = createRequire(import.meta.url);
const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

let site: BuiltSite;
let published: { articles: any[]; practices: any[]; events: any[]; partners: any[] };

beforeAll(async () => {
  ensureChromium();
  site = await buildTestSite();
  const find = (uid: string) =>
    site.cms.strapi.documents(uid as never).findMany({ status: 'published', limit: 1000 } as never);
  published = {
    articles: await find('api::article.article'),
    practices: await find('api::good-practice.good-practice'),
    events: await find('api::event.event'),
    partners: await find('api::partner.partner'),
  };
});
afterAll(async () => {
  await site?.stop();
});

const file = (...parts: string[]) => path.join(site.outDir, ...parts);
const read = (...parts: string[]) => fs.readFileSync(file(...parts), 'utf8');
const xml = new XMLParser({ ignoreAttributes: false });

function feedItems(feedPath: string): { title: string; link: string; guid: unknown }[] {
  const parsed = xml.parse(read(feedPath));
  const items = parsed.rss.channel.item ?? [];
  return Array.isArray(items) ? items : [items];
}

/** The built file a site URL points to. */
function fileFor(url: string): string {
  const { pathname } = new URL(url);
  return pathname.endsWith('/') ? file(pathname, 'index.html') : file(pathname);
}

describe('the build', () => {
  it('is valid HTML on every page (Nu HTML Checker, WCAG 2.1 success criterion 4.1.1)', async () => {
    const problems = await checkHtml(site.outDir);
    const pages = fs
      .readdirSync(site.outDir, { recursive: true })
      .filter((name) => String(name).endsWith('.html'));
    expect(pages.length).toBeGreaterThan(50);
    expect(
      problems.map(
        (problem) =>
          `${problem.url.replace(/^.*?\/site-[^/]+\//, '')}:${problem.line}: ${problem.message}`,
      ),
    ).toEqual([]);
  }, 120_000);

  it('gives every published item its page and no draft a page', () => {
    for (const article of published.articles)
      expect(fs.existsSync(file('nieuws', article.slug, 'index.html')), article.slug).toBe(true);
    for (const practice of published.practices)
      expect(
        fs.existsSync(file('goede-voorbeelden', practice.slug, 'index.html')),
        practice.slug,
      ).toBe(true);
    for (const event of published.events)
      expect(fs.existsSync(file('agenda', event.slug, 'index.html')), event.slug).toBe(true);
    for (const partner of published.partners)
      expect(fs.existsSync(file('partners', partner.slug, 'index.html')), partner.slug).toBe(true);
    expect(fs.existsSync(file('nieuws', site.drafts.article))).toBe(false);
    expect(fs.existsSync(file('agenda', site.drafts.event))).toBe(false);
  });

  it('writes every route of the hub', () => {
    const routes = [
      'index.html',
      'nieuws/index.html',
      'nieuws/pagina/1/index.html',
      'nieuws/pagina/2/index.html',
      'themas/ontmoeten/nieuws/1/index.html',
      'goede-voorbeelden/index.html',
      'agenda/index.html',
      'agenda/archief/index.html',
      'partners/index.html',
      'stappenplan/index.html',
      'over/index.html',
      'toegankelijkheid/index.html',
      'privacy/index.html',
      'zoeken/index.html',
      'meld-een-goed-voorbeeld/index.html',
      'meld-een-activiteit/index.html',
      'bedankt/index.html',
      'feeds/index.html',
      '404.html',
      'wijken/index.html',
      'wijken/noord-west/index.html',
      'themas/ontmoeten/index.html',
      'goede-voorbeelden/stadsdeel/centrum/index.html',
      'sitemap-index.xml',
      'robots.txt',
      'agenda.ics',
      'rss.xml',
      'pagefind/pagefind.js',
    ];
    for (const route of routes) expect(fs.existsSync(file(route)), route).toBe(true);
    expect(read('robots.txt')).toContain(`Sitemap: ${SITE_URL}/sitemap-index.xml`);
  });

  it('keeps all news in an archive counted from the oldest, reached from the news page', () => {
    /** The articles a list page links to, and where its "older" link goes. */
    const listPage = (url: string) => {
      const html = fs.readFileSync(fileFor(new URL(url, SITE_URL).href), 'utf8');
      const slugs = [
        ...html.matchAll(/class="card__title"[^>]*><a href="\/nieuws\/([^/"]+)\/"/g),
      ].map((match) => match[1]);
      const older = /<a href="([^"]+)" rel="next"[^>]*>Oudere berichten<\/a>/.exec(html)?.[1];
      return { slugs, older };
    };
    const seen = new Set<string>();
    let page = listPage('/nieuws/');
    expect(page.slugs).toHaveLength(12);
    page.slugs.forEach((slug) => seen.add(slug!));
    const visited: string[] = [];
    while (page.older) {
      visited.push(page.older);
      page = listPage(page.older);
      page.slugs.forEach((slug) => seen.add(slug!));
    }
    // Every published article is in the news list or its archive; page 1 holds the oldest.
    expect([...seen].sort()).toEqual(
      published.articles.map((article: { slug: string }) => article.slug).sort(),
    );
    expect(visited.at(-1)).toBe('/nieuws/pagina/1/');
  });

  it('puts every page that marks its content for search in the search index', () => {
    const searchable = (fs.readdirSync(site.outDir, { recursive: true }) as string[])
      .filter((name) => name.endsWith('.html'))
      .filter((name) => read(name).includes('data-pagefind-body'));
    const entry = JSON.parse(read('pagefind', 'pagefind-entry.json'));
    expect(searchable.length).toBeGreaterThan(published.articles.length);
    expect(entry.languages.nl.page_count).toBe(searchable.length);
  });

  it('writes feeds that parse, with the right number of items and absolute links to real pages', () => {
    // A feed holds the newest items, up to its limit.
    const upToLimit = (count: number) => Math.min(count, FEED_ITEM_LIMIT);
    const expected: Record<string, number> = {
      'rss.xml': upToLimit(
        published.articles.length + published.practices.length + published.events.length,
      ),
      'nieuws/rss.xml': upToLimit(published.articles.length),
      'goede-voorbeelden/rss.xml': upToLimit(published.practices.length),
      'agenda/rss.xml': upToLimit(published.events.length),
    };
    for (const [feed, count] of Object.entries(expected)) {
      const items = feedItems(feed);
      expect(items, feed).toHaveLength(count);
      for (const item of items) {
        expect(item.link.startsWith(`${SITE_URL}/`), item.link).toBe(true);
        expect(fs.existsSync(fileFor(item.link)), item.link).toBe(true);
      }
    }
    expect(read('rss.xml')).not.toContain('Geheim concept');
    const themeItems = feedItems('themas/ontmoeten/rss.xml');
    expect(themeItems.length).toBeGreaterThan(0);
  });

  it('puts full HTML in the feeds, with links and images on the site itself', () => {
    const content = read('nieuws/rss.xml');
    expect(content).toContain('<content:encoded>');
    const absoluteUrls = [...content.matchAll(/(?:href|src)=&quot;([^&]+)&quot;/g)].map(
      (match) => match[1]!,
    );
    for (const url of absoluteUrls.filter((url) => url.startsWith('http'))) {
      expect(url.startsWith(SITE_URL) || !url.includes('127.0.0.1'), url).toBe(true);
    }
  });

  it('writes calendars that parse, one event per published event, cancelled ones marked', () => {
    const calendar = new ICAL.Component(ICAL.parse(read('agenda.ics')));
    const events = calendar.getAllSubcomponents('vevent');
    expect(events).toHaveLength(published.events.length);
    const cancelled = published.events.filter((event) => event.eventStatus === 'geannuleerd');
    expect(cancelled.length).toBeGreaterThan(0);
    for (const event of cancelled) {
      const vevent = events.find(
        (candidate) =>
          candidate.getFirstPropertyValue('uid') === `${event.documentId}@hub.example.nl`,
      );
      expect(vevent?.getFirstPropertyValue('status')).toBe('CANCELLED');
      const single = new ICAL.Component(ICAL.parse(read('agenda', `${event.slug}.ics`)));
      expect(single.getFirstSubcomponent('vevent')?.getFirstPropertyValue('status')).toBe(
        'CANCELLED',
      );
    }
  });

  it('never points pages at the CMS or any other origin', () => {
    const cmsHost = new URL(site.cms.url).host;
    const pages = [
      'index.html',
      `nieuws/${published.articles[0].slug}/index.html`,
      'goede-voorbeelden/index.html',
      'agenda/index.html',
    ];
    for (const page of pages) {
      const html = read(page);
      expect(html, page).not.toContain(cmsHost);
      const sources = [...html.matchAll(/(?:src|srcset)="([^"]+)"/g)].flatMap((match) =>
        match[1]!.split(','),
      );
      for (const source of sources)
        expect(source.trim().startsWith('/'), `${page}: ${source}`).toBe(true);
    }
  });

  it('keeps the home page light: HTML plus CSS under 50 KB', () => {
    const html = read('index.html');
    const css = [...html.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].map((match) =>
      read(match[1]!),
    );
    const bytes =
      Buffer.byteLength(html) + css.reduce((sum, text) => sum + Buffer.byteLength(text), 0);
    expect(bytes).toBeLessThan(50 * 1024);
  });
});

describe('in a browser', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: ensureChromium(), args: CHROMIUM_ARGS });
  });
  afterAll(async () => {
    await browser?.close();
  });

  /** Opens a page and records every request that leaves the site's origin. */
  async function open(
    pathname: string,
    options: { javaScriptEnabled?: boolean; withoutSiteScripts?: boolean } = {},
  ): Promise<{ page: Page; foreign: string[] }> {
    const context = await browser.newContext({
      javaScriptEnabled: options.javaScriptEnabled ?? true,
    });
    // The site's own scripts never load, as for a visitor without JavaScript; axe can still
    // run (with JavaScript switched off in the browser, its checks would never finish).
    if (options.withoutSiteScripts) await context.route(/\.m?js$/, (route) => route.abort());
    const page = await context.newPage();
    const foreign: string[] = [];
    page.on('request', (request) => {
      if (!request.url().startsWith(site.url) && !request.url().startsWith('data:'))
        foreign.push(request.url());
    });
    // Anything the Content-Security-Policy blocks counts as a problem too.
    page.on('console', (message) => {
      if (/Content Security Policy/.test(message.text())) foreign.push(`CSP: ${message.text()}`);
    });
    await page.goto(`${site.url}${pathname}`, { waitUntil: 'networkidle' });
    return { page, foreign };
  }

  const pageTypes = () => [
    '/',
    '/nieuws/',
    `/nieuws/${published.articles[0].slug}/`,
    '/goede-voorbeelden/',
    '/goede-voorbeelden/stadsdeel/centrum/',
    `/goede-voorbeelden/${published.practices[0].slug}/`,
    '/agenda/',
    '/agenda/archief/',
    `/agenda/${published.events.find((event) => event.eventStatus === 'geannuleerd').slug}/`,
    '/partners/',
    `/partners/${published.partners[0].slug}/`,
    '/themas/ontmoeten/',
    '/themas/ontmoeten/nieuws/1/',
    '/nieuws/pagina/1/',
    '/wijken/',
    '/wijken/centrum/',
    // Made for frames on partners' sites; zuid has a cancelled activity, the GGD a full one.
    '/insluiten/agenda/zuid/',
    '/insluiten/agenda/partner/ggd-zuid-limburg/',
    '/stappenplan/',
    '/over/',
    '/toegankelijkheid/',
    '/privacy/',
    '/feeds/',
    '/zoeken/',
    '/meld-een-goed-voorbeeld/',
    '/meld-een-activiteit/',
    '/bedankt/',
    '/bestaat-niet/',
  ];

  /** What axe finds on the page as it is now, for the WCAG 2.1 A and AA rules. */
  async function axeViolations(page: Page): Promise<string[]> {
    // Through the debugger protocol, which the CSP does not govern (an injected <script> would be blocked).
    await page.evaluate(axeSource);
    return page.evaluate(async () => {
      const result = await (
        window as unknown as {
          axe: {
            run: (
              context: unknown,
              options: unknown,
            ) => Promise<{ violations: { id: string; nodes: { target: unknown }[] }[] }>;
          };
        }
      ).axe.run(document, {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      });
      return result.violations.map(
        (violation) =>
          `${violation.id} at ${JSON.stringify(violation.nodes.map((node) => node.target))}`,
      );
    });
  }

  it('finds no WCAG 2.1 A/AA violation with axe on any page type, no request to another origin, nothing blocked by the CSP', async () => {
    const failures: string[] = [];
    for (const pathname of pageTypes()) {
      const { page, foreign } = await open(pathname);
      failures.push(
        ...(await axeViolations(page)).map((violation) => `${pathname}: ${violation}`),
        ...foreign.map((url) => `${pathname}: requested ${url}`),
      );
      await page.context().close();
    }
    expect(failures).toEqual([]);
    // 24 page types, each loaded and checked in a fresh browser context: about a minute, longer
    // on a busy machine.
  }, 240_000);

  it('shows the embeddable agendas in a frame on another site, and no other page', async () => {
    // The partner's site: another origin (another port) on this machine, whose page frames ours.
    const partnerSite = http.createServer((request, response) => {
      const pathname = new URL(request.url ?? '/', 'http://x').searchParams.get('pagina') ?? '/';
      response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      response.end(
        `<!doctype html><html lang="nl"><title>Buurthuis</title><iframe src="${site.url}${pathname}" title="Agenda"></iframe></html>`,
      );
    });
    await new Promise<void>((resolve) => partnerSite.listen(0, '127.0.0.1', resolve));
    const partnerUrl = `http://127.0.0.1:${(partnerSite.address() as AddressInfo).port}/`;
    const context = await browser.newContext();
    const page = await context.newPage();
    /** The heading inside a frame of `pathname` on the partner's page. */
    const framed = async (pathname: string): Promise<string | null> => {
      await page.goto(`${partnerUrl}?pagina=${encodeURIComponent(pathname)}`, {
        waitUntil: 'load',
      });
      const frame = page.frames().find((candidate) => candidate !== page.mainFrame());
      return (
        (await frame
          ?.evaluate(() => document.querySelector('h1')?.textContent?.trim() ?? null)
          .catch(() => null)) ?? null
      );
    };
    try {
      expect(await framed('/insluiten/agenda/zuid/')).toBe('Activiteiten in Zuid');
      expect(await framed('/insluiten/agenda/partner/ggd-zuid-limburg/')).toBe(
        'Activiteiten van GGD Zuid-Limburg',
      );
      // Refused by the browser: what the frame shows is not the page.
      expect(await framed('/agenda/')).not.toBe('Agenda');
      expect(await framed('/wijken/zuid/')).not.toBe('In jouw wijk: Zuid');
      expect(await framed('/partners/')).not.toBe('Partners van de coalitie');
    } finally {
      await context.close();
      await new Promise((resolve) => partnerSite.close(resolve));
    }
  });

  it('fits a 320 px wide screen and 200% zoom without sideways scrolling', async () => {
    const context = await browser.newContext({ viewport: { width: 320, height: 640 } });
    const zoomed = await browser.newContext({
      viewport: { width: 640, height: 480 },
      deviceScaleFactor: 2,
    });
    for (const pathname of [
      '/',
      `/agenda/${published.events[0].slug}/`,
      '/goede-voorbeelden/',
      '/partners/',
    ]) {
      for (const [name, ctx, width] of [
        ['320px', context, 320],
        ['200%', zoomed, 640],
      ] as const) {
        const page = await ctx.newPage();
        await page.goto(`${site.url}${pathname}`);
        // 200% zoom of a 1280 px window is a 640 CSS px viewport.
        const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
        expect(scrollWidth, `${pathname} at ${name}`).toBeLessThanOrEqual(width);
        await page.close();
      }
    }
    await context.close();
    await zoomed.close();
  });

  it('can be used with the keyboard: skip link first, then the menu', async () => {
    const { page } = await open('/');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Naar de inhoud');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('inhoud');
    // From the top again (a fresh load, without #inhoud): skip link, site name, then the menu.
    await page.goto(`${site.url}/`);
    const focusOrder: string[] = [];
    for (let step = 0; step < 12 && focusOrder.at(-1) !== 'Agenda'; step += 1) {
      await page.keyboard.press('Tab');
      focusOrder.push(
        (await page.evaluate(() => document.activeElement?.textContent))?.trim() ?? '',
      );
    }
    expect(focusOrder.slice(0, 3)).toEqual([
      'Naar de inhoud',
      'Samen tegen eenzaamheid in Maastricht',
      'Nieuws',
    ]);
    expect(focusOrder.at(-1)).toBe('Agenda');
    await Promise.all([page.waitForURL(`${site.url}/agenda/`), page.keyboard.press('Enter')]);
    expect(await page.locator('h1').textContent()).toBe('Agenda');
    await page.context().close();
  });

  it('filters good practices without JavaScript, through real filter pages', async () => {
    const { page } = await open('/goede-voorbeelden/', { javaScriptEnabled: false });
    expect(await page.locator('[data-practice-filter]').isHidden()).toBe(true);
    // The choices sit in a collapsed <details>: open it with the keyboard, then follow a choice.
    await page.locator('[data-filter-links] summary', { hasText: 'Stadsdeel' }).focus();
    await page.keyboard.press('Enter');
    const link = page.locator(
      '[data-filter-links] a[href="/goede-voorbeelden/stadsdeel/centrum/"]',
    );
    expect(await link.isVisible()).toBe(true);
    await link.focus();
    await Promise.all([
      page.waitForURL(`${site.url}/goede-voorbeelden/stadsdeel/centrum/`),
      page.keyboard.press('Enter'),
    ]);
    const expected = published.practices.filter((practice) =>
      fs
        .readFileSync(file('goede-voorbeelden', 'stadsdeel', 'centrum', 'index.html'), 'utf8')
        .includes(`/goede-voorbeelden/${practice.slug}/`),
    );
    expect(await page.locator('.card-list > li').count()).toBe(expected.length);
    expect(expected.length).toBeGreaterThan(0);
    await page.context().close();
  });

  it('filters good practices in place with JavaScript, by keyboard', async () => {
    const { page } = await open('/goede-voorbeelden/');
    const total = await page.locator('.card-list > li').count();
    await page.locator('#filter-stadsdeel').focus();
    await page.keyboard.press('ArrowDown');
    await page.waitForFunction(
      () => document.querySelector('[data-filter-count]')?.textContent !== '',
    );
    const visible = await page.locator('.card-list > li:visible').count();
    const announced = await page.locator('[data-filter-count]').textContent();
    expect(visible).toBeLessThan(total);
    expect(visible).toBeGreaterThan(0);
    expect(announced).toContain(String(visible));
    await page.context().close();
  });

  it('finds a known article with search', async () => {
    const article =
      published.articles.find((candidate) =>
        /startbijeenkomst|kick-?off|aftrap/i.test(candidate.title),
      ) ?? published.articles[0];
    const word =
      article.title.split(/\s+/).find((candidate: string) => candidate.length > 6) ?? article.title;
    const { page } = await open('/zoeken/');
    await page.locator('#zoekterm').fill(word);
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-search-results] li');
    const links = await page
      .locator('[data-search-results] a')
      .evaluateAll((anchors) => anchors.map((anchor) => anchor.getAttribute('href')));
    expect(links).toContain(`/nieuws/${article.slug}/`);
    await page.context().close();
  });

  it('finds pages in every part of an index made in parts, as a large site has', async () => {
    // A copy of the site with its index made again in parts of 10 pages.
    const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-search-parts-'));
    fs.cpSync(site.outDir, copy, { recursive: true });
    fs.rmSync(path.join(copy, 'pagefind'), { recursive: true });
    await writeSearchIndex(copy, path.join(copy, 'pagefind'), 10);
    const parts = JSON.parse(fs.readFileSync(path.join(copy, 'pagefind', 'delen.json'), 'utf8'));
    expect(parts.length).toBeGreaterThan(1);
    const server = await createStaticServer({ root: copy });
    const address = await server.listen({ port: 0, host: '127.0.0.1' });
    try {
      // The first activity is in the first part, the last news article in a later one.
      const first = [...published.events].sort((a, b) => a.slug.localeCompare(b.slug))[0];
      const last = [...published.articles].sort((a, b) => b.slug.localeCompare(a.slug))[0];
      const context = await browser.newContext();
      const page = await context.newPage();
      for (const [item, url] of [
        [first, `/agenda/${first.slug}/`],
        [last, `/nieuws/${last.slug}/`],
      ]) {
        await page.goto(`${address}/zoeken/?q=${encodeURIComponent(item.title)}`);
        await page.waitForSelector('[data-search-results] li');
        const links = await page
          .locator('[data-search-results] a')
          .evaluateAll((anchors) => anchors.map((anchor) => anchor.getAttribute('href')));
        expect(links, item.title).toContain(url);
      }
      await context.close();
    } finally {
      await server.close();
      fs.rmSync(copy, { recursive: true, force: true });
    }
  });

  describe('the submission forms', () => {
    const focused = (page: Page) =>
      page.evaluate(() => {
        const element = document.activeElement;
        return {
          id: element?.id ?? '',
          text: element?.textContent?.trim() ?? '',
        };
      });

    /**
     * The message above the form gets the focus: from the page's script, or from the autofocus
     * of the CMS's answer, which the browser applies once the page is shown.
     */
    const messageGetsFocus = (page: Page) =>
      page.waitForFunction(
        () => document.activeElement?.hasAttribute('data-form-message') ?? false,
        undefined,
        { timeout: 5_000 },
      );

    /** Presses Tab until the focus is on the field with this id, or on the send button. */
    async function tabTo(page: Page, target: { id: string } | 'Versturen') {
      for (let step = 0; step < 40; step += 1) {
        const now = await focused(page);
        if (target === 'Versturen' ? now.text === 'Versturen' : now.id === target.id) return;
        await page.keyboard.press('Tab');
      }
      throw new Error(`Tab never reached ${JSON.stringify(target)}.`);
    }

    /**
     * Types a date and time into a datetime-local field. Debian's Chromium (without the
     * chromium-l10n package) shows it in American order: month, day, year, then hour, minute
     * and AM/PM; the year takes up to six digits, so an arrow key moves on to the time.
     */
    async function typeDateTime(
      page: Page,
      month: string,
      day: string,
      year: string,
      time: string,
    ) {
      await page.keyboard.type(`${month}${day}${year}`);
      await page.keyboard.press('ArrowRight');
      await page.keyboard.type(time);
    }

    /** The token is asked for when the page opens; the CMS takes a form a second later. */
    async function waitForToken(page: Page) {
      await page.waitForFunction(
        () => document.querySelector<HTMLInputElement>('input[name="formToken"]')?.value !== '',
      );
    }
    const aSecond = () => new Promise((resolve) => setTimeout(resolve, 1100));

    async function storedDraft(uid: string, title: string) {
      const documents = site.cms.strapi.documents(uid as never);
      const [draft] = (await documents.findMany({
        filters: { title },
        populate: ['submitter'],
      } as never)) as any[];
      const published = await documents.findMany({
        status: 'published',
        filters: { title },
      } as never);
      return { draft, published };
    }

    it('takes a good practice by keyboard with JavaScript: problems first, then thanks', async () => {
      const { page, foreign } = await open('/meld-een-goed-voorbeeld/');
      await waitForToken(page);
      const title = 'Bankje voor de buren in Caberg (voorbeeld)';
      await tabTo(page, { id: 'veld-title' });
      await page.keyboard.type(title);
      // Sent with required fields still empty: the check in the page stops it.
      await page.keyboard.press('Enter');
      await page.waitForSelector('[data-form-message]');
      await messageGetsFocus(page);
      expect(await page.locator('[data-form-message] a').allTextContents()).toEqual([
        'Korte beschrijving: vul dit in.',
        'Soort activiteit: vul dit in.',
        'Je naam: vul dit in.',
        'Je e-mailadres: vul dit in.',
      ]);
      expect(await page.locator('#veld-title').inputValue()).toBe(title);
      expect(await page.locator('#veld-summary').getAttribute('aria-invalid')).toBe('true');
      expect(await axeViolations(page)).toEqual([]);

      // The first problem's link puts the cursor in its field.
      await page.keyboard.press('Tab');
      await page.keyboard.press('Enter');
      expect((await focused(page)).id).toBe('veld-summary');
      await page.keyboard.type('Buren zetten een bankje neer en drinken daar samen koffie.');
      await tabTo(page, { id: 'veld-activityType' });
      await page.keyboard.press('ArrowDown');
      expect(await page.locator('#veld-activityType').inputValue()).not.toBe('');
      await tabTo(page, { id: 'veld-submitterName' });
      await page.keyboard.type('Anna Voorbeeld');
      await page.keyboard.press('Tab');
      await page.keyboard.type('anna@voorbeeld.nl');
      await tabTo(page, 'Versturen');
      await aSecond();
      await Promise.all([page.waitForURL(`${site.url}/bedankt/`), page.keyboard.press('Enter')]);
      expect(await page.locator('h1').textContent()).toBe('Bedankt voor je aanmelding');
      expect(foreign).toEqual([]);

      const { draft, published } = await storedDraft('api::good-practice.good-practice', title);
      expect(draft).toMatchObject({ submitted: true, submitter: { email: 'anna@voorbeeld.nl' } });
      expect(published).toEqual([]);
      await page.context().close();
    });

    it('takes an activity by keyboard with JavaScript, refusing an end before the start', async () => {
      const { page } = await open('/meld-een-activiteit/');
      await waitForToken(page);
      const title = 'Samen koken in Heer (voorbeeld)';
      await tabTo(page, { id: 'veld-title' });
      await page.keyboard.type(title);
      await page.keyboard.press('Tab');
      await page.keyboard.type('We koken samen en eten daarna aan een lange tafel.');
      await tabTo(page, { id: 'veld-startsAt' });
      await typeDateTime(page, '12', '03', '2027', '0500P');
      await tabTo(page, { id: 'veld-endsAt' });
      await typeDateTime(page, '12', '03', '2027', '0400P');
      await tabTo(page, { id: 'veld-submitterName' });
      await page.keyboard.type('Ben Voorbeeld');
      await page.keyboard.press('Tab');
      await page.keyboard.type('ben@voorbeeld.nl');
      await tabTo(page, 'Versturen');
      await page.keyboard.press('Enter');
      await page.waitForSelector('[data-form-message]');
      expect(await page.locator('[data-form-message] a').allTextContents()).toEqual([
        'Eindigt op: dit mag niet vóór het begin liggen.',
      ]);
      expect(await axeViolations(page)).toEqual([]);

      await page.keyboard.press('Tab');
      await page.keyboard.press('Enter');
      expect((await focused(page)).id).toBe('veld-endsAt');
      await typeDateTime(page, '12', '03', '2027', '0700P');
      await tabTo(page, 'Versturen');
      await aSecond();
      await Promise.all([page.waitForURL(`${site.url}/bedankt/`), page.keyboard.press('Enter')]);

      const { draft, published } = await storedDraft('api::event.event', title);
      // 17:00 in Maastricht in December is 16:00 UTC.
      expect(new Date(draft.startsAt).toISOString()).toBe('2027-12-03T16:00:00.000Z');
      expect(published).toEqual([]);
      await page.context().close();
    });

    it('takes an activity without JavaScript: the CMS shows the problems, then thanks', async () => {
      const { page, foreign } = await open('/meld-een-activiteit/', { withoutSiteScripts: true });
      // No script asked for a token: the form goes out as a plain HTML form.
      // The submission form's own token; the footer's newsletter form has one too.
      expect(
        await page.locator('form[data-submission-form] input[name="formToken"]').inputValue(),
      ).toBe('');
      const title = 'Wandelen langs de Maas (voorbeeld)';
      await tabTo(page, { id: 'veld-title' });
      await page.keyboard.type(title);
      await tabTo(page, 'Versturen');
      // The CMS's answer, through the site's own address: the form again, as filled in.
      await Promise.all([
        page.waitForURL(`${site.url}/api/submissions/events`),
        page.keyboard.press('Enter'),
      ]);
      await messageGetsFocus(page);
      expect(await page.locator('[data-form-message] a').allTextContents()).toEqual([
        'Korte beschrijving: vul dit in.',
        'Begint op: vul dit in.',
        'Je naam: vul dit in.',
        'Je e-mailadres: vul dit in.',
      ]);
      expect(await page.locator('#veld-title').inputValue()).toBe(title);
      expect(await axeViolations(page)).toEqual([]);

      await tabTo(page, { id: 'veld-summary' });
      await page.keyboard.type('We lopen samen een uur langs de rivier.');
      await tabTo(page, { id: 'veld-startsAt' });
      await typeDateTime(page, '04', '10', '2027', '1000A');
      await tabTo(page, { id: 'veld-submitterName' });
      await page.keyboard.type('Cas Voorbeeld');
      await page.keyboard.press('Tab');
      await page.keyboard.type('cas@voorbeeld.nl');
      await tabTo(page, 'Versturen');
      await aSecond();
      await Promise.all([page.waitForURL(`${site.url}/bedankt/`), page.keyboard.press('Enter')]);
      expect(foreign).toEqual([]);
      expect((await storedDraft('api::event.event', title)).draft).toMatchObject({
        submitted: true,
      });
      await page.context().close();
    });

    it('asks to check a good practice sent without JavaScript, then takes it', async () => {
      const { page } = await open('/meld-een-goed-voorbeeld/', { withoutSiteScripts: true });
      // No script asked for a token: the form goes out as a plain HTML form.
      // The submission form's own token; the footer's newsletter form has one too.
      expect(
        await page.locator('form[data-submission-form] input[name="formToken"]').inputValue(),
      ).toBe('');
      const title = 'Eettafel in Wyckerpoort (voorbeeld)';
      await tabTo(page, { id: 'veld-title' });
      await page.keyboard.type(title);
      await page.keyboard.press('Tab');
      await page.keyboard.type('Elke vrijdag eten buren samen.');
      await tabTo(page, { id: 'veld-activityType' });
      await page.keyboard.press('ArrowDown');
      await tabTo(page, { id: 'veld-submitterName' });
      await page.keyboard.type('Dewi Voorbeeld');
      await page.keyboard.press('Tab');
      await page.keyboard.type('dewi@voorbeeld.nl');
      await tabTo(page, 'Versturen');
      // Without JavaScript the form had no token: the CMS asks to check it and send it again.
      await Promise.all([
        page.waitForURL(`${site.url}/api/submissions/good-practices`),
        page.keyboard.press('Enter'),
      ]);
      expect(await page.locator('[data-form-message] h2').textContent()).toBe(
        'Kijk of alles klopt',
      );
      await messageGetsFocus(page);
      expect(await axeViolations(page)).toEqual([]);
      expect((await storedDraft('api::good-practice.good-practice', title)).draft).toBeUndefined();

      await tabTo(page, 'Versturen');
      await aSecond();
      await Promise.all([page.waitForURL(`${site.url}/bedankt/`), page.keyboard.press('Enter')]);
      expect((await storedDraft('api::good-practice.good-practice', title)).draft).toMatchObject({
        submitted: true,
        submitter: { name: 'Dewi Voorbeeld' },
      });
      await page.context().close();
    });
  });
});

describe('feeds, agendas and embeddable agendas per stadsdeel and partner', () => {
  type Ref = { slug: string };
  let withPlaces: {
    articles: { slug: string; districts: Ref[] }[];
    practices: { slug: string; districts: Ref[]; location?: { district?: Ref } }[];
    events: {
      slug: string;
      documentId: string;
      eventStatus: string;
      startsAt: string;
      endsAt?: string;
      location?: { district?: Ref };
      organiser?: Ref;
    }[];
  };
  let districts: string[];
  beforeAll(async () => {
    const find = (uid: string, populate: unknown) =>
      site.cms.strapi
        .documents(uid as never)
        .findMany({ status: 'published', limit: 1000, populate } as never) as Promise<any[]>;
    withPlaces = {
      articles: await find('api::article.article', { districts: true }),
      practices: await find('api::good-practice.good-practice', {
        districts: true,
        location: { populate: { district: true } },
      }),
      events: await find('api::event.event', {
        location: { populate: { district: true } },
        organiser: true,
      }),
    };
    districts = (
      (await site.cms.strapi
        .documents('api::district.district' as never)
        .findMany({ limit: 100 } as never)) as unknown as Ref[]
    ).map((district) => district.slug);
  });

  const link = (path: string) => `${SITE_URL}${path}`;
  const uid = (event: { documentId: string }) => `${event.documentId}@hub.example.nl`;
  const eventsOfDistrict = (slug: string) =>
    withPlaces.events.filter((event) => event.location?.district?.slug === slug);
  const eventsOfPartner = (slug: string) =>
    withPlaces.events.filter((event) => event.organiser?.slug === slug);
  const upcoming = (events: typeof withPlaces.events) =>
    events.filter((event) => new Date(event.endsAt ?? event.startsAt).getTime() >= Date.now());

  /** The feed, checked against the elements RSS 2.0 requires of a channel and its items. */
  function rssItems(feedPath: string): { title: string; link: string }[] {
    const parsed = xml.parse(read(feedPath));
    expect(parsed.rss['@_version'], feedPath).toBe('2.0');
    const channel = parsed.rss.channel;
    for (const element of ['title', 'link', 'description'])
      expect(String(channel[element] ?? ''), `${feedPath}: channel ${element}`).not.toBe('');
    const items = feedItems(feedPath);
    for (const item of items) {
      expect(item.title || (item as { description?: string }).description, feedPath).toBeTruthy();
      expect(item.guid, `${feedPath}: guid`).toBeTruthy();
    }
    return items;
  }

  /** The calendar's events by UID, after checking its time zone. */
  function calendarEvents(calendarPath: string): Map<string, ICAL.Component> {
    const calendar = new ICAL.Component(ICAL.parse(read(calendarPath)));
    const zone = calendar.getFirstSubcomponent('vtimezone');
    expect(zone?.getFirstPropertyValue('tzid'), calendarPath).toBe('Europe/Amsterdam');
    return new Map(
      calendar
        .getAllSubcomponents('vevent')
        .map((vevent) => [String(vevent.getFirstPropertyValue('uid')), vevent]),
    );
  }

  it('writes a feed per stadsdeel with its own news, good practices and activities only', () => {
    expect(districts).toHaveLength(7);
    let itemsSeen = 0;
    for (const district of districts) {
      const expected = new Set([
        ...withPlaces.articles
          .filter((article) => article.districts.some((term) => term.slug === district))
          .map((article) => link(`/nieuws/${article.slug}/`)),
        ...withPlaces.practices
          .filter(
            (practice) =>
              practice.districts.some((term) => term.slug === district) ||
              practice.location?.district?.slug === district,
          )
          .map((practice) => link(`/goede-voorbeelden/${practice.slug}/`)),
        ...eventsOfDistrict(district).map((event) => link(`/agenda/${event.slug}/`)),
      ]);
      const items = rssItems(`wijken/${district}/rss.xml`);
      expect(items.length, district).toBe(Math.min(expected.size, FEED_ITEM_LIMIT));
      for (const item of items)
        expect(expected.has(item.link), `${district}: ${item.link}`).toBe(true);
      itemsSeen += items.length;
    }
    expect(itemsSeen).toBeGreaterThan(districts.length);
  });

  it('writes an agenda per stadsdeel and per partner with the UIDs, times and statuses of /agenda.ics', () => {
    const whole = calendarEvents('agenda.ics');
    const check = (calendarPath: string, events: typeof withPlaces.events) => {
      const found = calendarEvents(calendarPath);
      expect([...found.keys()].sort(), calendarPath).toEqual(events.map(uid).sort());
      for (const [id, vevent] of found) {
        const same = whole.get(id);
        expect(same, `${calendarPath}: ${id} in /agenda.ics`).toBeDefined();
        for (const property of ['dtstart', 'dtend', 'status', 'summary'])
          expect(vevent.getFirstProperty(property)?.toICALString(), `${calendarPath} ${id}`).toBe(
            same!.getFirstProperty(property)?.toICALString(),
          );
      }
      for (const event of events.filter((candidate) => candidate.eventStatus === 'geannuleerd'))
        expect(found.get(uid(event))?.getFirstPropertyValue('status')).toBe('CANCELLED');
    };
    for (const district of districts)
      check(`wijken/${district}/agenda.ics`, eventsOfDistrict(district));
    for (const partner of published.partners)
      check(`partners/${partner.slug}/agenda.ics`, eventsOfPartner(partner.slug));
    // The demo's cancelled activity is in its stadsdeel's and its organiser's agenda.
    const cancelled = withPlaces.events.find((event) => event.eventStatus === 'geannuleerd')!;
    expect(read('wijken', cancelled.location!.district!.slug, 'agenda.ics')).toContain(
      'STATUS:CANCELLED',
    );
    expect(read('partners', cancelled.organiser!.slug, 'agenda.ics')).toContain('STATUS:CANCELLED');
  });

  it('announces them on the stadsdeel and partner pages and lists them on /feeds/', () => {
    const alternate = (html: string, type: string, href: string) =>
      html.includes(`<link rel="alternate" type="${type}"`) &&
      new RegExp(
        `<link rel="alternate" type="${type}"[^>]* href="${link(href)}"`.replace(/[+.?]/g, '\\$&'),
      ).test(html);
    const feeds = read('feeds', 'index.html');
    for (const district of districts) {
      const html = read('wijken', district, 'index.html');
      expect(alternate(html, 'application/rss+xml', `/wijken/${district}/rss.xml`), district).toBe(
        true,
      );
      expect(alternate(html, 'text/calendar', `/wijken/${district}/agenda.ics`), district).toBe(
        true,
      );
      expect(feeds).toContain(`href="/wijken/${district}/rss.xml"`);
      expect(feeds).toContain(`href="/wijken/${district}/agenda.ics"`);
    }
    for (const partner of published.partners) {
      const html = read('partners', partner.slug, 'index.html');
      expect(alternate(html, 'text/calendar', `/partners/${partner.slug}/agenda.ics`)).toBe(true);
      expect(feeds).toContain(`href="/partners/${partner.slug}/agenda.ics"`);
    }
  });

  it('gives every stadsdeel and partner an agenda to embed, with the code on its page', () => {
    const embeds = [
      ...districts.map((slug) => ({
        page: `wijken/${slug}/index.html`,
        embed: `/insluiten/agenda/${slug}/`,
        events: upcoming(eventsOfDistrict(slug)),
      })),
      ...published.partners.map((partner: Ref) => ({
        page: `partners/${partner.slug}/index.html`,
        embed: `/insluiten/agenda/partner/${partner.slug}/`,
        events: upcoming(eventsOfPartner(partner.slug)),
      })),
    ];
    const others = new Set(withPlaces.events.map((event) => event.slug));
    for (const { page, embed, events } of embeds) {
      const html = read(embed, 'index.html');
      expect(html, embed).toMatch(/^<!DOCTYPE html><html lang="nl"[ >]/i);
      expect(html).toMatch(/<title>Activiteiten (in|van) [^<]+<\/title>/);
      expect(html).toContain('<meta name="robots" content="noindex">');
      // No site header, menu, footer or script: the partner's page around it has those.
      expect(html).not.toMatch(/<header|<nav|<footer|<script/);
      const shown = [...html.matchAll(/<a href="\/agenda\/([^/"]+)\/" target="_top"[ >]/g)].map(
        (match) => match[1],
      );
      expect(shown.sort(), embed).toEqual(events.map((event) => event.slug).sort());
      for (const slug of shown) expect(others.has(slug!)).toBe(true);
      expect(html).toMatch(/<a href="\/agenda\/" target="_top"[^>]*>Bekijk de hele agenda<\/a>/);
      // The code to copy, on the stadsdeel's or partner's page: the iframe, escaped as text.
      expect(read(page)).toContain(`&lt;iframe src=&quot;${link(embed)}&quot;`);
      expect(read(page)).toMatch(/<label for="insluitcode"[^>]*>[^<]+<\/label>\s*<textarea/);
    }
    expect(embeds.some((embed) => embed.events.length > 0)).toBe(true);
    const sitemaps = fs.readdirSync(site.outDir).filter((name) => /^sitemap-\d+\.xml$/.test(name));
    for (const sitemap of sitemaps) expect(read(sitemap)).not.toContain('/insluiten/');
    expect(read('sitemap-0.xml')).toContain('/wijken/centrum/');
  });
});
