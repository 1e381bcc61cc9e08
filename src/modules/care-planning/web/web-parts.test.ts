import { describe, expect, it } from 'vitest';
import { RecordEventCommand } from '../../../record/events.ts';
import { commandFrom, formValuesOf, type FormValues } from '../../../web/recording/event-forms.ts';
import { carePlanningEvents } from '../events.ts';
import { carePlanningSummaryOf } from '../read-model.ts';
import { foldOf, lookedAfterJourney } from '../test-builders.ts';
import { carePlanningForms as forms } from './forms.ts';
import { iroWorklistOf } from './iro-worklist.tsx';
import { carePlanningEventLabels } from './labels.ts';
import { carePlanningPanelOf } from './record-panel.tsx';

const context = { workers: [{ workerId: 'W0001', teamId: 'looked-after-1' }] };
const on = (day: string, month: string, year: string, name = 'occurredAt'): FormValues => ({ [`${name}-day`]: day, [`${name}-month`]: month, [`${name}-year`]: year });
const eventTypes = carePlanningEvents.map((schema) => schema.shape.type.value);
const formOf = (type: string) => forms.find((form) => form.type === type)!;
const parsed = (command: object) => {
  const result = RecordEventCommand.safeParse({ ...command, clientId: 'client-id-1' });
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')} ${i.message}`);
};

describe('care planning forms', () => {
  it('has a form, a label and a place in the journey for every event', () => {
    expect(forms.map((form) => form.type).sort()).toEqual([...eventTypes].sort());
    expect(Object.keys(carePlanningEventLabels).sort()).toEqual([...eventTypes].sort());
    expect(forms.every((form) => form.journeyStep !== undefined)).toBe(true);
  });

  it('records a review with the child\'s participation and a visit seen alone as the API expects them', () => {
    const review = commandFrom(formOf('care-planning.review-held'), { ...on('1', '2', '2026'), participation: 'PN6', iroWorkerId: 'W0001', recommendations: 'Keep family time weekly' }, context);
    expect(review).toEqual({ type: 'care-planning.review-held', occurredAt: '2026-02-01', data: { participation: 'PN6', iroWorkerId: 'W0001', recommendations: 'Keep family time weekly' } });
    const visit = commandFrom(formOf('care-planning.visit-made'), { ...on('2', '2', '2026'), childSeen: 'yes', seenAlone: 'yes', location: 'school', visitedByWorkerId: 'W0001' }, context);
    expect(visit.data).toEqual({ childSeen: true, seenAlone: true, location: 'school', visitedByWorkerId: 'W0001' });
    expect(parsed(review)).toEqual([]);
    expect(parsed(visit)).toEqual([]);
  });

  it('turns the SDQ\'s one choice into a score or a reason, and back to correct it', () => {
    const form = formOf('care-planning.sdq-recorded');
    const scored = commandFrom(form, { ...on('1', '2', '2026'), result: '17' }, context);
    expect(scored.data).toEqual({ score: 17 });
    const none = commandFrom(form, { ...on('1', '2', '2026'), result: 'SDQ5' }, context);
    expect(none.data).toEqual({ reasonNotDone: 'SDQ5' });
    expect(formValuesOf(form, scored).result).toBe('17');
    expect(parsed(scored)).toEqual([]);
  });

  it('gives numbers and optional yes-or-no answers as the schemas want them', () => {
    const attendance = commandFrom(formOf('care-planning.attendance-recorded'), { ...on('6', '1', '2026'), schoolYear: '2025', term: 'autumn', percent: '93' }, context);
    expect(attendance.data).toEqual({ schoolYear: 2025, term: 'autumn', percent: 93 });
    const interval = commandFrom(formOf('care-planning.visit-interval-set'), { ...on('6', '1', '2026'), weeks: '4' }, context);
    expect(interval.data).toEqual({ weeks: 4 });
    const misuse = commandFrom(formOf('care-planning.substance-misuse-recorded'), { ...on('6', '1', '2026'), identified: 'yes', interventionOffered: 'yes' }, context);
    expect(misuse.data).toEqual({ identified: true, interventionOffered: true });
    for (const command of [attendance, interval, misuse]) expect(parsed(command)).toEqual([]);
  });
});

describe('care planning on the record', () => {
  const summary = carePlanningSummaryOf(foldOf(lookedAfterJourney()).state);
  const duties = [
    { ruleId: 'cla-reviews-every-6-months', dueOn: '2025-04-21', state: 'open', daysLeft: 30, unit: 'months' },
    { ruleId: 'cla-visit-within-6-weeks-of-the-last', dueOn: '2024-08-26', state: 'overdue', lateBy: 5, unit: 'weeks' },
    { ruleId: 'cla-pep-each-term', dueOn: '2024-05-19', state: 'overdue', lateBy: 80, unit: 'months' },
  ];

  it('says when the next review and visit are due, and how health and education stand', () => {
    const panel = carePlanningPanelOf(summary, duties)!;
    expect(panel.nextReview?.dueOn).toBe('2025-04-21');
    expect(panel.nextVisit).toMatchObject({ dueOn: '2024-08-26', tag: { colour: 'red' } });
    expect(panel.nextPep?.dueOn).toBe('2024-05-19');
    expect(panel.lastReview).toBe('21 October 2024 (review 3): Child does not attend nor are their views conveyed to the review');
    expect(panel.lastVisit).toBe('15 July 2024: seen alone, in the placement');
    expect(panel.health).toContain('Initial health assessment 26 January 2024; no dental check yet');
    expect(panel.reviews.map((row) => row[0])).toEqual(['21 October 2024', '25 April 2024', '1 February 2024']);
  });

  it('has nothing to show for a child never looked after', () => {
    expect(carePlanningPanelOf(carePlanningSummaryOf(foldOf([lookedAfterJourney()[0]!]).state))).toBeNull();
  });

  it('lists the IRO\'s children, the overdue review first, and those of one IRO when asked', () => {
    const children = [
      { childId: 'A', forename: 'Ada', surname: 'Zed', periodId: 'p-a', lookedAfterSince: '2023-01-01', iroWorkerId: 'W0900', allocatedWorkerId: 'W0001' },
      { childId: 'B', forename: 'Ben', surname: 'Young', periodId: 'p-b', lookedAfterSince: '2024-01-01', iroWorkerId: 'W0901', allocatedWorkerId: null },
      { childId: 'C', forename: 'Cat', surname: 'Xu', periodId: 'p-c', lookedAfterSince: '2024-06-01', iroWorkerId: 'W0900', allocatedWorkerId: null },
    ];
    const due = [
      { childId: 'A', subjectId: 'p-a', ruleId: 'cla-reviews-every-6-months', title: 'Review', dueOn: '2025-05-01', state: 'open', daysLeft: 20, unit: 'months' },
      { childId: 'B', subjectId: 'p-b', ruleId: 'cla-second-review-within-3-months', title: 'Second review', dueOn: '2025-03-01', state: 'overdue', lateBy: 10, unit: 'months' },
      // Another rule's duty, and an earlier period's, are not the next review.
      { childId: 'C', subjectId: 'p-c', ruleId: 'cla-visit-within-6-weeks-of-the-last', title: 'Visit', dueOn: '2025-03-05', state: 'open', daysLeft: 5, unit: 'weeks' },
      { childId: 'C', subjectId: 'p-old', ruleId: 'cla-reviews-every-6-months', title: 'Review', dueOn: '2024-03-05', state: 'overdue', lateBy: 300, unit: 'months' },
    ];
    expect(iroWorklistOf(children, due, null).map((row) => [row.childId, row.nextReview?.dueOn ?? null])).toEqual([['B', '2025-03-01'], ['A', '2025-05-01'], ['C', null]]);
    expect(iroWorklistOf(children, due, 'W0900').map((row) => row.childId)).toEqual(['A', 'C']);
  });
});
