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
import { createRequire } from 'node:module';
import path from 'node:path';
import { backupKey, strapiTransfer } from './backup';
import { ensureCmsEnv } from './lib/cms-env';
import { cmsDir } from './lib/paths';

/** Strapi's own decryption of its archives (the package its CLI uses for transfers). */
type DataTransfer = {
  utils: { encryption: { createDecryptionCipher(key: string): import('node:crypto').Decipher } };
};

/**
 * Whether `key` opens this encrypted archive: its first block, decrypted the way Strapi's import
 * will, must start as a gzip stream does (1f 8b). Checked before Strapi runs because its import,
 * given a wrong key, sometimes waits forever on the garbled stream instead of failing (seen in
 * CI: the restore hung for minutes); a wrong key now fails at once, before the database is touched.
 */
function keyOpens(file: string, key: string): boolean {
  const dataTransfer = createRequire(path.join(cmsDir, 'package.json'))(
    '@strapi/data-transfer',
  ) as DataTransfer;
  const head = Buffer.alloc(16);
  const handle = fs.openSync(file, 'r');
  let read: number;
  try {
    read = fs.readSync(handle, head, 0, head.length, 0);
  } finally {
    fs.closeSync(handle);
  }
  if (read < head.length) return false;
  const decipher = dataTransfer.utils.encryption.createDecryptionCipher(key);
  decipher.setAutoPadding(false);
  const start = decipher.update(head);
  return start[0] === 0x1f && start[1] === 0x8b;
}

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
  if (key && !keyOpens(file, key)) {
    throw new Error(`${file} does not open with this key: give the key it was made with.`);
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
