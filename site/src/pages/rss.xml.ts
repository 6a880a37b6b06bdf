import type { APIRoute } from 'astro';
import { getHub } from '../lib/data';
import { feedItemsFor } from '../lib/feed-context';
import { feedResponse } from '../lib/feed-response';
import { paths } from '../lib/paths';

/** Everything in one feed: news, good practices and events. */
export const GET: APIRoute = async ({ site }) => {
  const hub = await getHub();
  return feedResponse({
    title: hub.settings.siteName,
    description:
      'Nieuws, goede voorbeelden en activiteiten van de Lokale Coalitie tegen Eenzaamheid Maastricht.',
    site,
    selfPath: paths.feedAll,
    items: await feedItemsFor(hub, site),
  });
};
