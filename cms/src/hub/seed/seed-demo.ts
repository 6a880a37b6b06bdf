import path from 'node:path';
import type { Core, UID } from '@strapi/strapi';
import { amsterdamDatePlusDays, fromAmsterdamWallTime, slugify } from '@hub/shared';
import { seedTaxonomies, upsertBySlug } from '../bootstrap/taxonomies';
import { toStrapiBlocks } from './blocks';
import { DEMO_IMAGES } from './images';
import { uploadImageFile } from './upload-image';
import type { DemoImageKey, DemoMoment } from './demo/types';
import { demoArticles } from './demo/articles';
import { demoPractices } from './demo/practices';
import { demoEvents } from './demo/events';
import { demoPartners } from './demo/partners';
import { demoActions } from './demo/actions';
import { demoPages } from './demo/pages';
import { demoSite } from './demo/site';

/** How many documents of each type the seed created this time (existing ones are skipped). */
export type SeedReport = Record<string, number>;

/** Options of {@link seedDemoContent}. */
export interface SeedOptions {
  /** Delete all content and uploads first. */
  reset?: boolean;
  /** The moment relative event dates are counted from; defaults to now. */
  now?: Date;
}

const FLAG = { type: 'plugin', name: 'hub', key: 'demo-content' } as const;

/** Our content types, the ones a reset empties. */
function hubContentTypes(strapi: Core.Strapi): UID.ContentType[] {
  return Object.keys(strapi.contentTypes).filter((uid) =>
    uid.startsWith('api::'),
  ) as UID.ContentType[];
}

/** Deletes every document of our content types and every uploaded file. */
export async function deleteAllContent(strapi: Core.Strapi): Promise<void> {
  for (const uid of hubContentTypes(strapi)) {
    const rows = (await strapi.db.query(uid).findMany({ select: ['documentId'] })) as {
      documentId: string;
    }[];
    for (const documentId of new Set(rows.map((row) => row.documentId))) {
      await strapi.documents(uid).delete({ documentId } as never);
    }
  }
  const files = await strapi.db.query('plugin::upload.file').findMany({});
  for (const file of files) await strapi.plugin('upload').service('upload').remove(file);
  await strapi.store(FLAG).delete({});
}

/** Uploads a demo image through the upload service (with its alt text), or finds the earlier upload. */
async function demoImageId(
  strapi: Core.Strapi,
  key: DemoImageKey,
  cache: Map<DemoImageKey, number>,
): Promise<number> {
  const known = cache.get(key);
  if (known !== undefined) return known;
  const { file, alternativeText } = DEMO_IMAGES[key];
  const existing = await strapi.db
    .query('plugin::upload.file')
    .findOne({ where: { name: file }, select: ['id'] });
  const id = existing
    ? (existing.id as number)
    : await uploadImageFile(strapi, path.join(strapi.dirs.app.root, 'seed-images', file), {
        name: file,
        alternativeText,
      });
  cache.set(key, id);
  return id;
}

/** Maps slugs of one content type to documentIds. */
async function documentIdsBySlug(
  strapi: Core.Strapi,
  uid: UID.ContentType,
): Promise<Map<string, string>> {
  const rows = (await strapi.db.query(uid).findMany({ select: ['slug', 'documentId'] })) as {
    slug: string;
    documentId: string;
  }[];
  return new Map(rows.map((row) => [row.slug, row.documentId]));
}

function pick(ids: Map<string, string>, slugs: readonly string[] = [], what: string): string[] {
  return slugs.map((slug) => {
    const id = ids.get(slug);
    if (!id) throw new Error(`Demo content refers to unknown ${what} "${slug}".`);
    return id;
  });
}

function toInstant(moment: DemoMoment, now: Date): string {
  const date = 'date' in moment ? moment.date : amsterdamDatePlusDays(now, moment.daysFromSeed);
  return fromAmsterdamWallTime(date, moment.time).toISOString();
}

/**
 * Seeds the demo content (partners, good practices, events, articles, stappenplan, pages and
 * site settings) as published documents through the Document Service, so every editorial rule
 * applies. Items are matched by slug: running it twice creates nothing new.
 */
export async function seedDemoContent(
  strapi: Core.Strapi,
  options: SeedOptions = {},
): Promise<SeedReport> {
  const now = options.now ?? new Date();
  if (options.reset) await deleteAllContent(strapi);
  await seedTaxonomies(strapi);

  const report: SeedReport = {};
  const images = new Map<DemoImageKey, number>();
  const image = async (key?: DemoImageKey) => (key ? await demoImageId(strapi, key, images) : null);
  const themes = await documentIdsBySlug(strapi, 'api::theme.theme');
  const targetGroups = await documentIdsBySlug(strapi, 'api::target-group.target-group');
  const districts = await documentIdsBySlug(strapi, 'api::district.district');
  const neighbourhoods = await documentIdsBySlug(strapi, 'api::neighbourhood.neighbourhood');
  const district = (slug?: string) => (slug ? pick(districts, [slug], 'stadsdeel')[0] : null);

  const create = async (uid: UID.ContentType, slug: string, data: Record<string, unknown>) => {
    const { created } = await upsertBySlug(strapi, uid, slug, data);
    if (created) report[uid] = (report[uid] ?? 0) + 1;
  };

  for (const partner of demoPartners) {
    await create('api::partner.partner', partner.slug, {
      ...partner,
      description: toStrapiBlocks(partner.description),
    });
  }
  const partners = await documentIdsBySlug(strapi, 'api::partner.partner');

  for (const practice of demoPractices) {
    await create('api::good-practice.good-practice', practice.slug, {
      ...practice,
      body: toStrapiBlocks(practice.body),
      approach: toStrapiBlocks(practice.approach),
      results: toStrapiBlocks(practice.results),
      targetGroups: pick(targetGroups, practice.targetGroups, 'doelgroep'),
      themes: pick(themes, practice.themes, 'thema'),
      districts: pick(districts, practice.districts, 'stadsdeel'),
      neighbourhoods: pick(neighbourhoods, practice.neighbourhoods.map(slugify), 'wijk'),
      organisations: pick(partners, practice.organisations, 'partner'),
      location: practice.location
        ? { ...practice.location, district: district(practice.location.district) }
        : null,
      image: await image(practice.image),
    });
  }

  for (const event of demoEvents) {
    await create('api::event.event', event.slug, {
      ...event,
      body: toStrapiBlocks(event.body),
      startsAt: toInstant(event.startsAt, now),
      endsAt: event.endsAt ? toInstant(event.endsAt, now) : null,
      location: event.location
        ? { ...event.location, district: district(event.location.district) }
        : null,
      organiser: event.organiser ? pick(partners, [event.organiser], 'partner')[0] : null,
      themes: pick(themes, event.themes, 'thema'),
      image: await image(event.image),
    });
  }
  const practices = await documentIdsBySlug(strapi, 'api::good-practice.good-practice');
  const events = await documentIdsBySlug(strapi, 'api::event.event');

  for (const article of demoArticles) {
    await create('api::article.article', article.slug, {
      ...article,
      body: toStrapiBlocks(article.body),
      cover: await image(article.cover),
      themes: pick(themes, article.themes, 'thema'),
      districts: pick(districts, article.districts, 'stadsdeel'),
      relatedPractices: pick(practices, article.relatedPractices, 'goed voorbeeld'),
      relatedEvents: pick(events, article.relatedEvents, 'activiteit'),
    });
  }

  for (const action of demoActions) {
    await create('api::action.action', action.slug, {
      ...action,
      description: toStrapiBlocks(action.description),
      leads: pick(partners, action.leads, 'partner'),
    });
  }

  for (const page of demoPages) {
    await create('api::page.page', page.slug, { ...page, body: toStrapiBlocks(page.body) });
  }

  const site = strapi.documents('api::site.site');
  if (!(await site.findFirst({} as never))) {
    await site.create({ data: { ...demoSite } } as never);
    report['api::site.site'] = 1;
  }

  await strapi.store(FLAG).set({ value: { seededAt: now.toISOString() } });
  return report;
}

/** Seeds the demo content unless this database has been seeded before (used by `npm start`). */
export async function seedDemoContentOnce(strapi: Core.Strapi): Promise<SeedReport | null> {
  if (await strapi.store(FLAG).get({})) return null;
  strapi.log.info('[hub] First run: adding the demo content.');
  const report = await seedDemoContent(strapi);
  strapi.log.info(`[hub] Demo content added: ${JSON.stringify(report)}`);
  return report;
}
