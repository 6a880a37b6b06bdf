/**
 * Reading a request target as a path into the site, before any file is touched. Pure: the static
 * server and the preview server both use it, and the property tests feed it any string.
 */

/** Longest request target read at all; real paths of the site are far shorter. */
export const MAX_TARGET_LENGTH = 2048;
/** Longest file or folder name, in bytes: what file systems allow (ext4: 255). */
export const MAX_SEGMENT_BYTES = 255;

/** A request target read as a path into the site. */
export type SitePath =
  | {
      ok: true;
      /** The path's segments, each percent-decoded once; never empty, '.' or '..'. */
      segments: string[];
      /** The path ended in '/': a folder is asked for. */
      trailingSlash: boolean;
      /** The query string without its '?', or '' (kept for redirects only). */
      query: string;
    }
  | {
      ok: false;
      /** 400 for a target that cannot be a path of the site. */
      status: 400;
      /** For the log, in English. */
      reason: string;
    };

const refuse = (reason: string): SitePath => ({ ok: false, status: 400, reason });

/** Characters that no segment of the site has and that mean trouble in a file name. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const FORBIDDEN_IN_SEGMENT = /[/\\\u0000-\u001f\u007f]/;

function decodeSegment(raw: string): string | null {
  try {
    return decodeURIComponent(raw);
  } catch {
    // Broken percent-encoding, or bytes that are not UTF-8 (overlong forms such as %c0%ae).
    return null;
  }
}

/**
 * Reads a raw request target (`/nieuws/?x=1`) as a path into the site. Refuses (400) what no
 * page of the site can be: a target that is not a path (`*`, `http://host/`), too long, with
 * broken percent-encoding, with an empty segment (`//host`), with a dot segment in any encoding
 * (`..`, `%2e%2e`), or with a name that holds a slash, backslash or control character once
 * decoded, or that is longer than a file name may be.
 * Decoded once: `%252e` stays the literal name `%2e`, which is simply not found.
 */
export function parseSitePath(target: string): SitePath {
  if (target.length > MAX_TARGET_LENGTH) return refuse('target too long');
  if (!target.startsWith('/')) return refuse('target is not a path');
  const queryStart = target.indexOf('?');
  const pathPart = queryStart === -1 ? target : target.slice(0, queryStart);
  const query = queryStart === -1 ? '' : target.slice(queryStart + 1);
  if (pathPart.includes('#')) return refuse('fragment in the target');

  if (pathPart === '/') return { ok: true, segments: [], trailingSlash: true, query };

  const raw = pathPart.slice(1).split('/');
  const trailingSlash = raw.at(-1) === '';
  if (trailingSlash) raw.pop();

  const segments: string[] = [];
  for (const rawSegment of raw) {
    if (rawSegment === '') return refuse('empty segment');
    const segment = decodeSegment(rawSegment);
    if (segment === null) return refuse('broken percent-encoding');
    if (segment === '.' || segment === '..') return refuse('dot segment');
    if (FORBIDDEN_IN_SEGMENT.test(segment)) return refuse('forbidden character in a name');
    if (Buffer.byteLength(segment) > MAX_SEGMENT_BYTES) return refuse('name too long');
    segments.push(segment);
  }
  return { ok: true, segments, trailingSlash, query };
}

/**
 * The same-origin path of a folder, with its trailing slash, for a redirect: always one leading
 * slash followed by a non-empty name, so it can never read as another host (`//host/`).
 */
export function folderLocation(segments: readonly string[], query: string): string {
  const location = `/${segments.map(encodeURIComponent).join('/')}/`;
  // A query is kept only when it is plain printable ASCII (a header value cannot carry more).
  return query && /^[\x21-\x7e]+$/.test(query) ? `${location}?${query}` : location;
}
