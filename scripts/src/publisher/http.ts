import type { FastifyInstance, FastifyReply } from 'fastify';
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
 * The publisher's HTTP face: POST /webhook (the CMS), POST /build and POST /rollback (operators),
 * all with the shared secret, checked before the body is read; GET /status for everyone who
 * can reach it (it listens on 127.0.0.1 by default).
 */
export function createPublisherServer(
  publisher: Publisher,
  secret: string,
  log?: ServerLog,
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

  app.get('/status', async () => publisher.status());

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
