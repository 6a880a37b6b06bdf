import { describe, expect, it } from 'vitest';
import { median } from '../src/bench/measure';

describe('benchmark helpers', () => {
  it('takes the median of odd and even counts', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
});
