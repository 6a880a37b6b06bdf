import type { Core } from '@strapi/strapi';
import { forgetOldSubmitters } from '../src/hub/submissions/forget-submitters';
import { submissionSettings } from '../src/hub/submissions/settings';

export default {
  /** Every night: who sent in a submission is forgotten after the retention period. */
  forgetOldSubmitters: {
    task: async ({ strapi }: { strapi: Core.Strapi }) => {
      await forgetOldSubmitters(strapi, new Date(), submissionSettings().retentionDays);
    },
    options: { rule: '15 3 * * *', tz: 'Europe/Amsterdam' },
  },
};
