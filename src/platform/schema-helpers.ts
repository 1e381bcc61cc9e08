import { z } from 'zod';
import { codesOf, type CodeList } from '../codes/statutory-codes.ts';
import { fieldLabelOf, installPlainEnglishMessages } from './validation-messages.ts';

installPlainEnglishMessages();

/** A message naming the field it is about: `aboutField((label) => \`\${label} must be a real date\`)`. */
const aboutField = (message: (label: string) => string) => (issue: { path?: PropertyKey[] }): string => {
  const label = fieldLabelOf(issue.path ?? []);
  return message(label.charAt(0).toUpperCase() + label.slice(1));
};

const ISO_DATE_FORM = /^\d{4}-\d{2}-\d{2}$/;

/** A calendar date, YYYY-MM-DD, that really exists (no 31 February). */
export const IsoDate = z
  .string()
  .regex(ISO_DATE_FORM, { error: aboutField((label) => `${label} must be a real date, like 2026-11-21`) })
  // One message a field: each check speaks only when those before it held.
  .refine((value) => !ISO_DATE_FORM.test(value) || isRealDate(value), { error: aboutField((label) => `${label} must be a real date`) })
  .refine((value) => !ISO_DATE_FORM.test(value) || !isRealDate(value) || isPlausibleYear(value), { error: aboutField((label) => `${label} must be between 1900 and 2100`) });
export type IsoDate = z.infer<typeof IsoDate>;

/** An instant with its offset, e.g. 2024-03-28T09:15:00Z or 2024-03-28T09:15:00+00:00. */
export const IsoDateTime = z.iso
  .datetime({ offset: true, error: aboutField((label) => `${label} must be a real date and time, like 2026-11-21T09:15:00Z`) })
  // Milliseconds or microseconds at most, and a year the calendar knows: anything else is a typo, not a time.
  .refine((value) => !/\.\d{7,}/.test(value), { error: aboutField((label) => `${label} must give seconds to at most 6 decimal places`) })
  .refine(isPlausibleYear, { error: aboutField((label) => `${label} must be between 1900 and 2100`) });
export type IsoDateTime = z.infer<typeof IsoDateTime>;

/** Business time: a date, or a date-time where hours matter (contacts, allocations). */
export const OccurredAt = z.union([IsoDate, IsoDateTime], {
  error: (issue) => (issue.input === undefined || issue.input === '' ? `Enter ${fieldLabelOf(issue.path ?? [])}` : undefined) ?? aboutField((label) => `${label} must be a real date (like 2026-11-21) or date and time (like 2026-11-21T09:15:00Z)`)(issue),
});

export const LaChildId = z
  .string()
  .regex(/^[A-Za-z0-9]{1,20}$/, "The LA child id must be 1 to 20 letters or digits (CIN census rules 1570/1580)");

export const LaCode = z.string().regex(/^\d{3}$/, 'The council code must be the 3-digit DfE code, like 206');

export const EventId = z.uuid({ error: aboutField((label) => `${label} must be the id of an entry on the record (a UUID)`) });

export const FreeText = (max: number) =>
  z.string().trim().min(1).max(max).refine((text) => !text.includes('\u0000'), { error: aboutField((label) => `${label} cannot contain a NUL character`) });

export function codeFrom<T extends CodeList>(list: T, what: string) {
  return z.enum(codesOf(list), { error: (issue) => (issue.input === undefined ? `Select the ${what}` : `Select the ${what} from the list`) });
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Whether a 'YYYY-MM-DD' string names a real day (no 31 April, 29 February only in leap years). */
export function isRealDate(value: string): boolean {
  const year = Number(value.slice(0, 4));
  const month = Number(value.slice(5, 7));
  const day = Number(value.slice(8, 10));
  if (!(month >= 1 && month <= 12 && day >= 1)) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return day <= (month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1]!);
}

export function isPlausibleYear(value: string): boolean {
  const year = Number(value.slice(0, 4));
  return year >= 1900 && year <= 2100;
}
