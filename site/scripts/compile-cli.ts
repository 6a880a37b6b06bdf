/**
 * `npx tsx scripts/compile-cli.ts`: compiles the site's renderer ahead of a build (see
 * compileRenderer) and ends. With SITE_RECOMPILE=1, compiles even when the code has not
 * changed; SITE_COMPILE_QUIET=1: errors only.
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
