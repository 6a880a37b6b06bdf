/**
 * `npm start`: runs the whole product locally on the embedded SQLite database.
 * Each service is one entry in `services`; the site build, the publisher and the static
 * server join the same list in later milestones.
 */
import type { ChildProcess } from 'node:child_process';
import { ensureAdminBuild } from './lib/admin-build';
import { ensureCmsEnv } from './lib/cms-env';
import { cmsDir } from './lib/paths';
import { logLine, startTypeScript, stopProcess } from './lib/processes';
import { waitForStatus } from './lib/wait-for';

const log = (line: string) => logLine('start', line);
const cmsPort = Number(process.env.PORT ?? 1337);
const cmsUrl = `http://localhost:${cmsPort}`;

/** One long-running part of the product. */
interface Service {
  name: string;
  /** Starts the service; `ready` resolves once it can be used. */
  start: () => { child: ChildProcess; ready: Promise<void> };
  /** What to tell the user once it is ready. */
  readyMessage: string;
}

const services: Service[] = [
  {
    name: 'cms',
    readyMessage: `CMS ready. Admin: ${cmsUrl}/admin  (REST API: ${cmsUrl}/api)`,
    start: () => {
      const child = startTypeScript('scripts/serve.ts', [], {
        cwd: cmsDir,
        prefix: 'cms',
        env: { NODE_ENV: 'production', PORT: String(cmsPort), SEED_DEMO_CONTENT: 'first-run' },
      });
      // The first start also compiles the server and seeds the demo content.
      return { child, ready: waitForStatus(`${cmsUrl}/_health`, 204, child, 5 * 60_000) };
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
    const { child, ready } = service.start();
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
