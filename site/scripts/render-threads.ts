import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Hub } from '../src/lib/data';
import type {
  ImageRequest,
  RenderThreadReply,
  RenderThreadRequest,
  ThreadRenderedPath,
} from '../src/renderer/types';

/** What one thread made of a batch of paths. */
export interface RenderedBatch {
  pages: ThreadRenderedPath[];
  images: ImageRequest[];
}

/**
 * One worker thread that renders pages of a compiled site (see serveRenderThread in the
 * renderer's entry). It runs the compiled JavaScript without the exporter's TypeScript loader,
 * and takes one batch at a time.
 */
class RenderThread {
  private readonly worker: Worker;
  private pending?: { resolve: (batch: RenderedBatch) => void; reject: (error: Error) => void };
  /** Set once the thread has died; it renders nothing more. */
  failure?: Error;

  constructor(siteDir: string, siteUrl: string) {
    const entry = pathToFileURL(path.join(siteDir, 'server', 'entry.mjs')).href;
    const start = `import(${JSON.stringify(entry)}).then((site) => site.serveRenderThread(${JSON.stringify(siteUrl)}));`;
    this.worker = new Worker(start, { eval: true, execArgv: [] });
    this.worker.on('message', (reply: RenderThreadReply) => {
      const pending = this.pending;
      this.pending = undefined;
      if (reply.kind === 'rendered') pending?.resolve({ pages: reply.pages, images: reply.images });
      else pending?.reject(new Error(`A page did not render: ${reply.error}`));
    });
    const die = (error: Error) => {
      this.failure ??= error;
      this.pending?.reject(error);
      this.pending = undefined;
    };
    this.worker.on('error', (error) => die(new Error(`A render thread failed: ${error.message}`)));
    this.worker.on('exit', (code) =>
      die(new Error(`A render thread stopped (exit code ${code}).`)),
    );
  }

  private send(request: RenderThreadRequest) {
    if (this.failure) throw this.failure;
    this.worker.postMessage(request);
  }

  useHub(hub: Hub) {
    this.send({ kind: 'hub', hub });
  }

  render(paths: string[]): Promise<RenderedBatch> {
    return new Promise((resolve, reject) => {
      if (this.pending) throw new Error('A render thread takes one batch at a time.');
      this.pending = { resolve, reject };
      this.send({ kind: 'render', paths });
    });
  }

  async close() {
    this.worker.removeAllListeners('exit');
    await this.worker.terminate();
  }
}

/**
 * Worker threads that render beside the exporter's own thread, so a build uses every core. They
 * are made for one compiled site and public URL, and are kept between builds by a long-running
 * exporter (loading the compiled site in a thread costs about a second).
 */
export class RenderThreads {
  private readonly threads: RenderThread[];

  constructor(
    readonly siteDir: string,
    readonly siteUrl: string,
    count: number,
  ) {
    this.threads = Array.from({ length: count }, () => new RenderThread(siteDir, siteUrl));
  }

  /** False once a thread has died: make new ones. */
  get healthy(): boolean {
    return this.threads.every((thread) => !thread.failure);
  }

  /** Hands every thread the content of the build about to be rendered. */
  useHub(hub: Hub): void {
    for (const thread of this.threads) thread.useHub(hub);
  }

  /** Each thread's render function, for a scheduler that hands out batches. */
  get renderers(): ((paths: string[]) => Promise<RenderedBatch>)[] {
    return this.threads.map((thread) => (paths: string[]) => thread.render(paths));
  }

  async close(): Promise<void> {
    await Promise.all(this.threads.map((thread) => thread.close()));
  }
}
