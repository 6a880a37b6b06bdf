import type { Core, UID } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import {
  CONTENT_RULES,
  contentTypeKeyOf,
  SLUG_PATTERN,
  findContentIssues,
  findPublishIssues,
  firstFreeSlug,
  isBlank,
  messages,
  slugify,
  type AttachedImage,
  type ContentTypeKey,
  type FieldIssue,
} from '@hub/shared';

type Data = Record<string, unknown>;

/** The file id in any of the shapes the admin, REST and scripts send for a single media field. */
function mediaIdOf(value: unknown): number | string | null {
  if (typeof value === 'number' || typeof value === 'string') return value;
  if (value && typeof value === 'object' && 'id' in value) {
    const id = (value as { id: unknown }).id;
    if (typeof id === 'number' || typeof id === 'string') return id;
  }
  return null;
}

async function attachedImage(strapi: Core.Strapi, value: unknown): Promise<AttachedImage | null> {
  const id = mediaIdOf(value);
  if (id === null) return null;
  const file = (await strapi.db
    .query('plugin::upload.file')
    .findOne({ where: { id }, select: ['name', 'alternativeText'] })) as AttachedImage | null;
  return file ?? { name: `#${id}`, alternativeText: null };
}

/** The current draft of a document, with its image fields populated. */
async function currentDraft(
  strapi: Core.Strapi,
  uid: UID.ContentType,
  documentId: string | undefined,
  locale: unknown,
  imageFields: string[],
): Promise<Data> {
  const contentType = strapi.contentType(uid);
  if (contentType.kind === 'singleType' && !documentId) {
    const existing = await strapi.db.query(uid).findOne({ populate: imageFields });
    return (existing as Data | null) ?? {};
  }
  if (!documentId) return {};
  const hasDrafts = contentType.options?.draftAndPublish === true;
  const existing = await strapi.documents(uid).findOne({
    documentId,
    ...(typeof locale === 'string' ? { locale } : {}),
    ...(hasDrafts ? { status: 'draft' as const } : {}),
    populate: imageFields,
  } as never);
  return (existing as Data | null) ?? {};
}

/** Fills an empty slug from the title (or name) and checks a given slug for form and uniqueness. */
async function settleSlug(
  strapi: Core.Strapi,
  uid: UID.ContentType,
  key: ContentTypeKey,
  entry: Data,
  documentId: string | undefined,
): Promise<{ slug?: string; issue?: FieldIssue }> {
  const source = CONTENT_RULES[key].slugSource;
  if (!source || !('slug' in strapi.contentType(uid).attributes)) return {};
  const isTaken = async (slug: string) =>
    (await strapi.db.query(uid).count({
      where: { slug, ...(documentId ? { documentId: { $ne: documentId } } : {}) },
    })) > 0;

  const given = entry.slug;
  if (isBlank(given)) {
    const base = slugify(String(entry[source.field] ?? ''));
    if (!base)
      return isBlank(entry[source.field])
        ? {}
        : { issue: { field: 'slug', message: messages.slugUnderivable(source.label) } };
    return { slug: await firstFreeSlug(base, isTaken) };
  }
  const slug = String(given);
  if (!SLUG_PATTERN.test(slug))
    return { issue: { field: 'slug', message: messages.slugInvalid(slug) } };
  if (await isTaken(slug)) return { issue: { field: 'slug', message: messages.slugTaken(slug) } };
  return {};
}

/** Throws Strapi's ValidationError, which the REST API answers with 400 and the admin shows per field. */
function rejectWith(issues: FieldIssue[]): never {
  const all = issues.map((issue) => issue.message);
  // One problem: its own message. More: how many, then each, so REST callers see them all.
  const summary =
    all.length === 1 ? all.join(' ') : `${messages.summaryOfProblems(all.length)} ${all.join(' ')}`;
  throw new errors.ValidationError(summary, {
    errors: issues.map((issue) => ({
      path: [issue.field],
      message: issue.message,
      name: 'ValidationError',
    })),
  });
}

/**
 * Checks a document as it will be after this write (or publication) and, for writes,
 * fills in a missing slug. Resolves when the document is fine; throws otherwise.
 */
async function enforceRules(
  strapi: Core.Strapi,
  uid: UID.ContentType,
  key: ContentTypeKey,
  action: string,
  params: { documentId?: string; locale?: unknown; data?: Data },
): Promise<void> {
  const rules = CONTENT_RULES[key];
  const imageFields = rules.images.map((image) => image.field);
  const isWrite = action === 'create' || action === 'update';
  const incoming = isWrite ? (params.data ?? {}) : {};
  const existing =
    action === 'create'
      ? {}
      : await currentDraft(strapi, uid, params.documentId, params.locale, imageFields);
  const entry: Data = { ...existing, ...incoming };

  const images: Record<string, AttachedImage | null> = {};
  for (const field of imageFields) images[field] = await attachedImage(strapi, entry[field]);

  const issues = findContentIssues(key, entry, images);
  // Accessibility of the rich text holds at publication: a draft may be unfinished.
  if (action === 'publish') issues.push(...findPublishIssues(key, entry).errors);
  if (isWrite) {
    const { slug, issue } = await settleSlug(
      strapi,
      uid,
      key,
      entry,
      params.documentId ?? (existing.documentId as string | undefined),
    );
    if (issue) issues.push(issue);
    // A new object: the caller's data stays as the caller made it.
    if (slug && params.data) params.data = { ...params.data, slug };
  }
  if (issues.length > 0) rejectWith(issues);
}

/**
 * Registers the editorial rules as a Document Service middleware, so they hold for the admin,
 * the REST API and our own scripts alike: required fields, summary length, event period,
 * alternative text on images and unique, generated slugs; at publication also the accessibility
 * of the rich text (images in it need alternative text, headings may not skip a level).
 */
export function registerContentValidation(strapi: Core.Strapi): void {
  strapi.documents.use(async (context, next) => {
    const key = contentTypeKeyOf(context.uid);
    if (key && ['create', 'update', 'publish'].includes(context.action)) {
      await enforceRules(
        strapi,
        context.uid as UID.ContentType,
        key,
        context.action,
        context.params as never,
      );
    }
    return next();
  });
}
