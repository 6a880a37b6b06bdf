const FORMAT = new Intl.DateTimeFormat('nl-NL', {
  dateStyle: 'long',
  timeStyle: 'short',
  timeZone: 'Europe/Amsterdam',
});

/** A moment as editors read it ("1 december 2026 om 15:24"), Amsterdam time. */
export function TimeText({ iso }: { iso: string }) {
  if (!iso) return <>onbekende tijd</>;
  return <time dateTime={iso}>{FORMAT.format(new Date(iso))}</time>;
}
