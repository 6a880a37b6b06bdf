import type { HubEvent } from '@hub/shared';

/** Events that have not ended yet at `now`, earliest first (the agenda). */
export function upcomingEvents(events: readonly HubEvent[], now: Date): HubEvent[] {
  return events
    .filter((event) => (event.endsAt ?? event.startsAt).getTime() >= now.getTime())
    .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
}

/** Events that have ended at `now`, most recent first (the archive). */
export function pastEvents(events: readonly HubEvent[], now: Date): HubEvent[] {
  return events
    .filter((event) => (event.endsAt ?? event.startsAt).getTime() < now.getTime())
    .sort((a, b) => b.startsAt.getTime() - a.startsAt.getTime());
}

/** Dutch label for a status worth pointing out; null for a normal, planned event. */
export function statusLabel(event: HubEvent): string | null {
  switch (event.status) {
    case 'geannuleerd':
      return 'Gaat niet door';
    case 'verplaatst':
      return 'Verplaatst';
    case 'vol':
      return 'Vol';
    default:
      return null;
  }
}

/**
 * Where an event takes place, in one line: "Buurthuis, Straat 1, 6211 AA Maastricht", or
 * "Online: <link>" for an event without a place; undefined when neither is known.
 */
export function eventPlace(event: HubEvent): string | undefined {
  const place = event.location;
  const parts = [
    place?.venue,
    place?.street,
    [place?.postcode, place?.city].filter(Boolean).join(' '),
  ].filter(Boolean);
  if (parts.length > 0) return parts.join(', ');
  return event.onlineUrl ? `Online: ${event.onlineUrl}` : undefined;
}
