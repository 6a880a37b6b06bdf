import { Counter, Registry, collectDefaultMetrics } from 'prom-client';
import type { SubmissionKind } from '@hub/shared';

/**
 * Why a submission was refused: by the guard before its body was read (too-many-attempts,
 * cross-site, too-large, wrong-type, unreadable) or by the desk after (the rest). A robot that
 * filled in the honeypot is thanked like anyone else, and counted here as refused.
 */
export type SubmissionRefusal =
  | 'too-many-attempts'
  | 'cross-site'
  | 'too-large'
  | 'wrong-type'
  | 'unreadable'
  | 'too-many'
  | 'honeypot'
  | 'token'
  | 'token-used'
  | 'invalid'
  | 'not-saved';

/**
 * The CMS's metrics for Prometheus (GET /metrics, see middlewares/metrics.ts): this instance's
 * submissions by form and outcome, and Node's process metrics. With several instances each
 * is scraped on its own; Prometheus adds them up.
 */
class CmsMetrics {
  readonly registry = new Registry();
  private readonly submissions = new Counter({
    name: 'hub_cms_submissions_total',
    help: 'Posts to the submission forms, by form, outcome (accepted or refused) and reason.',
    labelNames: ['form', 'outcome', 'reason'] as const,
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: 'hub_cms_' });
  }

  /** A submission was stored as a draft. */
  accepted(form: SubmissionKind): void {
    this.submissions.inc({ form, outcome: 'accepted', reason: '' });
  }

  /** A submission was refused (`form` unknown when the guard could not tell). */
  refused(form: SubmissionKind | 'unknown', reason: SubmissionRefusal): void {
    this.submissions.inc({ form, outcome: 'refused', reason });
  }
}

let metrics: CmsMetrics | undefined;

/** This process's metrics (one registry, made on first use). */
export function cmsMetrics(): CmsMetrics {
  metrics ??= new CmsMetrics();
  return metrics;
}
