/**
 * `npm run seed [-- --reset]`: makes sure cms/.env exists (as `npm start` does), then runs the
 * CMS seed script, which adds the demo content without duplicating what is there.
 */
import { ensureCmsEnv } from './lib/cms-env';
import { cmsDir } from './lib/paths';
import { startTypeScript, waitForSuccess } from './lib/processes';

if (await ensureCmsEnv()) console.log('Wrote cms/.env with new random secrets (demo mode).');
const seed = startTypeScript('scripts/seed.ts', process.argv.slice(2), {
  cwd: cmsDir,
  prefix: 'seed',
});
await waitForSuccess(seed, 'The seed').catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
