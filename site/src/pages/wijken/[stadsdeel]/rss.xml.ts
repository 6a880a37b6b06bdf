import type { APIRoute } from 'astro';
import { districtContent, type District } from '@hub/shared';
import { getHub } from '../../../lib/data';
import { feedItemsFor } from '../../../lib/feed-context';
import { newestForFeed, type FeedContent } from '../../../lib/feed-items';
import { feedResponse } from '../../../lib/feed-response';
import { paths } from '../../../lib/paths';
import { routeProps, type RoutePaths } from '../../../lib/route-paths';

interface Props {
  district: District;
  /** The newest items of the stadsdeel, as the feed carries them. */
  content: FeedContent;
}

// The feed gets its items as props and reads nothing else of the content: publishing an item
// renders again only the feeds of the stadsdelen it belongs to.
export const routePaths = (async () => {
  const hub = await getHub();
  return hub.districts.map((district) => ({
    params: { stadsdeel: district.slug },
    props: {
      district,
      content: newestForFeed(districtContent(hub, district.slug)),
    } satisfies Props,
  }));
}) satisfies RoutePaths;

/** News, good practices and activities of one stadsdeel. */
export const GET: APIRoute = async ({ params, site }) => {
  const { district, content } = await routeProps<Props>(routePaths, params);
  const { settings } = await getHub();
  return feedResponse({
    title: `${settings.siteName}: ${district.name}`,
    description: `Nieuws, goede voorbeelden en activiteiten in stadsdeel ${district.name}.`,
    site,
    selfPath: paths.districtFeed(district.slug),
    items: await feedItemsFor(content, site),
  });
};
