/**
 * Finding and sending the site's files: for the public static server (the live build) and the
 * preview server (the compiled site's scripts and styles). Files are sent by @fastify/static
 * (through @fastify/send: ETag, Last-Modified, 304, ranges, HEAD); the headers come from the
 * file that was found, and a compressed variant written by the exporter is sent when the
 * browser accepts it. Nothing is compressed here.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { Negotiator } from '@fastify/accept-negotiator';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { cacheControlFor, contentTypeFor, isPrecompressed } from './http-headers';
import { folderLocation } from './site-path';

/** A file of the site, found on disk. */
export interface SiteFile {
  /** Absolute path of the file, with every symbolic link resolved. */
  file: string;
  /** Path relative to the (resolved) root, with '/' between names: `_astro/app.css`. */
  relative: string;
}

/** What a path of the site leads to: a file, a redirect to its folder's address, or nothing. */
export type Found = SiteFile | { redirect: string } | null;

/** The compressed variants the exporter writes, by content coding, best first. */
export const VARIANTS = [
  { encoding: 'br', extension: '.br' },
  { encoding: 'gzip', extension: '.gz' },
] as const;

async function statOrNull(file: string) {
  try {
    return await fs.stat(file);
  } catch {
    return null;
  }
}

/**
 * Finds what a checked path (see parseSitePath) names under `root`, which must be a resolved
 * path (fs.realpath). A folder asked for without its trailing slash is a redirect to its
 * same-origin address; with it, its index.html. Every file is resolved to its real path and
 * must lie inside the root: a symbolic link that leads out is not found. Never throws for a
 * missing or odd path.
 */
export async function findSiteFile(
  root: string,
  sitePath: { segments: readonly string[]; trailingSlash: boolean; query: string },
): Promise<Found> {
  const found = await resolveInside(root, path.join(root, ...sitePath.segments));
  if (!found) return null;
  const stat = await statOrNull(found.file);
  if (stat?.isDirectory()) {
    if (!sitePath.trailingSlash)
      return { redirect: folderLocation(sitePath.segments, sitePath.query) };
    const index = await resolveInside(root, path.join(found.file, 'index.html'));
    return index && (await statOrNull(index.file))?.isFile() ? index : null;
  }
  return stat?.isFile() && !sitePath.trailingSlash ? found : null;
}

/** The real path of `file` (every link followed), if it exists and lies inside `root`. */
async function resolveInside(root: string, file: string): Promise<SiteFile | null> {
  let real: string;
  try {
    real = await fs.realpath(file);
  } catch {
    // Not there, a file used as a folder (ENOTDIR), a name too long: all simply not found.
    return null;
  }
  if (real === root) return { file: real, relative: '' };
  const relative = path.relative(root, real);
  if (relative === '..' || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative))
    return null;
  return { file: real, relative: relative.split(path.sep).join('/') };
}

const negotiators = new Map(
  VARIANTS.map(({ encoding }) => [encoding, new Negotiator({ supportedValues: [encoding] })]),
);
/**
 * Whether the request's Accept-Encoding allows this coding (q=0 refuses it). Also used by the
 * static front (scripts/src/static-front), which picks the same variants from the site bucket.
 */
export const accepts = (request: FastifyRequest, encoding: (typeof VARIANTS)[number]['encoding']) =>
  negotiators.get(encoding)?.negotiate(String(request.headers['accept-encoding'] ?? '')) ===
  encoding;

/** Lets the server send files (reply.sendFile); it serves no folder by itself. */
export async function registerFileSending(app: FastifyInstance): Promise<void> {
  await app.register(fastifyStatic, { serve: false, dotfiles: 'ignore' });
}

/**
 * Sends a found file: its content type, `Cache-Control` (by default decided from its resolved
 * path, see cacheControlFor), and its `.br` or `.gz` variant when the browser accepts it and
 * the exporter wrote one. `status` 404 sends the site's not-found page (never a 304 for it).
 */
export async function sendSiteFile(
  request: FastifyRequest,
  reply: FastifyReply,
  root: string,
  found: SiteFile,
  options: { status?: number; cacheControl?: string } = {},
): Promise<FastifyReply> {
  const contentType = contentTypeFor(found.relative);
  let sent = found.relative;
  if (isPrecompressed(found.relative)) {
    reply.header('Vary', 'Accept-Encoding');
    for (const { encoding, extension } of VARIANTS) {
      if (!accepts(request, encoding)) continue;
      if (!(await statOrNull(`${found.file}${extension}`))?.isFile()) continue;
      reply.header('Content-Encoding', encoding);
      sent = `${found.relative}${extension}`;
      break;
    }
  }
  const notFound = options.status === 404;
  reply
    .code(options.status ?? 200)
    .header('Content-Type', contentType)
    .header('Cache-Control', options.cacheControl ?? cacheControlFor(found.relative, contentType));
  return reply.sendFile(sent, root, {
    contentType: false,
    cacheControl: false,
    ...(notFound ? { etag: false, lastModified: false } : {}),
  });
}
