import type { APIRoute } from 'astro';
import { getHub } from '../../lib/data';
import { feedContext } from '../../lib/feed-context';
import { articleFeedItem, newestFirst } from '../../lib/feed-items';
import { feedResponse } from '../../lib/feed-response';
import { paths } from '../../lib/paths';

export const GET: APIRoute = async ({ site }) => {
  const hub = await getHub();
  const context = await feedContext(hub.articles, site);
  return feedResponse({
    title: `${hub.settings.siteName}: nieuws`,
    description: 'Nieuws van de Lokale Coalitie tegen Eenzaamheid Maastricht.',
    site,
    selfPath: paths.feedNews,
    items: newestFirst(hub.articles.map((item) => articleFeedItem(item, context))),
  });
};
