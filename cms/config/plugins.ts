import type { Core } from '@strapi/strapi';

export default ({ env }: Core.Config.Shared.ConfigParams) => ({
  'users-permissions': {
    config: {
      jwtSecret: env('JWT_SECRET'),
    },
  },
  upload: {
    config: {
      providerOptions: {
        // Uploaded files get a new, hashed name on every upload or replace, so they never change:
        // caches (and the site build's image cache) may keep them for good instead of re-encoding.
        localServer: { maxage: 365 * 24 * 60 * 60 * 1000, immutable: true },
      },
    },
  },
});
