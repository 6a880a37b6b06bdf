import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromAmsterdamWallTime } from '@hub/shared';
import { buildCalendar, utf8Length } from '../../src/lib/calendar';

describe('utf8Length (how long ical-generator finds a line)', () => {
  it('counts the bytes TextEncoder writes, lone surrogates included', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        expect(utf8Length(text)).toBe(new TextEncoder().encode(text).length);
      }),
    );
    for (const text of ['a', 'é', '€', '😀', '\ud800', '\udc00', '\ud800a', 'x😀y\udfff'])
      expect(utf8Length(text)).toBe(new TextEncoder().encode(text).length);
  });

  it('leaves TextEncoder as it was after a calendar is written', () => {
    const before = globalThis.TextEncoder;
    buildCalendar(
      [
        {
          id: 'doc1',
          title: 'Lange titel met ë en 😀 '.repeat(20),
          slug: 'lang',
          summary: 'Samen.',
          body: [],
          publishedAt: new Date('2025-01-01T10:00:00Z'),
          updatedAt: new Date('2025-01-01T10:00:00Z'),
          startsAt: fromAmsterdamWallTime('2025-03-30', '10:00'),
          status: 'gepland',
          themes: [],
        },
      ],
      { siteUrl: 'https://hub.example.nl', name: 'Agenda' },
    );
    expect(globalThis.TextEncoder).toBe(before);
  });
});
