import type { StrapiApp } from '@strapi/strapi/admin';
import { Earth } from '@strapi/icons';
import type { ContentManagerPlugin } from '@strapi/content-manager/strapi-admin';
import { EditorAdvicePanel } from './editor-advice-panel';
import { PublicationPanel } from './publication/publication-panel';

export default {
  config: {
    // Communicators work in Dutch; English stays available for developers.
    locales: ['nl'],
    tutorials: false,
    notifications: { releases: false },
  },
  register(app: StrapiApp) {
    // First on the home page: is the public site up to date, and if not, why (see publication/).
    app.widgets.register((widgets) => [
      {
        id: 'publicatie',
        icon: Earth,
        title: { id: 'hub.widget.publicatie', defaultMessage: 'Publicatie' },
        component: async () => (await import('./publication/publication-widget')).PublicationWidget,
      },
      ...widgets,
    ]);
  },
  bootstrap(app: StrapiApp) {
    const contentManager = app.getPlugin('content-manager')
      .apis as ContentManagerPlugin['config']['apis'];
    contentManager.addEditViewSidePanel([PublicationPanel, EditorAdvicePanel]);
  },
};
