import type { BuildFailure, BuildWarning } from './build-report';

/**
 * What the publisher's `GET /status` answers, as far as the CMS reads it to tell editors what
 * is live (cms/src/hub/publication). The publisher may send more fields; these are the contract.
 */

/** One build in the publisher's history. */
export interface BuildSummary {
  /** The release id: sorts by start time. */
  id: string;
  /** ISO time the build started, before it read the CMS; '' when unknown (recovered from disk). */
  startedAt: string;
  /** ISO time it went live or failed; '' when unknown. */
  finishedAt: string;
  result: 'live' | 'failed';
  /** Why it failed (result 'failed'). */
  failure?: BuildFailure;
  /** What it built around (result 'live'), e.g. images whose file is gone. */
  warnings?: BuildWarning[];
  /**
   * The publisher's very first build (nothing was built or live before it). While it is in the
   * history, the history reaches back to the start, so every publication falls inside it.
   */
  first?: true;
}

/** The publisher's state. */
export interface PublisherStatus {
  /** Id of the build readers get now, or null before the first good build. */
  live: string | null;
  /** The build running now. */
  building: { id: string; startedAt: string } | null;
  /** True when a build will start soon: a notice waits for its quiet time, or a follow-up. */
  pending: boolean;
  /** The builds the publisher remembers, oldest first (at least the last 50). */
  builds: BuildSummary[];
}
