import type { Article, GoodPractice, HubEvent } from '../types/content';

/**
 * Which items belong to a stadsdeel or a partner: one answer for the site's pages, feeds,
 * calendars and embeddable agendas (and anything else that picks "what happens in my wijk").
 */

/** What a stadsdeel's feed is chosen from: the hub's three kinds of content. */
export interface AreaContent {
  /** News, newest first. */
  articles: readonly Article[];
  /** Good practices. */
  practices: readonly GoodPractice[];
  /** Events, in the order given. */
  events: readonly HubEvent[];
}

/** Whether the article is about the stadsdeel `slug` (tagged with it). */
export function articleInDistrict(article: Article, slug: string): boolean {
  return article.districts.some((term) => term.slug === slug);
}

/** Whether the good practice runs in the stadsdeel `slug`: tagged with it, or located there. */
export function practiceInDistrict(practice: GoodPractice, slug: string): boolean {
  return (
    practice.districts.some((term) => term.slug === slug) ||
    practice.location?.district?.slug === slug
  );
}

/** Whether the event takes place in the stadsdeel `slug` (the stadsdeel of its location). */
export function eventInDistrict(event: HubEvent, slug: string): boolean {
  return (event.district ?? event.location?.district)?.slug === slug;
}

/** Whether the partner `slug` organises the event. */
export function eventOrganisedBy(event: HubEvent, slug: string): boolean {
  return event.organiser?.slug === slug;
}

/** The articles, good practices and events of the stadsdeel `slug`, each in the order given. */
export function districtContent(content: AreaContent, slug: string): AreaContent {
  return {
    articles: content.articles.filter((article) => articleInDistrict(article, slug)),
    practices: content.practices.filter((practice) => practiceInDistrict(practice, slug)),
    events: districtEvents(content.events, slug),
  };
}

/** The events in the stadsdeel `slug`, in the order given. */
export function districtEvents(events: readonly HubEvent[], slug: string): HubEvent[] {
  return events.filter((event) => eventInDistrict(event, slug));
}

/** The events the partner `slug` organises, in the order given. */
export function partnerEvents(events: readonly HubEvent[], slug: string): HubEvent[] {
  return events.filter((event) => eventOrganisedBy(event, slug));
}
