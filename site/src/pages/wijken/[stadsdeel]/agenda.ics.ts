import type { APIRoute } from 'astro';
import { districtEvents, type District, type HubEvent } from '@hub/shared';
import { calendarResponse } from '../../../lib/calendar';
import { getHub } from '../../../lib/data';
import { paths } from '../../../lib/paths';
import { routeProps, type RoutePaths } from '../../../lib/route-paths';

interface Props {
  district: District;
  /** Every event in the stadsdeel, past and future, as in /agenda.ics. */
  events: HubEvent[];
}

// Its events come as props: a change elsewhere in the agenda leaves this calendar as it is.
export const routePaths = (async () => {
  const { districts, events } = await getHub();
  return districts.map((district) => ({
    params: { stadsdeel: district.slug },
    props: { district, events: districtEvents(events, district.slug) } satisfies Props,
  }));
}) satisfies RoutePaths;

/** The activities in one stadsdeel, for agenda apps. */
export const GET: APIRoute = async ({ params, site }) => {
  const { district, events } = await routeProps<Props>(routePaths, params);
  const { settings } = await getHub();
  return calendarResponse(events, {
    siteUrl: String(site),
    name: `${settings.siteName}: agenda ${district.name}`,
    pagePath: paths.district(district.slug),
  });
};
