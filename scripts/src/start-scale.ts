/**
 * `npm run start:scale`: the hub as a hosting platform runs it, on this machine (see
 * scale/scale-hub.ts and the README's "Running at scale"): the PostgreSQL database hub_scale,
 * an S3-compatible server with a media and a site bucket, two CMS instances behind a
 * round-robin proxy on :1337, the publisher writing to the site bucket, and a static front on
 * :4321 that serves that bucket. Ctrl-C stops everything; the database and the buckets (in
 * .scale/) stay for the next run.
 */
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { ensureAdminBuild } from './lib/admin-build';
import { ensureCmsEnv } from './lib/cms-env';
import { startLocalS3, type LocalS3 } from './lib/local-s3';
import { repoRoot } from './lib/paths';
import { logLine } from './lib/processes';
import { ensureSharedBuild } from './lib/shared-build';
import { runSupervised, type Supervisor } from './lib/supervisor';
import { startRoundRobinProxy, type RoundRobinProxy } from './scale/round-robin-proxy';
import {
  SCALE_BUCKETS,
  cmsInstance,
  ensureDatabase,
  scaleFront,
  scalePublisher,
  type ScaleLayout,
} from './scale/scale-hub';

const log = (line: string) => logLine('start:scale', line);
const env = process.env;
const workDir = path.join(repoRoot, '.scale');
const serverUrl = env.SCALE_DATABASE_SERVER_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const s3Port = Number(env.SCALE_S3_PORT ?? 4568);
const proxyPort = Number(env.PORT ?? 1337);

let s3: LocalS3 | undefined;
let proxy: RoundRobinProxy | undefined;
async function start(supervisor: Supervisor): Promise<void> {
  if (await ensureCmsEnv()) log('Wrote cms/.env with new random secrets (demo mode).');
  await ensureSharedBuild(log);
  await ensureAdminBuild(log);
  const databaseUrl = await ensureDatabase(serverUrl, 'hub_scale');
  log(`Database: ${new URL(databaseUrl).host}/hub_scale`);
  s3 = await startLocalS3({
    directory: path.join(workDir, 's3'),
    buckets: Object.values(SCALE_BUCKETS),
    port: s3Port,
  });
  log(`S3 server: ${s3.endpoint} (buckets ${Object.values(SCALE_BUCKETS).join(', ')})`);
  const layout: ScaleLayout = {
    databaseUrl,
    s3,
    cmsPorts: [proxyPort + 1, proxyPort + 2],
    proxyPort,
    publisherPort: Number(env.PUBLISHER_PORT ?? 4322),
    sitePort: Number(env.SITE_PORT ?? 4321),
    workDir,
    publisherSecret: env.PUBLISHER_SECRET ?? randomBytes(24).toString('hex'),
  };
  const upstreams = layout.cmsPorts.map((port) => `http://127.0.0.1:${port}`);
  proxy = await startRoundRobinProxy(
    { upstreams, log: (line) => logLine('proxy', line) },
    { host: env.HOST ?? '127.0.0.1', port: proxyPort },
  );
  log(`Round-robin proxy: ${proxy.url} -> ${upstreams.join(', ')}`);
  await supervisor.startAll([
    // Both at once, as after a deploy: the boot lock lets one prepare the database first.
    [cmsInstance(layout, 0), cmsInstance(layout, 1)],
    scalePublisher(layout),
    scaleFront(layout),
  ]);
  log(
    `Everything runs. Admin: http://localhost:${proxyPort}/admin  Site: http://localhost:${layout.sitePort}/`,
  );
  log('Press Ctrl-C to stop.');
}

runSupervised({
  log,
  start,
  cleanup: async () => {
    await proxy?.close();
    await s3?.close();
  },
});
