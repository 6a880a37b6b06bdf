import { describe, expect, it } from 'vitest';
import { measureNode, median } from '../src/bench/measure';

describe('benchmark helpers', () => {
  it('takes the median of odd and even counts', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it("counts the memory and CPU of a measured process's children", async () => {
    // The child holds 200 MB for a second; the measured process itself stays small.
    const child = `const b = Buffer.alloc(200 * 2 ** 20, 1); const t = Date.now(); while (Date.now() - t < 1000);`;
    const parent = `require('node:child_process').spawnSync(process.execPath, ['-e', ${JSON.stringify(child)}]);`;
    const measured = await measureNode(['-e', parent], { cwd: process.cwd() });
    expect(measured.maxRssBytes).toBeLessThan(150 * 2 ** 20);
    expect(measured.peakBytes).toBeGreaterThan(200 * 2 ** 20);
    expect(measured.cpuSeconds).toBeGreaterThan(0.5);
  });
});
