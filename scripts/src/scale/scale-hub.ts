/**
 * The production topology on one machine (`npm run start:scale` and the scale tests): one
 * PostgreSQL database, an S3-compatible server with a media bucket and a site bucket, two CMS
 * instances behind a round-robin proxy, the publisher writing to the site bucket and a static
 * front that serves that bucket. Each part is a stand-in for what a hosting platform offers;
 * the README says what replaces it in production.
 */
import path from 'node:path';
import pg from 'pg';
import { localS3Env } from '../lib/local-s3';
import { cmsDir, scriptsDir } from '../lib/paths';
import { startTypeScript } from '../lib/processes';
import type { Service } from '../lib/supervisor';
import { waitForFirstBuild, waitForStatus } from '../lib/wait-for';

/** Names of the two buckets on the local S3 server. */
export const SCALE_BUCKETS = { media: 'hub-media', site: 'hub-site' } as const;

/** Where everything of one scale set-up listens and keeps its files. */
export interface ScaleLayout {
  /** PostgreSQL database of the CMS instances, e.g. postgres://postgres@127.0.0.1:5432/hub_scale */
  databaseUrl: string;
  /** The S3 server (see local-s3.ts) and its keys. */
  s3: { endpoint: string; accessKeyId: string; secretAccessKey: string; region: string };
  /** Ports of the CMS instances (each gets one); the proxy in front of them. */
  cmsPorts: readonly number[];
  proxyPort: number;
  publisherPort: number;
  sitePort: number;
  /** Folder for the publisher's releases and the CMS's token files. */
  workDir: string;
  /** Shared by the CMS webhook and the publisher. */
  publisherSecret: string;
  /** Where the CMS instances send their webhook; default: the publisher itself. */
  webhookUrl?: string;
  /** Extra environment of every CMS instance (tests: secrets, admin account, limits). */
  cmsEnv?: Record<string, string>;
}

/** The S3 settings every part reads (see shared/src/storage/s3-settings.ts). */
export function scaleS3Env(layout: ScaleLayout): Record<string, string> {
  return { ...localS3Env(layout.s3, SCALE_BUCKETS.media), PUBLISH_S3_BUCKET: SCALE_BUCKETS.site };
}

const proxyUrl = (layout: ScaleLayout) => `http://127.0.0.1:${layout.proxyPort}`;
const siteUrl = (layout: ScaleLayout) => `http://localhost:${layout.sitePort}`;
const publisherUrl = (layout: ScaleLayout) => `http://127.0.0.1:${layout.publisherPort}`;

/** One CMS instance; all of them share the database, the buckets and the token file. */
export function cmsInstance(layout: ScaleLayout, index: number): Service {
  const port = layout.cmsPorts[index];
  if (port === undefined) throw new Error(`There is no port for CMS instance ${index}.`);
  const name = `cms-${String.fromCharCode(97 + index)}`;
  return {
    name,
    readyMessage: `${name} ready on :${port}`,
    start: async () => {
      const child = startTypeScript('scripts/serve.ts', [], {
        cwd: cmsDir,
        prefix: name,
        env: {
          NODE_ENV: 'production',
          HOST: '127.0.0.1',
          PORT: String(port),
          // The address editors and the build use: the proxy, never one instance.
          PUBLIC_URL: proxyUrl(layout),
          IS_PROXIED: 'true',
          DATABASE_CLIENT: 'postgres',
          DATABASE_URL: layout.databaseUrl,
          ...scaleS3Env(layout),
          SITE_BUILD_TOKEN_FILE: path.join(layout.workDir, 'site-build-token'),
          SEED_DEMO_CONTENT: 'first-run',
          PUBLISHER_URL: layout.webhookUrl ?? publisherUrl(layout),
          PUBLISHER_SECRET: layout.publisherSecret,
          SITE_URL: siteUrl(layout),
          // The static front and the proxy pass requests on: their X-Forwarded-For is believed.
          SUBMISSION_TRUSTED_PROXIES: '127.0.0.1',
          ...layout.cmsEnv,
        },
      });
      return {
        child,
        // Long enough to wait for the instances that load before it (see boot-lock.ts).
        ready: waitForStatus(`http://127.0.0.1:${port}/_health`, 204, child, 10 * 60_000),
      };
    },
  };
}

/** The publisher, reading the CMS through the proxy and writing to the site bucket. */
export function scalePublisher(layout: ScaleLayout): Service {
  return {
    name: 'publisher',
    readyMessage: `Publisher ready: ${publisherUrl(layout)}/status`,
    start: async () => {
      const s3 = scaleS3Env(layout);
      const child = startTypeScript('src/publisher-cli.ts', [], {
        cwd: scriptsDir,
        prefix: 'publisher',
        env: {
          CMS_URL: proxyUrl(layout),
          SITE_BUILD_TOKEN_FILE: path.join(layout.workDir, 'site-build-token'),
          SITE_URL: siteUrl(layout),
          SITE_MEDIA_ORIGINS: new URL(`${layout.s3.endpoint}/${SCALE_BUCKETS.media}`).origin,
          PUBLISHER_PORT: String(layout.publisherPort),
          PUBLISHER_SECRET: layout.publisherSecret,
          PUBLISH_DIR: path.join(layout.workDir, 'publish'),
          ...s3,
        },
      });
      return {
        child,
        ready: waitForFirstBuild(`${publisherUrl(layout)}/status`, child, 10 * 60_000),
      };
    },
  };
}

/** The static front: serves the site bucket, passes form posts on to the CMS proxy. */
export function scaleFront(layout: ScaleLayout): Service {
  return {
    name: 'site',
    readyMessage: `Site ready: ${siteUrl(layout)}/  (served from the bucket ${SCALE_BUCKETS.site})`,
    start: async () => {
      const child = startTypeScript('src/static-front-cli.ts', [], {
        cwd: scriptsDir,
        prefix: 'site',
        env: {
          CMS_URL: proxyUrl(layout),
          SITE_PORT: String(layout.sitePort),
          ...scaleS3Env(layout),
        },
      });
      return {
        child,
        ready: waitForStatus(`http://127.0.0.1:${layout.sitePort}/`, 200, child, 60_000),
      };
    },
  };
}

/**
 * Creates the database when it is not there. `fresh`: drops it first (tests). Fails with one
 * line that says what to do when PostgreSQL cannot be reached.
 */
export async function ensureDatabase(
  serverUrl: string,
  name: string,
  options: { fresh?: boolean } = {},
): Promise<string> {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`Not a database name: ${name}`);
  const client = new pg.Client({ connectionString: serverUrl });
  try {
    await client.connect();
  } catch (error) {
    throw new Error(
      `PostgreSQL is not reachable at ${new URL(serverUrl).host} (${(error as Error).message}): ` +
        'start it (pg_ctlcluster --skip-systemctl-redirect <version> main start) or set ' +
        'SCALE_DATABASE_SERVER_URL.',
      { cause: error },
    );
  }
  try {
    if (options.fresh) await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Drops a database (tests clean up after themselves). */
export async function dropDatabase(serverUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  } finally {
    await client.end();
  }
}
