/**
 * `npm run backup [-- --out <folder>]`: writes all content, relations, media files and
 * settings of the configured CMS database to backups/hub-<time>.tar.gz, with Strapi's own data
 * transfer (so it works the same on SQLite and PostgreSQL). Set BACKUP_ENCRYPTION_KEY to encrypt.
 * Admin accounts and API tokens are not included: Strapi keeps those out of transfers.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ensureCmsEnv } from './lib/cms-env';
import { repoRoot } from './lib/paths';
import { strapiCli } from './lib/strapi-cli';

const outIndex = process.argv.indexOf('--out');
const outDir = path.resolve(
  outIndex > 0 ? (process.argv[outIndex + 1] ?? 'backups') : path.join(repoRoot, 'backups'),
);
fs.mkdirSync(outDir, { recursive: true });
const stamp = new Date().toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
const base = path.join(outDir, `hub-${stamp}`);
const key = process.env.BACKUP_ENCRYPTION_KEY;

await ensureCmsEnv();
try {
  await strapiCli(['export', '-f', base, ...(key ? ['--key', key] : ['--no-encrypt'])], 'backup', {
    NODE_ENV: 'production',
  });
  const file = fs.readdirSync(outDir).find((name) => name.startsWith(path.basename(base)));
  console.log(`Backup written: ${file ? path.join(outDir, file) : base}`);
} catch (error) {
  console.error(`The backup failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
