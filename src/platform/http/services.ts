import { createCalendar } from '../calendar/calendar.ts';
import type { SafeguardConfig } from '../config.ts';
import type { Database } from '../database/database.ts';
import { ChildRecordRepository, type RequestContext, type Timescales } from '../../record/repo.ts';
import { resolveTimescaleRules } from '../../timescales/rules.ts';

/** The application's services, wired by hand: no container, every dependency visible here. */
export interface AppServices {
  config: SafeguardConfig;
  db: Database;
  timescales: Timescales;
  repositoryFor(context: RequestContext): ChildRecordRepository;
}

export function timescalesFrom(config: Pick<SafeguardConfig, 'extraBankHolidays' | 'timescaleOverrides'>): Timescales {
  return {
    calendar: createCalendar({ extraBankHolidays: config.extraBankHolidays }),
    rules: resolveTimescaleRules(config.timescaleOverrides),
  };
}

export function createServices(config: SafeguardConfig, db: Database): AppServices {
  const timescales = timescalesFrom(config);
  return {
    config,
    db,
    timescales,
    repositoryFor: (context) => new ChildRecordRepository(db, context, timescales),
  };
}
