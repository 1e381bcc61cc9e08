import { describe, expect, it } from 'vitest';
import { FoldError, type LoggedEvent } from '../../record/fold.ts';
import { allowedActions } from '../../record/transitions.ts';
import { RecordEventCommand } from '../../record/events.ts';
import { childRecordSummary } from '../../record/service.ts';
import { CarePlanningSummary } from './read-model.ts';
import { termOf } from './state.ts';
import {
  attendance, becameMother, logged, carePlan, ceased, dentalCheck, foldOf, healthAssessment, immunisations, iroAllocated, longTermFostering, lookedAfterJourney,
  placementPlan, registered, review, school, screening, sdq, started, substanceMisuse, visit, visitInterval,
} from './test-builders.ts';

/** The refusal the fold throws for a log, or fails the test. */
function refusalOf(events: LoggedEvent[]): FoldError {
  try {
    foldOf(events);
  } catch (error) {
    if (error instanceof FoldError) return error;
    throw error;
  }
  throw new Error('The log folded: expected a refusal');
}

const dataOf = (events: LoggedEvent[], type: string) => foldOf(events).effectiveEvents.filter((e) => e.type === type).map((e) => e.data as Record<string, unknown>);

describe('care planning of a child looked after', () => {
  it('keeps every review, numbered in the period, with the IRO and the child\'s participation', () => {
    const { state } = foldOf(lookedAfterJourney());
    const periodId = state.periodsOfCare[0]!.periodId;
    expect(state.carePlanning.reviews.map((r) => [r.heldOn, r.reviewNumber, r.participation, r.iroWorkerId, r.periodId])).toEqual([
      ['2024-02-01', 1, 'PN1', 'W0900', periodId], ['2024-04-25', 2, 'PN6', 'W0900', periodId], ['2024-10-21', 3, 'PN7', 'W0900', periodId],
    ]);
    expect(state.carePlanning.iroAllocations).toMatchObject([{ iroWorkerId: 'W0900', periodId }]);
  });

  it('works out the protocol date of the permanency planning meeting from the first review', () => {
    expect(dataOf(lookedAfterJourney(), 'care-planning.permanency-planning-meeting-held')[0]).toMatchObject({ dueBy: '2024-05-01' });
  });

  it('ties each placement plan to its placement, and the visits to where the child lives', () => {
    const { state } = foldOf(lookedAfterJourney());
    const placements = state.periodsOfCare[0]!.episodes.map((e) => e.placement.placementId);
    expect(state.carePlanning.placementPlans.map((p) => p.placementId)).toEqual([placements[0], placements[1]]);
    expect(state.carePlanning.visits.at(-1)?.placementId).toBe(placements[1]);
  });

  it('sets the next visit\'s interval: 6 weeks in the first year, 3 months after it in a long-term placement, shorter when the social worker says', () => {
    const log = [
      registered(), started('2023-01-09', { placement: longTermFostering }), visit('2023-01-12'), visit('2024-01-08'), visit('2024-01-10'),
      visitInterval('2024-02-01', 4), visit('2024-02-05'), visit('2024-02-20', { childSeen: false, seenAlone: false }), visitInterval('2024-03-01'), visit('2024-03-04'),
    ];
    expect(dataOf(log, 'care-planning.visit-made').map((d) => d.nextVisitWithin)).toEqual(['6-weeks', '6-weeks', '3-months', '4-weeks', undefined, '3-months']);
  });

  it('treats a placement as long-term when its placement plan says so, and not when it says otherwise', () => {
    const log = [registered(), started('2023-01-09'), placementPlan('2023-01-10', { intendedLongTerm: true }), visit('2024-02-01')];
    expect(dataOf(log, 'care-planning.visit-made')[0]!.nextVisitWithin).toBe('3-months');
    const notLongTerm = [registered(), started('2023-01-09', { placement: longTermFostering }), placementPlan('2023-01-10', { intendedLongTerm: false }), visit('2024-02-01')];
    expect(dataOf(notLongTerm, 'care-planning.visit-made')[0]!.nextVisitWithin).toBe('6-weeks');
  });

  it('visits a child on short breaks only at the interval agreed with the IRO, none being due until one is', () => {
    const log = [registered(), started('2024-01-08', { legalStatus: 'V3' }), visit('2024-01-10'), visitInterval('2024-01-20', 8), visit('2024-02-01')];
    expect(dataOf(log, 'care-planning.visit-made').map((d) => d.nextVisitWithin)).toEqual([undefined, '8-weeks']);
  });

  it('works out each health assessment\'s next review from the child\'s age: 6 months under 5, 12 from 5', () => {
    const log = [registered({ dateOfBirth: '2020-03-01' }), started('2024-01-08'), healthAssessment('2024-01-20', 'initial'), healthAssessment('2025-03-01')];
    expect(dataOf(log, 'care-planning.health-assessment-completed').map((d) => d.nextReviewWithin)).toEqual(['6-months', '12-months']);
    expect(refusalOf([...log, healthAssessment('2025-04-01', 'initial')]).message).toMatch(/initial health assessment already/);
  });

  it('keeps health, OC2 and education records, and the birth of a young woman\'s child (903 MOTHER, MC_DOB)', () => {
    const log = [
      registered(), started('2024-01-08'), dentalCheck('2024-02-01'), immunisations('2024-02-01', false), sdq('2024-03-01'), sdq('2024-09-01', { reasonNotDone: 'SDQ5' }),
      screening('2024-03-02'), substanceMisuse('2024-03-03'), school('2024-01-08'), attendance('2024-01-10'), attendance('2024-01-12', { percent: 88 }),
      becameMother('2024-04-01', '2024-03-28'),
    ];
    const { carePlanning } = foldOf(log).state;
    expect(carePlanning.dentalChecks).toHaveLength(1);
    expect(carePlanning.immunisations).toMatchObject([{ upToDate: false }]);
    expect(carePlanning.sdqs.map((s) => s.score ?? s.reasonNotDone)).toEqual([14, 'SDQ5']);
    expect(carePlanning.mentalHealthScreenings).toMatchObject([{ outcome: 'further-support-needed', referredToCamhs: true }]);
    expect(carePlanning.substanceMisuse).toMatchObject([{ identified: true, interventionOffered: true, interventionReceived: false }]);
    expect(carePlanning.schools).toEqual([{ schoolName: 'Highbury Grove School', urn: '100428', from: '2024-01-08' }]);
    // The term's figure recorded again replaces the first.
    expect(carePlanning.attendance).toEqual([{ schoolYear: 2023, term: 'autumn', percent: 88, recordedOn: '2024-01-12' }]);
    expect(carePlanning.childrenBorn).toEqual([{ bornOn: '2024-03-28', recordedOn: '2024-04-01' }]);
  });

  it('puts each PEP in its term: autumn September to December, spring January to April, summer May to August', () => {
    expect(['2024-09-01', '2024-12-31', '2025-01-01', '2025-04-30', '2025-05-01', '2025-08-31'].map(termOf)).toEqual([
      { schoolYear: 2024, term: 'autumn' }, { schoolYear: 2024, term: 'autumn' }, { schoolYear: 2024, term: 'spring' },
      { schoolYear: 2024, term: 'spring' }, { schoolYear: 2024, term: 'summer' }, { schoolYear: 2024, term: 'summer' },
    ]);
  });

  it('gives the record summary in the shape of its read model, with the IRO of the current period', () => {
    const summary = childRecordSummary(foldOf(lookedAfterJourney()), [], '2024-11-01', () => ({ state: 'open' })) as unknown as { carePlanning: unknown };
    const part = CarePlanningSummary.parse(summary.carePlanning);
    expect(part).toMatchObject({ iroWorkerId: 'W0900' });
    expect(part.currentPeriodId).not.toBeNull();
  });
});

describe('refusals', () => {
  it('refuses care planning for a child who is not looked after, naming what is allowed instead', () => {
    const refusal = refusalOf([registered(), review('2024-02-01')]);
    expect(refusal.message).toMatch(/first record that the child became looked after/);
  });

  it('refuses an event dated between two periods of care, though it was recorded after the second began', () => {
    const refusal = refusalOf([registered(), started('2024-01-08'), ceased('2024-03-01'), started('2024-06-03'), visit('2024-04-10')]);
    expect(refusal.message).toMatch(/^You cannot record a visit to a child looked after on 10 April 2024: first record that the child became looked after\. On that date you can .*record that the child became looked after/);
  });

  it('numbers reviews afresh in each period of care', () => {
    const log = [registered(), started('2024-01-08'), review('2024-02-01'), ceased('2024-03-01'), started('2024-06-03'), review('2024-06-20')];
    expect(foldOf(log).state.carePlanning.reviews.map((r) => r.reviewNumber)).toEqual([1, 1]);
  });

  it('wants PN0 for a child under 4 and only then', () => {
    expect(refusalOf([registered({ dateOfBirth: '2022-01-01' }), started('2024-01-08'), review('2024-02-01')]).message).toMatch(/Select PN0/);
    expect(refusalOf([registered(), started('2024-01-08'), review('2024-02-01', { participation: 'PN0' })]).message).toMatch(/PN0 is for a child under 4/);
  });

  it('refuses what the schemas do not allow: an SDQ with both a score and a reason, a score over 40, an intervention received that was not offered', () => {
    const problems = (type: string, data: unknown) => {
      const result = RecordEventCommand.safeParse({ type, occurredAt: '2024-03-01', data });
      return result.success ? [] : result.error.issues.map((issue) => issue.path.join('.'));
    };
    expect(problems('care-planning.sdq-recorded', { score: 12, reasonNotDone: 'SDQ4' })).toContain('data.score');
    expect(problems('care-planning.sdq-recorded', { score: 41 })).toContain('data.score');
    expect(problems('care-planning.substance-misuse-recorded', { identified: true, interventionReceived: true, interventionOffered: false })).toContain('data.interventionOffered');
    expect(problems('care-planning.visit-interval-set', { weeks: 7 })).toContain('data.weeks');
    expect(problems('care-planning.review-held', { participation: 'PN9' })).toContain('data.participation');
  });

  it('refuses motherhood for a child recorded as male, and a baby born after the recording', () => {
    expect(refusalOf([registered({ sex: 'M' }), started('2024-01-08'), becameMother('2024-04-01', '2024-03-28')]).message).toMatch(/male/);
    expect(refusalOf([registered(), started('2024-01-08'), becameMother('2024-04-01', '2024-04-02')]).message).toMatch(/on or before 1 April 2024/);
  });

  it('offers the care planning actions only while the child is looked after', () => {
    const actions = (log: LoggedEvent[]) => allowedActions(foldOf(log).state).filter((a) => a.startsWith('care-planning.'));
    expect(actions([registered()])).toEqual(['care-planning.school-recorded', 'care-planning.attendance-recorded']);
    expect(actions([registered(), started('2024-01-08')])).toContain('care-planning.review-held');
    expect(actions([registered(), started('2024-01-08'), carePlan('2024-01-09'), ceased('2024-03-01')])).not.toContain('care-planning.visit-made');
  });
});

describe('corrections', () => {
  it('renumbers the reviews when one is corrected to another date', () => {
    const first = review('2024-02-01');
    const corrected = logged('care-planning.review-held', '2024-05-10', { participation: 'PN2' }, { supersedes: first.eventId });
    const log = [registered(), started('2024-01-08'), iroAllocated('2024-01-09'), first, review('2024-04-25'), corrected];
    expect(foldOf(log).state.carePlanning.reviews.map((r) => [r.heldOn, r.reviewNumber, r.participation])).toEqual([['2024-04-25', 1, 'PN1'], ['2024-05-10', 2, 'PN2']]);
  });
});
