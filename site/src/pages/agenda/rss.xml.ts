import type { APIRoute } from 'astro';
import { getHub } from '../../lib/data';
import { feedItemsFor } from '../../lib/feed-context';
import { feedResponse } from '../../lib/feed-response';
import { paths } from '../../lib/paths';

export const GET: APIRoute = async ({ site }) => {
  const hub = await getHub();
  return feedResponse({
    title: `${hub.settings.siteName}: agenda`,
    description: 'Activiteiten en bijeenkomsten tegen eenzaamheid in Maastricht.',
    site,
    selfPath: paths.feedAgenda,
    items: await feedItemsFor({ events: hub.events }, site),
  });
};
