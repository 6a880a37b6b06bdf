import { dutchMoment } from '@hub/shared/src/time/dutch-moment';

/** A moment as editors read it ("1 december 2026 om 15:24 uur"), Amsterdam time. */
export function TimeText({ iso }: { iso: string }) {
  if (!iso) return <>onbekende tijd</>;
  return <time dateTime={iso}>{dutchMoment(iso)}</time>;
}
