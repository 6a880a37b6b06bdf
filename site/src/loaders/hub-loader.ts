import type {
  Action,
  Article,
  BuildWarning,
  ContentTypeKey,
  GoodPractice,
  HubEvent,
  Page,
  Partner,
  Term,
} from '@hub/shared';
import type { Hub } from '../lib/data';
import { pastEvents, upcomingEvents } from '../lib/events';
import { deepFreeze } from '../lib/content-hash';
import {
  fetchCollection,
  fetchDraft,
  fetchSingle,
  fetchTotal,
  getJson,
  type CmsConnection,
} from './cms-client';
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
  mediaUrl,
  type MapContext,
} from './mappers';
import { fetchMediaCheck, MissingImages, type MediaCheck } from './missing-media';
import { COLLECTION_QUERIES, SITE_QUERY } from './queries';

type Raw = Record<string, unknown>;
export type CollectionName = keyof typeof COLLECTION_QUERIES;
const COLLECTIONS = Object.keys(COLLECTION_QUERIES) as CollectionName[];

/**
 * The collections each collection's query populates: when one of those changes, the items that
 * embed it change too, without a newer updatedAt of their own.
 */
const POPULATES: Record<CollectionName, CollectionName[]> = {
  articles: ['themes', 'districts', 'practices', 'events'],
  practices: ['themes', 'targetGroups', 'districts', 'partners'],
  events: ['themes', 'partners', 'districts'],
  partners: [],
  actions: ['partners'],
  pages: [],
  themes: [],
  targetGroups: [],
  districts: [],
};

/** The content type of each collection's items, for the build's warnings. */
const TYPE_OF: Record<CollectionName, ContentTypeKey> = {
  articles: 'article',
  practices: 'good-practice',
  events: 'event',
  partners: 'partner',
  actions: 'action',
  pages: 'page',
  themes: 'theme',
  targetGroups: 'target-group',
  districts: 'district',
};

/**
 * The CMS's answers of the last read, kept by a long-running exporter (the publisher's build
 * worker) so that the next read asks only for what changed since.
 */
export class CmsSnapshot {
  /** Per collection: documentId -> the item as the CMS sent it. */
  readonly items = new Map<CollectionName, Map<string, Raw>>();
  /** The newest updatedAt or publishedAt among the items (the CMS's clock). */
  newest = '';
  /**
   * What items embed but the site does not read on its own (media and wijken), as of the last
   * read: a fingerprint of it, and how many media files there were (see embeddedFingerprint).
   */
  embedded?: Embedded;
  /** When everything was last read (this machine's clock). */
  readAllAt = 0;
}

/** Re-read what changed just before the newest change too: a save may commit a little late. */
const OVERLAP_MS = 5_000;
/** A safety net for what the change dates cannot show (a long import, say): read all now and then. */
const READ_ALL_EVERY_MS = 15 * 60_000;

const idOf = (raw: Raw) => String(raw.documentId);
/** The later of updatedAt and publishedAt ('' when neither is set); ISO strings sort as times. */
function changedAt(raw: Raw): string {
  const updated = typeof raw.updatedAt === 'string' ? raw.updatedAt : '';
  const published = typeof raw.publishedAt === 'string' ? raw.publishedAt : '';
  return updated > published ? updated : published;
}

async function readAll(connection: CmsConnection, name: CollectionName) {
  const raws = (await fetchCollection(connection, COLLECTION_QUERIES[name])) as Raw[];
  return new Map(raws.map((raw) => [idOf(raw), raw]));
}

/** Items changed (or published) after `since`, and how many items are published now. */
async function readChanges(connection: CmsConnection, name: CollectionName, since: string) {
  const { path, query } = COLLECTION_QUERIES[name];
  const filters = { $or: [{ updatedAt: { $gt: since } }, { publishedAt: { $gt: since } }] };
  const [changed, total] = await Promise.all([
    fetchCollection(connection, { path, query: { ...query, filters } }) as Promise<Raw[]>,
    fetchTotal(connection, path),
  ]);
  return { changed, total };
}

/** A fingerprint of the media library and the wijken, and the media files' count it assumed. */
interface Embedded {
  fingerprint: string;
  files: number;
}

const filesQuery = (query: string) => `upload/files?fields[0]=updatedAt&${query}`;
const newestOf = (raws: Raw[]) => raws.map(changedAt).reduce((a, b) => (a > b ? a : b), '');
const idsOf = (files: Raw[]) => files.map((file) => Number(file.id)).sort((a, b) => a - b);

/**
 * The media library's newest change, and the ids of its files from the count's end on (in id
 * order). Without `files`, lists every file to count them: at 10,000 files that costs the CMS
 * 0.3 to 0.5 s and 1.1 MB, so it is done on full reads only. With the count of that listing,
 * two small requests (7 to 60 ms) tell whether anything changed: an edit is the newest change,
 * an added file has a higher id and lies past the end, and a deleted one moves another file
 * to the end, or leaves none there.
 */
async function mediaState(connection: CmsConnection, files?: number) {
  if (files === undefined) {
    const all = (await getJson(connection, filesQuery('sort=id:asc'))) as Raw[];
    return { newest: newestOf(all), end: idsOf(all).slice(-1), count: all.length };
  }
  const [newest, end] = (await Promise.all([
    getJson(connection, filesQuery('sort=updatedAt:desc&start=0&limit=1')),
    getJson(connection, filesQuery(`sort=id:asc&start=${Math.max(files - 1, 0)}&limit=2`)),
  ])) as [Raw[], Raw[]];
  return { newest: newestOf(newest), end: idsOf(end), count: files };
}

/**
 * A fingerprint of what items embed but the site does not read on its own: the media library
 * (an edited alternative text changes no item's updatedAt, nor does a deleted file) and the
 * wijken. `files` as in mediaState.
 */
async function embeddedFingerprint(connection: CmsConnection, files?: number): Promise<Embedded> {
  const [media, neighbourhoods] = await Promise.all([
    mediaState(connection, files),
    getJson(
      connection,
      'neighbourhoods?fields[0]=updatedAt&sort=updatedAt:desc&pagination[pageSize]=1',
    ) as Promise<{ data?: Raw[]; meta?: { pagination?: { total?: number } } }>,
  ]);
  const wijken = [neighbourhoods.meta?.pagination?.total, neighbourhoods.data?.[0]?.updatedAt];
  return { fingerprint: JSON.stringify([media.newest, media.end, ...wijken]), files: media.count };
}

/**
 * Brings the snapshot up to date. The first time, every 15 minutes, and whenever media or
 * wijken changed, it reads everything; otherwise only the items changed since the last read,
 * plus each collection's total: a total lower than expected means something was unpublished or
 * deleted, and that collection is read whole. A collection that embeds a changed one is read
 * whole too.
 */
async function refresh(connection: CmsConnection, snapshot: CmsSnapshot): Promise<void> {
  const readWhole = async (names: CollectionName[]) => {
    const read = await Promise.all(names.map((name) => readAll(connection, name)));
    names.forEach((name, index) => snapshot.items.set(name, read[index] ?? new Map()));
  };
  const known = snapshot.embedded;
  const stale = Date.now() - snapshot.readAllAt > READ_ALL_EVERY_MS;
  let embedded =
    known && !stale && snapshot.newest
      ? await embeddedFingerprint(connection, known.files)
      : undefined;
  if (!embedded || embedded.fingerprint !== known?.fingerprint) {
    // Counts the media files again, for the next reads' short fingerprints. Taken before the
    // items, as the short one is: a change made while they are read shows at the next read.
    embedded = await embeddedFingerprint(connection);
    await readWhole(COLLECTIONS);
    snapshot.readAllAt = Date.now();
  } else {
    const since = new Date(Date.parse(snapshot.newest) - OVERLAP_MS).toISOString();
    const deltas = await Promise.all(
      COLLECTIONS.map(async (name) => ({
        name,
        known: snapshot.items.get(name) ?? new Map<string, Raw>(),
        ...(await readChanges(connection, name, since)),
      })),
    );
    const changed = new Set<CollectionName>();
    const whole = new Set<CollectionName>();
    for (const delta of deltas) {
      const { name, known, total } = delta;
      const added = delta.changed.filter((raw) => !known.has(idOf(raw))).length;
      // Items read again only because of the overlap are not changes: the known object stays,
      // and with it the item mapped from it (see mappedOnce).
      const differs = (raw: Raw) => JSON.stringify(known.get(idOf(raw))) !== JSON.stringify(raw);
      delta.changed = delta.changed.filter(differs);
      if (delta.changed.length > 0) changed.add(name);
      if (total !== known.size + added) {
        changed.add(name);
        whole.add(name);
      }
    }
    for (const name of COLLECTIONS) {
      if (POPULATES[name].some((embeddedName) => changed.has(embeddedName))) whole.add(name);
    }
    // A wijk moved to another stadsdeel on the stadsdeel's screen changes only the receiving
    // stadsdeel: read them all (seven items) so the one it left is right too.
    if (changed.has('districts')) whole.add('districts');
    await readWhole([...whole]);
    for (const { name, known, changed: items } of deltas) {
      if (whole.has(name)) continue;
      for (const raw of items) known.set(idOf(raw), raw);
      snapshot.items.set(name, known);
    }
  }
  snapshot.embedded = embedded;
  // A plain loop: this runs on every build, over every item (16,000 at the largest size).
  for (const items of snapshot.items.values()) {
    for (const raw of items.values()) {
      const at = changedAt(raw);
      if (at > snapshot.newest) snapshot.newest = at;
    }
  }
}

// Ties are broken by slug, so the order never depends on the order the CMS answered in.
const bySlug = (a: { slug: string }, b: { slug: string }) => a.slug.localeCompare(b.slug);
const byName = (a: { name: string; slug: string }, b: { name: string; slug: string }) =>
  a.name.localeCompare(b.name, 'nl') || bySlug(a, b);
const byTitle = (a: { title: string; slug: string }, b: { title: string; slug: string }) =>
  a.title.localeCompare(b.title, 'nl') || bySlug(a, b);

/**
 * Reads everything the site shows from the CMS, in domain types and in the order pages list
 * them. With a snapshot of an earlier read, asks only for what changed since (see refresh).
 * Throws (with the CMS's URL and the cause) when the CMS cannot be read, when the site settings
 * are empty, or when nothing at all is published: a CMS that answers but holds nothing is more
 * likely broken than empty, and an empty site must never replace a full one.
 */
export async function loadHub(
  connection: CmsConnection,
  snapshot: CmsSnapshot = new CmsSnapshot(),
): Promise<Hub> {
  return (await loadHubWithWarnings(connection, snapshot)).hub;
}

/** The hub of one build, and what the build went around to make it. */
export interface LoadedHub {
  hub: Hub;
  /** One per media file that is gone from the media storage, naming the items that used it. */
  warnings: BuildWarning[];
}

/**
 * As loadHub, and asks the CMS which media files are gone from the media storage: images
 * whose file is gone are left out (as if none were set; an image in rich text is dropped) and
 * come back as warnings, instead of failing the build on the first one. Asked on every build,
 * incremental reads too, since deleting a file changes nothing the snapshot sees. The
 * snapshot's items stay as the CMS sent them: a later build may find the file back.
 */
export async function loadHubWithWarnings(
  connection: CmsConnection,
  snapshot: CmsSnapshot = new CmsSnapshot(),
): Promise<LoadedHub> {
  const [raw, , check] = await Promise.all([
    fetchSingle(connection, SITE_QUERY),
    refresh(connection, snapshot),
    fetchMediaCheck(connection),
  ]);
  return hubOf(connection, raw, snapshot.items, check);
}

/** One document whose draft a preview shows instead of its published version. */
export interface PreviewTarget {
  collection: CollectionName;
  documentId: string;
}

/**
 * The published content with one document's draft in place of its published version (or added,
 * when it was never published): what the site would be if that draft were published now. Null
 * when the CMS has no such document.
 */
export async function loadPreviewHub(
  connection: CmsConnection,
  target: PreviewTarget,
  snapshot: CmsSnapshot = new CmsSnapshot(),
): Promise<{ hub: Hub; draft: Raw } | null> {
  const [raw, draft, , check] = await Promise.all([
    fetchSingle(connection, SITE_QUERY),
    fetchDraft(connection, COLLECTION_QUERIES[target.collection], target.documentId),
    refresh(connection, snapshot),
    // A draft's image may be gone as well: the preview shows the page without it, as the site would.
    fetchMediaCheck(connection),
  ]);
  if (!draft) return null;
  // A draft has no publication date: it is shown as if it were published now.
  const asPublished = { ...(draft as Raw), publishedAt: new Date().toISOString() };
  const items = new Map(snapshot.items);
  items.set(
    target.collection,
    new Map(items.get(target.collection)).set(target.documentId, asPublished),
  );
  return { hub: hubOf(connection, raw, items, check).hub, draft: asPublished };
}

/** Items as mapped from the CMS's answer, per answer (the snapshot's raw item) they came from. */
const mappedItems = new WeakMap<Raw, { key: string; item: unknown }>();

/**
 * The item mapped from `raw`, frozen, and the same object as in the last build when the CMS did
 * not change it (the snapshot keeps an unchanged raw item): so its hash is worked out once (see
 * content-hash.ts), and so is the mapping. `key` says what else the mapping depended on.
 */
function mappedOnce<T>(raw: Raw, key: string, map: () => T): T {
  const known = mappedItems.get(raw);
  if (known?.key === key) return known.item as T;
  const item = deepFreeze(map());
  mappedItems.set(raw, { key, item });
  return item;
}

/**
 * The hub from the site settings and the items read, in domain types and in page order, with
 * the images whose file is missing (per `check`) left out, and a warning for each of those.
 */
function hubOf(
  connection: CmsConnection,
  raw: unknown,
  items: ReadonlyMap<CollectionName, ReadonlyMap<string, Raw>>,
  check: MediaCheck,
): LoadedHub {
  const context: MapContext = { cmsUrl: connection.url };
  const missing = new MissingImages(check, (url) => mediaUrl(url, context));
  // Each item gets its own decision, so a warning can name the items that used the file.
  const contextOf = (name: CollectionName, item: Raw): MapContext =>
    missing.any ? { ...context, dropMedia: missing.dropFor(TYPE_OF[name], item) } : context;
  const map = <T>(name: CollectionName, mapper: (raw: Raw, context: MapContext) => T): T[] =>
    [...(items.get(name)?.values() ?? [])].map((item) => {
      const itemContext = contextOf(name, item);
      // With an image left out, the item is mapped for this build only.
      if (itemContext !== context) return deepFreeze(mapper(item, itemContext));
      return mappedOnce(item, `${name}\0${context.cmsUrl}`, () => mapper(item, context));
    });
  const articles = map<Article>('articles', mapArticle);
  const practices = map<GoodPractice>('practices', mapGoodPractice);
  const events = map<HubEvent>('events', mapEvent);
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
  const builtAt = new Date();
  const hub: Hub = {
    builtAt,
    cmsUrl: connection.url,
    settings: mapSiteSettings(raw as Raw),
    articles: articles.sort((a, b) => b.date.getTime() - a.date.getTime() || bySlug(a, b)),
    practices: practices.sort(byTitle),
    events: events.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime() || bySlug(a, b)),
    upcomingEvents: upcomingEvents(events, builtAt),
    pastEvents: pastEvents(events, builtAt),
    partners: map<Partner>('partners', mapPartner).sort(byName),
    actions: map<Action>('actions', mapAction).sort((a, b) => a.order - b.order || byTitle(a, b)),
    pages: map<Page>('pages', mapPage).sort(byTitle),
    themes: map<Term>('themes', mapTerm).sort(byName),
    targetGroups: map<Term>('targetGroups', mapTerm).sort(byName),
    districts: map('districts', mapDistrict).sort(byName),
  };
  return { hub, warnings: missing.warnings() };
}
