import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAASTRICHT_DISTRICTS, TARGET_GROUPS, THEMES } from '@hub/shared';
import { appDir, bootTestCms, type TestCms } from './harness';
import { adminLogin, request } from './http';

const require = createRequire(import.meta.url);
type BootstrapModule = typeof import('../src/hub/bootstrap');
type TokenModule = typeof import('../src/hub/bootstrap/build-token');
// The compiled code, exactly as the running CMS executes it.
const { runBootstrap } = require(
  path.join(appDir, 'dist', 'src', 'hub', 'bootstrap', 'index.js'),
) as BootstrapModule;
const { ensureBuildToken, BUILD_TOKEN_NAME } = require(
  path.join(appDir, 'dist', 'src', 'hub', 'bootstrap', 'build-token.js'),
) as TokenModule;

const ADMIN = { email: 'eerste@example.org', password: 'Eerstebeheerder1' };
let cms: TestCms;

beforeAll(async () => {
  cms = await bootTestCms({ ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password });
});
afterAll(async () => {
  await cms?.stop();
});

async function counts() {
  const db = cms.strapi.db;
  const closedRoles = await db
    .query('plugin::users-permissions.role')
    .findMany({ where: { type: { $in: ['public', 'authenticated'] } } });
  return {
    districts: await db.query('api::district.district').count(),
    neighbourhoods: await db.query('api::neighbourhood.neighbourhood').count(),
    themes: await db.query('api::theme.theme').count(),
    targetGroups: await db.query('api::target-group.target-group').count(),
    apiTokens: await db.query('admin::api-token').count(),
    admins: await db.query('admin::user').count(),
    publicContentPermissions: await db.query('plugin::users-permissions.permission').count({
      where: {
        role: { id: { $in: closedRoles.map((role: { id: number }) => role.id) } },
        action: { $startsWith: 'api::' },
      },
    }),
  };
}

const tokenFile = () => process.env.SITE_BUILD_TOKEN_FILE!;

describe('bootstrap', () => {
  it('seeds the taxonomies, the build token and the first admin', async () => {
    const wijken = MAASTRICHT_DISTRICTS.reduce(
      (sum, district) => sum + district.neighbourhoods.length,
      0,
    );
    expect(await counts()).toMatchObject({
      districts: 7,
      neighbourhoods: wijken,
      themes: THEMES.length,
      targetGroups: TARGET_GROUPS.length,
      admins: 1,
      publicContentPermissions: 0,
    });
    const malberg = await cms.strapi.db
      .query('api::neighbourhood.neighbourhood')
      .findOne({ where: { slug: 'malberg' }, populate: ['district'] });
    expect(malberg.district.name).toBe('Noord-West');
    expect(await adminLogin(cms.url, ADMIN.email, ADMIN.password)).toBeTruthy();
    const admin = await cms.strapi.db
      .query('admin::user')
      .findOne({ where: { email: ADMIN.email } });
    expect(admin.preferedLanguage).toBe('nl');
  });

  it('stores the build token in a file only its owner can read', async () => {
    const stat = fs.statSync(tokenFile());
    expect(stat.mode & 0o777).toBe(0o600);
    const key = fs.readFileSync(tokenFile(), 'utf8').trim();
    expect((await request(cms.url, '/api/themes', { token: key })).status).toBe(200);
  });

  it('is idempotent: a second run changes no counts and keeps the token', async () => {
    const before = await counts();
    const keyBefore = fs.readFileSync(tokenFile(), 'utf8');
    await runBootstrap(cms.strapi);
    expect(await counts()).toEqual(before);
    expect(fs.readFileSync(tokenFile(), 'utf8')).toBe(keyBefore);
  });

  it('takes content permissions away from the public and authenticated roles again', async () => {
    for (const type of ['public', 'authenticated']) {
      const role = await cms.strapi.db
        .query('plugin::users-permissions.role')
        .findOne({ where: { type } });
      await cms.strapi.db
        .query('plugin::users-permissions.permission')
        .create({ data: { action: 'api::theme.theme.find', role: role.id } });
    }
    expect((await counts()).publicContentPermissions).toBe(2);
    await runBootstrap(cms.strapi);
    expect((await counts()).publicContentPermissions).toBe(0);
    expect([401, 403]).toContain((await request(cms.url, '/api/themes')).status);
  });

  it('renews the token when its file is lost, without adding a second token', async () => {
    const oldKey = fs.readFileSync(tokenFile(), 'utf8').trim();
    const tokensBefore = (await counts()).apiTokens;
    fs.rmSync(tokenFile());
    expect(await ensureBuildToken(cms.strapi)).toBe('regenerated');
    const newKey = fs.readFileSync(tokenFile(), 'utf8').trim();
    expect(newKey).not.toBe(oldKey);
    expect((await counts()).apiTokens).toBe(tokensBefore);
    expect((await request(cms.url, '/api/themes', { token: oldKey })).status).toBe(401);
    expect((await request(cms.url, '/api/themes', { token: newKey })).status).toBe(200);
    const token = await cms.strapi
      .service('admin::api-token-content-api')
      .getByName(BUILD_TOKEN_NAME);
    expect(token.type).toBe('read-only');
  });

  it('leaves a configured SITE_BUILD_TOKEN alone and writes no file', async () => {
    fs.rmSync(tokenFile());
    process.env.SITE_BUILD_TOKEN = 'configured-elsewhere';
    try {
      expect(await ensureBuildToken(cms.strapi)).toBe('configured');
      expect(fs.existsSync(tokenFile())).toBe(false);
    } finally {
      delete process.env.SITE_BUILD_TOKEN;
    }
  });

  it('creates no second admin when the first exists', async () => {
    process.env.ADMIN_EMAIL = 'tweede@example.org';
    await runBootstrap(cms.strapi);
    expect((await counts()).admins).toBe(1);
  });
});
