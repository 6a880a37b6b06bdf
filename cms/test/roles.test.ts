import path from 'node:path';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appDir, bootTestCms, type TestCms } from './harness';
import { loginWithRole, validData } from './fixtures';
import { request } from './http';
import { runPublicationSchedule } from '../src/hub/scheduling/publication-schedule';

const require = createRequire(import.meta.url);
type RolesModule = typeof import('../src/hub/bootstrap/editorial-roles');
// The compiled code, exactly as the running CMS executes it.
const { ensureEditorialRoles, EDITORIAL_ROLES } = require(
  path.join(appDir, 'dist', 'src', 'hub', 'bootstrap', 'editorial-roles.js'),
) as RolesModule;

const PRACTICES = '/content-manager/collection-types/api::good-practice.good-practice';
let cms: TestCms;
let valid: Record<string, Record<string, unknown>>;

beforeAll(async () => {
  cms = await bootTestCms();
  valid = await validData(cms.strapi);
});
afterAll(async () => {
  await cms?.stop();
});

const userWithRole = (role: keyof typeof EDITORIAL_ROLES, email: string) =>
  loginWithRole(cms, role, email);

const draftOf = (title: string) => ({ ...valid['good-practice'], title });

async function createDraft(token: string, title: string) {
  const answer = await request<{ data: { documentId: string } }>(cms.url, PRACTICES, {
    method: 'POST',
    token,
    body: draftOf(title),
  });
  return { status: answer.status, documentId: answer.body?.data?.documentId };
}

const publish = (token: string, documentId: string) =>
  request(cms.url, `${PRACTICES}/${documentId}/actions/publish`, {
    method: 'POST',
    token,
    body: {},
  });

const permissionCount = async () => cms.strapi.db.query('admin::permission').count();

describe('editorial roles', () => {
  it('are named in Dutch', async () => {
    for (const role of Object.values(EDITORIAL_ROLES)) {
      const found = (await cms.strapi.service('admin::role').findOne({ code: role.code })) as {
        name: string;
      };
      expect(found.name).toBe(role.name);
    }
  });

  it('let a partner (author) draft a good practice, but not publish it', async () => {
    const author = await userWithRole('author', 'partner@voorbeeld.nl');
    const draft = await createDraft(author, 'Buurtsoep van een partner (voorbeeld)');
    expect(draft.status).toBe(201);
    expect((await publish(author, draft.documentId!)).status).toBe(403);
    const stored = await cms.strapi
      .documents('api::good-practice.good-practice')
      .findOne({ documentId: draft.documentId!, status: 'published' } as never);
    expect(stored).toBeNull();
  });

  it('do not let a partner plan a publication, which the scheduler would carry out', async () => {
    const author = await userWithRole('author', 'plannende-partner@voorbeeld.nl');
    const answer = await request<{ data: { documentId: string } }>(cms.url, PRACTICES, {
      method: 'POST',
      token: author,
      body: { ...draftOf('Zelf gepland (voorbeeld)'), publishOn: '2031-01-01T09:00:00.000Z' },
    });
    expect(answer.status).toBeLessThan(500);
    const stored = await cms.strapi
      .documents('api::good-practice.good-practice')
      .findMany({ filters: { title: 'Zelf gepland (voorbeeld)' } } as never);
    expect(stored.every((document) => !document.publishOn)).toBe(true);
    const run = await runPublicationSchedule(cms.strapi, new Date('2031-01-02T00:00:00.000Z'));
    expect(run.published).toEqual([]);
  });

  it('keep a partner away from what others wrote', async () => {
    const editor = await userWithRole('editor', 'redacteur@voorbeeld.nl');
    const author = await userWithRole('author', 'andere-partner@voorbeeld.nl');
    const theirs = await createDraft(editor, 'Van de redactie (voorbeeld)');
    const change = await request(cms.url, `${PRACTICES}/${theirs.documentId}`, {
      method: 'PUT',
      token: author,
      body: { title: 'Overgenomen' },
    });
    expect(change.status).toBe(403);
    const { status } = await request(cms.url, '/content-manager/single-types/api::site.site', {
      token: author,
    });
    expect(status).toBe(403);
  });

  it('let an editor publish a partner’s draft', async () => {
    const author = await userWithRole('author', 'derde-partner@voorbeeld.nl');
    const editor = await userWithRole('editor', 'tweede-redacteur@voorbeeld.nl');
    const draft = await createDraft(author, 'Wandelclub van een partner (voorbeeld)');
    expect((await publish(editor, draft.documentId!)).status).toBe(200);
  });

  it('are set up again on every start without changing anything', async () => {
    const before = await permissionCount();
    await ensureEditorialRoles(cms.strapi);
    await ensureEditorialRoles(cms.strapi);
    expect(await permissionCount()).toBe(before);
  });
});
