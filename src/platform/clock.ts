import { londonDateOf } from './calendar/calendar.ts';

/** Today's date in England, whatever the server's time zone. */
export const todayInLondon = (): string => londonDateOf(new Date().toISOString());
