import { parseRateLimit, type RateLimit } from './rate-limiter';

/** How the submission endpoints behave; from the environment (see cms/.env.example). */
export interface SubmissionSettings {
  /** SUBMISSION_RATE_LIMIT: stored submissions, default 5 per 10 minutes per address. */
  rateLimit: RateLimit;
  /** SUBMISSION_ATTEMPT_LIMIT: every post, refused ones too; default 30 per 10 minutes. */
  attemptLimit: RateLimit;
  /** SUBMISSION_MIN_FILL_SECONDS: default 3. */
  minFillMs: number;
  /** SUBMISSION_TRUSTED_PROXIES: addresses whose X-Forwarded-For is believed (comma-separated). */
  trustedProxies: string[];
  /**
   * SITE_URL's origin: the only origin allowed to call the endpoints from a browser, and the
   * only one a browser may post a form from (see cross-site.ts).
   */
  siteOrigin: string | null;
  /** SUBMISSION_RETENTION_DAYS: submitter data is wiped from drafts older than this; default 90. */
  retentionDays: number;
  /**
   * SUBMISSION_NOTIFY_TO: editors who get an e-mail about each new submission (comma-separated).
   * Empty unless SMTP_HOST is set too: without a mail server, nobody is mailed.
   */
  notifyTo: string[];
}

function positiveNumber(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined || value.trim() === '') return fallback;
  const number = Number(value);
  if (!Number.isFinite(number) || number < 0) {
    throw new Error(`${name} must be a number of 0 or more; got "${value}".`);
  }
  return number;
}

/** A comma-separated setting as a list, without blanks. */
const list = (value: string | undefined) =>
  (value ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);

export function submissionSettings(env: NodeJS.ProcessEnv = process.env): SubmissionSettings {
  const siteUrl = env.SITE_URL?.trim() || null;
  return {
    rateLimit: parseRateLimit(env.SUBMISSION_RATE_LIMIT),
    attemptLimit: parseRateLimit(env.SUBMISSION_ATTEMPT_LIMIT, 'SUBMISSION_ATTEMPT_LIMIT', '30/10'),
    minFillMs:
      positiveNumber('SUBMISSION_MIN_FILL_SECONDS', env.SUBMISSION_MIN_FILL_SECONDS, 3) * 1000,
    trustedProxies: list(env.SUBMISSION_TRUSTED_PROXIES),
    siteOrigin: siteUrl ? new URL(siteUrl).origin : null,
    retentionDays: positiveNumber('SUBMISSION_RETENTION_DAYS', env.SUBMISSION_RETENTION_DAYS, 90),
    notifyTo: env.SMTP_HOST?.trim() ? list(env.SUBMISSION_NOTIFY_TO) : [],
  };
}
