import type { Core } from '@strapi/strapi';

/**
 * Removes every content permission from the users-permissions "public" role. With `find`
 * granted, Strapi 5 would hand drafts to anyone asking `?status=draft`; the site build reads
 * with its own read-only token instead. Returns the number of permissions removed.
 */
export async function lockDownPublicRole(strapi: Core.Strapi): Promise<number> {
  const publicRole = await strapi.db
    .query('plugin::users-permissions.role')
    .findOne({ where: { type: 'public' }, select: ['id'] });
  if (!publicRole) return 0;
  const { count } = await strapi.db.query('plugin::users-permissions.permission').deleteMany({
    where: { role: { id: publicRole.id }, action: { $startsWith: 'api::' } },
  });
  if (count > 0)
    strapi.log.info(`[hub] Removed ${count} content permission(s) from the public role.`);
  return count;
}
