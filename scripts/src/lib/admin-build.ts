import fs from 'node:fs/promises';
import path from 'node:path';
import { cmsDir, repoRoot } from './paths';
import { run } from './processes';
import { readStamp, sourceHash, writeStamp } from './source-stamp';

/** What the admin panel is built from: a change in any of these needs a new build. */
const ADMIN_SOURCES = [
  path.join(cmsDir, 'src', 'admin'),
  // The shared code it compiles in (the editor's panel).
  path.join(repoRoot, 'shared', 'src'),
  path.join(cmsDir, 'package.json'),
  path.join(cmsDir, 'config', 'admin.ts'),
];

/** Version of the installed admin package: an upgrade of Strapi needs a new build too. */
async function installedAdminVersion(): Promise<string> {
  const manifest = path.join(repoRoot, 'node_modules', '@strapi', 'admin', 'package.json');
  return (JSON.parse(await fs.readFile(manifest, 'utf8')) as { version: string }).version;
}

/** Hash over the admin sources and the Strapi version. */
async function adminSourceHash(): Promise<string> {
  return sourceHash(cmsDir, ADMIN_SOURCES, await installedAdminVersion());
}

const stampFile = path.join(cmsDir, 'dist', 'build', '.source-hash');

/**
 * Builds the admin panel (about 30 s and 2 GB) only when it is missing or its sources changed
 * since the last build. Returns true when it built.
 */
export async function ensureAdminBuild(log: (line: string) => void): Promise<boolean> {
  const wanted = await adminSourceHash();
  const built = await readStamp(stampFile);
  if (built === wanted) return false;
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
  await writeStamp(stampFile, wanted);
  return true;
}
