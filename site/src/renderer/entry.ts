import type { SSRManifest } from 'astro';
import { App } from 'astro/app';
import { recordReads, takeReads, useHub } from '../lib/data';
import { allPaths, type RoutePaths } from '../lib/route-paths';
import { contentHash } from '../lib/content-hash';
import { takeImageRequests } from './image-service';
import type { Renderer, SitePath } from './types';

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
  return {
    createRenderer(siteUrl: string): Renderer {
      // The public URL is given per export, not compiled in: one renderer serves every build.
      // Not streamed: a page is written whole, and rendering it into one string costs far less
      // than encoding each of its many small chunks on its own (a third of all render time).
      const app = new App({ ...importingOnce(manifest), site: siteUrl }, false);
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
              // A hash, not the props' JSON: that (a whole article, say), held for every path
              // until the build ends, was about 100 MB at 10,000 articles.
              found.push({ path: route.generate(params), props: contentHash(props ?? {}) });
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
    },
  };
}
