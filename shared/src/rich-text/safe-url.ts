/** Link schemes a reader can safely follow from our pages and feeds. */
const ALLOWED_SCHEMES = new Set(['http:', 'https:', 'mailto:', 'tel:']);

/**
 * The URL to use in an href or src, or null when it must not be linked: only http(s), mailto
 * and tel, plus paths on our own site ("/agenda/"), which are made absolute when `baseUrl` is
 * given (feeds need absolute links). Anything else (javascript:, data:, protocol-relative
 * "//host", malformed) gives null.
 */
export function safeUrl(raw: unknown, baseUrl?: string): string | null {
  if (typeof raw !== 'string') return null;
  // Browsers ignore whitespace and control characters inside a scheme ("java\nscript:").
  // eslint-disable-next-line no-control-regex
  const url = raw.trim().replace(/[\u0000-\u001f\u007f\s]/g, (c) => (c === ' ' ? '%20' : ''));
  if (url === '') return null;
  if (url.startsWith('/') && !url.startsWith('//') && !url.startsWith('/\\')) {
    return baseUrl ? new URL(url, baseUrl).toString() : url;
  }
  try {
    const parsed = new URL(url);
    return ALLOWED_SCHEMES.has(parsed.protocol) ? parsed.toString() : null;
  } catch {
    return null;
  }
}
