import type { Calendar } from '../platform/calendar/calendar.ts';

/** Days since 1970-01-01 (UTC), the simulator's clock: cheap to add to and compare. */
export type Day = number;

const MS_PER_DAY = 86_400_000;
const isoCache = new Map<Day, string>();

export function dayOf(iso: string): Day {
  return Math.floor(Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / MS_PER_DAY);
}

export function isoOf(day: Day): string {
  let iso = isoCache.get(day);
  if (iso === undefined) {
    iso = new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
    isoCache.set(day, iso);
  }
  return iso;
}

/** A date-time on that day, at the given minutes after 08:00 UTC (always the same London date). */
export function dateTimeOf(day: Day, minutesAfterEight: number): string {
  const ms = day * MS_PER_DAY + (8 * 60 + Math.max(0, Math.min(600, Math.round(minutesAfterEight)))) * 60_000;
  return new Date(ms).toISOString().replace('.000Z', 'Z');
}

/** Working-day arithmetic on day numbers, through the shared calendar (bank holidays included). */
export class SimulationCalendar {
  private readonly workingCache = new Map<Day, boolean>();
  constructor(readonly calendar: Calendar) {}

  isWorkingDay(day: Day): boolean {
    let working = this.workingCache.get(day);
    if (working === undefined) {
      working = this.calendar.isWorkingDay(isoOf(day));
      this.workingCache.set(day, working);
    }
    return working;
  }

  addWorkingDays(day: Day, n: number): Day {
    let current = day;
    for (let counted = 0; counted < n; ) {
      current += 1;
      if (this.isWorkingDay(current)) counted += 1;
    }
    return current;
  }

  /** The day itself if it is a working day, else the next working day. */
  nextWorkingDay(day: Day): Day {
    let current = day;
    while (!this.isWorkingDay(current)) current += 1;
    return current;
  }

  addMonths(day: Day, months: number): Day {
    return dayOf(this.calendar.addMonths(isoOf(day), months));
  }
}
