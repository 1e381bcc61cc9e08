import { addMonths, londonDateOf } from './calendar/calendar.ts';

/** Today's date in England, whatever the server's time zone. */
export const todayInLondon = (): string => londonDateOf(new Date().toISOString());

/**
 * Whether a business date or instant falls after `today` in England: an event at 23:30 in London
 * on today's date is today even when it is already tomorrow in UTC.
 */
export const isAfterToday = (dateTimeOrDate: string, today: string = todayInLondon()): boolean => londonDateOf(dateTimeOrDate) > today;

/**
 * The dates of birth a children's record can hold, as at `today`: a child or care leaver (support
 * can last to 25) born no more than 25 years ago, and an unborn child expected within ten months.
 */
export const OLDEST_AGE_ON_RECORD_YEARS = 25;
export const LONGEST_EXPECTED_BIRTH_MONTHS = 10;
export const earliestDateOfBirth = (today: string = todayInLondon()): string => addMonths(today, -12 * OLDEST_AGE_ON_RECORD_YEARS);
export const latestExpectedDateOfBirth = (today: string = todayInLondon()): string => addMonths(today, LONGEST_EXPECTED_BIRTH_MONTHS);
