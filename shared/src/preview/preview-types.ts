import { contentTypeKeyOf } from '../validation/content-rules';

/**
 * The content types whose drafts can be previewed, by the key the CMS's preview link carries
 * (`type=`): the CMS makes the link (cms/src/hub/preview), the site's preview server renders it.
 */
export const PREVIEW_TYPES = ['article', 'good-practice', 'event', 'partner', 'page'] as const;
export type PreviewType = (typeof PREVIEW_TYPES)[number];

/** The preview key of a content type uid (`api::article.article` -> `article`), or null. */
export function previewTypeOf(uid: string): PreviewType | null {
  const key = contentTypeKeyOf(uid);
  return key && (PREVIEW_TYPES as readonly string[]).includes(key) ? (key as PreviewType) : null;
}
