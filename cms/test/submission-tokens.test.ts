import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootTestCms, type TestCms } from './harness';
import { SUBMISSION_MARKS_TABLE } from '../src/hub/submissions/submission-marks';

const require = createRequire(import.meta.url);

/**
 * A used form token stays used when the CMS starts again on the same database: the table of
 * claimed tokens is ours, not Strapi's, and Strapi's schema sync must leave it alone. (Several
 * CMS instances on one PostgreSQL share it the same way.)
 */

/** A database that outlives one CMS: a SQLite file, or a PostgreSQL database of its own. */
interface LastingDatabase {
  env: Record<string, string>;
  drop: () => Promise<void>;
}

async function lastingDatabase(): Promise<LastingDatabase> {
  // Set by the harness when the suite runs on PostgreSQL (DATABASE_URL).
  const serverUrl = process.env.HUB_TEST_DATABASE_SERVER_URL;
  if (!serverUrl) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-marks-'));
    return {
      env: { DATABASE_FILENAME: path.join(dir, 'data.db') },
      drop: async () => fs.rmSync(dir, { recursive: true, force: true }),
    };
  }
  const { Client } = require('pg') as typeof import('pg');
  const name = `hub_test_marks_${process.pid}_${randomBytes(4).toString('hex')}`;
  const run = async (sql: string) => {
    const client = new Client({ connectionString: serverUrl });
    await client.connect();
    await client.query(sql);
    await client.end();
  };
  await run(`CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    env: { DATABASE_URL: url.toString() },
    drop: () => run(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

let database: LastingDatabase;
let cms: TestCms | undefined;

beforeAll(async () => {
  database = await lastingDatabase();
});
afterAll(async () => {
  await cms?.stop();
  await database?.drop();
});

const secret = () => randomBytes(24).toString('base64');
const submission = (formToken: string, title: string) => ({
  title,
  summary: 'Elke maandag samen de krant lezen.',
  activityType: 'anders',
  submitterName: 'Eva Voorbeeld',
  submitterEmail: 'eva@voorbeeld.nl',
  formToken,
});

async function post(body: unknown): Promise<{ status: number; text: string }> {
  const response = await fetch(`${cms!.url}/api/submissions/good-practices`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, text: await response.text() };
}

async function token(): Promise<string> {
  const response = await fetch(`${cms!.url}/api/submissions/token`);
  return ((await response.json()) as { token: string }).token;
}

describe('claimed form tokens', () => {
  it('stay claimed after the CMS starts again on the same database', async () => {
    // The same keys, so the second start accepts the first one's tokens (as instances do).
    const env = {
      ...database.env,
      APP_KEYS: `${secret()},${secret()}`,
      SUBMISSION_MIN_FILL_SECONDS: '0',
    };
    cms = await bootTestCms(env);
    const used = await token();
    const kept = await token();
    expect((await post(submission(used, 'Krant lezen (voorbeeld)'))).status).toBe(201);
    await cms.stop();
    cms = undefined;

    cms = await bootTestCms(env);
    expect(await cms.strapi.db.connection.schema.hasTable(SUBMISSION_MARKS_TABLE)).toBe(true);
    const again = await post(submission(used, 'Krant lezen, nog een keer (voorbeeld)'));
    expect(again.status).toBe(409);
    expect(again.text).toContain('Dit formulier is al verstuurd');
    // A token handed out before the restart but never used is still good.
    expect((await post(submission(kept, 'Krant lezen, ander token (voorbeeld)'))).status).toBe(201);
    const titles = (
      (await cms.strapi.documents('api::good-practice.good-practice').findMany({
        filters: { title: { $startsWith: 'Krant lezen' } },
      } as never)) as unknown as { title: string }[]
    ).map((practice) => practice.title);
    expect(titles.sort()).toEqual([
      'Krant lezen (voorbeeld)',
      'Krant lezen, ander token (voorbeeld)',
    ]);
  });
});
