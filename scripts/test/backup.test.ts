import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import type { Core, UID } from '@strapi/strapi';
import { afterAll, describe, expect, it } from 'vitest';
import { appDir as cmsDir, bootTestCms, type TestCms } from '../../cms/test/harness';
import { scriptsDir } from '../src/lib/paths';

const require = createRequire(import.meta.url);
let cms: TestCms | undefined;
const backupDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-backup-'));

afterAll(async () => {
  await cms?.stop();
  fs.rmSync(backupDir, { recursive: true, force: true });
});

/** Removes database ids (they may differ after a restore) and keeps everything else. */
function withoutIds(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutIds);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([key]) => key !== 'id')
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([key, inner]) => [key, withoutIds(inner)]),
    );
  }
  return value;
}

const sha = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

/** Counts and content hashes of everything a backup must carry: documents (both versions), relations, media. */
async function snapshot(strapi: Core.Strapi) {
  const result: Record<string, { count: number; hash: string }> = {};
  for (const uid of Object.keys(strapi.contentTypes).filter((key) =>
    key.startsWith('api::'),
  ) as UID.ContentType[]) {
    const versions = [];
    for (const status of ['draft', 'published'] as const) {
      const documents = (await strapi
        .documents(uid)
        .findMany({ status, populate: '*', limit: 10_000 } as never)) as { documentId: string }[];
      versions.push(
        ...documents.map((document) => ({ status, ...(withoutIds(document) as object) })),
      );
    }
    versions.sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
    result[uid] = { count: versions.length, hash: sha(JSON.stringify(versions)) };
  }
  const files = (await strapi.db.query('plugin::upload.file').findMany({})) as {
    name: string;
    url: string;
    hash: string;
    alternativeText: string;
  }[];
  const media = files
    .map((file) => ({
      name: file.name,
      url: file.url,
      alt: file.alternativeText,
      bytes: sha(fs.readFileSync(path.join(strapi.dirs.static.public, file.url))),
    }))
    .sort((a, b) => a.url.localeCompare(b.url));
  result.media = { count: media.length, hash: sha(JSON.stringify(media)) };
  return {
    result,
    files: files.map((file) => path.join(strapi.dirs.static.public, file.url)),
  };
}

function runScript(script: string, args: string[]) {
  const outcome = spawnSync(
    process.execPath,
    ['--import', 'tsx', path.join('src', script), ...args],
    {
      cwd: scriptsDir,
      env: process.env,
      encoding: 'utf8',
      timeout: 240_000,
    },
  );
  expect(
    outcome.status,
    `${script}: ${outcome.stdout.slice(-2000)}${outcome.stderr.slice(-2000)}`,
  ).toBe(0);
  return outcome.stdout;
}

describe('backup and restore', () => {
  it('round-trips all content, relations and media into an empty database', async () => {
    cms = await bootTestCms();
    const { seedDemoContent } = require(
      path.join(cmsDir, 'dist', 'src', 'hub', 'seed', 'seed-demo.js'),
    );
    await seedDemoContent(cms.strapi);
    // A draft and an edited draft of a published item must survive too.
    await cms.strapi.documents('api::article.article').create({
      data: {
        title: 'Alleen een concept',
        summary: 'Nog niet af.',
        body: [{ type: 'paragraph', children: [{ type: 'text', text: 'Concept.' }] }],
      },
    } as never);
    const before = await snapshot(cms.strapi);
    expect(before.result['api::article.article']!.count).toBeGreaterThan(24);
    expect(before.result.media!.count).toBeGreaterThan(0);

    runScript('backup.ts', ['--out', backupDir]);
    const [archive] = fs.readdirSync(backupDir);
    expect(archive).toMatch(/^hub-\d{8}-\d{6}\.tar\.gz$/);

    // Lose everything: the database (stop() drops it) and the uploaded files.
    await cms.stop();
    cms = undefined;
    for (const file of before.files) fs.rmSync(file, { force: true });

    cms = await bootTestCms();
    runScript('restore.ts', [path.join(backupDir, archive!)]);
    const after = await snapshot(cms.strapi);
    expect(after.result).toEqual(before.result);
  });
});
