/**
 * `npm start`: runs the whole product locally on the embedded SQLite database.
 * Each service is one entry in `services`, started in order: the CMS, then the site (built
 * from the CMS and served). The publisher joins the same list in a later milestone.
 */
import type { ChildProcess } from 'node:child_process';
import path from 'node:path';
import { ensureAdminBuild } from './lib/admin-build';
import { ensureCmsEnv } from './lib/cms-env';
import { cmsDir, repoRoot, siteDir } from './lib/paths';
import {
  logLine,
  startProcess,
  startTypeScript,
  stopProcess,
  waitForSuccess,
} from './lib/processes';
import { waitForStatus } from './lib/wait-for';

const log = (line: string) => logLine('start', line);
const astroCli = path.join(repoRoot, 'node_modules', 'astro', 'astro.js');
const cmsPort = Number(process.env.PORT ?? 1337);
const cmsUrl = `http://localhost:${cmsPort}`;
const sitePort = Number(process.env.SITE_PORT ?? 4321);
const siteUrl = process.env.SITE_URL ?? `http://localhost:${sitePort}`;

/** One long-running part of the product. */
interface Service {
  name: string;
  /** Starts the service; `ready` resolves once it can be used. */
  start: () => Promise<{ child: ChildProcess; ready: Promise<void> }>;
  /** What to tell the user once it is ready. */
  readyMessage: string;
}

const services: Service[] = [
  {
    name: 'cms',
    readyMessage: `CMS ready. Admin: ${cmsUrl}/admin  (REST API: ${cmsUrl}/api)`,
    start: async () => {
      const child = startTypeScript('scripts/serve.ts', [], {
        cwd: cmsDir,
        prefix: 'cms',
        env: { NODE_ENV: 'production', PORT: String(cmsPort), SEED_DEMO_CONTENT: 'first-run' },
      });
      // The first start also compiles the server and seeds the demo content.
      return { child, ready: waitForStatus(`${cmsUrl}/_health`, 204, child, 5 * 60_000) };
    },
  },
  {
    name: 'site',
    readyMessage: `Site ready: ${siteUrl}/`,
    start: async () => {
      const env = { CMS_URL: cmsUrl, SITE_URL: siteUrl };
      // Built once from the running CMS; publishing while it runs arrives with the publisher.
      await waitForSuccess(
        startTypeScript('scripts/build-cli.ts', [], { cwd: siteDir, prefix: 'site-build', env }),
        'The site build',
      );
      const child = startProcess(
        process.execPath,
        [astroCli, 'preview', '--port', String(sitePort), '--host', '127.0.0.1'],
        {
          cwd: siteDir,
          prefix: 'site',
          env,
        },
      );
      return { child, ready: waitForStatus(`http://127.0.0.1:${sitePort}/`, 200, child, 60_000) };
    },
  },
];

const running: ChildProcess[] = [];
let stopping = false;

async function stopAll(exitCode: number): Promise<never> {
  if (!stopping) {
    stopping = true;
    log('Stopping ...');
    await Promise.all(running.map((child) => stopProcess(child)));
  }
  process.exit(exitCode);
}

async function main(): Promise<void> {
  if (await ensureCmsEnv()) log('Wrote cms/.env with new random secrets (demo mode).');
  await ensureAdminBuild(log);
  for (const service of services) {
    log(`Starting ${service.name} ...`);
    const { child, ready } = await service.start();
    // Tracked before it is ready, so a failed or interrupted start still stops it.
    running.push(child);
    child.on('exit', (code) => {
      if (stopping) return;
      log(`${service.name} stopped unexpectedly (exit code ${code}).`);
      void stopAll(1);
    });
    await ready;
    log(service.readyMessage);
  }
  log('Everything runs. Press Ctrl-C to stop.');
}

process.on('SIGINT', () => void stopAll(0));
process.on('SIGTERM', () => void stopAll(0));
main().catch((error: unknown) => {
  log(`Could not start: ${error instanceof Error ? error.message : String(error)}`);
  void stopAll(1);
});
