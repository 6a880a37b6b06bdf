import { HUB_TIME_ZONE, amsterdamDate } from '@hub/shared';

const dayFormat = new Intl.DateTimeFormat('nl-NL', {
  timeZone: HUB_TIME_ZONE,
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});
const timeFormat = new Intl.DateTimeFormat('nl-NL', {
  timeZone: HUB_TIME_ZONE,
  hour: '2-digit',
  minute: '2-digit',
});

/**
 * When an activity takes place, in words a resident reads at a glance, in Maastricht's time:
 * "donderdag 3 december 2026, 14:00 tot 16:00 uur", or with two dates when it spans days.
 */
export function eventWhen(startsAt: string, endsAt: string | null): string {
  const start = new Date(startsAt);
  if (Number.isNaN(start.getTime())) return 'datum onbekend';
  const end = endsAt ? new Date(endsAt) : null;
  const startText = `${dayFormat.format(start)}, ${timeFormat.format(start)}`;
  if (!end || Number.isNaN(end.getTime()) || end <= start) return `${startText} uur`;
  if (amsterdamDate(end) === amsterdamDate(start)) {
    return `${startText} tot ${timeFormat.format(end)} uur`;
  }
  return `${startText} uur tot ${dayFormat.format(end)}, ${timeFormat.format(end)} uur`;
}

/** A publication date as "3 december 2026" (Amsterdam), for the top of an edition. */
export function editionDate(moment: Date): string {
  return new Intl.DateTimeFormat('nl-NL', {
    timeZone: HUB_TIME_ZONE,
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(moment);
}

/** The Dutch word for an activity's status when readers must know it; null for "gepland". */
export function eventStatusNote(status: string): string | null {
  switch (status) {
    case 'geannuleerd':
      return 'Let op: deze activiteit gaat niet door.';
    case 'vol':
      return 'Let op: deze activiteit is vol.';
    case 'verplaatst':
      return 'Let op: deze activiteit is verplaatst. Kijk op de website voor de nieuwe datum.';
    default:
      return null;
  }
}
