import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CmsError, type CmsConnection } from './cms-client';

/** The CMS of this checkout: token files are named relative to it, as the CMS itself does. */
const cmsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../cms');
/** Where the CMS writes its tokens by default (see cms/src/hub/bootstrap/build-token.ts). */
const cmsTmp = path.join(cmsDir, '.tmp');

/** A token from its variable, or else from the file the CMS writes it to; throws when neither has one. */
function tokenFrom(
  url: string,
  env: NodeJS.ProcessEnv,
  { variable, file, what }: { variable: string; file: string; what: string },
): string {
  const configured = env[variable]?.trim();
  if (configured) return configured;
  const absolute = path.resolve(cmsDir, file);
  const fromFile = fs.existsSync(absolute) ? fs.readFileSync(absolute, 'utf8').trim() : '';
  if (!fromFile) {
    throw new CmsError(
      `No ${what} for the CMS at ${url}: set ${variable}, or start the CMS once so it writes ${absolute}.`,
    );
  }
  return fromFile;
}

/**
 * The CMS the build reads: CMS_URL (default http://localhost:1337) and the read-only token from
 * SITE_BUILD_TOKEN, or else from the file the CMS writes it to (SITE_BUILD_TOKEN_FILE, relative
 * to cms/ or absolute, by default cms/.tmp/site-build-token). That token reads published
 * content only.
 */
export function cmsConnection(env: NodeJS.ProcessEnv = process.env): CmsConnection {
  const url = env.CMS_URL || 'http://localhost:1337';
  const file = env.SITE_BUILD_TOKEN_FILE || path.join(cmsTmp, 'site-build-token');
  return {
    url,
    token: tokenFrom(url, env, { variable: 'SITE_BUILD_TOKEN', file, what: 'build token' }),
  };
}

/**
 * The CMS the preview server reads, with the preview token: the only token the CMS lets read
 * drafts, and so the more sensitive one. From SITE_PREVIEW_TOKEN, or else from the file the CMS
 * writes it to: SITE_PREVIEW_TOKEN_FILE (relative to cms/ or absolute), by default beside the
 * build token's file (cms/.tmp/site-preview-token), as the CMS chooses it. Never give this token
 * to the site build.
 */
export function previewConnection(env: NodeJS.ProcessEnv = process.env): CmsConnection {
  const url = env.CMS_URL || 'http://localhost:1337';
  const beside = env.SITE_BUILD_TOKEN_FILE ? path.dirname(env.SITE_BUILD_TOKEN_FILE) : cmsTmp;
  const file = env.SITE_PREVIEW_TOKEN_FILE || path.join(beside, 'site-preview-token');
  return {
    url,
    token: tokenFrom(url, env, { variable: 'SITE_PREVIEW_TOKEN', file, what: 'preview token' }),
  };
}
