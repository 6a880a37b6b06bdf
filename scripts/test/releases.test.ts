import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Releases } from '../src/publisher/releases';

describe('Releases', () => {
  it('switches the live link atomically, keeps the newest good ones and rolls back', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-releases-'));
    const releases = new Releases(root);
    const ids: string[] = [];
    for (let i = 0; i < 7; i += 1) {
      const { id, dir } = await releases.create(new Date(Date.UTC(2026, 0, 1, 10, 0, i)));
      fs.writeFileSync(path.join(dir, 'index.html'), `build ${i}`);
      await releases.activate(id);
      ids.push(id);
      expect(fs.readFileSync(path.join(releases.liveLink, 'index.html'), 'utf8')).toBe(
        `build ${i}`,
      );
    }
    await releases.prune(ids, 5);
    expect(await releases.list()).toEqual(ids.slice(-5));
    await releases.activate(ids[5]!);
    expect(await releases.liveId()).toBe(ids[5]);
    expect(fs.readFileSync(path.join(releases.liveLink, 'index.html'), 'utf8')).toBe('build 5');
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('takes a removed release out of releases/ at once and deletes it in the background', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-releases-'));
    const releases = new Releases(root);
    const { id, dir } = await releases.create(new Date(Date.UTC(2026, 0, 1)));
    for (let i = 0; i < 50; i += 1) {
      fs.mkdirSync(path.join(dir, `page-${i}`));
      fs.writeFileSync(path.join(dir, `page-${i}`, 'index.html'), `page ${i}`);
    }
    // A leftover of a removal cut off by a crash goes too.
    fs.mkdirSync(path.join(root, 'removed', 'left-over'), { recursive: true });
    await releases.remove(id);
    expect(await releases.list()).toEqual([]);
    await releases.removed();
    expect(fs.readdirSync(path.join(root, 'removed'))).toEqual([]);
    // Removing one that is gone already is not an error.
    await releases.remove(id);
    fs.rmSync(root, { recursive: true, force: true });
  });
});
