import type { GoodPractice } from '@hub/shared';

/** The good practices that the partner `slug` is one of the organisations of. */
export function practicesOf(practices: readonly GoodPractice[], slug: string): GoodPractice[] {
  return practices.filter((practice) => practice.organisations.some((org) => org.slug === slug));
}
