import fs from 'node:fs/promises';
import path from 'node:path';
import type { Core } from '@strapi/strapi';

/** Name of the API token the site build and the scripts read the CMS with. */
export const BUILD_TOKEN_NAME = 'Site build (alleen lezen)';

/** Where the token is stored for the site build and scripts: `SITE_BUILD_TOKEN_FILE` or cms/.tmp. */
export function buildTokenFile(strapi: Core.Strapi): string {
  return path.resolve(
    strapi.dirs.app.root,
    process.env.SITE_BUILD_TOKEN_FILE ?? path.join('.tmp', 'site-build-token'),
  );
}

async function readTokenFile(file: string): Promise<string | null> {
  try {
    const key = (await fs.readFile(file, 'utf8')).trim();
    return key || null;
  } catch {
    return null;
  }
}

/**
 * Makes sure a read-only API token exists for the site build and that its key is on disk for
 * the build and scripts. The key is written to a git-ignored file (mode 600) and never logged.
 * A token given in `SITE_BUILD_TOKEN` (as in production) is checked, not replaced.
 * Returns what happened, for logs and tests.
 */
export async function ensureBuildToken(
  strapi: Core.Strapi,
): Promise<'configured' | 'unchanged' | 'created' | 'regenerated'> {
  const tokens = strapi.service('admin::api-token-content-api');
  const isKnownReadOnlyKey = async (key: string) => {
    const token = await tokens.getByAccessKey(tokens.hash(key));
    return token?.type === 'read-only';
  };

  const configured = process.env.SITE_BUILD_TOKEN?.trim();
  if (configured) {
    if (!(await isKnownReadOnlyKey(configured))) {
      strapi.log.warn(
        '[hub] SITE_BUILD_TOKEN is not a read-only API token of this CMS; the site build will be refused.',
      );
    }
    return 'configured';
  }

  const file = buildTokenFile(strapi);
  const stored = await readTokenFile(file);
  if (stored && (await isKnownReadOnlyKey(stored))) return 'unchanged';

  const existing = await tokens.getByName(BUILD_TOKEN_NAME);
  const { accessKey } = existing
    ? await tokens.regenerate(existing.id)
    : await tokens.create({
        name: BUILD_TOKEN_NAME,
        description:
          'Leest gepubliceerde inhoud voor het bouwen van de publieke site. Niet verwijderen.',
        type: 'read-only',
        lifespan: null,
      });
  await fs.mkdir(path.dirname(file), { recursive: true });
  await fs.writeFile(file, `${accessKey}\n`, { mode: 0o600 });
  strapi.log.info(
    `[hub] ${existing ? 'Renewed' : 'Created'} the read-only API token for the site build; stored in ${file}.`,
  );
  return existing ? 'regenerated' : 'created';
}
