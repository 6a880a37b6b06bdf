import type { Core } from '@strapi/strapi';

/**
 * E-mail through an SMTP server, only when SMTP_HOST is set (see cms/.env.example): the editors'
 * notices of new submissions, and the admin's password-reset mails. Without it, nothing is sent.
 */
function emailConfig(env: Core.Config.Shared.ConfigParams['env']) {
  if (!env('SMTP_HOST', '')) return {};
  const user = env('SMTP_USER', '');
  return {
    email: {
      config: {
        provider: 'nodemailer',
        providerOptions: {
          host: env('SMTP_HOST'),
          port: env.int('SMTP_PORT', 587),
          // true for port 465 (TLS from the start); otherwise STARTTLS when the server offers it.
          secure: env.bool('SMTP_SECURE', false),
          ...(user ? { auth: { user, pass: env('SMTP_PASSWORD', '') } } : {}),
        },
        settings: {
          defaultFrom: env('EMAIL_FROM', 'hub@localhost'),
          defaultReplyTo: env('EMAIL_FROM', 'hub@localhost'),
        },
      },
    },
  };
}

export default ({ env }: Core.Config.Shared.ConfigParams) => ({
  ...emailConfig(env),
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
