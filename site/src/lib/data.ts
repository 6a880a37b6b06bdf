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
  /**
   * The moment of this build. Pages do not read it: it changes with every build, so a page that
   * read it would be rendered again every time. They read upcomingEvents and pastEvents instead.
   */
  builtAt: Date;
  /** Base URL of the CMS the content came from: relative media URLs in rich text resolve to it. */
  cmsUrl: string;
  settings: SiteSettings;
  /** Newest first. */
  articles: Article[];
  /** By title. */
  practices: GoodPractice[];
  /** By start, earliest first. */
  events: HubEvent[];
  /**
   * Events that have not ended at builtAt, earliest first: the agenda. A field of its own, so
   * the pages that show it are rendered again only when it changes, not at every build.
   */
  upcomingEvents: HubEvent[];
  /** Events that have ended at builtAt, most recent first: the agenda's archive. */
  pastEvents: HubEvent[];
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

let current: Hub | undefined;
let reads: Set<string> | null = null;

/**
 * Hands the renderer the content of the build it is about to render. The exporter calls this
 * once per build, before the first page: every page of that build then sees the same hub.
 * Which parts of it a page reads is noted while a recording runs (see recordReads).
 */
export function useHub(hub: Hub): void {
  current = new Proxy(hub, {
    get(target, key, receiver) {
      // Own fields only: awaiting the hub also asks for `then`, which is not content.
      if (reads && typeof key === 'string' && Object.hasOwn(target, key)) reads.add(key);
      return Reflect.get(target, key, receiver);
    },
  });
}

/**
 * Starts noting which fields of the hub (articles, settings, builtAt, ...) are read, until
 * takeReads(). The exporter renders one page at a time inside such a recording: a page whose
 * props and read fields did not change since the last build renders the same, and is reused.
 */
export function recordReads(): void {
  reads = new Set();
}

/** The fields read since recordReads(); ends the recording. */
export function takeReads(): string[] {
  const read = [...(reads ?? [])].sort();
  reads = null;
  return read;
}

/** The content of the build being rendered, if any. */
export function currentHub(): Hub | undefined {
  return current;
}

/** The content of the build being rendered. */
export function getHub(): Promise<Hub> {
  if (!current) return Promise.reject(new Error('No content to render: useHub() was not called.'));
  return Promise.resolve(current);
}
