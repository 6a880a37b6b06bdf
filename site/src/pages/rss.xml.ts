import type { APIRoute } from 'astro';
import { getHub } from '../lib/data';
import { feedContext } from '../lib/feed-context';
import { articleFeedItem, eventFeedItem, newestFirst, practiceFeedItem } from '../lib/feed-items';
import { feedResponse } from '../lib/feed-response';
import { paths } from '../lib/paths';

/** Everything in one feed: news, good practices and events. */
export const GET: APIRoute = async ({ site }) => {
  const hub = await getHub();
  const context = await feedContext([...hub.articles, ...hub.practices, ...hub.events], site);
  return feedResponse({
    title: hub.settings.siteName,
    description:
      'Nieuws, goede voorbeelden en activiteiten van de Lokale Coalitie tegen Eenzaamheid Maastricht.',
    site,
    selfPath: paths.feedAll,
    items: newestFirst([
      ...hub.articles.map((item) => articleFeedItem(item, context)),
      ...hub.practices.map((item) => practiceFeedItem(item, context)),
      ...hub.events.map((item) => eventFeedItem(item, context)),
    ]),
  });
};
