/**
 * How much of a period the council's record covers, from the date of its first event: none (the
 * period ends before it: no records yet), part (the record begins during it) or the whole period.
 * Shared by the metrics engine and the web app, so both say the same of the same period.
 */
export type RecordsCover = 'none' | 'part' | 'whole';

export function recordsCover(window: { from?: string; to?: string; asAt?: string }, recordsFrom: string | null | undefined): RecordsCover {
  if (!recordsFrom) return 'none';
  const start = window.from ?? window.asAt;
  const end = window.to ?? window.asAt;
  if (start === undefined || end === undefined) return 'whole';
  if (end < recordsFrom) return 'none';
  return start < recordsFrom ? 'part' : 'whole';
}
