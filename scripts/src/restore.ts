/**
 * `npm run restore -- <backup file>`: replaces all content, relations, media files and settings
 * of the configured CMS database with those in the backup. Stop `npm start` (or the CMS) first.
 * Admin accounts and API tokens stay as they are (a fresh database gets them from the bootstrap).
 */
import fs from 'node:fs';
import path from 'node:path';
import { ensureCmsEnv } from './lib/cms-env';
import { strapiCli } from './lib/strapi-cli';

const file = process.argv[2];
if (!file || !fs.existsSync(file)) {
  console.error(
    'Usage: npm run restore -- <backup file (.tar.gz, or .tar.gz.enc with BACKUP_ENCRYPTION_KEY)>',
  );
  process.exit(1);
}
const key = process.env.BACKUP_ENCRYPTION_KEY;

await ensureCmsEnv();
try {
  await strapiCli(
    ['import', '-f', path.resolve(file), '--force', ...(key ? ['--key', key] : [])],
    'restore',
    { NODE_ENV: 'production' },
  );
  console.log(
    `Restored from ${path.resolve(file)}. Start the CMS again; the publisher rebuilds the site.`,
  );
} catch (error) {
  console.error(`The restore failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
