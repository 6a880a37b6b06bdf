import { describe, expect, it } from 'vitest';
import { FEED_ITEM_LIMIT, type Article, type HubEvent } from '@hub/shared';
import {
  articleFeedItem,
  eventFeedItem,
  newestFirst,
  newestForFeed,
} from '../../src/lib/feed-items';

const context = {
  siteUrl: 'https://hub.example.nl',
  cmsUrl: 'http://cms:1337',
  imageSrc: (url: string) =>
    url === 'http://cms:1337/uploads/zaal.jpg'
      ? 'https://hub.example.nl/_astro/zaal.webp'
      : undefined,
};

const article: Article = {
  id: 'a1',
  title: 'Start van de coalitie',
  slug: 'start',
  summary: 'Meer dan 110 mensen <deden> mee.',
  date: new Date('2024-03-28T12:00:00Z'),
  publishedAt: new Date('2024-03-29T12:00:00Z'),
  updatedAt: new Date('2024-03-29T12:00:00Z'),
  body: [
    {
      type: 'paragraph',
      children: [
        { type: 'text', text: 'Zie ' },
        { type: 'link', url: '/agenda/', children: [{ type: 'text', text: 'de agenda' }] },
      ],
    },
    {
      type: 'image',
      image: { url: '/uploads/zaal.jpg', alternativeText: 'Een zaal' },
      children: [],
    },
  ],
  cover: {
    url: 'http://cms:1337/uploads/zaal.jpg',
    alt: 'Een volle zaal',
    width: 800,
    height: 450,
  },
  themes: [{ name: 'Samenwerken', slug: 'samenwerken' }],
  districts: [],
  relatedPractices: [],
  relatedEvents: [],
};

describe('feed items', () => {
  it('carry full HTML with absolute links and the site’s own image copies', () => {
    const item = articleFeedItem(article, context);
    expect(item.link).toBe('https://hub.example.nl/nieuws/start/');
    expect(item.content).toContain('<a href="https://hub.example.nl/agenda/">de agenda</a>');
    expect(item.content).toContain('src="https://hub.example.nl/_astro/zaal.webp"');
    expect(item.content).not.toContain('cms:1337');
    expect(item.content).toContain('Meer dan 110 mensen &lt;deden&gt; mee.');
    expect(item.categories).toEqual(['Nieuws', 'Samenwerken']);
    expect(item.enclosure).toEqual({
      url: 'https://hub.example.nl/_astro/zaal.webp',
      type: 'image/webp',
      length: 0,
    });
    expect(item.pubDate).toEqual(article.date);
  });

  it('say in the title when an event is cancelled', () => {
    const event = {
      id: 'e1',
      title: 'Spelmiddag',
      slug: 'spelmiddag',
      summary: 'Spelletjes.',
      body: [],
      publishedAt: new Date('2025-01-01T00:00:00Z'),
      updatedAt: new Date('2025-01-01T00:00:00Z'),
      startsAt: new Date('2025-09-25T12:00:00Z'),
      status: 'geannuleerd',
      themes: [],
    } satisfies HubEvent;
    const item = eventFeedItem(event, context);
    expect(item.title).toBe('Gaat niet door: Spelmiddag');
    expect(item.description).toMatch(/^donderdag 25 september 2025, 14\.00 uur\./);
  });

  it('are ordered newest first', () => {
    const items = newestFirst([
      { title: 'oud', link: 'https://x/1', pubDate: new Date('2024-01-01') },
      { title: 'nieuw', link: 'https://x/2', pubDate: new Date('2025-01-01') },
    ]);
    expect(items.map((item) => item.title)).toEqual(['nieuw', 'oud']);
  });

  it(`hold only the ${FEED_ITEM_LIMIT} newest items of all kinds together`, () => {
    const day = (n: number) => new Date(Date.UTC(2025, 0, 1) + n * 86_400_000);
    const articles = Array.from({ length: FEED_ITEM_LIMIT }, (_, n) => ({
      ...article,
      slug: `bericht-${n}`,
      date: day(n),
    }));
    const newestEvent = {
      id: 'e2',
      title: 'Nieuwste activiteit',
      slug: 'nieuwste',
      summary: 'Samen eten.',
      body: [],
      publishedAt: day(FEED_ITEM_LIMIT + 1),
      updatedAt: day(FEED_ITEM_LIMIT + 1),
      startsAt: day(FEED_ITEM_LIMIT + 10),
      status: 'gepland',
      themes: [],
    } satisfies HubEvent;
    const oldEvent = { ...newestEvent, slug: 'oud', publishedAt: day(-1) };

    const chosen = newestForFeed({ articles, events: [oldEvent, newestEvent] });
    expect(chosen.events).toEqual([newestEvent]);
    // The oldest article made room for the newer event; the order given is kept.
    expect(chosen.articles.map((item) => item.slug)).toEqual(
      articles.slice(1).map((item) => item.slug),
    );
    expect(chosen.practices).toEqual([]);
    expect(chosen.articles.length + chosen.events.length).toBe(FEED_ITEM_LIMIT);
  });
});
