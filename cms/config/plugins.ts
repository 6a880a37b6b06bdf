import type { Core } from '@strapi/strapi';
import { readS3Settings } from '@hub/shared';

/**
 * E-mail through an SMTP server, only when SMTP_HOST is set (see cms/.env.example): the editors'
 * notices of new submissions, and the admin's password-reset mails. Without it, nothing is sent.
 */
function emailConfig(env: Core.Config.Shared.ConfigParams['env']) {
  if (!env('SMTP_HOST', '')) return {};
  const user = env('SMTP_USER', '');
  return {
    email: {
      config: {
        provider: 'nodemailer',
        providerOptions: {
          host: env('SMTP_HOST'),
          port: env.int('SMTP_PORT', 587),
          // true for port 465 (TLS from the start); otherwise STARTTLS when the server offers it.
          secure: env.bool('SMTP_SECURE', false),
          ...(user ? { auth: { user, pass: env('SMTP_PASSWORD', '') } } : {}),
        },
        settings: {
          defaultFrom: env('EMAIL_FROM', 'hub@localhost'),
          defaultReplyTo: env('EMAIL_FROM', 'hub@localhost'),
        },
      },
    },
  };
}

/** The canned ACLs S3_ACL may name: public-read (the default), or none to send no ACL at all. */
const S3_ACLS = ['public-read', 'none'] as const;

/**
 * The ACL uploads get. Strapi's provider sends public-read unless told otherwise, which buckets
 * with "bucket owner enforced" object ownership (the AWS default since April 2023, and many
 * other services) refuse: S3_ACL=none sends none, and a bucket policy makes the media public.
 * private is refused: the site build and readers' browsers fetch media without signatures.
 */
function s3Acl(env: Core.Config.Shared.ConfigParams['env']): 'public-read' | undefined {
  const acl = env('S3_ACL', 'public-read').trim().toLowerCase() || 'public-read';
  if (!(S3_ACLS as readonly string[]).includes(acl)) {
    throw new Error(`S3_ACL must be ${S3_ACLS.join(' or ')}, not "${acl}".`);
  }
  return acl === 'none' ? undefined : 'public-read';
}

/**
 * Where media are stored: on local disk under PUBLIC_DIR/uploads (the default), or in the
 * S3-compatible bucket S3_BUCKET names (see cms/.env.example), through Strapi's own provider.
 */
function uploadProvider(env: Core.Config.Shared.ConfigParams['env']) {
  const s3 = readS3Settings(process.env);
  if (!s3) {
    return {
      providerOptions: {
        // Uploaded files get a new, hashed name on every upload or replace, so they never change:
        // caches (and the site build's image cache) may keep them for good instead of re-encoding.
        localServer: { maxage: 365 * 24 * 60 * 60 * 1000, immutable: true },
      },
    };
  }
  return {
    provider: 'aws-s3',
    providerOptions: {
      // File URLs are <public URL>/<key>: the CDN or bucket address browsers and builds read.
      baseUrl: s3.publicUrl,
      s3Options: {
        ...(s3.endpoint ? { endpoint: s3.endpoint } : {}),
        region: s3.region,
        forcePathStyle: s3.forcePathStyle,
        credentials: { accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey },
        // Since 3.729 the AWS SDK adds CRC32 checksums to every upload it can, which many
        // S3-compatible services (older MinIO and Ceph, Garage, R2 at the time) refuse
        // (aws/aws-sdk-js-v3#6810). Only where an operation requires one; AWS itself accepts
        // both, and so does s3rver (the tests compare the stored bytes).
        requestChecksumCalculation: 'WHEN_REQUIRED',
        responseChecksumValidation: 'WHEN_REQUIRED',
        // The provider sets public-read when params has no ACL key at all: an explicit
        // undefined keeps it from sending one (S3_ACL=none).
        params: { Bucket: s3.bucket, ACL: s3Acl(env) },
      },
    },
  };
}

export default ({ env }: Core.Config.Shared.ConfigParams) => ({
  ...emailConfig(env),
  'users-permissions': {
    config: {
      jwtSecret: env('JWT_SECRET'),
    },
  },
  upload: { config: uploadProvider(env) },
});
