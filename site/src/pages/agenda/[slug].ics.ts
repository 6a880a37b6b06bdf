import type { APIRoute, GetStaticPaths } from 'astro';
import type { HubEvent } from '@hub/shared';
import { getHub } from '../../lib/data';
import { buildCalendar } from '../../lib/calendar';

export const getStaticPaths = (async () => {
  const { events } = await getHub();
  return events.map((event) => ({ params: { slug: event.slug }, props: { event } }));
}) satisfies GetStaticPaths;

/** One event as an .ics file ("Zet in je agenda"). */
export const GET: APIRoute = ({ props, site }) => {
  const { event } = props as { event: HubEvent };
  const body = buildCalendar([event], { siteUrl: String(site), name: event.title });
  return new Response(body, { headers: { 'Content-Type': 'text/calendar; charset=utf-8' } });
};
