import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CmsError, type CmsConnection } from './cms-client';

/** Where the CMS of this checkout writes the token (see cms/src/hub/bootstrap/build-token.ts). */
const defaultTokenFile = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../cms/.tmp/site-build-token',
);

/**
 * The CMS the build reads: CMS_URL (default http://localhost:1337) and the read-only token from
 * SITE_BUILD_TOKEN, or else from the file the CMS writes it to (SITE_BUILD_TOKEN_FILE, by default
 * cms/.tmp/site-build-token).
 */
export function cmsConnection(env: NodeJS.ProcessEnv = process.env): CmsConnection {
  const url = env.CMS_URL || 'http://localhost:1337';
  const fromEnv = env.SITE_BUILD_TOKEN?.trim();
  if (fromEnv) return { url, token: fromEnv };
  const file = env.SITE_BUILD_TOKEN_FILE || defaultTokenFile;
  const fromFile = file && fs.existsSync(file) ? fs.readFileSync(file, 'utf8').trim() : '';
  if (!fromFile) {
    throw new CmsError(
      `No build token for the CMS at ${url}: set SITE_BUILD_TOKEN, or start the CMS once so it writes ${file}.`,
    );
  }
  return { url, token: fromFile };
}
