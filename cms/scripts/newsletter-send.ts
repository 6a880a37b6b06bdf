/**
 * `npm run newsletter:send [-- --dry-run]`: loads the CMS on its configured database (under the
 * boot lock, like a CMS instance) and sends the due newsletter edition now, or prints it.
 */
import path from 'node:path';
import { loadApp } from './strapi-app';

type CommandModule = typeof import('../src/hub/newsletter/editions/command');

async function main(): Promise<number> {
  const app = await loadApp();
  try {
    // The compiled module, so the command runs exactly the code the server runs.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { newsletterCommand } = require(
      path.join(app.dirs.dist.src, 'hub', 'newsletter', 'editions', 'command.js'),
    ) as CommandModule;
    return await newsletterCommand(app, process.argv.slice(2), (line) => console.log(line));
  } finally {
    await app.destroy();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
