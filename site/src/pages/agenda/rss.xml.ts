import type { APIRoute } from 'astro';
import { getHub } from '../../lib/data';
import { feedContext } from '../../lib/feed-context';
import { eventFeedItem, newestFirst } from '../../lib/feed-items';
import { feedResponse } from '../../lib/feed-response';
import { paths } from '../../lib/paths';

export const GET: APIRoute = async ({ site }) => {
  const hub = await getHub();
  const context = await feedContext(hub.events, site);
  return feedResponse({
    title: `${hub.settings.siteName}: agenda`,
    description: 'Activiteiten en bijeenkomsten tegen eenzaamheid in Maastricht.',
    site,
    selfPath: paths.feedAgenda,
    items: newestFirst(hub.events.map((item) => eventFeedItem(item, context))),
  });
};
