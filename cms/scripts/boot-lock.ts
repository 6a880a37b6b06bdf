/**
 * One CMS instance at a time through its load phase, across machines. Strapi's load creates
 * and alters tables (schema sync), and our bootstrap and Strapi's admin create what must exist
 * once: roles, API tokens, the webhook, taxonomies, demo content. Each checks "is it there?"
 * and then creates it, which two instances starting at the same moment on an empty database
 * would both do. A PostgreSQL advisory lock around the whole load makes the second instance
 * wait until the first has finished, and then find everything in place.
 */
import pg from 'pg';

/**
 * The advisory lock's key: a fixed number of our own (the first 8 bytes of
 * sha256("hub-cms-boot") as a signed 64-bit integer). Advisory locks are per database, so
 * CMSes on other databases of the same server never wait for each other.
 */
export const BOOT_LOCK_KEY = '-2175608551579195571';

/** How to reach PostgreSQL, as config/database.ts reads it; null for SQLite. */
export function bootLockConnection(env: NodeJS.ProcessEnv): pg.ClientConfig | null {
  if ((env.DATABASE_CLIENT || 'sqlite') !== 'postgres') return null;
  const ssl = env.DATABASE_SSL === 'true';
  const url = env.DATABASE_URL?.trim();
  if (url) return { connectionString: url, ssl };
  return {
    host: env.DATABASE_HOST || '127.0.0.1',
    port: Number(env.DATABASE_PORT || 5432),
    database: env.DATABASE_NAME || 'hub',
    user: env.DATABASE_USERNAME || 'postgres',
    password: env.DATABASE_PASSWORD || '',
    ssl,
  };
}

/** Where a connection goes, for messages (never the password). */
function describe(config: pg.ClientConfig): string {
  if (!config.connectionString) return `${config.host}:${config.port}/${config.database}`;
  const url = new URL(config.connectionString);
  return `${url.hostname}:${url.port || 5432}${url.pathname}`;
}

/** Takes the lock on its own connection, saying so when another instance holds it. */
async function takeLock(client: pg.Client, log: (line: string) => void): Promise<void> {
  const { rows } = await client.query<{ locked: boolean }>(
    'SELECT pg_try_advisory_lock($1::bigint) AS locked',
    [BOOT_LOCK_KEY],
  );
  if (rows[0]?.locked) return;
  log('Another CMS instance is starting; waiting…');
  await client.query('SELECT pg_advisory_lock($1::bigint)', [BOOT_LOCK_KEY]);
  log('The other CMS instance has started; starting this one.');
}

/**
 * Runs `load` (creating and loading Strapi) while holding the boot lock of the PostgreSQL
 * database in `env` (the DATABASE_* settings), and gives the lock back when it ends, also when
 * it throws. The lock lives on a connection of its own, held only for the load: if this process
 * dies while loading, PostgreSQL ends its session and so releases the lock. With SQLite it just
 * runs `load`: a SQLite database belongs to one CMS instance by design.
 */
export async function withBootLock<T>(
  env: NodeJS.ProcessEnv,
  load: () => Promise<T>,
  log: (line: string) => void = console.log,
): Promise<T> {
  const config = bootLockConnection(env);
  if (!config) return load();
  const client = new pg.Client(config);
  // A connection lost while loading must not crash the process: the lock is gone with it, and
  // Strapi's own connections report the database's trouble.
  client.on('error', (error) =>
    log(`The boot lock's database connection failed: ${error.message}`),
  );
  try {
    await client.connect();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`PostgreSQL is not reachable at ${describe(config)}: ${reason}`, {
      cause: error,
    });
  }
  try {
    await takeLock(client, log);
    return await load();
  } finally {
    // Ending the session gives the lock back; unlocking first says so at once.
    await client.query('SELECT pg_advisory_unlock($1::bigint)', [BOOT_LOCK_KEY]).catch(() => {});
    await client.end().catch(() => {});
  }
}
