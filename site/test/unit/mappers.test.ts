import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  MappingError,
  mapAction,
  mapArticle,
  mapDistrict,
  mapEvent,
  mapGoodPractice,
  mapPage,
  mapPartner,
  mapSiteSettings,
  mapTerm,
} from '../../src/loaders/mappers';

/** Recorded REST answers of the demo CMS (see test/record-fixtures.ts). */
const fixture = (name: string) =>
  JSON.parse(
    fs.readFileSync(path.join(import.meta.dirname, '..', 'fixtures', `${name}.json`), 'utf8'),
  );
const context = { cmsUrl: 'http://cms.test:1337' };

describe('mappers on recorded CMS answers', () => {
  it('maps articles with absolute image URLs, dates and relations', () => {
    const [raw] = fixture('articles');
    const article = mapArticle(raw, context);
    expect(article).toMatchObject({
      id: raw.documentId,
      title: raw.title,
      slug: raw.slug,
      summary: raw.summary,
    });
    expect(article.date).toEqual(new Date(raw.date ?? raw.publishedAt));
    expect(article.publishedAt).toBeInstanceOf(Date);
    expect(article.themes.every((theme) => theme.name && theme.slug)).toBe(true);
    if (raw.cover) {
      expect(article.cover?.url).toBe(`http://cms.test:1337${raw.cover.url}`);
      expect(article.cover?.alt).toBe(raw.cover.alternativeText);
      expect(article.cover?.width).toBe(raw.cover.width);
    }
    expect(article.body).toEqual(raw.body);
  });

  it('maps every recorded item of every type without losing the slug', () => {
    const mappers: Record<string, (raw: never) => { slug: string }> = {
      articles: (raw) => mapArticle(raw, context),
      practices: (raw) => mapGoodPractice(raw, context),
      events: (raw) => mapEvent(raw, context),
      partners: (raw) => mapPartner(raw, context),
      actions: mapAction,
      pages: mapPage,
      themes: mapTerm,
      targetGroups: mapTerm,
      districts: mapDistrict,
    };
    for (const [name, map] of Object.entries(mappers)) {
      const raws = fixture(name) as { slug: string }[];
      expect(raws.length, name).toBeGreaterThan(0);
      expect(raws.map((raw) => map(raw as never).slug)).toEqual(raws.map((raw) => raw.slug));
    }
  });

  it('maps good practices with their location, stadsdeel and organisations', () => {
    const raws = fixture('practices');
    const practice = mapGoodPractice(raws[0], context);
    expect(practice.activityType).toBe(raws[0].activityType);
    expect(practice.organisations.map((org) => org.slug)).toEqual(
      raws[0].organisations.map((org: { slug: string }) => org.slug),
    );
    const withDistrict = raws.find(
      (raw: { location?: { district?: unknown } }) => raw.location?.district,
    );
    if (withDistrict)
      expect(mapGoodPractice(withDistrict, context).location?.district?.slug).toBe(
        withDistrict.location.district.slug,
      );
  });

  it('maps events with their status and times as instants', () => {
    const [raw] = fixture('events');
    const event = mapEvent(raw, context);
    expect(event.startsAt.toISOString()).toBe(new Date(raw.startsAt).toISOString());
    expect(event.status).toBe(raw.eventStatus);
  });

  it('maps the site settings with help lines and footer links', () => {
    const settings = mapSiteSettings(fixture('site'));
    expect(settings.helplines.map((line) => line.phone)).toContain('088 0767 000');
    expect(settings.footerLinks.map((link) => link.url)).toContain('/toegankelijkheid/');
  });

  it('names the item when a field pages rely on is missing', () => {
    const [raw] = fixture('articles');
    expect(() => mapArticle({ ...raw, slug: '' }, context)).toThrow(MappingError);
    expect(() => mapArticle({ ...raw, slug: '' }, context)).toThrow(
      `"${raw.title}" (${raw.documentId}) has no slug`,
    );
    const [event] = fixture('events');
    expect(() => mapEvent({ ...event, eventStatus: 'misschien' }, context)).toThrow(
      /unknown eventStatus/,
    );
  });

  it('drops links that are not safe to follow', () => {
    const [raw] = fixture('partners');
    expect(mapPartner({ ...raw, website: 'javascript:alert(1)' }, context).website).toBeUndefined();
    expect(mapPartner({ ...raw, website: 'https://example.org/' }, context).website).toBe(
      'https://example.org/',
    );
    const [event] = fixture('events');
    expect(
      mapEvent({ ...event, registrationUrl: 'data:text/html,x' }, context).registrationUrl,
    ).toBeUndefined();
  });
});
