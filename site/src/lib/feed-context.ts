import { blockImageUrls, type Article, type GoodPractice, type HubEvent } from '@hub/shared';
import { getHub } from './data';
import type { FeedContext } from './feed-items';
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
