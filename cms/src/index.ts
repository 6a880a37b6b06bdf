import type { Core } from '@strapi/strapi';
import { registerContentValidation } from './hub/content-validation';
import { runBootstrap } from './hub/bootstrap';
import { registerPublicationRoutes } from './hub/publication/publication-routes';
import { registerNewsletterPreviewRoute } from './hub/newsletter/editions/preview-route';

export default {
  register({ strapi }: { strapi: Core.Strapi }) {
    registerContentValidation(strapi);
    registerPublicationRoutes(strapi);
    registerNewsletterPreviewRoute(strapi);
  },

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    await runBootstrap(strapi);
  },
};
