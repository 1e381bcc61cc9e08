import { describe, expect, it } from 'vitest';
import { FoldError, type LoggedEvent } from '../../record/fold.ts';
import { allowedActions, involvementsOf } from '../../record/transitions.ts';
import { birthdayContactsOf, nextBirthdayContactOf } from './birthday-contacts.ts';
import { computedEligibilityOn } from './eligibility.ts';
import { careLeaversSummaryOf, LeavingCare } from './read-model.ts';
import {
  adviserAllocated, birthdayContact, careLeaverJourney, DATE_OF_BIRTH, eligibility, foldOf, inCare, leftCare, logged, moved, pathwayPlan,
  pathwayReview, registered, stayingPut, stayingPutEnded, supportEnded,
} from './test-builders.ts';

function refusalOf(events: LoggedEvent[]): FoldError {
  try {
    foldOf(events);
  } catch (error) {
    if (error instanceof FoldError) return error;
    throw error;
  }
  throw new Error('The log folded: expected a refusal');
}

const careLeaverActions = (events: LoggedEvent[]) => allowedActions(foldOf(events).state).filter((action) => action.startsWith('care-leavers.'));
const lookedAfterOf = (events: LoggedEvent[]) => foldOf(events).state;

describe('eligibility worked out from the periods of care', () => {
  it('is eligible at 16 after 13 weeks in care since 14, relevant after leaving at 16 or 17, former relevant from 18', () => {
    const log = [registered(), inCare('2021-03-01'), leftCare('2024-02-01')];
    const state = lookedAfterOf(log);
    expect(computedEligibilityOn(state, DATE_OF_BIRTH, '2023-05-03')).toBeUndefined(); // 15
    expect(computedEligibilityOn(state, DATE_OF_BIRTH, '2023-05-04')).toBe('eligible');
    expect(computedEligibilityOn(state, DATE_OF_BIRTH, '2024-02-01')).toBe('relevant');
    expect(computedEligibilityOn(state, DATE_OF_BIRTH, '2025-05-04')).toBe('former-relevant');
    expect(computedEligibilityOn(state, DATE_OF_BIRTH, '2032-05-04')).toBeUndefined(); // 25
  });

  it('counts only the care since the 14th birthday, added up over periods, and is qualifying for less than 13 weeks', () => {
    // 60 days at 13 (not counted), then 50 and 45 days after 14: 95 days, some after 16.
    const twoPeriods = lookedAfterOf([registered(), inCare('2021-02-01'), leftCare('2021-06-01'), inCare('2022-01-01'), leftCare('2022-02-20'), inCare('2023-04-20'), leftCare('2023-06-04')]);
    expect(computedEligibilityOn(twoPeriods, DATE_OF_BIRTH, '2023-07-01')).toBe('relevant');
    // 40 days looked after at 16: qualifying.
    const short = lookedAfterOf([registered(), inCare('2023-06-01'), leftCare('2023-07-11')]);
    expect(computedEligibilityOn(short, DATE_OF_BIRTH, '2023-08-01')).toBe('qualifying');
    // Care that ended before 16 makes no care leaver.
    const before16 = lookedAfterOf([registered(), inCare('2021-06-01'), leftCare('2022-06-01')]);
    expect(computedEligibilityOn(before16, DATE_OF_BIRTH, '2023-08-01')).toBeUndefined();
  });

  it('leaves short breaks out of the 13 weeks', () => {
    const breaks = lookedAfterOf([registered(), inCare('2022-01-01', { legalStatus: 'V3', placement: { type: 'R1', provider: 'PR1', ofstedUrn: 'SC123456', postcode: 'N7 8AB' } })]);
    expect(computedEligibilityOn(breaks, DATE_OF_BIRTH, '2023-06-01')).toBeUndefined();
  });
});

describe('leaving care support from eligibility to its end', () => {
  it('keeps the eligibility, the adviser, the pathway plan and its reviews, contacts, staying put and the birthday contacts', () => {
    const { state } = foldOf(careLeaverJourney());
    const support = state.leavingCare!;
    expect(support.since).toBe('2023-05-04');
    expect(support.eligibilityDecisions.map((d) => [d.decidedOn, d.category, d.computedCategory])).toEqual([
      ['2023-05-04', 'eligible', 'eligible'], ['2025-05-04', 'former-relevant', 'former-relevant'],
    ]);
    expect(support.pathwayPlan).toEqual({ madeOn: '2023-07-20', participation: 'attended' });
    expect(support.pathwayPlanReviews.map((r) => [r.reviewedOn, r.participation])).toEqual([
      ['2024-01-15', 'attended'], ['2024-07-10', 'did-not-participate'], ['2025-01-08', 'views-given'],
    ]);
    // Around the 17th birthday (4 May 2024) and the 18th (4 May 2025).
    expect(support.birthdayContacts.map((c) => [c.contactedOn, c.birthdayAge, c.inTouch, c.activity, c.accommodation, c.accommodationSuitable])).toEqual([
      ['2024-04-20', 17, 'YES', 'F2', 'C', true], ['2025-05-20', 18, 'YES', 'F4', 'Z', true],
    ]);
    expect(support.stayingPut.map((s) => [s.startedOn, s.endedOn])).toEqual([['2025-05-04', undefined]]);
    expect(involvementsOf(state)).toContainEqual({ kind: 'care-leaver', label: 'Care leaver', since: '2023-05-04', rank: 3 });
    // The read model the API answers with describes the summary exactly.
    expect(LeavingCare.parse(careLeaversSummaryOf(state))).toEqual(support);
  });

  it('asks for the reason when the decision differs from the periods of care, or when they give none', () => {
    const log = [registered(), inCare('2021-03-01'), leftCare('2024-02-01')];
    const refusal = refusalOf([...log, eligibility('2024-03-01', 'qualifying')]);
    expect(refusal.problems).toEqual([{ field: 'data.reason', message: 'Give the reason for the decision: the record\'s periods of care make the young person relevant on 1 March 2024' }]);
    const overridden = foldOf([...log, eligibility('2024-03-01', 'qualifying', { reason: 'Lived with her mother for 6 months after care' })]).state.leavingCare!;
    expect(overridden.eligibilityDecisions[0]).toMatchObject({ category: 'qualifying', computedCategory: 'relevant', reason: 'Lived with her mother for 6 months after care' });
    // No care on the record: the decision says why.
    expect(refusalOf([registered(), eligibility('2025-06-01', 'former-relevant')]).problems[0]!.message).toMatch(/^Give the reason for the decision: the record's periods of care do not make the young person former-relevant/);
    expect(foldOf([registered(), eligibility('2025-06-01', 'former-relevant', { reason: 'Looked after by Kent until 2024' })]).state.leavingCare!.since).toBe('2025-06-01');
  });

  it('refuses a category the age rules out, and support past 25', () => {
    expect(refusalOf([registered(), eligibility('2022-06-01', 'relevant', { reason: 'x' })]).problems[0]!.message).toMatch(/aged 16 to 24/);
    expect(refusalOf([registered(), eligibility('2025-06-01', 'relevant', { reason: 'x' })]).problems[0]!.message).toMatch(/^Select former relevant or qualifying/);
    const supported = [registered(), eligibility('2031-01-01', 'former-relevant', { reason: 'Looked after by Kent' })];
    expect(refusalOf([...supported, moved('2032-06-01')]).problems[0]!.message).toMatch(/is 25 or over: leaving care support ends at 25/);
  });

  it('offers the actions the support allows, and refuses the rest naming what is needed', () => {
    expect(careLeaverActions([registered()])).toEqual(['care-leavers.eligibility-recorded']);
    const refusal = refusalOf([registered(), pathwayReview('2024-01-15')]);
    expect(refusal.code).toBe('conflict');
    expect(refusal.message).toMatch(/^You cannot record a pathway plan review on 15 January 2024: first record a pathway plan\. On that date you can .*record eligibility for leaving care support/);
    const supported = [registered(), inCare('2021-03-01'), eligibility('2023-05-04', 'eligible')];
    expect(careLeaverActions(supported)).toEqual([
      'care-leavers.eligibility-recorded', 'care-leavers.personal-adviser-allocated', 'care-leavers.pathway-plan-made', 'care-leavers.birthday-contact-recorded',
      'care-leavers.personal-adviser-contact-made', 'care-leavers.accommodation-changed', 'care-leavers.staying-put-started', 'care-leavers.lifelong-links-referred',
      'care-leavers.support-ended',
    ]);
    expect(careLeaverActions([...supported, pathwayPlan('2023-06-01')])).toContain('care-leavers.pathway-plan-reviewed');
    expect(careLeaverActions([...supported, pathwayPlan('2023-06-01')])).not.toContain('care-leavers.pathway-plan-made');
    expect(careLeaverActions([...supported, supportEnded('2024-01-01')])).toEqual(['care-leavers.eligibility-recorded']);
  });

  it('checks a birthday contact: its birthday from the date, one each, the answers in touch needs', () => {
    const supported = [registered(), inCare('2021-03-01'), leftCare('2024-02-01'), eligibility('2024-02-01', 'relevant'), adviserAllocated('2024-02-02')];
    expect(refusalOf([...supported, birthdayContact('2024-01-20')]).message).toMatch(/^You cannot record a birthday contact on 20 January 2024: first record the young person's eligibility/);
    expect(refusalOf([...supported, birthdayContact('2024-02-02')]).problems[0]!.message).toMatch(/too early for the 17th/);
    expect(refusalOf([...supported, birthdayContact('2024-04-10'), birthdayContact('2024-05-20')]).problems[0]!.message).toMatch(/around the 17th birthday is already recorded/);
    const notInTouch = foldOf([...supported, logged('care-leavers.birthday-contact-recorded', '2024-05-01', { inTouch: 'NO' })]).state.leavingCare!;
    expect(notInTouch.birthdayContacts[0]).toMatchObject({ birthdayAge: 17, inTouch: 'NO' });
  });

  it('ends staying put with the support, and refuses staying put before 18', () => {
    const supported = [registered(), inCare('2021-03-01'), eligibility('2023-05-04', 'eligible')];
    expect(refusalOf([...supported, stayingPut('2025-05-01')]).problems[0]!.message).toMatch(/Staying put begins at 18/);
    const log = [...supported, leftCare('2025-05-04', 'E17'), stayingPut('2025-05-04'), supportEnded('2026-01-10', 'moved-away')];
    expect(foldOf(log).state.leavingCare!.stayingPut[0]!.endedOn).toBe('2026-01-10');
    expect(foldOf([...supported, leftCare('2025-05-04', 'E17'), stayingPut('2025-05-04'), stayingPutEnded('2025-09-01')]).state.leavingCare!.stayingPut[0]!.endedOn).toBe('2025-09-01');
  });
});

describe('birthday contacts owed', () => {
  it('opens 3 months before each birthday from the 17th and closes a month after it', () => {
    const support = foldOf(careLeaverJourney()).state.leavingCare!;
    const owed = birthdayContactsOf(support, DATE_OF_BIRTH, '2026-03-01');
    expect(owed.slice(0, 4).map((c) => [c.birthdayAge, c.opensOn, c.dueBy, c.state])).toEqual([
      [17, '2024-02-04', '2024-06-04', 'met'],
      [18, '2025-02-04', '2025-06-04', 'met'],
      [19, '2026-02-04', '2026-06-04', 'due'],
      [20, '2027-02-04', '2027-06-04', 'upcoming'],
    ]);
    expect(nextBirthdayContactOf(owed)?.birthdayAge).toBe(19);
    expect(birthdayContactsOf(support, DATE_OF_BIRTH, '2026-06-05')[2]!.state).toBe('overdue');
  });
});

describe('the browser\'s month arithmetic', () => {
  it('agrees with the calendar\'s, at month ends and leap days too', async () => {
    const { addMonths } = await import('./birthday-contacts.ts');
    const calendar = await import('../../platform/calendar/calendar.ts');
    for (const [date, n] of [['2008-02-29', 12 * 17], ['2007-05-31', -3], ['2007-11-30', 3], ['2024-01-31', 1], ['2023-12-15', 1]] as const) {
      expect(addMonths(date, n), `${date} + ${n}`).toBe(calendar.addMonths(date, n));
    }
  });
});
