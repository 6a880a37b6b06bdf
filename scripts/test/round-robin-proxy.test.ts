import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import {
  RoundRobin,
  forwardedHeaders,
  startRoundRobinProxy,
  type RoundRobinProxy,
} from '../src/scale/round-robin-proxy';

/** An instance stand-in: answers /_health with 204, echoes everything else with its name. */
async function instance(name: string): Promise<{ url: string; server: http.Server }> {
  const server = http.createServer((request, response) => {
    if (request.url === '/_health') return void response.writeHead(204).end();
    if (request.url === '/slow') return; // never answers
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(
        JSON.stringify({
          name,
          forwardedFor: request.headers['x-forwarded-for'],
          body: Buffer.concat(chunks).toString(),
        }),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

const servers: http.Server[] = [];
let proxy: RoundRobinProxy | undefined;
afterEach(async () => {
  await proxy?.close();
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

const echo = async (url: string, init?: RequestInit) =>
  (await (await fetch(url, init)).json()) as { name: string; forwardedFor: string; body: string };

describe('the round-robin proxy of npm run start:scale', () => {
  it('takes turns, skipping an upstream that is down', () => {
    const turn = new RoundRobin(3);
    expect([turn.pick(), turn.pick(), turn.pick(), turn.pick()]).toEqual([0, 1, 2, 0]);
    turn.setHealthy(1, false);
    expect([turn.pick(), turn.pick(), turn.pick()]).toEqual([2, 0, 2]);
    turn.setHealthy(0, false);
    turn.setHealthy(2, false);
    expect(turn.pick()).toBe(-1);
  });

  it('adds the client to X-Forwarded-For and drops hop-by-hop headers', () => {
    expect(
      forwardedHeaders(
        { 'x-forwarded-for': '198.51.100.7', connection: 'keep-alive', accept: 'text/html' },
        '127.0.0.1',
      ),
    ).toEqual({ 'x-forwarded-for': '198.51.100.7, 127.0.0.1', accept: 'text/html' });
  });

  it('spreads requests over the instances, passes bodies, and goes around one that stops', async () => {
    const [a, b] = [await instance('a'), await instance('b')];
    servers.push(a.server, b.server);
    proxy = await startRoundRobinProxy(
      { upstreams: [a.url, b.url], healthEveryMs: 100 },
      { host: '127.0.0.1', port: 0 },
    );
    const names = [];
    for (let n = 0; n < 4; n++) names.push((await echo(`${proxy.url}/api/x`)).name);
    expect(names).toEqual(['a', 'b', 'a', 'b']);
    const posted = await echo(`${proxy.url}/api/x`, {
      method: 'POST',
      body: 'x'.repeat(100_000),
      headers: { 'x-forwarded-for': '198.51.100.7' },
    });
    expect(posted.body).toHaveLength(100_000);
    expect(posted.forwardedFor).toBe('198.51.100.7, 127.0.0.1');

    b.server.closeAllConnections();
    await new Promise((resolve) => b.server.close(resolve));
    await new Promise((resolve) => setTimeout(resolve, 300));
    const after = [];
    for (let n = 0; n < 3; n++) after.push((await echo(`${proxy.url}/api/x`)).name);
    expect(after).toEqual(['a', 'a', 'a']);

    a.server.closeAllConnections();
    await new Promise((resolve) => a.server.close(resolve));
    await new Promise((resolve) => setTimeout(resolve, 300));
    const none = await fetch(`${proxy.url}/api/x`);
    expect(none.status).toBe(503);
    expect(await none.text()).toContain('niet bereikbaar');
  });

  it('keeps an instance in turn when a client gives up on a slow answer', async () => {
    const [a, b] = [await instance('a'), await instance('b')];
    servers.push(a.server, b.server);
    const lines: string[] = [];
    proxy = await startRoundRobinProxy(
      { upstreams: [a.url, b.url], healthEveryMs: 60_000, log: (line) => lines.push(line) },
      { host: '127.0.0.1', port: 0 },
    );
    await expect(
      fetch(`${proxy.url}/slow`, { signal: AbortSignal.timeout(200) }),
    ).rejects.toThrow();
    await new Promise((resolve) => setTimeout(resolve, 100));
    const names = [];
    for (let n = 0; n < 2; n++) names.push((await echo(`${proxy.url}/api/x`)).name);
    expect(names.sort()).toEqual(['a', 'b']);
    expect(lines).toEqual([]);
  });
});
