import type { StrapiApp } from '@strapi/strapi/admin';
import { Earth, Mail } from '@strapi/icons';
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
      // Editors only (the route refuses others): the next edition and its number of recipients.
      {
        id: 'nieuwsbrief',
        icon: Mail,
        title: { id: 'hub.widget.nieuwsbrief', defaultMessage: 'Volgende nieuwsbrief' },
        component: async () => (await import('./newsletter/newsletter-widget')).NewsletterWidget,
        permissions: [
          {
            action: 'plugin::content-manager.explorer.read',
            subject: 'api::newsletter.newsletter',
          },
        ],
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
