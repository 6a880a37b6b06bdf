import { describe, expect, it } from 'vitest';
import { parsePublisherStatus } from '../src/hub/publication/parse-status';

const good = {
  id: '20261201-100000-000',
  startedAt: '2026-12-01T10:00:00.000Z',
  finishedAt: '2026-12-01T10:00:03.000Z',
  result: 'live',
};

describe('parsePublisherStatus (what the CMS trusts of the publisher)', () => {
  it('is null for an answer that is no status at all', () => {
    for (const value of [null, 'ok', 42, [], {}, { live: 5, builds: [] }, { live: null }]) {
      expect(parsePublisherStatus(value), JSON.stringify(value)).toBeNull();
    }
  });

  it('keeps what the contract says and drops entries that are not builds', () => {
    const parsed = parsePublisherStatus({
      live: good.id,
      building: { id: 'x' }, // no startedAt: not a running build
      pending: 'yes', // not a boolean: not pending
      builds: [
        null,
        { ...good, result: 'maybe' },
        { ...good, startedAt: 5 },
        {
          ...good,
          first: true,
          failure: 'bad',
          warnings: [
            null,
            { kind: 'other', file: 'a.jpg', url: '/a', items: [] },
            { kind: 'missing-image', file: 'a.jpg', url: '/uploads/a.jpg', items: 'all' },
            {
              kind: 'missing-image',
              file: 'b.jpg',
              url: '/uploads/b.jpg',
              items: [
                { type: 'article', documentId: 'd1', title: 'Wandelen' },
                { type: 'nonsense', documentId: 'd2', title: 'Onbekend' },
                { type: 'article', documentId: 7, title: 'Geen id' },
              ],
            },
          ],
        },
      ],
    });
    expect(parsed).toEqual({
      live: good.id,
      building: null,
      pending: false,
      builds: [
        {
          ...good,
          first: true,
          warnings: [
            {
              kind: 'missing-image',
              file: 'b.jpg',
              url: '/uploads/b.jpg',
              items: [{ type: 'article', documentId: 'd1', title: 'Wandelen' }],
            },
          ],
        },
      ],
    });
  });

  it('keeps a failure with its kind, and its message only when it is text', () => {
    const parsed = parsePublisherStatus({
      live: null,
      building: { id: 'b', startedAt: good.startedAt },
      pending: true,
      builds: [{ ...good, result: 'failed', failure: { kind: 'timeout', message: { x: 1 } } }],
    });
    expect(parsed?.building).toEqual({ id: 'b', startedAt: good.startedAt });
    expect(parsed?.pending).toBe(true);
    expect(parsed?.builds[0]?.failure).toEqual({ kind: 'timeout', message: '' });
  });
});
