/**
 * The birthday contacts a care leaver is owed (timescales.ts `birthdayContactRule`): one around
 * each birthday from the 17th to the 21st, and the 22nd to the 24th while support goes on, each due
 * from 3 months before the birthday to 1 month after it. Worked out from the date of birth and the
 * support, as the engine's clocks cannot start on a birthday.
 */
import type { LeavingCareState } from './state.ts';
import { birthdayContactRule } from './timescales.ts';

/**
 * The calendar's month arithmetic (platform/calendar addMonths: the same day of the month, or its
 * last day), written here because this file runs in the browser too and the calendar reads its
 * bank holidays from a file.
 */
export function addMonths(date: string, n: number): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const monthIndex = year * 12 + (month - 1) + n;
  const targetYear = Math.floor(monthIndex / 12);
  const targetMonth = (monthIndex % 12) + 1;
  const lastDay = new Date(Date.UTC(targetYear, targetMonth, 0)).getUTCDate();
  return new Date(Date.UTC(targetYear, targetMonth - 1, Math.min(day, lastDay))).toISOString().slice(0, 10);
}

export interface BirthdayContactDue {
  birthdayAge: number;
  birthday: string;
  opensOn: string;
  dueBy: string;
  /** met: a contact around it is recorded; due: its window is open; overdue: past; upcoming: not yet open. */
  state: 'met' | 'met-late' | 'due' | 'overdue' | 'upcoming';
  contactedOn?: string;
}

/** Each birthday contact owed while support lasts (a birthday whose window closes before support began is not owed), as at the day. */
export function birthdayContactsOf(leavingCare: LeavingCareState, dateOfBirth: string, asAt: string): BirthdayContactDue[] {
  const rule = birthdayContactRule;
  const until = leavingCare.ended?.endedOn;
  return [...rule.ages, ...rule.laterAges].flatMap((birthdayAge): BirthdayContactDue[] => {
    const birthday = addMonths(dateOfBirth, birthdayAge * 12);
    const opensOn = addMonths(birthday, -rule.opensMonthsBefore);
    const dueBy = addMonths(birthday, rule.closesMonthsAfter);
    const contact = leavingCare.birthdayContacts.find((c) => c.birthdayAge === birthdayAge);
    if (contact) return [{ birthdayAge, birthday, opensOn, dueBy, state: contact.contactedOn <= dueBy ? 'met' : 'met-late', contactedOn: contact.contactedOn }];
    if (dueBy < leavingCare.since) return [];
    if (until !== undefined && until < opensOn) return [];
    const state = asAt > dueBy ? 'overdue' : asAt >= opensOn ? 'due' : 'upcoming';
    // A birthday after support ended is not owed; one overdue when support ended stays overdue.
    if (until !== undefined && until < dueBy && state !== 'overdue') return [];
    return [{ birthdayAge, birthday, opensOn, dueBy, state }];
  });
}

/** The next birthday contact to make (due or overdue first, then the next to open). */
export const nextBirthdayContactOf = (contacts: readonly BirthdayContactDue[]): BirthdayContactDue | undefined =>
  contacts.find((c) => c.state === 'overdue') ?? contacts.find((c) => c.state === 'due') ?? contacts.find((c) => c.state === 'upcoming');
