import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootTestCms, type TestCms } from './harness';
import cronTasks from '../config/cron-tasks';
import { AddressBudget, budgetMark } from '../src/hub/submissions/address-budget';
import { MESSAGES } from '../src/hub/submissions/responses';
import { submissionSettings } from '../src/hub/submissions/settings';
import { SubmissionDesk } from '../src/hub/submissions/submission-desk';
import { SUBMISSION_MARKS_TABLE, SubmissionMarks } from '../src/hub/submissions/submission-marks';
import {
  OncePerTick,
  RUNNING_SCOPE,
  RUN_LEASE_MS,
  TASK_SCOPE,
  tickMoment,
} from '../src/hub/scheduling/run-once';
import { requestSiteRebuild } from '../src/hub/scheduling/site-rebuild';

/**
 * What several CMS instances on one database must agree on. One Strapi per process is
 * possible, so each "instance" here is its own set of objects (its own in-memory state) on the
 * same database: what they share is only what the database holds, as between processes.
 */
let cms: TestCms;

beforeAll(async () => {
  cms = await bootTestCms();
});
afterAll(async () => {
  await cms?.stop();
});

const minute = 60_000;
/** Stands in for the secret the desk derives from APP_KEYS. */
const SECRET = 'budget-test-secret';

/** The row of a mark, as the database holds it. */
async function markRow(scope: string, mark: string) {
  const row = (await cms.strapi.db
    .connection(SUBMISSION_MARKS_TABLE)
    .where({ scope, mark })
    .first('hits', 'expires_at')) as { hits: number | string } | undefined;
  return row ? { hits: Number(row.hits) } : undefined;
}

/** Runs `work` with Strapi's error log caught; returns what was logged there. */
async function loggedErrors(work: () => Promise<void>): Promise<string[]> {
  const errors: string[] = [];
  const log = cms.strapi.log;
  const original = log.error;
  log.error = ((message: string) => {
    errors.push(message);
    return log;
  }) as unknown as typeof log.error;
  try {
    await work();
  } finally {
    log.error = original;
  }
  return errors;
}

describe('the budgets per address, on two instances', () => {
  // A clock of the tests' own, in 1970: its sweeps never touch marks the real clock made.
  let now = 5_000_000;
  const clock = () => now;
  const limit = { max: 3, windowMs: 10 * minute };
  const instance = () =>
    new AddressBudget(new SubmissionMarks(cms.strapi, clock), 'test-budget', limit, SECRET, clock);

  it('meet the limit as if there were one, and a refused post grows nothing', async () => {
    const [a, b] = [instance(), instance()];
    const key = '192.0.2.10';
    expect([await a.take(key), await b.take(key), await a.take(key)]).toEqual([0, 0, 0]);
    expect(await b.take(key)).toBe(600);
    expect(await a.retryAfterSeconds(key)).toBe(600);
    expect(await b.retryAfterSeconds('192.0.2.11')).toBe(0);
    for (let n = 0; n < 40; n += 1) expect(await (n % 2 ? a : b).take(key)).toBeGreaterThan(0);
    expect(await markRow('test-budget', budgetMark(key, SECRET))).toEqual({ hits: limit.max + 1 });

    now += 4 * minute;
    expect(await b.take(key)).toBe(360);
    // The window ends 10 minutes after the first post: then the count starts again.
    now += 6 * minute;
    expect(await a.retryAfterSeconds(key)).toBe(0);
    expect(await b.take(key)).toBe(0);
    expect(await markRow('test-budget', budgetMark(key, SECRET))).toEqual({ hits: 1 });
  });

  it('count posts that arrive at the same moment on both, each exactly once', async () => {
    const [a, b] = [instance(), instance()];
    const key = '2001:db8:7:7::/64';
    const waits = await Promise.all(
      Array.from({ length: 12 }, (_, n) => (n % 2 ? a : b).take(key)),
    );
    expect(waits.filter((wait) => wait === 0)).toHaveLength(limit.max);
    expect(await markRow('test-budget', budgetMark(key, SECRET))).toEqual({ hits: limit.max + 1 });
  });

  it('store a keyed hash of the address, never the address itself', async () => {
    const key = '192.0.2.44';
    const long = `onbekend-${'x'.repeat(200)}`;
    expect(budgetMark(key, SECRET)).toMatch(/^[0-9a-f]{64}$/);
    expect(budgetMark(key, 'another secret')).not.toBe(budgetMark(key, SECRET));
    expect(await instance().take(key)).toBe(0);
    expect(await instance().take(long)).toBe(0);
    expect(await markRow('test-budget', budgetMark(key, SECRET))).toEqual({ hits: 1 });
    expect(await markRow('test-budget', budgetMark(long, SECRET))).toEqual({ hits: 1 });
    const marks = (await cms.strapi.db
      .connection(SUBMISSION_MARKS_TABLE)
      .where({ scope: 'test-budget' })
      .pluck('mark')) as string[];
    expect(marks.some((mark) => mark.includes('192.0.2'))).toBe(false);
  });
});

describe('the submission desks of two instances', () => {
  const settings = submissionSettings({
    SUBMISSION_MIN_FILL_SECONDS: '0',
    SUBMISSION_RATE_LIMIT: '2/10',
    SUBMISSION_ATTEMPT_LIMIT: '3/10',
  });
  // Instances share APP_KEYS, so they sign form tokens with the same secret.
  const secret = randomBytes(32).toString('hex');
  const desks = () => [
    new SubmissionDesk(cms.strapi, settings, secret),
    new SubmissionDesk(cms.strapi, settings, secret),
  ];
  const practice = (formToken: string, title: string) => ({
    title,
    summary: 'Elke dinsdag samen koken in de buurt.',
    activityType: 'anders',
    submitterName: 'Eva Voorbeeld',
    submitterEmail: 'eva@voorbeeld.nl',
    formToken,
  });

  it('count attempts against one budget', async () => {
    const [a, b] = desks() as [SubmissionDesk, SubmissionDesk];
    const address = '198.51.100.7';
    const waits = [
      await a.countAttempt(address),
      await b.countAttempt(address),
      await a.countAttempt(address),
    ];
    expect(waits).toEqual([0, 0, 0]);
    const refused = await b.countAttempt(address);
    expect(refused).toBeGreaterThan(590);
    expect(refused).toBeLessThanOrEqual(600);
  });

  it('refuse a form token through one that was used through the other, and share the limit', async () => {
    const [a, b] = desks() as [SubmissionDesk, SubmissionDesk];
    const address = '198.51.100.8';
    const first = a.tokens.issue();
    expect(await a.receive('good-practice', practice(first, 'Samen koken (A)'), address)).toEqual({
      status: 201,
      message: MESSAGES.thanks,
    });
    expect(await b.receive('good-practice', practice(first, 'Samen koken (B)'), address)).toEqual({
      status: 409,
      errors: [],
      tokenProblem: 'used',
      reason: 'token-used',
    });
    expect(
      (await b.receive('good-practice', practice(b.tokens.issue(), 'Samen eten (B)'), address))
        .status,
    ).toBe(201);
    // The limit is 2 per 10 minutes: the third, on either instance, waits.
    const third = await a.receive(
      'good-practice',
      practice(a.tokens.issue(), 'Nog een keer koken (A)'),
      address,
    );
    expect(third).toMatchObject({
      status: 429,
      errors: [{ field: '', message: MESSAGES.tooMany(10) }],
    });
    expect(third.retryAfter).toBeGreaterThan(590);
    const stored = (await cms.strapi.documents('api::good-practice.good-practice').findMany({
      filters: { title: { $startsWith: 'Samen' } },
    } as never)) as unknown as { title: string }[];
    expect(stored.map((practice) => practice.title).sort()).toEqual([
      'Samen eten (B)',
      'Samen koken (A)',
    ]);
  });
});

describe('scheduled tasks on two instances', () => {
  // Noon on a day of the tests' own; each test moves on to minutes of its own.
  const noon = Date.UTC(1990, 4, 4, 12, 0, 0);
  /** Two instances whose clocks read `at` plus their own offset (ms). */
  const instances = (at: number, offsets: [number, number] = [0, 0]) =>
    offsets.map((offset) => {
      const clock = () => at + offset;
      return new OncePerTick(cms.strapi, clock, new SubmissionMarks(cms.strapi, clock));
    }) as [OncePerTick, OncePerTick];

  it('name a tick by its minute, however late in that minute it fires', () => {
    expect(tickMoment(noon)).toBe('1990-05-04T12:00:00.000Z');
    expect(tickMoment(noon + 2_000)).toBe('1990-05-04T12:00:00.000Z');
    expect(tickMoment(noon + minute - 1)).toBe('1990-05-04T12:00:00.000Z');
    expect(tickMoment(noon + minute)).toBe('1990-05-04T12:01:00.000Z');
  });

  it('run a tick on one instance, also when their ticks are 2 s apart', async () => {
    const runs: string[] = [];
    const [a, b] = instances(noon, [50, 2_000]);
    const task = (who: string) => async () => void runs.push(who);
    expect(await a.run('demo', task('A'))).toBe('ran');
    expect(await b.run('demo', task('B'))).toBe('claimed-elsewhere');
    const [late] = instances(noon + minute - 1);
    expect(await late.run('demo', task('late'))).toBe('claimed-elsewhere');
    expect(runs).toEqual(['A']);
    expect(await markRow(TASK_SCOPE, 'demo@1990-05-04T12:00:00.000Z')).toEqual({ hits: 1 });
  });

  it('run a tick once when both claim it at the very same moment', async () => {
    let runs = 0;
    const [a, b] = instances(noon + 5 * minute);
    const task = async () => void (runs += 1);
    const outcomes = await Promise.all([a.run('demo', task), b.run('demo', task)]);
    expect(outcomes.sort()).toEqual(['claimed-elsewhere', 'ran']);
    expect(runs).toBe(1);
  });

  it('run again the next minute, and each task claims ticks of its own', async () => {
    const runs: string[] = [];
    const [a] = instances(noon + 10 * minute);
    const [, b] = instances(noon + 11 * minute, [0, 1_500]);
    const task = (what: string) => async () => void runs.push(what);
    expect(await a.run('demo', task('demo 12:10'))).toBe('ran');
    expect(await a.run('other', task('other 12:10'))).toBe('ran');
    expect(await b.run('demo', task('demo 12:11'))).toBe('ran');
    expect(runs).toEqual(['demo 12:10', 'other 12:10', 'demo 12:11']);
  });

  it('skip the next minute while a run still goes on, and take over a dead holder’s run', async () => {
    const [a] = instances(noon + 30 * minute);
    const [b] = instances(noon + 31 * minute, [1_000, 0]);
    let finish: () => void = () => undefined;
    const slow = a.run('slow', () => new Promise<void>((resolve) => (finish = resolve)));
    await new Promise((resolve) => setTimeout(resolve, 50));
    let second = 0;
    expect(await b.run('slow', async () => void (second += 1))).toBe('still-running');
    finish();
    expect(await slow).toBe('ran');
    const [c] = instances(noon + 32 * minute);
    expect(await c.run('slow', async () => void (second += 1))).toBe('ran');
    expect(second).toBe(1);

    // A holder that died leaves its mark; once its lease has run out, the task runs again.
    const dead = noon + 40 * minute;
    await new SubmissionMarks(cms.strapi, () => dead).claim(
      RUNNING_SCOPE,
      'orphaned',
      dead + RUN_LEASE_MS,
    );
    const [soon] = instances(dead + minute);
    expect(await soon.run('orphaned', async () => undefined)).toBe('still-running');
    const [later] = instances(dead + RUN_LEASE_MS);
    expect(await later.run('orphaned', async () => undefined)).toBe('ran');
  });

  it('log a task that throws, never throw themselves, and run the next tick', async () => {
    const [a] = instances(noon + 20 * minute);
    const failing = async () => {
      throw new Error('De publisher is weg');
    };
    const errors = await loggedErrors(async () => {
      expect(await a.run('fragile', failing)).toBe('failed');
    });
    expect(errors).toEqual(['[hub] Scheduled task "fragile" failed: De publisher is weg']);
    const [next] = instances(noon + 21 * minute);
    expect(await next.run('fragile', async () => 'fine')).toBe('ran');
  });

  it('skip a tick, logged, when it cannot be claimed, rather than risk running it twice', async () => {
    const unreachable = {
      claim: async () => {
        throw new Error('connection refused');
      },
    } as unknown as SubmissionMarks;
    let ran = false;
    const errors = await loggedErrors(async () => {
      const runner = new OncePerTick(cms.strapi, () => noon + 30 * minute, unreachable);
      expect(await runner.run('demo', async () => void (ran = true))).toBe('not-claimed');
    });
    expect(ran).toBe(false);
    expect(errors).toEqual([
      '[hub] Scheduled task "demo" skipped: its tick could not be claimed: connection refused',
    ]);
  });

  it('ask the publisher for one rebuild an hour, however many instances tick', async () => {
    let builds = 0;
    const publisher = http.createServer((request, response) => {
      if (request.url === '/build') builds += 1;
      response.writeHead(202).end('{}');
    });
    await new Promise<void>((resolve) => publisher.listen(0, '127.0.0.1', resolve));
    const env = {
      PUBLISHER_URL: `http://127.0.0.1:${(publisher.address() as AddressInfo).port}`,
      PUBLISHER_SECRET: 'geheim',
    };
    try {
      const [a, b] = instances(noon + 61 * minute, [120, 1_800]);
      const rebuild = () => requestSiteRebuild(cms.strapi, env);
      await Promise.all([a.run('hourlyRebuild', rebuild), b.run('hourlyRebuild', rebuild)]);
      expect(builds).toBe(1);
    } finally {
      await new Promise<void>((resolve) => publisher.close(() => resolve()));
    }
  });

  it('are what the CMS’s cron runs: each configured task claims its tick first', async () => {
    const before = Date.now();
    await cronTasks.hourlyRebuild.task({ strapi: cms.strapi });
    const after = Date.now();
    const claimed = (await cms.strapi.db
      .connection(SUBMISSION_MARKS_TABLE)
      .where({ scope: TASK_SCOPE })
      .whereLike('mark', 'hourlyRebuild@%')
      .pluck('mark')) as string[];
    expect(claimed.filter((mark) => !mark.startsWith('hourlyRebuild@1990'))).toContainEqual(
      expect.toSatisfy((mark: string) =>
        [before, after].some((moment) => mark === `hourlyRebuild@${tickMoment(moment)}`),
      ),
    );
  });
});
