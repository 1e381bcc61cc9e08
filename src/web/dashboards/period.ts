/**
 * The periods a dashboard or report can be asked for, as the metrics API names them, and the
 * choices offered for each. Pure functions, tested in period.test.ts.
 */
import { financialYearOf } from '../format.ts';

export type PeriodKind = 'financial-year' | 'quarter' | 'month' | 'partnership' | 'custom';

/** What the address bar holds: a named period, or from and to. */
export interface PeriodChoice {
  kind: PeriodKind;
  /** FY2024-25, FY2024-25-Q2, 2024-06 or ISCP2022-24. */
  period?: string;
  from?: string;
  to?: string;
}

const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const quarterMonths = ['April to June', 'July to September', 'October to December', 'January to March'];

const startYearOf = (financialYear: string) => Number(financialYear.slice(2, 6));
const fy = (start: number) => `FY${start}-${String((start + 1) % 100).padStart(2, '0')}`;

/** The kind of a named period. */
export function kindOf(period: string): PeriodKind | undefined {
  if (/^FY\d{4}-\d{2}$/.test(period)) return 'financial-year';
  if (/^FY\d{4}-\d{2}-Q[1-4]$/.test(period)) return 'quarter';
  if (/^\d{4}-\d{2}$/.test(period)) return 'month';
  if (/^ISCP\d{4}-\d{2}$/.test(period)) return 'partnership';
  return undefined;
}

/** The period in the address bar's query, or the last whole financial year. */
export function choiceFrom(query: URLSearchParams, today: string): PeriodChoice {
  const from = query.get('from');
  const to = query.get('to');
  if (from && to && /^\d{4}-\d{2}-\d{2}$/.test(from) && /^\d{4}-\d{2}-\d{2}$/.test(to)) return { kind: 'custom', from, to };
  const period = query.get('period');
  const kind = period ? kindOf(period) : undefined;
  if (period && kind) return { kind, period };
  return { kind: 'financial-year', period: fy(startYearOf(financialYearOf(today)) - 1) };
}

/** The API's query for a period: `{ period }` or `{ from, to }`. */
export function apiWindowOf(choice: PeriodChoice): Record<string, string> {
  return choice.kind === 'custom' ? { from: choice.from!, to: choice.to! } : { period: choice.period! };
}

/** A period as people read it. */
export function describePeriod(choice: PeriodChoice): string {
  const period = choice.period ?? '';
  switch (choice.kind) {
    case 'financial-year': return `${startYearOf(period)} to ${startYearOf(period) + 1} financial year`;
    case 'quarter': {
      const quarter = Number(period.slice(-1));
      const start = startYearOf(period);
      return `${quarterMonths[quarter - 1]} ${quarter === 4 ? start + 1 : start}`;
    }
    case 'month': return `${months[Number(period.slice(5, 7)) - 1]} ${period.slice(0, 4)}`;
    case 'partnership': return `September ${period.slice(4, 8)} to March ${Number(period.slice(4, 8)) + 2} (partnership period)`;
    case 'custom': return `${choice.from} to ${choice.to}`;
  }
}

/** The first and last day of a period (for the annual report, which takes dates). */
export function datesOf(choice: PeriodChoice): { from: string; to: string } {
  const period = choice.period ?? '';
  switch (choice.kind) {
    case 'financial-year': return { from: `${startYearOf(period)}-04-01`, to: `${startYearOf(period) + 1}-03-31` };
    case 'quarter': {
      const quarter = Number(period.slice(-1));
      const year = startYearOf(period) + (quarter === 4 ? 1 : 0);
      const firstMonth = [4, 7, 10, 1][quarter - 1]!;
      return { from: `${year}-${String(firstMonth).padStart(2, '0')}-01`, to: lastDayOf(year, firstMonth + 2) };
    }
    case 'month': return { from: `${period}-01`, to: lastDayOf(Number(period.slice(0, 4)), Number(period.slice(5, 7))) };
    case 'partnership': return { from: `${period.slice(4, 8)}-09-01`, to: `${Number(period.slice(4, 8)) + 2}-03-31` };
    case 'custom': return { from: choice.from!, to: choice.to! };
  }
}

function lastDayOf(year: number, month: number): string {
  const day = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The last day of the last month that is over: figures under disclosure control end on or before it. */
export const lastCompletedMonthEnd = (today: string): string => addDays(`${today.slice(0, 7)}-01`, -1);

/**
 * The choices offered for each kind, newest first: five financial years back from today's; with
 * `monthsOverOnly` (figures under disclosure control), only periods with at least one month that is
 * over, which the API counts to the end of last month.
 */
export function optionsFor(kind: Exclude<PeriodKind, 'custom'>, today: string, monthsOverOnly = false): { value: string; text: string }[] {
  const options = allOptionsFor(kind, today);
  return monthsOverOnly ? options.filter(({ value }) => datesOf({ kind, period: value }).from <= lastCompletedMonthEnd(today)) : options;
}

function allOptionsFor(kind: Exclude<PeriodKind, 'custom'>, today: string): { value: string; text: string }[] {
  const current = startYearOf(financialYearOf(today));
  const years = [0, 1, 2, 3, 4].map((back) => current - back);
  switch (kind) {
    case 'financial-year':
      return years.map((start) => ({ value: fy(start), text: `${start} to ${start + 1}${start === current ? ' (so far)' : ''}` }));
    case 'quarter':
      return years.flatMap((start) => [4, 3, 2, 1].map((quarter) => ({ value: `${fy(start)}-Q${quarter}`, quarter, start })))
        .filter(({ value }) => datesOf({ kind: 'quarter', period: value }).from <= today)
        .map(({ value }) => ({ value, text: describePeriod({ kind: 'quarter', period: value }) }));
    case 'month': {
      const list: { value: string; text: string }[] = [];
      let year = Number(today.slice(0, 4));
      let month = Number(today.slice(5, 7));
      for (let count = 0; count < 36; count += 1) {
        const value = `${year}-${String(month).padStart(2, '0')}`;
        list.push({ value, text: describePeriod({ kind: 'month', period: value }) });
        month -= 1;
        if (month === 0) { month = 12; year -= 1; }
      }
      return list;
    }
    case 'partnership': {
      // Partnership periods run September to the March 19 months later, starting in even years (ISCP2022-24).
      const latestStart = Number(today.slice(0, 4)) - (Number(today.slice(0, 4)) % 2 === 0 ? 0 : 1);
      return [latestStart, latestStart - 2, latestStart - 4]
        .filter((start) => `${start}-09-01` <= today)
        .map((start) => { const value = `ISCP${start}-${String((start + 2) % 100).padStart(2, '0')}`; return { value, text: describePeriod({ kind: 'partnership', period: value }) }; });
    }
  }
}

const addDays = (iso: string, days: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/**
 * The period of the same length just before, as the metrics API's trend counts it: the whole
 * months before a period of whole months (19 before a partnership period), else the same number
 * of days.
 */
export function previousDatesOf(choice: PeriodChoice): { from: string; to: string } {
  const { from, to } = datesOf(choice);
  const to1 = addDays(from, -1);
  const [fy, fm] = from.split('-').map(Number) as [number, number];
  const [ty, tm] = to.split('-').map(Number) as [number, number];
  if (from.endsWith('-01') && addDays(to, 1).endsWith('-01')) {
    const months = (ty - fy) * 12 + (tm - fm) + 1;
    const startIndex = fy * 12 + (fm - 1) - months;
    return { from: `${Math.floor(startIndex / 12)}-${String((startIndex % 12) + 1).padStart(2, '0')}-01`, to: to1 };
  }
  const days = Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
  return { from: addDays(to1, -days), to: to1 };
}
