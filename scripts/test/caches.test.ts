/**
 * What keeps the build's caches from growing for ever or breaking: the image cache's pruning
 * rule, and the lock that keeps two processes from compiling the site into one folder at once.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { withFolderLock } from '../../site/scripts/folder-lock';
import { pruneImages } from '../../site/scripts/site-images';

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-caches-'));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

const DAY = 24 * 60 * 60_000;

describe('pruning the image cache', () => {
  it('removes only images older than the limit that no kept build uses', async () => {
    const dir = path.join(work, 'images');
    fs.mkdirSync(dir);
    const now = Date.now();
    const image = (name: string, ageDays: number) => {
      fs.writeFileSync(path.join(dir, name), name);
      const time = new Date(now - ageDays * DAY);
      fs.utimesSync(path.join(dir, name), time, time);
    };
    image('oud-ongebruikt.abc.avif', 10);
    image('oud-in-gebruik.abc.avif', 10);
    image('nieuw-ongebruikt.abc.webp', 2);
    image('half-geschreven.abc.webp.123.partial', 0);

    const removed = await pruneImages(dir, {
      olderThanMs: 7 * DAY,
      keep: new Set(['oud-in-gebruik.abc.avif']),
      now,
    });
    expect(removed).toBe(1);
    expect(fs.readdirSync(dir).sort()).toEqual([
      'half-geschreven.abc.webp.123.partial',
      'nieuw-ongebruikt.abc.webp',
      'oud-in-gebruik.abc.avif',
    ]);
    // A folder that is not there yet is nothing to prune.
    expect(await pruneImages(path.join(work, 'bestaat-niet'), { olderThanMs: DAY })).toBe(0);
  });
});

describe('the compile lock', () => {
  it('lets one holder in at a time', async () => {
    const lock = path.join(work, 'lock-a');
    const events: string[] = [];
    const hold = (name: string) =>
      withFolderLock(
        lock,
        async () => {
          events.push(`${name} in`);
          await new Promise((resolve) => setTimeout(resolve, 100));
          events.push(`${name} out`);
        },
        10,
      );
    await Promise.all([hold('a'), hold('b'), hold('c')]);
    // Never two inside at once: every "in" is followed by its own "out".
    for (let n = 0; n < events.length; n += 2)
      expect(events[n + 1]).toBe(events[n]!.replace(' in', ' out'));
    expect(fs.existsSync(lock)).toBe(false);
  });

  it('takes over a lock whose holder died, and gives it back when the work fails', async () => {
    const lock = path.join(work, 'lock-b');
    const dead = spawn(process.execPath, ['-e', '']);
    await new Promise((resolve) => dead.on('exit', resolve));
    fs.mkdirSync(lock);
    fs.writeFileSync(path.join(lock, 'owner.json'), JSON.stringify({ pid: dead.pid }));
    await expect(
      withFolderLock(lock, async () => {
        throw new Error('compile failed');
      }),
    ).rejects.toThrow('compile failed');
    expect(fs.existsSync(lock)).toBe(false);
  });
});
