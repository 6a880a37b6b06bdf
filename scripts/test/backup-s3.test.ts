import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { GetObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import type { Core } from '@strapi/strapi';
import { afterAll, describe, expect, it } from 'vitest';
import { bootTestCms, type TestCms } from '../../cms/test/harness';
import { localS3Env, startLocalS3, type LocalS3 } from '../src/lib/local-s3';
import { runScriptAsync, seededCms, sha, snapshot, type UploadedFile } from './backup-setup';

const BUCKET = 'hub-media';
const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-backup-s3-'));
let s3: LocalS3 | undefined;
let cms: TestCms | undefined;

afterAll(async () => {
  await cms?.stop();
  await s3?.close();
  // bootTestCms leaves its settings in process.env: later test files store media on disk again.
  for (const key of Object.keys(localS3Env({} as LocalS3, BUCKET)))
    Reflect.deleteProperty(process.env, key);
  fs.rmSync(workDir, { recursive: true, force: true });
});

/** Runs `use` with a client of the local S3 (to look into the bucket behind Strapi's back). */
async function withBucketClient<T>(server: LocalS3, use: (client: S3Client) => Promise<T>) {
  const client = new S3Client({
    endpoint: server.endpoint,
    region: server.region,
    forcePathStyle: true,
    credentials: { accessKeyId: server.accessKeyId, secretAccessKey: server.secretAccessKey },
  });
  try {
    return await use(client);
  } finally {
    client.destroy();
  }
}

/** The bytes of the object with this key, read with the S3 API (not through a public URL). */
function objectBytes(server: LocalS3, key: string): Promise<Buffer> {
  return withBucketClient(server, async (client) => {
    const object = await client.send(new GetObjectCommand({ Bucket: BUCKET, Key: key }));
    return Buffer.from(await object.Body!.transformToByteArray());
  });
}

function objectKeys(server: LocalS3): Promise<string[]> {
  return withBucketClient(server, async (client) => {
    const listing = await client.send(new ListObjectsV2Command({ Bucket: BUCKET }));
    return (listing.Contents ?? []).map((object) => object.Key!).sort();
  });
}

/** Uploads a file through Strapi's upload service, as the media library does. */
async function uploadFile(strapi: Core.Strapi, name: string, bytes: Buffer): Promise<UploadedFile> {
  const filepath = path.join(workDir, name);
  fs.writeFileSync(filepath, bytes);
  const [uploaded] = await strapi
    .plugin('upload')
    .service('upload')
    .upload({
      data: { fileInfo: { name, alternativeText: null, caption: '' } },
      files: {
        filepath,
        originalFilename: name,
        mimetype: 'application/octet-stream',
        size: bytes.length,
      },
    });
  return uploaded as UploadedFile;
}

/** Every URL of a file: the original and each responsive format. */
const urlsOf = (file: UploadedFile) => [
  file.url,
  ...Object.values(file.formats ?? {}).map((format) => format.url),
];

/** The object key of a media URL on the local S3 (path style: <endpoint>/<bucket>/<key>). */
function keyOf(server: LocalS3, url: string): string {
  const prefix = `${server.endpoint}/${BUCKET}/`;
  expect(url.startsWith(prefix), `${url} is not in the bucket ${prefix}`).toBe(true);
  return url.slice(prefix.length);
}

/** Everything a backup must carry, with the media read from the bucket by their public URL. */
async function bucketSnapshot(strapi: Core.Strapi) {
  const { result, files } = await snapshot(strapi, async (file) => {
    const response = await fetch(file.url);
    expect(response.status, file.url).toBe(200);
    return Buffer.from(await response.arrayBuffer());
  });
  // The bytes of every format too, by key: what must be in the bucket after a restore.
  const objects: Record<string, string> = {};
  for (const url of files.flatMap(urlsOf)) {
    objects[keyOf(s3!, url)] = sha(Buffer.from(await (await fetch(url)).arrayBuffer()));
  }
  return { result, objects };
}

describe('backup and restore with media on S3-compatible storage', () => {
  it('stores uploads in the bucket, byte for byte, and lets the admin show them', async () => {
    s3 = await startLocalS3({ directory: path.join(workDir, 's3-before'), buckets: [BUCKET] });
    cms = await seededCms(localS3Env(s3, BUCKET));
    const files = (await cms.strapi.db
      .query('plugin::upload.file')
      .findMany({})) as (UploadedFile & {
      provider: string;
    })[];
    expect(files.length).toBeGreaterThan(0);
    expect(files.every((file) => file.provider === 'aws-s3')).toBe(true);
    // A file Strapi stores as it is (images it may re-encode), larger than one part of a
    // multipart upload: the bucket holds exactly its bytes.
    const bytes = randomBytes(6 * 1024 * 1024 + 123);
    const uploaded = await uploadFile(cms.strapi, 'meetgegevens.bin', bytes);
    expect(sha(await objectBytes(s3, keyOf(s3, uploaded.url)))).toBe(sha(bytes));
    // Deleting in the media library deletes the object too.
    const doomed = await uploadFile(cms.strapi, 'weg.bin', randomBytes(1000));
    expect(await objectKeys(s3)).toContain(keyOf(s3, doomed.url));
    await cms.strapi.plugin('upload').service('upload').remove(doomed);
    expect(await objectKeys(s3)).not.toContain(keyOf(s3, doomed.url));
    // Nothing on local disk.
    expect(fs.readdirSync(path.join(cms.strapi.dirs.static.public, 'uploads'))).toEqual([]);
    // Every format is in the bucket and readable without signature, as the site build reads it.
    const keys = await objectKeys(s3);
    for (const url of files.flatMap(urlsOf)) {
      expect(keys).toContain(keyOf(s3, url));
      expect((await fetch(url)).status, url).toBe(200);
    }
    // The media library shows them from the bucket's origin: the admin's CSP allows it.
    const policy = (await fetch(`${cms.url}/_health`)).headers.get('content-security-policy');
    for (const directive of ['img-src', 'media-src']) {
      expect(policy).toMatch(
        new RegExp(`${directive} 'self' data: blob:[^;]* ${s3.endpoint.replace(/\./g, '\\.')}`),
      );
    }
    expect(policy).toMatch(/img-src [^;]*https:\/\/market-assets\.strapi\.io/);
  });

  it('backs the media up from the bucket and restores them into an empty one', async () => {
    const before = await bucketSnapshot(cms!.strapi);
    expect(before.result.media!.count).toBeGreaterThan(0);
    expect(Object.keys(before.objects).length).toBeGreaterThan(before.result.media!.count);

    const folder = path.join(workDir, 'backups');
    await runScriptAsync('backup.ts', ['--out', folder]);
    const [archive] = fs.readdirSync(folder);
    expect(archive).toMatch(/^hub-\d{8}-\d{6}\.tar\.gz$/);

    // The database and the bucket are lost: an empty database, and an empty bucket at the same
    // address (a new storage folder behind the same endpoint).
    const { port } = new URL(s3!.endpoint);
    await cms!.stop();
    cms = undefined;
    await s3!.close();
    s3 = await startLocalS3({
      directory: path.join(workDir, 's3-after'),
      buckets: [BUCKET],
      port: Number(port),
    });
    expect(await objectKeys(s3)).toEqual([]);
    cms = await bootTestCms(localS3Env(s3, BUCKET));

    await runScriptAsync('restore.ts', [path.join(folder, archive!)]);
    const after = await bucketSnapshot(cms.strapi);
    expect(after.result).toEqual(before.result);
    expect(after.objects).toEqual(before.objects);
    // Read back with the S3 API as well: the bytes are in the new bucket itself.
    expect(await objectKeys(s3)).toEqual(Object.keys(before.objects).sort());
    for (const [key, hash] of Object.entries(before.objects)) {
      expect(sha(await objectBytes(s3, key)), key).toBe(hash);
    }
  });
});
