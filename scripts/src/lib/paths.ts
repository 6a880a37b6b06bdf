import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Root of the repository. */
export const repoRoot = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '..',
  '..',
  '..',
);
/** The Strapi app. */
export const cmsDir = path.join(repoRoot, 'cms');
/** The operations workspace. */
export const scriptsDir = path.join(repoRoot, 'scripts');
/** The Astro site. */
export const siteDir = path.join(repoRoot, 'site');
