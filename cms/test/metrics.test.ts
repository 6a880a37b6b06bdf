import { Writable } from 'node:stream';
import { winston } from '@strapi/logger';
import { SUBMISSION_HONEYPOT_FIELD, SUBMISSION_TOKEN_FIELD } from '@hub/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootTestCms, type TestCms } from './harness';
import { parsePrometheusText, sampleValue, type Sample } from './prometheus';
import loggerConfig from '../config/logger';

const SECRET = 'metrics-test-secret';
const SITE_URL = 'https://hub.example.nl';
let cms: TestCms;

beforeAll(async () => {
  cms = await bootTestCms({
    PUBLISHER_SECRET: SECRET,
    SITE_URL,
    SUBMISSION_MIN_FILL_SECONDS: '0',
    SUBMISSION_TRUSTED_PROXIES: '127.0.0.1',
  });
});
afterAll(async () => {
  await cms?.stop();
  Reflect.deleteProperty(process.env, 'PUBLISHER_SECRET');
});

const scrape = (headers: Record<string, string> = {}) => fetch(`${cms.url}/metrics`, { headers });

async function samples(): Promise<Sample[]> {
  const response = await scrape({ Authorization: `Bearer ${SECRET}` });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
  return parsePrometheusText(await response.text());
}

let address = 0;
/** Posts a good-practice submission from an address of its own. */
async function submit(body: Record<string, unknown>, headers: Record<string, string> = {}) {
  address += 1;
  const response = await fetch(`${cms.url}/api/submissions/good-practices`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      'X-Forwarded-For': `10.9.0.${address}`,
      ...headers,
    },
    body: JSON.stringify(body),
  });
  return response.status;
}

async function formToken(): Promise<string> {
  const response = await fetch(`${cms.url}/api/submissions/token`);
  return ((await response.json()) as { token: string }).token;
}

const practice = async () => ({
  title: 'Samen koken in Malpertuis (voorbeeld)',
  summary: 'Buren koken één keer per maand samen een maaltijd.',
  activityType: 'wandelgroep',
  submitterName: 'Carla Voorbeeld',
  submitterEmail: 'carla@voorbeeld.nl',
  [SUBMISSION_TOKEN_FIELD]: await formToken(),
});

describe('GET /metrics on the CMS', () => {
  it('needs the publisher secret, as a bearer token or in its header', async () => {
    expect((await scrape()).status).toBe(401);
    expect((await scrape({ Authorization: 'Bearer wrong' })).status).toBe(401);
    expect((await scrape({ 'X-Hub-Publisher-Secret': SECRET })).status).toBe(200);
  });

  it('counts submissions accepted and refused, by reason', async () => {
    const form = { form: 'good-practice' };
    const before = await samples();
    const count = (list: Sample[], labels: Record<string, string>) =>
      sampleValue(list, 'hub_cms_submissions_total', { ...form, ...labels });

    expect(await submit(await practice())).toBe(201);
    expect(await submit({ ...(await practice()), title: '' })).toBe(400);
    expect(await submit(await practice(), { Origin: 'https://elders.example' })).toBe(403);
    expect(
      await submit({ ...(await practice()), [SUBMISSION_HONEYPOT_FIELD]: 'http://spam.example' }),
    ).toBe(201);

    const after = await samples();
    const grew = (labels: Record<string, string>) => count(after, labels) - count(before, labels);
    expect(grew({ outcome: 'accepted' })).toBe(1);
    expect(grew({ outcome: 'refused', reason: 'invalid' })).toBe(1);
    expect(grew({ outcome: 'refused', reason: 'cross-site' })).toBe(1);
    expect(grew({ outcome: 'refused', reason: 'honeypot' })).toBe(1);
    expect(sampleValue(after, 'hub_cms_process_resident_memory_bytes')).toBeGreaterThan(0);
  });

  it('takes a token of its own, METRICS_TOKEN, besides the publisher secret', async () => {
    process.env.METRICS_TOKEN = 'scrape-only';
    try {
      expect((await scrape({ Authorization: 'Bearer scrape-only' })).status).toBe(200);
      expect((await scrape({ Authorization: `Bearer ${SECRET}` })).status).toBe(200);
      expect((await scrape({ Authorization: 'Bearer wrong' })).status).toBe(401);
    } finally {
      Reflect.deleteProperty(process.env, 'METRICS_TOKEN');
    }
  });

  it('is not there without a publisher secret or metrics token', async () => {
    Reflect.deleteProperty(process.env, 'PUBLISHER_SECRET');
    try {
      expect((await scrape({ Authorization: `Bearer ${SECRET}` })).status).toBe(404);
    } finally {
      process.env.PUBLISHER_SECRET = SECRET;
    }
  });
});

describe('LOG_FORMAT', () => {
  const env = (values: Record<string, string>) => {
    const read = ((name: string, fallback?: string) => values[name] ?? fallback) as never;
    return { env: read } as Parameters<typeof loggerConfig>[0];
  };

  it('json writes one JSON object a line, with time, level, service and message', async () => {
    const lines: string[] = [];
    const config = loggerConfig(env({ LOG_FORMAT: 'json' }));
    const logger = winston.createLogger({
      format: config.format,
      transports: [
        new winston.transports.Stream({
          stream: new Writable({
            write(chunk, _encoding, done) {
              lines.push(String(chunk).trim());
              done();
            },
          }),
        }),
      ],
    });
    logger.warn('[hub] Een waarschuwing "met" aanhalingstekens');
    await new Promise((resolve) => setImmediate(resolve));
    const line = JSON.parse(lines[0] ?? '') as Record<string, string>;
    expect(line).toMatchObject({
      level: 'warn',
      service: 'cms',
      msg: '[hub] Een waarschuwing "met" aanhalingstekens',
    });
    expect(Number.isNaN(Date.parse(line.time ?? ''))).toBe(false);
  });

  it('text keeps Strapi’s own lines; anything else is refused at start', () => {
    expect(loggerConfig(env({})).format).toBeUndefined();
    expect(loggerConfig(env({})).startup.enabled).toBe(true);
    expect(loggerConfig(env({ LOG_FORMAT: 'json' })).startup.enabled).toBe(false);
    expect(() => loggerConfig(env({ LOG_FORMAT: 'xml' }))).toThrow(/LOG_FORMAT/);
  });
});
