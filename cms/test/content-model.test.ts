import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ACTION_STATUSES,
  ACTIVITY_TYPES,
  CONTENT_RULES,
  EVENT_STATUSES,
  EVIDENCE_LEVELS,
  PARTNER_CATEGORIES,
} from '@hub/shared';
import { appDir, bootTestCms, type TestCms } from './harness';

const editorialTypes = ['article', 'good-practice', 'event', 'partner', 'action', 'page'];
const taxonomyTypes = ['theme', 'target-group', 'district', 'neighbourhood'];

let cms: TestCms;
beforeAll(async () => {
  cms = await bootTestCms();
});
afterAll(async () => {
  await cms?.stop();
});

describe('content model', () => {
  it('defines every content type at cms/src/api/<name>/content-types/<name>/schema.json', () => {
    for (const name of [...editorialTypes, ...taxonomyTypes, 'site']) {
      const file = path.join(appDir, 'src', 'api', name, 'content-types', name, 'schema.json');
      expect(fs.existsSync(file), file).toBe(true);
      expect(cms.strapi.contentType(`api::${name}.${name}` as never)).toBeDefined();
    }
    expect(cms.strapi.contentType('api::site.site').kind).toBe('singleType');
  });

  it('has draft & publish on the editorial types only', () => {
    for (const name of editorialTypes) {
      expect(
        cms.strapi.contentType(`api::${name}.${name}` as never).options?.draftAndPublish,
        name,
      ).toBe(true);
    }
    for (const name of [...taxonomyTypes, 'site']) {
      expect(
        cms.strapi.contentType(`api::${name}.${name}` as never).options?.draftAndPublish,
        name,
      ).toBe(false);
    }
  });

  it('has the components for contact, location, helpline, link and seo', () => {
    for (const name of ['contact', 'location', 'helpline', 'link', 'seo']) {
      expect(cms.strapi.components[`shared.${name}` as never], name).toBeDefined();
    }
  });

  it('uses no attribute name that draft & publish reserves', () => {
    for (const name of editorialTypes) {
      expect(
        Object.keys(cms.strapi.contentType(`api::${name}.${name}` as never).attributes),
        name,
      ).not.toContain('status');
    }
  });

  it('uses exactly the value lists of the shared workspace', () => {
    const enumOf = (uid: string, field: string) =>
      (cms.strapi.contentType(uid as never).attributes[field] as { enum: string[] }).enum;
    expect(enumOf('api::good-practice.good-practice', 'activityType')).toEqual([...ACTIVITY_TYPES]);
    expect(enumOf('api::good-practice.good-practice', 'evidenceLevel')).toEqual([
      ...EVIDENCE_LEVELS,
    ]);
    expect(enumOf('api::event.event', 'eventStatus')).toEqual([...EVENT_STATUSES]);
    expect(enumOf('api::partner.partner', 'category')).toEqual([...PARTNER_CATEGORIES]);
    expect(enumOf('api::action.action', 'progress')).toEqual([...ACTION_STATUSES]);
  });

  it('marks the fields the rules require as required in the schema, so the admin shows it', () => {
    for (const [key, rules] of Object.entries(CONTENT_RULES)) {
      const attributes = cms.strapi.contentType(`api::${key}.${key}` as never).attributes as Record<
        string,
        { required?: boolean }
      >;
      for (const { field } of rules.required)
        expect(attributes[field]?.required, `${key}.${field}`).toBe(true);
    }
  });

  it('gives the admin Dutch labels and help texts', async () => {
    const configuration = await cms.strapi
      .plugin('content-manager')
      .service('content-types')
      .findConfiguration({ uid: 'api::event.event' });
    expect(configuration.metadatas.startsAt.edit.label).toBe('Begint op');
    expect(configuration.metadatas.endsAt.edit.description).toMatch(/vóór het begin/);
    expect(configuration.metadatas.summary.list.label).toBe('Samenvatting');
    expect(cms.strapi.contentType('api::event.event').info.displayName).toBe('Activiteit');
  });

  it('names fields in error messages exactly as the admin labels them', async () => {
    const contentTypes = cms.strapi.plugin('content-manager').service('content-types');
    for (const [key, rules] of Object.entries(CONTENT_RULES)) {
      const { metadatas } = await contentTypes.findConfiguration({ uid: `api::${key}.${key}` });
      const named = [
        ...rules.required,
        ...rules.images,
        ...(rules.summary ? [rules.summary] : []),
        ...(rules.period ? [rules.period.start, rules.period.end] : []),
      ];
      for (const { field, label } of named) {
        expect(metadatas[field].edit.label, `${key}.${field}`).toBe(label);
      }
    }
  });
});
