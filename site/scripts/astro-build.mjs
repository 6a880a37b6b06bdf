/**
 * Runs Astro's build of the site into RENDERER_DIR and ends: started by compileRenderer as a
 * process of its own, in plain JavaScript. Under the TypeScript loader (tsx) that runs our
 * scripts, every one of the thousands of modules Astro, Vite and Rollup load went through the
 * loader's hooks: the compile took 4.5 to 4.8 s and 7.2 s of CPU instead of 3.5 s and 5.3 s
 * (measured in turn, two runs each). Vite compiles the site's own TypeScript itself.
 * SITE_COMPILE_QUIET=1: errors only.
 */
import { fileURLToPath } from 'node:url';
import { build } from 'astro';

process.env.ASTRO_TELEMETRY_DISABLED = '1';
const siteDir = fileURLToPath(new URL('..', import.meta.url));
build({
  root: siteDir,
  logLevel: process.env.SITE_COMPILE_QUIET === '1' ? 'error' : 'warn',
  mode: 'production',
}).then(
  () => process.exit(0),
  (error) => {
    console.error(`Compiling the site failed: ${error instanceof Error ? error.stack : error}`);
    process.exit(1);
  },
);
