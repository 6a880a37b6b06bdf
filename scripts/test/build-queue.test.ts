import { describe, expect, it } from 'vitest';
import { BuildQueue } from '../src/publisher/build-queue';

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function countingQueue(buildMs: number, debounceMs: number) {
  const builds: number[] = [];
  let seen = 0;
  let version = 0;
  const queue = new BuildQueue(async () => {
    const started = version;
    await wait(buildMs);
    builds.push(started);
    seen = Math.max(seen, started);
  }, debounceMs);
  return {
    queue,
    builds,
    change: () => {
      version += 1;
      queue.notify();
    },
    latestSeen: () => seen,
    latest: () => version,
  };
}

describe('BuildQueue', () => {
  it('turns a burst of 20 notices into one build', async () => {
    const run = countingQueue(30, 50);
    for (let i = 0; i < 20; i += 1) run.change();
    await run.queue.idle();
    expect(run.builds).toHaveLength(1);
    expect(run.latestSeen()).toBe(run.latest());
  });

  it('queues exactly one follow-up for notices during a build, and loses none', async () => {
    const run = countingQueue(100, 10);
    run.change();
    await wait(40); // the build is running now
    for (let i = 0; i < 5; i += 1) run.change();
    await run.queue.idle();
    expect(run.builds).toHaveLength(2);
    expect(run.latestSeen()).toBe(run.latest());
  });

  it('keeps going after a failing build', async () => {
    let calls = 0;
    const queue = new BuildQueue(async () => {
      calls += 1;
      if (calls === 1) throw new Error('CMS down');
    }, 5);
    queue.notify();
    await queue.idle();
    queue.notify();
    await queue.idle();
    expect(calls).toBe(2);
  });
});
