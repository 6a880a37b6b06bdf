/** How many posts one address (see budgetKey) may make within a window. */
export interface RateLimit {
  max: number;
  windowMs: number;
}

/**
 * Parses a budget setting such as SUBMISSION_RATE_LIMIT: "5" (per 10 minutes) or "5/10" (per 10
 * minutes), "20/60". Empty gives `fallback`. Anything else is a configuration error, said at
 * start-up rather than ignored.
 */
export function parseRateLimit(
  setting: string | undefined,
  name = 'SUBMISSION_RATE_LIMIT',
  fallback = '5/10',
): RateLimit {
  const text = (setting ?? '').trim() || fallback;
  const match = /^(\d+)(?:\/(\d+))?$/.exec(text);
  const max = Number(match?.[1]);
  const minutes = Number(match?.[2] ?? 10);
  if (!match || max < 1 || minutes < 1) {
    throw new Error(
      `${name} must be a number of posts, optionally per minutes ("${fallback}"); got "${text}".`,
    );
  }
  return { max, windowMs: minutes * 60_000 };
}
