import replyFrom from '@fastify/reply-from';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { IncomingHttpHeaders } from 'node:http';
import { NEWSLETTER_API_PATH, SUBMISSION_MAX_BODY_BYTES, SUBMISSIONS_API_PATH } from '@hub/shared';
import { answerError, type ErrorBody } from '../../../site/scripts/http/hub-server';

/** The CMS's submission and newsletter endpoints, the only paths passed on. */
const ENDPOINTS = [
  ...['token', 'good-practices', 'events'].map((name) => `${SUBMISSIONS_API_PATH}${name}`),
  ...['token', 'subscribe', 'confirm', 'unsubscribe', 'manage'].map(
    (name) => `${NEWSLETTER_API_PATH}${name}`,
  ),
];
/**
 * The newsletter's links from a mail: they carry their signed token in the query, the only
 * query passed on (as `token=...`, once); every other path goes without one.
 */
const WITH_LINK_TOKEN = ['confirm', 'unsubscribe', 'manage'].map(
  (name) => `${NEWSLETTER_API_PATH}${name}`,
);

/** The query passed on for a path: the link's token, or nothing. */
function passedQuery(path: string, query: unknown): string {
  if (!WITH_LINK_TOKEN.includes(path)) return '';
  const token = (query as Record<string, unknown> | undefined)?.token;
  return typeof token === 'string' ? new URLSearchParams({ token }).toString() : '';
}
/** Request headers the CMS needs to read a submission and check where it came from. */
const FORWARDED_REQUEST = ['content-type', 'accept', 'origin', 'sec-fetch-site'];
/** Response headers of the CMS that the browser needs. */
const FORWARDED_RESPONSE = ['content-type', 'content-length', 'retry-after', 'cache-control'];
/**
 * Bodies up to twice the CMS's own limit are read and passed on, so the CMS answers a form that is
 * somewhat too large with its own Dutch page; anything larger stops here with a 413.
 */
export const PROXY_BODY_LIMIT = 2 * SUBMISSION_MAX_BODY_BYTES;

const UNAVAILABLE = 'Het formulier kan nu niet worden verstuurd. Probeer het later nog eens.';

function pick(headers: IncomingHttpHeaders, names: readonly string[]): IncomingHttpHeaders {
  const picked: IncomingHttpHeaders = {};
  for (const name of names) if (headers[name] !== undefined) picked[name] = headers[name];
  return picked;
}

/** A redirect the CMS gives is passed on only as a path on this origin (`/bedankt/`). */
const isSameOriginPath = (location: unknown): location is string =>
  typeof location === 'string' && /^\/(?![/\\])[\x21-\x7e]*$/.test(location);

/**
 * Passes the site's form posts and token requests, and the newsletter's sign-up and links, on to
 * the CMS (`upstream`), so the forms post to their own origin: the Content-Security-Policy stays
 * 'self' and nothing reaches another origin. Only the listed endpoints are passed, without any
 * query but a newsletter link's token; the body is read whole first
 * (up to PROXY_BODY_LIMIT, counted as it arrives, chunked or not). The client's address is
 * appended to X-Forwarded-For: the CMS believes it only from a trusted proxy
 * (SUBMISSION_TRUSTED_PROXIES) and takes the last address, the one this server saw.
 */
export async function registerSubmissionsProxy(
  app: FastifyInstance,
  upstream: string,
  errorBody: (status: number) => ErrorBody,
): Promise<void> {
  await app.register(async (scope) => {
    await scope.register(replyFrom, {
      base: upstream,
      undici: { headersTimeout: 15_000, bodyTimeout: 15_000 },
      // A CMS that is restarting answers 503: a token request is tried once more, then the
      // visitor is told (0 would mean reply-from's default of 10).
      maxRetriesOn503: 1,
    });
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser(
      '*',
      { parseAs: 'buffer', bodyLimit: PROXY_BODY_LIMIT },
      (_request, body, done) => done(null, body),
    );
    const unavailable = (reply: FastifyReply) => {
      if (reply.sent) return;
      answerError(reply, 502, () => ({ ...errorBody(502), body: UNAVAILABLE }));
    };
    const handler = (request: FastifyRequest, reply: FastifyReply) => {
      const path = (request.raw.url ?? '').split('?')[0] ?? '';
      if (!ENDPOINTS.includes(path)) return answerError(reply, 404, errorBody);
      // The body goes on as the bytes that came in. Left to reply-from, a body sent as
      // application/json is always run through JSON.stringify, which turns a Buffer into
      // {"type":"Buffer","data":[...]}: the CMS then found no fields and no token in it.
      const body = Buffer.isBuffer(request.body) ? request.body : undefined;
      return reply.from(path, {
        ...(body && {
          body,
          contentType: request.headers['content-type'] ?? 'application/octet-stream',
        }),
        queryString: () => passedQuery(path, request.query),
        rewriteRequestHeaders: (incoming, headers) => {
          const client = incoming.raw.socket.remoteAddress ?? '';
          const earlier = headers['x-forwarded-for'];
          return {
            ...pick(headers, FORWARDED_REQUEST),
            'x-forwarded-for': earlier ? `${String(earlier)}, ${client}` : client,
          };
        },
        rewriteHeaders: (headers) => ({
          ...pick(headers as IncomingHttpHeaders, FORWARDED_RESPONSE),
          ...(isSameOriginPath(headers.location) ? { location: headers.location } : {}),
        }),
        // Typed for HTTP/2 servers too; this one is HTTP/1.1.
        onError: (errorReply) => unavailable(errorReply as FastifyReply),
      });
    };
    for (const base of [SUBMISSIONS_API_PATH, NEWSLETTER_API_PATH])
      scope.route({ method: ['GET', 'POST'], url: `${base}*`, handler });
  });
}
