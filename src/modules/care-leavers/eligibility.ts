/**
 * Which leaving care duties the council owes a young person, worked out from their periods of care
 * (Children Act 1989 Sch 2 para 19B, s23A, s23C, s24; Care Leavers (England) Regulations 2010
 * regs 3–4). The record recomputes it whenever an eligibility decision is recorded, and a decision
 * that differs from it says why.
 *
 * - Eligible: looked after now, aged 16 or 17, and looked after for 13 weeks or more (in total)
 *   since the 14th birthday, some of it after the 16th.
 * - Relevant: aged 16 or 17, not looked after now, and was eligible when they left care.
 * - Former relevant: aged 18 to 25, and was eligible or relevant (the same test of their care).
 * - Qualifying: aged 16 to 25, looked after at some point after the 16th birthday, for less than
 *   13 weeks since 14 (the other routes in — a special guardianship order, custody — are not worked
 *   out here: record them with a reason).
 *
 * Short breaks only (V3/V4, CPPCR reg 48) do not count: regulation 3 of the Care Leavers
 * regulations leaves pre-planned short breaks out of the 13 weeks. Living with parents for six
 * months after care (relevant children who "return home successfully", reg 3(5)) is not worked out:
 * record the decision with a reason.
 */
import { addMonths, daysBetween } from '../../platform/calendar/calendar.ts';
import { isShortBreaksOnly, type LookedAfterState } from '../looked-after/index.ts';
import type { EligibilityCategory } from './codes.ts';

/** 13 weeks, in days (Sch 2 para 19B(2)). */
export const ELIGIBLE_DAYS = 13 * 7;

/** The young person's age in whole years on the day. */
export function ageOn(dateOfBirth: string, on: string): number {
  let age = Number(on.slice(0, 4)) - Number(dateOfBirth.slice(0, 4));
  if (addMonths(dateOfBirth, age * 12) > on) age -= 1;
  return age;
}

/**
 * The category the periods of care give on the day, or undefined when they give none (never looked
 * after at 14 or over as the test needs, or outside the ages).
 */
export function computedEligibilityOn(state: LookedAfterState, dateOfBirth: string, on: string): EligibilityCategory | undefined {
  const age = ageOn(dateOfBirth, on);
  if (age < 16 || age >= 25) return undefined;
  const fourteenth = addMonths(dateOfBirth, 14 * 12);
  const sixteenth = addMonths(dateOfBirth, 16 * 12);
  const periods = (state.periodsOfCare ?? []).filter((period) => !isShortBreaksOnly(period) && period.startedOn <= on);
  const endOf = (period: { ceasedOn?: string }) => (period.ceasedOn === undefined || period.ceasedOn > on ? on : period.ceasedOn);
  // Days looked after since the 14th birthday, up to the day.
  const daysSince14 = periods.reduce((total, period) => {
    const from = period.startedOn > fourteenth ? period.startedOn : fourteenth;
    const to = endOf(period);
    return to > from ? total + daysBetween(from, to) : total;
  }, 0);
  // Looked after on or after the 16th birthday (the age was checked: the day is on or after it).
  const after16 = periods.some((period) => period.ceasedOn === undefined || period.ceasedOn > sixteenth);
  if (!after16) return undefined;
  const lookedAfterNow = periods.some((period) => period.ceasedOn === undefined || period.ceasedOn > on);
  if (daysSince14 < ELIGIBLE_DAYS) return 'qualifying';
  if (age < 18) return lookedAfterNow ? 'eligible' : 'relevant';
  return 'former-relevant';
}
