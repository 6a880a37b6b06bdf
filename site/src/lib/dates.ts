import { HUB_TIME_ZONE } from '@hub/shared';

const dateFormat = new Intl.DateTimeFormat('nl-NL', {
  timeZone: HUB_TIME_ZONE,
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});
const weekdayDateFormat = new Intl.DateTimeFormat('nl-NL', {
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
const isoDateFormat = new Intl.DateTimeFormat('en-CA', { timeZone: HUB_TIME_ZONE });

/** "28 maart 2024" (Amsterdam date). */
export function formatDate(date: Date): string {
  return dateFormat.format(date);
}

/** "14.00" (Amsterdam time, the Dutch way). */
export function formatTime(date: Date): string {
  return timeFormat.format(date).replace(':', '.');
}

/** "2024-03-28": the Amsterdam date, for datetime attributes. */
export function isoDate(date: Date): string {
  return isoDateFormat.format(date);
}

/**
 * When an event takes place, in words: "donderdag 28 maart 2024, 15.00 tot 17.00 uur", or with
 * both dates when it runs over more days.
 */
export function formatEventWhen(startsAt: Date, endsAt?: Date): string {
  const start = `${weekdayDateFormat.format(startsAt)}, ${formatTime(startsAt)}`;
  if (!endsAt) return `${start} uur`;
  if (isoDate(startsAt) === isoDate(endsAt)) return `${start} tot ${formatTime(endsAt)} uur`;
  return `${start} uur tot ${weekdayDateFormat.format(endsAt)}, ${formatTime(endsAt)} uur`;
}

/**
 * A period in words: "van 3 maart 2026 tot en met 17 april 2026", or "van 3 maart 2026" when it
 * is one day (Amsterdam dates).
 */
export function dateRange(from: Date, to: Date): string {
  const start = formatDate(from);
  const end = formatDate(to);
  return start === end ? `van ${start}` : `van ${start} tot en met ${end}`;
}
