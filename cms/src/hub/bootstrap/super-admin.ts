import type { Core } from '@strapi/strapi';

/**
 * Creates the first super admin from ADMIN_EMAIL and ADMIN_PASSWORD when no admin exists yet
 * (demos and automated set-up). Without them, tells how to create one in the browser.
 */
export async function ensureSuperAdmin(
  strapi: Core.Strapi,
): Promise<'exists' | 'created' | 'missing'> {
  const users = strapi.service('admin::user');
  if (await users.exists()) return 'exists';

  const email = process.env.ADMIN_EMAIL?.trim();
  const password = process.env.ADMIN_PASSWORD;
  if (!email || !password) {
    const url = `${strapi.config.get('server.url') || `http://localhost:${strapi.config.get('server.port')}`}/admin`;
    strapi.log.info(
      `[hub] No administrator yet. Open ${url} in a browser to create the first one.`,
    );
    return 'missing';
  }
  const superAdmin = await strapi.service('admin::role').getSuperAdmin();
  await users.create({
    email,
    password,
    firstname: process.env.ADMIN_FIRSTNAME ?? 'Beheerder',
    lastname: process.env.ADMIN_LASTNAME ?? 'Coalitie',
    isActive: true,
    // Communicators work in Dutch; each admin can switch in their profile.
    preferedLanguage: 'nl',
    registrationToken: null,
    roles: superAdmin ? [superAdmin.id] : [],
  });
  strapi.log.info(`[hub] Created super admin ${email}.`);
  return 'created';
}
