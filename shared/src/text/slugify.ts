/** Longest slug we generate; long enough for a headline, short enough for a readable URL. */
export const MAX_SLUG_LENGTH = 80;

/** Lower-case letters and digits in groups separated by single hyphens. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * Turns a Dutch title into a URL slug: "Eettafel in Malberg: iedereen welkom!" ->
 * "eettafel-in-malberg-iedereen-welkom". Accents are folded (é -> e, ë -> e) so links stay
 * plain ASCII; the result is cut at a word boundary within {@link MAX_SLUG_LENGTH}.
 * Returns an empty string when the title holds no letters or digits.
 */
export function slugify(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' en ')
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length <= MAX_SLUG_LENGTH) return slug;
  const cut = slug.slice(0, MAX_SLUG_LENGTH + 1);
  const lastHyphen = cut.lastIndexOf('-');
  return (lastHyphen > 0 ? cut.slice(0, lastHyphen) : cut.slice(0, MAX_SLUG_LENGTH)).replace(
    /-+$/,
    '',
  );
}

/**
 * The first of `base`, `base-2`, `base-3`, ... that `isTaken` does not claim.
 * Kept free of I/O so the CMS can pass a database look-up and tests a plain set.
 */
export async function firstFreeSlug(
  base: string,
  isTaken: (candidate: string) => boolean | Promise<boolean>,
): Promise<string> {
  for (let suffix = 1; ; suffix += 1) {
    const candidate = suffix === 1 ? base : `${base}-${suffix}`;
    if (!(await isTaken(candidate))) return candidate;
  }
}
