/** The time zone of every date and time the hub shows or receives from editors. */
export const HUB_TIME_ZONE = 'Europe/Amsterdam';

const partsFormatter = new Intl.DateTimeFormat('en-US', {
  timeZone: HUB_TIME_ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/** Wall-clock fields of an instant in Amsterdam. */
function amsterdamFields(
  instant: Date,
): Record<'year' | 'month' | 'day' | 'hour' | 'minute' | 'second', number> {
  const fields = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
  for (const part of partsFormatter.formatToParts(instant)) {
    if (part.type in fields) fields[part.type as keyof typeof fields] = Number(part.value);
  }
  return fields;
}

/** Minutes Amsterdam is ahead of UTC at this instant: 60 in winter, 120 in summer. */
export function amsterdamOffsetMinutes(instant: Date): number {
  const f = amsterdamFields(instant);
  const wallAsUtc = Date.UTC(f.year, f.month - 1, f.day, f.hour, f.minute, f.second);
  return Math.round((wallAsUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60000);
}

/**
 * The instant at which Amsterdam clocks show `date` ('YYYY-MM-DD') and `time` ('HH:mm').
 * Correct on both sides of the daylight-saving switches; a time that does not exist (02:30 on
 * the last Sunday of March) resolves to the moment one hour later, as clocks do.
 */
export function fromAmsterdamWallTime(date: string, time: string): Date {
  const dateMatch = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const timeMatch = /^(\d{2}):(\d{2})$/.exec(time);
  if (!dateMatch || !timeMatch) throw new RangeError(`Not a date and time: "${date}" "${time}"`);
  const [, year, month, day] = dateMatch.map(Number) as [number, number, number, number];
  const [, hour, minute] = timeMatch.map(Number) as [number, number, number];
  const wallAsUtc = Date.UTC(year, month - 1, day, hour, minute);
  const check = new Date(wallAsUtc);
  if (check.getUTCDate() !== day || check.getUTCMonth() !== month - 1 || hour > 23 || minute > 59) {
    throw new RangeError(`Not a date and time: "${date}" "${time}"`);
  }
  // The offset at the guessed instant is right except within the hour around a switch;
  // one correction with the offset at the corrected instant settles it.
  const firstGuess = wallAsUtc - amsterdamOffsetMinutes(new Date(wallAsUtc)) * 60000;
  return new Date(wallAsUtc - amsterdamOffsetMinutes(new Date(firstGuess)) * 60000);
}

/**
 * The Amsterdam wall-clock time of an instant as 'YYYY-MM-DDTHH:mm:ss' (no offset), for formats
 * that pair a local time with a TZID, such as iCalendar. In the repeated autumn hour the two
 * instants read the same, as they do on every clock in Amsterdam.
 */
export function toAmsterdamWallTime(instant: Date): string {
  const f = amsterdamFields(instant);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${f.year}-${two(f.month)}-${two(f.day)}T${two(f.hour)}:${two(f.minute)}:${two(f.second)}`;
}

/** The Amsterdam calendar date ('YYYY-MM-DD') of an instant. */
export function amsterdamDate(instant: Date): string {
  const f = amsterdamFields(instant);
  return `${f.year}-${String(f.month).padStart(2, '0')}-${String(f.day).padStart(2, '0')}`;
}

/** The Amsterdam calendar date `days` days after (or before, when negative) that of `instant`. */
export function amsterdamDatePlusDays(instant: Date, days: number): string {
  const [year, month, day] = amsterdamDate(instant).split('-').map(Number) as [
    number,
    number,
    number,
  ];
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}
