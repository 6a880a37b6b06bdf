import type { BuildFailure, BuildWarning } from './build-report';
import type { BuildSummary, PublisherStatus } from './publisher-status';

/**
 * What editors are told about the public site and about one document, worked out from the
 * publisher's status (pure, so the CMS route and its tests share it). A build reads the CMS
 * after it starts, so a document published before a build started is in that build.
 */

/** The site as a whole: the "Publicatie" widget. */
export type SitePublication =
  /** Up to date: the live build is the newest. */
  | { state: 'live'; since: string; warnings: BuildWarning[] }
  /** A build runs or is about to. `since` is when the live build went live ('' before the first). */
  | { state: 'updating'; since: string; warnings: BuildWarning[] }
  /** The newest build failed: readers still get the live build (from `since`, '' when none). */
  | {
      state: 'failed';
      since: string;
      failure: BuildFailure;
      failedAt: string;
      failedInARow: number;
      warnings: BuildWarning[];
    }
  /** No build has gone live yet, and none is running. */
  | { state: 'none' };

/** A document, as far as the public site is concerned: the document panel. */
export type DocumentPublication =
  /** On the live site since that build went live ('' when that moment is not known). */
  | { state: 'on-site'; since: string; hasUnpublishedChanges: boolean }
  /** Published, and a build that will include it runs or is about to. */
  | { state: 'updating' }
  /** Published, but the builds since then failed (the newest failure), or none has run yet. */
  | { state: 'not-yet'; failure?: BuildFailure }
  /**
   * Only a draft: not on the site. With `failure`, the newest build failed: if the document was
   * published before, its page may still be online.
   */
  | { state: 'draft'; failure?: BuildFailure };

/** The live build's record, or undefined before the first (or when it was forgotten). */
function liveBuild(status: PublisherStatus): BuildSummary | undefined {
  return status.builds.find((build) => build.id === status.live);
}

/** The builds up to and including the live one (after a rollback, newer good builds are not live). */
function buildsUpToLive(status: PublisherStatus): BuildSummary[] {
  const index = status.builds.findIndex((build) => build.id === status.live);
  return index < 0 ? [] : status.builds.slice(0, index + 1);
}

const isUpdating = (status: PublisherStatus) => status.building !== null || status.pending;

/** How many builds at the end of the history failed in a row (since the last good one). */
export function failuresInARow(builds: readonly Pick<BuildSummary, 'result'>[]): number {
  let count = 0;
  while (builds[builds.length - 1 - count]?.result === 'failed') count += 1;
  return count;
}

/** The site's state for the widget. */
export function sitePublication(status: PublisherStatus): SitePublication {
  const live = liveBuild(status);
  const since = live?.finishedAt ?? '';
  const warnings = live?.warnings ?? [];
  if (isUpdating(status)) return { state: 'updating', since, warnings };
  const newest = status.builds.at(-1);
  if (newest?.result === 'failed') {
    return {
      state: 'failed',
      since,
      failure: newest.failure ?? { kind: 'unknown', message: '' },
      failedAt: newest.finishedAt,
      failedInARow: failuresInARow(status.builds),
      warnings,
    };
  }
  if (!status.live) return { state: 'none' };
  return { state: 'live', since, warnings };
}

/** What the CMS knows of a document. */
export interface DocumentVersions {
  /** When the published version was published (ISO), or null when there is none. */
  publishedAt: string | null;
  /** The draft has changes that are not published (Strapi's "Gewijzigd"). */
  hasUnpublishedChanges: boolean;
}

/**
 * A document without a published version: a draft, or just unpublished. While a build is on
 * its way, an unpublished page may still be online, so it is not called "not on the site" yet;
 * after a failed build it may still be online too, which the failure says.
 */
function draftPublication(status: PublisherStatus): DocumentPublication {
  if (isUpdating(status)) return { state: 'updating' };
  const newest = status.builds.at(-1);
  if (newest?.result === 'failed') {
    return { state: 'draft', failure: newest.failure ?? { kind: 'unknown', message: '' } };
  }
  return { state: 'draft' };
}

/** The document's state for the panel. */
export function documentPublication(
  document: DocumentVersions,
  status: PublisherStatus,
): DocumentPublication {
  const { publishedAt } = document;
  if (!publishedAt) return draftPublication(status);
  const published = Date.parse(publishedAt);
  const startedAfter = (build: BuildSummary) =>
    build.startedAt !== '' && Date.parse(build.startedAt) >= published;
  const live = liveBuild(status);
  if (live && startedAfter(live)) {
    // The moment is known only when the history reaches back before the publication (it keeps
    // about 50 builds), or to the publisher's first build (the demo's content, published before
    // anything was built); otherwise its oldest build would be taken for the moment.
    const reachesBack =
      status.builds[0]?.first === true ||
      status.builds.some(
        (build) => build.startedAt !== '' && Date.parse(build.startedAt) < published,
      );
    const first = buildsUpToLive(status).find(
      (build) => build.result === 'live' && startedAfter(build),
    );
    return {
      state: 'on-site',
      since: reachesBack ? (first?.finishedAt ?? live.finishedAt) : '',
      hasUnpublishedChanges: document.hasUnpublishedChanges,
    };
  }
  if (isUpdating(status)) return { state: 'updating' };
  const failed = status.builds.filter((build) => build.result === 'failed' && startedAfter(build));
  const failure = failed.at(-1)?.failure;
  if (failure) return { state: 'not-yet', failure };
  // Live, but from a build whose times were lost with the publisher's state: nothing failed
  // since, so the document was most likely in it.
  if (live && live.startedAt === '') {
    return { state: 'on-site', since: '', hasUnpublishedChanges: document.hasUnpublishedChanges };
  }
  return { state: 'not-yet' };
}
