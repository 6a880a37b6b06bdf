import { describe, expect, it } from 'vitest';
import { readS3Settings } from '../src/storage/s3-settings';

const keys = { S3_ACCESS_KEY_ID: 'id', S3_SECRET_ACCESS_KEY: 'secret' };

describe('readS3Settings', () => {
  it('is null without a bucket: media and site stay on local disk', () => {
    expect(readS3Settings({ ...keys })).toBeNull();
    expect(readS3Settings({ ...keys, S3_BUCKET: 'media' }, 'PUBLISH_S3_')).toBeNull();
  });

  it('reads a storage of its own with path-style addresses by default', () => {
    const settings = readS3Settings({
      ...keys,
      S3_BUCKET: 'media',
      S3_ENDPOINT: 'http://127.0.0.1:9000/',
    });
    expect(settings).toEqual({
      bucket: 'media',
      endpoint: 'http://127.0.0.1:9000',
      region: 'us-east-1',
      accessKeyId: 'id',
      secretAccessKey: 'secret',
      forcePathStyle: true,
      publicUrl: 'http://127.0.0.1:9000/media',
    });
  });

  it('lets the site bucket take the media settings and override any of them', () => {
    const settings = readS3Settings(
      {
        ...keys,
        S3_BUCKET: 'media',
        S3_ENDPOINT: 'https://s3.example.nl',
        S3_PUBLIC_URL: 'https://cdn.example.nl/media',
        PUBLISH_S3_BUCKET: 'site',
        PUBLISH_S3_ACCESS_KEY_ID: 'publisher',
        PUBLISH_S3_PUBLIC_URL: 'https://www.example.nl',
      },
      'PUBLISH_S3_',
    );
    expect(settings).toMatchObject({
      bucket: 'site',
      endpoint: 'https://s3.example.nl',
      accessKeyId: 'publisher',
      secretAccessKey: 'secret',
      publicUrl: 'https://www.example.nl',
    });
  });

  it('never gives the site bucket the media bucket’s public address', () => {
    const settings = readS3Settings(
      {
        ...keys,
        S3_BUCKET: 'media',
        S3_ENDPOINT: 'https://s3.example.nl',
        S3_PUBLIC_URL: 'https://cdn.example.nl/media',
        PUBLISH_S3_BUCKET: 'site',
      },
      'PUBLISH_S3_',
    );
    expect(settings?.publicUrl).toBe('https://s3.example.nl/site');
  });

  it('builds the public address for virtual-host and AWS buckets', () => {
    expect(
      readS3Settings({
        ...keys,
        S3_BUCKET: 'media',
        S3_ENDPOINT: 'https://s3.example.nl',
        S3_FORCE_PATH_STYLE: 'false',
      })?.publicUrl,
    ).toBe('https://media.s3.example.nl');
    expect(
      readS3Settings({ ...keys, S3_BUCKET: 'media', S3_REGION: 'eu-central-1' })?.publicUrl,
    ).toBe('https://media.s3.eu-central-1.amazonaws.com');
  });

  it('says what is wrong with a bad setting', () => {
    expect(() => readS3Settings({ S3_BUCKET: 'media' })).toThrow(/S3_ACCESS_KEY_ID/);
    expect(() =>
      readS3Settings({ ...keys, S3_BUCKET: 'media', S3_FORCE_PATH_STYLE: 'maybe' }),
    ).toThrow(/true or false/);
    expect(() =>
      readS3Settings({ ...keys, S3_BUCKET: 'media', S3_ENDPOINT: 'ftp://storage' }),
    ).toThrow(/https:\/\//);
    expect(() =>
      readS3Settings({ ...keys, S3_BUCKET: 'media', S3_PUBLIC_URL: 'cdn.example.nl' }),
    ).toThrow(/S3_PUBLIC_URL/);
  });
});
