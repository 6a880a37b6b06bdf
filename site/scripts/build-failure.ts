import type { BuildFailure, BuildFailureKind } from '@hub/shared';

/**
 * Why a build failed, as a kind editors can be told about (see BuildFailureKind). The publisher
 * decides the kind where it can see the step that failed (checks, site bucket, time limit); this
 * file is for what only the error itself can tell: the build worker's errors, which reach the
 * publisher as text, and records written before failures had kinds.
 *
 * The patterns follow the messages of site/src/loaders/cms-client.ts and connection.ts (the
 * CMS), site/scripts/site-images.ts and sharp (images), and site/scripts/export-site.ts and the
 * loader's mappers (content). Order matters: a CMS error that names an image URL is the CMS's.
 */
const RULES: readonly { kind: BuildFailureKind; pattern: RegExp }[] = [
  { kind: 'timeout', pattern: /\(PUBLISH_BUILD_TIMEOUT_S\)/ },
  // 401/403 from the CMS, or no token at all: someone has to renew the token.
  { kind: 'cms-refused', pattern: /refused the build token|No build token for the CMS/ },
  // Down, restarting, slow, or a proxy in front of it answering for it.
  {
    kind: 'cms-unreachable',
    pattern:
      /Cannot reach the (CMS|media storage)|The CMS at \S+ (answered 5\d\d|did not answer with JSON)/,
  },
  {
    kind: 'images',
    // Our own fetch of an original, or sharp (its messages, or its frames in the stack).
    pattern:
      /The image \S+ could not be read|unsupported image format|Vips\w*:|site-images\.ts|[\\/]node_modules[\\/]sharp[\\/]|services[\\/]sharp/,
  },
  {
    kind: 'content',
    pattern:
      /MappingError|The page \S+ did not render|The site settings in the CMS .* are empty|returned no published articles, good practices or events/,
  },
  { kind: 'checks', pattern: /Checks failed:/ },
];

/** An error's `status` when it is a number. */
function statusOf(error: Error): number | undefined {
  const status = (error as Error & { status?: unknown }).status;
  return typeof status === 'number' ? status : undefined;
}

/** The text an error is classified by: its class name, message and (in the worker) its stack. */
function errorText(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  // The stack starts with "Name: message" already; without one, say both.
  return error.stack ?? `${error.name}: ${error.message}`;
}

/**
 * The kind of a build's failure, from its error or its message: the first rule that matches,
 * else `fallback` (the kind of the step that failed, when the caller knows it), else 'unknown'.
 */
export function classifyBuildError(
  error: unknown,
  fallback: BuildFailureKind = 'unknown',
): BuildFailureKind {
  // The loader's CmsError carries the CMS's HTTP status when it answered (in the worker, where
  // the error is still an object): that decides before any words do.
  const status = error instanceof Error && error.name === 'CmsError' ? statusOf(error) : undefined;
  if (status === 401 || status === 403) return 'cms-refused';
  if (status !== undefined && status >= 500) return 'cms-unreachable';
  const text = errorText(error);
  // The message decides first: a stack may pass through several of our files.
  const message = error instanceof Error ? `${error.name}: ${error.message}` : text;
  const byMessage = RULES.find((rule) => rule.pattern.test(message));
  if (byMessage) return byMessage.kind;
  return RULES.find((rule) => rule.pattern.test(text))?.kind ?? fallback;
}

/** A build error that knows its kind, decided where it happened. */
export class BuildFailedError extends Error {
  override name = 'BuildFailedError';

  constructor(
    message: string,
    readonly kind: BuildFailureKind,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/** An error's message, whatever was thrown. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** A failed build's cause: the kind the error carries, or else its classification. */
export function failureOf(error: unknown): BuildFailure {
  const kind = error instanceof BuildFailedError ? error.kind : classifyBuildError(error);
  return { kind, message: messageOf(error) };
}
