import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { pipeline } from 'node:stream';
import zlib from 'node:zlib';
import {
  cacheControlFor,
  contentTypeFor,
  isCompressible,
  securityHeaders,
} from '../../../site/scripts/http-headers';
import { SUBMISSIONS_API_PATH } from '@hub/shared';
import { forwardSubmission } from './submissions-proxy';

/** Options of the static server. */
export interface StaticServerOptions {
  /** Folder to serve; may be a symbolic link that is switched while serving (the live site). */
  root: string;
  /** Origin of the CMS, the only one allowed to frame the site (preview). */
  cmsOrigin?: string;
  /** Base URL of the CMS the site's forms submit to (through this server); none: no forms. */
  submissionsUpstream?: string;
}

type Found = { file: string; status: number } | { redirect: string } | null;

/** Maps a URL path to a file under `root` (resolved once per request), or a redirect. */
function locate(root: string, urlPath: string): Found {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const target = path.resolve(root, `.${decoded}`);
  if (target !== root && !target.startsWith(`${root}${path.sep}`)) return null;
  const stat = fs.statSync(target, { throwIfNoEntry: false });
  if (stat?.isDirectory()) {
    if (!decoded.endsWith('/')) return { redirect: `${urlPath}/` };
    const index = path.join(target, 'index.html');
    return fs.existsSync(index) ? { file: index, status: 200 } : null;
  }
  return stat?.isFile() ? { file: target, status: 200 } : null;
}

/**
 * A small static file server for the built site: right content types, caching and security
 * headers, gzip/brotli compression and the site's own 404 page. Each request resolves the live
 * folder once, so a switch to a new build never mixes two builds in one answer.
 */
export function createStaticServer(options: StaticServerOptions): http.Server {
  const headers = securityHeaders(options.cmsOrigin);
  return http.createServer((request, response) => {
    // Resolved once (dots too, also encoded): what is served and what is passed on.
    const url = new URL(request.url ?? '/', 'http://site');
    const urlPath = url.pathname;
    if (options.submissionsUpstream && urlPath.startsWith(SUBMISSIONS_API_PATH)) {
      forwardSubmission(options.submissionsUpstream, url, request, response, headers);
      return;
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { Allow: 'GET, HEAD', ...headers }).end();
      return;
    }
    let root: string;
    try {
      root = fs.realpathSync(options.root);
    } catch {
      response.writeHead(503, {
        'Content-Type': 'text/plain; charset=utf-8',
        'Retry-After': '10',
        ...headers,
      });
      response.end('De site wordt gebouwd. Probeer het over een paar seconden opnieuw.');
      return;
    }
    let found = locate(root, urlPath);
    if (found && 'redirect' in found) {
      response.writeHead(301, { Location: found.redirect, ...headers }).end();
      return;
    }
    if (!found) {
      const notFound = path.join(root, '404.html');
      found = fs.existsSync(notFound) ? { file: notFound, status: 404 } : null;
      if (!found) {
        response
          .writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', ...headers })
          .end('Niet gevonden');
        return;
      }
    }
    const contentType = contentTypeFor(found.file);
    const accepted = String(request.headers['accept-encoding'] ?? '');
    const encoding = !isCompressible(contentType)
      ? null
      : /\bbr\b/.test(accepted)
        ? 'br'
        : /\bgzip\b/.test(accepted)
          ? 'gzip'
          : null;
    response.writeHead(found.status, {
      'Content-Type': contentType,
      'Cache-Control': found.status === 404 ? 'no-cache' : cacheControlFor(urlPath, contentType),
      Vary: 'Accept-Encoding',
      ...(encoding
        ? { 'Content-Encoding': encoding }
        : { 'Content-Length': fs.statSync(found.file).size }),
      ...headers,
    });
    if (request.method === 'HEAD') {
      response.end();
      return;
    }
    const source = fs.createReadStream(found.file);
    const compressor =
      encoding === 'br'
        ? zlib.createBrotliCompress()
        : encoding === 'gzip'
          ? zlib.createGzip()
          : null;
    const done = () => undefined; // a client that hangs up is not an error worth logging
    if (compressor) pipeline(source, compressor, response, done);
    else pipeline(source, response, done);
  });
}
