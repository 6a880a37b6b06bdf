import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BOOT_LOCK_KEY, bootLockConnection, withBootLock } from '../scripts/boot-lock';
import { freePort } from './harness';

/**
 * The boot lock against a real PostgreSQL: the local server (127.0.0.1:5432, user postgres,
 * trust), which this machine and CI always run, whether the rest of the suite runs on SQLite
 * or PostgreSQL. Each test file run gets throwaway databases of its own.
 */
const SERVER = 'postgres://postgres@127.0.0.1:5432/postgres';

async function onServer<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: SERVER });
  try {
    await client.connect();
  } catch {
    throw new Error(
      'PostgreSQL is not reachable at 127.0.0.1:5432: start it (pg_ctlcluster 15 main start, as .ci/run does).',
    );
  }
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

const databases: string[] = [];

/** A throwaway database; the env a CMS on it would have. */
async function throwawayDatabase(): Promise<NodeJS.ProcessEnv> {
  const name = `hub_test_boot_${process.pid}_${randomBytes(4).toString('hex')}`;
  await onServer((client) => client.query(`CREATE DATABASE ${name}`));
  databases.push(name);
  return {
    DATABASE_CLIENT: 'postgres',
    DATABASE_URL: `postgres://postgres@127.0.0.1:5432/${name}`,
  };
}

let env: NodeJS.ProcessEnv;
beforeAll(async () => {
  env = await throwawayDatabase();
});
afterAll(async () => {
  await onServer(async (client) => {
    for (const name of databases)
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  });
});

/** A promise with its resolve function, to hold a load open as long as a test wants. */
function gate(): { opened: Promise<void>; open: () => void } {
  let open = () => {};
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

/** Resolves once `condition` holds (checked every 20 ms), or fails after 10 s. */
async function until(condition: () => boolean): Promise<void> {
  for (let waited = 0; !condition(); waited += 20) {
    if (waited > 10_000) throw new Error('Waited 10 s in vain.');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('bootLockConnection', () => {
  it('reads the DATABASE_* settings as config/database.ts does, and nothing for SQLite', () => {
    expect(bootLockConnection({})).toBeNull();
    expect(bootLockConnection({ DATABASE_CLIENT: 'sqlite', DATABASE_URL: SERVER })).toBeNull();
    expect(
      bootLockConnection({
        DATABASE_CLIENT: 'postgres',
        DATABASE_URL: SERVER,
        DATABASE_SSL: 'true',
      }),
    ).toEqual({ connectionString: SERVER, ssl: true });
    expect(
      bootLockConnection({
        DATABASE_CLIENT: 'postgres',
        DATABASE_URL: '',
        DATABASE_HOST: 'db.example.nl',
        DATABASE_PORT: '6543',
        DATABASE_NAME: 'nieuws',
        DATABASE_USERNAME: 'cms',
        DATABASE_PASSWORD: 'geheim',
      }),
    ).toEqual({
      host: 'db.example.nl',
      port: 6543,
      database: 'nieuws',
      user: 'cms',
      password: 'geheim',
      ssl: false,
    });
    expect(bootLockConnection({ DATABASE_CLIENT: 'postgres' })).toMatchObject({
      host: '127.0.0.1',
      port: 5432,
      database: 'hub',
      user: 'postgres',
    });
  });
});

describe('withBootLock', () => {
  it('lets two instances that start at once load one after the other', async () => {
    const events: string[] = [];
    const lines: string[] = [];
    const first = gate();
    const a = withBootLock(env, async () => {
      events.push('A loads');
      await first.opened;
      events.push('A loaded');
      return 'A';
    });
    await until(() => events.includes('A loads'));
    const b = withBootLock(
      env,
      async () => {
        events.push('B loads');
        return 'B';
      },
      (line) => lines.push(line),
    );
    await until(() => lines.length > 0);
    expect(lines[0]).toBe('Another CMS instance is starting; waiting…');
    // B waits as long as A loads, however long that takes.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(events).toEqual(['A loads']);
    first.open();
    expect(await Promise.all([a, b])).toEqual(['A', 'B']);
    expect(events).toEqual(['A loads', 'A loaded', 'B loads']);
  });

  it('gives the lock back when a load fails, and passes the failure on', async () => {
    const failing = withBootLock(env, async () => {
      throw new Error('Schema sync failed');
    });
    await expect(failing).rejects.toThrow('Schema sync failed');
    const lines: string[] = [];
    expect(
      await withBootLock(
        env,
        async () => 'next',
        (line) => lines.push(line),
      ),
    ).toBe('next');
    expect(lines).toEqual([]);
  });

  it('goes on when the instance holding the lock dies', async () => {
    const holder = new pg.Client({ connectionString: env.DATABASE_URL });
    holder.on('error', () => {});
    await holder.connect();
    await holder.query('SELECT pg_advisory_lock($1::bigint)', [BOOT_LOCK_KEY]);
    const lines: string[] = [];
    let loaded = false;
    const waiting = withBootLock(
      env,
      async () => {
        loaded = true;
      },
      (line) => lines.push(line),
    );
    await until(() => lines.length > 0);
    expect(loaded).toBe(false);
    // The holder's process is gone: PostgreSQL ends its session, and with it the lock.
    const { rows } = await holder.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
    await onServer((client) => client.query('SELECT pg_terminate_backend($1)', [rows[0]!.pid]));
    await waiting;
    expect(loaded).toBe(true);
    await holder.end().catch(() => {});
  });

  it('does not hold up a CMS on another database of the same server', async () => {
    const holder = new pg.Client({ connectionString: env.DATABASE_URL });
    await holder.connect();
    await holder.query('SELECT pg_advisory_lock($1::bigint)', [BOOT_LOCK_KEY]);
    try {
      const lines: string[] = [];
      const other = await throwawayDatabase();
      expect(
        await withBootLock(
          other,
          async () => 'at once',
          (line) => lines.push(line),
        ),
      ).toBe('at once');
      expect(lines).toEqual([]);
    } finally {
      await holder.end();
    }
  });

  it('says where PostgreSQL could not be reached, and does not load', async () => {
    const port = await freePort();
    let loaded = false;
    const attempt = withBootLock(
      { DATABASE_CLIENT: 'postgres', DATABASE_URL: `postgres://postgres@127.0.0.1:${port}/hub` },
      async () => {
        loaded = true;
      },
    );
    await expect(attempt).rejects.toThrow(`PostgreSQL is not reachable at 127.0.0.1:${port}/hub`);
    expect(loaded).toBe(false);
  });

  it('takes no lock with SQLite, which one instance owns', async () => {
    // A PostgreSQL URL that leads nowhere: a connection attempt would fail this test.
    const port = await freePort();
    const sqlite = { DATABASE_CLIENT: 'sqlite', DATABASE_URL: `postgres://127.0.0.1:${port}/x` };
    expect(await withBootLock(sqlite, async () => 'loaded')).toBe('loaded');
  });
});
