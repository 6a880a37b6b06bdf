/**
 * Compiles the CMS's server code into dist/ and exits. Run once before several instances start
 * side by side (`npm run start:scale`): each instance compiles incrementally on start, which
 * then finds nothing to write, so none of them reads a file another is writing.
 */
import { compileStrapi } from '@strapi/strapi';
import { appDir } from './strapi-app';

compileStrapi({ appDir })
  .then(() => process.exit(0))
  .catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
