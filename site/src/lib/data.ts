import { getCollection } from 'astro:content';
import type { collections } from '../content.config';
import type {
  Action,
  Article,
  District,
  GoodPractice,
  HubEvent,
  Page,
  Partner,
  SiteSettings,
  Term,
} from '@hub/shared';

/** Everything the site shows, in domain types. Pages read this, never the CMS. */
export interface Hub {
  /** The moment of this build: what is "upcoming" is decided against it, once for all pages. */
  builtAt: Date;
  settings: SiteSettings;
  /** Newest first. */
  articles: Article[];
  /** By title. */
  practices: GoodPractice[];
  /** By start, earliest first. */
  events: HubEvent[];
  /** By name. */
  partners: Partner[];
  /** In stappenplan order. */
  actions: Action[];
  pages: Page[];
  themes: Term[];
  targetGroups: Term[];
  /** The seven stadsdelen with their wijken, by name. */
  districts: District[];
}

type CollectionName = keyof typeof collections;

// Astro types getCollection from files it generates at build time; this one signature holds
// with and without them, so type checks pass on a fresh checkout too.
const readCollection = getCollection as unknown as (
  name: CollectionName,
) => Promise<{ data: unknown }[]>;

async function all<T>(name: CollectionName): Promise<T[]> {
  return (await readCollection(name)).map((entry) => entry.data as T);
}

async function loadHub(): Promise<Hub> {
  const [settings] = await all<SiteSettings>('site');
  if (!settings) throw new Error('No site settings were loaded from the CMS.');
  const hub: Hub = {
    builtAt: new Date(),
    settings,
    articles: (await all<Article>('articles')).sort((a, b) => b.date.getTime() - a.date.getTime()),
    practices: (await all<GoodPractice>('practices')).sort((a, b) =>
      a.title.localeCompare(b.title, 'nl'),
    ),
    events: (await all<HubEvent>('events')).sort(
      (a, b) => a.startsAt.getTime() - b.startsAt.getTime(),
    ),
    partners: (await all<Partner>('partners')).sort((a, b) => a.name.localeCompare(b.name, 'nl')),
    actions: (await all<Action>('actions')).sort(
      (a, b) => a.order - b.order || a.title.localeCompare(b.title, 'nl'),
    ),
    pages: await all<Page>('pages'),
    themes: (await all<Term>('themes')).sort((a, b) => a.name.localeCompare(b.name, 'nl')),
    targetGroups: (await all<Term>('targetGroups')).sort((a, b) =>
      a.name.localeCompare(b.name, 'nl'),
    ),
    districts: (await all<District>('districts')).sort((a, b) =>
      a.name.localeCompare(b.name, 'nl'),
    ),
  };
  if (hub.articles.length + hub.practices.length + hub.events.length === 0) {
    // A CMS that answers but holds nothing published is more likely broken than empty.
    throw new Error(
      'The CMS returned no published articles, good practices or events; refusing to build an empty site.',
    );
  }
  return hub;
}

let cached: Promise<Hub> | undefined;

/** The hub's content, loaded once per build. */
export function getHub(): Promise<Hub> {
  cached ??= loadHub();
  return cached;
}
