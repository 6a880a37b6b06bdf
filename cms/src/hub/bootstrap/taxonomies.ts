import type { Core, UID } from '@strapi/strapi';
import {
  MAASTRICHT_DISTRICTS,
  TARGET_GROUPS,
  THEMES,
  slugify,
  type TermDefinition,
} from '@hub/shared';

/**
 * Finds a document by slug, or creates it (published, where the type has drafts). Existing
 * documents are left as editors made them.
 */
export async function upsertBySlug(
  strapi: Core.Strapi,
  uid: UID.ContentType,
  slug: string,
  data: Record<string, unknown>,
): Promise<{ documentId: string; created: boolean }> {
  // Any version (draft or published) with this slug means the document exists.
  const existing = await strapi.db.query(uid).findOne({ where: { slug }, select: ['documentId'] });
  if (existing) return { documentId: existing.documentId as string, created: false };
  const hasDrafts = strapi.contentType(uid).options?.draftAndPublish === true;
  const created = await strapi
    .documents(uid)
    .create({ data: { ...data, slug }, ...(hasDrafts ? { status: 'published' } : {}) } as never);
  return { documentId: created.documentId, created: true };
}

async function seedTerms(
  strapi: Core.Strapi,
  uid: UID.ContentType,
  terms: readonly TermDefinition[],
) {
  for (const term of terms) await upsertBySlug(strapi, uid, term.slug, { ...term });
}

/**
 * Seeds the fixed taxonomies: the seven stadsdelen with their wijken, the themes and the target
 * groups. Existing terms (matched by slug) are left as editors made them.
 */
export async function seedTaxonomies(strapi: Core.Strapi): Promise<void> {
  for (const district of MAASTRICHT_DISTRICTS) {
    const { documentId: districtId } = await upsertBySlug(
      strapi,
      'api::district.district',
      district.slug,
      {
        name: district.name,
      },
    );
    for (const name of district.neighbourhoods) {
      await upsertBySlug(strapi, 'api::neighbourhood.neighbourhood', slugify(name), {
        name,
        district: districtId,
      });
    }
  }
  await seedTerms(strapi, 'api::theme.theme', THEMES);
  await seedTerms(strapi, 'api::target-group.target-group', TARGET_GROUPS);
}
