import type { Core } from '@strapi/strapi';

/** Users-permissions roles that must never read content: visitors and self-registered users. */
const CLOSED_ROLES = ['public', 'authenticated'];

/**
 * Keeps the REST content API closed to everyone but API tokens. Removes every content
 * permission from the users-permissions "public" and "authenticated" roles (with `find`
 * granted, Strapi 5 hands drafts to anyone asking `?status=draft`) and switches off open
 * sign-up, which would otherwise hand out "authenticated" accounts to anyone.
 * Returns the number of permissions removed.
 */
export async function lockDownContentApi(strapi: Core.Strapi): Promise<number> {
  const roles = (await strapi.db
    .query('plugin::users-permissions.role')
    .findMany({ where: { type: { $in: CLOSED_ROLES } }, select: ['id'] })) as { id: number }[];
  const { count } = await strapi.db.query('plugin::users-permissions.permission').deleteMany({
    where: {
      role: { id: { $in: roles.map((role) => role.id) } },
      action: { $startsWith: 'api::' },
    },
  });
  if (count > 0)
    strapi.log.info(`[hub] Removed ${count} content permission(s) from the public roles.`);

  const advanced = strapi.store({ type: 'plugin', name: 'users-permissions', key: 'advanced' });
  const settings = (await advanced.get({})) as Record<string, unknown> | null;
  if (settings && settings.allow_register !== false) {
    await advanced.set({ value: { ...settings, allow_register: false } });
  }
  return count;
}
