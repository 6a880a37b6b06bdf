import type { SSRManifest } from 'astro';
import { App } from 'astro/app';
import { recordReads, takeReads, useHub } from '../lib/data';
import { allPaths, type RoutePaths } from '../lib/route-paths';
import { takeImageRequests } from './image-service';
import type { RenderThreadReply, RenderThreadRequest, Renderer, SitePath } from './types';

type RouteModule = { routePaths?: RoutePaths };
const routeModules = import.meta.glob<RouteModule>('../pages/**/*.{astro,ts}');

/** A loader that runs once; later calls get the same promise. */
function once<T>(load: () => Promise<T> | T): () => Promise<T> {
  let loaded: Promise<T> | undefined;
  return () => (loaded ??= Promise.resolve(load()));
}

type PageEntry = { page: () => Promise<unknown> };

/**
 * The manifest with every lazy module import made once. Astro imports a page's module again
 * for every render; the import is cached, but its resolution is not, and under a module loader
 * hook (tsx, which runs the exporter) each resolution is a round trip to another thread: that
 * cost more than the rendering itself.
 */
function importingOnce(manifest: SSRManifest): SSRManifest {
  const pageMap = new Map(
    [...(manifest.pageMap ?? [])].map(([component, load]) => [
      component,
      once(async () => {
        const entry = (await load()) as unknown as PageEntry;
        return { ...entry, page: once(entry.page) } as unknown as Awaited<ReturnType<typeof load>>;
      }),
    ]),
  );
  return {
    ...manifest,
    pageMap,
    ...(manifest.actions ? { actions: once(manifest.actions) } : {}),
    ...(typeof manifest.middleware === 'function'
      ? { middleware: once(manifest.middleware as () => Promise<never>) }
      : {}),
  };
}

/** Astro calls this when the renderer is loaded, with the compiled site's manifest. */
export function createExports(manifest: SSRManifest) {
  function createRenderer(siteUrl: string): Renderer {
    // The public URL is given per export, not compiled in: one renderer serves every build.
    const app = new App({ ...importingOnce(manifest), site: siteUrl });
    const routes = manifest.routes
      .map((info) => info.routeData)
      .filter(
        (route) =>
          route.origin === 'project' && (route.type === 'page' || route.type === 'endpoint'),
      );
    return {
      useHub,
      async paths() {
        const found: SitePath[] = [];
        for (const route of routes) {
          if (route.params.length === 0) {
            found.push({ path: route.generate({}), props: '' });
            continue;
          }
          const load = routeModules[`../${route.component.replace(/^src\//, '')}`];
          const routePaths = load && (await load()).routePaths;
          if (!routePaths) throw new Error(`${route.component} exports no routePaths.`);
          for (const { params, props } of await allPaths(routePaths)) {
            found.push({ path: route.generate(params), props: JSON.stringify(props ?? {}) });
          }
        }
        return found;
      },
      async render(path) {
        const request = new Request(new URL(path, siteUrl));
        recordReads();
        try {
          const response = await app.render(request, { routeData: app.match(request, true) });
          // Astro renders while the body is read: read it whole inside the recording.
          const body = new Uint8Array(await response.arrayBuffer());
          return { status: response.status, body, reads: takeReads() };
        } finally {
          takeReads();
        }
      },
      takeImageRequests,
    };
  }

  /**
   * Serves a worker thread of the exporter (scripts/render-threads.ts): renders the paths it
   * is sent with the hub it was sent last, and answers with the pages (their bytes moved, not
   * copied) and the images they need. The thread runs the compiled site as plain JavaScript.
   */
  async function serveRenderThread(siteUrl: string): Promise<void> {
    const { parentPort } = await import('node:worker_threads');
    if (!parentPort) throw new Error('serveRenderThread() runs in a worker thread.');
    const port = parentPort;
    const renderer = createRenderer(siteUrl);
    const reply = (message: RenderThreadReply, transfer: ArrayBuffer[] = []) =>
      port.postMessage(message, transfer);
    port.on('message', (request: RenderThreadRequest) => {
      if (request.kind === 'hub') {
        renderer.useHub(request.hub);
        return;
      }
      void (async () => {
        const pages = [];
        for (const path of request.paths) pages.push({ path, ...(await renderer.render(path)) });
        return pages;
      })().then(
        (pages) =>
          reply(
            { kind: 'rendered', pages, images: renderer.takeImageRequests() },
            pages.map((page) => page.body.buffer as ArrayBuffer),
          ),
        (error: unknown) =>
          reply({
            kind: 'failed',
            error: error instanceof Error ? (error.stack ?? error.message) : String(error),
          }),
      );
    });
  }

  return { createRenderer, serveRenderThread };
}
