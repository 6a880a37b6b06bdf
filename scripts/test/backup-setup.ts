/**
 * What the backup tests share: a seeded CMS, a snapshot of everything a backup must carry, and
 * running the backup and restore scripts the way an operator does.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { createRequire } from 'node:module';
import type { Core, UID } from '@strapi/strapi';
import { expect } from 'vitest';
import { appDir as cmsDir, bootTestCms, type TestCms } from '../../cms/test/harness';
import { scriptsDir } from '../src/lib/paths';

const require = createRequire(import.meta.url);

/** Removes database ids (they may differ after a restore) and keeps everything else. */
export function withoutIds(value: unknown): unknown {
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

export const sha = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

/** An uploaded file as the upload plugin stores it. */
export interface UploadedFile {
  name: string;
  url: string;
  hash: string;
  alternativeText: string;
  formats: Record<string, { url: string }> | null;
}

/**
 * Counts and content hashes of everything a backup must carry: documents (both versions),
 * relations, media (their bytes read with `readMedia`, from disk or from a bucket).
 */
export async function snapshot(
  strapi: Core.Strapi,
  readMedia: (file: UploadedFile) => Buffer | Promise<Buffer>,
) {
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
  const files = (await strapi.db.query('plugin::upload.file').findMany({})) as UploadedFile[];
  const media = [];
  for (const file of files) {
    media.push({
      name: file.name,
      url: file.url,
      alt: file.alternativeText,
      bytes: sha(await readMedia(file)),
    });
  }
  media.sort((a, b) => a.url.localeCompare(b.url));
  result.media = { count: media.length, hash: sha(JSON.stringify(media)) };
  return { result, files };
}

/** Runs a script of scripts/src as `npm run backup` or `npm run restore` does; returns its output. */
export function runScript(script: string, args: string[], env: NodeJS.ProcessEnv = process.env) {
  const outcome = spawnSync(
    process.execPath,
    ['--import', 'tsx', path.join('src', script), ...args],
    {
      cwd: scriptsDir,
      env,
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

/**
 * Runs a script like runScript, without blocking this process: needed when the script talks to
 * a server in this process (the local S3), which a synchronous child would starve.
 */
export async function runScriptAsync(
  script: string,
  args: string[],
  env: NodeJS.ProcessEnv = process.env,
): Promise<string> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join('src', script), ...args], {
    cwd: scriptsDir,
    env,
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const timer = setTimeout(() => child.kill('SIGKILL'), 240_000);
  const status = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  clearTimeout(timer);
  expect(status, `${script}: ${stdout.slice(-2000)}${stderr.slice(-2000)}`).toBe(0);
  return stdout;
}

/** A CMS with the demo content and a draft, on a fresh database. */
export async function seededCms(extraEnv: Record<string, string> = {}): Promise<TestCms> {
  const booted = await bootTestCms(extraEnv);
  const { seedDemoContent } = require(
    path.join(cmsDir, 'dist', 'src', 'hub', 'seed', 'seed-demo.js'),
  );
  await seedDemoContent(booted.strapi);
  // A draft and an edited draft of a published item must survive too.
  await booted.strapi.documents('api::article.article').create({
    data: {
      title: 'Alleen een concept',
      summary: 'Nog niet af.',
      body: [{ type: 'paragraph', children: [{ type: 'text', text: 'Concept.' }] }],
    },
  } as never);
  return booted;
}
