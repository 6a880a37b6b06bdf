import type { ChildProcess } from 'node:child_process';

/**
 * Polls `url` until it answers with `status`, the child exits, or `timeoutMs` passes.
 * Rejects with a message that says which of the last two happened.
 */
export async function waitForStatus(
  url: string,
  status: number,
  child: ChildProcess,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`The process stopped before ${url} answered.`);
    }
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (response.status === status) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`${url} did not answer ${status} within ${Math.round(timeoutMs / 1000)} s.`);
}
