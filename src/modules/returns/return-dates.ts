/**
 * Dates as returns write them: ISO (YYYY-MM-DD) in the CIN census XML, dd/mm/yyyy in SSDA903 CSV
 * files. Rules parse a cell with these and treat one that does not parse as not a valid date.
 */
import { isIsoDate } from '../../platform/calendar/calendar.ts';
import type { Cell } from './return-tables.ts';

const UK_DATE = /^(\d{2})\/(\d{2})\/(\d{4})$/;

/** The ISO date of a dd/mm/yyyy cell (as SSDA903 writes them), or null when blank or not a real date. */
export function isoDateOfUkCell(cell: Cell): string | null {
  if (cell === null) return null;
  const match = UK_DATE.exec(cell.trim());
  if (!match) return null;
  const iso = `${match[3]}-${match[2]}-${match[1]}`;
  return isIsoDate(iso) ? iso : null;
}

/** The ISO date of a cell holding one (as the CIN census writes them; a time after the date is ignored), or null. */
export function isoDateOfIsoCell(cell: Cell): string | null {
  if (cell === null) return null;
  const date = cell.trim().slice(0, 10);
  return isIsoDate(date) ? date : null;
}

/** An ISO date as SSDA903 writes it: 2024-04-01 → 01/04/2024. */
export function ukDateOf(isoDate: string): string {
  return `${isoDate.slice(8, 10)}/${isoDate.slice(5, 7)}/${isoDate.slice(0, 4)}`;
}
