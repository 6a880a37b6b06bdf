import type { ContentTypeKey, MissingImageWarning, WarningItem } from '@hub/shared';
import { CmsError, getJson, type CmsConnection } from './cms-client';

/**
 * Images whose file is gone from the media storage (deleted from the uploads folder or the
 * bucket): the CMS lists them (GET /api/hub/missing-media, cms/src/api/media-check), the
 * mappers leave them out as if none were set, and the build warns instead of failing. Asked
 * once per build, also on an incremental read: the encoded-image cache and the snapshot would
 * otherwise never notice a deleted file.
 */

type Raw = Record<string, unknown>;

/** What the CMS knows about missing media files. */
export interface MediaCheck {
  /** False when the CMS could not look (an older CMS, another upload provider). */
  checked: boolean;
  /** The missing files' URLs as the CMS gave them (`/uploads/wandeling_3f2a.jpg`). */
  missing: string[];
}

/** Nothing checked, nothing missing: the build goes on as before the check existed. */
export const NOT_CHECKED: MediaCheck = { checked: false, missing: [] };

/**
 * Asks the CMS which media files are gone. A CMS without the endpoint (older than this check,
 * 404) or one that keeps it from this token (403: a custom token without that permission) is
 * taken as "not checked"; any other failure (the CMS is down) fails the build, as every read
 * of the CMS does.
 */
export async function fetchMediaCheck(connection: CmsConnection): Promise<MediaCheck> {
  let body: unknown;
  try {
    body = await getJson(connection, 'hub/missing-media');
  } catch (error) {
    if (error instanceof CmsError && (error.status === 404 || error.status === 403)) {
      return NOT_CHECKED;
    }
    throw error;
  }
  const answer = (body ?? {}) as { checked?: unknown; missing?: unknown };
  const missing = Array.isArray(answer.missing)
    ? answer.missing.filter((url): url is string => typeof url === 'string')
    : [];
  return { checked: answer.checked === true, missing };
}

/**
 * Decides, for one item, whether an image is left out: true when its file is missing, and then
 * notes it for the warnings. Called by the mappers with the image's absolute URL and its media
 * object as the CMS sent it (for the file's name).
 */
export type DropMedia = (absoluteUrl: string, media: Raw) => boolean;

/** The file's name as it was uploaded; the URL's last part when the CMS sent no name. */
function fileName(media: Raw, url: string): string {
  if (typeof media.name === 'string' && media.name.trim()) return media.name;
  const last = url.split(/[?#]/)[0]?.split('/').pop() ?? url;
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}

/**
 * Collects one warning per missing file, naming every item that used it once. The warnings
 * come out in a fixed order (by file, items by type and title), whatever order the items were
 * mapped in, so two builds of the same content report the same.
 */
export class MissingImages {
  /** The check's URLs by their absolute form, the one the mappers see. */
  private readonly missing: ReadonlyMap<string, string>;
  private readonly found = new Map<string, { warning: MissingImageWarning; ids: Set<string> }>();

  /** @param absolute makes a CMS media URL absolute, as the mappers do (mediaUrl). */
  constructor(check: MediaCheck, absolute: (url: string) => string) {
    this.missing = new Map(check.missing.map((url) => [absolute(url), url]));
  }

  /** Whether anything is missing at all (when not, the mappers need not ask). */
  get any(): boolean {
    return this.missing.size > 0;
  }

  /** The decision for the images of one item (of content type `type`, as the CMS sent it). */
  dropFor(type: ContentTypeKey, item: Raw): DropMedia {
    return (absoluteUrl, media) => {
      const url = this.missing.get(absoluteUrl);
      if (url === undefined) return false;
      this.note(url, fileName(media, url), {
        type,
        documentId: String(item.documentId ?? ''),
        title: String(item.title ?? item.name ?? item.documentId ?? ''),
      });
      return true;
    };
  }

  private note(url: string, file: string, item: WarningItem): void {
    let entry = this.found.get(url);
    if (!entry) {
      entry = { warning: { kind: 'missing-image', file, url, items: [] }, ids: new Set() };
      this.found.set(url, entry);
    }
    const id = `${item.type} ${item.documentId}`;
    if (entry.ids.has(id)) return;
    entry.ids.add(id);
    entry.warning.items.push(item);
  }

  /** One warning per missing file that an item used; files no item used are not news. */
  warnings(): MissingImageWarning[] {
    return [...this.found.values()]
      .map(({ warning }) => ({
        ...warning,
        items: [...warning.items].sort(
          (a, b) => a.type.localeCompare(b.type) || a.title.localeCompare(b.title, 'nl'),
        ),
      }))
      .sort((a, b) => a.file.localeCompare(b.file) || a.url.localeCompare(b.url));
  }
}
