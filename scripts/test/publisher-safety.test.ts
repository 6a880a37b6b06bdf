/**
 * The publisher under bad conditions: wrong settings, a state file that cannot be read, and a
 * build that hangs. None of them may cost the live site or the kept builds.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo, Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Publisher, trimHistory, type BuildRecord } from '../src/publisher/publisher';
import { publisherSettings } from '../src/publisher/settings';
import { createStaticServer } from '../src/static-server/server';
import { siteDir } from '../src/lib/paths';
import { compileRendererAhead } from './site-build';

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-publisher-safety-'));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

// The renderer is compiled first, in a process of its own, so build processes start quickly.
beforeAll(() => {
  const compiled = compileRendererAhead();
  expect(compiled.status, compiled.stderr).toBe(0);
});

/** A publisher folder with releases made by hand; the one at `liveIndex` is live. */
function publishFolder(name: string, releaseIds: string[], liveIndex: number): string {
  const root = path.join(work, name);
  for (const id of releaseIds) {
    fs.mkdirSync(path.join(root, 'releases', id), { recursive: true });
    fs.writeFileSync(path.join(root, 'releases', id, 'index.html'), `build ${id}`);
  }
  fs.symlinkSync(path.join('releases', releaseIds[liveIndex]!), path.join(root, 'live'));
  return root;
}

const publisherFor = (
  root: string,
  options: Partial<ConstructorParameters<typeof Publisher>[0]> = {},
) =>
  new Publisher({
    root,
    siteDir,
    cms: () => ({ url: 'http://127.0.0.1:9', token: 'none' }),
    siteUrl: 'https://hub.example.nl',
    debounceMs: 10,
    keep: 5,
    buildTimeoutMs: 600_000,
    log: () => undefined,
    ...options,
  });

describe('the publisher’s settings', () => {
  it('takes whole numbers in range and says clearly what is wrong otherwise', () => {
    expect(publisherSettings({})).toEqual({ debounceMs: 0, keep: 5, buildTimeoutMs: 600_000 });
    expect(
      publisherSettings({
        PUBLISH_KEEP: '2',
        PUBLISH_BUILD_TIMEOUT_S: '90',
        PUBLISH_DEBOUNCE_MS: '250',
      }),
    ).toEqual({ debounceMs: 250, keep: 2, buildTimeoutMs: 90_000 });
    for (const keep of ['0', '-1', '2.5', 'vijf', '1e400']) {
      expect(() => publisherSettings({ PUBLISH_KEEP: keep }), keep).toThrow(
        /PUBLISH_KEEP must be a whole number of 1 or more/,
      );
    }
    expect(() => publisherSettings({ PUBLISH_BUILD_TIMEOUT_S: '0' })).toThrow(
      /PUBLISH_BUILD_TIMEOUT_S/,
    );
  });

  it('stops the publisher at start with that message', () => {
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/publisher-cli.ts'], {
      cwd: path.join(siteDir, '..', 'scripts'),
      env: { ...process.env, PUBLISHER_SECRET: 'x', SITE_BUILD_TOKEN: 'x', PUBLISH_KEEP: '0' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('PUBLISH_KEEP must be a whole number of 1 or more; got "0".');
  });
});

describe('the publisher’s state', () => {
  const ids = ['20261101-100000-000', '20261102-100000-000', '20261103-100000-000'];

  it('is written whole, never half', async () => {
    const root = publishFolder('state-written', ids, 2);
    const publisher = publisherFor(root);
    await publisher.load();
    const failing = await publisher.build();
    expect(failing.result).toBe('failed');
    const files = fs.readdirSync(root);
    expect(files).toContain('state.json');
    expect(files.filter((file) => file.includes('partial'))).toEqual([]);
    const state = JSON.parse(
      fs.readFileSync(path.join(root, 'state.json'), 'utf8'),
    ) as BuildRecord[];
    expect(state.at(-1)?.id).toBe(failing.id);
    publisher.close();
  });

  it('that cannot be read never deletes the kept builds', async () => {
    const root = publishFolder('state-broken', ids, 1);
    fs.writeFileSync(path.join(root, 'state.json'), '[{"id": "20261101-100000-000", "resu');
    const publisher = publisherFor(root);
    await publisher.load();
    const status = await publisher.status();
    // The live build and the older one are kept; the newer one, never live, is not trusted.
    expect(status.kept).toEqual(ids.slice(0, 2));
    expect(status.live).toBe(ids[1]);
    expect(fs.readdirSync(path.join(root, 'releases')).sort()).toEqual(ids);
    // The broken file is kept aside for the operator, not overwritten.
    expect(fs.readdirSync(root).some((file) => file.startsWith('state.json.unreadable-'))).toBe(
      true,
    );
    // A rollback still finds the build before the live one.
    expect(await publisher.rollback()).toBe(ids[0]);
    publisher.close();
  });

  it('keeps the good builds for rollback in it, also after a long run of failed builds', () => {
    const record = (id: number, result: BuildRecord['result']): BuildRecord => ({
      id: String(id).padStart(4, '0'),
      startedAt: '',
      finishedAt: '',
      durationMs: 0,
      result,
    });
    const history = [
      ...Array.from({ length: 8 }, (_, n) => record(n, 'live')),
      ...Array.from({ length: 60 }, (_, n) => record(100 + n, 'failed')),
    ];
    const trimmed = trimHistory(history, 5);
    expect(trimmed).toHaveLength(55);
    expect(trimmed.slice(0, 5).map((build) => build.id)).toEqual([
      '0003',
      '0004',
      '0005',
      '0006',
      '0007',
    ]);
    expect(trimmed.slice(5)).toEqual(history.slice(-50));
  });

  it('that is valid JSON of another shape is not trusted either', async () => {
    const root = publishFolder('state-odd', ids, 2);
    fs.writeFileSync(path.join(root, 'state.json'), '{"live": true}');
    const publisher = publisherFor(root);
    await publisher.load();
    expect((await publisher.status()).kept).toEqual(ids);
    publisher.close();
  });
});

describe('a build that hangs', () => {
  let cms: http.Server;
  let cmsUrl: string;
  let mode: 'refuse' | 'hang' = 'refuse';
  const connections: Socket[] = [];
  /** The connections of requests the CMS never answered. */
  const hanging: Socket[] = [];

  beforeAll(async () => {
    // A CMS that answers 503 at first, then accepts connections and never answers.
    cms = http.createServer((request, response) => {
      if (mode === 'refuse') response.writeHead(503).end();
      else hanging.push(request.socket);
    });
    cms.on('connection', (socket) => connections.push(socket));
    await new Promise<void>((resolve) => cms.listen(0, '127.0.0.1', resolve));
    cmsUrl = `http://127.0.0.1:${(cms.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    for (const socket of connections) socket.destroy();
    await new Promise<void>((resolve) => cms.close(() => resolve()));
  });

  it('is stopped at its time limit, fails, leaves the live site as it was, and the next notice builds again', async () => {
    const root = publishFolder('hung', ['20261101-100000-000'], 0);
    const publisher = publisherFor(root, {
      cms: () => ({ url: cmsUrl, token: 'none' }),
      buildTimeoutMs: 3_000,
    });
    await publisher.load();
    const site = await createStaticServer({ root: publisher.releases.liveLink });
    await site.listen({ port: 0, host: '127.0.0.1' });
    const siteUrl = `http://127.0.0.1:${(site.server.address() as AddressInfo).port}/`;

    // A first build starts the build process (the CMS refuses it at once).
    const warm = await publisher.build();
    expect(warm.result).toBe('failed');
    expect(warm.error).not.toMatch(/longer than/);

    mode = 'hang';
    const hung = await publisher.build();
    expect(hung.result).toBe('failed');
    expect(hung.error).toMatch(/took longer than 3 s \(PUBLISH_BUILD_TIMEOUT_S\) and was stopped/);
    // It did reach the CMS and wait there; the killed process let go of the connection.
    expect(hanging.length).toBeGreaterThan(0);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(hanging.every((socket) => socket.destroyed)).toBe(true);

    // The live site is as it was, and the failed build's folder is gone.
    expect(await publisher.releases.liveId()).toBe('20261101-100000-000');
    expect(await publisher.releases.list()).toEqual(['20261101-100000-000']);
    expect(await (await fetch(siteUrl)).text()).toBe('build 20261101-100000-000');

    // The next notice builds again, with a new build process.
    mode = 'refuse';
    publisher.queue.notify();
    await new Promise((resolve) => setTimeout(resolve, 100));
    await publisher.queue.idle();
    const { last } = await publisher.status();
    expect(last?.id).not.toBe(hung.id);
    expect(last?.result).toBe('failed');
    expect(last?.error).toMatch(/503/);

    publisher.close();
    await site.close();
  });
});
