/**
 * `npm run backup [-- --out <folder>]`: writes all content, relations, media files and
 * settings of the configured CMS database to backups/hub-<time>.tar.gz, with Strapi's own data
 * transfer (so it works the same on SQLite and PostgreSQL). Admin accounts and API tokens are not
 * included: Strapi keeps those out of transfers. Media on S3-compatible storage (S3_BUCKET) go
 * into the archive too: Strapi reads each file from its public URL (S3_PUBLIC_URL), so the
 * machine that makes the backup must be able to reach that address.
 *
 * A backup holds personal data (who sent in a submission, until the nightly clean-up), so the
 * archive is only ever readable by its owner (mode 600, written under umask 077) and a folder
 * this script makes is mode 700. Set BACKUP_ENCRYPTION_KEY, or BACKUP_ENCRYPTION_KEY_FILE (a file
 * holding the key), to encrypt it: Strapi gets the key through its environment, never on its
 * command line, where every user of the machine could read it (`ps`).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureCmsEnv } from './lib/cms-env';
import { cmsDir, repoRoot } from './lib/paths';
import { startProcess, waitForSuccess } from './lib/processes';

/**
 * The encryption key from BACKUP_ENCRYPTION_KEY or from the file BACKUP_ENCRYPTION_KEY_FILE
 * names, or null when neither is set. Throws when both are set or the file gives no key; warns
 * when others may read the file.
 */
export function backupKey(env: NodeJS.ProcessEnv = process.env): string | null {
  const direct = env.BACKUP_ENCRYPTION_KEY?.trim();
  const file = env.BACKUP_ENCRYPTION_KEY_FILE?.trim();
  if (direct && file) {
    throw new Error('Set BACKUP_ENCRYPTION_KEY or BACKUP_ENCRYPTION_KEY_FILE, not both.');
  }
  if (direct) return direct;
  if (!file) return null;
  let key: string;
  try {
    key = fs.readFileSync(file, 'utf8').trim();
  } catch (error) {
    throw new Error(`Cannot read the key file ${file}: ${(error as Error).message}`, {
      cause: error,
    });
  }
  if (!key) throw new Error(`The key file ${file} is empty.`);
  if ((fs.statSync(file).mode & 0o077) !== 0) {
    console.warn(`Others can read the key file ${file}; make it readable to you only (chmod 600).`);
  }
  return key;
}

const strapiCliModule = path.join(repoRoot, 'node_modules', '@strapi', 'strapi', 'dist', 'cli.js');

/**
 * The program of the child process: Strapi's own CLI (the same commands and options as
 * `strapi export` and `strapi import`), with the key set as the value of its `--key` option
 * from the environment instead of the command line. An export runs under umask 077, so the
 * archive is private from the moment it is created.
 */
const TRANSFER_PROGRAM = `
const { createCLI } = require(${JSON.stringify(strapiCliModule)});
const [name, ...args] = process.argv.slice(1);
if (name === 'export') process.umask(0o077);
createCLI(process.argv).then((program) => {
  const key = process.env.BACKUP_ENCRYPTION_KEY;
  const command = program.commands.find((candidate) => candidate.name() === name);
  if (key && command) command.setOptionValueWithSource('key', key, 'env');
  return program.parseAsync(['node', 'strapi', name, ...args]);
}).catch((error) => {
  console.error(error);
  process.exit(1);
});
`;

/**
 * The command line of the child that runs a Strapi transfer command: never the key, which goes
 * in the child's environment (see strapiTransfer).
 */
export function transferArgs(command: 'export' | 'import', args: string[]): string[] {
  return ['-e', TRANSFER_PROGRAM, command, ...args];
}

/**
 * Runs `strapi export` or `strapi import` in the CMS folder (which reads cms/.env), with
 * prefixed output. With a key, the export encrypts and the import decrypts.
 */
export function strapiTransfer(
  command: 'export' | 'import',
  args: string[],
  key: string | null,
  prefix: string,
): Promise<void> {
  const child = startProcess(process.execPath, transferArgs(command, args), {
    cwd: cmsDir,
    prefix,
    env: { NODE_ENV: 'production', ...(key ? { BACKUP_ENCRYPTION_KEY: key } : {}) },
  });
  return waitForSuccess(child, `strapi ${command}`);
}

async function main(): Promise<void> {
  const outIndex = process.argv.indexOf('--out');
  const outDir = path.resolve(
    outIndex > 0 ? (process.argv[outIndex + 1] ?? 'backups') : path.join(repoRoot, 'backups'),
  );
  fs.mkdirSync(outDir, { recursive: true, mode: 0o700 });
  const stamp = new Date().toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  const base = path.join(outDir, `hub-${stamp}`);
  const key = backupKey();

  await ensureCmsEnv();
  await strapiTransfer('export', ['-f', base, ...(key ? [] : ['--no-encrypt'])], key, 'backup');
  const file = fs.readdirSync(outDir).find((name) => name.startsWith(path.basename(base)));
  if (!file) throw new Error(`Strapi wrote no archive named ${base}.*`);
  // Already private from umask 077; chmod makes sure, whatever the file system did.
  fs.chmodSync(path.join(outDir, file), 0o600);
  console.log(`Backup written: ${path.join(outDir, file)}${key ? ' (encrypted)' : ''}`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error: unknown) => {
    console.error(`The backup failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
