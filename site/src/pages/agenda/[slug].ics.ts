import type { APIRoute } from 'astro';
import type { HubEvent } from '@hub/shared';
import { getHub } from '../../lib/data';
import { calendarResponse } from '../../lib/calendar';
import { routeProps, type RoutePaths } from '../../lib/route-paths';

export const routePaths = (async () => {
  const { events } = await getHub();
  return events.map((event) => ({ params: { slug: event.slug }, props: { event } }));
}) satisfies RoutePaths;

/** One event as an .ics file ("Zet in je agenda"). */
export const GET: APIRoute = async ({ params, site }) => {
  const { event } = await routeProps<{ event: HubEvent }>(routePaths, params);
  return calendarResponse([event], { siteUrl: String(site), name: event.title });
};
