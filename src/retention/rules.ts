import { addMonths } from '../platform/calendar/calendar.ts';
import type { RetentionRule } from './retention-schedule.ts';

/** What retention needs to know about one child's record. */
export interface RetentionFacts {
  childId: string;
  dateOfBirth: string | null;
  expectedDateOfBirth: string | null;
  /** The most involved kind of record the child has (schedules.ts). */
  recordType: string;
  /** The latest business date of anything recorded about the child. */
  lastEventOn: string;
  /** An open episode (or other open work) is never disposed of, whatever the dates say. */
  openWork: boolean;
  onHold: boolean;
}

export type RetentionStatus = 'due-for-disposal' | 'retained' | 'open-work' | 'on-hold';

export interface RetentionDecision {
  childId: string;
  recordType: string;
  ruleId: string;
  retainUntil: string;
  status: RetentionStatus;
  reason: string;
}

/**
 * When a child's record may be disposed of, and whether it is due as at a date: the latest of the
 * rule's birthday and its years after the last event (a record is never disposed of sooner than
 * either). Pure.
 */
export function retentionDecision(facts: RetentionFacts, rules: readonly RetentionRule[], asAt: string): RetentionDecision {
  const rule = rules.find((r) => r.recordType === facts.recordType);
  if (!rule) throw new Error(`No retention rule for ${facts.recordType} records`);
  const birth = facts.dateOfBirth ?? facts.expectedDateOfBirth;
  const candidates: string[] = [];
  if (rule.untilBirthday !== undefined && birth !== null) candidates.push(addMonths(birth, rule.untilBirthday * 12));
  // Without a date of birth, a birthday rule cannot be applied: keep until the later of the
  // years after the last event and the age limit counted from that event, the safe side.
  if (rule.untilBirthday !== undefined && birth === null) candidates.push(addMonths(facts.lastEventOn, rule.untilBirthday * 12));
  if (rule.yearsAfterLastEvent !== undefined) candidates.push(addMonths(facts.lastEventOn, rule.yearsAfterLastEvent * 12));
  const retainUntil = candidates.reduce((latest, date) => (date > latest ? date : latest));
  const base = { childId: facts.childId, recordType: facts.recordType, ruleId: rule.id, retainUntil };
  if (facts.onHold) return { ...base, status: 'on-hold', reason: 'A retention hold is in place' };
  if (facts.openWork) return { ...base, status: 'open-work', reason: 'The child has open work (an open episode or plan)' };
  if (retainUntil > asAt) return { ...base, status: 'retained', reason: `Kept until ${retainUntil} (${rule.title})` };
  return { ...base, status: 'due-for-disposal', reason: `Retention ended on ${retainUntil} (${rule.title})` };
}
