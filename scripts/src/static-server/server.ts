import fs from 'node:fs/promises';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { mayBeFramedByAnySite, securityHeaders } from '../../../site/scripts/http/http-headers';
import {
  answerError,
  createHubServer,
  dutchPageErrors,
  type ServerLog,
} from '../../../site/scripts/http/hub-server';
import { parseSitePath } from '../../../site/scripts/http/site-path';
import {
  findSiteFile,
  registerFileSending,
  sendSiteFile,
} from '../../../site/scripts/http/static-files';
import { registerSubmissionsProxy } from './submissions-proxy';

/** Options of the static server. */
export interface StaticServerOptions {
  /** Folder to serve; may be a symbolic link that is switched while serving (the live site). */
  root: string;
  /**
   * Origin of the CMS, the only one allowed to frame the site (preview); the agendas below
   * /insluiten/ may be framed by any site.
   */
  cmsOrigin?: string;
  /** Base URL of the CMS the site's forms submit to (through this server); none: no forms. */
  submissionsUpstream?: string;
  /** Where log lines go (errors to stderr by default). */
  log?: ServerLog;
  /** A log line per request. */
  logRequests?: boolean;
}

/**
 * The public site's web server, on Fastify: serves the live build with the right content types,
 * caching and security headers, sends the exporter's compressed variants, answers unknown paths
 * with the site's own 404 page and passes the forms on to the CMS. The live folder is resolved
 * once per request, so a switch to a new build never mixes two builds in one answer. A request it
 * cannot read gets 400, a path it does not have 404; no request can stop it.
 */
export async function createStaticServer(options: StaticServerOptions): Promise<FastifyInstance> {
  const app = createHubServer({
    headers: securityHeaders(options.cmsOrigin),
    errorBody: dutchPageErrors,
    log: options.log,
    logRequests: options.logRequests,
    // Every path is a route for GET and HEAD: what is left are other methods.
    unknownRoute: { status: 405, headers: { Allow: 'GET, HEAD' } },
  });
  const framedByAnySite = securityHeaders(options.cmsOrigin, { framedByAnySite: true });
  await registerFileSending(app);
  if (options.submissionsUpstream)
    await registerSubmissionsProxy(app, options.submissionsUpstream, dutchPageErrors);

  const serve = async (request: FastifyRequest, reply: FastifyReply) => {
    const sitePath = parseSitePath(request.raw.url ?? '');
    if (!sitePath.ok) return answerError(reply, sitePath.status, dutchPageErrors);
    let root: string;
    try {
      root = await fs.realpath(options.root);
    } catch {
      // No build is live yet.
      return answerError(reply.header('Retry-After', '10'), 503, dutchPageErrors);
    }
    const found = await findSiteFile(root, sitePath);
    if (found && 'redirect' in found) return reply.redirect(found.redirect, 301);
    if (found) {
      if (mayBeFramedByAnySite(found.relative)) reply.headers(framedByAnySite);
      return sendSiteFile(request, reply, root, found);
    }
    const notFoundPage = await findSiteFile(root, {
      segments: ['404.html'],
      trailingSlash: false,
      query: '',
    });
    if (notFoundPage && !('redirect' in notFoundPage))
      return sendSiteFile(request, reply, root, notFoundPage, {
        status: 404,
        cacheControl: 'no-cache',
      });
    return answerError(reply, 404, dutchPageErrors);
  };
  app.route({ method: ['GET', 'HEAD'], url: '*', handler: serve });
  return app;
}
