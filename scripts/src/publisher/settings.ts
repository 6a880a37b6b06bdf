import { readS3Settings, type S3Settings } from '@hub/shared';
import type { MailSettings } from './failure-mail';

/** The publisher's numeric settings, from the environment (see the README, "Publishing"). */
export interface PublisherSettings {
  /**
   * PUBLISH_DEBOUNCE_MS: quiet time after a notice before building (default 0: build at the
   * first notice; notices during a build become one follow-up, see BuildQueue).
   */
  debounceMs: number;
  /** PUBLISH_KEEP: good builds kept for rollback (default 5). */
  keep: number;
  /**
   * PUBLISH_BUILD_TIMEOUT_S: a build that takes longer is stopped and counts as failed
   * (default 600 s: the slowest build measured, a full build of 10,000 articles with compiling,
   * took 50 s; see the README's Benchmarks).
   */
  buildTimeoutMs: number;
}

/** A whole number of at least `minimum` from the environment, or its default; else it throws. */
function wholeNumber(
  name: string,
  value: string | undefined,
  fallback: number,
  minimum: number,
): number {
  if (value === undefined || value.trim() === '') return fallback;
  const number = Number(value);
  if (!Number.isInteger(number) || number < minimum) {
    throw new Error(`${name} must be a whole number of ${minimum} or more; got "${value}".`);
  }
  return number;
}

/**
 * Reads the publisher's settings. A value that is not a whole number in range is a
 * configuration error, said at start rather than turned into odd behaviour (PUBLISH_KEEP=0
 * would delete every build but the live one).
 */
export function publisherSettings(env: NodeJS.ProcessEnv): PublisherSettings {
  return {
    debounceMs: wholeNumber('PUBLISH_DEBOUNCE_MS', env.PUBLISH_DEBOUNCE_MS, 0, 0),
    keep: wholeNumber('PUBLISH_KEEP', env.PUBLISH_KEEP, 5, 1),
    buildTimeoutMs:
      wholeNumber('PUBLISH_BUILD_TIMEOUT_S', env.PUBLISH_BUILD_TIMEOUT_S, 600, 1) * 1000,
  };
}

/** Where the public site is published when it goes to a bucket (see the README, "Publishing"). */
export interface SiteBucketSettings {
  /** PUBLISH_S3_*, each falling back to S3_* (readS3Settings). */
  s3: S3Settings;
  /**
   * PUBLISH_S3_GRACE_S: how long an asset gone from the live build stays in the bucket
   * (default 3600 s). A reader who opened a page just before a new build went up still loads
   * that build's scripts, styles, lazily loaded images and, when searching, its index chunks;
   * an hour covers a visit. (Pages are checked again on every request, max-age=0, so no cache
   * keeps handing out an old page for long.)
   */
  graceMs: number;
}

/**
 * The site bucket's settings, or null when PUBLISH_S3_BUCKET is not set (the site is served
 * from the local `live` folder only). Throws on settings that are set but wrong.
 */
export function siteBucketSettings(env: NodeJS.ProcessEnv): SiteBucketSettings | null {
  const s3 = readS3Settings(env, 'PUBLISH_S3_');
  if (!s3) return null;
  // The publisher owns the site bucket: whatever a build does not have, it removes. In the
  // media bucket that would be every upload of the CMS.
  const media = readS3Settings(env, 'S3_');
  if (media && media.bucket === s3.bucket && media.endpoint === s3.endpoint) {
    throw new Error(
      `PUBLISH_S3_BUCKET names the media bucket (${s3.bucket}): the site needs a bucket of its ` +
        'own, because the publisher removes every object in it that the site does not have.',
    );
  }
  return { s3, graceMs: wholeNumber('PUBLISH_S3_GRACE_S', env.PUBLISH_S3_GRACE_S, 3600, 0) * 1000 };
}

/** An e-mail address as PUBLISH_NOTIFY_TO may list it: no spaces, one @, no display name. */
const ADDRESS = /^[^\s@<>,;"]+@[^\s@<>,;"]+\.[^\s@<>,;"]+$/;

/**
 * The failure mails' settings: SMTP_HOST, SMTP_PORT (587), SMTP_SECURE, SMTP_USER,
 * SMTP_PASSWORD and EMAIL_FROM (hub@localhost), as the CMS reads them (cms/config/plugins.ts),
 * and PUBLISH_NOTIFY_TO, the editors' addresses separated by commas. Without SMTP_HOST or
 * PUBLISH_NOTIFY_TO no mail is sent: `off` says why, for the log at start. Throws on settings
 * that are set but wrong (an address that is none, a port that is no number).
 */
export function failureMailSettings(
  env: NodeJS.ProcessEnv,
): { mail: MailSettings } | { off: string } {
  const to = (env.PUBLISH_NOTIFY_TO ?? '')
    .split(',')
    .map((address) => address.trim())
    .filter(Boolean);
  for (const address of to) {
    if (!ADDRESS.test(address)) {
      throw new Error(
        `PUBLISH_NOTIFY_TO must list e-mail addresses separated by commas; "${address}" is not one.`,
      );
    }
  }
  const host = env.SMTP_HOST?.trim() ?? '';
  const port = wholeNumber('SMTP_PORT', env.SMTP_PORT, 587, 1);
  if (!host) return { off: 'SMTP_HOST is not set' };
  if (to.length === 0) return { off: 'PUBLISH_NOTIFY_TO is not set' };
  const user = env.SMTP_USER?.trim();
  return {
    mail: {
      host,
      port,
      secure: env.SMTP_SECURE?.trim().toLowerCase() === 'true',
      ...(user ? { user, password: env.SMTP_PASSWORD ?? '' } : {}),
      from: env.EMAIL_FROM?.trim() || 'hub@localhost',
      to,
    },
  };
}
