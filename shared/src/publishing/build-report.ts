import type { ContentTypeKey } from '../validation/content-rules';

/**
 * What a site build reports besides pages: why it failed, and what it built around. The
 * publisher writes these (scripts/src/publisher), the site build finds the warnings
 * (site/src/loaders), and the CMS explains both to editors in Dutch (cms/src/hub/publication).
 */

/**
 * Why a build failed, as a kind an editor can be told about in plain words. The publisher
 * decides the kind where the failure happens; `message` keeps the operator's details.
 */
export type BuildFailureKind =
  /** The CMS could not be reached or did not answer in time (restarting, down, network). */
  | 'cms-unreachable'
  /** The CMS answered but refused the build's token (a renewed or removed token). */
  | 'cms-refused'
  /** The content could not be turned into pages (a bug, or content the site cannot show). */
  | 'content'
  /** An image could not be read or encoded. */
  | 'images'
  /** The finished build did not pass the release checks (pages missing, links broken). */
  | 'checks'
  /** The build could not be uploaded to the site bucket (PUBLISH_S3_*). */
  | 'site-bucket'
  /** The build took longer than PUBLISH_BUILD_TIMEOUT_S. */
  | 'timeout'
  /** Anything else. */
  | 'unknown';

/** A failed build's cause. */
export interface BuildFailure {
  kind: BuildFailureKind;
  /** The error as the operator's log has it (English, may name hosts and paths). */
  message: string;
}

/** A published item a warning is about. */
export interface WarningItem {
  /** The item's content type (`article`, `good-practice`, ...). */
  type: ContentTypeKey;
  documentId: string;
  title: string;
}

/**
 * An image an item uses whose file is gone from the media storage (deleted from disk or from the
 * bucket). The build leaves the image out of every page that used it and goes on.
 */
export interface MissingImageWarning {
  kind: 'missing-image';
  /** The file's name as it was uploaded (`wandeling.jpg`). */
  file: string;
  /** Where the CMS said the file is (`/uploads/wandeling_3f2a.jpg`). */
  url: string;
  /** The published items that use it. */
  items: WarningItem[];
}

/** Something a build went around instead of failing on. */
export type BuildWarning = MissingImageWarning;
