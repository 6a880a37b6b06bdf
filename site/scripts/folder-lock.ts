import fs from 'node:fs/promises';
import path from 'node:path';

/** Whether a process with this id runs on this machine. */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** A lock left by a process that is gone (or that died before it could say who it was). */
async function isStale(lockDir: string): Promise<boolean> {
  try {
    const owner = JSON.parse(await fs.readFile(path.join(lockDir, 'owner.json'), 'utf8')) as {
      pid: number;
    };
    return !isRunning(owner.pid);
  } catch {
    const made = await fs.stat(lockDir).catch(() => null);
    return made !== null && Date.now() - made.mtimeMs > 10_000;
  }
}

/**
 * Runs `work` while holding a lock shared by every process on this machine: a folder, made
 * atomically by mkdir, that names its owner. Others wait until it is gone; a lock whose owner
 * died is taken over. The build worker and the preview server both compile the site into the
 * same folder: this keeps them from doing it at the same moment.
 */
export async function withFolderLock<T>(
  lockDir: string,
  work: () => Promise<T>,
  pollMs = 250,
): Promise<T> {
  for (;;) {
    try {
      await fs.mkdir(lockDir);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    if (await isStale(lockDir)) await fs.rm(lockDir, { recursive: true, force: true });
    else await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
  try {
    await fs.writeFile(path.join(lockDir, 'owner.json'), JSON.stringify({ pid: process.pid }));
    return await work();
  } finally {
    await fs.rm(lockDir, { recursive: true, force: true });
  }
}
