import { createHash } from 'node:crypto';

const sha1 = (text: string) => createHash('sha1').update(text).digest('base64url');

/** The hashes of frozen objects: they cannot change, so each is worked out once. */
const frozenHashes = new WeakMap<object, string>();

const isPlainObject = (value: object) => {
  const prototype = Object.getPrototypeOf(value) as unknown;
  return prototype === Object.prototype || prototype === null;
};

/**
 * A short hash of a value's content, for telling whether a page's props or a field of the hub
 * changed since the last build. The hub's items are frozen, and an item the CMS did not change
 * is the same object from build to build (see hub-loader.ts): its hash is remembered, so hashing
 * all 16,000 items and every page's props costs a lookup per item instead of their JSON.
 */
export function contentHash(value: unknown): string {
  return sha1(fingerprint(value));
}

/**
 * The value as text for contentHash: a frozen object as its remembered hash; arrays and plain
 * objects that are not frozen (a page's props, a list of cards) from their parts; anything else
 * (a primitive, a date) as its JSON.
 */
function fingerprint(value: unknown): string {
  if (typeof value !== 'object' || value === null) return JSON.stringify(value) ?? 'undefined';
  if (Object.isFrozen(value)) {
    let hash = frozenHashes.get(value);
    if (hash === undefined) {
      hash = sha1(JSON.stringify(value));
      frozenHashes.set(value, hash);
    }
    return `#${hash}`;
  }
  if (Array.isArray(value)) return `[${value.map(fingerprint).join(',')}]`;
  if (!isPlainObject(value)) return JSON.stringify(value);
  const parts = Object.entries(value).map(
    ([key, part]) => `${JSON.stringify(key)}:${fingerprint(part)}`,
  );
  return `{${parts.join(',')}}`;
}

/** Freezes the value and everything in it (objects and arrays), so its hash can be remembered. */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const part of Object.values(value)) deepFreeze(part);
  }
  return value;
}
