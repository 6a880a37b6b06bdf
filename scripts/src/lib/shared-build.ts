import path from 'node:path';
import { repoRoot } from './paths';
import { run } from './processes';
import { readStamp, sourceHash, writeStamp } from './source-stamp';

const sharedDir = path.join(repoRoot, 'shared');
/** What shared/dist is compiled from. */
const SHARED_SOURCES = ['src', 'package.json', 'tsconfig.json', 'tsconfig.build.json'].map((name) =>
  path.join(sharedDir, name),
);
const stampFile = path.join(sharedDir, 'dist', '.source-hash');

/**
 * Compiles the shared package (shared/dist, which the CMS and the scripts load) when its sources
 * changed since it was last compiled: after a `git pull` without `npm install`, the CMS would
 * otherwise run with the old shared code. Takes a few seconds. Returns true when it compiled.
 */
export async function ensureSharedBuild(log: (line: string) => void): Promise<boolean> {
  const wanted = await sourceHash(sharedDir, SHARED_SOURCES);
  if ((await readStamp(stampFile)) === wanted) return false;
  log('The shared code changed since it was last compiled: compiling it ...');
  await run('npm', ['run', 'build', '-w', 'shared'], { cwd: repoRoot, prefix: 'shared-build' });
  await writeStamp(stampFile, wanted);
  return true;
}
