import type { Loader } from 'astro/loaders';
import { fetchCollection, fetchSingle } from './cms-client';
import { cmsConnection } from './connection';
import type { MapContext } from './mappers';
import { COLLECTION_QUERIES, SITE_QUERY } from './queries';

type Raw = Record<string, unknown>;

/** Stable id of a mapped item in Astro's store: its slug, else its CMS documentId. */
function storeId(item: Record<string, unknown>): string {
  return String(item.slug ?? item.id);
}

/**
 * An Astro content loader for one CMS collection: reads every published item (paginated),
 * maps each into its domain type and replaces the store's content with the result.
 */
export function cmsCollectionLoader<T extends object>(
  name: keyof typeof COLLECTION_QUERIES,
  map: (raw: Raw, context: MapContext) => T,
): Loader {
  return {
    name: `cms-${name}`,
    load: async ({ store, logger }) => {
      const connection = cmsConnection();
      const items = (await fetchCollection(connection, COLLECTION_QUERIES[name])).map((raw) =>
        map(raw as Raw, { cmsUrl: connection.url }),
      );
      // Cleared only after a complete read: a failed read stops the build, it never empties a page.
      store.clear();
      for (const item of items) {
        store.set({
          id: storeId(item as Record<string, unknown>),
          data: item as Record<string, unknown>,
        });
      }
      logger.info(`${items.length} ${name} from ${connection.url}`);
    },
  };
}

/** The loader of the site settings single type (stored as one entry with id "site"). */
export function cmsSiteLoader<T extends object>(map: (raw: Raw) => T): Loader {
  return {
    name: 'cms-site',
    load: async ({ store }) => {
      const connection = cmsConnection();
      const raw = await fetchSingle(connection, SITE_QUERY);
      if (!raw) {
        throw new Error(
          `The site settings in the CMS at ${connection.url} are empty: fill in "Site-instellingen" first.`,
        );
      }
      const settings = map(raw as Raw);
      store.clear();
      store.set({ id: 'site', data: settings as Record<string, unknown> });
    },
  };
}
