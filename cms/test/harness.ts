import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import net, { type AddressInfo } from 'node:net';
import type { Core } from '@strapi/strapi';

const require = createRequire(import.meta.url);
export const appDir = path.resolve(import.meta.dirname, '..');
const distDir = path.join(appDir, 'dist');

/** A Strapi booted in-process on a database of its own, listening on a free port. */
export interface TestCms {
  strapi: Core.Strapi;
  /** Base URL, e.g. http://127.0.0.1:41234 */
  url: string;
  /** Folder for this test's files (SQLite database, token file). */
  workDir: string;
  /** Which database this run uses. */
  databaseClient: 'sqlite' | 'postgres';
  /** Stops Strapi and removes its database. */
  stop: () => Promise<void>;
}

const secret = () => randomBytes(24).toString('base64');

/** Fresh values for every secret a CMS needs; several instances given the same set trust each other. */
export function randomCmsSecrets(): Record<string, string> {
  return {
    APP_KEYS: `${secret()},${secret()}`,
    API_TOKEN_SALT: secret(),
    ADMIN_JWT_SECRET: secret(),
    TRANSFER_TOKEN_SALT: secret(),
    JWT_SECRET: secret(),
    ENCRYPTION_KEY: secret(),
  };
}

/** When DATABASE_URL is set, the suite runs on PostgreSQL, each test file in a throwaway database. */
async function createThrowawayPostgres(
  serverUrl: string,
): Promise<{ url: string; drop: () => Promise<void> }> {
  const { Client } = require('pg') as typeof import('pg');
  const name = `hub_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const client = new Client({ connectionString: serverUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

/**
 * `strapi.destroy()` calls `process.removeAllListeners()`, which also drops the listeners of
 * vitest's worker (its IPC channel) and Node's own bookkeeping that keeps that channel
 * referenced. Saves every listener of every event and returns a function that puts them back.
 */
function saveProcessListeners(): () => void {
  type Listener = (...args: unknown[]) => void;
  const saved = process
    .eventNames()
    .map((event) => [event, process.rawListeners(event as 'message') as Listener[]] as const);
  return () => {
    for (const [event, listeners] of saved) {
      const present = process.rawListeners(event as 'message');
      for (const listener of listeners)
        if (!present.includes(listener)) process.on(event as 'message', listener);
    }
    // Without Node's bookkeeping listeners the channel stays unreferenced and the worker
    // would exit as soon as its event loop runs dry.
    (process.channel as { ref?: () => void } | undefined)?.ref?.();
  };
}

// Remember the server URL before the harness points DATABASE_URL at a throwaway database, also
// for later test files that run in the same worker process.
const serverDatabaseUrl = process.env.HUB_TEST_DATABASE_SERVER_URL ?? process.env.DATABASE_URL;
if (serverDatabaseUrl) process.env.HUB_TEST_DATABASE_SERVER_URL = serverDatabaseUrl;

/**
 * Boots the compiled CMS (see global-setup.ts) on a fresh database: a temporary SQLite file,
 * or a throwaway PostgreSQL database when DATABASE_URL is set.
 */
export async function bootTestCms(
  extraEnv: Record<string, string> = {},
  options: { serveAdminPanel?: boolean } = {},
): Promise<TestCms> {
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-cms-test-'));
  fs.mkdirSync(path.join(workDir, 'public', 'uploads'), { recursive: true });
  const postgres = serverDatabaseUrl ? await createThrowawayPostgres(serverDatabaseUrl) : null;
  Object.assign(process.env, {
    ENV_PATH: path.join(appDir, 'test', 'no-such.env'),
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    PORT: '0',
    LOG_LEVEL: 'warn',
    STRAPI_TELEMETRY_DISABLED: 'true',
    ...randomCmsSecrets(),
    SITE_BUILD_TOKEN_FILE: path.join(workDir, 'site-build-token'),
    PUBLIC_DIR: path.join(workDir, 'public'),
    // The scheduled tasks would act on the real clock; tests call them with a clock of their own.
    CRON_ENABLED: 'false',
    ...(postgres
      ? { DATABASE_CLIENT: 'postgres', DATABASE_URL: postgres.url }
      : { DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: path.join(workDir, 'data.db') }),
    ...extraEnv,
  });
  for (const key of [
    'SITE_BUILD_TOKEN',
    'SITE_PREVIEW_TOKEN',
    'ADMIN_EMAIL',
    'ADMIN_PASSWORD',
    'SEED_DEMO_CONTENT',
  ]) {
    if (!(key in extraEnv)) Reflect.deleteProperty(process.env, key);
  }

  const { createStrapi } = require('@strapi/strapi') as typeof import('@strapi/strapi');
  const strapi = await createStrapi({
    appDir,
    distDir,
    autoReload: false,
    // The admin panel needs its build (scripts/src/lib/admin-build.ts); most tests use the API only.
    serveAdminPanel: options.serveAdminPanel ?? false,
  }).load();
  await strapi.listen();
  const { port } = strapi.server.httpServer.address() as AddressInfo;

  return {
    strapi,
    url: `http://127.0.0.1:${port}`,
    workDir,
    databaseClient: postgres ? 'postgres' : 'sqlite',
    stop: async () => {
      const restoreListeners = saveProcessListeners();
      await strapi.destroy();
      restoreListeners();
      await postgres?.drop();
      fs.rmSync(workDir, { recursive: true, force: true });
    },
  };
}

/**
 * The kernel's range for ports it hands out itself: to outgoing connections and to `listen(0)`.
 * Read from Linux; elsewhere Linux's default.
 */
function ephemeralPortRange(): { low: number; high: number } {
  try {
    const [low, high] = fs
      .readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8')
      .trim()
      .split(/\s+/)
      .map(Number);
    if (
      low !== undefined &&
      high !== undefined &&
      Number.isInteger(low) &&
      Number.isInteger(high)
    ) {
      return { low, high };
    }
  } catch {
    // Not Linux: fall through to the default.
  }
  return { low: 32768, high: 60999 };
}

/** Whether nothing listens on (or holds) this port on 127.0.0.1 right now. */
function isPortFree(port: number): Promise<boolean> {
  const probe = net.createServer();
  return new Promise((resolve) => {
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}

/**
 * A TCP port on 127.0.0.1 that was free a moment ago (to listen on later, or to find nothing at).
 * Drawn at random from below the kernel's ephemeral range: a port from `listen(0)` can be handed
 * to an outgoing connection while a test still builds what will listen on it (seen in CI as
 * EADDRINUSE after a two-minute site build); ports below that range are never handed out.
 */
export async function freePort(): Promise<number> {
  const { low } = ephemeralPortRange();
  const floor = 10_000;
  const ceiling = low > floor + 1_000 ? low : 30_000;
  for (let attempt = 0; attempt < 100; attempt += 1) {
    const port = floor + Math.floor(Math.random() * (ceiling - floor));
    if (await isPortFree(port)) return port;
  }
  throw new Error(`No free port found between ${floor} and ${ceiling} on 127.0.0.1.`);
}
