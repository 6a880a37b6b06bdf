/**
 * The preview of a draft: the page as the site would show it if the draft were published now,
 * rendered by the site's own compiled pages from the CMS's draft. Strapi's Preview button opens
 * it (see cms/config/admin.ts). It answers only with the shared secret, is never indexable and
 * runs apart from the public site's server, which knows nothing of drafts.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { PREVIEW_TYPES, type PreviewType } from '@hub/shared';
import type { CmsConnection } from '../src/loaders/cms-client';
import { loadPreviewHub, type CollectionName } from '../src/loaders/hub-loader';
import { paths } from '../src/lib/paths';
import type { CompiledSite } from './renderer';
import { securityHeaders } from './http/http-headers';
import { answerError, createHubServer, dutchTextErrors, type ServerLog } from './http/hub-server';
import { secretMatches } from './http/secret-matches';
import { parseSitePath } from './http/site-path';
import { findSiteFile, registerFileSending, sendSiteFile } from './http/static-files';
import { writeImages } from './site-images';

/** Where each previewable type's draft comes from and which page shows it. */
const PREVIEWABLE: Record<
  PreviewType,
  { collection: CollectionName; path: (slug: string) => string }
> = {
  article: { collection: 'articles', path: paths.article },
  'good-practice': { collection: 'practices', path: paths.practice },
  event: { collection: 'events', path: paths.event },
  partner: { collection: 'partners', path: paths.partner },
  page: { collection: 'pages', path: paths.page },
};

export interface PreviewServerOptions {
  /** The compiled site (see currentCompiledSite): compiled when its code changed, then loaded. */
  site: () => Promise<CompiledSite>;
  /** The compiled site if it is loaded already, without compiling (for its static files). */
  loadedSite: () => CompiledSite | undefined;
  connection: CmsConnection;
  /** The secret the CMS puts in every preview link. */
  secret: string;
  /** The public site's URL: links in the preview point where they will point once published. */
  siteUrl: string;
  /** Origin of the CMS: the only page that may show the preview in a frame. */
  cmsOrigin: string;
  /** Where the preview's images are made. */
  imageDir: string;
  imageCacheDir: string;
  log?: ServerLog;
  /** Called after each preview that made images (the CLI prunes old ones from imageDir). */
  afterImages?: () => void;
}

const BANNER =
  '<p role="status" style="margin:0;padding:0.75rem 1rem;background:#ffbf47;color:#1b1b1b;font-weight:700;text-align:center">' +
  'Voorbeeld van een concept. Zo komt het op de site als je het publiceert. Deze pagina is nog niet openbaar.</p>';

/**
 * Headers of every answer: the site's own (its Content-Security-Policy, framed only by the CMS),
 * and never stored, never indexed, no referrer (the link holds the secret).
 */
function previewHeaders(cmsOrigin: string): Record<string, string> {
  return {
    ...securityHeaders(cmsOrigin),
    'Cache-Control': 'no-store',
    'X-Robots-Tag': 'noindex, nofollow',
    'Referrer-Policy': 'no-referrer',
  };
}

/** The preview page's query: GET /?type=article&id=<documentId>&secret=<secret>. */
interface PreviewQuery {
  type?: string;
  id?: string;
  secret?: string;
}

/**
 * The preview server, on the hub's shared Fastify set-up. The page (`GET /`) checks the secret
 * before anything else: without it nothing is compiled, read or rendered. The compiled site's
 * scripts and styles and the preview's own images (`/_astro/...`, `/favicon.svg`) are served
 * without the secret, because the previewed page loads them; they come only from a site that is
 * loaded already, so a request for them never starts a compile. They hold nothing of a draft but
 * its images, under names no one can guess.
 */
export async function createPreviewServer(options: PreviewServerOptions): Promise<FastifyInstance> {
  const app = createHubServer({
    headers: previewHeaders(options.cmsOrigin),
    errorBody: dutchTextErrors,
    log: options.log,
  });
  await registerFileSending(app);
  const text = (reply: FastifyReply, status: number, message: string) =>
    answerError(reply, status, () => ({ ...dutchTextErrors(status), body: message }));

  const serveAsset = async (request: FastifyRequest, reply: FastifyReply) => {
    const site = options.loadedSite();
    const sitePath = parseSitePath(request.raw.url ?? '');
    if (!site || !sitePath.ok) return answerError(reply, sitePath.ok ? 404 : 400);
    for (const root of [site.clientDir, options.imageDir]) {
      const found = await findSiteFile(root, sitePath).catch(() => null);
      if (found && !('redirect' in found))
        return sendSiteFile(request, reply, root, found, { cacheControl: 'no-store' });
    }
    return answerError(reply, 404);
  };
  app.get('/_astro/*', serveAsset);
  app.get('/favicon.svg', serveAsset);

  app.get<{ Querystring: PreviewQuery }>('/', async (request, reply) => {
    const query = request.query;
    if (!secretMatches(query.secret, options.secret))
      return text(reply, 403, 'Deze voorbeeldlink klopt niet. Open het voorbeeld vanuit de CMS.');
    const type = query.type ?? '';
    const kind = (PREVIEW_TYPES as readonly string[]).includes(type)
      ? PREVIEWABLE[type as PreviewType]
      : undefined;
    const documentId = query.id ?? '';
    if (!kind || !/^[a-z0-9]{10,40}$/.test(documentId))
      return text(reply, 400, 'Van dit soort inhoud is geen voorbeeld te zien.');

    let html: string;
    let status: number;
    try {
      const loaded = await loadPreviewHub(options.connection, {
        collection: kind.collection,
        documentId,
      });
      if (!loaded) return text(reply, 404, 'Dit concept bestaat niet (meer).');
      const renderer = (await options.site()).createRenderer(options.siteUrl);
      renderer.useHub(loaded.hub);
      const page = await renderer.render(kind.path(String(loaded.draft.slug)));
      await writeImages(renderer.takeImageRequests(), options.imageDir, options.imageCacheDir);
      options.afterImages?.();
      status = page.status;
      html = Buffer.from(page.body)
        .toString('utf8')
        .replace(/<body([^>]*)>/, `<body$1>${BANNER}`)
        .replace('<head>', '<head><meta name="robots" content="noindex, nofollow">');
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      options.log?.error(`The preview of ${type} ${documentId} failed: ${message}`);
      return text(reply, 502, `Het voorbeeld kon niet worden gemaakt: ${message}`);
    }
    return reply.code(status).header('Content-Type', 'text/html; charset=utf-8').send(html);
  });
  return app;
}
