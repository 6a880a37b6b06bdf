import type { Core, UID } from '@strapi/strapi';
import { CONTENT_RULES, type ContentTypeKey } from '@hub/shared';

/** The content types editors can schedule: those whose rules name a schedule. */
const SCHEDULED = (Object.keys(CONTENT_RULES) as ContentTypeKey[]).flatMap((key) => {
  const schedule = CONTENT_RULES[key].schedule;
  return schedule ? [{ uid: `api::${key}.${key}` as UID.ContentType, ...schedule }] : [];
});

/** What one run of the schedule did, by documentId. */
export interface ScheduleRun {
  published: string[];
  unpublished: string[];
  /** Due, but refused by the editorial rules (an image without alt text, say): left as is. */
  failed: { documentId: string; reason: string }[];
}

type Scheduled = { documentId: string; title?: string } & Record<string, unknown>;

/**
 * Refusals this instance logged already, so a planned entry that stays wrong is logged once, not
 * each minute. In memory on purpose: it only spares the log, so with several instances each may
 * log it once, and nothing else depends on it.
 */
const logged = new Map<string, string>();

/**
 * Publishes the drafts whose "Publiceren op" has come, and takes offline the published entries
 * whose "Offline halen op" has come. The moment is cleared once it is done, so a later manual
 * publication is not undone. Publication goes through the Document Service, so the editorial
 * and accessibility rules hold and the publisher's webhook rebuilds the site. `now` is given,
 * so tests can move the clock.
 */
export async function runPublicationSchedule(strapi: Core.Strapi, now: Date): Promise<ScheduleRun> {
  const run: ScheduleRun = { published: [], unpublished: [], failed: [] };
  const due = { $notNull: true, $lte: now.toISOString() };
  for (const { uid, publish, unpublish } of SCHEDULED) {
    const documents = strapi.documents(uid);

    const toPublish = (await documents.findMany({
      status: 'draft',
      filters: { [publish.field]: due },
      fields: ['title', publish.field],
    } as never)) as unknown as Scheduled[];
    for (const { documentId, title, [publish.field]: plannedAt } of toPublish) {
      try {
        await documents.update({ documentId, data: { [publish.field]: null } } as never);
        await documents.publish({ documentId } as never);
        run.published.push(documentId);
        logged.delete(documentId);
      } catch (error) {
        // Put the moment back: the editor sees it still planned, and once the problem is solved
        // the next run publishes it.
        await documents
          .update({ documentId, data: { [publish.field]: plannedAt } } as never)
          .catch(() => undefined);
        const reason = error instanceof Error ? error.message : String(error);
        run.failed.push({ documentId, reason });
        if (logged.get(documentId) !== reason) {
          logged.set(documentId, reason);
          strapi.log.warn(`[hub] "${title ?? documentId}" was not published as planned: ${reason}`);
        }
      }
    }

    const toUnpublish = (await documents.findMany({
      status: 'published',
      filters: { [unpublish.field]: due },
      fields: ['title'],
    } as never)) as unknown as Scheduled[];
    for (const { documentId } of toUnpublish) {
      await documents.unpublish({ documentId } as never);
      await documents.update({ documentId, data: { [unpublish.field]: null } } as never);
      run.unpublished.push(documentId);
    }
  }
  return run;
}
