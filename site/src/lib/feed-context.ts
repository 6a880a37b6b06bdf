import type { RSSFeedItem } from '@astrojs/rss';
import { blockImageUrls, type Article, type GoodPractice, type HubEvent } from '@hub/shared';
import { getHub } from './data';
import {
  articleFeedItem,
  eventFeedItem,
  newestFirst,
  newestForFeed,
  practiceFeedItem,
  type FeedContent,
  type FeedContext,
} from './feed-items';
import { siteImageCopy } from './site-image';

type Item = Article | GoodPractice | HubEvent;

function imagesOf(item: Item, cmsUrl: string): string[] {
  const lead = 'cover' in item ? item.cover : 'image' in item ? item.image : undefined;
  const blocks = [item.body, ...('approach' in item ? [item.approach, item.results] : [])];
  return [...(lead ? [lead.url] : []), ...blocks.flatMap((body) => blockImageUrls(body, cmsUrl))];
}

/**
 * A feed context for these items: every image they use is copied into the site (WebP) so that
 * feed readers never load anything from the CMS.
 */
export async function feedContext(
  items: readonly Item[],
  site: URL | undefined,
): Promise<FeedContext> {
  const siteUrl = String(site);
  const { cmsUrl } = await getHub();
  const copies = new Map<string, string>();
  for (const url of new Set(items.flatMap((item) => imagesOf(item, cmsUrl)))) {
    copies.set(url, new URL(await siteImageCopy(url, 1200), siteUrl).toString());
  }
  return { siteUrl, cmsUrl, imageSrc: (url) => copies.get(url) };
}

/**
 * The items of a feed of this content: the newest FEED_ITEM_LIMIT, newest first, with their
 * images copied into the site.
 */
export async function feedItemsFor(
  content: FeedContent,
  site: URL | undefined,
): Promise<RSSFeedItem[]> {
  const { articles, practices, events } = newestForFeed(content);
  const context = await feedContext([...articles, ...practices, ...events], site);
  return newestFirst([
    ...articles.map((item) => articleFeedItem(item, context)),
    ...practices.map((item) => practiceFeedItem(item, context)),
    ...events.map((item) => eventFeedItem(item, context)),
  ]);
}
