import {
  contentTypeKeyOf,
  type BuildFailure,
  type BuildSummary,
  type BuildWarning,
  type PublisherStatus,
  type WarningItem,
} from '@hub/shared';

/**
 * The publisher's `/status` answer as the CMS may trust it: every field checked, entries that
 * are not what the contract says left out (an older or a broken publisher), so the admin
 * routes never fail on what the publisher sent. Null when the answer is not a status at all.
 */

type Loose = Record<string, unknown>;

const isObject = (value: unknown): value is Loose =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const text = (value: unknown): value is string => typeof value === 'string';

function parseItem(value: unknown): WarningItem | null {
  if (!isObject(value) || !text(value.documentId) || !text(value.title) || !text(value.type)) {
    return null;
  }
  // Only types the CMS has: a warning item becomes a database query for its permission.
  const type = contentTypeKeyOf(`api::${value.type}.${value.type}`);
  return type ? { type, documentId: value.documentId, title: value.title } : null;
}

function parseWarning(value: unknown): BuildWarning | null {
  if (!isObject(value) || value.kind !== 'missing-image') return null;
  if (!text(value.file) || !text(value.url) || !Array.isArray(value.items)) return null;
  const items = value.items.map(parseItem).filter((item): item is WarningItem => item !== null);
  return { kind: 'missing-image', file: value.file, url: value.url, items };
}

function parseFailure(value: unknown): BuildFailure | undefined {
  if (!isObject(value) || !text(value.kind)) return undefined;
  return {
    kind: value.kind as BuildFailure['kind'],
    message: text(value.message) ? value.message : '',
  };
}

function parseBuild(value: unknown): BuildSummary | null {
  if (!isObject(value) || !text(value.id) || !text(value.startedAt) || !text(value.finishedAt)) {
    return null;
  }
  if (value.result !== 'live' && value.result !== 'failed') return null;
  const failure = parseFailure(value.failure);
  const warnings = Array.isArray(value.warnings)
    ? value.warnings
        .map(parseWarning)
        .filter((warning): warning is BuildWarning => warning !== null)
    : [];
  return {
    id: value.id,
    startedAt: value.startedAt,
    finishedAt: value.finishedAt,
    result: value.result,
    ...(failure ? { failure } : {}),
    ...(warnings.length > 0 ? { warnings } : {}),
    ...(value.first === true ? { first: true as const } : {}),
  };
}

/** The status, checked; null when `value` is not one. */
export function parsePublisherStatus(value: unknown): PublisherStatus | null {
  if (
    !isObject(value) ||
    !(value.live === null || text(value.live)) ||
    !Array.isArray(value.builds)
  ) {
    return null;
  }
  const building =
    isObject(value.building) && text(value.building.id) && text(value.building.startedAt)
      ? { id: value.building.id, startedAt: value.building.startedAt }
      : null;
  return {
    live: value.live,
    building,
    pending: value.pending === true,
    builds: value.builds.map(parseBuild).filter((build): build is BuildSummary => build !== null),
  };
}
