import { describe, expect, it } from 'vitest';
import { itemPath } from '@hub/shared';
import { paths } from '../../src/lib/paths';

describe('itemPath', () => {
  it('links to the pages the site builds (the CMS links editors there)', () => {
    expect(itemPath('article', 'x')).toBe(paths.article('x'));
    expect(itemPath('good-practice', 'x')).toBe(paths.practice('x'));
    expect(itemPath('event', 'x')).toBe(paths.event('x'));
    expect(itemPath('partner', 'x')).toBe(paths.partner('x'));
    expect(itemPath('page', 'x')).toBe(paths.page('x'));
    expect(itemPath('theme', 'x')).toBeNull();
  });
});
