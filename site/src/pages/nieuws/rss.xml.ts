import type { APIRoute } from 'astro';
import { getHub } from '../../lib/data';
import { feedItemsFor } from '../../lib/feed-context';
import { feedResponse } from '../../lib/feed-response';
import { paths } from '../../lib/paths';

export const GET: APIRoute = async ({ site }) => {
  const hub = await getHub();
  return feedResponse({
    title: `${hub.settings.siteName}: nieuws`,
    description: 'Nieuws van de Lokale Coalitie tegen Eenzaamheid Maastricht.',
    site,
    selfPath: paths.feedNews,
    items: await feedItemsFor({ articles: hub.articles }, site),
  });
};
