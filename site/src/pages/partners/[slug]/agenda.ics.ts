import type { APIRoute } from 'astro';
import { partnerEvents, type HubEvent, type Partner } from '@hub/shared';
import { calendarResponse } from '../../../lib/calendar';
import { getHub } from '../../../lib/data';
import { paths } from '../../../lib/paths';
import { routeProps, type RoutePaths } from '../../../lib/route-paths';

interface Props {
  /** What the calendar shows of the partner. */
  partner: Pick<Partner, 'name' | 'slug'>;
  /** Every event the partner organises, past and future, as in /agenda.ics. */
  events: HubEvent[];
}

// Its events come as props: a change elsewhere in the agenda leaves this calendar as it is.
export const routePaths = (async () => {
  const { partners, events } = await getHub();
  return partners.map(({ name, slug }) => ({
    params: { slug },
    props: { partner: { name, slug }, events: partnerEvents(events, slug) } satisfies Props,
  }));
}) satisfies RoutePaths;

/** The activities one partner organises, for agenda apps (also while it has none yet). */
export const GET: APIRoute = async ({ params, site }) => {
  const { partner, events } = await routeProps<Props>(routePaths, params);
  const { settings } = await getHub();
  return calendarResponse(events, {
    siteUrl: String(site),
    name: `${settings.siteName}: agenda ${partner.name}`,
    pagePath: paths.partner(partner.slug),
  });
};
