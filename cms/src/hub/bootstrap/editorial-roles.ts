import type { Core } from '@strapi/strapi';

/** One admin permission as the role service takes it. */
interface Permission {
  action: string;
  subject?: string | null;
  properties?: Record<string, unknown>;
  conditions?: string[];
}

/** The admin roles of the hub, by Strapi's codes for its two built-in editorial roles. */
export const EDITORIAL_ROLES = {
  editor: {
    code: 'strapi-editor',
    name: 'Redacteur',
    description: 'Communicatiemedewerkers: schrijven, bewerken en publiceren alles.',
  },
  author: {
    code: 'strapi-author',
    name: 'Partner (auteur)',
    description:
      'Partnerorganisaties: maken concepten van hun eigen nieuws, goede voorbeelden en activiteiten. Publiceren doet de redactie.',
  },
} as const;

/** What partners may draft: their own items of these types, never publish. */
const AUTHORED_TYPES = [
  'api::article.article',
  'api::good-practice.good-practice',
  'api::event.event',
];
/**
 * Fields partners may not write: a planned moment would let the scheduler publish for them, and
 * the submission marks belong to the site's form and the editors.
 */
const EDITOR_ONLY_FIELDS = ['publishOn', 'unpublishOn', 'submitted', 'submitter'];
/** What partners may read, to choose themes, districts and organisations for their items. */
const LOOKUP_TYPES = [
  'api::partner.partner',
  'api::theme.theme',
  'api::target-group.target-group',
  'api::district.district',
  'api::neighbourhood.neighbourhood',
];
const PUBLISH = 'plugin::content-manager.explorer.publish';
const READ = 'plugin::content-manager.explorer.read';
const IS_CREATOR = 'admin::is-creator';

/** The Media Library, as Strapi gives its built-in roles: authors see their own files only. */
const mediaPermissions = (ownOnly: boolean): Permission[] => {
  const conditions = ownOnly ? [IS_CREATOR] : [];
  return [
    { action: 'plugin::upload.read', conditions },
    { action: 'plugin::upload.configure-view' },
    { action: 'plugin::upload.assets.create' },
    { action: 'plugin::upload.assets.update', conditions },
    { action: 'plugin::upload.assets.download' },
    { action: 'plugin::upload.assets.copy-link' },
  ];
};

/** A permission's fields without those only editors may write (a create or update may list them). */
function withoutEditorOnlyFields(properties: Permission['properties']): Permission['properties'] {
  const fields = properties?.fields;
  if (!Array.isArray(fields)) return properties;
  return {
    ...properties,
    fields: fields.filter(
      (field) =>
        typeof field !== 'string' || !EDITOR_ONLY_FIELDS.includes(field.split('.')[0] ?? ''),
    ),
  };
}

/** Every content-manager permission on the hub's own content types, all fields included. */
function contentPermissions(strapi: Core.Strapi): Permission[] {
  const actions = (
    strapi.service('admin::permission') as {
      actionProvider: { values: () => { section: string; subjects?: string[] }[] };
    }
  ).actionProvider
    .values()
    .filter((action) => action.section === 'contentTypes');
  const withFields = (
    strapi.service('admin::content-type') as {
      getPermissionsWithNestedFields: (actions: unknown[]) => Permission[];
    }
  ).getPermissionsWithNestedFields(actions);
  return withFields.filter((permission) => permission.subject?.startsWith('api::'));
}

/**
 * Makes sure the two editorial roles exist with the hub's rights, on every start (idempotent:
 * the role service adds what is missing and removes what is not listed):
 * - Redacteur (Strapi's Editor): everything on every content type, publishing included.
 * - Partner (auteur) (Strapi's Author): create, read, change and delete their own articles,
 *   good practices and events, without the planned moments and submission marks; never publish;
 *   read the lists they choose from.
 * Rights given by hand in the admin are reset to these: roles are owned by code.
 */
export async function ensureEditorialRoles(strapi: Core.Strapi): Promise<void> {
  const roles = strapi.service('admin::role') as {
    findOne: (
      where: Record<string, unknown>,
    ) => Promise<{ id: number; name: string; description: string } | null>;
    create: (attributes: Record<string, unknown>) => Promise<{ id: number }>;
    update: (
      where: Record<string, unknown>,
      attributes: Record<string, unknown>,
    ) => Promise<unknown>;
    assignPermissions: (roleId: number, permissions: Permission[]) => Promise<unknown>;
  };
  const all = contentPermissions(strapi);
  const wanted: Record<keyof typeof EDITORIAL_ROLES, Permission[]> = {
    editor: [...all, ...mediaPermissions(false)],
    author: [
      ...all
        .filter((permission) => AUTHORED_TYPES.includes(permission.subject ?? ''))
        .filter((permission) => permission.action !== PUBLISH)
        .map((permission) => ({
          ...permission,
          properties: withoutEditorOnlyFields(permission.properties),
          conditions: [IS_CREATOR],
        })),
      ...all.filter(
        (permission) =>
          permission.action === READ && LOOKUP_TYPES.includes(permission.subject ?? ''),
      ),
      ...mediaPermissions(true),
    ],
  };
  for (const [key, role] of Object.entries(EDITORIAL_ROLES) as [
    keyof typeof EDITORIAL_ROLES,
    (typeof EDITORIAL_ROLES)[keyof typeof EDITORIAL_ROLES],
  ][]) {
    const existing = await roles.findOne({ code: role.code });
    const { id } = existing
      ? existing
      : await roles.create({ name: role.name, code: role.code, description: role.description });
    const renamed = existing?.name !== role.name || existing.description !== role.description;
    if (existing && renamed) {
      await roles.update({ id }, { name: role.name, description: role.description });
    }
    await roles.assignPermissions(id, wanted[key]);
  }
}
