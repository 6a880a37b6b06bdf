import path from 'node:path';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UID } from '@strapi/strapi';
import { ACTIVITY_TYPES, PARTNER_CATEGORIES } from '@hub/shared';
import { appDir, bootTestCms, type TestCms } from './harness';
import { paragraph } from './fixtures';

const require = createRequire(import.meta.url);
type SeedModule = typeof import('../src/hub/seed/seed-demo');
const { seedDemoContent, seedDemoContentOnce } = require(
  path.join(appDir, 'dist', 'src', 'hub', 'seed', 'seed-demo.js'),
) as SeedModule;

let cms: TestCms;
const now = new Date('2026-11-26T12:00:00.000Z');

beforeAll(async () => {
  // As on the first `npm start`: the bootstrap seeds the demo content.
  cms = await bootTestCms({ SEED_DEMO_CONTENT: 'first-run' });
});
afterAll(async () => {
  await cms?.stop();
});

const types = ['article', 'good-practice', 'event', 'partner', 'action', 'page'] as const;
const uidOf = (key: string) => `api::${key}.${key}` as UID.ContentType;
const published = (key: string, extra: Record<string, unknown> = {}) =>
  cms.strapi
    .documents(uidOf(key))
    .findMany({ status: 'published', limit: 1000, ...extra } as never) as Promise<
    Record<string, any>[]
  >;

async function counts() {
  const result: Record<(typeof types)[number] | 'drafts' | 'files' | 'site', number> = {
    article: 0,
    'good-practice': 0,
    event: 0,
    partner: 0,
    action: 0,
    page: 0,
    drafts: await cms.strapi.db
      .query('api::article.article')
      .count({ where: { publishedAt: null } }),
    files: await cms.strapi.db.query('plugin::upload.file').count(),
    site: await cms.strapi.db.query('api::site.site').count(),
  };
  for (const key of types) result[key] = (await published(key)).length;
  return result;
}

describe('demo content', () => {
  it('is seeded on the first start with everything the brief asks for', async () => {
    const c = await counts();
    expect(c.article).toBeGreaterThanOrEqual(12);
    expect(c['good-practice']).toBeGreaterThanOrEqual(15);
    expect(c.event).toBeGreaterThanOrEqual(12);
    expect(c.partner).toBeGreaterThanOrEqual(15);
    expect(c.action).toBeGreaterThanOrEqual(6);
    expect(c.site).toBe(1);
    expect((await published('page')).map((page) => page.slug).sort()).toEqual(
      expect.arrayContaining(['over', 'privacy', 'toegankelijkheid']),
    );
  });

  it('says in the privacy statement what a form stores, why, and for how long', async () => {
    const [privacy] = (await published('page')).filter((page) => page.slug === 'privacy');
    const text = JSON.stringify(privacy?.body);
    expect(text).toContain('Meld je iets aan via een formulier?');
    expect(text).toContain('je naam en je e-mailadres');
    expect(text).toContain('Na 90 dagen halen we je naam, e-mailadres en organisatie');
    expect(text).toContain('telt de website 10 minuten lang');
    expect(text).toContain('niet het adres zelf');
  });

  it('reports the kick-off of 28 March 2024', async () => {
    const articles = await published('article');
    expect(
      articles.some(
        (article) => article.date === '2024-03-28' && /kick-?off|aftrap|start/i.test(article.title),
      ),
    ).toBe(true);
  });

  it('spreads good practices over at least 5 stadsdelen and 5 activity types', async () => {
    const practices = await published('good-practice', { populate: ['districts'] });
    const districts = new Set(
      practices.flatMap((practice) => practice.districts.map((d: { slug: string }) => d.slug)),
    );
    const activityTypes = new Set(practices.map((practice) => practice.activityType));
    expect(districts.size).toBeGreaterThanOrEqual(5);
    expect(activityTypes.size).toBeGreaterThanOrEqual(5);
    for (const type of activityTypes) expect(ACTIVITY_TYPES).toContain(type);
  });

  it('has past and upcoming events, the vervolgbijeenkomst, Week tegen Eenzaamheid and one cancelled event', async () => {
    const events = await published('event');
    const seededAt = Date.now();
    expect(events.some((event) => new Date(event.startsAt).getTime() < seededAt)).toBe(true);
    expect(events.some((event) => new Date(event.startsAt).getTime() > seededAt)).toBe(true);
    expect(
      events.some(
        (event) =>
          /vervolgbijeenkomst/i.test(event.title) && new Date(event.startsAt).getTime() > seededAt,
      ),
    ).toBe(true);
    expect(
      events.some((event) => /week tegen eenzaamheid/i.test(`${event.title} ${event.summary}`)),
    ).toBe(true);
    expect(events.filter((event) => event.eventStatus === 'geannuleerd')).toHaveLength(1);
    for (const event of events) {
      if (event.endsAt)
        expect(new Date(event.endsAt).getTime()).toBeGreaterThanOrEqual(
          new Date(event.startsAt).getTime(),
        );
    }
  });

  it('covers every partner category and marks kartrekkers', async () => {
    const partners = await published('partner');
    expect(new Set(partners.map((partner) => partner.category))).toEqual(
      new Set(PARTNER_CATEGORIES),
    );
    expect(partners.filter((partner) => partner.isKartrekker).length).toBeGreaterThanOrEqual(2);
  });

  it('has help lines in the site settings, De Luisterlijn among them', async () => {
    const site = (await cms.strapi
      .documents('api::site.site')
      .findFirst({ populate: ['helplines'] } as never)) as Record<string, any>;
    expect(site.helplines.map((line: { phone?: string }) => line.phone)).toContain('088 0767 000');
  });

  it('uploads its images through the upload service, each with alternative text', async () => {
    const files = await cms.strapi.db.query('plugin::upload.file').findMany({});
    expect(files.length).toBeGreaterThanOrEqual(4);
    for (const file of files) {
      expect(file.alternativeText?.length, file.name).toBeGreaterThan(10);
      expect(file.mime).toBe('image/jpeg');
      expect(file.width).toBeGreaterThan(0);
    }
    // Hashed names never change: caches (and the site build's image cache) may keep them for good.
    const served = await fetch(`${cms.url}${files[0].url}`);
    expect(served.status).toBe(200);
    expect(served.headers.get('cache-control')).toBe('max-age=31536000,immutable');
    const withCover = await published('article', { populate: ['cover'] });
    expect(withCover.some((article) => article.cover?.url?.startsWith('/uploads/'))).toBe(true);
  });

  it('is idempotent: seeding again creates nothing and runs once per database on start', async () => {
    const before = await counts();
    expect(await seedDemoContent(cms.strapi, { now })).toEqual({});
    expect(await seedDemoContentOnce(cms.strapi)).toBeNull();
    expect(await counts()).toEqual(before);
  });

  it('--reset starts from empty: hand-made content is gone, the demo content is back once', async () => {
    const before = await counts();
    await cms.strapi.documents('api::article.article').create({
      data: {
        title: 'Handgemaakt bericht',
        summary: 'Door een redacteur.',
        body: paragraph('Tekst.'),
      },
    } as never);
    expect((await counts()).drafts).toBe(before.drafts + 1);
    const report = await seedDemoContent(cms.strapi, { reset: true, now });
    expect(report['api::article.article']).toBe(before.article);
    expect(await counts()).toEqual(before);
    expect(
      await cms.strapi.db
        .query('api::article.article')
        .count({ where: { title: 'Handgemaakt bericht' } }),
    ).toBe(0);
  });
});
