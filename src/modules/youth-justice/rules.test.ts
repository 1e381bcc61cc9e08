import { describe, expect, it } from 'vitest';
import { RecordEventCommand } from '../../record/events.ts';
import { FoldError, type LoggedEvent } from '../../record/fold.ts';
import { childRecordSummary } from '../../record/service.ts';
import { allowedActions, involvementsOf } from '../../record/transitions.ts';
import { YouthJusticeSummary } from './read-model.ts';
import { currentInvolvementOf, knownToYouthJusticeOn } from './state.ts';
import {
  convicted, foldOf, involvementEnded, involvementStarted, jointMeeting, lookedAfterStarted, orderEnded, orderMade, outcome, paceTransferred,
  registered, remanded, remandEnded, workerAllocated,
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

const youthJusticeActions = (events: LoggedEvent[]) => allowedActions(foldOf(events).state).filter((action) => action.startsWith('youth-justice.'));

/** Kai, 15, convicted and given a referral order, then remanded for another offence while looked after, and sentenced. */
const journey = () => [
  registered(),
  convicted('2023-06-12', { offenceOn: '2023-04-20' }),
  involvementStarted('2023-06-12'),
  workerAllocated('2023-06-14'),
  orderMade('2023-06-12', '2024-03-11'),
  orderEnded('2024-03-11'),
  lookedAfterStarted('2024-05-02', 'J1', { type: 'K2', provider: 'PR4', ofstedUrn: 'SC12345', postcode: 'N7 8AB' }),
  remanded('2024-05-02'),
  jointMeeting('2024-05-10', { kind: 'joint-planning-meeting' }),
  remandEnded('2024-06-20'),
  convicted('2024-06-20', { offenceOn: '2024-04-28', sentence: 'detention-and-training-order' }),
  orderMade('2024-06-20', '2025-02-20', { order: 'detention-and-training-order' }),
];

describe('the youth justice service\'s work with a child', () => {
  it('keeps the involvement, its worker, outcomes, orders, remands and joint meetings', () => {
    const { state } = foldOf(journey());
    const yj = state.youthJustice;
    expect(currentInvolvementOf(state)).toMatchObject({ startedOn: '2023-06-12', workerId: 'W0101', workerAllocatedOn: '2023-06-14' });
    expect(yj.offenceOutcomes.map((o) => `${o.outcome} ${o.offenceOn} → ${o.outcomeOn} ${o.sentence}`)).toEqual([
      'conviction 2023-04-20 → 2023-06-12 referral-order', 'conviction 2024-04-28 → 2024-06-20 detention-and-training-order',
    ]);
    expect(yj.courtOrders.map((o) => `${o.order} ${o.madeOn}–${o.endedOn ?? ''}`)).toEqual(['referral-order 2023-06-12–2024-03-11', 'detention-and-training-order 2024-06-20–']);
    expect(yj.remands).toEqual([expect.objectContaining({ remandedOn: '2024-05-02', remandType: 'youth-detention-accommodation', endedOn: '2024-06-20', endReason: 'sentenced' })]);
    expect(yj.jointMeetings[0]).toMatchObject({ heldOn: '2024-05-10', kind: 'joint-planning-meeting' });
    expect(knownToYouthJusticeOn(state, '2023-06-11')).toBeUndefined();
    expect(knownToYouthJusticeOn(state, '2024-01-01')).toBeDefined();
  });

  it('shows the child as known to the youth justice service, beside their care', () => {
    const { state } = foldOf(journey());
    expect(involvementsOf(state).map((i) => i.kind)).toEqual(expect.arrayContaining(['youth-justice', 'looked-after']));
    expect(involvementsOf(state).find((i) => i.kind === 'youth-justice')).toEqual({ kind: 'youth-justice', label: 'Known to the youth justice service', since: '2023-06-12', rank: 2 });
  });

  it('gives the summary its youth justice part, in the shape the web app reads', () => {
    const folded = foldOf(journey());
    const summary = childRecordSummary(folded, [], '2024-07-01', () => ({ state: 'open' }));
    const part = YouthJusticeSummary.parse(summary.youthJustice);
    expect(part.current?.startedOn).toBe('2023-06-12');
    expect(part.currentOrders.map((o) => o.order)).toEqual(['detention-and-training-order']);
    expect(part.currentRemand).toBeNull();
    // Looked after ranks above youth justice: the record's one word is the care.
    expect(summary.status).toBe('looked-after');
  });

  it('offers what the record allows at each stage', () => {
    expect(youthJusticeActions([registered()])).toEqual(['youth-justice.involvement-started', 'youth-justice.offence-outcome-recorded', 'youth-justice.pace-transferred']);
    const open = [registered(), involvementStarted('2023-06-12')];
    expect(youthJusticeActions(open)).toEqual([
      'youth-justice.worker-allocated', 'youth-justice.offence-outcome-recorded', 'youth-justice.court-order-made', 'youth-justice.remanded',
      'youth-justice.pace-transferred', 'youth-justice.joint-meeting-held', 'youth-justice.involvement-ended',
    ]);
    expect(youthJusticeActions([...open, remanded('2023-07-01')])).toContain('youth-justice.remand-ended');
    expect(youthJusticeActions([...open, remanded('2023-07-01')])).not.toContain('youth-justice.remanded');
  });

  it('refuses in plain English, naming what is allowed', () => {
    const refusal = refusalOf([registered(), remanded('2023-07-01')]);
    expect(refusal.message).toMatch(/^You cannot record a remand on 1 July 2023: first record that the youth justice service is involved with the child, and end any remand still open\. On that date you can .*record that the youth justice service is involved/);
    expect(refusal.message).not.toMatch(/youth-justice\./);
    expect(refusalOf([registered(), jointMeeting('2023-07-01')]).message).toMatch(/^You cannot record a joint supervision or planning meeting on 1 July 2023: first record that the youth justice service is involved with the child/);
    expect(refusalOf([registered(), involvementStarted('2023-06-12'), involvementStarted('2023-07-01')]).message)
      .toMatch(/end the youth justice service's open involvement before starting another/);
  });

  it('keeps to the ages of the youth justice system', () => {
    // Born 4 May 2008: 10 on 4 May 2018, 18 on 4 May 2026.
    expect(refusalOf([registered({}, '2017-01-02'), outcome('2018-06-01', { offenceOn: '2018-05-01' })]).problems).toEqual([
      { field: 'data.offenceOn', message: 'The child was under 10 on 1 May 2018: a child under 10 cannot be dealt with for an offence in England (Children and Young Persons Act 1933 s50)' },
    ]);
    expect(() => foldOf([registered({}, '2017-01-02'), outcome('2018-06-01', { offenceOn: '2018-05-04' })])).not.toThrow();
    expect(refusalOf([registered(), involvementStarted('2026-05-04')]).problems[0]!.message).toMatch(/^The child was 18 on 4 May 2026: the youth justice service works with children aged 10 to 17/);
  });

  it('checks the dates and the order of things', () => {
    expect(refusalOf([registered(), outcome('2023-06-01', { offenceOn: '2023-06-02' })]).problems[0]).toEqual({ field: 'data.offenceOn', message: 'The date of the offence must be on or before the outcome on 1 June 2023' });
    expect(refusalOf([registered(), involvementStarted('2023-06-12'), orderMade('2023-06-12', '2023-06-12')]).problems[0]!.field).toBe('data.endsOn');
    expect(refusalOf([registered(), involvementStarted('2023-06-12'), orderMade('2023-06-12', '2024-01-01'), involvementEnded('2023-09-01')]).problems[0]!.message)
      .toBe('The child still has a court order open: end it first, then end the youth justice service\'s involvement');
    expect(refusalOf([registered(), involvementStarted('2023-06-12'), remanded('2023-06-20'), remandEnded('2023-06-19')]).message).toMatch(/^You cannot end a remand on 19 June 2023/);
    const caution = outcome('2023-06-01');
    expect(refusalOf([registered(), caution, involvementStarted('2023-06-12'), orderMade('2023-06-12', '2024-01-01', { outcomeId: caution.eventId })]).problems[0]!.field).toBe('data.outcomeId');
    expect(refusalOf([registered(), paceTransferred('2023-06-12', { endedOn: '2023-06-11' })]).problems[0]!.field).toBe('data.endedOn');
  });

  it('wants a conviction\'s court and sentence, and someone from each service at a joint meeting', () => {
    expect(refusalOf([registered(), outcome('2024-01-08', { outcome: 'conviction' })]).problems).toEqual([
      { field: 'data.court', message: 'Enter the court that convicted the child' }, { field: 'data.sentence', message: 'Select the sentence the court passed' },
    ]);
    expect(refusalOf([registered(), involvementStarted('2023-06-12'), jointMeeting('2023-07-01', { attendees: [{ role: 'social-worker' }, { role: 'police' }] })]).problems).toEqual([
      { field: 'data.attendees', message: 'Select someone from children\'s social care and someone from the youth justice service: the meeting is joint' },
    ]);
  });

  it('fills in the order and remand an ending is about', () => {
    const { effectiveEvents } = foldOf([registered(), involvementStarted('2023-06-12'), orderMade('2023-06-12', '2024-01-01'), orderEnded('2023-12-01'), remanded('2024-01-10'), remandEnded('2024-02-01')]);
    const made = effectiveEvents.find((e) => e.type === 'youth-justice.court-order-made')!;
    expect(effectiveEvents.find((e) => e.type === 'youth-justice.court-order-ended')!.data).toMatchObject({ orderId: made.entityId });
    const remand = effectiveEvents.find((e) => e.type === 'youth-justice.remanded')!;
    expect(effectiveEvents.find((e) => e.type === 'youth-justice.remand-ended')!.data).toMatchObject({ remandId: remand.entityId });
  });

  it('refuses what the schemas do not allow, naming the field', () => {
    const problems = (type: string, data: Record<string, unknown>) => {
      const parsed = RecordEventCommand.safeParse({ type, occurredAt: '2024-01-08', clientId: 'client-0001', data });
      return parsed.success ? [] : parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    };
    expect(problems('youth-justice.offence-outcome-recorded', { offenceOn: '2024-01-01', outcome: 'youth-caution' })).toEqual([]);
    expect(problems('youth-justice.offence-outcome-recorded', { offenceOn: '2024-01-01', outcome: 'youth-caution', sentence: 'fine' })).toEqual(['data.sentence: Leave the sentence empty: only a conviction has a sentence']);
    expect(problems('youth-justice.joint-meeting-held', { kind: 'joint-supervision', decisions: 'x', attendees: [] })).toEqual(['data.attendees: Select who took part']);
    expect(problems('youth-justice.remanded', { court: 'Thames Youth Court', remandType: 'prison' })[0]).toMatch(/^data\.remandType: /);
  });
});
