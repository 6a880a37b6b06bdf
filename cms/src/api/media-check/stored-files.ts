import fs from 'node:fs/promises';
import path from 'node:path';
import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import type { S3Settings } from '@hub/shared';

/**
 * The names of the files in the media storage, each read with as few requests as the storage
 * allows, so a check stays quick with tens of thousands of files (originals and their formats).
 */

/** The files in the local provider's folder (<public dir>/uploads); none when it does not exist. */
export async function localFiles(uploadsDir: string): Promise<Set<string>> {
  try {
    return new Set(await fs.readdir(uploadsDir));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return new Set();
    throw error;
  }
}

/**
 * The keys of the objects in the media bucket below `prefix`, 1,000 to a request (the most
 * ListObjectsV2 answers with). Checksums only where required, as for uploads (config/plugins.ts).
 */
export async function bucketKeys(settings: S3Settings, prefix: string): Promise<Set<string>> {
  const client = new S3Client({
    ...(settings.endpoint ? { endpoint: settings.endpoint } : {}),
    region: settings.region,
    forcePathStyle: settings.forcePathStyle,
    credentials: { accessKeyId: settings.accessKeyId, secretAccessKey: settings.secretAccessKey },
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
  const keys = new Set<string>();
  try {
    let token: string | undefined;
    do {
      const page = await client.send(
        new ListObjectsV2Command({
          Bucket: settings.bucket,
          ...(prefix ? { Prefix: prefix } : {}),
          ...(token ? { ContinuationToken: token } : {}),
        }),
      );
      for (const object of page.Contents ?? []) if (object.Key) keys.add(object.Key);
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
  } finally {
    client.destroy();
  }
  return keys;
}

/** The local provider's folder: where @strapi/provider-upload-local writes. */
export function uploadsDir(publicDir: string): string {
  return path.join(publicDir, 'uploads');
}
