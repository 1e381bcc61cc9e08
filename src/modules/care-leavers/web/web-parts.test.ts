import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { RecordEventCommand } from '../../../record/events.ts';
import { commandFrom, type FormValues } from '../../../web/recording/event-forms.ts';
import { careLeaversEvents } from '../events.ts';
import { careLeaverJourney, foldOf } from '../test-builders.ts';
import { caseloadOf } from './caseload.tsx';
import { careLeaversForms as forms } from './forms.ts';
import { careLeaversEventLabels } from './labels.ts';
import { birthdayContactWords } from './record-panel.tsx';

const context = { workers: [{ workerId: 'W0101', teamId: 'care-leavers-1' }] };
const on = (day: string, month: string, year: string, name = 'occurredAt'): FormValues => ({ [`${name}-day`]: day, [`${name}-month`]: month, [`${name}-year`]: year });
const eventTypes = careLeaversEvents.map((schema) => schema.shape.type.value);
const formOf = (type: string) => forms.find((form) => form.type === type)!;

describe('care leavers forms', () => {
  it('has a form, a label and a place in the journey for every event', () => {
    expect(forms.map((form) => form.type).sort()).toEqual([...eventTypes].sort());
    expect(Object.keys(careLeaversEventLabels).sort()).toEqual([...eventTypes].sort());
    expect(forms.every((form) => form.journeyStep !== undefined)).toBe(true);
  });

  it('builds every form\'s command in a shape the API schemas accept', () => {
    for (const form of forms) {
      const values: FormValues = on('1', '2', '2026');
      for (const field of form.fields) {
        // Every select, optional or not: a birthday contact in touch needs its activity and accommodation.
        if ((field.kind === 'radios' && !field.optional) || field.kind === 'select') values[field.name] = field.options[0]!.value;
        if (field.kind === 'yes-no') values[field.name] = 'yes';
        if (field.kind === 'worker') values[field.name] = 'W0101';
      }
      const command = commandFrom(form, values, context);
      const parsed = RecordEventCommand.safeParse({ ...command, clientId: 'client-id-1' });
      expect(parsed.success ? [] : parsed.error.issues.map((i) => `${form.type}: ${i.path.join('.')} ${i.message}`)).toEqual([]);
    }
  });

  it('records a birthday contact with every OC3 field, and names the answers a contact in touch needs', () => {
    const form = formOf('care-leavers.birthday-contact-recorded');
    const command = commandFrom(form, { ...on('20', '5', '2025'), inTouch: 'YES', activity: 'F4', accommodation: 'Z', accommodationSuitable: 'yes' }, context);
    expect(command.data).toEqual({ inTouch: 'YES', activity: 'F4', accommodation: 'Z', accommodationSuitable: true });
    expect(RecordEventCommand.safeParse({ ...command, clientId: 'client-id-2' }).success).toBe(true);
    const missing = RecordEventCommand.safeParse({ ...commandFrom(form, { ...on('20', '5', '2025'), inTouch: 'YES' }, context), clientId: 'client-id-3' });
    expect(missing.success ? [] : missing.error.issues.map((i) => i.path.join('.')).sort()).toEqual(['data.accommodation', 'data.activity']);
  });

  it('fills in the personal adviser\'s team from the worker', () => {
    expect(commandFrom(formOf('care-leavers.personal-adviser-allocated'), { ...on('1', '2', '2026'), workerId: 'W0101' }, context).data).toEqual({ workerId: 'W0101', teamId: 'care-leavers-1' });
  });
});

describe('the care leaver on the record', () => {
  it('says a birthday contact in words', () => {
    const support = foldOf(careLeaverJourney()).state.leavingCare!;
    expect(birthdayContactWords(support.birthdayContacts.at(-1)!)).toBe('20 May 2025, for the 18th birthday: In touch; With former foster carers (suitable); Apprenticeship, full time');
  });
});

describe('the personal adviser\'s caseload', () => {
  it('lists the care leavers allocated to the adviser, those with something overdue first', () => {
    const careLeaver = [{ kind: 'care-leaver', label: 'Care leaver', since: '2024-01-08' }];
    const child = (childId: string, surname: string, allocatedWorkerId: string, involvements = careLeaver) =>
      ({ childId, forename: 'Young', surname, dateOfBirth: '2006-01-01', involvements, allocatedWorkerId, allocatedTeamId: 'care-leavers-1' });
    const children = [child('CL1', 'Ade', 'W0101'), child('CL2', 'Brook', 'W0101'), child('CL3', 'Cole', 'W0102'), child('CL4', 'Dunn', 'W0101'), child('CIN1', 'Eve', 'W0101', [])];
    const duties = [
      { childId: 'CL1', ruleId: 'care-leavers-personal-adviser-contact', dueOn: '2025-03-01', state: 'open', daysLeft: 10, unit: 'weeks' },
      { childId: 'CL1', ruleId: 'care-leavers-pathway-plan-review-every-6-months', dueOn: '2025-06-01', state: 'open', daysLeft: 100, unit: 'months' },
      { childId: 'CL2', ruleId: 'care-leavers-pathway-plan-review-every-6-months', dueOn: '2025-04-01', state: 'overdue', daysLeft: -3, unit: 'months' },
      { childId: 'CL3', ruleId: 'care-leavers-personal-adviser-contact', dueOn: '2025-01-01', state: 'overdue', daysLeft: -30, unit: 'weeks' },
    ];
    const rows = caseloadOf(children, duties, { scope: 'mine', workerId: 'W0101', teamId: 'care-leavers-1' });
    expect(rows.map((row) => [row.childId, row.contact?.dueOn ?? null, row.review?.dueOn ?? null])).toEqual([
      ['CL2', null, '2025-04-01'], ['CL1', '2025-03-01', '2025-06-01'], ['CL4', null, null],
    ]);
    expect(caseloadOf(children, duties, { scope: 'team', workerId: 'W0101', teamId: 'care-leavers-1' }).map((row) => row.childId)).toEqual(['CL3', 'CL2', 'CL1', 'CL4']);
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
