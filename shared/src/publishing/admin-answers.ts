import type { BuildFailureKind, BuildWarning } from './build-report';
import type { DocumentPublication, SitePublication } from './publication-state';

/**
 * What the CMS's admin routes answer the admin's "Publicatie" widget and document panel
 * (cms/src/hub/publication -> cms/src/admin). Failures carry their kind only: the operator's
 * message may name hosts and paths, and editors get the Dutch words for the kind.
 */

/** A failure as editors see it. */
export interface EditorFailure {
  kind: BuildFailureKind;
}

/** One of the last builds, newest first. */
export interface BuildLine {
  finishedAt: string;
  result: 'live' | 'failed';
  failure?: EditorFailure;
  /** Warnings the reader may see (their own items, for partners). */
  warnings: number;
}

/** `GET /admin/hub/publication`: the site as a whole. */
export type SitePublicationAnswer =
  | { reachable: false }
  | {
      reachable: true;
      /** The public site's address. */
      siteUrl: string;
      site: EditorView<SitePublication>;
      /** Of the live build, for the reader's items only when they are a partner. */
      warnings: BuildWarning[];
      builds: BuildLine[];
    };

/** `GET /admin/hub/publication/:uid/:documentId`: one document. */
export type DocumentPublicationAnswer =
  | { reachable: false; draft: boolean }
  | {
      reachable: true;
      publication: EditorView<DocumentPublication>;
      /** The page on the public site (for a published document with a page of its own). */
      url: string | null;
    };

/** A state with its failure reduced to the kind, and without warnings (sent separately). */
export type EditorView<T> = T extends { failure: unknown }
  ? Omit<T, 'failure' | 'warnings'> & { failure: EditorFailure }
  : T extends { failure?: unknown }
    ? Omit<T, 'failure' | 'warnings'> & { failure?: EditorFailure }
    : Omit<T, 'warnings'>;
