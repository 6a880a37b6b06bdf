import { previewTypeOf } from '@hub/shared';

/** Where the site's preview server is, and the secret it expects (see cms/.env.example). */
export interface PreviewSettings {
  /** PREVIEW_URL, e.g. http://localhost:4323. */
  url: string;
  /** PREVIEW_SECRET: the same value the preview server is given. */
  secret: string;
}

/** The preview settings from the environment, or null when previews are not set up. */
export function previewSettings(env: NodeJS.ProcessEnv = process.env): PreviewSettings | null {
  const url = env.PREVIEW_URL?.trim();
  const secret = env.PREVIEW_SECRET?.trim();
  return url && secret ? { url, secret } : null;
}

/**
 * The link Strapi's Preview button opens for a document: the site's preview server, with the
 * document's type and id and the shared secret. Null for content the site has no page for.
 */
export function previewUrl(
  settings: PreviewSettings,
  uid: string,
  documentId: string | undefined,
): string | null {
  const type = previewTypeOf(uid);
  if (!type || !documentId) return null;
  const url = new URL('/', settings.url);
  url.search = new URLSearchParams({ type, id: documentId, secret: settings.secret }).toString();
  return url.toString();
}
