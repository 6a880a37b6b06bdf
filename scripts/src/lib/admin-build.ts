import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { cmsDir, repoRoot } from './paths';
import { run } from './processes';

/** Files whose change means the admin panel must be built again. */
async function adminSourceFiles(): Promise<string[]> {
  // The admin's own code, and the shared code it compiles in (the editor's panel).
  const sourceDirs = [path.join(cmsDir, 'src', 'admin'), path.join(repoRoot, 'shared', 'src')];
  const sources: string[] = [];
  for (const dir of sourceDirs) {
    const entries = await fs.readdir(dir, { recursive: true, withFileTypes: true });
    sources.push(
      ...entries
        .filter((entry) => entry.isFile())
        .map((entry) => path.join(entry.parentPath, entry.name)),
    );
  }
  return [
    ...sources,
    path.join(cmsDir, 'package.json'),
    path.join(cmsDir, 'config', 'admin.ts'),
  ].sort();
}

/** Version of the installed admin package: an upgrade of Strapi needs a new build too. */
async function installedAdminVersion(): Promise<string> {
  const manifest = path.join(repoRoot, 'node_modules', '@strapi', 'admin', 'package.json');
  return (JSON.parse(await fs.readFile(manifest, 'utf8')) as { version: string }).version;
}

/** Hash over the admin sources and the Strapi version. */
export async function adminSourceHash(): Promise<string> {
  const hash = createHash('sha256').update(await installedAdminVersion());
  for (const file of await adminSourceFiles()) {
    hash.update(path.relative(cmsDir, file)).update(await fs.readFile(file));
  }
  return hash.digest('hex');
}

const stampFile = path.join(cmsDir, 'dist', 'build', '.source-hash');

/**
 * Builds the admin panel (about 30 s and 2 GB) only when it is missing or its sources changed
 * since the last build. Returns true when it built.
 */
export async function ensureAdminBuild(log: (line: string) => void): Promise<boolean> {
  const wanted = await adminSourceHash();
  const built = await fs.readFile(stampFile, 'utf8').catch(() => '');
  if (built.trim() === wanted) return false;
  log(
    built
      ? 'Admin panel sources changed: building the admin panel (about 30 s) ...'
      : 'Building the admin panel for the first time (about 30 s) ...',
  );
  await run('npx', ['strapi', 'build'], {
    cwd: cmsDir,
    env: { NODE_ENV: 'production' },
    prefix: 'admin-build',
  });
  await fs.writeFile(stampFile, `${wanted}\n`);
  return true;
}
