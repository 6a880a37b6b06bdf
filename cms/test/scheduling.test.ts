import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messages } from '@hub/shared';
import { bootTestCms, type TestCms } from './harness';
import { loginWithRole, uploadImage, validData } from './fixtures';
import { request } from './http';
import { EDITORIAL_ROLES } from '../src/hub/bootstrap/editorial-roles';
import { runPublicationSchedule } from '../src/hub/scheduling/publication-schedule';
import { requestSiteRebuild } from '../src/hub/scheduling/site-rebuild';

let cms: TestCms;
let valid: Record<string, Record<string, unknown>>;

beforeAll(async () => {
  cms = await bootTestCms();
  valid = await validData(cms.strapi);
});
afterAll(async () => {
  await cms?.stop();
});

// Far in the future, so no clock but the test's own reaches these moments.
const planned = new Date('2031-05-04T08:00:00.000Z');
const minute = 60_000;
const articles = () => cms.strapi.documents('api::article.article');

async function isPublished(documentId: string): Promise<boolean> {
  return (await articles().findOne({ documentId, status: 'published' } as never)) !== null;
}

describe('the publication schedule', () => {
  it('publishes a draft when its moment has come, not before, and clears the moment', async () => {
    const draft = await articles().create({
      data: { ...valid.article, title: 'Gepland bericht', publishOn: planned.toISOString() },
    } as never);

    const early = await runPublicationSchedule(cms.strapi, new Date(planned.getTime() - minute));
    expect(early.published).not.toContain(draft.documentId);
    expect(await isPublished(draft.documentId)).toBe(false);

    const due = await runPublicationSchedule(cms.strapi, new Date(planned.getTime() + 1000));
    expect(due.published).toContain(draft.documentId);
    expect(await isPublished(draft.documentId)).toBe(true);
    const [published, current] = await Promise.all([
      articles().findOne({ documentId: draft.documentId, status: 'published' } as never),
      articles().findOne({ documentId: draft.documentId, status: 'draft' } as never),
    ]);
    expect(published?.publishOn).toBeNull();
    expect(current?.publishOn).toBeNull();
    // Done once: the next run leaves it alone.
    const again = await runPublicationSchedule(cms.strapi, new Date(planned.getTime() + minute));
    expect(again.published).not.toContain(draft.documentId);
  });

  it('takes a published entry offline when "Offline halen op" has come', async () => {
    const offlineAt = new Date(planned.getTime() + 7 * 24 * 60 * minute);
    const entry = await articles().create({
      data: { ...valid.article, title: 'Tijdelijk bericht', unpublishOn: offlineAt.toISOString() },
      status: 'published',
    } as never);
    expect(await isPublished(entry.documentId)).toBe(true);
    await runPublicationSchedule(cms.strapi, new Date(offlineAt.getTime() - 1000));
    expect(await isPublished(entry.documentId)).toBe(true);
    const run = await runPublicationSchedule(cms.strapi, offlineAt);
    expect(run.unpublished).toContain(entry.documentId);
    expect(await isPublished(entry.documentId)).toBe(false);
    const draft = await articles().findOne({ documentId: entry.documentId } as never);
    expect(draft?.unpublishOn).toBeNull();
  });

  it('leaves a planned draft that breaks a rule unpublished and still planned, and goes on', async () => {
    const id = await uploadImage(cms.strapi, null, 'geen-alt.jpg');
    const file = JSON.parse(
      JSON.stringify(await cms.strapi.db.query('plugin::upload.file').findOne({ where: { id } })),
    );
    const broken = await articles().create({
      data: {
        ...valid.article,
        title: 'Gepland maar zonder alt-tekst',
        body: [{ type: 'image', image: file, children: [{ type: 'text', text: '' }] }],
        publishOn: planned.toISOString(),
      },
    } as never);
    const fine = await articles().create({
      data: { ...valid.article, title: 'Gepland en in orde', publishOn: planned.toISOString() },
    } as never);
    const run = await runPublicationSchedule(cms.strapi, new Date(planned.getTime() + minute));
    expect(run.failed.map((failure) => failure.documentId)).toEqual([broken.documentId]);
    expect(run.published).toContain(fine.documentId);
    expect(await isPublished(broken.documentId)).toBe(false);
    const still = await articles().findOne({ documentId: broken.documentId } as never);
    expect(new Date(String(still?.publishOn)).toISOString()).toBe(planned.toISOString());
  });

  it('refuses "Offline halen op" that is not after "Publiceren op"', async () => {
    const write = articles().create({
      data: {
        ...valid.article,
        title: 'Verkeerd gepland',
        publishOn: planned.toISOString(),
        unpublishOn: planned.toISOString(),
      },
    } as never);
    await expect(write).rejects.toThrow(
      messages.unpublishNotAfterPublish('Offline halen op', 'Publiceren op'),
    );
  });
});

describe('planning keeps review', () => {
  const PRACTICES = '/content-manager/collection-types/api::good-practice.good-practice';
  const practices = () => cms.strapi.documents('api::good-practice.good-practice');

  const login = (role: keyof typeof EDITORIAL_ROLES, email: string) =>
    loginWithRole(cms, role, email);

  const change = (token: string, documentId: string, data: Record<string, unknown>) =>
    request(cms.url, `${PRACTICES}/${documentId}`, { method: 'PUT', token, body: data });

  async function plannedOf(documentId: string): Promise<string | null> {
    const draft = await practices().findOne({ documentId, status: 'draft' } as never);
    return draft?.publishOn ? new Date(String(draft.publishOn)).toISOString() : null;
  }

  let partner: string;
  let editor: string;
  beforeAll(async () => {
    partner = await login('author', 'partner-planning@voorbeeld.nl');
    editor = await login('editor', 'redacteur-planning@voorbeeld.nl');
  });

  /** A partner's draft, planned by an editor, both through the admin API. */
  async function partnerDraftPlannedByEditor(title: string): Promise<string> {
    const created = await request<{ data: { documentId: string } }>(cms.url, PRACTICES, {
      method: 'POST',
      token: partner,
      body: { ...valid['good-practice'], title },
    });
    expect(created.status).toBe(201);
    const { documentId } = created.body.data;
    expect((await change(editor, documentId, { publishOn: planned.toISOString() })).status).toBe(
      200,
    );
    expect(await plannedOf(documentId)).toBe(planned.toISOString());
    return documentId;
  }

  it('cancels the planned moment when a partner changes the item, so the cron leaves it', async () => {
    const documentId = await partnerDraftPlannedByEditor('Gepland, daarna door partner gewijzigd');
    const edit = await change(partner, documentId, { title: 'Ongelezen wijziging van de partner' });
    expect(edit.status).toBe(200);
    expect(await plannedOf(documentId)).toBeNull();
    const run = await runPublicationSchedule(cms.strapi, new Date(planned.getTime() + minute));
    expect(run.published).not.toContain(documentId);
    expect(await practices().findOne({ documentId, status: 'published' } as never)).toBeNull();
    // The change itself is kept, waiting for an editor.
    const draft = await practices().findOne({ documentId, status: 'draft' } as never);
    expect(draft?.title).toBe('Ongelezen wijziging van de partner');
  });

  it('does not let a partner copy a planned moment by duplicating the item', async () => {
    const source = await partnerDraftPlannedByEditor('Gepland en door een partner gedupliceerd');
    const copy = await request<{ data: { documentId: string } }>(
      cms.url,
      `${PRACTICES}/clone/${source}`,
      { method: 'POST', token: partner, body: { title: 'Kopie van de partner' } },
    );
    expect(copy.status).toBe(200);
    expect(copy.body.data.documentId).not.toBe(source);
    expect(await plannedOf(copy.body.data.documentId)).toBeNull();
  });

  it('keeps the moment when an editor changes a planned item, and the cron publishes it', async () => {
    const documentId = await partnerDraftPlannedByEditor('Gepland en door de redactie bijgewerkt');
    expect((await change(editor, documentId, { title: 'Nagelezen door de redactie' })).status).toBe(
      200,
    );
    expect(await plannedOf(documentId)).toBe(planned.toISOString());
    const run = await runPublicationSchedule(cms.strapi, new Date(planned.getTime() + minute));
    expect(run.published).toContain(documentId);
  });

  it('leaves changes without an admin behind them alone (cron, seed, scripts)', async () => {
    const draft = await practices().create({
      data: {
        ...valid['good-practice'],
        title: 'Gepland door een script',
        publishOn: planned.toISOString(),
      },
    } as never);
    await practices().update({
      documentId: draft.documentId,
      data: { title: 'Bijgewerkt door een script' },
    } as never);
    expect(await plannedOf(draft.documentId)).toBe(planned.toISOString());
    // Clean up: it would otherwise be published by the other tests' runs.
    await practices().delete({ documentId: draft.documentId } as never);
  });
});

describe('the hourly rebuild', () => {
  it('asks the publisher for a build, with its secret', async () => {
    const calls: { path?: string; secret?: string }[] = [];
    const publisher = http.createServer((request, response) => {
      calls.push({
        path: request.url,
        secret: request.headers['x-hub-publisher-secret'] as string,
      });
      response.writeHead(202).end('{}');
    });
    await new Promise<void>((resolve) => publisher.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(publisher.address() as AddressInfo).port}`;
    try {
      expect(await requestSiteRebuild(cms.strapi, {})).toBe('not-configured');
      expect(
        await requestSiteRebuild(cms.strapi, { PUBLISHER_URL: url, PUBLISHER_SECRET: 'geheim' }),
      ).toBe('requested');
      expect(calls).toEqual([{ path: '/build', secret: 'geheim' }]);
    } finally {
      await new Promise<void>((resolve) => publisher.close(() => resolve()));
    }
    expect(
      await requestSiteRebuild(cms.strapi, { PUBLISHER_URL: url, PUBLISHER_SECRET: 'geheim' }),
    ).toBe('failed');
  });
});
