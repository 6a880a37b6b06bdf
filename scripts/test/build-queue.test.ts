import { describe, expect, it } from 'vitest';
import { BuildQueue } from '../src/publisher/build-queue';

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A queue whose builds take `buildMs` and note what they saw: the content version when they
 * started, when they started and ended (performance.now) and the first notice's time.
 */
function countingQueue(buildMs: number, debounceMs?: number, now?: () => number) {
  const builds: { version: number; startedAt: number; endedAt: number; firstNoticeAt: number }[] =
    [];
  let started = 0;
  let version = 0;
  const queue = new BuildQueue(
    async (firstNoticeAt) => {
      started += 1;
      const seen = version;
      const startedAt = performance.now();
      await wait(buildMs);
      builds.push({ version: seen, startedAt, endedAt: performance.now(), firstNoticeAt });
    },
    debounceMs,
    now,
  );
  return {
    queue,
    builds,
    started: () => started,
    change: () => {
      version += 1;
      queue.notify();
    },
    latest: () => version,
  };
}

describe('BuildQueue, by default (no quiet time)', () => {
  it('starts a build at the first notice, without waiting', () => {
    const run = countingQueue(50);
    run.change();
    // Started within notify() itself, not after a timer.
    expect(run.started()).toBe(1);
    expect(run.queue.busy).toBe(true);
    expect(run.queue.pending).toBe(false);
    return run.queue.idle();
  });

  it('folds 5 notices during a build into exactly 1 follow-up, started as the first ends', async () => {
    const run = countingQueue(100);
    run.change();
    await wait(30); // the build is running now
    for (let i = 0; i < 5; i += 1) run.change();
    expect(run.queue.queued).toBe(true);
    expect(run.queue.pending).toBe(true);
    await run.queue.idle();
    expect(run.builds).toHaveLength(2);
    // The follow-up saw every change, and did not wait for quiet after the first build.
    expect(run.builds[1]!.version).toBe(run.latest());
    expect(run.builds[1]!.startedAt - run.builds[0]!.endedAt).toBeLessThan(25);
    expect(run.queue.busy).toBe(false);
  });

  it('turns a burst into the first build plus one follow-up, losing none', async () => {
    const run = countingQueue(30);
    for (let i = 0; i < 20; i += 1) run.change();
    await run.queue.idle();
    expect(run.builds).toHaveLength(2);
    expect(run.builds.at(-1)!.version).toBe(run.latest());
  });

  it('hands each build the time of the first notice that led to it', async () => {
    let clock = 1000;
    const run = countingQueue(60, 0, () => clock);
    run.change();
    await wait(10);
    clock = 2000;
    run.change(); // during the build: the follow-up's first notice
    clock = 2500;
    run.change();
    clock = 9000; // the follow-up starts later than its notices
    await run.queue.idle();
    // Publish-to-live counts from the first notice: from 1000 and from 2000, not from 9000.
    expect(run.builds.map((build) => build.firstNoticeAt)).toEqual([1000, 2000]);
  });

  it('idle() waits for the follow-up too', async () => {
    const run = countingQueue(40);
    run.change();
    await wait(10);
    run.change();
    await run.queue.idle();
    expect(run.builds).toHaveLength(2);
  });

  it('keeps going after a failing build', async () => {
    let calls = 0;
    const queue = new BuildQueue(async () => {
      calls += 1;
      if (calls === 1) throw new Error('CMS down');
    });
    queue.notify();
    await queue.idle();
    queue.notify();
    await queue.idle();
    expect(calls).toBe(2);
  });

  it('drops the queued follow-up when stopped, and finishes the running build', async () => {
    const run = countingQueue(40);
    run.change();
    run.change();
    run.queue.stop();
    await run.queue.idle();
    expect(run.builds).toHaveLength(1);
  });
});

describe('BuildQueue with a quiet time (PUBLISH_DEBOUNCE_MS)', () => {
  it('turns a burst of 20 notices into one build', async () => {
    const run = countingQueue(30, 50);
    for (let i = 0; i < 20; i += 1) run.change();
    expect(run.started()).toBe(0);
    expect(run.queue.pending).toBe(true);
    await run.queue.idle();
    expect(run.builds).toHaveLength(1);
    expect(run.builds[0]!.version).toBe(run.latest());
  });

  it('queues exactly one follow-up for notices during a build, and loses none', async () => {
    const run = countingQueue(100, 10);
    run.change();
    await wait(40); // the build is running now
    for (let i = 0; i < 5; i += 1) run.change();
    await run.queue.idle();
    expect(run.builds).toHaveLength(2);
    expect(run.builds[1]!.version).toBe(run.latest());
  });

  it('measures from the first notice, not from the end of the quiet time', async () => {
    let clock = 1000;
    const run = countingQueue(10, 30, () => clock);
    run.change();
    clock = 1010;
    run.change(); // restarts the quiet time, not the wait
    await run.queue.idle();
    expect(run.builds.map((build) => build.firstNoticeAt)).toEqual([1000]);
  });
});
