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
  return calendar.toString();
}

/** A calendar as the answer of a route: the same file as buildCalendar, with its content type. */
export function calendarResponse(events: readonly HubEvent[], options: CalendarOptions): Response {
  return new Response(buildCalendar(events, options), {
    headers: { 'Content-Type': 'text/calendar; charset=utf-8' },
  });
}
