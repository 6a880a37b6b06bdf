import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootTestCms, type TestCms } from './harness';
import { validData } from './fixtures';
import { request } from './http';

let cms: TestCms;
let buildToken: string;
let published: { documentId: string };

const collections = [
  'articles',
  'good-practices',
  'events',
  'partners',
  'actions',
  'pages',
  'themes',
  'target-groups',
  'districts',
  'neighbourhoods',
];

beforeAll(async () => {
  cms = await bootTestCms();
  buildToken = fs.readFileSync(process.env.SITE_BUILD_TOKEN_FILE!, 'utf8').trim();
  const valid = await validData(cms.strapi);
  published = await cms.strapi.documents('api::article.article').create({
    data: { ...valid.article, title: 'Gepubliceerd bericht' },
    status: 'published',
  } as never);
  await cms.strapi
    .documents('api::article.article')
    .create({ data: { ...valid.article, title: 'Geheim concept' } } as never);
  await cms.strapi.documents('api::site.site').create({ data: valid.site } as never);
});
afterAll(async () => {
  await cms?.stop();
});

const refused = [401, 403];

describe('anonymous callers', () => {
  it.each(collections)('cannot read /api/%s, with or without ?status=draft', async (collection) => {
    for (const query of ['', '?status=draft', '?status=published', '?publicationState=preview']) {
      const { status } = await request(cms.url, `/api/${collection}${query}`);
      expect(refused, `${collection}${query}`).toContain(status);
    }
  });

  it('cannot read a single article, the site settings or drafts of them', async () => {
    for (const path of [
      `/api/articles/${published.documentId}`,
      `/api/articles/${published.documentId}?status=draft`,
      '/api/site',
      '/api/site?status=draft',
    ]) {
      expect(refused, path).toContain((await request(cms.url, path)).status);
    }
  });

  it.each(collections)('cannot create, update or delete in /api/%s', async (collection) => {
    expect(refused).toContain(
      (
        await request(cms.url, `/api/${collection}`, {
          method: 'POST',
          body: { data: { title: 'x' } },
        })
      ).status,
    );
    expect(refused).toContain(
      (
        await request(cms.url, `/api/${collection}/abc`, {
          method: 'PUT',
          body: { data: { title: 'x' } },
        })
      ).status,
    );
    expect(refused).toContain(
      (await request(cms.url, `/api/${collection}/abc`, { method: 'DELETE' })).status,
    );
  });

  it('cannot sign up for an account that could read content', async () => {
    const { status } = await request(cms.url, '/api/auth/local/register', {
      method: 'POST',
      body: { username: 'bezoeker', email: 'bezoeker@example.org', password: 'Wachtwoord123' },
    });
    expect([400, 403]).toContain(status);
    expect(await cms.strapi.db.query('plugin::users-permissions.user').count()).toBe(0);
  });

  it('get 401 with a token that is not ours', async () => {
    expect((await request(cms.url, '/api/articles', { token: 'not-a-real-token' })).status).toBe(
      401,
    );
  });
});

describe('the read-only build token', () => {
  it('reads published content, without drafts', async () => {
    const { status, body } = await request<{ data: { title: string }[] }>(
      cms.url,
      '/api/articles',
      { token: buildToken },
    );
    expect(status).toBe(200);
    expect(body.data.map((article) => article.title)).toEqual(['Gepubliceerd bericht']);
  });

  it('is refused when it asks for drafts, in whatever form', async () => {
    for (const query of ['?status=draft', '?status=DRAFT', '?status', '?status[0]=draft']) {
      const { status, body } = await request<{ data: unknown }>(cms.url, `/api/articles${query}`, {
        token: buildToken,
      });
      expect(status, query).toBe(403);
      expect(JSON.stringify(body)).not.toContain('Geheim concept');
    }
    const single = await request(cms.url, `/api/site?status=draft`, { token: buildToken });
    expect(single.status).toBe(403);
  });

  it.each(collections)('reads /api/%s', async (collection) => {
    expect((await request(cms.url, `/api/${collection}`, { token: buildToken })).status).toBe(200);
  });

  it('reads the site settings', async () => {
    const { status, body } = await request<{ data: { siteName: string } }>(cms.url, '/api/site', {
      token: buildToken,
    });
    expect(status).toBe(200);
    expect(body.data.siteName).toBe('Samen tegen eenzaamheid');
  });

  it('cannot create, update or delete', async () => {
    const write = (method: string, path: string) =>
      request(cms.url, path, {
        method,
        token: buildToken,
        body: method === 'DELETE' ? undefined : { data: { title: 'Gewijzigd' } },
      });
    expect((await write('POST', '/api/articles')).status).toBe(403);
    expect((await write('PUT', `/api/articles/${published.documentId}`)).status).toBe(403);
    expect((await write('DELETE', `/api/articles/${published.documentId}`)).status).toBe(403);
    expect((await write('PUT', '/api/site')).status).toBe(403);
    const still = await cms.strapi
      .documents('api::article.article')
      .findOne({ documentId: published.documentId, status: 'published' } as never);
    expect(still?.title).toBe('Gepubliceerd bericht');
  });
});

describe('methods no route uses', () => {
  it('are answered 405 with the methods the CMS takes, not a server error', async () => {
    const { request: send } = await import('node:http');
    for (const method of ['TRACE', 'PROPFIND', 'LINK']) {
      const answer = await new Promise<{ status: number; allow?: string }>((resolve, reject) => {
        send(`${cms.url}/api/articles`, { method }, (response) => {
          response.resume();
          resolve({ status: response.statusCode ?? 0, allow: response.headers.allow });
        })
          .on('error', reject)
          .end();
      });
      expect(answer.status, method).toBe(405);
      expect(answer.allow).toContain('GET');
    }
  });
});
