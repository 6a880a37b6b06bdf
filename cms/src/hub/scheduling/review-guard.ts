import type { Core, UID } from '@strapi/strapi';
import { CONTENT_RULES, contentTypeKeyOf } from '@hub/shared';

/** The admin's right to publish a content type (what the Redacteur has and a partner has not). */
const PUBLISH = 'plugin::content-manager.explorer.publish';
/** Writes that can put unreviewed text behind a planned moment. */
const WRITES = ['create', 'update', 'clone'];

/** The part of Strapi's (CASL) ability this guard asks. */
interface Ability {
  can: (action: string, subject?: string) => boolean;
}

/**
 * The rights of the admin user (or admin token) behind the current request: the ability Strapi's
 * admin authentication computed from their roles. Null when no admin acts: the cron, the seed,
 * scripts, the public forms and content-API tokens.
 */
function actingAdmin(strapi: Core.Strapi): Ability | null {
  const state = (strapi.requestContext.get() as { state?: { userAbility?: unknown } } | undefined)
    ?.state;
  const ability = state?.userAbility as Partial<Ability> | undefined;
  return typeof ability?.can === 'function' ? (ability as Ability) : null;
}

/** The current draft of a document: its title and planned moment, or null. */
async function currentDraft(
  strapi: Core.Strapi,
  uid: UID.ContentType,
  field: string,
  documentId: unknown,
): Promise<Record<string, unknown> | null> {
  if (typeof documentId !== 'string') return null;
  return (await strapi.db
    .query(uid)
    .findOne({ where: { documentId, publishedAt: null }, select: ['title', field] })) as Record<
    string,
    unknown
  > | null;
}

const registered = new WeakSet<Core.Strapi>();

/**
 * Planning keeps review. An editor plans an item with "Publiceren op"; the cron publishes the
 * draft as it is at that moment. When someone who may not publish that content type (a partner)
 * then changes it in the admin, the moment is cleared on the draft, so their change waits for an
 * editor instead of going live unread. Their rights come from Strapi's admin permission engine
 * (the request's ability), so a Redacteur's edits keep the moment. Writes without an admin behind
 * them (cron, seed, scripts) are left alone. A Document Service middleware, so every way into
 * the admin's API is covered; registered once per Strapi.
 */
export function keepPlannedItemsReviewed(strapi: Core.Strapi): void {
  if (registered.has(strapi)) return;
  registered.add(strapi);
  strapi.documents.use(async (context, next) => {
    const key = contentTypeKeyOf(context.uid);
    const field = key ? CONTENT_RULES[key].schedule?.publish.field : undefined;
    if (!field || !WRITES.includes(context.action)) return next();
    const ability = actingAdmin(strapi);
    if (!ability || ability.can(PUBLISH, context.uid)) return next();

    const params = context.params as { documentId?: unknown; data?: Record<string, unknown> };
    const draft =
      context.action === 'create'
        ? null
        : await currentDraft(strapi, context.uid as UID.ContentType, field, params.documentId);
    const planned = Boolean(draft?.[field]);
    // For a clone, documentId is its source, whose moment the copy would take over.
    if (planned || params.data?.[field]) {
      // A new object: the caller's data stays as the caller made it.
      params.data = { ...params.data, [field]: null };
    }
    if (planned) {
      strapi.log.info(
        `[hub] "${String(draft?.title ?? params.documentId)}" was changed by someone who may not publish it; its planned publication is cancelled until an editor plans it again.`,
      );
    }
    return next();
  });
}
