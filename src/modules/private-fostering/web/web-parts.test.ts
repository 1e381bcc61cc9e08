import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { RecordEventCommand } from '../../../record/events.ts';
import { commandFrom, type FormValues } from '../../../web/recording/event-forms.ts';
import { privateFosteringEvents } from '../events.ts';
import { privateFosteringSummaryOf } from '../read-model.ts';
import { foldOf, privatelyFosteredJourney } from '../test-builders.ts';
import { privateFosteringForms as forms } from './forms.ts';
import { privateFosteringEventLabels } from './labels.ts';
import { privateFosteringPanelOf } from './record-panel.tsx';
import { privateFosteringWorklistOf } from './worklist.tsx';

const context = { workers: [{ workerId: 'W0001', teamId: 'children-in-need-1' }] };
const on = (day: string, month: string, year: string, name = 'occurredAt'): FormValues => ({ [`${name}-day`]: day, [`${name}-month`]: month, [`${name}-year`]: year });
const eventTypes = privateFosteringEvents.map((schema) => schema.shape.type.value);
const formOf = (type: string) => forms.find((form) => form.type === type)!;

describe('private fostering forms', () => {
  it('has a form, a label and a place in the journey for every event', () => {
    expect(forms.map((form) => form.type).sort()).toEqual([...eventTypes].sort());
    expect(Object.keys(privateFosteringEventLabels).sort()).toEqual([...eventTypes].sort());
    expect(forms.every((form) => form.journeyStep !== undefined)).toBe(true);
  });

  it('builds every form\'s command in a shape the API schemas accept', () => {
    for (const form of forms) {
      const values: FormValues = on('1', '2', '2026');
      for (const field of form.fields) {
        if ((field.kind === 'radios' || field.kind === 'select') && !field.optional) values[field.name] = field.options[0]!.value;
        if (field.kind === 'yes-no') values[field.name] = 'no';
        if (field.kind === 'worker') values[field.name] = 'W0001';
        if ((field.kind === 'text' || field.kind === 'date') && !field.optional) Object.assign(values, field.kind === 'date' ? on('20', '1', '2026', field.name) : { [field.name]: field.name === 'postcode' ? 'N1 2AA' : 'Text' });
      }
      const command = commandFrom(form, values, context);
      const parsed = RecordEventCommand.safeParse({ ...command, clientId: 'client-id-1' });
      expect(parsed.success ? [] : parsed.error.issues.map((i) => `${form.type}: ${i.path.join('.')} ${i.message}`)).toEqual([]);
    }
  });

  it('puts the household together from one box per question', () => {
    const command = commandFrom(formOf('private-fostering.arrangement-confirmed'), {
      ...on('22', '1', '2024'), ...on('2', '1', '2024', 'startedOn'), reason: '8E', nationality: 'UA', carerRelationship: 'family-friend',
      carerName: 'Grace Adeyemi', ...on('3', '2', '1975', 'carerDateOfBirth'), carerPersonId: '', secondCarerName: ' ', otherPeople: 'Tom Adeyemi\n\n Ada Adeyemi ',
      addressLine1: '12 Canonbury Road', postcode: 'n1 2aa', motherName: 'Olena Shevchenko', fatherName: '', parentsLiveAbroad: 'yes',
    }, context);
    expect(command.data).toEqual({
      startedOn: '2024-01-02', reason: '8E', nationality: 'UA', carerRelationship: 'family-friend',
      carers: [{ name: 'Grace Adeyemi', dateOfBirth: '1975-02-03' }],
      householdMembers: [{ name: 'Tom Adeyemi' }, { name: 'Ada Adeyemi' }],
      address: { line1: '12 Canonbury Road', postcode: 'n1 2aa' },
      parents: [{ name: 'Olena Shevchenko', relationship: 'mother', livesAbroad: true }],
    });
    const parsed = RecordEventCommand.parse({ ...command, clientId: 'client-id-2' });
    expect(parsed.data).toMatchObject({ address: { postcode: 'N1 2AA' } });
  });
});

describe('the private fostering record panel', () => {
  const journey = privatelyFosteredJourney();
  const summaryOn = (day: string) => privateFosteringSummaryOf(foldOf(journey.filter((e) => e.occurredAt <= day)).state);

  it('shows the arrangement, the household, the decisions, the visits and the next visit due', () => {
    const panel = privateFosteringPanelOf(summaryOn('2024-06-30'), [
      { ruleId: 'private-fostering-annual-review', dueOn: '2025-01-22', state: 'open' },
      { ruleId: 'private-fostering-visits-every-6-weeks-in-first-year', dueOn: '2024-08-05', state: 'open', daysLeft: 26, unit: 'weeks' },
    ])!;
    expect(panel.headline).toBe('Privately fostered since 2 January 2024');
    expect(panel.nextVisit).toEqual({ dueOn: '2024-08-05', text: 'Next visit due 5 August 2024', tag: { text: '26 days left', colour: 'green' } });
    const value = (key: string) => panel.rows.find((r) => r.key.text === key)?.value.text;
    expect(value('Notified')).toBe('8 January 2024 by a school or college, after the arrangement began');
    expect(value('Arrangement began')).toBe('2 January 2024; counted from 8 January 2024, when the council was told');
    expect(value('Private foster carer')).toBe('Grace Adeyemi (carer-1): a friend of the family');
    expect(value('Checks on the household')).toBe('2 done, nothing of concern');
    expect(value('Panel decision')).toBe('Approved (1 March 2024)');
    expect(panel.visits.rows[0]).toEqual(['24 June 2024', 'Monitoring visit', 'Seen alone', 'Not yet']);
    expect(panel.visits.rows.at(-1)).toEqual(['15 January 2024', 'Initial visit', 'Seen alone', '16 January 2024']);
  });

  it('shows how the last arrangement ended once nothing is open, and nothing for a child never notified', () => {
    const panel = privateFosteringPanelOf(summaryOn('2025-07-01'))!;
    expect(panel.headline).toBe('Privately fostered from 2 January 2024 to 30 June 2025: the child returned to a parent');
    expect(panel.nextVisit).toBeNull();
    expect(privateFosteringPanelOf({ current: null, notifications: [] })).toBeNull();
  });
});

describe('the private fostering worklist', () => {
  it('lists the children being looked into and privately fostered, the most urgent first', () => {
    const involved = (...kinds: string[]) => kinds.map((kind) => ({ kind, label: kind, since: '2024-01-08' }));
    const children = [
      { childId: 'PF1', forename: 'Mira', surname: 'Novak', involvements: involved('child-in-need', 'privately-fostered'), allocatedWorkerId: 'W0001' },
      { childId: 'PF2', forename: 'Ama', surname: 'Osei', involvements: involved('private-fostering-notification'), allocatedWorkerId: null },
      { childId: 'PF3', forename: 'Leo', surname: 'Brown', involvements: involved('privately-fostered'), allocatedWorkerId: 'W0002' },
      { childId: 'CIN1', forename: 'Not', surname: 'Ours', involvements: involved('child-in-need'), allocatedWorkerId: 'W0001' },
    ];
    const duties = [
      { childId: 'PF1', ruleId: 'private-fostering-visits-every-6-weeks-in-first-year', title: 'Visit every 6 weeks', dueOn: '2024-08-05', state: 'open', daysLeft: 20, unit: 'weeks' },
      { childId: 'PF1', ruleId: 'private-fostering-annual-review', title: 'Annual review', dueOn: '2025-01-22', state: 'open', daysLeft: 190, unit: 'months' },
      { childId: 'PF2', ruleId: 'private-fostering-initial-visit-within-7-working-days', title: 'Initial visit', dueOn: '2024-07-10', state: 'overdue', daysLeft: -3, unit: 'working-days' },
      { childId: 'CIN1', ruleId: 'child-seen-after-allocation', title: 'See the child', dueOn: '2024-07-01', state: 'overdue', daysLeft: -5, unit: 'working-days' },
    ];
    const worklist = privateFosteringWorklistOf(children, duties);
    expect(worklist.summary).toEqual({ notifications: 1, privatelyFostered: 2, overdue: 1 });
    expect(worklist.rows.map((r) => [r.childId, r.stage, r.next?.title ?? null, r.next?.tag.text ?? null, r.alsoDue])).toEqual([
      ['PF2', 'private-fostering-notification', 'Initial visit', 'Overdue by 3 working days', 0],
      ['PF1', 'privately-fostered', 'Visit every 6 weeks', '20 days left', 1],
      ['PF3', 'privately-fostered', null, null, 0],
    ]);
  });
});

describe('the web parts', () => {
  it('reach nothing that runs only on the server (Node built-ins), following every import that is not a type', () => {
    const seen = new Set<string>();
    const serverOnly: string[] = [];
    const pending = [fileURLToPath(new URL('./index.ts', import.meta.url))];
    while (pending.length > 0) {
      const file = pending.pop()!;
      if (seen.has(file)) continue;
      seen.add(file);
      for (const [, typeOnly, specifier] of readFileSync(file, 'utf8').matchAll(/^(?:import|export) (type )?[^;]*? from '([^']+)';/gms)) {
        if (typeOnly) continue;
        if (specifier!.startsWith('node:')) serverOnly.push(`${path.relative(process.cwd(), file)} imports ${specifier}`);
        else if (specifier!.startsWith('.')) pending.push(path.resolve(path.dirname(file), specifier!));
      }
    }
    expect(seen.size).toBeGreaterThan(5);
    expect(serverOnly).toEqual([]);
  });
});
