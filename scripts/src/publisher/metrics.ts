import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { BuildFailureKind } from '@hub/shared';
import { failuresInARow } from '@hub/shared';
import type { BuildRecord } from './publisher';

/** Every metric's name starts with this (the process metrics too). */
export const METRICS_PREFIX = 'hub_publisher_';

/**
 * Seconds, for build phases and publish-to-live: a quarter second (an unchanged search index)
 * up to two minutes (a full build of 10,000 items with compiling took 50 s; see the README's
 * Benchmarks). Slower lands in +Inf, which is itself worth an alert.
 */
export const SECONDS_BUCKETS = [0.25, 0.5, 1, 2.5, 5, 10, 20, 30, 60, 120];

/** The phases of a build that are timed. */
export type BuildPhase =
  'fetch' | 'render' | 'images' | 'search' | 'compress' | 'checks' | 'upload' | 'total';

const FAILURE_KINDS: readonly BuildFailureKind[] = [
  'cms-unreachable',
  'cms-refused',
  'content',
  'images',
  'checks',
  'site-bucket',
  'timeout',
  'unknown',
];

/** What the scrape-time metrics are computed from. */
export interface MetricsSnapshot {
  /** The kept history, oldest first. */
  history: readonly BuildRecord[];
  /** The live build's id, or null before the first. */
  live: string | null;
}

/** The time a release id names (`20261103-140501-123`, UTC), or NaN when it names none. */
export function releaseIdTime(id: string): number {
  const parts = /^(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})-(\d{3})$/.exec(id);
  if (!parts) return Number.NaN;
  const [year = 0, month = 1, day, hour, minute, second, ms] = parts.slice(1).map(Number);
  return Date.UTC(year, month - 1, day, hour, minute, second, ms);
}

/**
 * Seconds since the live build went live (its finishedAt; for a build found on disk after the
 * state was lost, the time in its id); NaN before the first good build (left out of the metrics).
 */
export function liveAgeSeconds(snapshot: MetricsSnapshot, now: number): number {
  if (!snapshot.live) return Number.NaN;
  const record = snapshot.history.find((build) => build.id === snapshot.live);
  const finished = record?.finishedAt ? Date.parse(record.finishedAt) : Number.NaN;
  const at = Number.isNaN(finished) ? releaseIdTime(snapshot.live) : finished;
  return (now - at) / 1000;
}

/** Whether the live build went live with an earlier build's search index and still has it. */
export function searchIndexBehind(snapshot: MetricsSnapshot): boolean {
  const record = snapshot.history.find((build) => build.id === snapshot.live);
  return record?.stats?.searchIndex === 'deferred' && record.searchIndexedAt === undefined;
}

/** The warnings a build's stats list (ExportStats.warnings; absent in older builds). */
export function warningsOf(record: BuildRecord | undefined): unknown[] {
  const warnings = (record?.stats as { warnings?: unknown } | undefined)?.warnings;
  return Array.isArray(warnings) ? warnings : [];
}

/**
 * A gauge that leaves out a value that is NaN: there is no such value (the age of a live build
 * before the first one). prom-client would write `Nan`, which the format spells `NaN`; an absent
 * series is what Prometheus's `absent()` and alerting rules expect anyway.
 */
class GaugeWithoutNaN extends Gauge {
  override async get() {
    const metric = await super.get();
    return { ...metric, values: metric.values.filter((sample) => !Number.isNaN(sample.value)) };
  }
}

/** Seconds a build spent in each phase it reached (see BuildPhase). */
export interface PhaseSeconds {
  checks?: number;
  upload?: number;
}

/**
 * The publisher's metrics in a registry of its own (never prom-client's global one, which a
 * test or a second publisher in one process would share). Counters and histograms count what
 * this process did; the gauges are read from the build history at every scrape, so they are
 * right after a restart too.
 */
export class PublisherMetrics {
  readonly registry = new Registry();
  private readonly builds: Counter<'result' | 'kind'>;
  private readonly buildSeconds: Histogram<'phase'>;
  private readonly renderedFiles: Counter;
  private readonly publishToLive: Histogram;
  private readonly searchIndexUpdates: Counter<'result'>;

  /**
   * @param snapshot the state the gauges are read from, at every scrape
   * @param now the clock (tests)
   */
  constructor(snapshot: () => Promise<MetricsSnapshot>, now: () => number = Date.now) {
    const registers = [this.registry];
    const name = (rest: string) => `${METRICS_PREFIX}${rest}`;
    this.builds = new Counter({
      name: name('builds_total'),
      help: 'Builds finished, by result (live or failed) and, for failed ones, the failure kind.',
      labelNames: ['result', 'kind'],
      registers,
    });
    // Every series from zero, so rate() and increase() see the first build too.
    this.builds.inc({ result: 'live' }, 0);
    for (const kind of FAILURE_KINDS) this.builds.inc({ result: 'failed', kind }, 0);
    this.buildSeconds = new Histogram({
      name: name('build_phase_seconds'),
      help:
        'Seconds a build spent per phase: fetch, render, images, search, compress (the export), ' +
        'checks, upload (to the site bucket), and total.',
      labelNames: ['phase'],
      buckets: SECONDS_BUCKETS,
      registers,
    });
    this.renderedFiles = new Counter({
      name: name('rendered_files_total'),
      help: 'Files rendered by builds (unchanged files taken from the build before are not).',
      registers,
    });
    this.publishToLive = new Histogram({
      name: name('publish_to_live_seconds'),
      help:
        'Seconds from the first notice of a change until the build with it was live (its pages; ' +
        'its search index follows a moment later).',
      buckets: SECONDS_BUCKETS,
      registers,
    });
    this.searchIndexUpdates = new Counter({
      name: name('search_index_updates_total'),
      help:
        'Search indexes made and switched in after their build went live, by result (ok, ' +
        'failed: the build kept the index of the build before).',
      labelNames: ['result'],
      registers,
    });
    this.searchIndexUpdates.inc({ result: 'ok' }, 0);
    this.searchIndexUpdates.inc({ result: 'failed' }, 0);

    // Read at scrape time (a look at the history in memory and at the live link: cheap).
    const read = snapshot;
    const lastWithStats = (history: readonly BuildRecord[]) =>
      [...history].reverse().find((record) => record.stats);
    new GaugeWithoutNaN({
      name: name('live_release_age_seconds'),
      help: 'Seconds since the live build went live; absent before the first good build.',
      registers,
      async collect() {
        this.set(liveAgeSeconds(await read(), now()));
      },
    });
    new Gauge({
      name: name('live_search_index_behind'),
      help:
        '1 while the live build has the search index of an earlier build (its own is being ' +
        'made, or failed), else 0.',
      registers,
      async collect() {
        this.set(searchIndexBehind(await read()) ? 1 : 0);
      },
    });
    new Gauge({
      name: name('consecutive_failures'),
      help: 'Builds that failed in a row since the last good one.',
      registers,
      async collect() {
        this.set(failuresInARow((await read()).history));
      },
    });
    new Gauge({
      name: name('last_build_warnings'),
      help: 'Warnings of the newest build that got through rendering (e.g. missing images).',
      registers,
      async collect() {
        this.set(warningsOf(lastWithStats((await read()).history)).length);
      },
    });
    new Gauge({
      name: name('last_build_rendered_files'),
      help: 'Files the newest build that got through rendering rendered anew.',
      registers,
      async collect() {
        this.set(lastWithStats((await read()).history)?.stats?.rendered ?? 0);
      },
    });
    new Gauge({
      name: name('last_build_files'),
      help: 'Files (pages, feeds, calendars) of the newest build that got through rendering.',
      registers,
      async collect() {
        this.set(lastWithStats((await read()).history)?.stats?.files ?? 0);
      },
    });
    collectDefaultMetrics({ register: this.registry, prefix: METRICS_PREFIX });
  }

  /**
   * Counts a finished build.
   * @param phases the publisher's own phases (the export's come with record.stats)
   * @param firstNoticeAt when the first notice that led to it arrived (ms), when one did
   */
  recordBuild(record: BuildRecord, phases: PhaseSeconds, firstNoticeAt?: number): void {
    if (record.result === 'live') this.builds.inc({ result: 'live' });
    else this.builds.inc({ result: 'failed', kind: record.failure?.kind ?? 'unknown' });
    const seconds = record.stats?.seconds;
    if (seconds) {
      // A deferred search index is timed when it is switched in (recordSearchIndex).
      const deferred = record.stats?.searchIndex === 'deferred';
      for (const phase of ['fetch', 'render', 'images', 'search', 'compress'] as const)
        if (!(phase === 'search' && deferred)) this.buildSeconds.observe({ phase }, seconds[phase]);
      this.renderedFiles.inc(record.stats?.rendered ?? 0);
    }
    if (phases.checks !== undefined) this.buildSeconds.observe({ phase: 'checks' }, phases.checks);
    if (phases.upload !== undefined) this.buildSeconds.observe({ phase: 'upload' }, phases.upload);
    this.buildSeconds.observe({ phase: 'total' }, record.durationMs / 1000);
    if (record.result === 'live' && firstNoticeAt !== undefined) {
      const live = Date.parse(record.finishedAt);
      this.publishToLive.observe(Math.max(0, (live - firstNoticeAt) / 1000));
    }
  }

  /**
   * Counts a search index made after its build went live; `seconds` (when it worked) is its
   * `search` phase: linking the last build's index, then making and switching in its own.
   */
  recordSearchIndex(result: 'ok' | 'failed', seconds?: number): void {
    this.searchIndexUpdates.inc({ result });
    if (seconds !== undefined) this.buildSeconds.observe({ phase: 'search' }, seconds);
  }

  /** The metrics in Prometheus's text format. */
  metrics(): Promise<string> {
    return this.registry.metrics();
  }

  /** The content type of `metrics()`. */
  get contentType(): string {
    return this.registry.contentType;
  }
}
