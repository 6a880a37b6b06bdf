/**
 * `npm start`: runs the whole product locally on the embedded SQLite database.
 * Each service is one entry in `services`, started in order: the CMS; the publisher, which
 * builds the site now and again on every change the CMS reports; the static server for the
 * live build; the preview server for drafts. A supervisor starts a service again when it stops
 * unexpectedly (see lib/supervisor.ts).
 */
import { randomBytes } from 'node:crypto';
import { ensureAdminBuild } from './lib/admin-build';
import { ensureCmsEnv } from './lib/cms-env';
import { cmsDir, scriptsDir, siteDir } from './lib/paths';
import { logLine, startTypeScript } from './lib/processes';
import { ensureSharedBuild } from './lib/shared-build';
import { runSupervised, type Service } from './lib/supervisor';
import { waitForFirstBuild, waitForStatus } from './lib/wait-for';

const log = (line: string) => logLine('start', line);
const cmsPort = Number(process.env.PORT ?? 1337);
// Only this machine can reach the CMS, so nobody else on the network can claim the first
// administrator of a fresh demo; a server sets HOST (0.0.0.0, or its own address).
const cmsHost = process.env.HOST ?? '127.0.0.1';
const cmsUrl = `http://localhost:${cmsPort}`;
const sitePort = Number(process.env.SITE_PORT ?? 4321);
const publisherPort = Number(process.env.PUBLISHER_PORT ?? 4322);
const publisherUrl = `http://127.0.0.1:${publisherPort}`;
// One secret per run, shared by the CMS webhook and the publisher, unless one is configured.
const publisherSecret = process.env.PUBLISHER_SECRET ?? randomBytes(24).toString('hex');
const siteUrl = process.env.SITE_URL ?? `http://localhost:${sitePort}`;
const previewPort = Number(process.env.PREVIEW_PORT ?? 4323);
const previewUrl = `http://localhost:${previewPort}`;
// The secret in the CMS's preview links, shared with the preview server; new on every run.
const previewSecret = process.env.PREVIEW_SECRET ?? randomBytes(24).toString('hex');
// Where the site builds may read images besides the CMS (the media bucket): set in main().
let siteMediaOrigins = process.env.SITE_MEDIA_ORIGINS ?? '';

const services: Service[] = [
  {
    name: 'cms',
    readyMessage: `CMS ready. Admin: ${cmsUrl}/admin  (REST API: ${cmsUrl}/api)`,
    start: async () => {
      const child = startTypeScript('scripts/serve.ts', [], {
        cwd: cmsDir,
        prefix: 'cms',
        env: {
          NODE_ENV: 'production',
          HOST: cmsHost,
          PORT: String(cmsPort),
          SEED_DEMO_CONTENT: 'first-run',
          PUBLISHER_URL: publisherUrl,
          PUBLISHER_SECRET: publisherSecret,
          SITE_URL: siteUrl,
          // The static server passes the site's form posts on: its X-Forwarded-For is believed.
          SUBMISSION_TRUSTED_PROXIES: '127.0.0.1',
          PREVIEW_URL: previewUrl,
          PREVIEW_SECRET: previewSecret,
        },
      });
      // The first start also compiles the server and seeds the demo content.
      return { child, ready: waitForStatus(`${cmsUrl}/_health`, 204, child, 5 * 60_000) };
    },
  },
  {
    name: 'publisher',
    readyMessage: `Publisher ready: ${publisherUrl}/status  (the CMS calls it on every change)`,
    start: async () => {
      const child = startTypeScript('src/publisher-cli.ts', [], {
        cwd: scriptsDir,
        prefix: 'publisher',
        env: {
          CMS_URL: cmsUrl,
          SITE_URL: siteUrl,
          PUBLISHER_PORT: String(publisherPort),
          PUBLISHER_SECRET: publisherSecret,
          SITE_MEDIA_ORIGINS: siteMediaOrigins,
        },
      });
      // Ready once the first build is live (or has failed, which start reports).
      return { child, ready: waitForFirstBuild(`${publisherUrl}/status`, child, 10 * 60_000) };
    },
  },
  {
    name: 'site',
    readyMessage: `Site ready: ${siteUrl}/`,
    start: async () => {
      const child = startTypeScript('src/static-server-cli.ts', [], {
        cwd: scriptsDir,
        prefix: 'site',
        env: { CMS_URL: cmsUrl, SITE_PORT: String(sitePort) },
      });
      return { child, ready: waitForStatus(`http://127.0.0.1:${sitePort}/`, 200, child, 60_000) };
    },
  },
  {
    name: 'preview',
    readyMessage: `Previews of drafts: ${previewUrl}/ (opened by the Preview button in the CMS)`,
    start: async () => {
      const child = startTypeScript('scripts/preview-cli.ts', [], {
        cwd: siteDir,
        prefix: 'preview',
        env: {
          CMS_URL: cmsUrl,
          SITE_URL: siteUrl,
          PREVIEW_PORT: String(previewPort),
          PREVIEW_SECRET: previewSecret,
          SITE_MEDIA_ORIGINS: siteMediaOrigins,
        },
      });
      // Without the secret it refuses: that it answers so is enough to know it runs.
      return {
        child,
        ready: waitForStatus(`http://127.0.0.1:${previewPort}/`, 403, child, 60_000),
      };
    },
  },
];

runSupervised({
  log,
  start: async (supervisor) => {
    if (await ensureCmsEnv()) log('Wrote cms/.env with new random secrets (demo mode).');
    await ensureSharedBuild(log);
    // Loaded after ensureSharedBuild: it reads the S3 settings with the shared code.
    siteMediaOrigins = (await import('./lib/media-origins')).siteMediaOrigins();
    await ensureAdminBuild(log);
    await supervisor.startAll(services);
    log('Everything runs. Press Ctrl-C to stop.');
  },
});
