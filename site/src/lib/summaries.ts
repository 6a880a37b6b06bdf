import type { Article, GoodPractice, HubEvent } from '@hub/shared';
import { formatDate, formatEventWhen } from './dates';

/** One line of context under a card title. */
export function articleMeta(article: Article): string {
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
