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
 * An S3 client for one bucket's settings (readS3Settings). Checksums only where an operation
 * requires one, as for the CMS's media (cms/config/plugins.ts): many S3-compatible services
 * (older MinIO and Ceph, Garage, R2) refuse the CRC32 checksums the SDK adds to every upload
 * by default since 3.729. Bodies are always sent as buffers, never as streams, which would
 * switch the SDK to aws-chunked uploads that not every storage reads; site-bucket.test.ts
 * compares the stored bytes with the built files.
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
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
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
