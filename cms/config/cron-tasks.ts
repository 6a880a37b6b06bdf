import type { Core } from '@strapi/strapi';
import { forgetOldSubmitters } from '../src/hub/submissions/forget-submitters';
import { submissionSettings } from '../src/hub/submissions/settings';
import { runPublicationSchedule } from '../src/hub/scheduling/publication-schedule';
import { requestSiteRebuild } from '../src/hub/scheduling/site-rebuild';

export default {
  /** Every night: who sent in a submission is forgotten after the retention period. */
  forgetOldSubmitters: {
    task: async ({ strapi }: { strapi: Core.Strapi }) => {
      await forgetOldSubmitters(strapi, new Date(), submissionSettings().retentionDays);
    },
    options: { rule: '15 3 * * *', tz: 'Europe/Amsterdam' },
  },
  /** Every minute: publish and take offline what editors planned ("Publiceren op"). */
  publicationSchedule: {
    task: async ({ strapi }: { strapi: Core.Strapi }) => {
      await runPublicationSchedule(strapi, new Date());
    },
    options: { rule: '* * * * *' },
  },
  /**
   * Every hour: the site is built again, so an event that has ended leaves the agenda's
   * upcoming list without anyone publishing (a build without changes takes seconds).
   */
  hourlyRebuild: {
    task: async ({ strapi }: { strapi: Core.Strapi }) => {
      await requestSiteRebuild(strapi);
    },
    options: { rule: '1 * * * *', tz: 'Europe/Amsterdam' },
  },
};
