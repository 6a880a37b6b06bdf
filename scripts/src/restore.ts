/**
 * `npm run restore -- <backup file>`: replaces all content, relations, media files and settings
 * of the configured CMS database with those in the backup. Stop `npm start` (or the CMS) first.
 * Admin accounts and API tokens stay as they are (a fresh database gets them from the bootstrap).
 * The media files go to the storage configured now: local disk, or the S3_BUCKET bucket (which
 * must exist; it may be empty). Files get their URLs on that storage; images inside rich text
 * keep the URLs they had, so restore into storage with the same public URL (S3_PUBLIC_URL).
 * An encrypted backup (.enc) needs the key it was made with, in BACKUP_ENCRYPTION_KEY or
 * BACKUP_ENCRYPTION_KEY_FILE; it reaches Strapi through its environment, never its command line.
 */
import fs from 'node:fs';
import path from 'node:path';
import { backupKey, strapiTransfer } from './backup';
import { ensureCmsEnv } from './lib/cms-env';

async function main(): Promise<void> {
  const file = process.argv[2];
  if (!file || !fs.existsSync(file)) {
    throw new Error(
      'Usage: npm run restore -- <backup file (.tar.gz, or .tar.gz.enc with BACKUP_ENCRYPTION_KEY or BACKUP_ENCRYPTION_KEY_FILE)>',
    );
  }
  const encrypted = file.endsWith('.enc');
  const key = encrypted ? backupKey() : null;
  if (encrypted && !key) {
    throw new Error(
      `${file} is encrypted: set BACKUP_ENCRYPTION_KEY or BACKUP_ENCRYPTION_KEY_FILE to its key.`,
    );
  }
  await ensureCmsEnv();
  await strapiTransfer('import', ['-f', path.resolve(file), '--force'], key, 'restore');
  console.log(
    `Restored from ${path.resolve(file)}. Start the CMS again; the publisher rebuilds the site.`,
  );
}

main().catch((error: unknown) => {
  console.error(`The restore failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
