import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import { HUB_TIME_ZONE, blocksToPlainText, toAmsterdamWallTime, type HubEvent } from '@hub/shared';
import { eventPlace } from './events';
import { paths } from './paths';

/** Options of {@link buildCalendar}. */
export interface CalendarOptions {
  /** Public URL of the site, for event links and UIDs. */
  siteUrl: string;
  /** Calendar name shown in agenda apps. */
  name: string;
  /** The site page the calendar belongs to (default: the agenda). */
  pagePath?: string;
}

function description(event: HubEvent): string {
  return [
    event.summary,
    blocksToPlainText(event.body),
    event.cost && `Kosten: ${event.cost}`,
    event.accessibilityNotes && `Toegankelijkheid: ${event.accessibilityNotes}`,
    event.registrationUrl && `Aanmelden: ${event.registrationUrl}`,
  ]
    .filter(Boolean)
    .join('\n\n');
}

/** UTF-8 bytes of a text, as TextEncoder would write it (a lone surrogate as U+FFFD, 3 bytes). */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    const next = text.charCodeAt(index + 1);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
      bytes += 4;
      index += 1;
    } else bytes += 3;
  }
  return bytes;
}

/** Measures what TextEncoder measures, without making the bytes. */
class LengthOnlyEncoder {
  encode(text = ''): { length: number } {
    return { length: utf8Length(text) };
  }
}

/**
 * ical-generator (10.2) folds lines at 75 bytes by making a new TextEncoder for every
 * character and encoding it, only to learn its length: at 3,000 events that was three
 * quarters of the calendars' time (the agenda, the stadsdelen's and every event's own file).
 * While it writes one calendar (synchronously: nothing else runs meanwhile), it is given an
 * encoder that only counts. The same lengths, so the same file.
 */
function withLengthOnlyEncoder<T>(write: () => T): T {
  const real = globalThis.TextEncoder;
  globalThis.TextEncoder = LengthOnlyEncoder as unknown as typeof TextEncoder;
  try {
    return write();
  } finally {
    globalThis.TextEncoder = real;
  }
}

/**
 * An iCalendar (RFC 5545) file with the given events: times in Europe/Amsterdam with its
 * VTIMEZONE, a UID per event that stays the same across builds and edits, STATUS:CANCELLED
 * for cancelled events.
 */
export function buildCalendar(
  events: readonly HubEvent[],
  { siteUrl, name, pagePath = paths.agenda }: CalendarOptions,
): string {
  const host = new URL(siteUrl).hostname;
  const calendar = ical({
    name,
    prodId: {
      company: 'Lokale Coalitie tegen Eenzaamheid Maastricht',
      product: 'Coalitiehub',
      language: 'NL',
    },
    method: ICalCalendarMethod.PUBLISH,
    timezone: { name: HUB_TIME_ZONE, generator: getVtimezoneComponent },
    url: new URL(pagePath, siteUrl).toString(),
  });
  for (const event of events) {
    const cancelled = event.status === 'geannuleerd';
    // ical-generator writes a Date's UTC digits next to the TZID; Amsterdam wall-clock strings
    // make it write the local time that TZID announces.
    const end = event.endsAt ?? new Date(event.startsAt.getTime() + 60 * 60 * 1000); // apps show an hour
    calendar.createEvent({
      id: `${event.id}@${host}`,
      start: toAmsterdamWallTime(event.startsAt),
      end: toAmsterdamWallTime(end),
      timezone: HUB_TIME_ZONE,
      stamp: event.updatedAt,
      lastModified: event.updatedAt,
      summary: cancelled ? `Gaat niet door: ${event.title}` : event.title,
      description: description(event),
      location: eventPlace(event),
      url: new URL(paths.event(event.slug), siteUrl).toString(),
      status: cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    });
  }
  return withLengthOnlyEncoder(() => calendar.toString());
}

/** A calendar as the answer of a route: the same file as buildCalendar, with its content type. */
export function calendarResponse(events: readonly HubEvent[], options: CalendarOptions): Response {
  return new Response(buildCalendar(events, options), {
    headers: { 'Content-Type': 'text/calendar; charset=utf-8' },
  });
}
