/**
 * Where the pages live that other websites may show in a frame (an `<iframe>`): the agendas per
 * stadsdeel and per partner that partners embed. Every other page may be framed by the site
 * itself and the CMS only; the servers decide this from the path (see securityHeaders).
 */
export const EMBED_PATH_PREFIX = '/insluiten/';

/** Whether a site path (`/insluiten/agenda/centrum/`) is one of the pages made for a frame. */
export function isEmbedPath(sitePath: string): boolean {
  return sitePath.startsWith(EMBED_PATH_PREFIX);
}
