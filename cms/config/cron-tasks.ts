import { forgetOldSubmitters } from '../src/hub/submissions/forget-submitters';
import { forgetUnconfirmedSubscribers } from '../src/hub/newsletter/subscriptions/subscriber-store';
import { submissionSettings } from '../src/hub/submissions/settings';
import { runPublicationSchedule } from '../src/hub/scheduling/publication-schedule';
import { onceAcrossInstances } from '../src/hub/scheduling/run-once';
import { requestSiteRebuild } from '../src/hub/scheduling/site-rebuild';
import { sendNewsletterNow } from '../src/hub/newsletter/editions/newsletter-task';
import { newsletterSettings } from '../src/hub/newsletter/editions/settings';

/**
 * Every CMS instance runs this cron; each tick runs on one of them only (the first to claim it
 * in the database, see run-once.ts), so a planned item is published once and the publisher is
 * asked for one rebuild an hour, however many instances there are.
 */
export default {
  /** Every night: who sent in a submission is forgotten after the retention period. */
  forgetOldSubmitters: {
    task: onceAcrossInstances('forgetOldSubmitters', (strapi, now) =>
      forgetOldSubmitters(strapi, now, submissionSettings().retentionDays),
    ),
    options: { rule: '15 3 * * *', tz: 'Europe/Amsterdam' },
  },
  /** Every 10 minutes: newsletter sign-ups nobody confirmed within 48 hours are deleted. */
  forgetUnconfirmedSubscribers: {
    task: onceAcrossInstances('forgetUnconfirmedSubscribers', forgetUnconfirmedSubscribers),
    options: { rule: '*/10 * * * *' },
  },
  /** Every minute: publish and take offline what editors planned ("Publiceren op"). */
  publicationSchedule: {
    task: onceAcrossInstances('publicationSchedule', runPublicationSchedule),
    options: { rule: '* * * * *' },
  },
  /**
   * Every hour: the site is built again, so an event that has ended leaves the agenda's
   * upcoming list without anyone publishing (a build without changes takes seconds).
   */
  hourlyRebuild: {
    task: onceAcrossInstances('hourlyRebuild', (strapi) => requestSiteRebuild(strapi)),
    options: { rule: '1 * * * *', tz: 'Europe/Amsterdam' },
  },
  /**
   * Weekly (NEWSLETTER_SCHEDULE, Amsterdam time): the newsletter with what was published since
   * the last one. One instance per tick; the edition itself is claimed in the database too.
   */
  newsletter: {
    task: onceAcrossInstances('newsletter', (strapi, now) => sendNewsletterNow(strapi, now)),
    options: { rule: newsletterSettings().schedule, tz: 'Europe/Amsterdam' },
  },
};
