/**
 * Boots the Strapi app of this folder from Node, without the Strapi CLI: compiles the
 * TypeScript sources (incrementally), then creates the app. Used by serve.ts and seed.ts.
 */
import path from 'node:path';
import type { Core } from '@strapi/strapi';
import { withBootLock } from './boot-lock';

export const appDir = path.resolve(__dirname, '..');

// @strapi/core reads the .env file when it is first required, from ENV_PATH or the working
// directory; point it at ours so the scripts work from any folder.
process.env.ENV_PATH = process.env.ENV_PATH || path.join(appDir, '.env');

/** Strapi's package. The first require reads cms/.env into process.env (after ENV_PATH is set). */
function strapiPackage(): typeof import('@strapi/strapi') {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('@strapi/strapi') as typeof import('@strapi/strapi');
}

/** Compiles the server code and creates (does not load) the app. */
export async function createApp(options: { serveAdminPanel?: boolean } = {}): Promise<Core.Strapi> {
  const { compileStrapi, createStrapi } = strapiPackage();
  const context = await compileStrapi({ appDir });
  return createStrapi({
    ...context,
    autoReload: false,
    serveAdminPanel: options.serveAdminPanel ?? false,
  });
}

/**
 * Compiles, creates and loads the app while holding the database's boot lock (see
 * boot-lock.ts), so CMS instances started at the same moment on one PostgreSQL load one after
 * the other. Compiling is inside the lock too: instances started from one folder share its
 * dist/, which one must not read while another writes it.
 */
export async function loadApp(options: { serveAdminPanel?: boolean } = {}): Promise<Core.Strapi> {
  // The lock reads DATABASE_* from the environment, which may come from cms/.env.
  strapiPackage();
  return withBootLock(process.env, async () => (await createApp(options)).load());
}
