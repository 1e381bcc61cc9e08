import { describe, expect, it } from 'vitest';
import { RecordEventCommand } from '../../../record/events.ts';
import { commandFrom, formValuesOf, type FormValues } from '../../../web/recording/event-forms.ts';
import { webModules } from '../../../web/module-registry.ts';
import { youthJusticeEvents } from '../events.ts';
import { youthJusticeSummaryOf } from '../read-model.ts';
import { convicted, foldOf, involvementStarted, jointMeeting, orderMade, registered, remanded, workerAllocated } from '../test-builders.ts';
import { youthJusticeForms as forms } from './forms.ts';
import { youthJusticeEventLabels } from './labels.ts';
import { youthJusticeCardRows } from './record-panel.tsx';
import { youthJusticeWorklistOf } from './worklist.tsx';

const context = { workers: [{ workerId: 'W0101', teamId: 'youth-justice-1' }] };
const on = (day: string, month: string, year: string, name = 'occurredAt'): FormValues => ({ [`${name}-day`]: day, [`${name}-month`]: month, [`${name}-year`]: year });
const eventTypes = youthJusticeEvents.map((schema) => schema.shape.type.value);
const formOf = (type: string) => forms.find((form) => form.type === type)!;

describe('youth justice forms', () => {
  it('has a form, a label and a place in the journey for every event', () => {
    expect(forms.map((form) => form.type).sort()).toEqual([...eventTypes].sort());
    expect(Object.keys(youthJusticeEventLabels).sort()).toEqual([...eventTypes].sort());
    expect(forms.every((form) => form.journeyStep !== undefined)).toBe(true);
  });

  it('makes the roles ticked the meeting\'s attendees, and reads them back to correct it', () => {
    const form = formOf('youth-justice.joint-meeting-held');
    const values = { ...on('14', '5', '2024'), kind: 'joint-planning-meeting', attendeeRoles: ['social-worker', 'youth-justice-worker', 'iro'], decisions: 'Plan together.' };
    const command = commandFrom(form, values, context);
    expect(command.data).toEqual({ kind: 'joint-planning-meeting', attendees: [{ role: 'social-worker' }, { role: 'youth-justice-worker' }, { role: 'iro' }], decisions: 'Plan together.' });
    expect(RecordEventCommand.safeParse({ ...command, clientId: 'client-id-1' }).success).toBe(true);
    expect(formValuesOf(form, command)).toMatchObject({ attendeeRoles: ['social-worker', 'youth-justice-worker', 'iro'] });
  });

  it('asks for a conviction\'s court and sentence in the same form as a caution', () => {
    const command = commandFrom(formOf('youth-justice.offence-outcome-recorded'), {
      ...on('12', '6', '2023'), ...on('20', '4', '2023', 'offenceOn'), outcome: 'conviction', court: 'Highbury Corner Youth Court', sentence: 'referral-order',
    }, context);
    expect(command.data).toEqual({ offenceOn: '2023-04-20', outcome: 'conviction', court: 'Highbury Corner Youth Court', sentence: 'referral-order' });
  });

  it('is registered with the web app, with its view, its oversight part and its worklist', () => {
    const web = webModules.find((module) => module.id === 'youth-justice')!;
    expect(web.record?.views?.map((view) => view.path)).toEqual(['youth-justice', 'oversight']);
    expect(web.worklists?.map((worklist) => worklist.path)).toEqual(['youth-justice']);
    expect(web.dashboardGroups).toEqual([{ domain: 'youth-justice', title: 'Youth justice' }]);
  });
});

describe('the youth justice summary card', () => {
  const log = [
    registered(), convicted('2023-06-12', { offenceOn: '2023-04-20' }), involvementStarted('2023-06-12'), workerAllocated('2023-06-14'),
    orderMade('2023-06-12', '2024-03-11'), remanded('2023-09-04'), jointMeeting('2023-09-12', { kind: 'joint-planning-meeting' }),
  ];
  const names: Record<string, string> = { W0101: 'Ade Bello' };

  it('shows the involvement, the worker, the order in force and the remand', () => {
    const rows = youthJusticeCardRows(youthJusticeSummaryOf(foldOf(log).state), (id) => names[id] ?? id)!;
    expect(Object.fromEntries(rows.map((row) => [row.key, row.value]))).toEqual({
      'Youth justice service': 'Involved since 12 June 2023: a court order',
      'Youth justice worker': 'Ade Bello (from 14 June 2023)',
      'Court order': 'Referral order, 12 June 2023 to 11 March 2024',
      Remand: 'Remanded to youth detention accommodation since 4 September 2023 (Highbury Corner Youth Court)',
      'Latest offence outcome': 'Convicted at court, 12 June 2023',
    });
  });

  it('shows nothing for a child the youth justice service never worked with', () => {
    expect(youthJusticeCardRows(youthJusticeSummaryOf(foldOf([registered()]).state), String)).toBeNull();
  });
});

describe('the youth justice worklist', () => {
  it('lists children looked after first, with the joint planning due', () => {
    const child = (childId: string, surname: string, kinds: string[]) => ({
      childId, forename: 'Kai', surname, status: kinds[0]!, involvements: kinds.map((kind) => ({ kind, label: kind, since: '2024-05-02', rank: 2 })),
    });
    const worklist = youthJusticeWorklistOf(
      [child('A', 'Adams', ['youth-justice']), child('B', 'Brown', ['looked-after', 'youth-justice'])],
      [{ childId: 'B', ruleId: 'youth-justice-joint-planning-after-remand', title: 'Joint planning', dueOn: '2024-05-17', state: 'open', daysLeft: 3 }],
    );
    expect(worklist.summary).toEqual({ open: 2, lookedAfter: 1 });
    expect(worklist.rows.map((row) => [row.name, row.lookedAfter, row.next?.dueOn ?? null])).toEqual([['Kai Brown', true, '2024-05-17'], ['Kai Adams', false, null]]);
  });
});
