import { describe, expect, it } from 'vitest';
import { RecordEventCommand } from '../../../record/events.ts';
import { commandFrom, formValuesOf, type FormValues } from '../../../web/recording/event-forms.ts';
import { lookedAfterEvents } from '../events.ts';
import { lookedAfterSummaryOf } from '../read-model.ts';
import { ceased, foldOf, placementChanged, registered, started } from '../test-builders.ts';
import { lookedAfterForms as forms } from './forms.ts';
import { lookedAfterEventLabels } from './labels.ts';
import { lookedAfterCardOf, placementRowsOf, whereOf } from './record-panel.tsx';
import { lookedAfterWorklistOf } from './worklist.tsx';

const context = { workers: [{ workerId: 'W0001', teamId: 'looked-after-1' }] };
const on = (day: string, month: string, year: string, name = 'occurredAt'): FormValues => ({ [`${name}-day`]: day, [`${name}-month`]: month, [`${name}-year`]: year });
const eventTypes = lookedAfterEvents.map((schema) => schema.shape.type.value);
const formOf = (type: string) => forms.find((form) => form.type === type)!;
const problems = (command: { type: string; occurredAt: string; data: Record<string, unknown> }) => {
  const parsed = RecordEventCommand.safeParse({ ...command, clientId: 'client-id-1' });
  return parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('looked-after forms', () => {
  it('has a form, a label and a place in the journey for every event', () => {
    expect(forms.map((form) => form.type).sort()).toEqual([...eventTypes].sort());
    expect(Object.keys(lookedAfterEventLabels).sort()).toEqual([...eventTypes].sort());
    expect(forms.every((form) => form.journeyStep !== undefined)).toBe(true);
  });

  it('puts the placement together from one box per question, and reads it back to correct it', () => {
    const form = formOf('looked-after.started');
    const values = {
      ...on('8', '1', '2024'), legalStatus: 'V2', categoryOfNeed: 'N1', placementType: 'U6', provider: 'PR4', providerName: 'Bright Futures Fostering',
      ofstedUrn: 'sc12345', placementPostcode: 'me14 1aa', weeklyCost: '£1,050', homePostcode: 'N1 2AB', unaccompaniedAsylumSeeking: 'no',
    };
    const command = commandFrom(form, values, context);
    expect(command.data).toEqual({
      legalStatus: 'V2', categoryOfNeed: 'N1', homePostcode: 'N1 2AB', unaccompaniedAsylumSeeking: false,
      placement: { type: 'U6', provider: 'PR4', providerName: 'Bright Futures Fostering', ofstedUrn: 'sc12345', postcode: 'me14 1aa', weeklyCost: 1050 },
    });
    expect(problems(command)).toEqual([]);
    expect(formValuesOf(form, { occurredAt: '2024-01-08', data: command.data })).toMatchObject({ placementType: 'U6', weeklyCost: '1050', placementPostcode: 'me14 1aa' });
  });

  it('names the placement\'s problems against the boxes they came from', () => {
    const command = commandFrom(formOf('looked-after.placement-changed'), { ...on('1', '3', '2024'), placementType: 'U6', sameCarer: 'no', reason: 'CARPL', weeklyCost: 'a lot' }, context);
    expect(problems(command)).toEqual(['data.placement.weeklyCost: Enter the weekly cost in pounds']);
    expect(formOf('looked-after.placement-changed').derivedFrom?.['placement.weeklyCost']).toBe('weeklyCost');
  });

  it('takes a secure order\'s risks one a line', () => {
    const command = commandFrom(formOf('looked-after.secure-accommodation-order-made'), { ...on('1', '3', '2024'), reasons: 'Gangs\n\n Going missing ' }, context);
    expect(command.data).toEqual({ reasons: ['Gangs', 'Going missing'] });
  });
});

describe('the looked-after record panel', () => {
  const log = [registered(), started('2024-01-08'), placementChanged('2024-03-01', { reason: 'CREQB' })];

  it('shows the legal status, placement, provider, distance and since when', () => {
    const card = lookedAfterCardOf(lookedAfterSummaryOf(foldOf(log).state))!;
    expect(card.headline).toBe('Looked after since 8 January 2024');
    const value = (key: string) => card.rows.find((r) => r.key.text === key)?.value.text;
    expect(value('Legal status')).toBe('V2: Accommodated under section 20 (a single period), since 8 January 2024');
    expect(value('Placement')).toBe('U6: Foster placement with another foster carer: not long-term and not for adoption, since 1 March 2024');
    expect(value('Where')).toBe('32.2 miles from home, outside the council\'s area');
    expect(value('Weekly cost')).toBe('£1,050');
  });

  it('lists the placements over time with why each ended', () => {
    const summary = lookedAfterSummaryOf(foldOf([...log, ceased('2024-06-30', 'E4A')]).state);
    expect(placementRowsOf(summary.periods[0]!)).toEqual([
      ['8 January 2024', '1 March 2024', 'U6: Foster placement with another foster carer: not long-term and not for adoption', 'The council\'s own provision', '1.3 miles from home, inside the council\'s area', 'The carer asked for it to end because of the child\'s behaviour'],
      ['1 March 2024', '30 June 2024', 'U6: Foster placement with another foster carer: not long-term and not for adoption', 'Private provision', '32.2 miles from home, outside the council\'s area', 'Returned home to parents, relatives or a person with parental responsibility, as part of the care plan'],
    ]);
    expect(lookedAfterCardOf(summary)!.headline).toBe('Looked after from 8 January 2024 to 30 June 2024: returned home to parents, relatives or a person with parental responsibility, as part of the care plan');
    expect(whereOf({})).toBe('Not recorded');
  });

  it('lists the children looked after, the latest into care first', () => {
    const child = (childId: string, since: string) => ({ childId, forename: 'A', surname: childId, allocatedWorkerId: null, involvements: [{ kind: 'looked-after', label: 'Looked after', since, rank: 7 }] });
    expect(lookedAfterWorklistOf([child('X', '2023-01-01'), child('Y', '2024-05-01'), child('Y', '2024-05-01')]).map((row) => row.childId)).toEqual(['Y', 'X']);
  });
});
