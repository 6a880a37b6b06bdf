import type { APIRoute } from 'astro';
import { getHub } from '../../lib/data';
import { feedContext } from '../../lib/feed-context';
import { newestFirst, practiceFeedItem } from '../../lib/feed-items';
import { feedResponse } from '../../lib/feed-response';
import { paths } from '../../lib/paths';

export const GET: APIRoute = async ({ site }) => {
  const hub = await getHub();
  const context = await feedContext(hub.practices, site);
  return feedResponse({
    title: `${hub.settings.siteName}: goede voorbeelden`,
    description: 'Initiatieven tegen eenzaamheid in Maastricht.',
    site,
    selfPath: paths.feedPractices,
    items: newestFirst(hub.practices.map((item) => practiceFeedItem(item, context))),
  });
};
