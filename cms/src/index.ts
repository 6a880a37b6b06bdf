import type { Core } from '@strapi/strapi';
import { registerContentValidation } from './hub/content-validation';
import { runBootstrap } from './hub/bootstrap';

export default {
  register({ strapi }: { strapi: Core.Strapi }) {
    registerContentValidation(strapi);
  },

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    await runBootstrap(strapi);
  },
};
