import { describe, expect, it } from 'vitest';
import type { RecordKind } from './retention-schedule.ts';
import { retentionDecision, type RetentionFacts } from './rules.ts';
import { inOrderOfInvolvement, recordKinds, resolveRetentionRules } from './schedules.ts';

const rules = resolveRetentionRules();
const facts = (over: Partial<RetentionFacts>): RetentionFacts => ({
  childId: 'A1', dateOfBirth: '2000-02-29', expectedDateOfBirth: null, recordType: 'child-in-need', lastEventOn: '2010-06-30', openWork: false, onHold: false,
  ...over,
});

describe('retention decisions', () => {
  it('keeps a child in need until the later of the 25th birthday and 6 years after the last event', () => {
    // Born on 29 February 2000: the 25th birthday is taken as 28 February 2025 (no 29th that year).
    expect(retentionDecision(facts({}), rules, '2025-02-27')).toMatchObject({ retainUntil: '2025-02-28', status: 'retained' });
    expect(retentionDecision(facts({}), rules, '2025-02-28')).toMatchObject({ retainUntil: '2025-02-28', status: 'due-for-disposal', ruleId: 'child-in-need-to-25th-birthday' });
    // An event at 22 keeps the record until 28, past the 25th birthday.
    expect(retentionDecision(facts({ lastEventOn: '2022-03-01' }), rules, '2026-01-01')).toMatchObject({ retainUntil: '2028-03-01', status: 'retained' });
  });

  it('keeps a looked-after child\'s record to the 75th birthday, and cannot be shortened by configuration', () => {
    expect(retentionDecision(facts({ recordType: 'looked-after' }), rules, '2074-12-31')).toMatchObject({ retainUntil: '2075-02-28', status: 'retained' });
    expect(() => resolveRetentionRules({ 'looked-after-to-75th-birthday': { untilBirthday: 30 } })).toThrow(/set by law/);
    expect(() => resolveRetentionRules({ 'no-such-rule': { untilBirthday: 30 } })).toThrow(/Unknown retention rule/);
  });

  it('keeps contact-only records 6 years after the last contact, or as long as the council sets', () => {
    expect(retentionDecision(facts({ recordType: 'contact-only', lastEventOn: '2018-05-31' }), rules, '2024-05-31')).toMatchObject({ retainUntil: '2024-05-31', status: 'due-for-disposal' });
    const local = resolveRetentionRules({ 'contact-only-6-years': { yearsAfterLastEvent: 10 } });
    expect(retentionDecision(facts({ recordType: 'contact-only', lastEventOn: '2018-05-31' }), local, '2024-05-31')).toMatchObject({ retainUntil: '2028-05-31', status: 'retained' });
  });

  it('never disposes of open work or a held record, whatever the dates', () => {
    expect(retentionDecision(facts({ openWork: true }), rules, '2040-01-01').status).toBe('open-work');
    expect(retentionDecision(facts({ onHold: true, openWork: true }), rules, '2040-01-01').status).toBe('on-hold');
  });

  it('counts from the expected date of birth for an unborn child, and from the last event when neither is known', () => {
    expect(retentionDecision(facts({ dateOfBirth: null, expectedDateOfBirth: '2001-01-15' }), rules, '2020-01-01').retainUntil).toBe('2026-01-15');
    expect(retentionDecision(facts({ dateOfBirth: null, lastEventOn: '2001-01-15' }), rules, '2020-01-01').retainUntil).toBe('2026-01-15');
  });

});

describe('kinds of record', () => {
  const kind = (recordType: string, rank: number, recognisedBy?: string): RecordKind => ({
    rank, recognisedBy, rule: { id: recordType, recordType, title: recordType, yearsAfterLastEvent: 6, statutory: false, source: 'test' },
  });

  it('are tested most involved first', () => {
    expect(recordKinds.map((k) => k.rule.recordType)).toEqual(['adoption', 'looked-after', 'child-protection', 'private-fostering', 'child-in-need', 'contact-only']);
    expect(resolveRetentionRules().map((rule) => rule.recordType)).toEqual(['adoption', 'looked-after', 'child-protection', 'private-fostering', 'child-in-need', 'contact-only']);
  });

  it('are ordered by rank whatever the registry\'s order, with one least involved kind and no two of a rank', () => {
    expect(inOrderOfInvolvement([kind('contact-only', 1), kind('child-protection', 5, 'true'), kind('child-in-need', 2, 'true')]).map((k) => k.rule.recordType))
      .toEqual(['child-protection', 'child-in-need', 'contact-only']);
    expect(() => inOrderOfInvolvement([kind('a', 2, 'true'), kind('b', 2, 'true'), kind('c', 1)])).toThrow(/both have rank 2/);
    expect(() => inOrderOfInvolvement([kind('a', 2), kind('c', 1)])).toThrow(/a need a test/);
    expect(() => inOrderOfInvolvement([kind('a', 2, 'true'), kind('c', 1, 'true')])).toThrow(/c, must have no test/);
  });
});
