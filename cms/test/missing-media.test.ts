import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DeleteObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appDir, bootTestCms, type TestCms } from './harness';
import { uploadImage, validData } from './fixtures';
import { request } from './http';
import {
  bucketKey,
  localName,
  missingUrls,
  type UploadRow,
} from '../src/api/media-check/missing-media';

/**
 * GET /api/hub/missing-media: the uploads whose file is gone from the media storage, for the
 * site build to leave out (site/src/loaders/missing-media.ts). Against a booted CMS with media
 * on disk, and with media in a bucket (a local S3 server).
 */

const ENDPOINT = '/api/hub/missing-media';
type Answer = { checked: boolean; missing: string[] };
type Upload = { id: number; url: string; hash: string; ext: string };

/** The local S3 server of the scripts workspace, loaded by path: the CMS's type check stays in cms/. */
interface LocalS3 {
  endpoint: string;
  accessKeyId: string;
  secretAccessKey: string;
  region: string;
  close: () => Promise<void>;
}
/** The scripts workspace's local-s3.ts: its server, and the S3_* settings for a bucket on it. */
interface LocalS3Module {
  startLocalS3: (options: { directory: string; buckets: string[] }) => Promise<LocalS3>;
  localS3Env: (server: LocalS3, bucket: string) => Record<string, string>;
}
const localS3Module = () =>
  import(path.join(appDir, '..', 'scripts', 'src', 'lib', 'local-s3.ts')) as Promise<LocalS3Module>;

const uploadOf = async (cms: TestCms, id: number) =>
  (await cms.strapi.db.query('plugin::upload.file').findOne({ where: { id } })) as Upload;
const buildToken = () => fs.readFileSync(process.env.SITE_BUILD_TOKEN_FILE!, 'utf8').trim();

/** An article using the image as its cover, published, as an editor would make it. */
async function publishArticleWith(cms: TestCms, imageId: number, title: string) {
  const { article } = await validData(cms.strapi);
  await cms.strapi.documents('api::article.article').create({
    data: { ...article, title, cover: imageId },
    status: 'published',
  } as never);
}

describe('which uploads miss their file (pure)', () => {
  const row = (hash: string, provider = 'local'): UploadRow => ({
    url: `/uploads/${hash}.jpg`,
    hash,
    ext: '.jpg',
    provider,
  });

  it('lists the uploads whose name is not in their storage, and none of an unknown provider', () => {
    const storages = { local: { names: new Set(['here.jpg']), nameOf: localName } };
    expect(
      missingUrls([row('here'), row('gone'), row('elsewhere', 'cloudinary')], storages),
    ).toEqual(['/uploads/gone.jpg']);
  });

  it('names bucket keys as the aws-s3 provider does, rootPath first', () => {
    expect(bucketKey(row('foto_3f2a'), '')).toBe('foto_3f2a.jpg');
    expect(bucketKey({ ...row('foto_3f2a'), ext: '.j?pg' }, 'media/')).toBe('media/foto_3f2a.jpg');
  });
});

describe('GET /api/hub/missing-media with media on disk', () => {
  let cms: TestCms;
  let gone: Upload;
  let kept: Upload;

  beforeAll(async () => {
    cms = await bootTestCms({ PREVIEW_URL: 'http://localhost:4323', PREVIEW_SECRET: 'geheim' });
    gone = await uploadOf(cms, await uploadImage(cms.strapi, 'Mensen wandelen.', 'wandeling.jpg'));
    kept = await uploadOf(cms, await uploadImage(cms.strapi, 'Een zaal vol mensen.', 'zaal.jpg'));
    await publishArticleWith(cms, gone.id, 'Wandelen in Malberg');
    await publishArticleWith(cms, kept.id, 'Koffie in de zaal');
  });

  afterAll(async () => {
    await cms?.stop();
  });

  it('answers the build token: nothing is missing while every file is there', async () => {
    const { status, body } = await request<Answer>(cms.url, ENDPOINT, { token: buildToken() });
    expect(status).toBe(200);
    expect(body).toEqual({ checked: true, missing: [] });
  });

  it('lists the URL of an upload whose file was deleted from disk, and only that one', async () => {
    const uploads = path.join(cms.workDir, 'public', 'uploads');
    fs.rmSync(path.join(uploads, `${gone.hash}${gone.ext}`));
    // Its formats (thumbnail_, small_, ...) are still there: the original is what counts.
    expect(fs.readdirSync(uploads).some((name) => name.endsWith(`${gone.hash}${gone.ext}`))).toBe(
      true,
    );

    const { status, body } = await request<Answer>(cms.url, ENDPOINT, { token: buildToken() });
    expect(status).toBe(200);
    expect(body).toEqual({ checked: true, missing: [gone.url] });
    expect(gone.url).toMatch(/^\/uploads\/wandeling_\w+\.jpg$/);
    expect(body.missing).not.toContain(kept.url);
  });

  it('answers the preview token too (a read-only token: the action is a find)', async () => {
    const key = fs
      .readFileSync(
        path.join(path.dirname(process.env.SITE_BUILD_TOKEN_FILE!), 'site-preview-token'),
        'utf8',
      )
      .trim();
    const { status, body } = await request<Answer>(cms.url, ENDPOINT, { token: key });
    expect(status).toBe(200);
    expect(body.missing).toEqual([gone.url]);
  });

  it('refuses anonymous callers and unknown tokens', async () => {
    const anonymous = await request(cms.url, ENDPOINT);
    expect([401, 403]).toContain(anonymous.status);
    expect(JSON.stringify(anonymous.body)).not.toContain('uploads');
    const unknown = await request(cms.url, ENDPOINT, { token: 'no-such-token' });
    expect(unknown.status).toBe(401);
  });
});

describe('GET /api/hub/missing-media with media in a bucket', () => {
  const BUCKET = 'hub-media';
  const S3_SETTINGS = [
    'S3_BUCKET',
    'S3_ENDPOINT',
    'S3_REGION',
    'S3_ACCESS_KEY_ID',
    'S3_SECRET_ACCESS_KEY',
    'S3_FORCE_PATH_STYLE',
  ];
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-missing-media-s3-'));
  let s3: LocalS3;
  let cms: TestCms;

  beforeAll(async () => {
    const { startLocalS3, localS3Env } = await localS3Module();
    s3 = await startLocalS3({ directory: path.join(workDir, 's3'), buckets: [BUCKET] });
    cms = await bootTestCms(localS3Env(s3, BUCKET));
  });

  afterAll(async () => {
    await cms?.stop();
    await s3?.close();
    // bootTestCms leaves its settings in process.env: later test files store media on disk again.
    for (const key of S3_SETTINGS) Reflect.deleteProperty(process.env, key);
    fs.rmSync(workDir, { recursive: true, force: true });
  });

  it('lists the URL of an upload whose object was deleted from the bucket', async () => {
    const gone = await uploadOf(
      cms,
      await uploadImage(cms.strapi, 'Mensen wandelen.', 'wandeling.jpg'),
    );
    const kept = await uploadOf(cms, await uploadImage(cms.strapi, 'Een zaal.', 'zaal.jpg'));
    await publishArticleWith(cms, gone.id, 'Wandelen in Malberg');
    expect(gone.url.startsWith(`${s3.endpoint}/${BUCKET}/`)).toBe(true);

    const before = await request<Answer>(cms.url, ENDPOINT, { token: buildToken() });
    expect(before.body).toEqual({ checked: true, missing: [] });

    const client = new S3Client({
      endpoint: s3.endpoint,
      region: s3.region,
      forcePathStyle: true,
      credentials: { accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey },
    });
    await client.send(new DeleteObjectCommand({ Bucket: BUCKET, Key: `${gone.hash}${gone.ext}` }));
    client.destroy();

    const after = await request<Answer>(cms.url, ENDPOINT, { token: buildToken() });
    expect(after.status).toBe(200);
    expect(after.body).toEqual({ checked: true, missing: [gone.url] });
    expect(after.body.missing).not.toContain(kept.url);
  });
});
