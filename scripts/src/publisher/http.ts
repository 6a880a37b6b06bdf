import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  answerError,
  createHubServer,
  jsonErrors,
  type ServerLog,
} from '../../../site/scripts/http/hub-server';
import { secretMatches } from '../../../site/scripts/http/secret-matches';
import type { Publisher } from './publisher';

/** Header the CMS webhook sends the shared secret in. */
export const SECRET_HEADER = 'x-hub-publisher-secret';

/** The publisher's API is read by programs only: nothing may frame, sniff or keep it. */
const API_HEADERS = {
  'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Cache-Control': 'no-store',
};

/**
 * Whether the publisher listens on this machine only (PUBLISHER_HOST unset, 127.0.0.1, ::1 or
 * localhost): then whoever reaches it runs here, and may read its metrics without the secret.
 */
export function isLoopbackHost(host: string | undefined): boolean {
  const name = (host ?? '')
    .trim()
    .toLowerCase()
    .replace(/^\[(.*)\]$/, '$1');
  return name === '' || name === 'localhost' || name === '::1' || /^127(\.\d{1,3}){3}$/.test(name);
}

/**
 * The secret a request carries: in our header (the CMS), or as `Authorization: Bearer` (how
 * Prometheus sends a credential); undefined when it carries none.
 */
export function sentSecret(request: FastifyRequest): string | undefined {
  const header = request.headers[SECRET_HEADER];
  if (typeof header === 'string') return header;
  const bearer = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '');
  return bearer?.[1];
}

/**
 * The publisher's HTTP face: POST /webhook (the CMS), POST /build and POST /rollback (operators),
 * all with the shared secret, checked before the body is read; GET /status (the CMS's admin)
 * and GET /metrics (Prometheus) with the secret, or without it while the publisher listens on
 * this machine only.
 * @param bindHost the host the server listens on (PUBLISHER_HOST), which decides whether
 *   /status and /metrics need the secret
 * @param metricsToken METRICS_TOKEN: accepted for /metrics besides the secret
 */
export function createPublisherServer(
  publisher: Publisher,
  secret: string,
  log?: ServerLog,
  bindHost = '127.0.0.1',
  metricsToken?: string,
): FastifyInstance {
  const app = createHubServer({ headers: API_HEADERS, errorBody: jsonErrors, log });
  // The webhook's payload is not needed (every notice leads to a full check of the CMS): it is
  // read and dropped, whatever its type or size, so a large entry never fails the webhook.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', (_request, payload, done) => {
    payload.on('error', done);
    payload.on('end', () => done(null, undefined));
    payload.resume();
  });

  // Build times, failures and counts are no secret on this machine; on a network they tell an
  // outsider when the site changes and how the server is doing, so there they need the secret.
  // A wrong secret is said at once: the CMS that sends it would fail on its webhooks too.
  const readOpen = isLoopbackHost(bindHost);
  const mayRead = (request: FastifyRequest, alsoAccepted?: string) => {
    const given = sentSecret(request);
    if (given === undefined) return readOpen;
    return (
      secretMatches(given, secret) || (alsoAccepted ? secretMatches(given, alsoAccepted) : false)
    );
  };
  app.get('/status', async (request, reply) => {
    if (!mayRead(request)) return answerError(reply, 401, jsonErrors);
    return publisher.status();
  });
  // A scraper may get a token of its own (METRICS_TOKEN) that cannot build or roll back.
  app.get('/metrics', async (request, reply) => {
    if (!mayRead(request, metricsToken)) return answerError(reply, 401, jsonErrors);
    const text = await publisher.metrics.metrics();
    return reply.header('Content-Type', publisher.metrics.contentType).send(text);
  });

  app.register(async (guarded) => {
    guarded.addHook('onRequest', async (request, reply) => {
      if (!secretMatches(request.headers[SECRET_HEADER], secret))
        return answerError(reply, 401, jsonErrors);
    });
    const queueBuild = (_request: unknown, reply: FastifyReply) => {
      publisher.queue.notify();
      return reply.code(202).send({ queued: true });
    };
    guarded.post('/webhook', queueBuild);
    guarded.post('/build', queueBuild);
    guarded.post('/rollback', async (_request, reply) => {
      try {
        return { live: await publisher.rollback() };
      } catch (error) {
        return reply
          .code(409)
          .send({ error: error instanceof Error ? error.message : String(error) });
      }
    });
  });
  return app;
}
