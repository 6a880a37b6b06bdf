import type { ContentTypeKey } from '../validation/content-rules';

/**
 * The public path of an item's own page, by content type: the site's routes (site/src/lib/paths.ts
 * builds on these) and the CMS's "Staat op de site" links agree by using one definition.
 */
const ITEM_PATHS: Partial<Record<ContentTypeKey, (slug: string) => string>> = {
  article: (slug) => `/nieuws/${slug}/`,
  'good-practice': (slug) => `/goede-voorbeelden/${slug}/`,
  event: (slug) => `/agenda/${slug}/`,
  partner: (slug) => `/partners/${slug}/`,
  page: (slug) => `/${slug}/`,
};

/** The path of the item's page (`/nieuws/<slug>/`), or null for types without pages of their own. */
export function itemPath(type: ContentTypeKey, slug: string): string | null {
  const path = ITEM_PATHS[type];
  return path && slug ? path(slug) : null;
}
