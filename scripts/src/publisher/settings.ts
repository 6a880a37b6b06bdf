/** The publisher's numeric settings, from the environment (see the README, "Publishing"). */
export interface PublisherSettings {
  /** PUBLISH_DEBOUNCE_MS: quiet time after a notice before building (default 1000). */
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
    debounceMs: wholeNumber('PUBLISH_DEBOUNCE_MS', env.PUBLISH_DEBOUNCE_MS, 1000, 0),
    keep: wholeNumber('PUBLISH_KEEP', env.PUBLISH_KEEP, 5, 1),
    buildTimeoutMs:
      wholeNumber('PUBLISH_BUILD_TIMEOUT_S', env.PUBLISH_BUILD_TIMEOUT_S, 600, 1) * 1000,
  };
}
