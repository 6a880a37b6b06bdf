/**
 * The public site on S3-compatible storage: after a build's checks, the publisher makes the
 * site bucket equal to the release (see planSync for what goes up and what goes away, and in
 * which order). The bucket is listed on every sync and files are compared by content hash (a
 * single-part upload's ETag is the MD5 of its content), so a sync works from any state of the
 * bucket: empty, half-synced after a failure, or behind after a rollback.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import {
  DeleteObjectsCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import type { S3Settings } from '@hub/shared';
import { createS3Client, describeS3Error } from './s3-client';
import {
  dueRemovals,
  planSync,
  type BucketMemory,
  type LocalObject,
  type PlannedUpload,
  type RemoteObject,
} from './site-bucket-plan';

/** Options of the site bucket. */
export interface SiteBucketOptions {
  settings: S3Settings;
  /** Where the sync's memory is kept (pending removals, headers): the publisher's root. */
  stateFile: string;
  /**
   * How long an asset that is gone from the live build stays in the bucket (PUBLISH_S3_GRACE_S).
   * A reader who opened a page of the previous build just before the switch still loads its
   * scripts, styles, images and Pagefind chunks, and a CDN may serve that page until it checks
   * again: those requests must not fail.
   */
  graceMs: number;
  /** Uploads at the same time (default 8). */
  concurrency?: number;
  /** The clock (tests move it). */
  now?: () => number;
  log: (line: string) => void;
  /** The client to use (default: one made from `settings`). */
  client?: S3Client;
}

/** What one sync did, for the build's record and the status endpoint. */
export interface SyncReport {
  bucket: string;
  /** Objects uploaded, and their bytes. */
  uploaded: number;
  uploadedBytes: number;
  /** Objects removed: gone pages and feeds, and assets whose grace period had passed. */
  removed: number;
  /** Assets gone from the build that wait for their grace period. */
  waitingRemoval: number;
  seconds: number;
}

/** The last sync, as the status endpoint shows it. */
export interface LastSync {
  at: string;
  releaseId: string;
  result: 'ok' | 'failed';
  error?: string;
  report?: SyncReport;
}

/** Largest batch S3's DeleteObjects takes. */
const DELETE_BATCH = 1000;
/** Files hashed at the same time. */
const HASHING = 16;

/**
 * Runs `task` on every item with at most `limit` running at once. The first failure stops new
 * tasks from starting and is thrown once the running ones are done, so nothing is left running.
 */
async function eachLimited<T>(
  items: readonly T[],
  limit: number,
  task: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  let failure: { error: unknown } | null = null;
  const runner = async () => {
    while (!failure && next < items.length) {
      const item = items[next++] as T;
      try {
        await task(item);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, runner));
  if (failure) throw (failure as { error: unknown }).error;
}

/**
 * The files of a release: every regular file, with its key (the path in the release) and size.
 * Hidden names are left out, as the static server does not serve them; so are symbolic links
 * (the exporter writes none, and one could lead out of the release).
 */
export async function releaseFiles(dir: string): Promise<{ key: string; file: string }[]> {
  const found: { key: string; file: string }[] = [];
  const walk = async (folder: string, prefix: string) => {
    for (const entry of await fs.readdir(folder, { withFileTypes: true })) {
      if (entry.name.startsWith('.')) continue;
      const file = path.join(folder, entry.name);
      if (entry.isDirectory()) await walk(file, `${prefix}${entry.name}/`);
      else if (entry.isFile()) found.push({ key: `${prefix}${entry.name}`, file });
    }
  };
  await walk(dir, '');
  return found;
}

const md5 = (body: Uint8Array) => createHash('md5').update(body).digest('hex');

const EMPTY_MEMORY: BucketMemory = { pendingRemovals: {}, headers: {} };

/**
 * The site bucket: syncs a release into it (sync), removes assets whose grace period has passed
 * (on each sync, and on a timer: startRemovalTimer), and remembers what it waits to remove in a
 * small state file, written atomically. Its operations never overlap.
 */
export class SiteBucket {
  readonly bucket: string;
  /** Where readers (or a CDN) get the bucket's objects. */
  readonly publicUrl: string;
  private readonly client: S3Client;
  private readonly now: () => number;
  private chain: Promise<unknown> = Promise.resolve();
  private timer: NodeJS.Timeout | null = null;
  private warnedAboutEtags = false;
  /** The last sync's outcome (since this process started). */
  lastSync: LastSync | null = null;

  constructor(private readonly options: SiteBucketOptions) {
    this.bucket = options.settings.bucket;
    this.publicUrl = options.settings.publicUrl;
    this.now = options.now ?? Date.now;
    // A sync may retry a little: an upload that still fails fails the build, which is retried
    // as a whole at the next change.
    this.client =
      options.client ??
      createS3Client(options.settings, {
        maxAttempts: 4,
        connectionTimeoutMs: 5_000,
        requestTimeoutMs: 60_000,
      });
  }

  /** Runs one operation after the ones before it. */
  private serial<T>(operation: () => Promise<T>): Promise<T> {
    const result = this.chain.then(operation);
    this.chain = result.catch(() => undefined);
    return result;
  }

  /**
   * Makes the bucket equal to the release in `dir`: uploads what is new or changed, assets
   * first, then pages and feeds, then the sitemaps; then removes gone pages and feeds at once
   * and gone assets after the grace period. Throws with a clear message when the storage
   * cannot be listed or a file cannot be uploaded; the bucket then holds a mix of the two
   * builds in which every page's assets are present, and the next sync completes it.
   */
  sync(dir: string, releaseId: string): Promise<SyncReport> {
    return this.serial(async () => {
      try {
        const report = await this.syncNow(dir);
        this.lastSync = { at: new Date(this.now()).toISOString(), releaseId, result: 'ok', report };
        return report;
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        this.lastSync = {
          at: new Date(this.now()).toISOString(),
          releaseId,
          result: 'failed',
          error: message,
        };
        throw error;
      }
    });
  }

  private async syncNow(dir: string): Promise<SyncReport> {
    const started = performance.now();
    const [local, remote, memory] = await Promise.all([
      this.hashRelease(dir),
      this.list(),
      this.readMemory(),
    ]);
    const plan = planSync(
      local.map(({ key, md5, size }) => ({ key, md5, size })),
      remote,
      memory,
      this.now(),
      this.options.graceMs,
    );
    const files = new Map(local.map((object) => [object.key, object.file]));
    // An asset that waited for removal and is in this release again must not be removed by the
    // timer while this sync runs or after it fails half-way: its pages may already be up.
    await this.writeMemory({
      ...memory,
      pendingRemovals: Object.fromEntries(
        Object.entries(memory.pendingRemovals).filter(([key]) => !files.has(key)),
      ),
    });
    let uploaded = 0;
    let uploadedBytes = 0;
    for (const { uploads } of plan.stages) {
      await eachLimited(uploads, this.options.concurrency ?? 8, async (upload) => {
        await this.upload(upload, files.get(upload.key) as string);
        uploaded += 1;
        uploadedBytes += upload.size;
      });
    }
    const removed = [...plan.removeNow, ...plan.removeDue];
    await this.remove(removed);
    await this.writeMemory(plan.memory);
    return {
      bucket: this.bucket,
      uploaded,
      uploadedBytes,
      removed: removed.length,
      waitingRemoval: Object.keys(plan.memory.pendingRemovals).length,
      seconds: Number(((performance.now() - started) / 1000).toFixed(2)),
    };
  }

  /**
   * Removes the assets whose grace period has passed, between syncs. A failure is logged and
   * tried again at the next run: the assets wait a little longer, nothing breaks.
   */
  removeDue(): Promise<number> {
    return this.serial(async () => {
      const memory = await this.readMemory();
      const { remove, memory: after } = dueRemovals(memory, this.now());
      if (remove.length === 0) return 0;
      await this.remove(remove);
      await this.writeMemory(after);
      this.options.log(
        `Removed ${remove.length} assets from the site bucket ${this.bucket} after their grace period.`,
      );
      return remove.length;
    });
  }

  /** Checks for assets to remove every `intervalMs` until close(). */
  startRemovalTimer(intervalMs = 60_000): void {
    this.timer ??= setInterval(() => {
      this.removeDue().catch((error: unknown) =>
        this.options.log(
          `Assets waiting for removal could not be removed from the site bucket ` +
            `${this.bucket}; tried again later. ${describeS3Error(error)}`,
        ),
      );
    }, intervalMs);
    this.timer.unref();
  }

  /** Stops the timer (the client's connections close with the process). */
  close(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.client.destroy();
  }

  /** Assets waiting for their grace period, by key: when they may be removed. */
  async pendingRemovals(): Promise<Record<string, number>> {
    return (await this.readMemory()).pendingRemovals;
  }

  private async hashRelease(dir: string): Promise<(LocalObject & { file: string })[]> {
    const files = await releaseFiles(dir);
    const hashed: (LocalObject & { file: string })[] = [];
    await eachLimited(files, HASHING, async ({ key, file }) => {
      const body = await fs.readFile(file);
      hashed.push({ key, file, md5: md5(body), size: body.byteLength });
    });
    return hashed;
  }

  private async list(): Promise<RemoteObject[]> {
    const objects: RemoteObject[] = [];
    let token: string | undefined;
    try {
      do {
        const page = await this.client.send(
          new ListObjectsV2Command({ Bucket: this.bucket, ContinuationToken: token }),
        );
        for (const object of page.Contents ?? []) {
          if (!object.Key) continue;
          objects.push({
            key: object.Key,
            etag: (object.ETag ?? '').replace(/"/g, '').toLowerCase(),
          });
        }
        token = page.IsTruncated ? page.NextContinuationToken : undefined;
      } while (token);
    } catch (error) {
      throw new Error(
        `The site bucket ${this.describeBucket()} could not be listed: ${describeS3Error(error)}`,
        { cause: error },
      );
    }
    return objects;
  }

  private async upload(upload: PlannedUpload, file: string): Promise<void> {
    // A buffer, not a stream: see createS3Client. Files of the site are small.
    const body = await fs.readFile(file);
    let etag: string | undefined;
    try {
      const answer = await this.client.send(
        new PutObjectCommand({
          Bucket: this.bucket,
          Key: upload.key,
          Body: body,
          ContentType: upload.headers.contentType,
          CacheControl: upload.headers.cacheControl,
          ...(upload.headers.contentEncoding
            ? { ContentEncoding: upload.headers.contentEncoding }
            : {}),
        }),
      );
      etag = answer.ETag;
    } catch (error) {
      throw new Error(
        `Uploading ${upload.key} to the site bucket ${this.describeBucket()} failed: ` +
          describeS3Error(error),
        { cause: error },
      );
    }
    const stored = (etag ?? '').replace(/"/g, '').toLowerCase();
    if (stored && stored !== md5(body) && !this.warnedAboutEtags) {
      // Storage with server-side encryption by KMS gives ETags that are not MD5s: every sync
      // would then upload every file. Correct, but slow: the operator should know.
      this.warnedAboutEtags = true;
      this.options.log(
        `The site bucket ${this.bucket} gives ETags that are not the MD5 of the content ` +
          `(${upload.key}): every sync will upload every file.`,
      );
    }
  }

  private async remove(keys: readonly string[]): Promise<void> {
    for (let start = 0; start < keys.length; start += DELETE_BATCH) {
      const batch = keys.slice(start, start + DELETE_BATCH);
      let errors: { Key?: string; Code?: string; Message?: string }[];
      try {
        const answer = await this.client.send(
          new DeleteObjectsCommand({
            Bucket: this.bucket,
            Delete: { Objects: batch.map((Key) => ({ Key })), Quiet: true },
          }),
        );
        errors = answer.Errors ?? [];
      } catch (error) {
        throw new Error(
          `Removing ${batch.length} objects from the site bucket ${this.describeBucket()} ` +
            `failed: ${describeS3Error(error)}`,
          { cause: error },
        );
      }
      if (errors.length > 0) {
        const first = errors[0];
        throw new Error(
          `${errors.length} objects could not be removed from the site bucket ` +
            `${this.describeBucket()}, among them ${first?.Key}: ${first?.Code} ${first?.Message}`,
        );
      }
    }
  }

  private describeBucket(): string {
    const { bucket, endpoint } = this.options.settings;
    return endpoint ? `${bucket} at ${endpoint}` : bucket;
  }

  /**
   * The memory of earlier syncs, or an empty one (the first sync, another bucket, a file that
   * cannot be read: then a grace period starts again and headers are trusted, both harmless).
   */
  private async readMemory(): Promise<BucketMemory> {
    let value: unknown;
    try {
      value = JSON.parse(await fs.readFile(this.options.stateFile, 'utf8'));
    } catch {
      return EMPTY_MEMORY;
    }
    const state = value as { bucket?: unknown; pendingRemovals?: unknown; headers?: unknown };
    const isMap = <T>(map: unknown, type: 'number' | 'string'): map is Record<string, T> =>
      typeof map === 'object' &&
      map !== null &&
      Object.values(map).every((item) => typeof item === type);
    const { pendingRemovals, headers } = state ?? {};
    if (
      state?.bucket !== this.bucket ||
      !isMap<number>(pendingRemovals, 'number') ||
      !isMap<string>(headers, 'string')
    )
      return EMPTY_MEMORY;
    return { pendingRemovals, headers };
  }

  /** Writes the memory atomically: a new file renamed over the old, never half a file. */
  private async writeMemory(memory: BucketMemory): Promise<void> {
    await fs.mkdir(path.dirname(this.options.stateFile), { recursive: true });
    const partial = `${this.options.stateFile}.${process.pid}.partial`;
    await fs.writeFile(partial, JSON.stringify({ bucket: this.bucket, ...memory }));
    await fs.rename(partial, this.options.stateFile);
  }
}
