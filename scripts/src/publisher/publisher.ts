import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { BuildFailure } from '@hub/shared';
import { BuildQueue } from './build-queue';
import {
  BuildFailedError,
  classifyBuildError,
  failureOf,
  messageOf,
} from '../../../site/scripts/build-failure';
import { failureMail, mailOccasion, type Mailer } from './failure-mail';
import { PublisherMetrics, type PhaseSeconds } from './metrics';
import {
  buildSummary,
  mapStrings,
  withoutPaths,
  type PublishedTo,
  type PublisherStatusAnswer,
} from './status';
import type { LogLevel } from '../../../site/scripts/http/log-format';
import type { ExportStats } from '../../../site/scripts/export-site';
import type { BuildRequest } from '../../../site/scripts/build-worker';
import { BuildWorkerClient } from './build-worker-client';
import { checkRelease, type CmsSource } from './release-checks';
import { Releases } from './releases';
import type { SiteBucket, SyncReport } from './site-bucket';
import { pruneImages } from '../../../site/scripts/site-images';
import { NEXT_SEARCH_DIR, type SearchIndexStats } from '../../../site/scripts/search-index';
import { switchSearchIndex } from './search-switch';

const HOUR_MS = 60 * 60_000;
/**
 * How long the live search index may stay behind the live pages while builds follow each other:
 * a build with a follow-up queued behind it leaves the index to that follow-up (which indexes
 * all changes at once) instead of holding it up, but not for longer than this.
 */
const SEARCH_INDEX_MAX_DELAY_MS = 60_000;
/** Cached images no kept build uses are encoded again when needed after this long. */
const IMAGE_CACHE_MAX_AGE_MS = 7 * 24 * HOUR_MS;

/** The outcome of one build. */
export interface BuildRecord {
  id: string;
  startedAt: string;
  finishedAt: string;
  durationMs: number;
  result: 'live' | 'failed';
  /** Why it failed, in words an operator can act on (kept for readers of older records). */
  error?: string;
  /** Why it failed, as a kind editors can be told about, decided where it failed. */
  failure?: BuildFailure;
  /** What the build made and where its time went (when it got that far). */
  stats?: ExportStats;
  /** What was uploaded to the site bucket (when the site is published to one). */
  upload?: SyncReport;
  /**
   * When the build's own search index was live. A build that wrote its index with its pages
   * has it at `finishedAt`; one that went live with the index of the build before
   * (`stats.searchIndex` 'deferred') gets it when its own index is switched in, a moment later.
   * Absent until then, and when that failed or was left to the next build.
   */
  searchIndexedAt?: string;
  /** Why its own search index could not be switched in (it kept the one of the build before). */
  searchIndexError?: string;
  /** What the sync after the search index switch uploaded to the site bucket. */
  searchUpload?: SyncReport;
  /** Found on disk after the state file was lost: its times are unknown. */
  recovered?: true;
  /** The publisher's very first build: no history and nothing live before it. */
  first?: true;
}

/** The history in a state file, or null when it is not one (half written, edited by hand). */
export function parseHistory(text: string): BuildRecord[] | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  const isRecord = (item: unknown) =>
    typeof item === 'object' &&
    item !== null &&
    typeof (item as BuildRecord).id === 'string' &&
    ((item as BuildRecord).result === 'live' || (item as BuildRecord).result === 'failed');
  return Array.isArray(value) && value.every(isRecord) ? (value as BuildRecord[]) : null;
}

/** A sync's outcome in one line for the log. */
function uploaded(report: SyncReport): string {
  return (
    `uploaded ${report.uploaded} files (${(report.uploadedBytes / 1e6).toFixed(1)} MB) to the ` +
    `site bucket ${report.bucket} in ${report.seconds.toFixed(1)} s; removed ${report.removed}, ` +
    `${report.waitingRemoval} assets wait for their grace period.`
  );
}

/** Builds shown in the state (the status endpoint's history). */
const HISTORY_LENGTH = 50;

/**
 * The history to keep: the last 50 builds, and before them the good builds that may still be
 * kept for rollback (the newest `keep`). Without them, a long run of failed builds (an hourly
 * rebuild failing for two days) would push the kept builds out of the history, and the next
 * good build would delete them as unknown.
 */
export function trimHistory(history: readonly BuildRecord[], keep: number): BuildRecord[] {
  const recent = history.slice(-HISTORY_LENGTH);
  const older = history.slice(0, -HISTORY_LENGTH).filter((record) => record.result === 'live');
  return [...older.slice(-keep), ...recent];
}

/** What builds a release: the build worker (BuildWorkerClient), or a stand-in in tests. */
export interface SiteBuilder {
  /** Builds the site into request.outDir; rejects with the cause when it fails. */
  build(request: BuildRequest, timeoutMs: number): Promise<ExportStats>;
  /**
   * Prepares the new search index of a live release in its `.pagefind-next/` (only asked for
   * after a build whose stats say `searchIndex: 'deferred'`).
   */
  indexSearch?(releaseDir: string, timeoutMs: number): Promise<SearchIndexStats>;
  close(): void;
}

/** Options of the publisher. */
export interface PublisherOptions {
  /** Folder for releases/, live and state.json. */
  root: string;
  /** The site workspace (its scripts/build-worker.ts builds the releases). */
  siteDir: string;
  /** The CMS to build from; asked again for every build, so a renewed token is picked up. */
  cms: () => CmsSource;
  /** Public URL of the site. */
  siteUrl: string;
  /** Quiet time after a notice before building (default 0: build at the first notice). */
  debounceMs?: number;
  /** Good releases kept for rollback. */
  keep: number;
  /** A build that takes longer is stopped and fails. */
  buildTimeoutMs: number;
  /** The builds' image cache, pruned once an hour (see pruneImageCache); none: not pruned. */
  imageCacheDir?: string;
  /**
   * The site bucket the public site is published to (PUBLISH_S3_BUCKET); none: the site is
   * served from the local `live` folder only.
   */
  siteBucket?: SiteBucket;
  /** What builds the releases (default: the build worker of `siteDir`). */
  builder?: SiteBuilder;
  /**
   * First wait before building again after the site bucket could not be updated (default 30 s,
   * doubling up to 10 minutes): a take-down must reach the bucket without waiting for the next
   * change in the CMS.
   */
  bucketRetryMs?: number;
  /**
   * Sends the editors' mail when builds keep failing and when they work again (see
   * failure-mail.ts); none: no mail.
   */
  mailer?: Mailer;
  /** Where log lines go; `level` is 'info' when not given. */
  log: (line: string, level?: LogLevel) => void;
}

/**
 * Builds the site when the CMS reports a change and makes the result live only when it is
 * complete and checked. A failed build is recorded with its cause and never touches the live
 * site; the next notice tries again.
 */
export class Publisher {
  readonly releases: Releases;
  readonly queue: BuildQueue;
  private history: BuildRecord[] = [];
  private building: { id: string; startedAt: string } | null = null;
  private readonly stateFile: string;
  /** One process that keeps the compiled site loaded between builds. */
  private readonly worker: SiteBuilder;
  /** Builds never overlap, whoever asks: two Astro builds share temporary folders. */
  private lock: Promise<unknown> = Promise.resolve();
  private lastImagePrune = 0;
  /** A build planned because the site bucket is behind, and how many came before it. */
  private bucketRetry: { timer?: NodeJS.Timeout; failures: number } = { failures: 0 };
  /** The editors' mails being sent, in order; never rejects. */
  private mails: Promise<void> = Promise.resolve();
  /**
   * The live release whose search index is older than its pages, and since when the live
   * index has been behind (ms): set when a build goes live with the index of the build before,
   * cleared when a build's own index is live.
   */
  private searchBehind: { id: string; since: number } | undefined;
  /** True while a live build's search index is made and switched in (not a pending build). */
  private searchIndexing = false;
  /** What GET /metrics answers. */
  readonly metrics: PublisherMetrics;

  constructor(private readonly options: PublisherOptions) {
    this.releases = new Releases(options.root);
    this.queue = new BuildQueue(async (firstNoticeAt) => {
      await this.serial(() => this.buildAndIndex(firstNoticeAt));
    }, options.debounceMs);
    this.stateFile = path.join(options.root, 'state.json');
    this.worker = options.builder ?? new BuildWorkerClient(options.siteDir, options.log);
    this.metrics = new PublisherMetrics(async () => ({
      history: this.history,
      live: await this.releases.liveId(),
    }));
  }

  /** Resolves when the mails started so far are sent or given up (tests, shutdown). */
  mailsDone(): Promise<void> {
    return this.mails;
  }

  /** Stops the build process and the site bucket's timer (call when the publisher shuts down). */
  close(): void {
    this.worker.close();
    this.options.siteBucket?.close();
    clearTimeout(this.bucketRetry.timer);
  }

  /**
   * After a failed upload to the site bucket: builds again after 30 s, 1, 2, 4 ... at most 10
   * minutes, until an upload succeeds. The bucket may be behind the CMS until then (an
   * unpublished page still online), so it must not wait for the next change.
   */
  private retryBucketLater(): void {
    if (this.bucketRetry.timer) return;
    const base = this.options.bucketRetryMs ?? 30_000;
    const delay = Math.min(base * 2 ** this.bucketRetry.failures, 10 * 60_000);
    this.bucketRetry.failures += 1;
    this.options.log(`The site bucket is behind; building again in ${delay / 1000} s.`, 'warn');
    this.bucketRetry.timer = setTimeout(() => {
      this.bucketRetry.timer = undefined;
      this.queue.notify();
    }, delay);
    this.bucketRetry.timer.unref();
  }

  /**
   * Reads the history of earlier runs (kept releases survive a restart). A state file that
   * cannot be read is put aside, never trusted and never written over, and the kept builds are
   * found on disk instead (see recoverHistory), so none of them is deleted for it.
   */
  async load(): Promise<void> {
    let text: string;
    try {
      text = await fs.readFile(this.stateFile, 'utf8');
    } catch {
      this.history = []; // the first run
      return;
    }
    const parsed = parseHistory(text);
    if (parsed) {
      this.history = parsed;
      return;
    }
    const aside = `${this.stateFile}.unreadable-${Date.now()}`;
    await fs.rename(this.stateFile, aside).catch(() => undefined);
    this.history = await this.recoverHistory();
    this.options.log(
      `The publisher's state could not be read; it was moved to ${aside}. ` +
        `Kept builds found on disk: ${this.history.map((record) => record.id).join(', ') || 'none'}.`,
      'warn',
    );
  }

  /**
   * The kept builds, found on disk when the state is lost: the live one and every older folder.
   * (A failed build is removed at once and unknown folders at every prune, so an older folder
   * was a good build; one newer than the live build may be a build that was cut off.)
   */
  private async recoverHistory(): Promise<BuildRecord[]> {
    const live = await this.releases.liveId();
    if (!live) return [];
    return (await this.releases.list())
      .filter((id) => id <= live)
      .map((id) => ({
        id,
        startedAt: '',
        finishedAt: '',
        durationMs: 0,
        result: 'live' as const,
        recovered: true,
      }));
  }

  /** Writes the state atomically: a new file renamed over the old, never half a file. */
  private async save(): Promise<void> {
    await fs.mkdir(this.options.root, { recursive: true });
    const partial = `${this.stateFile}.${process.pid}.partial`;
    await fs.writeFile(partial, JSON.stringify(this.history, null, 2));
    await fs.rename(partial, this.stateFile);
  }

  private async goodReleases(): Promise<string[]> {
    const onDisk = new Set(await this.releases.list());
    return this.history
      .filter((record) => record.result === 'live' && onDisk.has(record.id))
      .map((record) => record.id);
  }

  /** Runs an operation on the releases after the ones before it: builds and rollbacks never mix. */
  private serial<T>(operation: () => Promise<T>): Promise<T> {
    const next = this.lock.then(operation);
    this.lock = next.catch(() => undefined);
    return next;
  }

  /**
   * One build: fresh folder, build, checks, upload to the site bucket, atomic switch; then its
   * own search index and pruning (see buildAndIndex). Waits for a running build.
   */
  build(): Promise<BuildRecord> {
    return this.serial(() => this.buildAndIndex());
  }

  /**
   * A build, and right after it went live, in the same turn of the lock (no other build or
   * rollback in between), its own search index: the page is live without waiting for Pagefind,
   * and search catches up a moment later (see catchUpSearchIndex). The queue's idle() and
   * build() resolve only after both.
   */
  private async buildAndIndex(firstNoticeAt?: number): Promise<BuildRecord> {
    const record = await this.buildNow(firstNoticeAt);
    this.searchIndexing = true;
    try {
      await this.catchUpSearchIndex();
      if (record.result === 'live') await this.tidyUp(record.id);
    } finally {
      this.searchIndexing = false;
    }
    return record;
  }

  /**
   * Removes the builds no longer kept and, once an hour, unused cached images: after the new
   * build and its search index are live, not in between. Removing a build's thousands of files
   * keeps Node's file threads busy for a third of a second at 2,200 files, and a static server
   * in the same process (tests, the bench) then answered the new page that much later
   * (measured). A failure is logged; the next build prunes again.
   */
  private async tidyUp(id: string): Promise<void> {
    try {
      await this.releases.prune(await this.goodReleases(), this.options.keep);
    } catch (error) {
      this.options.log(`Build ${id}: old builds could not be pruned. ${messageOf(error)}`, 'error');
    }
    await this.pruneImageCache();
  }

  /**
   * Makes the site bucket equal to the live release, once at start: the bucket may be new, or
   * behind after a sync that failed, and the CMS may be down so that no build follows soon.
   * A failure is logged; the next build syncs again.
   */
  syncLive(): Promise<void> {
    const bucket = this.options.siteBucket;
    if (!bucket) return Promise.resolve();
    return this.serial(async () => {
      const live = await this.releases.liveId();
      if (!live) return;
      try {
        const report = await bucket.sync(path.join(this.releases.releasesDir, live), live);
        this.options.log(
          `Site bucket ${bucket.bucket} checked against ${live}: ${uploaded(report)}`,
        );
      } catch (error) {
        this.options.log(
          `The site bucket could not be brought up to date with ${live}. ${messageOf(error)}`,
          'error',
        );
        this.retryBucketLater();
      }
    });
  }

  /**
   * @param firstNoticeAt when the first notice that led to this build arrived (ms), when one
   *   did: how long editors waited for it is measured from there
   */
  private async buildNow(firstNoticeAt?: number): Promise<BuildRecord> {
    const started = new Date();
    const first = this.history.length === 0 && (await this.releases.liveId()) === null;
    const { id, dir } = await this.releases.create(started);
    this.building = { id, startedAt: started.toISOString() };
    this.options.log(`Build ${id} started.`);
    let failure: BuildFailure | undefined;
    let stats: ExportStats | undefined;
    let upload: SyncReport | undefined;
    const phases: PhaseSeconds = {};
    try {
      // Each step says what kind of failure it is, where that is still known.
      const cms = this.options.cms();
      stats = await this.worker.build(
        {
          id,
          outDir: dir,
          siteUrl: this.options.siteUrl,
          cmsUrl: cms.url,
          token: cms.token,
          // Live first with the last build's index; this build's own follows (buildAndIndex).
          search: this.worker.indexSearch ? 'defer' : 'write',
          // Beside releases/, so a prune never takes it: the next build starts from it.
          spareDir: path.join(this.options.root, 'spare'),
        },
        this.options.buildTimeoutMs,
      );
      this.options.log(
        `Build ${id}: ${stats.rendered} of ${stats.files} files rendered; read the CMS in ` +
          `${stats.seconds.fetch.toFixed(1)} s, rendered in ${stats.seconds.render.toFixed(1)} s, ` +
          `${stats.images.encoded} images encoded.`,
      );
      let checked = performance.now();
      const problems = await checkRelease(dir, cms).catch((error: unknown) => {
        // The checks read the CMS's totals: a CMS that went away meanwhile is the CMS's failure.
        throw new BuildFailedError(messageOf(error), classifyBuildError(error, 'checks'), {
          cause: error,
        });
      });
      phases.checks = (performance.now() - checked) / 1000;
      if (problems.length > 0)
        throw new BuildFailedError(`Checks failed: ${problems.join('; ')}`, 'checks');
      // The bucket first, then the local switch: `live` names the build the public site was
      // last brought fully up to, so a rollback or the next build starts from what readers
      // have. A failed upload fails the build and leaves `live` as it was (see SiteBucket.sync
      // for what the bucket then holds).
      const bucket = this.options.siteBucket;
      if (bucket) {
        checked = performance.now();
        try {
          upload = await bucket.sync(dir, id);
        } catch (syncError) {
          throw new BuildFailedError(messageOf(syncError), 'site-bucket', { cause: syncError });
        }
        phases.upload = (performance.now() - checked) / 1000;
        this.bucketRetry.failures = 0;
        this.options.log(`Build ${id}: ${uploaded(upload)}`);
      }
      await this.releases.activate(id);
    } catch (cause) {
      failure = failureOf(cause);
      await this.releases.remove(id);
    }
    const finished = new Date();
    const record: BuildRecord = {
      id,
      startedAt: started.toISOString(),
      finishedAt: finished.toISOString(),
      durationMs: finished.getTime() - started.getTime(),
      result: failure ? 'failed' : 'live',
      ...(failure ? { error: failure.message, failure } : {}),
      ...(stats ? { stats } : {}),
      ...(upload ? { upload } : {}),
      ...(first ? { first } : {}),
    };
    if (!failure) this.noteSearchIndexOf(record);
    this.history = trimHistory([...this.history, record], this.options.keep);
    this.building = null;
    // A full disk or a lost folder here must not skip what follows: the log line, the metrics
    // and the editors' mail. The record stays in memory and is saved with the next build.
    await this.saveQuietly(id);
    this.metrics.recordBuild(record, phases, firstNoticeAt);
    this.options.log(
      failure
        ? `Build ${id} failed (${failure.kind}); the live site is unchanged. ${failure.message}`
        : `Build ${id} is live (${record.durationMs} ms)` +
            (record.searchIndexedAt ? '.' : '; its search index follows.'),
      failure ? 'error' : 'info',
    );
    // Planned once this build is cleaned up and logged: "building again" comes after it.
    if (failure?.kind === 'site-bucket') this.retryBucketLater();
    this.mailEditors();
    return record;
  }

  /**
   * Notes whether a build that went live has its own search index: written with its pages (the
   * first build of a worker, a stand-in), or the one of the build before, to be made next.
   */
  private noteSearchIndexOf(record: BuildRecord): void {
    if (record.stats?.searchIndex === 'deferred') {
      this.searchBehind = { id: record.id, since: this.searchBehind?.since ?? Date.now() };
    } else {
      record.searchIndexedAt = record.finishedAt;
      this.searchBehind = undefined;
    }
  }

  /**
   * Brings the live release's search index up to date when it is behind its pages: right after
   * a build went live with the index of the build before, and after a failed build that came
   * between. Left to the follow-up build when one is queued already (it indexes every change
   * at once; waiting for this index would hold up its pages), unless the index has been behind
   * for a minute. Never throws: a failed index leaves the live release and its old index as
   * they are (see updateSearchIndex).
   */
  private async catchUpSearchIndex(): Promise<void> {
    const behind = this.searchBehind;
    if (!behind || !this.worker.indexSearch) return;
    // Rolled back meanwhile: the build now live has an index of its own.
    if ((await this.releases.liveId()) !== behind.id) return;
    const record = this.history.find((build) => build.id === behind.id);
    if (!record) return;
    if (this.queue.queued && Date.now() - behind.since < SEARCH_INDEX_MAX_DELAY_MS) {
      this.options.log(`Build ${record.id}: its search index is left to the build queued next.`);
      return;
    }
    await this.updateSearchIndex(record);
  }

  /**
   * The second switch: the worker makes the index of the live release beside its current one,
   * the publisher switches it in (switchSearchIndex) and, with a site bucket, syncs the bucket
   * again (new index files first, the entry after them, see planSync). A failure is logged and
   * counted; the release stays live with the index it had, and the next build indexes again.
   */
  private async updateSearchIndex(record: BuildRecord): Promise<void> {
    const indexSearch = this.worker.indexSearch?.bind(this.worker);
    if (!indexSearch) return;
    const dir = path.join(this.releases.releasesDir, record.id);
    const started = performance.now();
    let search: SearchIndexStats;
    try {
      search = await indexSearch(dir, this.options.buildTimeoutMs);
      await switchSearchIndex(dir);
    } catch (error) {
      // The worker may have stopped halfway: nothing of its folder may stay behind.
      await fs.rm(path.join(dir, NEXT_SEARCH_DIR), { recursive: true, force: true });
      record.searchIndexError = messageOf(error);
      this.metrics.recordSearchIndex('failed');
      this.options.log(
        `Build ${record.id}: its search index could not be made or switched in; search keeps ` +
          `the index of the build before until the next build. ${messageOf(error)}`,
        'error',
      );
      await this.saveQuietly(record.id);
      return;
    }
    // The search phase of the build: making the index and switching it in.
    const seconds = (performance.now() - started) / 1000;
    record.searchIndexedAt = new Date().toISOString();
    delete record.searchIndexError;
    if (record.stats) record.stats.seconds.search += seconds;
    this.searchBehind = undefined;
    this.metrics.recordSearchIndex('ok', record.stats?.seconds.search ?? seconds);
    this.options.log(
      `Build ${record.id}: search index of ${search.pages} pages made in ` +
        `${search.seconds.toFixed(1)} s and switched in after ${seconds.toFixed(1)} s.`,
    );
    const bucket = this.options.siteBucket;
    if (bucket) {
      try {
        record.searchUpload = await bucket.sync(dir, record.id);
        this.options.log(`Build ${record.id}, search index: ${uploaded(record.searchUpload)}`);
      } catch (error) {
        // The bucket keeps serving the release with its old index, which is whole.
        this.options.log(
          `Build ${record.id}: the new search index could not be uploaded to the site bucket. ` +
            messageOf(error),
          'error',
        );
        this.retryBucketLater();
      }
    }
    await this.saveQuietly(record.id);
  }

  /** Saves the state after a change to a record; a failure is logged (the next save has it). */
  private async saveQuietly(id: string): Promise<void> {
    try {
      await this.save();
    } catch (error) {
      this.options.log(
        `Build ${id}: the publisher's state could not be saved. ${messageOf(error)}`,
        'error',
      );
    }
  }

  /**
   * Tells the editors when the newest build makes three failures in a row, and when a good build
   * ends such a run (see mailOccasion). Read from the saved history, so a restart never sends
   * the same mail again. Sent beside the builds, which never wait for the mail server.
   */
  private mailEditors(): void {
    const mailer = this.options.mailer;
    const occasion = mailOccasion(this.history);
    if (!mailer || !occasion) return;
    const mail = failureMail(occasion, this.history, this.options.siteUrl);
    this.mails = this.mails.then(() => mailer.send(mail)).catch(() => undefined);
  }

  /**
   * Keeps the image cache from growing for ever: at most once an hour, removes the cached
   * images that no kept build uses and that were made more than a week ago. (Every kept build
   * has its own copies; a removed image is encoded again if a later page needs it.)
   */
  private async pruneImageCache(): Promise<void> {
    const cacheDir = this.options.imageCacheDir;
    if (!cacheDir || Date.now() - this.lastImagePrune < HOUR_MS) return;
    this.lastImagePrune = Date.now();
    try {
      const keep = new Set<string>();
      for (const id of await this.releases.list()) {
        const images = path.join(this.releases.releasesDir, id, '_astro', 'img');
        for (const name of await fs.readdir(images).catch(() => [])) keep.add(name);
      }
      const removed = await pruneImages(cacheDir, { olderThanMs: IMAGE_CACHE_MAX_AGE_MS, keep });
      if (removed > 0) this.options.log(`Removed ${removed} unused images from the image cache.`);
    } catch (error) {
      this.options.log(`The image cache could not be pruned: ${String(error)}`, 'warn');
    }
  }

  /**
   * Makes the good release before the live one live again: in the site bucket first (only the
   * differences are uploaded), then locally. When the bucket cannot be brought back, nothing is
   * switched and the error says so. Waits for a running build.
   */
  rollback(): Promise<string> {
    return this.serial(async () => {
      const good = await this.goodReleases();
      const live = await this.releases.liveId();
      const index = live ? good.indexOf(live) : -1;
      const previous = index > 0 ? good[index - 1] : undefined;
      if (!previous) throw new Error('There is no earlier good build to go back to.');
      const bucket = this.options.siteBucket;
      if (bucket) {
        try {
          const report = await bucket.sync(
            path.join(this.releases.releasesDir, previous),
            previous,
          );
          this.options.log(`Rollback to ${previous}: ${uploaded(report)}`);
        } catch (error) {
          throw new Error(
            `The rollback to ${previous} stopped: the site bucket could not be brought back, ` +
              `so ${live} stays live. ${error instanceof Error ? error.message : String(error)}`,
            { cause: error },
          );
        }
      }
      await this.releases.activate(previous);
      this.options.log(`Rolled back: ${previous} is live again.`);
      return previous;
    });
  }

  /**
   * What the status endpoint shows: the contract the CMS reads (PublisherStatus: live, building,
   * pending, builds) and more for operators. No filesystem paths: /status is read by anyone who
   * reaches the publisher, so the folders of this machine are blanked out of error messages.
   */
  async status(): Promise<PublisherStatusAnswer> {
    const last = this.history.at(-1) ?? null;
    const status: PublisherStatusAnswer = {
      live: await this.releases.liveId(),
      building: this.building,
      // A build asked for but waiting for a rollback or the start's bucket sync is on its way too;
      // the search index of a build that is live already is not.
      pending:
        this.queue.pending || (this.queue.busy && this.building === null && !this.searchIndexing),
      queued: this.queue.queued,
      builds: this.history.map(buildSummary),
      last,
      lastSuccess: [...this.history].reverse().find((record) => record.result === 'live') ?? null,
      kept: await this.goodReleases(),
      publishedTo: await this.publishedTo(),
    };
    const dirs = [
      this.options.root,
      path.resolve(this.options.siteDir, '..'),
      this.options.imageCacheDir ?? '',
      os.tmpdir(),
      os.homedir(),
    ];
    return mapStrings(status, (text) => withoutPaths(text, dirs));
  }

  /** Where readers get the site: the local live folder, or the site bucket and its last sync. */
  private async publishedTo(): Promise<PublishedTo> {
    const bucket = this.options.siteBucket;
    // No path: /status is read by anyone who reaches the publisher.
    if (!bucket) return { kind: 'local' as const };
    return {
      kind: 'bucket' as const,
      bucket: bucket.bucket,
      publicUrl: bucket.publicUrl,
      lastSync: bucket.lastSync,
      waitingRemoval: Object.keys(await bucket.pendingRemovals().catch(() => ({}))).length,
    };
  }
}
