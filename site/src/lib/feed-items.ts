import type { RSSFeedItem } from '@astrojs/rss';
import {
  FEED_ITEM_LIMIT,
  renderBlocks,
  type Article,
  type GoodPractice,
  type HubEvent,
  type Image,
  type RichText,
} from '@hub/shared';
import { escapeHtml } from '@hub/shared';
import { formatEventWhen } from './dates';
import { paths } from './paths';
import { capitalise } from './summaries';

/** What feed items need besides the content: where the site lives and its copies of images. */
export interface FeedContext {
  /** Public URL of the site; every link in a feed is absolute. */
  siteUrl: string;
  /** Base URL of the CMS, for relative media URLs inside rich text. */
  cmsUrl: string;
  /** The site's own (absolute) URL for a CMS image URL, when it has one. */
  imageSrc: (cmsUrl: string) => string | undefined;
}

const absolute = (path: string, context: FeedContext) => new URL(path, context.siteUrl).toString();

function html(blocks: RichText, context: FeedContext): string {
  return renderBlocks(blocks, {
    baseUrl: context.siteUrl,
    mediaBaseUrl: context.cmsUrl,
    imageSrc: context.imageSrc,
  });
}

function picture(image: Image | undefined, context: FeedContext): string {
  const src = image && context.imageSrc(image.url);
  return src
    ? `<p><img src="${escapeHtml(src)}" alt="${escapeHtml(image.alt)}" width="${image.width}" height="${image.height}"></p>`
    : '';
}

function enclosure(image: Image | undefined, context: FeedContext): RSSFeedItem['enclosure'] {
  const src = image && context.imageSrc(image.url);
  // The site's copy is WebP; its size is not known before the build writes it, and RSS allows 0.
  return src ? { url: src, type: 'image/webp', length: 0 } : undefined;
}

export function articleFeedItem(article: Article, context: FeedContext): RSSFeedItem {
  return {
    title: article.title,
    link: absolute(paths.article(article.slug), context),
    pubDate: article.date,
    description: article.summary,
    content: `${picture(article.cover, context)}<p><strong>${escapeHtml(article.summary)}</strong></p>${html(article.body, context)}`,
    categories: ['Nieuws', ...article.themes.map((theme) => theme.name)],
    ...(article.author ? { author: article.author } : {}),
    enclosure: enclosure(article.cover, context),
  };
}

export function practiceFeedItem(practice: GoodPractice, context: FeedContext): RSSFeedItem {
  const sections = [
    html(practice.body, context),
    practice.approach.length > 0 ? `<h2>Aanpak</h2>${html(practice.approach, context)}` : '',
    practice.results.length > 0 ? `<h2>Resultaten</h2>${html(practice.results, context)}` : '',
  ];
  return {
    title: practice.title,
    link: absolute(paths.practice(practice.slug), context),
    pubDate: practice.publishedAt,
    description: practice.summary,
    content: `${picture(practice.image, context)}<p><strong>${escapeHtml(practice.summary)}</strong></p>${sections.join('')}`,
    categories: [
      'Goed voorbeeld',
      capitalise(practice.activityType),
      ...practice.themes.map((theme) => theme.name),
    ],
    enclosure: enclosure(practice.image, context),
  };
}

export function eventFeedItem(event: HubEvent, context: FeedContext): RSSFeedItem {
  const cancelled = event.status === 'geannuleerd';
  const when = formatEventWhen(event.startsAt, event.endsAt);
  const where = [event.location?.venue, event.location?.street, event.location?.city]
    .filter(Boolean)
    .join(', ');
  const facts = [
    `Wanneer: ${when}`,
    where && `Waar: ${where}`,
    event.cost && `Kosten: ${event.cost}`,
  ].filter(Boolean) as string[];
  return {
    title: cancelled ? `Gaat niet door: ${event.title}` : event.title,
    link: absolute(paths.event(event.slug), context),
    pubDate: event.publishedAt,
    description: `${when}. ${event.summary}`,
    content: `${picture(event.image, context)}<ul>${facts.map((fact) => `<li>${escapeHtml(fact)}</li>`).join('')}</ul><p><strong>${escapeHtml(event.summary)}</strong></p>${html(event.body, context)}`,
    categories: ['Agenda', ...event.themes.map((theme) => theme.name)],
    enclosure: enclosure(event.image, context),
  };
}

/** What a feed is made from: any of the three kinds of content. */
export interface FeedContent {
  articles?: readonly Article[];
  practices?: readonly GoodPractice[];
  events?: readonly HubEvent[];
}

/**
 * Of this content, only the FEED_ITEM_LIMIT newest items, by the date their feed item carries
 * (ties in the order given: articles, practices, events). Chosen before any item is made, so a
 * feed costs the same however large the archive.
 */
export function newestForFeed(content: FeedContent): Required<FeedContent> {
  const dated = [
    ...(content.articles ?? []).map((item) => ({ item, date: item.date })),
    ...(content.practices ?? []).map((item) => ({ item, date: item.publishedAt })),
    ...(content.events ?? []).map((item) => ({ item, date: item.publishedAt })),
  ];
  const chosen = new Set<object>(
    dated
      .sort((a, b) => b.date.getTime() - a.date.getTime())
      .slice(0, FEED_ITEM_LIMIT)
      .map(({ item }) => item),
  );
  return {
    articles: (content.articles ?? []).filter((item) => chosen.has(item)),
    practices: (content.practices ?? []).filter((item) => chosen.has(item)),
    events: (content.events ?? []).filter((item) => chosen.has(item)),
  };
}

/** Newest first; feed readers show the top of the list. */
export function newestFirst(items: RSSFeedItem[]): RSSFeedItem[] {
  return [...items].sort((a, b) => (b.pubDate?.getTime() ?? 0) - (a.pubDate?.getTime() ?? 0));
}
