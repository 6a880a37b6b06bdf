import type { APIRoute } from 'astro';
import type { Term } from '@hub/shared';
import { getHub } from '../../../lib/data';
import { feedItemsFor } from '../../../lib/feed-context';
import { feedResponse } from '../../../lib/feed-response';
import { paths } from '../../../lib/paths';
import { routeProps, type RoutePaths } from '../../../lib/route-paths';
import { taggedWith } from '../../../lib/themes';

export const routePaths = (async () => {
  const { themes } = await getHub();
  return themes.map((theme) => ({ params: { slug: theme.slug }, props: { theme } }));
}) satisfies RoutePaths;

/** Everything about one theme. */
export const GET: APIRoute = async ({ params, site }) => {
  const { theme } = await routeProps<{ theme: Term }>(routePaths, params);
  const hub = await getHub();
  const has = taggedWith(theme.slug);
  const articles = hub.articles.filter(has);
  const practices = hub.practices.filter(has);
  const events = hub.events.filter(has);
  return feedResponse({
    title: `${hub.settings.siteName}: ${theme.name}`,
    description: `Nieuws, goede voorbeelden en activiteiten over ${theme.name.toLowerCase()}.`,
    site,
    selfPath: paths.themeFeed(theme.slug),
    items: await feedItemsFor({ articles, practices, events }, site),
  });
};
