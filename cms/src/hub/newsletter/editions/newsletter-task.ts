import type { Core } from '@strapi/strapi';
import { newsletterSiteUrl } from '../links';
import { smtpNewsletterMailer, smtpSettings, type NewsletterMailer } from './mailer';
import { sendDueEdition, type SendReport } from './send-edition';
import { newsletterSettings } from './settings';

/** The mailer for the configured SMTP server, or null when none is set (SMTP_HOST). */
export function configuredMailer(
  strapi: Core.Strapi,
  siteName = 'Samen tegen eenzaamheid in Maastricht',
): NewsletterMailer | null {
  const smtp = smtpSettings();
  if (!smtp) return null;
  return smtpNewsletterMailer(smtp, newsletterSettings(), {
    siteName,
    listHost: new URL(newsletterSiteUrl()).hostname,
    log: (line) => strapi.log.warn(`[hub] ${line}`),
  });
}

/**
 * The weekly moment (config/cron-tasks.ts) and `npm run newsletter:send`: sends the due edition
 * through the configured SMTP server. Without SMTP_HOST nothing is sent and nothing recorded,
 * so the edition goes out once a mail server is set.
 */
export async function sendNewsletterNow(
  strapi: Core.Strapi,
  now?: Date,
): Promise<SendReport | null> {
  const mailer = configuredMailer(strapi);
  if (!mailer) {
    strapi.log.warn('[hub] Newsletter not sent: no mail server is set (SMTP_HOST).');
    return null;
  }
  try {
    return await sendDueEdition(strapi, {
      mailer,
      ...(now ? { now: () => now } : {}),
      log: (line) => strapi.log.info(`[hub] ${line}`),
    });
  } finally {
    mailer.close();
  }
}
