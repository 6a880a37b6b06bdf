import { describe, expect, it } from 'vitest';
import {
  amsterdamDate,
  amsterdamDatePlusDays,
  amsterdamOffsetMinutes,
  fromAmsterdamWallTime,
  toAmsterdamWallTime,
} from '../src';

describe('fromAmsterdamWallTime', () => {
  it('uses CET (UTC+1) in winter and CEST (UTC+2) in summer', () => {
    expect(fromAmsterdamWallTime('2024-03-28', '19:30').toISOString()).toBe(
      '2024-03-28T18:30:00.000Z',
    );
    expect(fromAmsterdamWallTime('2025-09-25', '10:00').toISOString()).toBe(
      '2025-09-25T08:00:00.000Z',
    );
    expect(fromAmsterdamWallTime('2026-12-24', '00:00').toISOString()).toBe(
      '2026-12-23T23:00:00.000Z',
    );
  });

  it('is right on both sides of the spring switch (last Sunday of March 2025, 02:00 -> 03:00)', () => {
    expect(fromAmsterdamWallTime('2025-03-30', '01:59').toISOString()).toBe(
      '2025-03-30T00:59:00.000Z',
    );
    expect(fromAmsterdamWallTime('2025-03-30', '03:00').toISOString()).toBe(
      '2025-03-30T01:00:00.000Z',
    );
    // 02:30 does not exist that night; clocks read 03:30 at that moment.
    expect(fromAmsterdamWallTime('2025-03-30', '02:30').toISOString()).toBe(
      '2025-03-30T01:30:00.000Z',
    );
  });

  it('is right on both sides of the autumn switch (last Sunday of October 2025, 03:00 -> 02:00)', () => {
    expect(fromAmsterdamWallTime('2025-10-26', '01:30').toISOString()).toBe(
      '2025-10-25T23:30:00.000Z',
    );
    expect(fromAmsterdamWallTime('2025-10-26', '04:00').toISOString()).toBe(
      '2025-10-26T03:00:00.000Z',
    );
  });

  it('rejects impossible dates and times', () => {
    expect(() => fromAmsterdamWallTime('2025-02-30', '10:00')).toThrow(RangeError);
    expect(() => fromAmsterdamWallTime('2025-02-10', '24:00')).toThrow(RangeError);
    expect(() => fromAmsterdamWallTime('10-02-2025', '10:00')).toThrow(RangeError);
  });
});

describe('toAmsterdamWallTime', () => {
  it('reads the clock in Amsterdam, summer and winter', () => {
    expect(toAmsterdamWallTime(new Date('2025-03-30T08:00:00.000Z'))).toBe('2025-03-30T10:00:00');
    expect(toAmsterdamWallTime(new Date('2025-10-26T09:00:00.000Z'))).toBe('2025-10-26T10:00:00');
    expect(toAmsterdamWallTime(new Date('2025-12-31T23:30:00.000Z'))).toBe('2026-01-01T00:30:00');
  });
});

describe('Amsterdam calendar dates', () => {
  it('gives the Amsterdam date, not the UTC date, late in the evening', () => {
    const lateEvening = new Date('2026-06-30T22:30:00.000Z'); // 00:30 on 1 July in Amsterdam
    expect(amsterdamDate(lateEvening)).toBe('2026-07-01');
    expect(amsterdamOffsetMinutes(lateEvening)).toBe(120);
  });

  it('adds days across month and year ends', () => {
    const now = new Date('2026-12-30T12:00:00.000Z');
    expect(amsterdamDatePlusDays(now, 3)).toBe('2027-01-02');
    expect(amsterdamDatePlusDays(now, -30)).toBe('2026-11-30');
  });
});
