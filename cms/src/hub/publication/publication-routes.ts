import type { Context } from 'koa';
import type { Core } from '@strapi/strapi';
import {
  contentTypeKeyOf,
  documentPublication,
  itemPath,
  sitePublication,
  type BuildLine,
  type BuildSummary,
  type BuildWarning,
  type DocumentPublicationAnswer,
  type EditorFailure,
  type SitePublicationAnswer,
  type WarningItem,
} from '@hub/shared';
import { publisherAddress, PublisherStatusClient } from './publisher-status-client';

/** The last builds the widget lists. */
const BUILDS_SHOWN = 5;

type Row = Record<string, unknown> & { id: number; documentId: string };

/** The user's rights in the content manager, as its own controllers check them. */
interface PermissionChecker {
  cannot: { read: (entity?: unknown) => boolean };
}

function permissionChecker(strapi: Core.Strapi, ctx: Context, uid: string): PermissionChecker {
  return strapi
    .plugin('content-manager')
    .service('permission-checker')
    .create({ userAbility: ctx.state.userAbility, model: uid }) as PermissionChecker;
}

/**
 * Both versions of a document (draft and published), with their creator: the partner role may
 * read only what its user created (the is-creator condition needs createdBy to decide).
 */
async function documentRows(strapi: Core.Strapi, uid: string, documentId: string) {
  const rows = (await strapi.db.query(uid as never).findMany({
    where: { documentId },
    populate: ['createdBy'],
  })) as Row[];
  return {
    draft: rows.find((row) => !row.publishedAt),
    published: rows.find((row) => row.publishedAt),
  };
}

/** A database time (a Date, an ISO text, or milliseconds, by database) in ms; NaN if none. */
function timeOf(value: unknown): number {
  if (value instanceof Date || typeof value === 'string' || typeof value === 'number') {
    return new Date(value).getTime();
  }
  return NaN;
}

/** May the user read this document (any version) in the content manager? */
function mayRead(checker: PermissionChecker, rows: Row[]): boolean {
  return !checker.cannot.read() && rows.some((row) => !checker.cannot.read(row));
}

/** The failure without the operator's message (it may name hosts and paths). */
function forEditors<T extends object>(value: T): T {
  const failure = (value as { failure?: EditorFailure }).failure;
  return failure ? { ...value, failure: { kind: failure.kind } satisfies EditorFailure } : value;
}

/**
 * Whether the user may read an item a warning names, asked once per item and request: the
 * builds listed in the widget mostly name the same items.
 */
function readableItems(strapi: Core.Strapi, ctx: Context) {
  const known = new Map<string, Promise<boolean>>();
  return (item: WarningItem): Promise<boolean> => {
    const key = `${item.type} ${item.documentId}`;
    let readable = known.get(key);
    if (!readable) {
      const uid = `api::${item.type}.${item.type}`;
      readable = documentRows(strapi, uid, item.documentId).then(({ draft, published }) =>
        mayRead(
          permissionChecker(strapi, ctx, uid),
          [draft, published].filter((row): row is Row => row !== undefined),
        ),
      );
      known.set(key, readable);
    }
    return readable;
  };
}

/** The warnings with the items the user may read; a warning left without items is left out. */
async function readableWarnings(
  warnings: BuildWarning[],
  mayReadItem: (item: WarningItem) => Promise<boolean>,
): Promise<BuildWarning[]> {
  const visible: BuildWarning[] = [];
  for (const warning of warnings) {
    const items: WarningItem[] = [];
    for (const item of warning.items) if (await mayReadItem(item)) items.push(item);
    if (items.length > 0) visible.push({ ...warning, items });
  }
  return visible;
}

function buildLine(build: BuildSummary, visibleWarnings: number): BuildLine {
  return {
    finishedAt: build.finishedAt,
    result: build.result,
    ...(build.failure ? { failure: { kind: build.failure.kind } } : {}),
    warnings: visibleWarnings,
  };
}

/**
 * The admin's view of the publisher (issue: editors always know what is live), as two admin
 * routes under /admin/hub/publication. They need a logged-in admin user; a partner gets the
 * state of their own documents only, as the content manager lets them read no others.
 */
export function registerPublicationRoutes(strapi: Core.Strapi): void {
  const address = publisherAddress();
  const client = address ? new PublisherStatusClient(address) : null;
  const siteUrl = (process.env.SITE_URL ?? 'http://localhost:4321').replace(/\/$/, '');

  async function site(ctx: Context) {
    ctx.set('Cache-Control', 'no-store');
    const status = await client?.read();
    if (!status) {
      ctx.body = { reachable: false } satisfies SitePublicationAnswer;
      return;
    }
    const { warnings: _all, ...state } = sitePublication(status) as ReturnType<
      typeof sitePublication
    > & { warnings?: BuildWarning[] };
    const mayReadItem = readableItems(strapi, ctx);
    const live = status.builds.find((build) => build.id === status.live);
    const warnings = await readableWarnings(live?.warnings ?? [], mayReadItem);
    const builds: BuildLine[] = [];
    for (const build of status.builds.slice(-BUILDS_SHOWN).reverse()) {
      const seen = await readableWarnings(build.warnings ?? [], mayReadItem);
      builds.push(buildLine(build, seen.length));
    }
    ctx.body = {
      reachable: true,
      siteUrl,
      site: forEditors(state),
      warnings,
      builds,
    } as SitePublicationAnswer;
  }

  async function document(ctx: Context) {
    ctx.set('Cache-Control', 'no-store');
    const { uid, documentId } = ctx.params as { uid: string; documentId: string };
    const type = contentTypeKeyOf(uid);
    if (!type || !strapi.contentTypes[uid as never]) return ctx.notFound();
    const { draft, published } = await documentRows(strapi, uid, documentId);
    const rows = [draft, published].filter((row): row is Row => row !== undefined);
    if (rows.length === 0) return ctx.notFound();
    if (!mayRead(permissionChecker(strapi, ctx, uid), rows)) return ctx.forbidden();

    const status = await client?.read();
    if (!status) {
      ctx.body = { reachable: false, draft: !published } satisfies DocumentPublicationAnswer;
      return;
    }
    // The content manager's own rule for "Gewijzigd": the draft was saved after the publication.
    const hasUnpublishedChanges =
      draft !== undefined &&
      published !== undefined &&
      timeOf(draft.updatedAt) > timeOf(published.updatedAt);
    const publishedAt = published ? timeOf(published.publishedAt) : NaN;
    const publication = documentPublication(
      {
        publishedAt: Number.isNaN(publishedAt) ? null : new Date(publishedAt).toISOString(),
        hasUnpublishedChanges,
      },
      status,
    );
    const slug = typeof published?.slug === 'string' ? published.slug : '';
    const path = published ? itemPath(type, slug) : null;
    ctx.body = {
      reachable: true,
      publication: forEditors(publication),
      url: path ? `${siteUrl}${path}` : null,
    } as DocumentPublicationAnswer;
  }

  const policies = ['admin::isAuthenticatedAdmin'];
  (strapi.admin.routes as Record<string, unknown>)['hub-publication'] = {
    type: 'admin',
    routes: [
      { method: 'GET', path: '/hub/publication', handler: site, config: { policies } },
      {
        method: 'GET',
        path: '/hub/publication/:uid/:documentId',
        handler: document,
        config: { policies },
      },
    ],
  };
}
