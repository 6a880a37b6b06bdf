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

/**
 * Polls the publisher's status until its first build is live; rejects with the build's error
 * when it fails, or when the publisher stops or `timeoutMs` passes.
 */
export async function waitForFirstBuild(
  statusUrl: string,
  child: ChildProcess,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error('The publisher stopped.');
    try {
      const status = (await (
        await fetch(statusUrl, { signal: AbortSignal.timeout(2000) })
      ).json()) as {
        live: string | null;
        last: { result: string; error?: string } | null;
      };
      if (status.live) return;
      if (status.last?.result === 'failed')
        throw new Error(`The first site build failed: ${status.last.error}`);
    } catch (error) {
      if (error instanceof Error && error.message.startsWith('The first site build failed'))
        throw error;
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  throw new Error(`The first site build was not live within ${Math.round(timeoutMs / 1000)} s.`);
}
