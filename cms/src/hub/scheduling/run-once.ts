import type { Core } from '@strapi/strapi';
import { SubmissionMarks } from '../submissions/submission-marks';

/** The scope of claimed ticks in the marks table (see submission-marks.ts). */
export const TASK_SCOPE = 'task';
/** The scope of the marks that say a task is running now, one per task. */
export const RUNNING_SCOPE = 'task-running';

/**
 * How long a run may hold its task before another instance may start it anyway: far longer
 * than any run takes (seconds), so only a holder that died without giving it back loses it.
 */
export const RUN_LEASE_MS = 15 * 60_000;

/**
 * How long a claimed tick is remembered. Far longer than instances' clocks can differ, so no
 * instance's late tick finds the claim gone; the hourly sweep deletes it after that.
 */
const KEEP_CLAIM_MS = 24 * 60 * 60_000;

/** What became of one tick on this instance. */
export type TickOutcome =
  /** This instance claimed the tick and the task finished. */
  | 'ran'
  /** Another instance (or an earlier tick here) had claimed it: nothing done. */
  | 'claimed-elsewhere'
  /** This instance claimed it and the task threw (logged). */
  | 'failed'
  /** The claim could not be made (database unreachable): skipped, logged. */
  | 'not-claimed'
  /** This instance claimed the tick, but an earlier run of the task still runs: skipped. */
  | 'still-running';

/**
 * The minute a tick stands for, as an ISO string: the clock at the tick rounded down to the
 * minute. Strapi's cron (croner) fires at second 0 and never before it (it checks the clock),
 * so rounding down names the tick's own minute even when it fires late, up to 59 s. Every
 * instance names its tick from its own clock, at its own second 0, so instances whose ticks lie
 * a few seconds apart name the same minute. We assume clocks in step within ~30 s (NTP): then
 * a moment's ticks all fall in the same real minute, and the task runs at about the planned
 * time whichever instance wins.
 */
export function tickMoment(now: number): string {
  return new Date(Math.floor(now / 60_000) * 60_000).toISOString();
}

/**
 * Runs scheduled tasks on one instance per tick. Every CMS instance has the same cron and
 * ticks at the same minutes; before it runs a task, each claims `<task>@<minute>` in the
 * database with one INSERT on a primary key, and only the instance whose INSERT took runs it.
 * A task that throws is logged and never escapes: a failed run must not stop the cron or the
 * process. A tick whose claim cannot be made is skipped rather than risk running twice.
 */
export class OncePerTick {
  constructor(
    private readonly strapi: Core.Strapi,
    private readonly now: () => number = Date.now,
    private readonly marks: SubmissionMarks = new SubmissionMarks(strapi, now),
  ) {}

  /** Claims this tick of `name` and, when this instance got it, runs `task` with the clock. */
  async run(name: string, task: (now: Date) => Promise<unknown>): Promise<TickOutcome> {
    const now = this.now();
    let claimed: boolean;
    try {
      claimed = await this.marks.claim(
        TASK_SCOPE,
        `${name}@${tickMoment(now)}`,
        now + KEEP_CLAIM_MS,
      );
    } catch (error) {
      this.strapi.log.error(
        `[hub] Scheduled task "${name}" skipped: its tick could not be claimed: ${messageOf(error)}`,
      );
      return 'not-claimed';
    }
    if (!claimed) return 'claimed-elsewhere';
    // A run that takes longer than a minute must not meet the next minute's run (on this
    // instance or another): both would find the same planned items and publish them twice.
    let leased: boolean;
    try {
      leased = await this.marks.claimUnlessHeld(RUNNING_SCOPE, name, now + RUN_LEASE_MS);
    } catch (error) {
      this.strapi.log.error(
        `[hub] Scheduled task "${name}" skipped: its run could not be registered: ${messageOf(error)}`,
      );
      return 'not-claimed';
    }
    if (!leased) {
      this.strapi.log.warn(`[hub] Scheduled task "${name}" still runs; this tick is skipped.`);
      return 'still-running';
    }
    try {
      // The real clock, not the rounded minute: a planned publication is never early.
      await task(new Date(now));
      return 'ran';
    } catch (error) {
      this.strapi.log.error(`[hub] Scheduled task "${name}" failed: ${messageOf(error)}`);
      return 'failed';
    } finally {
      await this.marks.release(RUNNING_SCOPE, name).catch((error: unknown) => {
        // Not given back: the lease runs out by itself after RUN_LEASE_MS.
        this.strapi.log.warn(
          `[hub] Scheduled task "${name}" could not be marked done: ${messageOf(error)}`,
        );
      });
    }
  }
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

const runners = new WeakMap<Core.Strapi, OncePerTick>();

/** The runner of the running CMS, made on first use (it keeps the marks table's state). */
function runnerOf(strapi: Core.Strapi): OncePerTick {
  let runner = runners.get(strapi);
  if (!runner) {
    runner = new OncePerTick(strapi);
    runners.set(strapi, runner);
  }
  return runner;
}

/**
 * A cron task (config/cron-tasks.ts) that runs `task` on one CMS instance per tick, however
 * many instances share the database. `name` names the claims; give each task its own.
 */
export function onceAcrossInstances(
  name: string,
  task: (strapi: Core.Strapi, now: Date) => Promise<unknown>,
): (context: { strapi: Core.Strapi }) => Promise<void> {
  return async ({ strapi }) => {
    await runnerOf(strapi).run(name, (now) => task(strapi, now));
  };
}
