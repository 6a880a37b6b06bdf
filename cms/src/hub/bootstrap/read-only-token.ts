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
export type TokenOutcome = 'configured' | 'unchanged' | 'restored' | 'created' | 'regenerated';

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

/** Writes a key for its reader: a file only the CMS's user can read. */
async function writeTokenFile(file: string, key: string): Promise<void> {
  await fs.mkdir(path.dirname(file), { recursive: true });
  await fs.writeFile(file, `${key}\n`, { mode: 0o600 });
  // writeFile keeps the mode of a file that was already there.
  await fs.chmod(file, 0o600);
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
 * The key of the existing token of this name, read back from the database (Strapi keeps it
 * encrypted with ENCRYPTION_KEY), when it is still a read-only key; null when it cannot be read
 * (a token made without ENCRYPTION_KEY, or another ENCRYPTION_KEY) or is no longer read-only.
 */
async function keyOfExistingToken(strapi: Core.Strapi, name: string): Promise<string | null> {
  try {
    const token = await tokenService(strapi).getByName(name, { includeDecryptedKey: true });
    const key = typeof token?.accessKey === 'string' ? token.accessKey : null;
    return key && (await isReadOnlyKey(strapi, key)) ? key : null;
  } catch {
    return null;
  }
}

/**
 * Makes sure a read-only API token exists and that its key is on disk for its reader. The key
 * is written to a git-ignored file (mode 600) and never logged. A key given in the spec's
 * variable is checked, never replaced or renewed (production: with several CMS instances on
 * several machines, no instance has the others' files).
 *
 * Without that variable, a lost or outdated file gets the existing token's key again, read back
 * from the database: so a second CMS instance (another machine, or a fresh folder) never
 * invalidates the key the first one wrote. Only when that key cannot be read back is it renewed
 * (the old key then stops working), and there is never a second token of the same name.
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

  const kept = await keyOfExistingToken(strapi, spec.name);
  if (kept) {
    await writeTokenFile(spec.file, kept);
    strapi.log.info(
      `[hub] Wrote the key of the read-only API token for ${spec.purpose} to ${spec.file}.`,
    );
    return 'restored';
  }

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
  await writeTokenFile(spec.file, accessKey);
  strapi.log.info(
    `[hub] ${existing ? 'Renewed' : 'Created'} the read-only API token for ${spec.purpose}; stored in ${spec.file}.`,
  );
  return existing ? 'regenerated' : 'created';
}
