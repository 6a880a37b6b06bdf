import { getHub, type Hub } from './data';

type Params = Record<string, string | number | undefined>;

/** One page of a dynamic route: its parameters and what the page needs to render. */
export interface RoutePath {
  params: Record<string, string>;
  props?: Record<string, unknown>;
}

/**
 * What a dynamic route exports as `routePaths`: every page of it, for the current content (the
 * role `getStaticPaths` has in a static Astro build, which the exporter does not run).
 */
export type RoutePaths = () => Promise<RoutePath[]>;

/** The same parameters, in one canonical string (Astro hands them over as strings). */
function keyOf(params: Params): string {
  return JSON.stringify(
    Object.keys(params)
      .sort()
      .map((name) => [name, params[name] === undefined ? '' : String(params[name])]),
  );
}

interface PathTable {
  paths: RoutePath[];
  propsByParams: Map<string, unknown>;
}

// Per hub (one per build) and route: a route's paths are worked out once per build, however
// many of its pages are rendered.
const tables = new WeakMap<Hub, Map<RoutePaths, Promise<PathTable>>>();

async function tableOf(routePaths: RoutePaths): Promise<PathTable> {
  const hub = await getHub();
  let routes = tables.get(hub);
  if (!routes) {
    routes = new Map();
    tables.set(hub, routes);
  }
  let table = routes.get(routePaths);
  if (!table) {
    table = routePaths().then((paths) => ({
      paths,
      propsByParams: new Map(paths.map((path) => [keyOf(path.params), path.props ?? {}])),
    }));
    routes.set(routePaths, table);
  }
  return table;
}

/** Every page of a route in the current build. */
export async function allPaths(routePaths: RoutePaths): Promise<RoutePath[]> {
  return (await tableOf(routePaths)).paths;
}

/** The props a route's `routePaths` gives the page at these parameters. */
export async function routeProps<Props>(routePaths: RoutePaths, params: Params): Promise<Props> {
  const props = (await tableOf(routePaths)).propsByParams.get(keyOf(params));
  if (props === undefined) throw new Error(`No page for ${keyOf(params)} in routePaths.`);
  return props as Props;
}
