import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * Whether a secret someone sent is the expected one, in constant time: hashing first makes both
 * sides the same length, so neither the content nor the length leaks. The publisher's webhook and
 * the preview server both check their shared secret with it.
 */
export function secretMatches(given: unknown, expected: string): boolean {
  if (typeof given !== 'string' || expected === '') return false;
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(given), digest(expected));
}
