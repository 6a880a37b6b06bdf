import type { Core } from '@strapi/strapi';
import { previewSettings, previewUrl } from '../src/hub/preview/preview-url';

export default ({ env }: Core.Config.Shared.ConfigParams) => ({
  auth: {
    secret: env('ADMIN_JWT_SECRET'),
  },
  apiToken: {
    salt: env('API_TOKEN_SALT'),
  },
  transfer: {
    token: {
      salt: env('TRANSFER_TOKEN_SALT'),
    },
  },
  secrets: {
    encryptionKey: env('ENCRYPTION_KEY'),
  },
  flags: {
    nps: false,
    promoteEE: false,
  },
  // The Preview button: the draft as the site shows it, from the site's preview server
  // (site/scripts/preview-server.ts). Only when PREVIEW_URL and PREVIEW_SECRET are set.
  preview: (() => {
    const settings = previewSettings();
    return {
      enabled: settings !== null,
      config: {
        allowedOrigins: settings ? [new URL(settings.url).origin] : [],
        handler: (uid: string, { documentId }: { documentId?: string }) =>
          settings ? previewUrl(settings, uid, documentId) : null,
      },
    };
  })(),
});
