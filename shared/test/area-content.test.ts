import { describe, expect, it } from 'vitest';
import {
  districtContent,
  isEmbedPath,
  partnerEvents,
  type Article,
  type GoodPractice,
  type HubEvent,
} from '../src';

const term = (slug: string) => ({ name: slug, slug });
const article = (slug: string, districts: string[]) =>
  ({ slug, districts: districts.map(term) }) as unknown as Article;
const practice = (slug: string, districts: string[], located?: string) =>
  ({
    slug,
    districts: districts.map(term),
    location: located ? { district: term(located) } : undefined,
  }) as unknown as GoodPractice;
const event = (slug: string, district?: string, organiser?: string) =>
  ({
    slug,
    district: district ? term(district) : undefined,
    organiser: organiser ? term(organiser) : undefined,
  }) as unknown as HubEvent;

const slugs = (items: readonly { slug: string }[]) => items.map((item) => item.slug);

describe('districtContent', () => {
  const content = {
    articles: [
      article('a-oost', ['oost']),
      article('a-beide', ['west', 'oost']),
      article('a-geen', []),
    ],
    practices: [
      practice('p-getagd', ['oost']),
      practice('p-geplaatst', [], 'oost'),
      practice('p-west', ['west'], 'west'),
    ],
    events: [event('e-oost', 'oost'), event('e-west', 'west'), event('e-online')],
  };

  it('takes the items of the stadsdeel, in their order, and nothing of another', () => {
    const oost = districtContent(content, 'oost');
    expect(slugs(oost.articles)).toEqual(['a-oost', 'a-beide']);
    expect(slugs(oost.practices)).toEqual(['p-getagd', 'p-geplaatst']);
    expect(slugs(oost.events)).toEqual(['e-oost']);
    const west = districtContent(content, 'west');
    expect(slugs(west.articles)).toEqual(['a-beide']);
    expect(slugs(west.practices)).toEqual(['p-west']);
    expect(slugs(west.events)).toEqual(['e-west']);
  });

  it('finds nothing for a stadsdeel without items', () => {
    expect(districtContent(content, 'noord')).toEqual({ articles: [], practices: [], events: [] });
  });
});

describe('partnerEvents', () => {
  it('takes the events the partner organises, and no others', () => {
    const events = [event('een', 'oost', 'trajekt'), event('twee', 'oost', 'kbo'), event('drie')];
    expect(slugs(partnerEvents(events, 'trajekt'))).toEqual(['een']);
    expect(partnerEvents(events, 'zonnebloem')).toEqual([]);
  });
});

describe('isEmbedPath', () => {
  it('tells the pages made for a frame on another site', () => {
    expect(isEmbedPath('/insluiten/agenda/centrum/')).toBe(true);
    expect(isEmbedPath('/insluiten/agenda/partner/trajekt/')).toBe(true);
    expect(isEmbedPath('/agenda/')).toBe(false);
    expect(isEmbedPath('/wijken/centrum/insluiten/')).toBe(false);
  });
});
