import type { StrapiApp } from '@strapi/strapi/admin';

export default {
  config: {
    // Communicators work in Dutch; English stays available for developers.
    locales: ['nl'],
    tutorials: false,
    notifications: { releases: false },
  },
  bootstrap(_app: StrapiApp) {},
};
