import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAASTRICHT_DISTRICTS, TARGET_GROUPS, THEMES } from '@hub/shared';
import { appDir, bootTestCms, type TestCms } from './harness';
import { adminLogin, request } from './http';
import { PUBLISHER_WEBHOOK_NAME } from '../src/hub/bootstrap/publisher-webhook';

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

type PreviewTokenModule = typeof import('../src/hub/preview/preview-token');
const { ensurePreviewToken, PREVIEW_TOKEN_NAME } = require(
  path.join(appDir, 'dist', 'src', 'hub', 'preview', 'preview-token.js'),
) as PreviewTokenModule;

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

  it('writes the same key again when its file is lost or outdated, as another instance does', async () => {
    const key = fs.readFileSync(tokenFile(), 'utf8').trim();
    const tokensBefore = (await counts()).apiTokens;
    fs.rmSync(tokenFile());
    expect(await ensureBuildToken(cms.strapi)).toBe('restored');
    expect(fs.readFileSync(tokenFile(), 'utf8').trim()).toBe(key);
    expect(fs.statSync(tokenFile()).mode & 0o777).toBe(0o600);
    fs.writeFileSync(tokenFile(), 'een-oude-sleutel\n');
    expect(await ensureBuildToken(cms.strapi)).toBe('restored');
    expect(fs.readFileSync(tokenFile(), 'utf8').trim()).toBe(key);
    // A second CMS instance on another machine has no file yet: it writes its own copy, and the
    // key the first instance wrote keeps working.
    const original = tokenFile();
    const elsewhere = path.join(path.dirname(original), 'andere-machine', 'site-build-token');
    process.env.SITE_BUILD_TOKEN_FILE = elsewhere;
    try {
      expect(await ensureBuildToken(cms.strapi)).toBe('restored');
      expect(fs.readFileSync(elsewhere, 'utf8').trim()).toBe(key);
    } finally {
      process.env.SITE_BUILD_TOKEN_FILE = original;
    }
    expect((await request(cms.url, '/api/themes', { token: key })).status).toBe(200);
    expect((await counts()).apiTokens).toBe(tokensBefore);
  });

  it('renews the key only when it cannot be read back, without adding a second token', async () => {
    const oldKey = fs.readFileSync(tokenFile(), 'utf8').trim();
    const tokensBefore = (await counts()).apiTokens;
    // As for a token made without ENCRYPTION_KEY, or under another one.
    await cms.strapi.db
      .query('admin::api-token')
      .update({ where: { name: BUILD_TOKEN_NAME }, data: { encryptedKey: null } });
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

  it('registers one webhook to the publisher, however many instances run it', async () => {
    const webhooks = async () =>
      ((await cms.strapi.get('webhookStore').findWebhooks()) as { name: string }[]).filter(
        (webhook) => webhook.name === PUBLISHER_WEBHOOK_NAME,
      );
    Object.assign(process.env, {
      PUBLISHER_URL: 'http://127.0.0.1:4322',
      PUBLISHER_SECRET: 'geheim',
    });
    try {
      // Each instance runs the bootstrap at its start; the boot lock runs them one at a time.
      await runBootstrap(cms.strapi);
      await runBootstrap(cms.strapi);
    } finally {
      delete process.env.PUBLISHER_URL;
      delete process.env.PUBLISHER_SECRET;
    }
    expect(await webhooks()).toHaveLength(1);
  });
});

describe('the preview token', () => {
  const previewFile = () => path.join(path.dirname(tokenFile()), 'site-preview-token');
  const tokens = () => cms.strapi.service('admin::api-token-content-api');
  const withPreviews = async <T>(work: () => Promise<T>): Promise<T> => {
    Object.assign(process.env, { PREVIEW_URL: 'http://localhost:4323', PREVIEW_SECRET: 'geheim' });
    try {
      return await work();
    } finally {
      delete process.env.PREVIEW_URL;
      delete process.env.PREVIEW_SECRET;
    }
  };

  it('is not made while previews are not set up', async () => {
    expect(await ensurePreviewToken(cms.strapi)).toBe('not-configured');
    expect(fs.existsSync(previewFile())).toBe(false);
    expect(await tokens().getByName(PREVIEW_TOKEN_NAME)).toBeNull();
  });

  it('is made beside the build token, read-only, only its owner can read the file', async () => {
    expect(await withPreviews(() => ensurePreviewToken(cms.strapi))).toBe('created');
    expect(fs.statSync(previewFile()).mode & 0o777).toBe(0o600);
    const key = fs.readFileSync(previewFile(), 'utf8').trim();
    expect(key).not.toBe(fs.readFileSync(tokenFile(), 'utf8').trim());
    expect((await tokens().getByName(PREVIEW_TOKEN_NAME)).type).toBe('read-only');
    const draftRead = () => request(cms.url, '/api/themes?status=draft', { token: key });
    expect((await withPreviews(draftRead)).status).toBe(200);
  });

  it('is kept on the next start, and written again, not doubled, when its file is lost', async () => {
    const before = fs.readFileSync(previewFile(), 'utf8');
    const count = (await counts()).apiTokens;
    expect(await withPreviews(() => runBootstrap(cms.strapi).then(() => 'ran'))).toBe('ran');
    expect(fs.readFileSync(previewFile(), 'utf8')).toBe(before);
    fs.rmSync(previewFile());
    expect(await withPreviews(() => ensurePreviewToken(cms.strapi))).toBe('restored');
    expect(fs.readFileSync(previewFile(), 'utf8')).toBe(before);
    expect((await counts()).apiTokens).toBe(count);
  });

  it('is only checked when SITE_PREVIEW_TOKEN is given, and a file elsewhere is honoured', async () => {
    const elsewhere = path.join(path.dirname(tokenFile()), 'elders', 'preview');
    process.env.SITE_PREVIEW_TOKEN_FILE = elsewhere;
    try {
      process.env.SITE_PREVIEW_TOKEN = 'van-buiten-gegeven';
      expect(await withPreviews(() => ensurePreviewToken(cms.strapi))).toBe('configured');
      expect(fs.existsSync(elsewhere)).toBe(false);
      delete process.env.SITE_PREVIEW_TOKEN;
      expect(await withPreviews(() => ensurePreviewToken(cms.strapi))).toBe('restored');
      expect(fs.statSync(elsewhere).mode & 0o777).toBe(0o600);
      expect(fs.readFileSync(elsewhere, 'utf8')).toBe(fs.readFileSync(previewFile(), 'utf8'));
    } finally {
      delete process.env.SITE_PREVIEW_TOKEN;
      delete process.env.SITE_PREVIEW_TOKEN_FILE;
    }
  });
});
