/**
 * A local S3-compatible server (s3rver) for tests and `npm run start:scale`: runs in this
 * process, keeps its objects in a folder, and creates the buckets it is given. Stand-in for a
 * hosting party's object storage; never for production (no real access control).
 */
import fs from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import S3rver from 's3rver';

/** A running local S3 server. */
export interface LocalS3 {
  /** Base URL, e.g. http://127.0.0.1:41234 (path-style addressing: <endpoint>/<bucket>/<key>). */
  endpoint: string;
  /** s3rver accepts any signature made with these. */
  accessKeyId: string;
  secretAccessKey: string;
  region: string;
  /** Stops the server (the folder stays, so a restart finds the objects again). */
  close: () => Promise<void>;
}

/** Starts s3rver on 127.0.0.1 (port 0: a free one) with these buckets in `directory`. */
export async function startLocalS3(options: {
  directory: string;
  buckets: readonly string[];
  port?: number;
  log?: boolean;
}): Promise<LocalS3> {
  await fs.mkdir(options.directory, { recursive: true });
  const server = new S3rver({
    address: '127.0.0.1',
    port: options.port ?? 0,
    directory: options.directory,
    silent: !options.log,
    configureBuckets: options.buckets.map((name) => ({ name })),
  });
  const address = (await server.run()) as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${address.port}`,
    accessKeyId: 'S3RVER',
    secretAccessKey: 'S3RVER',
    region: 'us-east-1',
    close: () => {
      // Keep-alive connections of clients (the SDK's pool) would hold the close up for seconds.
      server.httpServer?.closeAllConnections();
      return server.close();
    },
  };
}

/**
 * The S3_* settings (shared/src/storage/s3-settings.ts) that point at `bucket` on this server,
 * path-style as s3rver needs: the CMS's media bucket in tests and `npm run start:scale`.
 */
export function localS3Env(server: Omit<LocalS3, 'close'>, bucket: string): Record<string, string> {
  return {
    S3_BUCKET: bucket,
    S3_ENDPOINT: server.endpoint,
    S3_REGION: server.region,
    S3_ACCESS_KEY_ID: server.accessKeyId,
    S3_SECRET_ACCESS_KEY: server.secretAccessKey,
    S3_FORCE_PATH_STYLE: 'true',
  };
}
