import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appDir, bootTestCms, type TestCms } from './harness';
import { validData } from './fixtures';
import { adminLogin, request } from './http';
import { forgetOldSubmitters } from '../src/hub/submissions/forget-submitters';

/** The site's own loader (site/src/loaders), loaded by path: the CMS's type check stays in cms/. */
interface Connection {
  url: string;
  token: string;
}
interface SiteLoaders {
  cmsConnection: (env: NodeJS.ProcessEnv) => Connection;
  previewConnection: (env: NodeJS.ProcessEnv) => Connection;
  loadHub: (connection: Connection) => Promise<{ practices: { title: string }[] }>;
  loadPreviewHub: (
    connection: Connection,
    target: { collection: string; documentId: string },
  ) => Promise<{ draft: Record<string, unknown> } | null>;
  fetchDraft: (connection: Connection, query: unknown, documentId: string) => Promise<unknown>;
  COLLECTION_QUERIES: Record<string, unknown>;
}
async function siteLoaders(): Promise<SiteLoaders> {
  const folder = path.join(appDir, '..', 'site', 'src', 'loaders');
  return {
    ...(await import(path.join(folder, 'connection.ts'))),
    ...(await import(path.join(folder, 'hub-loader.ts'))),
    ...(await import(path.join(folder, 'cms-client.ts'))),
    ...(await import(path.join(folder, 'queries.ts'))),
  } as SiteLoaders;
}

/**
 * Personal data and drafts stay in the admin: every API token, with the real keys, against a
 * booted CMS. The submitter's name, e-mail and organisation never leave through the REST API;
 * only the preview token reads drafts.
 */

const ADMIN = { email: 'beheer@voorbeeld.nl', password: 'Beheerder1234' };
const SUBMITTER = {
  name: 'Annemarie Inzendster',
  email: 'annemarie.inzendster@voorbeeld.nl',
  organisation: 'Buurtclub Geheimhouding',
};
/** Any of these in an answer means the submitter leaked. */
const MARKERS = ['Inzendster', 'annemarie', 'Geheimhouding'];
const DRAFT_TITLE = 'Nog niet klaar: soep in de wijk (voorbeeld)';

let cms: TestCms;
const keys: Record<'build' | 'preview' | 'readOnly' | 'fullAccess' | 'custom', string> = {
  build: '',
  preview: '',
  readOnly: '',
  fullAccess: '',
  custom: '',
};
let practice: { documentId: string };
let draftOnly: { documentId: string };
let event: { documentId: string };
let article: { documentId: string };

const submitter = (days = 0) => ({
  ...SUBMITTER,
  submittedAt: new Date(Date.now() - days * 24 * 60 * 60_000).toISOString(),
});

beforeAll(async () => {
  cms = await bootTestCms({
    PREVIEW_URL: 'http://localhost:4323',
    PREVIEW_SECRET: 'geheim-voor-de-test',
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
  });
  const tokenDir = path.dirname(process.env.SITE_BUILD_TOKEN_FILE!);
  keys.build = fs.readFileSync(process.env.SITE_BUILD_TOKEN_FILE!, 'utf8').trim();
  keys.preview = fs.readFileSync(path.join(tokenDir, 'site-preview-token'), 'utf8').trim();
  const tokens = cms.strapi.service('admin::api-token-content-api');
  // Strapi makes these two on a database without admins and tokens; an operator may keep them.
  keys.readOnly = (await tokens.getByName('Read Only', { includeDecryptedKey: true })).accessKey;
  keys.fullAccess = (
    await tokens.getByName('Full Access', { includeDecryptedKey: true })
  ).accessKey;
  keys.custom = (
    await tokens.create({
      name: 'Eigen token met alle rechten op inzendingen',
      type: 'custom',
      lifespan: null,
      permissions: [
        'api::site.site.find',
        ...['good-practice', 'event', 'article'].flatMap((type) =>
          ['find', 'findOne', 'create', 'update'].map((action) => `api::${type}.${type}.${action}`),
        ),
      ],
    })
  ).accessKey;

  const valid = await validData(cms.strapi);
  const practices = cms.strapi.documents('api::good-practice.good-practice');
  practice = await practices.create({
    data: { ...valid['good-practice'], submitted: true, submitter: submitter() },
    status: 'published',
  } as never);
  draftOnly = await practices.create({
    data: {
      ...valid['good-practice'],
      title: DRAFT_TITLE,
      submitted: true,
      submitter: submitter(),
    },
  } as never);
  event = await cms.strapi.documents('api::event.event').create({
    data: { ...valid.event, submitted: true, submitter: submitter() },
    status: 'published',
  } as never);
  article = await cms.strapi.documents('api::article.article').create({
    data: {
      ...valid.article,
      relatedPractices: [practice.documentId],
      relatedEvents: [event.documentId],
    },
    status: 'published',
  } as never);
  await cms.strapi.documents('api::site.site').create({ data: valid.site } as never);
});
afterAll(async () => {
  await cms?.stop();
});

const tokenNames = Object.keys(keys) as (keyof typeof keys)[];
const allButPreview = tokenNames.filter((name) => name !== 'preview');
const get = (token: string, url: string) =>
  request<Record<string, unknown>>(cms.url, url, { token });
const leaks = (body: unknown) => MARKERS.filter((marker) => JSON.stringify(body).includes(marker));

describe('who sent something in', () => {
  const reads = () => [
    '/api/good-practices?populate=*',
    '/api/good-practices?populate=submitter',
    '/api/good-practices?populate[submitter]=true',
    '/api/good-practices?populate[0]=submitter',
    '/api/good-practices?populate[submitter][populate]=*',
    '/api/good-practices?populate[submitter][fields][0]=email',
    `/api/good-practices/${practice.documentId}?populate=*`,
    `/api/good-practices/${practice.documentId}?populate[submitter]=true`,
    '/api/events?populate=*',
    '/api/events?populate=submitter',
    `/api/events/${event.documentId}?populate[submitter][populate]=*`,
    '/api/articles?populate[relatedPractices][populate]=*',
    '/api/articles?populate[relatedPractices][populate][submitter]=true',
    '/api/articles?populate[relatedEvents][populate][0]=submitter',
    '/api/articles?populate=relatedPractices.submitter',
  ];

  it.each(tokenNames)('is not in any answer to the %s token', async (name) => {
    for (const url of reads()) {
      const { status, body } = await get(keys[name], url);
      expect([200, 400], url).toContain(status);
      expect(leaks(body), url).toEqual([]);
    }
    // Plain reads work, so the absence above is not an error page.
    const { status, body } = await get(keys[name], '/api/good-practices?populate=*');
    expect(status).toBe(200);
    expect(JSON.stringify(body)).toContain(practice.documentId);
    expect(JSON.stringify(body)).not.toContain('"submitter"');
  });

  it('is not in answers to the preview token, drafts included', async () => {
    const all = await get(
      keys.preview,
      `/api/good-practices/${draftOnly.documentId}?status=draft&populate=*`,
    );
    expect(all.status).toBe(200);
    expect(JSON.stringify(all.body)).toContain(DRAFT_TITLE);
    expect(leaks(all.body)).toEqual([]);
    for (const url of [
      `/api/good-practices/${draftOnly.documentId}?status=draft&populate[submitter]=true`,
      '/api/good-practices?status=draft&populate[0]=submitter',
      '/api/good-practices?status=draft&filters[submitter][email][$contains]=annemarie',
    ]) {
      const { status, body } = await get(keys.preview, url);
      expect([200, 400], url).toContain(status);
      expect(leaks(body), url).toEqual([]);
    }
  });

  it.each(tokenNames)('cannot be probed with filters by the %s token', async (name) => {
    // A filter that would match and one that would not must give the same answer: 400 for
    // both, or the same items. Otherwise guessing letter by letter reveals the address.
    const probes: [string, string][] = [
      [
        '/api/good-practices?filters[submitter][email][$contains]=@',
        '/api/good-practices?filters[submitter][email][$contains]=%23%23',
      ],
      [
        '/api/good-practices?filters[submitter][email][$startsWith]=annemarie',
        '/api/good-practices?filters[submitter][email][$startsWith]=zz',
      ],
      [
        '/api/events?filters[$or][0][submitter][name][$eq]=Annemarie%20Inzendster',
        '/api/events?filters[$or][0][submitter][name][$eq]=Niemand',
      ],
      [
        '/api/good-practices?filters[submitter][email][$notNull]=true',
        '/api/good-practices?filters[submitter][email][$null]=true',
      ],
      [
        '/api/articles?filters[relatedPractices][submitter][organisation][$containsi]=geheim',
        '/api/articles?filters[relatedPractices][submitter][organisation][$containsi]=zzz',
      ],
      [
        '/api/good-practices?sort=submitter.email:asc',
        '/api/good-practices?sort=submitter.email:desc',
      ],
      [`/api/good-practices?_q=${SUBMITTER.email}`, '/api/good-practices?_q=zzz-niemand'],
    ];
    const token = keys[name];
    for (const [matching, other] of probes) {
      const [a, b] = await Promise.all([get(token, matching), get(token, other)]);
      expect(leaks(a.body), matching).toEqual([]);
      expect([a.status, b.status], matching).toSatisfy(
        ([x, y]: number[]) => (x === 400 && y === 400) || x === y,
      );
      const ids = (body: Record<string, unknown>) =>
        Array.isArray(body?.data)
          ? (body.data as { documentId: string }[]).map((d) => d.documentId)
          : [];
      if (a.status === 200) expect(ids(a.body), matching).toEqual(ids(b.body));
    }
  });

  it('is still shown and changed by the editors in the admin', async () => {
    const admin = await adminLogin(cms.url, ADMIN.email, ADMIN.password);
    const url = `/content-manager/collection-types/api::good-practice.good-practice/${practice.documentId}`;
    const read = await request<{ data: { submitter: typeof SUBMITTER } }>(cms.url, url, {
      token: admin,
    });
    expect(read.status).toBe(200);
    expect(read.body.data.submitter).toMatchObject(SUBMITTER);
    const { id: _id, ...data } = read.body.data as Record<string, unknown>;
    const change = await request(cms.url, url, {
      method: 'PUT',
      token: admin,
      body: { ...data, submitter: { ...SUBMITTER, organisation: 'Een andere club' } },
    });
    expect(change.status).toBe(200);
    const stored = (await cms.strapi
      .documents('api::good-practice.good-practice')
      .findOne({ documentId: practice.documentId, populate: ['submitter'] } as never)) as any;
    expect(stored.submitter.organisation).toBe('Een andere club');
  });

  it('is not in the events the webhook to the publisher sends', async () => {
    const payloads: unknown[] = [];
    const unsubscribe = cms.strapi.eventHub.subscribe(async (name: string, payload: unknown) => {
      if (name.startsWith('entry.')) payloads.push(payload);
    });
    try {
      const practices = cms.strapi.documents('api::good-practice.good-practice');
      await practices.update({
        documentId: practice.documentId,
        data: { summary: 'Een eettafel voor buren, elke week.' },
      } as never);
      await practices.publish({ documentId: practice.documentId } as never);
    } finally {
      unsubscribe();
    }
    expect(payloads.length).toBeGreaterThan(0);
    expect(JSON.stringify(payloads)).toContain(practice.documentId);
    expect(leaks(payloads)).toEqual([]);
  });

  it('is still wiped by the nightly clean-up', async () => {
    const old = await cms.strapi.documents('api::event.event').create({
      data: { ...(await validData(cms.strapi)).event, submitted: true, submitter: submitter(120) },
    } as never);
    expect(await forgetOldSubmitters(cms.strapi, new Date(), 90)).toBeGreaterThan(0);
    const wiped = (await cms.strapi
      .documents('api::event.event')
      .findOne({ documentId: old.documentId, populate: ['submitter'] } as never)) as any;
    expect(wiped.submitter).toMatchObject({ name: null, email: null, organisation: null });
  });
});

describe('drafts', () => {
  const draftRequests = () => [
    '/api/articles?status=draft',
    '/api/articles?status=DRAFT',
    '/api/articles?status=Published',
    '/api/articles?status',
    '/api/articles?status=',
    '/api/articles?status[0]=draft',
    '/api/articles?status[]=published',
    '/api/articles?status=published&status=draft',
    '/api/articles?st%61tus=draft',
    '/api/articles?publicationState=preview',
    `/api/good-practices/${draftOnly.documentId}?status=draft`,
    '/api/good-practices?status=draft&populate=*',
    '/api/site?status=draft',
    '/API/articles?status=draft',
    '/api//articles?status=draft',
    '/%61pi/articles?status=draft',
  ];

  it.each(allButPreview)('are refused to the %s token, in every spelling', async (name) => {
    for (const url of draftRequests()) {
      const { status, body } = await get(keys[name], url);
      expect(status, url).toBe(403);
      expect((body as { error: { message: string } }).error.message, url).toMatch(
        /published content only/,
      );
      expect(JSON.stringify(body), url).not.toContain(DRAFT_TITLE);
    }
  });

  it('are refused to callers without a token and with a token that is not ours', async () => {
    expect((await request(cms.url, '/api/articles?status=draft')).status).toBe(403);
    expect((await get('bestaat-niet', '/api/articles?status=draft')).status).toBe(403);
  });

  it.each(allButPreview)('leave published reads to the %s token', async (name) => {
    for (const url of [
      '/api/articles',
      '/api/articles?status=published',
      `/api/good-practices/${practice.documentId}?status=published`,
      '/api/site',
    ]) {
      const { status, body } = await get(keys[name], url);
      expect(status, url).toBe(200);
      expect(JSON.stringify(body), url).not.toContain(DRAFT_TITLE);
    }
    const { body } = await get(keys[name], '/api/good-practices?pagination[pageSize]=100');
    const ids = (body.data as { documentId: string }[]).map((item) => item.documentId);
    expect(ids).toContain(practice.documentId);
    expect(ids).not.toContain(draftOnly.documentId);
  });

  it('cannot be written by a full-access token either', async () => {
    const { status } = await request(cms.url, `/api/articles/${article.documentId}?status=draft`, {
      method: 'PUT',
      token: keys.fullAccess,
      body: { data: { title: 'Via de achterdeur' } },
    });
    expect(status).toBe(403);
  });

  it('are read by the preview token, which cannot write', async () => {
    const { status, body } = await get(
      keys.preview,
      `/api/good-practices/${draftOnly.documentId}?status=draft`,
    );
    expect(status).toBe(200);
    expect((body.data as { title: string }).title).toBe(DRAFT_TITLE);
    const write = await request(cms.url, `/api/articles/${article.documentId}`, {
      method: 'PUT',
      token: keys.preview,
      body: { data: { title: 'Gewijzigd' } },
    });
    expect(write.status).toBe(403);
  });

  it('are refused to the preview token too when previews are switched off', async () => {
    const url = process.env.PREVIEW_URL;
    delete process.env.PREVIEW_URL;
    try {
      expect((await get(keys.preview, '/api/articles?status=draft')).status).toBe(403);
    } finally {
      process.env.PREVIEW_URL = url;
    }
  });
});

describe('the site’s loader', () => {
  const env = () => ({ ...process.env, CMS_URL: cms.url }) as NodeJS.ProcessEnv;

  it('reads the published site with the build token, never asking for drafts', async () => {
    const { cmsConnection, loadHub } = await siteLoaders();
    const connection = cmsConnection(env());
    expect(connection.token).toBe(keys.build);
    const hub = await loadHub(connection);
    expect(hub.practices.map((item) => item.title)).not.toContain(DRAFT_TITLE);
    expect(hub.practices.length).toBeGreaterThan(0);
    expect(leaks(hub)).toEqual([]);
  });

  it('previews a draft with the preview token only', async () => {
    const { cmsConnection, previewConnection, loadPreviewHub, fetchDraft, COLLECTION_QUERIES } =
      await siteLoaders();
    const connection = previewConnection(env());
    expect(connection.token).toBe(keys.preview);
    const target = { collection: 'practices', documentId: draftOnly.documentId };
    const preview = await loadPreviewHub(connection, target);
    expect(preview?.draft.title).toBe(DRAFT_TITLE);
    expect(leaks(preview)).toEqual([]);
    // The draft itself, as loadPreviewHub asks for it: refused to the build token.
    const asBuild = fetchDraft(
      cmsConnection(env()),
      COLLECTION_QUERIES.practices,
      draftOnly.documentId,
    );
    await expect(asBuild).rejects.toThrow(/403/);
  });
});
