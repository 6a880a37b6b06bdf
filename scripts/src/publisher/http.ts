import http from 'node:http';
import { secretMatches } from '../../../site/scripts/secret-matches';
import type { Publisher } from './publisher';

/** Header the CMS webhook sends the shared secret in. */
export const SECRET_HEADER = 'x-hub-publisher-secret';

function send(response: http.ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
  });
  response.end(JSON.stringify(body));
}

/**
 * The publisher's HTTP face: POST /webhook (the CMS), POST /build and POST /rollback (operators),
 * all with the shared secret; GET /status for everyone who runs it.
 */
export function createPublisherServer(publisher: Publisher, secret: string): http.Server {
  return http.createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://publisher');
    // Drain the body (the webhook payload is not needed: every change triggers a full check).
    request.resume();
    void (async () => {
      if (request.method === 'GET' && url.pathname === '/status')
        return send(response, 200, await publisher.status());
      const route = `${request.method} ${url.pathname}`;
      if (!['POST /webhook', 'POST /build', 'POST /rollback'].includes(route))
        return send(response, 404, { error: 'Not found' });
      if (!secretMatches(request.headers[SECRET_HEADER], secret))
        return send(response, 401, { error: 'Wrong or missing secret' });
      if (route === 'POST /rollback') {
        try {
          return send(response, 200, { live: await publisher.rollback() });
        } catch (error) {
          return send(response, 409, {
            error: error instanceof Error ? error.message : String(error),
          });
        }
      }
      publisher.queue.notify();
      return send(response, 202, { queued: true });
    })().catch((error: unknown) => send(response, 500, { error: String(error) }));
  });
}
