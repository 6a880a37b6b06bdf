import fs from 'node:fs';
import path from 'node:path';
import { parseEnv } from 'node:util';
import { readS3Settings } from '@hub/shared';
import { cmsDir } from './paths';

/**
 * SITE_MEDIA_ORIGINS for the site builds (publisher, preview): the origins images may come from
 * besides the CMS. With media on S3-compatible storage (S3_BUCKET, in the environment or in
 * cms/.env, where the CMS reads it too), the origin of the media's public URL is added to any
 * origins given in SITE_MEDIA_ORIGINS; without it, those given stay as they are.
 */
export function siteMediaOrigins(
  env: NodeJS.ProcessEnv = process.env,
  envFile = path.join(cmsDir, '.env'),
): string {
  // The environment wins over the file, as it does for the CMS.
  const fromFile = fs.existsSync(envFile) ? parseEnv(fs.readFileSync(envFile, 'utf8')) : {};
  const s3 = readS3Settings({ ...fromFile, ...env });
  const origins = (env.SITE_MEDIA_ORIGINS ?? '')
    .split(',')
    .map((origin) => origin.trim())
    .filter(Boolean);
  if (s3) origins.push(new URL(s3.publicUrl).origin);
  return [...new Set(origins)].join(',');
}
