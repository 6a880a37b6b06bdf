import type { Context } from 'koa';
import type { Core } from '@strapi/strapi';
import { NEWSLETTER_UID } from './edition-store';
import { previewNextEdition } from './send-edition';
import { newsletterSettings } from './settings';
import { smtpSettings } from './mailer';
import type { NewsletterPreviewAnswer } from './preview-answer';

/**
 * GET /admin/hub/newsletter/preview: the next edition as it would go out now, and to how many
 * subscribers. Admin users who may read the "Nieuwsbrief" single type only (editors, not the
 * partner role): the count says something about the subscribers, who are private.
 */
export function registerNewsletterPreviewRoute(strapi: Core.Strapi): void {
  async function preview(ctx: Context) {
    ctx.set('Cache-Control', 'no-store');
    const ability = ctx.state.userAbility as { can: (action: string, subject: string) => boolean };
    if (!ability?.can('plugin::content-manager.explorer.read', NEWSLETTER_UID)) {
      return ctx.forbidden();
    }
    const next = await previewNextEdition(strapi, new Date());
    ctx.body = {
      due: next.due,
      subject: next.subject,
      itemCount: next.itemCount,
      recipientCount: next.recipientCount,
      periodStart: next.periodStart,
      html: next.html,
      schedule: newsletterSettings().schedule,
      mailServer: smtpSettings() !== null,
      unfinished: next.unfinished,
    } satisfies NewsletterPreviewAnswer;
  }

  (strapi.admin.routes as Record<string, unknown>)['hub-newsletter'] = {
    type: 'admin',
    routes: [
      {
        method: 'GET',
        path: '/hub/newsletter/preview',
        handler: preview,
        config: { policies: ['admin::isAuthenticatedAdmin'] },
      },
    ],
  };
}
