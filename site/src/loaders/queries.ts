/**
 * What the site reads of each CMS type: explicit fields and populate, never a wildcard, so the
 * build fetches only what pages need (and submitter data added later can never leak).
 */

const refFields = { fields: ['title', 'slug'] };
const termFields = { fields: ['name', 'slug'] };
// The name is the file's as uploaded: a build's warning about a missing file names it.
const media = { fields: ['url', 'alternativeText', 'width', 'height', 'mime', 'size', 'name'] };
const location = { populate: { district: termFields } };

/** One CMS collection the site loads: REST path and query (in Strapi's qs syntax). */
export interface CollectionQuery {
  /** REST path below /api, e.g. "articles". */
  path: string;
  /**
   * Query parameters besides pagination and order: fetchCollection pages by id, and the loader
   * sorts the items the way the pages list them.
   */
  query: Record<string, unknown>;
}

/** The queries, keyed by the name of the Astro collection they fill. */
export const COLLECTION_QUERIES = {
  articles: {
    path: 'articles',
    query: {
      populate: {
        cover: media,
        themes: termFields,
        districts: termFields,
        relatedPractices: refFields,
        relatedEvents: refFields,
      },
    },
  },
  practices: {
    path: 'good-practices',
    query: {
      populate: {
        image: media,
        themes: termFields,
        targetGroups: termFields,
        districts: termFields,
        neighbourhoods: termFields,
        organisations: { fields: ['name', 'slug'] },
        contact: true,
        location,
      },
    },
  },
  events: {
    path: 'events',
    query: {
      populate: {
        image: media,
        themes: termFields,
        organiser: { fields: ['name', 'slug'] },
        location,
      },
    },
  },
  partners: {
    path: 'partners',
    query: { populate: { logo: media, contact: true } },
  },
  actions: {
    path: 'actions',
    query: { populate: { leads: { fields: ['name', 'slug'] } } },
  },
  pages: { path: 'pages', query: {} },
  themes: {
    path: 'themes',
    query: { fields: ['name', 'slug', 'description'] },
  },
  targetGroups: {
    path: 'target-groups',
    query: { fields: ['name', 'slug', 'description'] },
  },
  districts: {
    path: 'districts',
    query: {
      fields: ['name', 'slug'],
      populate: { neighbourhoods: termFields },
    },
  },
} as const satisfies Record<string, CollectionQuery>;

/** The site settings single type. */
export const SITE_QUERY: CollectionQuery = {
  path: 'site',
  query: { populate: { helplines: true, footerLinks: true } },
};
