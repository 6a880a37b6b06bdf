import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const appDir = path.resolve(import.meta.dirname, '..');

/** Compiles the CMS once for the whole suite; each test file then boots from cms/dist. */
export default async function compileCmsOnce(): Promise<void> {
  // Never read a developer's cms/.env in tests: each test sets its own environment.
  process.env.ENV_PATH = path.join(appDir, 'test', 'no-such.env');
  // The CommonJS build: Strapi's ESM build fails under vitest on a directory import of lodash/fp.
  const { compileStrapi } = require('@strapi/strapi') as typeof import('@strapi/strapi');
  await compileStrapi({ appDir });
}
