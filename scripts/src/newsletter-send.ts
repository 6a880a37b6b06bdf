/**
 * `npm run newsletter:send [-- --dry-run]` for operators: sends the due newsletter edition now
 * through the CMS's SMTP settings (cms/.env), finishing an interrupted one first; --dry-run
 * prints it, its text part and the number of recipients, and sends and records nothing. Safe
 * beside running CMS instances: the edition and each recipient are claimed in the database.
 */
import { ensureCmsEnv } from './lib/cms-env';
import { cmsDir } from './lib/paths';
import { startTypeScript, waitForSuccess } from './lib/processes';

if (await ensureCmsEnv()) console.log('Wrote cms/.env with new random secrets (demo mode).');
const send = startTypeScript('scripts/newsletter-send.ts', process.argv.slice(2), {
  cwd: cmsDir,
  prefix: 'newsletter',
});
await waitForSuccess(send, 'Sending the newsletter').catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
