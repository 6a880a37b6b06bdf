import type { Action, Article, GoodPractice, HubEvent, Page, Partner, Term } from '@hub/shared';
import type { Hub } from '../lib/data';
import { fetchCollection, fetchSingle, type CmsConnection } from './cms-client';
import {
  mapAction,
  mapArticle,
  mapDistrict,
  mapEvent,
  mapGoodPractice,
  mapPage,
  mapPartner,
  mapSiteSettings,
  mapTerm,
  type MapContext,
} from './mappers';
import { COLLECTION_QUERIES, SITE_QUERY } from './queries';

type Raw = Record<string, unknown>;

/** Reads one collection (every page of it) and maps each item into its domain type. */
async function load<T>(
  connection: CmsConnection,
  name: keyof typeof COLLECTION_QUERIES,
  map: (raw: Raw, context: MapContext) => T,
): Promise<T[]> {
  const raws = await fetchCollection(connection, COLLECTION_QUERIES[name]);
  return raws.map((raw) => map(raw as Raw, { cmsUrl: connection.url }));
}

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, 'nl');
const byTitle = (a: { title: string }, b: { title: string }) =>
  a.title.localeCompare(b.title, 'nl');

/**
 * Reads everything the site shows from the CMS, in domain types and in the order pages list
 * them. Throws (with the CMS's URL and the cause) when the CMS cannot be read, when the site
 * settings are empty, or when nothing at all is published: a CMS that answers but holds nothing
 * is more likely broken than empty, and an empty site must never replace a full one.
 */
export async function loadHub(connection: CmsConnection): Promise<Hub> {
  const [raw, articles, practices, events, partners, actions, pages, themes, groups, districts] =
    await Promise.all([
      fetchSingle(connection, SITE_QUERY),
      load<Article>(connection, 'articles', mapArticle),
      load<GoodPractice>(connection, 'practices', mapGoodPractice),
      load<HubEvent>(connection, 'events', mapEvent),
      load<Partner>(connection, 'partners', mapPartner),
      load<Action>(connection, 'actions', mapAction),
      load<Page>(connection, 'pages', mapPage),
      load<Term>(connection, 'themes', mapTerm),
      load<Term>(connection, 'targetGroups', mapTerm),
      load(connection, 'districts', mapDistrict),
    ]);
  if (!raw) {
    throw new Error(
      `The site settings in the CMS at ${connection.url} are empty: fill in "Site-instellingen" first.`,
    );
  }
  if (articles.length + practices.length + events.length === 0) {
    throw new Error(
      `The CMS at ${connection.url} returned no published articles, good practices or events; refusing to build an empty site.`,
    );
  }
  return {
    builtAt: new Date(),
    cmsUrl: connection.url,
    settings: mapSiteSettings(raw as Raw),
    articles: articles.sort((a, b) => b.date.getTime() - a.date.getTime()),
    practices: practices.sort(byTitle),
    events: events.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime()),
    partners: partners.sort(byName),
    actions: actions.sort((a, b) => a.order - b.order || byTitle(a, b)),
    pages,
    themes: themes.sort(byName),
    targetGroups: groups.sort(byName),
    districts: districts.sort(byName),
  };
}
