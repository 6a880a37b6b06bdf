import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadCompiledSite } from '../../scripts/renderer';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-compiled-site-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A stand-in for a compile into `dir`: an entry whose renderer says which compile made it. */
function compile(version: string, compiledAt: string) {
  fs.mkdirSync(path.join(dir, 'server'), { recursive: true });
  fs.writeFileSync(
    path.join(dir, 'server', 'entry.mjs'),
    `export const createRenderer = () => ${JSON.stringify(version)};`,
  );
  fs.writeFileSync(path.join(dir, '.complete'), compiledAt);
}

describe('a compiled site loaded by a long-running process', () => {
  it('is loaded anew after a compile forced into the same folder, not before', async () => {
    compile('first', '2026-12-07T05:00:00.000Z');
    const first = await loadCompiledSite(dir);
    expect(first.createRenderer('http://localhost:4321')).toBe('first');
    expect(first.compiledAt).toBe('2026-12-07T05:00:00.000Z');

    // Same compile: the module loaded before (Node keeps it), whatever is on disk now.
    fs.writeFileSync(path.join(dir, 'server', 'entry.mjs'), 'export const createRenderer = 1;');
    expect((await loadCompiledSite(dir)).createRenderer('x')).toBe('first');

    compile('second', '2026-12-07T05:10:00.000Z');
    const second = await loadCompiledSite(dir);
    expect(second.createRenderer('http://localhost:4321')).toBe('second');
    expect(second.compiledAt).not.toBe(first.compiledAt);
  });
});
