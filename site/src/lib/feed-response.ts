import rss, { type RSSFeedItem } from '@astrojs/rss';

/** An RSS 2.0 response with Dutch channel data and the items given (already ordered). */
export function feedResponse(options: {
  title: string;
  description: string;
  site: URL | undefined;
  items: RSSFeedItem[];
  selfPath: string;
}) {
  const site = String(options.site);
  return rss({
    title: options.title,
    description: options.description,
    site,
    items: options.items,
    customData: `<language>nl-nl</language><atom:link href="${new URL(options.selfPath, site).toString()}" rel="self" type="application/rss+xml"/>`,
    xmlns: { atom: 'http://www.w3.org/2005/Atom' },
    trailingSlash: true,
  });
}
