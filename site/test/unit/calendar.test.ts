import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { fromAmsterdamWallTime, type HubEvent } from '@hub/shared';
import { buildCalendar, calendarResponse } from '../../src/lib/calendar';

function event(overrides: Partial<HubEvent>): HubEvent {
  return {
    id: 'doc123',
    title: 'Wandeling',
    slug: 'wandeling',
    summary: 'Samen lopen.',
    body: [{ type: 'paragraph', children: [{ type: 'text', text: 'We lopen een uur.' }] }],
    publishedAt: new Date('2025-01-01T10:00:00Z'),
    updatedAt: new Date('2025-02-01T10:00:00Z'),
    startsAt: fromAmsterdamWallTime('2025-03-30', '10:00'),
    endsAt: fromAmsterdamWallTime('2025-03-30', '12:00'),
    status: 'gepland',
    themes: [],
    location: {
      venue: 'Buurthuis',
      street: 'Voorbeeldstraat 1',
      postcode: '6211 AA',
      city: 'Maastricht',
    },
    ...overrides,
  };
}

const options = { siteUrl: 'https://hub.example.nl', name: 'Agenda' };

function parse(text: string) {
  const component = new ICAL.Component(ICAL.parse(text));
  const zone = component.getFirstSubcomponent('vtimezone');
  if (zone) ICAL.TimezoneService.register(new ICAL.Timezone(zone));
  return component.getAllSubcomponents('vevent').map((vevent) => new ICAL.Event(vevent));
}

describe('buildCalendar', () => {
  it('writes Amsterdam wall-clock times that mean the right instants on both sides of the spring switch', () => {
    // 30 March 2025: clocks go from 02:00 to 03:00. 10:00 that day is CEST (UTC+2).
    const before = event({
      id: 'a',
      startsAt: fromAmsterdamWallTime('2025-03-29', '10:00'),
      endsAt: undefined,
    });
    const after = event({ id: 'b' });
    const text = buildCalendar([before, after], options);
    expect(text).toContain('DTSTART;TZID=Europe/Amsterdam:20250329T100000');
    expect(text).toContain('DTSTART;TZID=Europe/Amsterdam:20250330T100000');
    expect(text).toMatch(/BEGIN:VTIMEZONE[\s\S]*TZID:Europe\/Amsterdam/);
    const [first, second] = parse(text);
    expect(first!.startDate.toJSDate().toISOString()).toBe('2025-03-29T09:00:00.000Z');
    expect(second!.startDate.toJSDate().toISOString()).toBe('2025-03-30T08:00:00.000Z');
  });

  it('is right around the autumn switch too', () => {
    const text = buildCalendar(
      [event({ startsAt: fromAmsterdamWallTime('2025-10-26', '10:00'), endsAt: undefined })],
      options,
    );
    expect(parse(text)[0]!.startDate.toJSDate().toISOString()).toBe('2025-10-26T09:00:00.000Z');
  });

  it('gives each event a stable UID, a DTSTAMP, its URL and location', () => {
    const text = buildCalendar([event({})], options);
    expect(buildCalendar([event({ title: 'Andere titel' })], options)).toContain(
      'UID:doc123@hub.example.nl',
    );
    expect(text).toContain('UID:doc123@hub.example.nl');
    expect(text).toMatch(/DTSTAMP:\d{8}T\d{6}Z?/);
    const [parsed] = parse(text);
    expect(parsed!.location).toBe('Buurthuis, Voorbeeldstraat 1, 6211 AA Maastricht');
    expect(parsed!.component.getFirstPropertyValue('url')).toBe(
      'https://hub.example.nl/agenda/wandeling/',
    );
  });

  it('marks cancelled events STATUS:CANCELLED and says so in the title', () => {
    const text = buildCalendar(
      [event({ status: 'geannuleerd' }), event({ id: 'ok', slug: 'ok' })],
      options,
    );
    const [cancelled, planned] = parse(text);
    expect(cancelled!.component.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(cancelled!.summary).toBe('Gaat niet door: Wandeling');
    expect(planned!.component.getFirstPropertyValue('status')).toBe('CONFIRMED');
  });

  it('gives events without an end one hour', () => {
    const [parsed] = parse(buildCalendar([event({ endsAt: undefined })], options));
    expect(parsed!.endDate.toJSDate().getTime() - parsed!.startDate.toJSDate().getTime()).toBe(
      60 * 60 * 1000,
    );
  });
});

describe('calendarResponse', () => {
  it('answers with the calendar buildCalendar writes, as text/calendar, linked to its page', async () => {
    const calendarOptions = { ...options, pagePath: '/wijken/oost/' };
    const response = calendarResponse([event({})], calendarOptions);
    expect(response.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    const text = await response.text();
    expect(text).toBe(buildCalendar([event({})], calendarOptions));
    expect(text).toMatch(/^URL[^:]*:https:\/\/hub\.example\.nl\/wijken\/oost\/\r?$/m);
  });

  it('writes a valid calendar with its time zone for a partner without activities', async () => {
    const text = await calendarResponse([], options).text();
    const calendar = new ICAL.Component(ICAL.parse(text));
    expect(calendar.getFirstSubcomponent('vtimezone')?.getFirstPropertyValue('tzid')).toBe(
      'Europe/Amsterdam',
    );
    expect(calendar.getAllSubcomponents('vevent')).toEqual([]);
  });
});
