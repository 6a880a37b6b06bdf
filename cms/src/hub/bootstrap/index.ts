import type { Core } from '@strapi/strapi';
import { lockDownContentApi } from './content-api-lockdown';
import { ensureBuildToken } from './build-token';
import { ensurePreviewToken } from '../preview/preview-token';
import { seedTaxonomies } from './taxonomies';
import { ensureSuperAdmin } from './super-admin';
import { applyAdminLabels } from './admin-labels';
import { showSubmissionsInLists } from './submission-lists';
import { ensureEditorialRoles } from './editorial-roles';
import { ensurePublisherWebhook } from './publisher-webhook';
import { seedDemoContentOnce } from '../seed/seed-demo';
import { keepPlannedItemsReviewed } from '../scheduling/review-guard';

/**
 * Runs on every start and is idempotent:
 * - closes the content API to all but API tokens;
 * - makes sure the site build has its read-only token, and the preview server its own (the only
 *   one that reads drafts) when previews are set up;
 * - seeds the fixed taxonomies and creates the first admin when asked;
 * - gives the Redacteur and Partner (auteur) roles their rights, and makes a change by someone
 *   who may not publish cancel a planned publication;
 * - labels the admin in Dutch (with submissions marked in the lists);
 * - registers the webhook to the publisher (when configured);
 * - with `SEED_DEMO_CONTENT=first-run`, seeds the demo content once per database.
 */
export async function runBootstrap(strapi: Core.Strapi): Promise<void> {
  await lockDownContentApi(strapi);
  await ensureBuildToken(strapi);
  await ensurePreviewToken(strapi);
  await seedTaxonomies(strapi);
  await ensureSuperAdmin(strapi);
  await ensureEditorialRoles(strapi);
  keepPlannedItemsReviewed(strapi);
  await applyAdminLabels(strapi);
  await showSubmissionsInLists(strapi);
  await ensurePublisherWebhook(strapi);
  if (process.env.SEED_DEMO_CONTENT === 'first-run') await seedDemoContentOnce(strapi);
}
