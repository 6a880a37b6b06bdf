import fs from 'node:fs/promises';
import path from 'node:path';
import { BuildQueue } from './build-queue';
import type { ExportStats } from '../../../site/scripts/export-site';
import { BuildWorkerClient } from './build-worker-client';
import { checkRelease, type CmsSource } from './release-checks';
import { Releases } from './releases';

/** The outcome of one build. */
export interface BuildRecord {
  id: string;
  startedAt: string;
  finishedAt: string;
  durationMs: number;
  result: 'live' | 'failed';
  /** Why it failed, in words an operator can act on. */
  error?: string;
  /** What the build made and where its time went (when it got that far). */
  stats?: ExportStats;
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
  /** Quiet time after a notice before building. */
  debounceMs: number;
  /** Good releases kept for rollback. */
  keep: number;
  log: (line: string) => void;
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
  private readonly worker: BuildWorkerClient;
  /** Builds never overlap, whoever asks: two Astro builds share temporary folders. */
  private lock: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: PublisherOptions) {
    this.releases = new Releases(options.root);
    this.queue = new BuildQueue(async () => {
      await this.build();
    }, options.debounceMs);
    this.stateFile = path.join(options.root, 'state.json');
    this.worker = new BuildWorkerClient(options.siteDir, options.log);
  }

  /** Stops the build process (call when the publisher shuts down). */
  close(): void {
    this.worker.close();
  }

  /** Reads the history of earlier runs (kept releases survive a restart). */
  async load(): Promise<void> {
    try {
      this.history = JSON.parse(await fs.readFile(this.stateFile, 'utf8')) as BuildRecord[];
    } catch {
      this.history = [];
    }
  }

  private async save(): Promise<void> {
    await fs.mkdir(this.options.root, { recursive: true });
    await fs.writeFile(this.stateFile, JSON.stringify(this.history.slice(-50), null, 2));
  }

  private async goodReleases(): Promise<string[]> {
    const onDisk = new Set(await this.releases.list());
    return this.history
      .filter((record) => record.result === 'live' && onDisk.has(record.id))
      .map((record) => record.id);
  }

  /** One build: fresh folder, build, checks, atomic switch, prune. Waits for a running build. */
  build(): Promise<BuildRecord> {
    const next = this.lock.then(() => this.buildNow());
    this.lock = next.catch(() => undefined);
    return next;
  }

  private async buildNow(): Promise<BuildRecord> {
    const started = new Date();
    const { id, dir } = await this.releases.create(started);
    this.building = { id, startedAt: started.toISOString() };
    this.options.log(`Build ${id} started.`);
    let error: string | undefined;
    let stats: ExportStats | undefined;
    try {
      const cms = this.options.cms();
      stats = await this.worker.build({
        id,
        outDir: dir,
        siteUrl: this.options.siteUrl,
        cmsUrl: cms.url,
        token: cms.token,
      });
      this.options.log(
        `Build ${id}: ${stats.rendered} of ${stats.files} files rendered; read the CMS in ` +
          `${stats.seconds.fetch.toFixed(1)} s, rendered in ${stats.seconds.render.toFixed(1)} s, ` +
          `${stats.images.encoded} images encoded.`,
      );
      const problems = await checkRelease(dir, cms);
      if (problems.length > 0) throw new Error(`Checks failed: ${problems.join('; ')}`);
      await this.releases.activate(id);
    } catch (cause) {
      error = cause instanceof Error ? cause.message : String(cause);
      await this.releases.remove(id);
    }
    const finished = new Date();
    const record: BuildRecord = {
      id,
      startedAt: started.toISOString(),
      finishedAt: finished.toISOString(),
      durationMs: finished.getTime() - started.getTime(),
      result: error ? 'failed' : 'live',
      ...(error ? { error } : {}),
      ...(stats ? { stats } : {}),
    };
    this.history.push(record);
    this.building = null;
    if (!error) await this.releases.prune(await this.goodReleases(), this.options.keep);
    await this.save();
    this.options.log(
      error
        ? `Build ${id} failed; the live site is unchanged. ${error}`
        : `Build ${id} is live (${record.durationMs} ms).`,
    );
    return record;
  }

  /** Makes the good release before the live one live again. */
  async rollback(): Promise<string> {
    const good = await this.goodReleases();
    const live = await this.releases.liveId();
    const index = live ? good.indexOf(live) : -1;
    const previous = index > 0 ? good[index - 1] : undefined;
    if (!previous) throw new Error('There is no earlier good build to go back to.');
    await this.releases.activate(previous);
    this.options.log(`Rolled back: ${previous} is live again.`);
    return previous;
  }

  /** What the status endpoint shows. */
  async status() {
    const last = this.history.at(-1) ?? null;
    return {
      live: await this.releases.liveId(),
      building: this.building,
      queued: this.queue.queued,
      last,
      lastSuccess: [...this.history].reverse().find((record) => record.result === 'live') ?? null,
      kept: await this.goodReleases(),
    };
  }
}
