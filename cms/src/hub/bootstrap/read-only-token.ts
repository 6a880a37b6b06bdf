import fs from 'node:fs/promises';
import path from 'node:path';
import type { Core } from '@strapi/strapi';

/** A read-only API token the bootstrap keeps for a reader outside the CMS (the build, the preview). */
export interface ReadOnlyTokenSpec {
  /** The token's name in Settings > API Tokens; the bootstrap finds its own token by it. */
  name: string;
  /** Shown under the name in the admin, in Dutch. */
  description: string;
  /** The variable that gives the key from outside (production); then the CMS only checks it. */
  keyVariable: string;
  /** Where the key is written when the CMS makes the token itself (absolute). */
  file: string;
  /** What the token is for, in logs: "the site build". */
  purpose: string;
}

/** What `ensureReadOnlyToken` did, for logs and tests. */
export type TokenOutcome = 'configured' | 'unchanged' | 'created' | 'regenerated';

/** A path from the environment, relative to the CMS folder or absolute; `fallback` when empty. */
export function pathFromEnv(strapi: Core.Strapi, value: string | undefined, fallback: string) {
  return path.resolve(strapi.dirs.app.root, value?.trim() || fallback);
}

async function readTokenFile(file: string): Promise<string | null> {
  try {
    const key = (await fs.readFile(file, 'utf8')).trim();
    return key || null;
  } catch {
    return null;
  }
}

/** The content-API token service of Strapi's admin. */
export const tokenService = (strapi: Core.Strapi) => strapi.service('admin::api-token-content-api');

/** Whether `key` is the key of a read-only API token of this CMS. */
export async function isReadOnlyKey(strapi: Core.Strapi, key: string): Promise<boolean> {
  const tokens = tokenService(strapi);
  const token = await tokens.getByAccessKey(tokens.hash(key));
  return token?.type === 'read-only';
}

/**
 * Makes sure a read-only API token exists and that its key is on disk for its reader. The key
 * is written to a git-ignored file (mode 600) and never logged. A key given in the spec's
 * variable is checked, not replaced. A lost file renews the key of the existing token, so there
 * is never a second token of the same name.
 */
export async function ensureReadOnlyToken(
  strapi: Core.Strapi,
  spec: ReadOnlyTokenSpec,
): Promise<TokenOutcome> {
  const configured = process.env[spec.keyVariable]?.trim();
  if (configured) {
    if (!(await isReadOnlyKey(strapi, configured))) {
      strapi.log.warn(
        `[hub] ${spec.keyVariable} is not a read-only API token of this CMS; ${spec.purpose} will be refused.`,
      );
    }
    return 'configured';
  }

  const stored = await readTokenFile(spec.file);
  if (stored && (await isReadOnlyKey(strapi, stored))) return 'unchanged';

  const tokens = tokenService(strapi);
  const existing = await tokens.getByName(spec.name);
  const { accessKey } = existing
    ? await tokens.regenerate(existing.id)
    : await tokens.create({
        name: spec.name,
        description: spec.description,
        type: 'read-only',
        lifespan: null,
      });
  await fs.mkdir(path.dirname(spec.file), { recursive: true });
  await fs.writeFile(spec.file, `${accessKey}\n`, { mode: 0o600 });
  // writeFile keeps the mode of a file that was already there.
  await fs.chmod(spec.file, 0o600);
  strapi.log.info(
    `[hub] ${existing ? 'Renewed' : 'Created'} the read-only API token for ${spec.purpose}; stored in ${spec.file}.`,
  );
  return existing ? 'regenerated' : 'created';
}
