/**
 * `npm run seed [-- --reset]`: adds the demo content to the configured database. Items that
 * already exist (same slug) are left alone; --reset deletes all content and uploads first.
 */
import path from 'node:path';
import { loadApp } from './strapi-app';

type SeedModule = typeof import('../src/hub/seed/seed-demo');

async function main(): Promise<void> {
  const reset = process.argv.includes('--reset');
  // Loaded under the boot lock, like a CMS instance: a seed never races an instance's start.
  const app = await loadApp();
  try {
    // The compiled module, so the seed runs exactly the code the server runs.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { seedDemoContent } = require(
      path.join(app.dirs.dist.src, 'hub', 'seed', 'seed-demo.js'),
    ) as SeedModule;
    const report = await seedDemoContent(app, { reset });
    const created = Object.entries(report);
    console.log(
      created.length === 0
        ? 'Demo content: everything was already there; nothing added.'
        : `Demo content added${reset ? ' after reset' : ''}:\n${created.map(([uid, n]) => `  ${uid}: ${n}`).join('\n')}`,
    );
  } finally {
    await app.destroy();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
