/**
 * What the hub's own HTTP servers share (the public static server, the publisher's API and the
 * preview of drafts): one Fastify set-up with the same headers on every answer, errors answered
 * and logged instead of thrown, and a log line per request. Each server adds only its routes.
 */
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { MAX_TARGET_LENGTH } from './site-path';

/** Where a server's log lines go. */
export interface ServerLog {
  info: (line: string) => void;
  error: (line: string) => void;
}

/** The body of an error answer. */
export interface ErrorBody {
  contentType: string;
  body: string;
}

/** Options of a hub server. */
export interface HubServerOptions {
  /** Headers sent with every answer, errors included (security headers). */
  headers: Readonly<Record<string, string>>;
  /** The body of an error answer with this status (see dutchTextErrors and jsonErrors). */
  errorBody?: (status: number) => ErrorBody;
  /** Where log lines go; by default errors to stderr and nothing else. */
  log?: ServerLog;
  /** One line per request (method, path, status, milliseconds). Errors are logged always. */
  logRequests?: boolean;
  /** Largest request body parsed, in bytes (Fastify answers 413 above it). */
  bodyLimit?: number;
  /**
   * How a request that no route takes is answered: by default 404. (A server whose routes take
   * every path for GET answers the other methods here.)
   */
  unknownRoute?: { status: number; headers?: Record<string, string> };
}

/** What the site's visitors read when something went wrong: short Dutch sentences. */
const DUTCH_MESSAGES: Record<number, string> = {
  400: 'Dit adres klopt niet. Kijk of je het goed hebt overgenomen.',
  401: 'Je hebt hier geen toegang toe.',
  403: 'Je hebt hier geen toegang toe.',
  404: 'Deze pagina bestaat niet.',
  405: 'Dat kan op dit adres niet.',
  408: 'Het duurde te lang. Probeer het opnieuw.',
  413: 'Wat je stuurde is te groot. Ga terug en maak het korter.',
  415: 'Wat je stuurde, kunnen we niet lezen.',
  431: 'Je browser stuurde te veel gegevens mee.',
  503: 'De site is even niet bereikbaar. Probeer het over een paar seconden opnieuw.',
};

/** The Dutch sentence for an error status. */
export function dutchMessage(status: number): string {
  const fallback =
    status < 500
      ? 'Dit adres klopt niet. Kijk of je het goed hebt overgenomen.'
      : 'Er ging iets mis. Probeer het later nog eens.';
  return DUTCH_MESSAGES[status] ?? fallback;
}

/** Error answers for people, as plain text: one Dutch sentence. */
export function dutchTextErrors(status: number): ErrorBody {
  return { contentType: 'text/plain; charset=utf-8', body: dutchMessage(status) };
}

/** Error answers for people, as a small page in Dutch with a way back to the home page. */
export function dutchPageErrors(status: number): ErrorBody {
  const message = dutchMessage(status);
  return {
    contentType: 'text/html; charset=utf-8',
    body: `<!doctype html>
<html lang="nl">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${message}</title></head>
<body><main><h1>${message}</h1><p><a href="/">Naar de homepage</a></p></main></body>
</html>
`,
  };
}

/** Error answers for programs (the publisher's API): `{ "error": "..." }`. */
export function jsonErrors(status: number): ErrorBody {
  const words: Record<number, string> = {
    400: 'Bad request',
    401: 'Wrong or missing secret',
    404: 'Not found',
    405: 'Method not allowed',
    413: 'Body too large',
    415: 'Unsupported media type',
  };
  return {
    contentType: 'application/json; charset=utf-8',
    body: JSON.stringify({
      error: words[status] ?? (status < 500 ? 'Bad request' : 'Server error'),
    }),
  };
}

/** A request's path for a log line: no query (it may hold a secret), printable, not too long. */
export function loggedPath(request: FastifyRequest): string {
  const target = request.raw.url ?? '';
  const path = target.split('?')[0] ?? '';
  // A log line must not be split or recoloured by what a client wrote.
  const printable = path.replace(/[^\x20-\x7e]/g, '?');
  return printable.length > 200 ? `${printable.slice(0, 200)}...` : printable;
}

const defaultLog: ServerLog = { info: () => undefined, error: (line) => console.error(line) };

/**
 * Makes a Fastify server with what every hub server needs:
 * - `headers` on every answer (set first, so a route may still change one);
 * - errors inside a handler answered with their 4xx status or 500 (with `errorBody`) and logged
 *   with the request, never thrown out of the process; a broken URL, which the router cannot
 *   read, gets 400 the same way;
 * - unknown routes answered 404 with `errorBody`;
 * - time limits on slow clients, and one log line per request when asked.
 * Call `answerError` from a route for an error answer of its own.
 */
export function createHubServer(options: HubServerOptions): FastifyInstance {
  const errorBody = options.errorBody ?? dutchTextErrors;
  const log = options.log ?? defaultLog;
  // The headers are set here too: a broken URL is answered before any hook has run.
  const answer = (reply: FastifyReply, status: number) =>
    answerError(reply.headers(options.headers), status, errorBody);

  const app = Fastify({
    logger: false,
    bodyLimit: options.bodyLimit ?? 64 * 1024,
    // A client that sends its request slowly (or never finishes it) is cut off.
    requestTimeout: 30_000,
    connectionTimeout: 60_000,
    // Paths of the site can be long (slugs of 160 characters); longer targets get 400 anyway.
    routerOptions: { maxParamLength: MAX_TARGET_LENGTH },
    // Errors of the router itself (a URL it cannot decode) are answered like any other error.
    frameworkErrors: (error, request, reply) => {
      log.info(`${request.method} ${loggedPath(request)}: ${error.message}`);
      answer(reply, 400);
    },
  });

  app.addHook('onRequest', async (_request, reply) => {
    reply.headers(options.headers);
  });
  if (options.logRequests) {
    app.addHook('onResponse', async (request, reply) => {
      log.info(
        `${request.method} ${loggedPath(request)} ${reply.statusCode} ${reply.elapsedTime.toFixed(0)} ms`,
      );
    });
  }
  app.setErrorHandler((error: Error & { statusCode?: number }, request, reply) => {
    const status =
      error.statusCode && error.statusCode >= 400 && error.statusCode < 600
        ? error.statusCode
        : 500;
    if (status >= 500)
      log.error(`${request.method} ${loggedPath(request)} failed: ${error.stack ?? error.message}`);
    // Half an answer cannot be turned into an error any more: end it.
    if (reply.sent || reply.raw.headersSent) return void reply.raw.destroy();
    answer(reply, status);
  });
  const unknown = options.unknownRoute ?? { status: 404 };
  app.setNotFoundHandler((_request, reply) =>
    answer(reply.headers(unknown.headers ?? {}), unknown.status),
  );
  return app;
}

/** Answers with an error status, the server's headers still on, never stored by caches. */
export function answerError(
  reply: FastifyReply,
  status: number,
  errorBody: (status: number) => ErrorBody = dutchTextErrors,
): FastifyReply {
  const { contentType, body } = errorBody(status);
  return reply
    .code(status)
    .header('Content-Type', contentType)
    .header('Cache-Control', 'no-store')
    .send(body);
}
