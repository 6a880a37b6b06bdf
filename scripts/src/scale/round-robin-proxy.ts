/**
 * A small round-robin HTTP proxy: each request goes to the next CMS instance that answers its
 * health check. It stands in for the load balancer of a hosting platform (`npm run start:scale`
 * and the scale tests); in production that is the platform's own (nginx, HAProxy, a cloud load
 * balancer). Bodies are streamed both ways, so large uploads pass without being held in memory.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** Options of the proxy. */
export interface RoundRobinOptions {
  /** Base URLs of the instances, e.g. http://127.0.0.1:1338. */
  upstreams: readonly string[];
  /** Path each instance answers with a 2xx when it can take requests. */
  healthPath?: string;
  /** How often the instances are checked. */
  healthEveryMs?: number;
  /** How long an instance may take to start its answer (default 120 s). */
  upstreamTimeoutMs?: number;
  log?: (line: string) => void;
}

/** A running proxy. */
export interface RoundRobinProxy {
  url: string;
  /** How many requests each upstream got, in the order of `upstreams`. */
  counts: () => number[];
  close: () => Promise<void>;
}

/** Headers that belong to one connection and are never passed on (RFC 9110, 7.6.1). */
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'transfer-encoding',
  'te',
  'trailer',
  'upgrade',
]);

/** The request's headers for the upstream: hop-by-hop ones dropped, the client address added. */
export function forwardedHeaders(
  headers: http.IncomingHttpHeaders,
  clientAddress: string,
): http.OutgoingHttpHeaders {
  const result: http.OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(headers)) {
    if (!HOP_BY_HOP.has(name) && value !== undefined) result[name] = value;
  }
  const earlier = headers['x-forwarded-for'];
  result['x-forwarded-for'] = earlier ? `${String(earlier)}, ${clientAddress}` : clientAddress;
  // Bodies are passed on as they come: chunked stays chunked, a length stays a length.
  if (headers['transfer-encoding'] && headers['content-length'] === undefined) {
    result['transfer-encoding'] = 'chunked';
  }
  return result;
}

/** Picks upstreams in turn, skipping those whose last health check failed. */
export class RoundRobin {
  private next = 0;
  private readonly healthy: boolean[];

  constructor(private readonly size: number) {
    this.healthy = Array.from({ length: size }, () => true);
  }

  /** Marks an upstream as able (or not) to take requests. */
  setHealthy(index: number, healthy: boolean): void {
    this.healthy[index] = healthy;
  }

  /** The index of the next healthy upstream, or -1 when none is. */
  pick(): number {
    for (let tried = 0; tried < this.size; tried++) {
      const index = this.next;
      this.next = (this.next + 1) % this.size;
      if (this.healthy[index]) return index;
    }
    return -1;
  }
}

/** Starts the proxy on `host:port` (port 0: a free one). */
export async function startRoundRobinProxy(
  options: RoundRobinOptions,
  listen: { host: string; port: number },
): Promise<RoundRobinProxy> {
  const upstreams = options.upstreams.map((base) => new URL(base));
  const log = options.log ?? (() => undefined);
  const turn = new RoundRobin(upstreams.length);
  const counts = upstreams.map(() => 0);
  const agent = new http.Agent({ keepAlive: true });

  const server = http.createServer((request, response) => {
    const index = turn.pick();
    const upstream = upstreams[index];
    if (!upstream) {
      response.writeHead(503, { 'content-type': 'text/plain; charset=utf-8', 'retry-after': '5' });
      response.end(
        'Het CMS is even niet bereikbaar. Probeer het over een paar seconden opnieuw.\n',
      );
      return;
    }
    counts[index] = (counts[index] ?? 0) + 1;
    let clientGone = false;
    const outgoing = http.request(
      {
        host: upstream.hostname,
        port: upstream.port,
        method: request.method,
        path: request.url,
        headers: forwardedHeaders(request.headers, request.socket.remoteAddress ?? ''),
        agent,
        // An instance that accepts but never answers: the request fails, the others go on.
        timeout: options.upstreamTimeoutMs ?? 120_000,
      },
      (answer) => {
        const headers = Object.fromEntries(
          Object.entries(answer.headers).filter(([name]) => !HOP_BY_HOP.has(name)),
        );
        response.writeHead(answer.statusCode ?? 502, headers);
        // An instance that stops half-way through its answer: the client's answer is cut off too.
        answer.on('error', () => response.destroy());
        answer.on('aborted', () => response.destroy());
        answer.pipe(response);
      },
    );
    outgoing.on('timeout', () => outgoing.destroy(new Error('no answer in time')));
    outgoing.on('error', (error: NodeJS.ErrnoException) => {
      if (clientGone) return; // the client went away: nothing is wrong with the instance
      log(`${request.method} ${request.url} to ${upstream.host} failed: ${error.message}`);
      // Only an instance that cannot be reached is taken out until its next health check.
      if (error.code === 'ECONNREFUSED' || error.code === 'ECONNRESET') {
        turn.setHealthy(index, false);
      }
      if (!response.headersSent) {
        response.writeHead(502, { 'content-type': 'text/plain; charset=utf-8' });
        response.end('Het CMS gaf geen antwoord. Probeer het opnieuw.\n');
      } else response.destroy();
    });
    // The client went away (before or during the answer): stop the upstream request too.
    response.on('close', () => {
      if (!response.writableFinished) {
        clientGone = true;
        outgoing.destroy();
      }
    });
    request.pipe(outgoing);
  });
  // A slow or broken client affects only its own request.
  server.on('clientError', (_error, socket) => socket.destroy());

  const healthPath = options.healthPath ?? '/_health';
  const check = async () => {
    await Promise.all(
      upstreams.map(async (upstream, index) => {
        try {
          const answer = await fetch(new URL(healthPath, upstream), {
            signal: AbortSignal.timeout(2000),
          });
          turn.setHealthy(index, answer.ok);
        } catch {
          turn.setHealthy(index, false);
        }
      }),
    );
  };
  await check();
  const timer = setInterval(() => void check(), options.healthEveryMs ?? 1000);
  timer.unref();

  await new Promise<void>((resolve) => server.listen(listen.port, listen.host, resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${listen.host}:${port}`,
    counts: () => [...counts],
    close: async () => {
      clearInterval(timer);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      agent.destroy();
    },
  };
}
