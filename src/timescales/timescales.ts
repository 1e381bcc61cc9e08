import { createCalendar, type Calendar } from '../platform/calendar/calendar.ts';
import { resolveTimescaleRules, type TimescaleOverrides } from './rules.ts';

/** What the council configures about timescales: its own settings and any extra bank holidays. */
export interface TimescaleSettings {
  extraBankHolidays: readonly string[];
  timescaleOverrides: TimescaleOverrides;
}

/** The calendar and the rules duties are computed with, and the settings they were made from. */
export interface Timescales {
  calendar: Calendar;
  rules: ReturnType<typeof resolveTimescaleRules>;
  /** Kept so that another thread can make the same timescales (functions cannot be sent). */
  settings: TimescaleSettings;
}

export function timescalesFrom(settings: TimescaleSettings): Timescales {
  return {
    calendar: createCalendar({ extraBankHolidays: [...settings.extraBankHolidays] }),
    rules: resolveTimescaleRules(settings.timescaleOverrides),
    settings: { extraBankHolidays: [...settings.extraBankHolidays], timescaleOverrides: settings.timescaleOverrides },
  };
}
