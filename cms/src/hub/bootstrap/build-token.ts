import path from 'node:path';
import type { Core } from '@strapi/strapi';
import { ensureReadOnlyToken, pathFromEnv, type TokenOutcome } from './read-only-token';

/** Name of the API token the site build and the scripts read the CMS with. */
export const BUILD_TOKEN_NAME = 'Site build (alleen lezen)';

/** Where the token is stored for the site build and scripts: `SITE_BUILD_TOKEN_FILE` or cms/.tmp. */
export function buildTokenFile(strapi: Core.Strapi): string {
  return pathFromEnv(
    strapi,
    process.env.SITE_BUILD_TOKEN_FILE,
    path.join('.tmp', 'site-build-token'),
  );
}

/**
 * Makes sure a read-only API token exists for the site build and that its key is on disk for
 * the build and scripts (see ensureReadOnlyToken). A token given in `SITE_BUILD_TOKEN` (as in
 * production) is checked, not replaced. Like every API token but the preview's, it reads
 * published content only (see the draft gate) and never the submitters (a private attribute).
 */
export function ensureBuildToken(strapi: Core.Strapi): Promise<TokenOutcome> {
  return ensureReadOnlyToken(strapi, {
    name: BUILD_TOKEN_NAME,
    description:
      'Leest gepubliceerde inhoud voor het bouwen van de publieke site. Niet verwijderen.',
    keyVariable: 'SITE_BUILD_TOKEN',
    file: buildTokenFile(strapi),
    purpose: 'the site build',
  });
}
