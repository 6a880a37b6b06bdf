import { slugify, type GoodPractice, type Term } from '@hub/shared';

/** The ways good practices can be filtered; `key` is the URL segment of the filter pages. */
export const FILTER_DIMENSIONS = [
  { key: 'thema', label: 'Thema' },
  { key: 'doelgroep', label: 'Doelgroep' },
  { key: 'stadsdeel', label: 'Stadsdeel' },
  { key: 'soort', label: 'Soort activiteit' },
] as const;

/** One dimension's key, e.g. "stadsdeel". */
export type FilterDimension = (typeof FILTER_DIMENSIONS)[number]['key'];

/** The values a practice has per dimension, as slugs. */
export function practiceFilterValues(practice: GoodPractice): Record<FilterDimension, string[]> {
  return {
    thema: practice.themes.map((term) => term.slug),
    doelgroep: practice.targetGroups.map((term) => term.slug),
    stadsdeel: practice.districts.map((term) => term.slug),
    soort: [slugify(practice.activityType)],
  };
}

/** One choice in a filter: a static page lists the practices that match it. */
export interface FilterOption {
  dimension: FilterDimension;
  slug: string;
  label: string;
  practices: GoodPractice[];
}

/** Every filter choice that matches at least one practice, per dimension in display order. */
export function practiceFilterOptions(practices: readonly GoodPractice[]): FilterOption[] {
  const options = new Map<string, FilterOption>();
  const add = (dimension: FilterDimension, term: Term, practice: GoodPractice) => {
    const key = `${dimension}/${term.slug}`;
    const option = options.get(key) ?? {
      dimension,
      slug: term.slug,
      label: term.name,
      practices: [],
    };
    option.practices.push(practice);
    options.set(key, option);
  };
  for (const practice of practices) {
    for (const term of practice.themes) add('thema', term, practice);
    for (const term of practice.targetGroups) add('doelgroep', term, practice);
    for (const term of practice.districts) add('stadsdeel', term, practice);
    add('soort', { name: practice.activityType, slug: slugify(practice.activityType) }, practice);
  }
  const order = FILTER_DIMENSIONS.map((dimension) => dimension.key);
  return [...options.values()].sort(
    (a, b) =>
      order.indexOf(a.dimension) - order.indexOf(b.dimension) ||
      a.label.localeCompare(b.label, 'nl'),
  );
}
