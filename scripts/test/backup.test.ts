import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Core } from '@strapi/strapi';
import { afterAll, describe, expect, it } from 'vitest';
import { bootTestCms, type TestCms } from '../../cms/test/harness';
import { scriptsDir } from '../src/lib/paths';
import { runScript, seededCms, snapshot as snapshotOf } from './backup-setup';

let cms: TestCms | undefined;
const backupDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-backup-'));

afterAll(async () => {
  await cms?.stop();
  fs.rmSync(backupDir, { recursive: true, force: true });
});

/** Everything a backup must carry, with the media read from the local upload folder. */
async function snapshot(strapi: Core.Strapi) {
  const { result, files } = await snapshotOf(strapi, (file) =>
    fs.readFileSync(path.join(strapi.dirs.static.public, file.url)),
  );
  return { result, files: files.map((file) => path.join(strapi.dirs.static.public, file.url)) };
}

/** The command lines of every process of this machine we may read (Linux's /proc). */
function commandLines(): string[] {
  const lines: string[] = [];
  for (const pid of fs.readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      lines.push(fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' '));
    } catch {
      // Gone already, or not ours to read.
    }
  }
  return lines;
}

/**
 * Runs a script like runScript, and meanwhile looks at the command line of every process on
 * the machine, as `ps` would show them to any user: returns those seen while it ran.
 */
async function runScriptWatchingCommandLines(
  script: string,
  args: string[],
  env: NodeJS.ProcessEnv,
): Promise<{ status: number | null; output: string; seen: string[] }> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join('src', script), ...args], {
    cwd: scriptsDir,
    env,
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const seen = new Set<string>();
  const watch = setInterval(() => commandLines().forEach((line) => seen.add(line)), 25);
  const status = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  clearInterval(watch);
  return { status, output: output.slice(-3000), seen: [...seen] };
}

/** Throws the database (stop() drops it) and the uploaded files away; boots an empty one. */
async function loseEverything(files: string[]): Promise<void> {
  await cms!.stop();
  cms = undefined;
  for (const file of files) fs.rmSync(file, { force: true });
  cms = await bootTestCms();
}

const modeOf = (file: string) => fs.statSync(file).mode & 0o777;

describe('backup and restore', () => {
  it('round-trips all content, relations and media into an empty database', async () => {
    const folder = path.join(backupDir, 'plain');
    cms = await seededCms();
    const before = await snapshot(cms.strapi);
    expect(before.result['api::article.article']!.count).toBeGreaterThan(24);
    expect(before.result.media!.count).toBeGreaterThan(0);

    runScript('backup.ts', ['--out', folder]);
    const [archive] = fs.readdirSync(folder);
    expect(archive).toMatch(/^hub-\d{8}-\d{6}\.tar\.gz$/);
    // It holds the submitters' names and e-mail addresses: for its owner's eyes only.
    expect(modeOf(path.join(folder, archive!))).toBe(0o600);
    expect(modeOf(folder)).toBe(0o700);

    await loseEverything(before.files);
    runScript('restore.ts', [path.join(folder, archive!)]);
    const after = await snapshot(cms.strapi);
    expect(after.result).toEqual(before.result);
  });

  it('encrypts with a key from a file that never shows on a command line', async () => {
    const folder = path.join(backupDir, 'encrypted');
    const key = randomBytes(24).toString('hex');
    const keyFile = path.join(backupDir, 'backup-key');
    fs.writeFileSync(keyFile, `${key}\n`, { mode: 0o600 });
    await cms?.stop();
    cms = await seededCms();
    const before = await snapshot(cms.strapi);
    // The database of this CMS (bootTestCms sets it in process.env), the key from the file only.
    const withKeyFile = (file: string): NodeJS.ProcessEnv => {
      const { BACKUP_ENCRYPTION_KEY: _ignored, ...inherited } = process.env;
      return { ...inherited, BACKUP_ENCRYPTION_KEY_FILE: file };
    };

    const backup = await runScriptWatchingCommandLines(
      'backup.ts',
      ['--out', folder],
      withKeyFile(keyFile),
    );
    expect(backup.status, backup.output).toBe(0);
    // The watch saw Strapi's export running, and no command line with the key in it.
    expect(
      backup.seen.some((line) => line.includes('createCLI') && line.includes(' export ')),
    ).toBe(true);
    expect(backup.seen.filter((line) => line.includes(key))).toEqual([]);

    const [archive] = fs.readdirSync(folder);
    expect(archive).toMatch(/^hub-\d{8}-\d{6}\.tar\.gz\.enc$/);
    const file = path.join(folder, archive!);
    expect(modeOf(file)).toBe(0o600);
    // Encrypted: neither a gzip archive nor the demo's text in the clear.
    const bytes = fs.readFileSync(file);
    expect([bytes[0], bytes[1]]).not.toEqual([0x1f, 0x8b]);
    expect(bytes.includes(Buffer.from('Alleen een concept'))).toBe(false);

    await loseEverything(before.files);
    const wrongKey = path.join(backupDir, 'wrong-key');
    fs.writeFileSync(wrongKey, 'niet-de-goede-sleutel\n', { mode: 0o600 });
    const refused = spawnSync(
      process.execPath,
      ['--import', 'tsx', path.join('src', 'restore.ts'), file],
      { cwd: scriptsDir, env: withKeyFile(wrongKey), encoding: 'utf8', timeout: 60_000 },
    );
    expect(refused.status, refused.stderr).toBe(1);
    expect(refused.stderr).toMatch(/does not open with this key/);

    const restore = await runScriptWatchingCommandLines('restore.ts', [file], withKeyFile(keyFile));
    expect(restore.status, restore.output).toBe(0);
    expect(
      restore.seen.some((line) => line.includes('createCLI') && line.includes(' import ')),
    ).toBe(true);
    expect(restore.seen.filter((line) => line.includes(key))).toEqual([]);
    const after = await snapshot(cms.strapi);
    expect(after.result).toEqual(before.result);
  });

  it('refuses to restore an encrypted backup without a key, and two keys at once', () => {
    const encrypted = path.join(backupDir, 'hub-20260101-000000.tar.gz.enc');
    fs.writeFileSync(encrypted, 'versleuteld');
    const { BACKUP_ENCRYPTION_KEY: _a, BACKUP_ENCRYPTION_KEY_FILE: _b, ...env } = process.env;
    const withoutKey = spawnSync(
      process.execPath,
      ['--import', 'tsx', path.join('src', 'restore.ts'), encrypted],
      { cwd: scriptsDir, env, encoding: 'utf8' },
    );
    expect(withoutKey.status).toBe(1);
    expect(withoutKey.stderr).toMatch(/is encrypted: set BACKUP_ENCRYPTION_KEY/);
    const bothKeys = spawnSync(
      process.execPath,
      ['--import', 'tsx', path.join('src', 'backup.ts'), '--out', path.join(backupDir, 'both')],
      {
        cwd: scriptsDir,
        env: { ...env, BACKUP_ENCRYPTION_KEY: 'een', BACKUP_ENCRYPTION_KEY_FILE: encrypted },
        encoding: 'utf8',
      },
    );
    expect(bothKeys.status).toBe(1);
    expect(bothKeys.stderr).toMatch(/not both/);
  });
});
