/**
 * What scanners send to every public server, sent as raw bytes to the three servers of the hub,
 * each running as its own process, as `npm start` runs them: the static server, the publisher and
 * the preview server. After every request all three must still answer, and no answer is a 5xx.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../cms/test/harness';
import { scriptsDir, siteDir } from '../src/lib/paths';
import { HOSTILE_REQUESTS, long } from '../src/lib/hostile-requests';
import { rawGet, rawRequest } from '../src/lib/raw-http';

interface Running {
  name: string;
  port: number;
  /** A request that a healthy server answers with this status. */
  alive: { path: string; status: number };
  child: ChildProcess;
  output: string[];
}

let work: string;
const servers: Running[] = [];

function start(
  name: string,
  cwd: string,
  script: string,
  port: number,
  env: Record<string, string>,
  alive: Running['alive'],
): Running {
  const child = spawn(process.execPath, ['--import', 'tsx', script], {
    cwd,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const running: Running = { name, port, alive, child, output: [] };
  for (const stream of [child.stdout, child.stderr])
    stream?.on('data', (chunk: Buffer) => running.output.push(chunk.toString()));
  return running;
}

async function answers(server: Running): Promise<boolean> {
  const { status } = await rawGet(server.port, server.alive.path);
  return status === server.alive.status;
}

async function untilAnswering(server: Running): Promise<void> {
  for (let tries = 0; tries < 240; tries += 1) {
    if (server.child.exitCode !== null)
      throw new Error(`${server.name} stopped: ${server.output.join('')}`);
    if (await answers(server).catch(() => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${server.name} did not answer: ${server.output.join('')}`);
}

beforeAll(async () => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-hostile-'));
  // A live site as the publisher leaves it: releases/<id>/ and a `live` link to it.
  const release = path.join(work, 'publish', 'releases', '20261201-120000-000');
  fs.mkdirSync(path.join(release, '_astro'), { recursive: true });
  fs.mkdirSync(path.join(release, 'nieuws'), { recursive: true });
  fs.writeFileSync(path.join(release, 'index.html'), '<!doctype html><title>Home</title>');
  fs.writeFileSync(path.join(release, '404.html'), '<!doctype html><title>Niet gevonden</title>');
  fs.writeFileSync(
    path.join(release, 'nieuws', 'index.html'),
    '<!doctype html><title>Nieuws</title>',
  );
  fs.writeFileSync(path.join(release, '_astro', 'app.css'), 'body{}');
  fs.symlinkSync(path.join('releases', '20261201-120000-000'), path.join(work, 'publish', 'live'));

  // No CMS runs: the servers must stay up without one (builds and previews fail, politely).
  const noCms = `http://127.0.0.1:${await freePort()}`;
  const common = {
    CMS_URL: noCms,
    SITE_URL: 'https://hub.example.nl',
    SITE_BUILD_TOKEN: 'no-such-token',
    SITE_PREVIEW_TOKEN: 'no-such-token',
    PUBLISH_DIR: path.join(work, 'publish'),
    SITE_LOG_REQUESTS: 'false',
  };
  const [sitePort, publisherPort, previewPort] = await Promise.all([
    freePort(),
    freePort(),
    freePort(),
  ]);
  servers.push(
    start(
      'static server',
      scriptsDir,
      'src/static-server-cli.ts',
      sitePort,
      { ...common, SITE_PORT: String(sitePort) },
      { path: '/', status: 200 },
    ),
    start(
      'publisher',
      scriptsDir,
      'src/publisher-cli.ts',
      publisherPort,
      {
        ...common,
        PUBLISHER_PORT: String(publisherPort),
        PUBLISHER_SECRET: 'hostile-test-secret',
        // The build it starts at once fails (no CMS); nothing else is built.
        PUBLISH_DEBOUNCE_MS: '60000',
      },
      { path: '/status', status: 200 },
    ),
    start(
      'preview server',
      siteDir,
      'scripts/preview-cli.ts',
      previewPort,
      { ...common, PREVIEW_PORT: String(previewPort), PREVIEW_SECRET: 'hostile-test-secret' },
      { path: '/', status: 403 },
    ),
  );
  await Promise.all(servers.map(untilAnswering));
});

afterAll(async () => {
  await Promise.all(
    servers.map(
      (server) =>
        new Promise<void>((resolve) => {
          if (server.child.exitCode !== null) return resolve();
          server.child.once('exit', () => resolve());
          server.child.kill('SIGTERM');
        }),
    ),
  );
  fs.rmSync(work, { recursive: true, force: true });
});

describe('hostile requests', () => {
  it.each(HOSTILE_REQUESTS)(
    '%s: answered with a 4xx (or closed), and all three servers still answer',
    async (_name, bytes) => {
      for (const server of servers) {
        const answer = await rawRequest(server.port, bytes, 3_000);
        expect(answer.status, `${server.name}: ${answer.status}`).toBeLessThan(500);
        for (const other of servers) {
          expect(await answers(other), `${other.name} after a request to ${server.name}`).toBe(
            true,
          );
          expect(other.child.exitCode, other.name).toBeNull();
        }
      }
    },
  );

  it('refuses every path that is no page of the site with 400 or 404 on the static server', async () => {
    const site = servers[0]!;
    for (const target of [
      '//[',
      '/%zz',
      '/%c0%ae%c0%ae/',
      '/%2e%2e/etc/passwd',
      '/.%2e/etc/passwd',
      '/index.html/x',
      `/${long(300)}`,
      '/..%2fetc%2fpasswd',
      '/..%5c..%5cwin.ini',
    ]) {
      const answer = await rawGet(site.port, target);
      expect([400, 404], target).toContain(answer.status);
      expect(answer.body.toString()).not.toContain('root:');
    }
  });

  it('holds when a client opens connections and says nothing', async () => {
    const net = await import('node:net');
    const idle = servers.flatMap((server) =>
      Array.from({ length: 20 }, () =>
        net.connect(server.port, '127.0.0.1').on('error', () => undefined),
      ),
    );
    for (const server of servers) expect(await answers(server), server.name).toBe(true);
    for (const socket of idle) socket.destroy();
  });
});
