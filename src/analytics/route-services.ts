import type { Database } from '../platform/database/database.ts';
import type { Timescales } from '../timescales/timescales.ts';

/** What the analytics routes use of the application's services: the database, and the calendar the timescales count with. */
export interface AnalyticsRouteServices {
  db: Database;
  timescales: Pick<Timescales, 'calendar'>;
}
