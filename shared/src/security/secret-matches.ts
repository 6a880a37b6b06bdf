import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * Whether a secret someone sent is the expected one, in constant time: hashing first makes both
 * sides the same length, so neither the content nor the length leaks. The publisher's webhook and
 * metrics, the preview server and the CMS's metrics check their shared secret with it.
 * Not exported from the package's index: it needs Node's crypto, and the index is also bundled
 * into the site's browser scripts. Import `@hub/shared/dist/security/secret-matches`.
 */
export function secretMatches(given: unknown, expected: string): boolean {
  if (typeof given !== 'string' || expected === '') return false;
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(given), digest(expected));
}
