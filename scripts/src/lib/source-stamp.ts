import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';

/** Every file under these files and folders, sorted (a missing one is left out). */
async function filesUnder(roots: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  for (const root of roots) {
    const stat = await fs.stat(root).catch(() => null);
    if (stat?.isFile()) files.push(root);
    if (!stat?.isDirectory()) continue;
    const entries = await fs.readdir(root, { recursive: true, withFileTypes: true });
    for (const entry of entries)
      if (entry.isFile()) files.push(path.join(entry.parentPath, entry.name));
  }
  return files.sort();
}

/**
 * A hash of what a build is made from: the names (relative to `base`) and contents of every file
 * under `roots`, and `extra` (a version, say). It changes when any source does.
 */
export async function sourceHash(
  base: string,
  roots: readonly string[],
  extra = '',
): Promise<string> {
  const hash = createHash('sha256').update(extra);
  for (const file of await filesUnder(roots)) {
    hash
      .update(path.relative(base, file))
      .update('\0')
      .update(await fs.readFile(file));
  }
  return hash.digest('hex');
}

/** The hash a build wrote next to its output when it was done, or '' when there is none. */
export async function readStamp(stampFile: string): Promise<string> {
  return (await fs.readFile(stampFile, 'utf8').catch(() => '')).trim();
}

/** Records that the output next to `stampFile` was built from sources with this hash. */
export async function writeStamp(stampFile: string, hash: string): Promise<void> {
  await fs.mkdir(path.dirname(stampFile), { recursive: true });
  await fs.writeFile(stampFile, `${hash}\n`);
}
