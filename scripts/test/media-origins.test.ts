import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { siteMediaOrigins } from '../src/lib/media-origins';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-media-origins-'));
const noFile = path.join(dir, 'no-such.env');
const keys = { S3_ACCESS_KEY_ID: 'sleutel', S3_SECRET_ACCESS_KEY: 'geheim' };

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('the media origins npm start gives the site builds', () => {
  it('adds the origin of the media public URL to the origins given', () => {
    const env = {
      ...keys,
      S3_BUCKET: 'media',
      S3_PUBLIC_URL: 'https://media.example.nl/hub/',
      SITE_MEDIA_ORIGINS: 'https://oud.example.nl, https://media.example.nl',
    };
    expect(siteMediaOrigins(env, noFile)).toBe('https://oud.example.nl,https://media.example.nl');
    expect(
      siteMediaOrigins(
        { ...keys, S3_BUCKET: 'media', S3_ENDPOINT: 'http://127.0.0.1:9000' },
        noFile,
      ),
    ).toBe('http://127.0.0.1:9000');
  });

  it('reads the bucket from cms/.env too, where the environment wins', () => {
    const envFile = path.join(dir, '.env');
    fs.writeFileSync(
      envFile,
      'S3_BUCKET=media\nS3_ACCESS_KEY_ID=a\nS3_SECRET_ACCESS_KEY=b\nS3_PUBLIC_URL=https://cdn.example.nl\n',
    );
    expect(siteMediaOrigins({}, envFile)).toBe('https://cdn.example.nl');
    expect(siteMediaOrigins({ S3_PUBLIC_URL: 'https://ander.example.nl' }, envFile)).toBe(
      'https://ander.example.nl',
    );
  });

  it('leaves the origins given as they are without a bucket', () => {
    expect(siteMediaOrigins({ SITE_MEDIA_ORIGINS: 'https://a.example.nl' }, noFile)).toBe(
      'https://a.example.nl',
    );
    expect(siteMediaOrigins({}, noFile)).toBe('');
  });
});
