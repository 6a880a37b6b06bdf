/**
 * Where a bucket of S3-compatible object storage is, read from the environment. The CMS's media
 * use S3_*; the publisher's site bucket uses PUBLISH_S3_*, each falling back to the S3_* value
 * when only the bucket differs (one storage account, two buckets).
 */

/** One bucket on S3-compatible storage and how to reach it. */
export interface S3Settings {
  bucket: string;
  /** The storage's API address (e.g. https://s3.nl-ams.example.com); empty: AWS itself. */
  endpoint: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** Path-style addresses (<endpoint>/<bucket>/<key>), which most non-AWS storage needs. */
  forcePathStyle: boolean;
  /**
   * The address objects are read from by browsers and builds, without a trailing slash: a CDN
   * or the bucket's public address. Defaults to <endpoint>/<bucket> (path style) or
   * https://<bucket>.s3.<region>.amazonaws.com.
   */
  publicUrl: string;
}

type Env = Readonly<Record<string, string | undefined>>;

const TRUE_WORDS = new Set(['1', 'true', 'yes', 'on']);
const FALSE_WORDS = new Set(['0', 'false', 'no', 'off', '']);

/**
 * The bucket named by `<prefix>BUCKET`, or null when that is not set (the local-disk default).
 * Each other setting but the public URL is read as `<prefix>NAME`, then as `S3_NAME`. Throws on an endpoint or
 * public URL that is not an http(s) address, a yes/no setting that is neither, or a bucket
 * without keys: a configuration error is said at start, not at the first upload.
 */
export function readS3Settings(env: Env, prefix: 'S3_' | 'PUBLISH_S3_' = 'S3_'): S3Settings | null {
  const read = (name: string) => (env[`${prefix}${name}`] ?? env[`S3_${name}`] ?? '').trim();
  const bucket = (env[`${prefix}BUCKET`] ?? '').trim();
  if (!bucket) return null;
  const endpoint = withoutTrailingSlash(read('ENDPOINT'));
  const region = read('REGION') || 'us-east-1';
  const accessKeyId = read('ACCESS_KEY_ID');
  const secretAccessKey = read('SECRET_ACCESS_KEY');
  if (!accessKeyId || !secretAccessKey) {
    throw new Error(
      `${prefix}BUCKET is set, so ${prefix}ACCESS_KEY_ID and ${prefix}SECRET_ACCESS_KEY ` +
        '(or S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY) must be set too.',
    );
  }
  const styleSetting = read('FORCE_PATH_STYLE').toLowerCase();
  if (!TRUE_WORDS.has(styleSetting) && !FALSE_WORDS.has(styleSetting)) {
    throw new Error(`${prefix}FORCE_PATH_STYLE must be true or false, not "${styleSetting}".`);
  }
  // Without a setting: path style for a storage of its own (an endpoint), virtual hosts on AWS.
  const forcePathStyle = styleSetting === '' ? endpoint !== '' : TRUE_WORDS.has(styleSetting);
  if (endpoint) assertHttpUrl(endpoint, `${prefix}ENDPOINT`);
  // An address belongs to one bucket: the site bucket never takes the media's S3_PUBLIC_URL.
  const publicUrl =
    withoutTrailingSlash((env[`${prefix}PUBLIC_URL`] ?? '').trim()) ||
    defaultPublicUrl({ bucket, endpoint, region, forcePathStyle });
  assertHttpUrl(publicUrl, `${prefix}PUBLIC_URL`);
  return { bucket, endpoint, region, accessKeyId, secretAccessKey, forcePathStyle, publicUrl };
}

function defaultPublicUrl(settings: {
  bucket: string;
  endpoint: string;
  region: string;
  forcePathStyle: boolean;
}): string {
  const { bucket, endpoint, region, forcePathStyle } = settings;
  if (!endpoint) return `https://${bucket}.s3.${region}.amazonaws.com`;
  if (forcePathStyle) return `${endpoint}/${bucket}`;
  const url = new URL(endpoint);
  url.hostname = `${bucket}.${url.hostname}`;
  return withoutTrailingSlash(url.toString());
}

function withoutTrailingSlash(text: string): string {
  return text.replace(/\/+$/, '');
}

function assertHttpUrl(text: string, name: string): void {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new Error(`${name} must be an address such as https://s3.example.com, not "${text}".`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`${name} must start with https:// (or http://), not "${text}".`);
  }
}
