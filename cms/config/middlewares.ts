import { NEWSLETTER_API_PATH, readS3Settings, SUBMISSIONS_API_PATH } from '@hub/shared';
import { submissionSettings } from '../src/hub/submissions/settings';
import { previewSettings } from '../src/hub/preview/preview-url';

export default () => {
  const { siteOrigin } = submissionSettings();
  const preview = previewSettings();
  // Media on S3-compatible storage: the admin shows them from the bucket's public address.
  const s3 = readS3Settings(process.env);
  const mediaOrigins = s3 ? [new URL(s3.publicUrl).origin] : [];
  return [
    'strapi::logger',
    'strapi::errors',
    // TRACE and other methods no route uses: 405, not the router's 501.
    'global::method-guard',
    // GET /metrics for Prometheus, with the publisher's secret (see the middleware).
    'global::metrics',
    {
      name: 'strapi::security',
      config: {
        contentSecurityPolicy: {
          // Strapi fills these lists in from its defaults index by index, so each names all of
          // Strapi's own sources (CSP_DEFAULTS) before ours.
          directives: {
            // The admin shows the preview of a draft in a frame: from the preview server only.
            'frame-src': ["'self'", ...(preview ? [new URL(preview.url).origin] : [])],
            // The media library shows (and downloads) media from the bucket.
            'img-src': [
              "'self'",
              'data:',
              'blob:',
              'https://market-assets.strapi.io',
              ...mediaOrigins,
            ],
            'media-src': ["'self'", 'data:', 'blob:', ...mediaOrigins],
            'connect-src': ["'self'", 'https:', ...mediaOrigins],
          },
        },
      },
    },
    {
      name: 'strapi::cors',
      config: {
        // The public submission and newsletter endpoints answer browsers on the site's origin
        // only; the rest keeps Strapi's default.
        origin: (ctx: { path: string }) =>
          ctx.path.startsWith(SUBMISSIONS_API_PATH) || ctx.path.startsWith(NEWSLETTER_API_PATH)
            ? siteOrigin
              ? [siteOrigin]
              : []
            : ['*'],
      },
    },
    'strapi::poweredBy',
    'strapi::query',
    // Drafts stay in the admin: only the preview token may ask the content API for them.
    'global::draft-gate',
    // Size, type and parse errors of submissions, before the body is read (see the middleware).
    'global::submission-guard',
    // The same for the newsletter's sign-up, confirmation, leaving and choices.
    'global::newsletter-guard',
    'strapi::body',
    'strapi::session',
    'strapi::favicon',
    'strapi::public',
  ];
};
