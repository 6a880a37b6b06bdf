import type { Term } from '@hub/shared';

/** A filter for items tagged with the theme `slug`. */
export function taggedWith(slug: string) {
  return (item: { themes: readonly Term[] }): boolean =>
    item.themes.some((term) => term.slug === slug);
}
