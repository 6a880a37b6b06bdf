import type { BuildSummary, BuildWarning, PublisherStatus } from '@hub/shared';
import { classifyBuildError } from '../../../site/scripts/build-failure';
import { warningsOf } from './metrics';
import type { BuildRecord } from './publisher';
import type { LastSync } from './site-bucket';

/**
 * What GET /status answers, and how a build record becomes an entry of it. The answer is read
 * by anyone who reaches the publisher, so it carries no paths of this machine.
 */

/** Where readers get the site, as the status says it (no local paths: see Publisher.status). */
export type PublishedTo =
  | { kind: 'local' }
  | {
      kind: 'bucket';
      bucket: string;
      publicUrl: string;
      lastSync: LastSync | null;
      /** Assets gone from the live build that wait for their grace period. */
      waitingRemoval: number;
    };

/**
 * What GET /status answers: the contract the CMS reads (PublisherStatus) and, for operators,
 * the newest builds in full, the kept builds and where the site is published.
 */
export interface PublisherStatusAnswer extends PublisherStatus {
  /** True when a follow-up build is queued behind the running one (see `pending`). */
  queued: boolean;
  /** The newest build, with its stats and upload report. */
  last: BuildRecord | null;
  /** The newest good build. */
  lastSuccess: BuildRecord | null;
  /** The good builds kept for rollback, oldest first. */
  kept: string[];
  publishedTo: PublishedTo;
}

/**
 * A build as the status lists it (BuildSummary). Records from before failures had kinds get
 * theirs from their error message; warnings are read from the stats, which older builds lack.
 */
export function buildSummary(record: BuildRecord): BuildSummary {
  const failure =
    record.failure ??
    (record.result === 'failed'
      ? { kind: classifyBuildError(record.error ?? ''), message: record.error ?? '' }
      : undefined);
  const warnings = warningsOf(record) as BuildWarning[];
  return {
    id: record.id,
    startedAt: record.startedAt,
    finishedAt: record.finishedAt,
    result: record.result,
    ...(failure ? { failure } : {}),
    ...(warnings.length > 0 ? { warnings } : {}),
    ...(record.first ? { first: true as const } : {}),
  };
}

/**
 * `text` with every path inside one of `dirs` (and the folder itself) replaced by `<path>`. Only
 * paths that start at a word boundary count, so a URL's path (`http://host/tmp/x`) is left.
 */
export function withoutPaths(text: string, dirs: readonly string[]): string {
  const known = [...new Set(dirs.map((dir) => dir.replace(/[\\/]+$/, '')))]
    .filter((dir) => dir.length > 1)
    .sort((a, b) => b.length - a.length);
  let result = text;
  for (const dir of known) {
    const escaped = dir.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const pattern = new RegExp(
      `(?<![\\w.-])${escaped}(?=$|[\\\\/\\s'"\`,;:()])[^\\s'"\`,;()]*`,
      'g',
    );
    result = result.replace(pattern, '<path>');
  }
  return result;
}

/** `value` with `change` applied to every string in it (a copy; plain data only). */
export function mapStrings<T>(value: T, change: (text: string) => string): T {
  if (typeof value === 'string') return change(value) as T;
  if (Array.isArray(value)) return value.map((item) => mapStrings(item, change)) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, mapStrings(item, change)]),
    ) as T;
  }
  return value;
}
