/**
 * Boots the Strapi app of this folder from Node, without the Strapi CLI: compiles the
 * TypeScript sources (incrementally), then creates the app. Used by serve.ts and seed.ts.
 */
import path from 'node:path';
import type { Core } from '@strapi/strapi';

export const appDir = path.resolve(__dirname, '..');

// @strapi/core reads the .env file when it is first required, from ENV_PATH or the working
// directory; point it at ours so the scripts work from any folder.
process.env.ENV_PATH = process.env.ENV_PATH || path.join(appDir, '.env');

/** Compiles the server code and creates (does not load) the app. */
export async function createApp(options: { serveAdminPanel?: boolean } = {}): Promise<Core.Strapi> {
  // Required here, after ENV_PATH is set, because @strapi/core reads .env on load.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const strapiModule = require('@strapi/strapi') as typeof import('@strapi/strapi');
  const { compileStrapi, createStrapi } = strapiModule;
  const context = await compileStrapi({ appDir });
  return createStrapi({
    ...context,
    autoReload: false,
    serveAdminPanel: options.serveAdminPanel ?? false,
  });
}
