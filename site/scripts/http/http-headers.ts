// The site's HTTP headers, in one place for the two servers that serve its pages: the public
// static server (scripts/src/static-server) and the preview of drafts (preview-server.ts).
// The publisher to S3-compatible storage (later) must send the same.
import { isEmbedPath } from '@hub/shared';

/** Content types by file extension: the formats the site writes. */
export const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.ics': 'text/calendar; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.pf_meta': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
  '.pagefind': 'application/octet-stream',
};

/**
 * Files the exporter writes compressed variants (`.br`, `.gz`) of: text formats, which shrink to a
 * fifth or less. Images, fonts and Pagefind's index are compressed already.
 */
export const PRECOMPRESSED_EXTENSIONS: readonly string[] = [
  '.html',
  '.xml',
  '.css',
  '.js',
  '.mjs',
  '.ics',
  '.json',
  '.svg',
  '.txt',
  '.wasm',
];

/** Whether the exporter writes compressed variants of this file (see PRECOMPRESSED_EXTENSIONS). */
export function isPrecompressed(filePath: string): boolean {
  return PRECOMPRESSED_EXTENSIONS.includes(filePath.slice(filePath.lastIndexOf('.')).toLowerCase());
}

/** Feeds are XML, but feed readers and browsers expect RSS's own type. */
export function contentTypeFor(filePath: string): string {
  if (filePath.endsWith('rss.xml')) return 'application/rss+xml; charset=utf-8';
  const extension = filePath.slice(filePath.lastIndexOf('.')).toLowerCase();
  return CONTENT_TYPES[extension] ?? 'application/octet-stream';
}

/**
 * How long browsers and caches may keep a file, decided from the file that was found (its path
 * relative to the site's folder, as on disk), never from how the request spelled it: hashed
 * build assets in `_astro/` forever (their name changes when they do), pages and feeds must be
 * checked again each time, the rest for an hour.
 */
export function cacheControlFor(relativeFile: string, contentType: string): string {
  if (relativeFile.startsWith('_astro/')) return 'public, max-age=31536000, immutable';
  if (contentType.startsWith('text/html') || /rss|xml|calendar|json/.test(contentType))
    return 'public, max-age=0, must-revalidate';
  return 'public, max-age=3600';
}

/**
 * Whether other sites may show this file in a frame: the pages made for that, the agendas below
 * /insluiten/ that partners put on their own sites (`relativeFile` as on disk, like
 * `insluiten/agenda/centrum/index.html`). Decided from the file that was found, as caching is.
 */
export function mayBeFramedByAnySite(relativeFile: string): boolean {
  return isEmbedPath(`/${relativeFile}`) && relativeFile.endsWith('.html');
}

/**
 * Security headers for every answer. The policy allows nothing from other origins; only the CMS
 * may frame the site (its preview), except for the pages made to be framed anywhere
 * (`framedByAnySite`, see mayBeFramedByAnySite): those have `frame-ancestors *`. No answer sends
 * X-Frame-Options: `frame-ancestors` says it all, and would be overruled by a DENY.
 * JSON-LD blocks are data, not scripts, so they need no exception; Pagefind needs WebAssembly
 * ('wasm-unsafe-eval').
 */
export function securityHeaders(
  cmsOrigin: string | undefined,
  options: { framedByAnySite?: boolean } = {},
): Record<string, string> {
  const frameAncestors = options.framedByAnySite
    ? '*'
    : cmsOrigin
      ? `'self' ${cmsOrigin}`
      : "'self'";
  return {
    'Content-Security-Policy': [
      "default-src 'self'",
      "script-src 'self' 'wasm-unsafe-eval'",
      "style-src 'self' 'unsafe-inline'",
      "img-src 'self' data:",
      "font-src 'self'",
      "connect-src 'self'",
      "object-src 'none'",
      "base-uri 'self'",
      "form-action 'self'",
      `frame-ancestors ${frameAncestors}`,
    ].join('; '),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), interest-cohort=()',
    'Cross-Origin-Opener-Policy': 'same-origin',
  };
}
