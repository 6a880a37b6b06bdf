import { describe, expect, it } from 'vitest';
import {
  documentPublication,
  sitePublication,
  type BuildSummary,
  type PublisherStatus,
} from '../src';
import { explainFailure, explainWarning } from '../src/publishing/explain-build';

const good = (id: string, startedAt: string, finishedAt: string): BuildSummary => ({
  id,
  startedAt,
  finishedAt,
  result: 'live',
});
const failed = (id: string, startedAt: string): BuildSummary => ({
  id,
  startedAt,
  finishedAt: startedAt.replace(':00Z', ':05Z'),
  result: 'failed',
  failure: { kind: 'cms-unreachable', message: 'fetch failed' },
});
const status = (over: Partial<PublisherStatus>): PublisherStatus => ({
  live: null,
  building: null,
  pending: false,
  builds: [],
  ...over,
});

const b1 = good('b1', '2026-12-01T10:00:00Z', '2026-12-01T10:00:04Z');
const b2 = good('b2', '2026-12-01T11:00:00Z', '2026-12-01T11:00:03Z');
const b3 = good('b3', '2026-12-01T12:00:00Z', '2026-12-01T12:00:03Z');
const published = (publishedAt: string | null, hasUnpublishedChanges = false) => ({
  publishedAt,
  hasUnpublishedChanges,
});

describe('documentPublication', () => {
  it('a draft is not on the site', () => {
    expect(documentPublication(published(null), status({ live: 'b1', builds: [b1] }))).toEqual({
      state: 'draft',
    });
  });

  it('is on the site since the first good build that started after the publication', () => {
    const site = status({ live: 'b3', builds: [b1, b2, b3] });
    expect(documentPublication(published('2026-12-01T10:30:00Z', true), site)).toEqual({
      state: 'on-site',
      since: b2.finishedAt,
      hasUnpublishedChanges: true,
    });
  });

  it('gives no moment when the history does not reach back to the publication', () => {
    const site = status({ live: 'b3', builds: [b2, b3] });
    expect(documentPublication(published('2026-12-01T10:30:00Z'), site)).toEqual({
      state: 'on-site',
      since: '',
      hasUnpublishedChanges: false,
    });
  });

  it('takes the first build ever for content published before anything was built', () => {
    const site = status({ live: 'b3', builds: [{ ...b2, first: true }, b3] });
    expect(documentPublication(published('2026-12-01T10:30:00Z'), site)).toMatchObject({
      state: 'on-site',
      since: b2.finishedAt,
    });
  });

  it('an unpublished document is being taken off while a build is on its way', () => {
    const waiting = status({ live: 'b1', builds: [b1], pending: true });
    expect(documentPublication(published(null), waiting)).toEqual({ state: 'updating' });
    const failing = status({ live: 'b1', builds: [b1, failed('f1', '2026-12-01T10:40:00Z')] });
    expect(documentPublication(published(null), failing)).toEqual({
      state: 'draft',
      failure: { kind: 'cms-unreachable', message: 'fetch failed' },
    });
  });

  it('after a rollback, only builds up to the live one count', () => {
    const site = status({ live: 'b2', builds: [b1, b2, b3] });
    expect(documentPublication(published('2026-12-01T11:30:00Z'), site).state).toBe('not-yet');
  });

  it('is being updated while a build runs or waits', () => {
    const running = status({ live: 'b1', builds: [b1], building: { id: 'b2', startedAt: '' } });
    const waiting = status({ live: 'b1', builds: [b1], pending: true });
    for (const site of [running, waiting]) {
      expect(documentPublication(published('2026-12-01T10:30:00Z'), site)).toEqual({
        state: 'updating',
      });
    }
  });

  it('is not yet on the site, with the newest failure since its publication', () => {
    const newer = { ...failed('f2', '2026-12-01T10:50:00Z') };
    newer.failure = { kind: 'checks', message: 'broken link' };
    const site = status({
      live: 'b1',
      builds: [b1, failed('f1', '2026-12-01T10:40:00Z'), newer],
    });
    expect(documentPublication(published('2026-12-01T10:30:00Z'), site)).toEqual({
      state: 'not-yet',
      failure: { kind: 'checks', message: 'broken link' },
    });
    // A failure before the publication is not its reason.
    expect(documentPublication(published('2026-12-01T10:55:00Z'), site)).toEqual({
      state: 'not-yet',
    });
  });

  it('trusts a live build recovered from disk when nothing failed since', () => {
    const recovered: BuildSummary = { id: 'r1', startedAt: '', finishedAt: '', result: 'live' };
    expect(
      documentPublication(
        published('2026-12-01T10:30:00Z'),
        status({ live: 'r1', builds: [recovered] }),
      ),
    ).toEqual({ state: 'on-site', since: '', hasUnpublishedChanges: false });
  });
});

describe('sitePublication', () => {
  it('is live since the live build finished, with its warnings', () => {
    const warning = {
      kind: 'missing-image' as const,
      file: 'wandeling.jpg',
      url: '/uploads/wandeling_1.jpg',
      items: [{ type: 'article' as const, documentId: 'd1', title: 'Wandelen' }],
    };
    const site = status({ live: 'b2', builds: [b1, { ...b2, warnings: [warning] }] });
    expect(sitePublication(site)).toEqual({
      state: 'live',
      since: b2.finishedAt,
      warnings: [warning],
    });
  });

  it('counts the failures in a row and keeps the live time', () => {
    const site = status({
      live: 'b1',
      builds: [b1, failed('f1', '2026-12-01T10:40:00Z'), failed('f2', '2026-12-01T10:50:00Z')],
    });
    expect(sitePublication(site)).toMatchObject({
      state: 'failed',
      since: b1.finishedAt,
      failedInARow: 2,
      failure: { kind: 'cms-unreachable' },
    });
  });

  it('says when nothing was ever built', () => {
    expect(sitePublication(status({}))).toEqual({ state: 'none' });
    expect(sitePublication(status({ pending: true })).state).toBe('updating');
  });
});

describe('explanations', () => {
  it('name the file and the items of a missing image', () => {
    const text = explainWarning({
      kind: 'missing-image',
      file: 'wandeling.jpg',
      url: '/uploads/wandeling_1.jpg',
      items: [{ type: 'good-practice', documentId: 'd1', title: 'Samen wandelen' }],
    });
    expect(text).toContain('Een afbeelding ontbreekt: wandeling.jpg.');
    expect(text).toContain('Samen wandelen (goed voorbeeld)');
  });

  it('fall back to a general reason for an unknown kind', () => {
    expect(explainFailure('nonsense' as never)).toEqual(explainFailure('unknown'));
    expect(explainFailure('timeout').reason).toBe('het bijwerken duurde te lang');
  });
});
