import { HUB_TIME_ZONE } from './amsterdam';

const dateFormat = new Intl.DateTimeFormat('nl-NL', {
  timeZone: HUB_TIME_ZONE,
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
 * A moment as editors read it: "3 november 2026 om 14:05 uur", in Maastricht's time
 * (the admin's publication widget and panel, and the publisher's mails).
 */
export function dutchMoment(iso: string): string {
  const moment = new Date(iso);
  if (!iso || Number.isNaN(moment.getTime())) return 'onbekende tijd';
  return `${dateFormat.format(moment)} om ${timeFormat.format(moment)} uur`;
}
