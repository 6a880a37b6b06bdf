import type { Core } from '@strapi/strapi';

/**
 * Wipes the name, e-mail address and organisation of whoever sent in a good practice or event
 * more than `retentionDays` before `now`, from every version of it (draft and published). What
 * was sent in stays; only who sent it goes. Returns how many were wiped. Run daily by the CMS's
 * cron (config/cron-tasks.ts), and callable with any clock.
 */
export async function forgetOldSubmitters(
  strapi: Core.Strapi,
  now: Date,
  retentionDays: number,
): Promise<number> {
  const cutoff = new Date(now.getTime() - retentionDays * 24 * 60 * 60_000).toISOString();
  const { count } = await strapi.db.query('submission.submitter' as never).updateMany({
    where: {
      submittedAt: { $lt: cutoff },
      $or: [{ name: { $notNull: true } }, { email: { $notNull: true } }],
    },
    data: { name: null, email: null, organisation: null },
  });
  if (count > 0) {
    strapi.log.info(`[hub] Wiped the submitter's data from ${count} old submission(s).`);
  }
  return count;
}
