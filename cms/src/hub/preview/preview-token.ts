import { timingSafeEqual } from 'node:crypto';
import path from 'node:path';
import type { Core } from '@strapi/strapi';
import { buildTokenFile } from '../bootstrap/build-token';
import {
  ensureReadOnlyToken,
  isReadOnlyKey,
  pathFromEnv,
  tokenService,
  type TokenOutcome,
} from '../bootstrap/read-only-token';
import { previewSettings } from './preview-url';

/** Name of the API token the preview server reads drafts with. */
export const PREVIEW_TOKEN_NAME = 'Site preview (concepten lezen)';

/**
 * Where the preview token is stored for the preview server: `SITE_PREVIEW_TOKEN_FILE`, or beside
 * the build token's file (cms/.tmp/site-preview-token by default). Beside it, so whoever moves
 * the build token's file (a test, a server layout) moves this one along.
 */
export function previewTokenFile(strapi: Core.Strapi): string {
  return pathFromEnv(
    strapi,
    process.env.SITE_PREVIEW_TOKEN_FILE,
    path.join(path.dirname(buildTokenFile(strapi)), 'site-preview-token'),
  );
}

/**
 * Makes sure the preview server has its own read-only API token, the only one that may ask for
 * drafts (see the draft gate), when previews are set up (PREVIEW_URL and PREVIEW_SECRET). It is
 * the more sensitive token: it reads every draft, including what the public sent in (but never
 * who sent it). Without previews there is nothing to create, and no token reads drafts. A key
 * given in `SITE_PREVIEW_TOKEN` is checked, not replaced.
 */
export async function ensurePreviewToken(
  strapi: Core.Strapi,
): Promise<TokenOutcome | 'not-configured'> {
  if (!previewSettings()) return 'not-configured';
  const configured = process.env.SITE_PREVIEW_TOKEN?.trim();
  if (configured && configured === process.env.SITE_BUILD_TOKEN?.trim()) {
    strapi.log.warn(
      '[hub] SITE_PREVIEW_TOKEN is the same as SITE_BUILD_TOKEN; give the preview a token of its own, or previews of drafts are refused.',
    );
  }
  return ensureReadOnlyToken(strapi, {
    name: PREVIEW_TOKEN_NAME,
    description:
      'Leest concepten voor de voorbeeldweergave (knop Voorbeeld). Gevoeliger dan het build-token. Niet verwijderen.',
    keyVariable: 'SITE_PREVIEW_TOKEN',
    file: previewTokenFile(strapi),
    purpose: 'previews of drafts',
  });
}

const sameSecret = (a: string, b: string) => {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
};

/**
 * Whether `key` is the preview server's token, which alone may read drafts: with previews set
 * up, the key in `SITE_PREVIEW_TOKEN` (when given, and not the build token's), or else the
 * read-only token the bootstrap made under PREVIEW_TOKEN_NAME.
 */
export async function isPreviewToken(strapi: Core.Strapi, key: string): Promise<boolean> {
  if (!previewSettings() || !key) return false;
  const configured = process.env.SITE_PREVIEW_TOKEN?.trim();
  if (configured) {
    if (configured === process.env.SITE_BUILD_TOKEN?.trim()) return false;
    return sameSecret(key, configured) && (await isReadOnlyKey(strapi, key));
  }
  const tokens = tokenService(strapi);
  const token = await tokens.getByAccessKey(tokens.hash(key));
  return token?.type === 'read-only' && token.name === PREVIEW_TOKEN_NAME;
}
