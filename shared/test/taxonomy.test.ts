import { describe, expect, it } from 'vitest';
import { MAASTRICHT_DISTRICTS, SLUG_PATTERN, TARGET_GROUPS, THEMES, slugify } from '../src';

describe('Maastricht districts', () => {
  it('lists the seven stadsdelen with their wijken', () => {
    expect(MAASTRICHT_DISTRICTS.map((district) => district.name)).toEqual([
      'Centrum',
      'Noord-West',
      'West',
      'Noord',
      'Oost',
      'Zuid',
      'Zuid-West',
    ]);
    expect(MAASTRICHT_DISTRICTS.find((d) => d.slug === 'oost')?.neighbourhoods).toContain(
      'Wittevrouwenveld',
    );
  });

  it('gives every wijk a unique slug, so each can have its own page', () => {
    const slugs = MAASTRICHT_DISTRICTS.flatMap((district) => district.neighbourhoods.map(slugify));
    expect(new Set(slugs).size).toBe(slugs.length);
    for (const slug of slugs) expect(slug).toMatch(SLUG_PATTERN);
  });

  it('uses slugs that match the names', () => {
    for (const district of MAASTRICHT_DISTRICTS) expect(district.slug).toBe(slugify(district.name));
    for (const term of [...THEMES, ...TARGET_GROUPS]) expect(term.slug).toBe(slugify(term.name));
  });
});
