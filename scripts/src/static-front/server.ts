import type { Readable } from 'node:stream';
import {
  GetObjectCommand,
  HeadObjectCommand,
  type GetObjectCommandOutput,
  type HeadObjectCommandOutput,
  type S3Client,
} from '@aws-sdk/client-s3';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { S3Settings } from '@hub/shared';
import {
  cacheControlFor,
  contentTypeFor,
  isPrecompressed,
  mayBeFramedByAnySite,
  securityHeaders,
} from '../../../site/scripts/http/http-headers';
import {
  answerError,
  createHubServer,
  dutchPageErrors,
  loggedPath,
  type ErrorBody,
  type ServerLog,
} from '../../../site/scripts/http/hub-server';
import { folderLocation, parseSitePath } from '../../../site/scripts/http/site-path';
import { accepts, VARIANTS } from '../../../site/scripts/http/static-files';
import { createS3Client, describeS3Error, s3Status } from '../publisher/s3-client';
import { identityKey } from '../publisher/site-bucket-plan';
import { registerSubmissionsProxy } from '../static-server/submissions-proxy';

/** Options of the static front. */
export interface StaticFrontOptions {
  /** The site bucket (PUBLISH_S3_*): where the publisher uploads the site. */
  settings: S3Settings;
  /**
   * Origin of the CMS, the only one allowed to frame the site (preview); the agendas below
   * /insluiten/ may be framed by any site.
   */
  cmsOrigin?: string;
  /** Base URL of the CMS the site's forms submit to (through this server); none: no forms. */
  submissionsUpstream?: string;
  log?: ServerLog;
  logRequests?: boolean;
  /** The client to read the bucket with (default: one made from `settings`). */
  client?: S3Client;
}

/** Whether an If-None-Match header names this ETag (or is `*`); weak tags compare equal. */
function matchesEtag(ifNoneMatch: string | undefined, etag: string | undefined): boolean {
  if (!ifNoneMatch || !etag) return false;
  const bare = (tag: string) => tag.trim().replace(/^W\//, '');
  return ifNoneMatch.split(',').some((tag) => tag.trim() === '*' || bare(tag) === bare(etag));
}

/** The readers' page when the bucket cannot be read: short Dutch sentences. */
function frontErrors(status: number): ErrorBody {
  if (status === 502) {
    return {
      ...dutchPageErrors(502),
      body: dutchPageErrors(502).body.replaceAll(
        'Er ging iets mis. Probeer het later nog eens.',
        'De site is nu niet bereikbaar. Probeer het later nog eens.',
      ),
    };
  }
  return dutchPageErrors(status);
}

type Found =
  | { kind: 'object'; output: GetObjectCommandOutput | HeadObjectCommandOutput }
  | { kind: 'not-modified'; etag?: string }
  | null;

/**
 * A static front for the site bucket: what a CDN does in production, for `npm run start:scale`
 * and tests. It answers like the static server (scripts/src/static-server): the same paths lead
 * to the same files (a folder to its index.html, `/x` to `/x/` when that is a folder, unknown
 * paths to the site's 404 page with status 404), the compressed variant the browser accepts,
 * the headers the publisher stored with each object (content type, caching), ETag and 304, HEAD,
 * 405 for other methods and 400 for paths that cannot be the site's; the forms go to the CMS.
 * When the bucket cannot be read, readers get a Dutch page (503 when the storage does not
 * answer, 502 when it answers with an error); no request can stop the server.
 */
export async function createStaticFront(options: StaticFrontOptions): Promise<FastifyInstance> {
  const log = options.log ?? { info: () => undefined, error: (line) => console.error(line) };
  const bucket = options.settings.bucket;
  // A reader waits for one quick retry at most: a front that cannot reach the bucket says so.
  const client =
    options.client ??
    createS3Client(options.settings, {
      maxAttempts: 2,
      connectionTimeoutMs: 2_000,
      requestTimeoutMs: 15_000,
    });
  const app = createHubServer({
    headers: securityHeaders(options.cmsOrigin),
    errorBody: frontErrors,
    log,
    logRequests: options.logRequests,
    unknownRoute: { status: 405, headers: { Allow: 'GET, HEAD' } },
  });
  const framedByAnySite = securityHeaders(options.cmsOrigin, { framedByAnySite: true });
  if (!options.client) app.addHook('onClose', async () => client.destroy());
  if (options.submissionsUpstream)
    await registerSubmissionsProxy(app, options.submissionsUpstream, frontErrors);

  /** Reads one object (HEAD: only its headers); null when the bucket has no such key. */
  const read = async (key: string, method: string, ifNoneMatch?: string): Promise<Found> => {
    const input = {
      Bucket: bucket,
      Key: key,
      ...(ifNoneMatch ? { IfNoneMatch: ifNoneMatch } : {}),
    };
    try {
      const output = await client.send(
        method === 'HEAD' ? new HeadObjectCommand(input) : new GetObjectCommand(input),
      );
      return { kind: 'object', output };
    } catch (error) {
      const status = s3Status(error);
      // A missing bucket is a broken set-up, not a missing page (GET says which; HEAD cannot).
      if (status === 404 && (error as Error).name !== 'NoSuchBucket') return null;
      if (status === 304) return { kind: 'not-modified' };
      throw error;
    }
  };

  /**
   * Sends the object at `key`, or its compressed variant when the browser accepts one and the
   * publisher uploaded it. Returns null when the key is not in the bucket. `status` 404 sends
   * the site's not-found page: never a 304, no validators.
   */
  const sendObject = async (
    request: FastifyRequest,
    reply: FastifyReply,
    key: string,
    options: { status?: number; cacheControl?: string } = {},
  ): Promise<FastifyReply | null> => {
    const notFound = options.status === 404;
    const ifNoneMatch = notFound ? undefined : request.headers['if-none-match'];
    let found: Found = null;
    let encoding: string | undefined;
    if (isPrecompressed(key)) {
      reply.header('Vary', 'Accept-Encoding');
      for (const variant of VARIANTS) {
        if (!accepts(request, variant.encoding)) continue;
        found = await read(`${key}${variant.extension}`, request.method, ifNoneMatch);
        if (found) {
          encoding = variant.encoding;
          break;
        }
      }
    }
    found ??= await read(key, request.method, ifNoneMatch);
    if (!found) return null;
    // The bucket stores no security headers (a CDN adds them, see the README): this front does,
    // on a 304 too (a browser keeps the headers of the 304 with the page it has).
    if (!notFound && mayBeFramedByAnySite(key)) reply.headers(framedByAnySite);

    const contentType = contentTypeFor(key);
    const cacheControl = options.cacheControl ?? cacheControlFor(key, contentType);
    if (found.kind === 'not-modified') {
      // The storage said the browser's one tag still matches: that tag is the current ETag.
      const tag = typeof ifNoneMatch === 'string' ? ifNoneMatch.trim() : '';
      if (tag && tag !== '*' && !tag.includes(',')) reply.header('ETag', tag);
      return reply.code(304).header('Cache-Control', cacheControl).send();
    }
    const { output } = found;
    const body = 'Body' in output ? (output.Body as Readable | undefined) : undefined;
    // Storage that ignores If-None-Match is answered for: the same 304, the body left unread.
    if (matchesEtag(ifNoneMatch, output.ETag)) {
      body?.destroy();
      return reply
        .code(304)
        .header('ETag', output.ETag)
        .header('Cache-Control', cacheControl)
        .send();
    }
    reply
      .code(options.status ?? 200)
      // What the publisher stored; what the static server would send when an object lacks it.
      .header('Content-Type', output.ContentType ?? contentType)
      .header('Cache-Control', options.cacheControl ?? output.CacheControl ?? cacheControl);
    if (encoding) reply.header('Content-Encoding', encoding);
    if (output.ContentLength !== undefined) reply.header('Content-Length', output.ContentLength);
    if (!notFound && output.ETag) reply.header('ETag', output.ETag);
    if (!notFound && output.LastModified)
      reply.header('Last-Modified', output.LastModified.toUTCString());
    return body ? reply.send(body) : reply.send();
  };

  const serve = async (request: FastifyRequest, reply: FastifyReply) => {
    const sitePath = parseSitePath(request.raw.url ?? '');
    if (!sitePath.ok) return answerError(reply, sitePath.status, frontErrors);
    const path = sitePath.segments.join('/');
    try {
      // Compressed variants are served under their file's address only, as the browser accepts.
      if (identityKey(path) === path) {
        const key = sitePath.trailingSlash ? (path ? `${path}/index.html` : 'index.html') : path;
        const sent = await sendObject(request, reply, key);
        if (sent) return sent;
        if (!sitePath.trailingSlash && (await read(`${path}/index.html`, 'HEAD')))
          return reply.redirect(folderLocation(sitePath.segments, sitePath.query), 301);
      }
      const notFoundPage = await sendObject(request, reply, '404.html', {
        status: 404,
        cacheControl: 'no-cache',
      });
      return notFoundPage ?? answerError(reply, 404, frontErrors);
    } catch (error) {
      const answered = s3Status(error) !== undefined;
      log.error(
        `${request.method} ${loggedPath(request)}: the site bucket ${bucket} could not be ` +
          `read: ${describeS3Error(error)}`,
      );
      reply.removeHeader('Vary');
      if (answered) return answerError(reply, 502, frontErrors);
      return answerError(reply.header('Retry-After', '10'), 503, frontErrors);
    }
  };
  app.route({ method: ['GET', 'HEAD'], url: '*', handler: serve });
  return app;
}
