import { S3Client } from '@aws-sdk/client-s3';
import type { S3Settings } from '@hub/shared';

/** How patient a client is with the storage. */
export interface S3ClientLimits {
  /** Tries per request, the first included: the SDK retries network errors, 5xx and throttling. */
  maxAttempts: number;
  /** Time to open a connection, in ms. */
  connectionTimeoutMs: number;
  /** Time without an answer, in ms. */
  requestTimeoutMs: number;
}

/**
 * An S3 client for one bucket's settings (readS3Settings). The SDK's default request checksums
 * (CRC32 on every upload) are kept: with whole-buffer bodies they go in a header, which s3rver
 * and S3-compatible storage accept, and the stored bytes were checked to equal what was sent
 * (site-bucket.test.ts compares them). Bodies are therefore always sent as buffers, never as
 * streams, which would switch the SDK to aws-chunked uploads that not every storage reads.
 */
export function createS3Client(settings: S3Settings, limits: S3ClientLimits): S3Client {
  return new S3Client({
    region: settings.region,
    ...(settings.endpoint ? { endpoint: settings.endpoint } : {}),
    forcePathStyle: settings.forcePathStyle,
    credentials: {
      accessKeyId: settings.accessKeyId,
      secretAccessKey: settings.secretAccessKey,
    },
    maxAttempts: limits.maxAttempts,
    requestHandler: {
      connectionTimeout: limits.connectionTimeoutMs,
      requestTimeout: limits.requestTimeoutMs,
    },
  });
}

/**
 * An error of the SDK or the network in words for a log or a build record: its name, code and
 * HTTP status when it has them (a refused connection has an empty message but a code).
 */
export function describeS3Error(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const details = error as Error & { code?: string; $metadata?: { httpStatusCode?: number } };
  const status = details.$metadata?.httpStatusCode;
  const parts = [
    error.name !== 'Error' ? error.name : '',
    details.code && details.code !== error.name ? details.code : '',
    error.message,
    status ? `(HTTP ${status})` : '',
  ].filter(Boolean);
  const nested = error instanceof AggregateError ? error.errors.map(describeS3Error) : [];
  return [...new Set([...parts, ...nested])].join(' ') || 'unknown error';
}

/** The HTTP status the storage answered with, if it answered. */
export function s3Status(error: unknown): number | undefined {
  return (error as { $metadata?: { httpStatusCode?: number } } | null)?.$metadata?.httpStatusCode;
}
