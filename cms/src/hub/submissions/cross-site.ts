/** What a browser says about where a post comes from. */
export interface PostSource {
  /** The Origin header, if sent. */
  origin?: string;
  /** The Sec-Fetch-Site header, if sent. */
  fetchSite?: string;
}

/**
 * Whether a browser posted a form from another site (a page elsewhere that makes its visitors
 * submit for it). Browsers say where a post comes from in `Origin`, and newer ones also in
 * `Sec-Fetch-Site`:
 * - `Origin` decides when it is there: it must be the site's own origin (SITE_URL). The literal
 *   "null" (a sandboxed frame, a file, a redirect across sites) is refused too.
 * - Otherwise `Sec-Fetch-Site` decides: "same-origin", or "none" (the person typed the address
 *   or used a bookmark). "same-site" (another subdomain of the same site) and "cross-site" are
 *   refused.
 * - A post with neither is not from a browser that says so (a script, curl): it is not refused
 *   here, and still needs a valid form token like any other.
 * Without SITE_URL there is no origin to compare with: then only "null" and what
 * `Sec-Fetch-Site` calls another site are refused.
 */
export function isCrossSitePost(source: PostSource, siteOrigin: string | null): boolean {
  const origin = source.origin?.trim();
  if (origin) {
    if (origin === 'null') return true;
    if (siteOrigin) return origin !== siteOrigin;
  }
  const fetchSite = source.fetchSite?.trim().toLowerCase();
  if (!fetchSite) return false;
  return fetchSite !== 'same-origin' && fetchSite !== 'none';
}
