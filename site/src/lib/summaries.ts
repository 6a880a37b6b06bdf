import type { Article, GoodPractice, HubEvent } from '@hub/shared';
import { formatDate, formatEventWhen } from './dates';

/** One line of context under a card title. */
export function articleMeta(article: Pick<Article, 'date' | 'author'>): string {
  return [formatDate(article.date), article.author && `door ${article.author}`]
    .filter(Boolean)
    .join(', ');
}

export function practiceMeta(practice: GoodPractice): string {
  const places = practice.districts.map((district) => district.name).join(', ');
  return [capitalise(practice.activityType), places].filter(Boolean).join(' in ');
}

export function eventMeta(event: HubEvent): string {
  const place = event.location?.venue ?? (event.onlineUrl ? 'Online' : undefined);
  return [formatEventWhen(event.startsAt, event.endsAt), place].filter(Boolean).join(' | ');
}

export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * What a list shows of an article: no body. Archive pages get these as their props, so an edit
 * to an article's text renders its own page again, not the archive page that lists it.
 */
export type NewsCard = Pick<Article, 'slug' | 'title' | 'summary' | 'date' | 'author' | 'cover'>;

/** The card of an article (see NewsCard). */
export function newsCard({ slug, title, summary, date, author, cover }: Article): NewsCard {
  return { slug, title, summary, date, author, cover };
}
