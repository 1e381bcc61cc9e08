import { longDateOf } from '../platform/calendar/calendar.ts';
import { earliestDateOfBirth, isAfterToday, latestExpectedDateOfBirth, OLDEST_AGE_ON_RECORD_YEARS, todayInLondon } from '../platform/clock.ts';
import type { FieldProblem } from '../platform/errors.ts';
import { eventNounOf } from './transitions.ts';

/**
 * Data fields that record something that has happened (so cannot be after today), wherever they are
 * in an event's data. Planned dates (an expected end, the date an arrangement is to begin, an
 * expected date of birth) are not among them.
 */
const happenedDateFields = new Set(['dateOfBirth', 'reportWrittenOn', 'dbsCertificateIssuedOn']);

const fieldWords: Record<string, string> = {
  dateOfBirth: 'The date of birth',
  reportWrittenOn: 'The date the report was written',
  dbsCertificateIssuedOn: 'The date the DBS certificate was issued',
};

/** Events whose `data.dateOfBirth` is the child's own, bounded to what a children's record holds. */
const childDetailsEvents = new Set(['child.registered', 'child.details-changed']);

/**
 * What is wrong with the dates of an event about to be written (recorded through the API or the
 * command line, or imported): an event cannot have happened after today in England, nor can what
 * its data says happened; a child's date of birth is bounded to a child or care leaver (25 years at
 * most), an unborn child's expected date of birth to ten months ahead, both on the event's own date:
 * a council's history (a child registered in 1995, now an adult whose record is still kept) imports
 * as it was. Checked when written, not when the record is folded: a record written before these
 * bounds still opens.
 */
export function eventDateProblems(event: { type: string; occurredAt: string; data?: unknown }, today: string = todayInLondon()): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (isAfterToday(event.occurredAt, today)) {
    problems.push({ field: 'occurredAt', message: `The date of ${eventNounOf(event.type)} must be today or in the past` });
  }
  const visit = (value: unknown, path: string[]): void => {
    if (Array.isArray(value)) return value.forEach((item, index) => visit(item, [...path, String(index)]));
    if (value === null || typeof value !== 'object') return;
    for (const [key, inner] of Object.entries(value)) {
      if (happenedDateFields.has(key) && typeof inner === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(inner) && inner > today) {
        problems.push({ field: ['data', ...path, key].join('.'), message: `${fieldWords[key] ?? 'The date'} must be today or in the past` });
      } else {
        visit(inner, [...path, key]);
      }
    }
  };
  visit(event.data, []);
  if (childDetailsEvents.has(event.type) && event.data !== null && typeof event.data === 'object') {
    const details = event.data as { dateOfBirth?: unknown; expectedDateOfBirth?: unknown };
    // On the date the details were recorded, which for anything written now is today.
    const recordedOn = event.occurredAt.slice(0, 10) < today ? event.occurredAt.slice(0, 10) : today;
    const earliest = earliestDateOfBirth(recordedOn);
    if (typeof details.dateOfBirth === 'string' && details.dateOfBirth < earliest) {
      problems.push({
        field: 'data.dateOfBirth',
        message: `The date of birth must be on or after ${longDateOf(earliest)}: a child's record is for children and care leavers up to ${OLDEST_AGE_ON_RECORD_YEARS}`,
      });
    }
    const latest = latestExpectedDateOfBirth(recordedOn);
    if (typeof details.expectedDateOfBirth === 'string' && details.expectedDateOfBirth > latest) {
      const from = recordedOn === today ? 'today' : `the date recorded, ${longDateOf(recordedOn)}`;
      problems.push({ field: 'data.expectedDateOfBirth', message: `The expected date of birth must be on or before ${longDateOf(latest)}: no more than 10 months from ${from}` });
    }
  }
  return problems;
}
