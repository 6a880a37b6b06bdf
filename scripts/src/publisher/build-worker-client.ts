import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import type { BuildRequest, SearchIndexRequest } from '../../../site/scripts/build-worker';
import type { ExportStats } from '../../../site/scripts/export-site';
import type { SearchIndexStats } from '../../../site/scripts/search-index';
import type { BuildFailureKind } from '@hub/shared';
import { BuildFailedError, classifyBuildError } from '../../../site/scripts/build-failure';
import type { LogLevel } from '../../../site/scripts/http/log-format';

type Reply =
  | { id: string; ok: true; stats: ExportStats }
  | { id: string; ok: true; search: SearchIndexStats }
  // `kind` is decided by the worker; a worker of an older checkout may not send it yet.
  | { id: string; ok: false; error: string; kind?: BuildFailureKind };

/**
 * The publisher's side of site/scripts/build-worker.ts: starts the worker on first use, sends it
 * builds and waits for their outcome. When the worker dies, the build it was doing fails with
 * the end of its output, and the next build starts a new worker.
 */
export class BuildWorkerClient {
  private child: ChildProcess | null = null;
  private pending = new Map<
    string,
    { resolve: (answer: Reply & { ok: true }) => void; reject: (error: Error) => void }
  >();
  private output = '';

  /**
   * @param siteDir the site workspace
   * @param log where the worker's own output goes, line by line (Astro's errors among it);
   *   its stderr as warnings
   */
  constructor(
    private readonly siteDir: string,
    private readonly log: (line: string, level?: LogLevel) => void = () => undefined,
  ) {}

  /** Fails every waiting build with this error. */
  private failAll(error: Error): void {
    for (const waiting of this.pending.values()) waiting.reject(error);
    this.pending.clear();
  }

  private start(): ChildProcess {
    const child = fork(path.join(this.siteDir, 'scripts', 'build-worker.ts'), [], {
      cwd: this.siteDir,
      execArgv: ['--import', 'tsx'],
      env: { ...process.env, NODE_ENV: 'production' },
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    });
    const collect = (level: LogLevel) => (chunk: Buffer) => {
      this.output = (this.output + chunk.toString()).slice(-8_000);
      for (const line of chunk.toString().split('\n'))
        if (line.trim()) this.log(`[build] ${line}`, level);
    };
    child.stdout?.on('data', collect('info'));
    child.stderr?.on('data', collect('warn'));
    child.on('message', (reply: Reply) => {
      const waiting = this.pending.get(reply.id);
      this.pending.delete(reply.id);
      if (reply.ok) waiting?.resolve(reply);
      else
        waiting?.reject(
          new BuildFailedError(reply.error, reply.kind ?? classifyBuildError(reply.error)),
        );
    });
    child.on('exit', (code, signal) => {
      // A worker stopped for taking too long was let go already; its build has failed.
      if (this.child !== child) return;
      this.child = null;
      // The cause, not Node's closing "Node.js v20..." line.
      const cause =
        this.output
          .split('\n')
          .reverse()
          .find((line) => /error/i.test(line)) ?? '';
      this.failAll(
        new Error(`The build process stopped (${signal ?? `exit code ${code}`}). ${cause}`.trim()),
      );
    });
    // It could not start, or its channel closed before it exited: the next build starts anew.
    child.on('error', (error) => {
      if (this.child !== child) return;
      this.child = null;
      this.failAll(new Error(`The build process failed: ${error.message}`));
    });
    return child;
  }

  /**
   * Builds the site into request.outDir; rejects with the cause when it fails. A build that takes
   * longer than `timeoutMs` is stopped: the worker is killed (a hung build holds nothing after
   * it), the build fails with that reason, and the next build starts a new worker.
   */
  async build(request: BuildRequest, timeoutMs: number): Promise<ExportStats> {
    const reply = await this.ask(request, timeoutMs, 'build');
    if (!('stats' in reply)) throw new Error('The build process answered a build without figures.');
    return reply.stats;
  }

  /**
   * Prepares the new search index of a live build in its folder (see prepareSearchIndex), with
   * the same time limit and the same handling of a worker that dies.
   */
  async indexSearch(releaseDir: string, timeoutMs: number): Promise<SearchIndexStats> {
    const request: SearchIndexRequest = {
      id: `search-${path.basename(releaseDir)}-${Date.now()}`,
      searchIndexOf: releaseDir,
    };
    const reply = await this.ask(request, timeoutMs, 'search index');
    if (!('search' in reply)) throw new Error('The build process answered without an index.');
    return reply.search;
  }

  private ask(
    request: BuildRequest | SearchIndexRequest,
    timeoutMs: number,
    what: string,
  ): Promise<Reply & { ok: true }> {
    this.child ??= this.start();
    const child = this.child;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(request.id);
        reject(
          new BuildFailedError(
            `The ${what} took longer than ${Math.round(timeoutMs / 1000)} s ` +
              '(PUBLISH_BUILD_TIMEOUT_S) and was stopped.',
            'timeout',
          ),
        );
        // Let go at once: the next build starts a new worker, whenever this one exits.
        if (this.child === child) this.child = null;
        child.kill('SIGKILL');
      }, timeoutMs);
      const settle =
        <T>(done: (value: T) => void) =>
        (value: T) => {
          clearTimeout(timer);
          done(value);
        };
      this.pending.set(request.id, { resolve: settle(resolve), reject: settle(reject) });
      child.send(request, (error) => {
        if (error)
          this.failAll(new Error(`The build process did not take the build: ${error.message}`));
      });
    });
  }

  /** Process id of the worker, when one runs (for operators' logs and tests). */
  get pid(): number | undefined {
    return this.child?.pid;
  }

  /** Stops the worker (a running build fails). */
  close(): void {
    this.child?.kill();
  }
}
