import { describe, expect, it } from 'vitest';
import { imagesEncoded, median } from '../src/bench/measure';

describe('benchmark helpers', () => {
  it('counts images Astro encoded, not the ones it copied from its cache', () => {
    const output = [
      ' generating optimized images ',
      '19:41:02   ▶ /_astro/meeting_fe22_Z1.avif (before: 16kB, after: 6kB) (+597ms) (1/4)',
      '19:41:02   ▶ /_astro/meeting_fe22_Z2.webp (reused cache entry) (+2ms) (2/4)',
      '19:41:02   ▶ /_astro/meeting_fe22_Z3.jpg (revalidated cache entry) (+9ms) (3/4)',
      '19:41:02   ▶ /_astro/walk_ab12_Z4.webp (before: 9kB, after: 3kB) (+30ms) (4/4)',
      '19:41:03 ▶ src/pages/index.astro',
    ].join('\n');
    expect(imagesEncoded(output)).toEqual({ encoded: 2, reused: 2 });
  });

  it('takes the median of odd and even counts', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
});
