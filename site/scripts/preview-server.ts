/**
 * The preview of a draft: the page as the site would show it if the draft were published now,
 * rendered by the site's own compiled pages from the CMS's draft. Strapi's Preview button opens
 * it (see cms/config/admin.ts). It answers only with the shared secret, is never indexable and
 * runs apart from the public site's server, which knows nothing of drafts.
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { PREVIEW_TYPES, type PreviewType } from '@hub/shared';
import type { CmsConnection } from '../src/loaders/cms-client';
import { loadPreviewHub, type CollectionName } from '../src/loaders/hub-loader';
import { paths } from '../src/lib/paths';
import type { CompiledSite } from './renderer';
import { contentTypeFor, securityHeaders } from './http-headers';
import { secretMatches } from './secret-matches';
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
  /** The compiled site (see compileRenderer and loadCompiledSite). */
  site: () => Promise<CompiledSite>;
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
}

const BANNER =
  '<p role="status" style="margin:0;padding:0.75rem 1rem;background:#ffbf47;color:#1b1b1b;font-weight:700;text-align:center">' +
  'Voorbeeld van een concept. Zo komt het op de site als je het publiceert. Deze pagina is nog niet openbaar.</p>';

/**
 * Headers of every answer: the site's own (its Content-Security-Policy, framed only by the CMS),
 * and never stored, never indexed, no referrer (the link holds the secret).
 */
function headersFor(cmsOrigin: string, contentType: string): http.OutgoingHttpHeaders {
  return {
    ...securityHeaders(cmsOrigin),
    'Content-Type': contentType,
    'Cache-Control': 'no-store',
    'X-Robots-Tag': 'noindex, nofollow',
    'Referrer-Policy': 'no-referrer',
  };
}

/** A file of the compiled site or of the preview's images, if the path names one. */
function staticFile(roots: string[], urlPath: string): string | null {
  for (const root of roots) {
    const file = path.join(root, urlPath);
    if (file.startsWith(root + path.sep) && fs.existsSync(file) && fs.statSync(file).isFile())
      return file;
  }
  return null;
}

/** Answers GET /?type=article&id=<documentId>&secret=<secret> with the draft's page. */
export function createPreviewServer(options: PreviewServerOptions): http.Server {
  const text = (response: http.ServerResponse, status: number, message: string) =>
    response
      .writeHead(status, headersFor(options.cmsOrigin, 'text/plain; charset=utf-8'))
      .end(message);

  return http.createServer((request, response) => {
    void (async () => {
      const url = new URL(request.url ?? '/', 'http://preview');
      const isAsset = url.pathname.startsWith('/_astro/') || url.pathname === '/favicon.svg';
      const file = isAsset
        ? staticFile([(await options.site()).clientDir, options.imageDir], url.pathname)
        : null;
      if (file) {
        response.writeHead(200, headersFor(options.cmsOrigin, contentTypeFor(file)));
        fs.createReadStream(file).pipe(response);
        return;
      }
      if (request.method !== 'GET' || url.pathname !== '/')
        return text(response, 404, 'Niet gevonden.');
      if (!secretMatches(url.searchParams.get('secret'), options.secret))
        return text(
          response,
          403,
          'Deze voorbeeldlink klopt niet. Open het voorbeeld vanuit de CMS.',
        );
      const type = url.searchParams.get('type') ?? '';
      const kind = (PREVIEW_TYPES as readonly string[]).includes(type)
        ? PREVIEWABLE[type as PreviewType]
        : undefined;
      const documentId = url.searchParams.get('id') ?? '';
      if (!kind || !/^[a-z0-9]{10,40}$/.test(documentId))
        return text(response, 400, 'Van dit soort inhoud is geen voorbeeld te zien.');

      const loaded = await loadPreviewHub(options.connection, {
        collection: kind.collection,
        documentId,
      });
      if (!loaded) return text(response, 404, 'Dit concept bestaat niet (meer).');
      const renderer = (await options.site()).createRenderer(options.siteUrl);
      renderer.useHub(loaded.hub);
      const page = await renderer.render(kind.path(String(loaded.draft.slug)));
      await writeImages(renderer.takeImageRequests(), options.imageDir, options.imageCacheDir);
      const html = Buffer.from(page.body)
        .toString('utf8')
        .replace(/<body([^>]*)>/, `<body$1>${BANNER}`)
        .replace('<head>', '<head><meta name="robots" content="noindex, nofollow">');
      response.writeHead(page.status, headersFor(options.cmsOrigin, 'text/html; charset=utf-8'));
      response.end(html);
    })().catch((error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      if (!response.headersSent)
        text(response, 502, `Het voorbeeld kon niet worden gemaakt: ${message}`);
      else response.destroy();
    });
  });
}
