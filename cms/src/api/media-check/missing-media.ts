import type { Core } from '@strapi/strapi';
import { readS3Settings } from '@hub/shared';
import { bucketKeys, localFiles, uploadsDir } from './stored-files';

/**
 * Finds the uploads whose file is gone from the media storage (deleted from the uploads folder
 * or from the bucket by hand, or lost in a restore), so the site build can leave those images
 * out and warn, instead of failing on them. One database query and one listing of the storage
 * per call, never a request per file: the build asks once per build, at any size of library.
 */

/** What GET /api/hub/missing-media answers. */
export interface MissingMediaAnswer {
  /** False when this CMS cannot look into its media storage (another upload provider). */
  checked: boolean;
  /** The `url` of every upload whose original file is gone (its formats are not checked). */
  missing: string[];
}

/** An upload as far as finding its file needs. */
export interface UploadRow {
  url: string;
  hash: string;
  ext: string | null;
  provider: string;
}

/** One provider's storage: the names in it, and the name an upload's original has there. */
export interface Storage {
  names: ReadonlySet<string>;
  nameOf: (row: UploadRow) => string;
}

/** The name @strapi/provider-upload-local writes an original under, in the uploads folder. */
export const localName = (row: UploadRow): string => `${row.hash}${row.ext ?? ''}`;

/**
 * The key @strapi/provider-upload-aws-s3 stores an original under (its getFileKey): rootPath,
 * the hash without `..` or outer slashes, and the extension's letters, digits and dots. The
 * `path` it also reads is an upload option that is never stored: admin uploads have none.
 */
export function bucketKey(row: UploadRow, prefix: string): string {
  const hash = row.hash
    .replace(/\.\./g, '')
    .replace(/^\/+|\/+$/g, '')
    .replace(/\/+/g, '/');
  const ext = (row.ext ?? '').replace(/[^a-zA-Z0-9.]/g, '');
  return `${prefix}${hash}${ext}`;
}

/**
 * The URLs of the uploads whose file is not in their provider's storage. Uploads of a provider
 * whose storage is not given (one this CMS cannot look into) are never called missing.
 */
export function missingUrls(
  rows: readonly UploadRow[],
  storages: Readonly<Record<string, Storage | undefined>>,
): string[] {
  return rows
    .filter((row) => {
      const storage = storages[row.provider];
      return storage !== undefined && !storage.names.has(storage.nameOf(row));
    })
    .map((row) => row.url);
}

/** The aws-s3 provider's rootPath (config/plugins.ts sets none), as the key prefix it makes. */
function rootPrefix(strapi: Core.Strapi): string {
  const rootPath = strapi.config.get('plugin::upload.providerOptions.rootPath', '') as unknown;
  return typeof rootPath === 'string' && rootPath ? `${rootPath.replace(/\/+$/, '')}/` : '';
}

/**
 * Checks every upload of this CMS against its media storage. Files of the local provider are
 * looked for in the uploads folder whatever the provider is now (Strapi still serves that
 * folder after a move to a bucket); files in the bucket when the bucket is the provider. Any
 * other provider: not checked. When the storage cannot be listed (the bucket is down), not
 * checked either: the build then goes on as before this check existed.
 */
export async function findMissingMedia(strapi: Core.Strapi): Promise<MissingMediaAnswer> {
  const provider = String(strapi.config.get('plugin::upload.provider', 'local'));
  const s3 = provider === 'aws-s3' ? readS3Settings(process.env, 'S3_') : null;
  if (provider !== 'local' && !s3) return { checked: false, missing: [] };
  // The uploads first, then the storage: the provider writes a file before its row is made,
  // so an upload that lands in between is never taken for missing. Only the columns the check
  // reads: at 10,000 uploads this stays one light query.
  const rows = (await strapi.db.query('plugin::upload.file').findMany({
    select: ['url', 'hash', 'ext', 'provider'],
  })) as UploadRow[];
  const storages: Record<string, Storage> = {};
  try {
    const local = await localFiles(uploadsDir(strapi.dirs.static.public));
    storages.local = { names: local, nameOf: localName };
    if (s3) {
      const prefix = rootPrefix(strapi);
      const keys = await bucketKeys(s3, prefix);
      storages['aws-s3'] = { names: keys, nameOf: (row) => bucketKey(row, prefix) };
    }
  } catch (error) {
    const cause = error instanceof Error ? error.message : String(error);
    strapi.log.warn(`[hub] Could not list the media storage to find missing files: ${cause}`);
    return { checked: false, missing: [] };
  }
  return { checked: true, missing: missingUrls(rows, storages) };
}
