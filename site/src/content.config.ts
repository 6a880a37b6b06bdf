import { defineCollection } from 'astro:content';
import { cmsCollectionLoader, cmsSiteLoader } from './loaders/hub-loader';
import {
  mapAction,
  mapArticle,
  mapDistrict,
  mapEvent,
  mapGoodPractice,
  mapPage,
  mapPartner,
  mapSiteSettings,
  mapTerm,
} from './loaders/mappers';

/** Every collection comes from the CMS through our own loaders; pages read them via lib/data.ts. */
export const collections = {
  articles: defineCollection({ loader: cmsCollectionLoader('articles', mapArticle) }),
  practices: defineCollection({ loader: cmsCollectionLoader('practices', mapGoodPractice) }),
  events: defineCollection({ loader: cmsCollectionLoader('events', mapEvent) }),
  partners: defineCollection({ loader: cmsCollectionLoader('partners', mapPartner) }),
  actions: defineCollection({ loader: cmsCollectionLoader('actions', mapAction) }),
  pages: defineCollection({ loader: cmsCollectionLoader('pages', mapPage) }),
  themes: defineCollection({ loader: cmsCollectionLoader('themes', mapTerm) }),
  targetGroups: defineCollection({ loader: cmsCollectionLoader('targetGroups', mapTerm) }),
  districts: defineCollection({ loader: cmsCollectionLoader('districts', mapDistrict) }),
  site: defineCollection({ loader: cmsSiteLoader(mapSiteSettings) }),
};
