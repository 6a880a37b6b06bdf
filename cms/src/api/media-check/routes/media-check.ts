/**
 * GET /api/hub/missing-media: which uploads' files are gone from the media storage, for the site
 * build (see missing-media.ts). A content-API route with Strapi's default auth, so anonymous
 * callers are refused: the public roles hold no `api::` permission (see
 * hub/bootstrap/content-api-lockdown.ts). The action's name ends in `find` because Strapi lets
 * read-only API tokens (the build's and the preview's) call only actions named so.
 */
export default {
  routes: [
    {
      method: 'GET',
      path: '/hub/missing-media',
      handler: 'media-check.find',
    },
  ],
};
