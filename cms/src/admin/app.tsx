import type { StrapiApp } from '@strapi/strapi/admin';
import type { ContentManagerPlugin } from '@strapi/content-manager/strapi-admin';
import { EditorAdvicePanel } from './editor-advice-panel';

export default {
  config: {
    // Communicators work in Dutch; English stays available for developers.
    locales: ['nl'],
    tutorials: false,
    notifications: { releases: false },
  },
  bootstrap(app: StrapiApp) {
    const contentManager = app.getPlugin('content-manager')
      .apis as ContentManagerPlugin['config']['apis'];
    contentManager.addEditViewSidePanel([EditorAdvicePanel]);
  },
};
