/**
 * Compiles the site's renderer (see compileRenderer) and ends: run by buildSite as a process of
 * its own, so that Vite's and Rollup's memory is gone before the pages are rendered, and the
 * CMS is read meanwhile. With SITE_RECOMPILE=1, compiles even when the code has not changed.
 */
import { compileRenderer } from './renderer';

compileRenderer({
  quiet: process.env.SITE_COMPILE_QUIET === '1',
  force: process.env.SITE_RECOMPILE === '1',
}).then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(`Compiling the site failed: ${error instanceof Error ? error.stack : error}`);
    process.exit(1);
  },
);
