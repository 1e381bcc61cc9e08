import { describe, expect, it } from 'vitest';
import { RecordEventCommand } from '../../../record/events.ts';
import { commandFrom, fieldOfProblem, type FormValues } from '../../../web/recording/event-forms.ts';
import { adoptionEvents } from '../events.ts';
import { adoptionSummaryOf } from '../read-model.ts';
import { adoptedJourney, foldOf } from '../test-builders.ts';
import { adoptionForms as forms } from './forms.ts';
import { adoptionEventLabels } from './labels.ts';
import { adoptionPanelOf } from './record-panel.tsx';
import { adoptionWorklistOf } from './worklist.tsx';

const context = { workers: [{ workerId: 'W0001', teamId: 'looked-after-1' }] };
const on = (day: string, month: string, year: string, name = 'occurredAt'): FormValues => ({ [`${name}-day`]: day, [`${name}-month`]: month, [`${name}-year`]: year });
const eventTypes = adoptionEvents.map((schema) => schema.shape.type.value);
const formOf = (type: string) => forms.find((form) => form.type === type)!;

describe('adoption forms', () => {
  it('has a form, a label and a place in the journey for every event', () => {
    expect(forms.map((form) => form.type).sort()).toEqual([...eventTypes].sort());
    expect(Object.keys(adoptionEventLabels).sort()).toEqual([...eventTypes].sort());
    expect(forms.every((form) => form.journeyStep !== undefined)).toBe(true);
  });

  it('builds every form\'s command in a shape the API schemas accept', () => {
    for (const form of forms) {
      const values: FormValues = on('1', '2', '2026');
      for (const field of form.fields) {
        if ((field.kind === 'radios' || field.kind === 'select') && !field.optional) values[field.name] = field.options[0]!.value;
        if (field.kind === 'yes-no') values[field.name] = 'no';
        if (field.kind === 'worker') values[field.name] = 'W0001';
      }
      // The first sex code is one male adopter, and the first legal status, L0, is the one that fits.
      const command = commandFrom(form, values, context);
      const parsed = RecordEventCommand.safeParse({ ...command, clientId: 'client-id-1' });
      expect(parsed.success ? [] : parsed.error.issues.map((i) => `${form.type}: ${i.path.join('.')} ${i.message}`)).toEqual([]);
    }
  });

  it('asks the date of a previous order in parts, any of day and month left unknown', () => {
    const form = formOf('adoption.previous-permanence-recorded');
    const command = (answers: FormValues) => commandFrom(form, { ...on('3', '3', '2025'), previousPermanence: 'P2', ...answers }, context);
    expect(command({ orderYear: '2015', orderMonth: '3', orderDay: '', localAuthority: '209' }).data).toEqual({ previousPermanence: 'P2', localAuthority: '209', orderDate: { year: 2015, month: 3 } });
    expect(command({ orderYear: '2015' }).data).toEqual({ previousPermanence: 'P2', orderDate: { year: 2015 } });
    expect(command({}).data).toEqual({ previousPermanence: 'P2' });
    // A day without a month is the API's to refuse, shown at the day's box.
    const parsed = RecordEventCommand.safeParse({ ...command({ orderYear: '2015', orderDay: '4' }), clientId: 'client-id-2' });
    expect(parsed.success).toBe(false);
    const problem = parsed.error!.issues[0]!;
    expect(problem.path.join('.')).toBe('data.orderDate.day');
    expect(fieldOfProblem(form, problem.path.join('.'))).toBe('orderDay');
    expect(form.valuesFrom!({ previousPermanence: 'P2', orderDate: { year: 2015, month: 3 } })).toEqual({ orderYear: '2015', orderMonth: '3' });
  });
});

describe('the adoption card', () => {
  const journey = adoptedJourney();
  const summaryOn = (day: string) => adoptionSummaryOf(foldOf(journey.filter((e) => e.occurredAt <= day)).state);

  it('shows the stage the plan has reached, and the match due after a placement order', () => {
    const panel = adoptionPanelOf(summaryOn('2022-03-01'), [
      { ruleId: 'adoption-match-within-121-days-of-placement-order', dueOn: '2022-06-02', state: 'open', daysLeft: 93, unit: 'calendar-days' },
      { ruleId: 'adoption-placed-within-426-days-of-entering-care', dueOn: '2022-08-01', state: 'open', daysLeft: 153, unit: 'calendar-days' },
    ])!;
    expect(panel.stage).toBe('Placement order made');
    expect(panel.since).toBe('2022-02-01');
    expect(panel.next).toMatchObject({ title: 'Match due', dueOn: '2022-06-02' });
    const value = (key: string) => panel.rows.find((r) => r.key.text === key)?.value.text;
    expect(value('Decision to place')).toBe('1 October 2021');
    expect(value('Entered care')).toBe('1 June 2021');
    expect(value('Matched')).toBe('Not yet');
  });

  it('shows the match, the placement and the adoption order as they come', () => {
    expect(adoptionPanelOf(summaryOn('2022-05-15'))!.rows.find((r) => r.key.text === 'Matched')!.value.text)
      .toBe('1 May 2022: a male and a female adopter, a different-gender married couple');
    expect(adoptionPanelOf(summaryOn('2022-07-01'))!.stage).toBe('Placed for adoption');
    const adopted = adoptionPanelOf(summaryOn('2022-12-31'))!;
    expect(adopted).toMatchObject({ stage: 'Adopted', since: '2022-12-01', next: null });
  });

  it('shows an order that gave permanence, and nothing for a child with neither', () => {
    const order = { orderId: 'o1', order: 'special-guardianship' as const, madeOn: '2023-01-10', relativeOrFriend: true, formerFosterCarers: true, reasonCeased: 'E45' };
    expect(adoptionPanelOf({ current: null, plans: [], permanenceOrders: [order], previousPermanence: [] })).toMatchObject({
      stage: 'Special guardianship order', rows: [{ value: { text: 'Special guardianship order made 10 January 2023, to a relative or friend who had fostered the child' } }],
    });
    expect(adoptionPanelOf({ current: null, plans: [], permanenceOrders: [], previousPermanence: [] })).toBeNull();
  });
});

describe('the adoption worklist', () => {
  it('lists the children with a plan, where each stands and what is due soonest first', () => {
    const child = (childId: string, surname: string, kind: string, label: string) => ({
      childId, forename: 'Sam', surname, allocatedWorkerId: null, involvements: [{ kind: 'looked-after', label: 'Looked after', since: '2022-01-01' }, { kind, label, since: '2022-06-01' }],
    });
    const worklist = adoptionWorklistOf([
      child('A', 'Ahmed', 'adoption-plan', 'Plan for adoption: placement order made'),
      child('B', 'Brown', 'placed-for-adoption', 'Placed for adoption'),
      child('C', 'Clark', 'adoption-plan', 'Plan for adoption: decision made'),
      child('A', 'Ahmed', 'adoption-plan', 'Plan for adoption: placement order made'),
    ], [
      { childId: 'A', ruleId: 'adoption-match-within-121-days-of-placement-order', title: 'Match', dueOn: '2023-01-10', state: 'overdue', lateBy: 3, unit: 'calendar-days' },
      { childId: 'C', ruleId: 'adoption-placed-within-426-days-of-entering-care', title: 'Placed', dueOn: '2023-05-10', state: 'open', daysLeft: 100, unit: 'calendar-days' },
      { childId: 'B', ruleId: 'visit-within-1-week', title: 'Visit', dueOn: '2022-01-01', state: 'overdue', lateBy: 3, unit: 'weeks' },
    ]);
    expect(worklist.summary).toEqual({ withPlan: 2, placed: 1, overdue: 1 });
    expect(worklist.rows.map((row) => [row.childId, row.stage, row.next?.title ?? null])).toEqual([
      ['A', 'Plan for adoption: placement order made', 'Match'], ['C', 'Plan for adoption: decision made', 'Placed'], ['B', 'Placed for adoption', null],
    ]);
  });
});
