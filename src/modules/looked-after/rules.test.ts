import { describe, expect, it } from 'vitest';
import { RecordEventCommand } from '../../record/events.ts';
import { FoldError, type LoggedEvent } from '../../record/fold.ts';
import { allowedActions, childStatusOf, involvementsOf } from '../../record/transitions.ts';
import { currentPeriodOfCareOf, episodeOn, lookedAfterOn, placementsOf } from './state.ts';
import {
  ceased, costChanged, foldOf, legalStatusChanged, placementChanged, registered, secureOrder, started, uascStatusCeased,
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

const lookedAfterActions = (events: LoggedEvent[]) => allowedActions(foldOf(events).state).filter((action) => action.startsWith('looked-after.'));

describe('a period of care kept as SSDA903 episodes', () => {
  it('starts an episode on each change, ending the one before with X1 and the reason the placement changed', () => {
    const log = [
      registered(), started('2024-01-08'), legalStatusChanged('2024-02-20', 'C1'),
      placementChanged('2024-04-02', { reason: 'CREQB' }), legalStatusChanged('2024-09-10', 'C2'),
      placementChanged('2024-11-01', { sameCarer: true, reason: 'PLACE', placement: { type: 'U4', provider: 'PR4', postcode: 'ME14 1AA' } }),
      placementChanged('2025-01-06', { legalStatus: 'E1', reason: 'CARPL', placement: { type: 'A6', provider: 'PR1', postcode: 'N19 3AA' } }),
      ceased('2025-09-15', 'E11'),
    ];
    const period = foldOf(log).state.periodsOfCare[0]!;
    expect(period.episodes.map((e) => [e.startedOn, e.reasonForNewEpisode, e.legalStatus, e.placement.type, e.endedOn, e.reasonEpisodeCeased, e.reasonPlacementChanged])).toEqual([
      ['2024-01-08', 'S', 'V2', 'U6', '2024-02-20', 'X1', undefined],
      ['2024-02-20', 'L', 'C1', 'U6', '2024-04-02', 'X1', 'CREQB'],
      ['2024-04-02', 'P', 'C1', 'U6', '2024-09-10', 'X1', undefined],
      ['2024-09-10', 'L', 'C2', 'U6', '2024-11-01', 'X1', 'PLACE'],
      ['2024-11-01', 'T', 'C2', 'U4', '2025-01-06', 'X1', 'CARPL'],
      ['2025-01-06', 'B', 'E1', 'A6', '2025-09-15', 'E11', undefined],
    ]);
    expect(period).toMatchObject({ startedOn: '2024-01-08', ceasedOn: '2025-09-15', reasonCeased: 'E11' });
    // A change of legal status only keeps the placement: five placements, not six.
    expect(placementsOf(period).map((p) => [p.startedOn, p.endedOn])).toEqual([
      ['2024-01-08', '2024-04-02'], ['2024-04-02', '2024-11-01'], ['2024-11-01', '2025-01-06'], ['2025-01-06', '2025-09-15'],
    ]);
  });

  it('gives U for a change of legal status and placement with the same carer', () => {
    const log = [registered(), started('2024-01-08'), placementChanged('2024-03-01', { sameCarer: true, legalStatus: 'C2', reason: 'PLACE' })];
    expect(foldOf(log).state.periodsOfCare[0]!.episodes.map((e) => e.reasonForNewEpisode)).toEqual(['S', 'U']);
  });

  it('folds a change on the day the episode began into that episode: 903 has no episode of no days', () => {
    const log = [registered(), started('2024-01-08'), legalStatusChanged('2024-01-08', 'L2'), legalStatusChanged('2024-01-10', 'C1'), placementChanged('2024-01-10', { reason: 'CARPL' })];
    const episodes = foldOf(log).state.periodsOfCare[0]!.episodes;
    expect(episodes.map((e) => [e.startedOn, e.reasonForNewEpisode, e.legalStatus, e.placement.type, e.reasonPlacementChanged])).toEqual([
      ['2024-01-08', 'S', 'L2', 'U6', 'CARPL'],
      ['2024-01-10', 'B', 'C1', 'U6', undefined],
    ]);
  });

  it('measures each placement from the home postcode at entry, and says when it cannot', () => {
    const log = [
      registered(), started('2024-01-08'), placementChanged('2024-03-01'),
      placementChanged('2024-06-01', { placement: { type: 'K2', provider: 'PR4', postcode: 'ZE1 0AA' } }),
    ];
    const [inBorough, kent, unknown] = placementsOf(foldOf(log).state.periodsOfCare[0]!).map((p) => p.placement);
    // N1 to N7: 1,300 m east-west and 1,700 m north-south, 2,140 m.
    expect(inBorough).toMatchObject({ insideCouncil: true, distanceMiles: 1.3 });
    // N1 to ME14 (Maidstone): 44.0 km east and 27.3 km south, 51.8 km.
    expect(kent).toMatchObject({ insideCouncil: false, distanceMiles: 32.2 });
    expect(unknown!.insideCouncil).toBeUndefined();
    expect(unknown!.distanceMiles).toBeUndefined();
  });

  it('keeps weekly costs, UASC status and secure accommodation orders', () => {
    const log = [
      registered({ dateOfBirth: '2008-03-01', unaccompaniedAsylumSeeking: true }), started('2024-01-08', { unaccompaniedAsylumSeeking: true, homePostcode: undefined }),
      legalStatusChanged('2024-02-01', 'C1'), costChanged('2024-04-01', 560), uascStatusCeased('2024-05-01'), secureOrder('2024-06-03', { endsOn: '2024-09-02' }),
    ];
    const period = currentPeriodOfCareOf(foldOf(log).state)!;
    expect(period.episodes.map((e) => e.placement.weeklyCosts)).toEqual([
      [{ from: '2024-01-08', pounds: 520 }, { from: '2024-04-01', pounds: 560 }],
      [{ from: '2024-01-08', pounds: 520 }, { from: '2024-04-01', pounds: 560 }],
    ]);
    expect(period.uascCeasedOn).toBe('2024-05-01');
    expect(period.secureAccommodationOrders).toEqual([expect.objectContaining({ madeOn: '2024-06-03', endsOn: '2024-09-02' })]);
  });

  it('says the child is looked after, above a child protection plan, and what can be recorded', () => {
    const log = [registered(), started('2024-01-08')];
    expect(childStatusOf(foldOf(log).state)).toBe('looked-after');
    expect(involvementsOf(foldOf(log).state)).toContainEqual({ kind: 'looked-after', label: 'Looked after', since: '2024-01-08', rank: 7 });
    expect(lookedAfterActions([registered()])).toEqual(['looked-after.started']);
    expect(lookedAfterActions(log)).toEqual([
      'looked-after.legal-status-changed', 'looked-after.placement-changed', 'looked-after.ceased', 'looked-after.placement-cost-changed', 'looked-after.secure-accommodation-order-made',
    ]);
    const after = foldOf([...log, ceased('2024-05-01')]).state;
    expect(lookedAfterOn(after, '2024-04-30')?.startedOn).toBe('2024-01-08');
    expect(lookedAfterOn(after, '2024-05-01')).toBeUndefined();
    expect(episodeOn(after, '2024-02-01')?.legalStatus).toBe('V2');
  });
});

describe('refusals', () => {
  it('refuses a second start while a period is open', () => {
    expect(refusalOf([registered(), started('2024-01-08'), started('2024-02-01')]).message).toMatch(/already looked after stays in the same period of care/);
    expect(foldOf([registered(), started('2024-01-08'), ceased('2024-03-01'), started('2024-03-01')]).state.periodsOfCare).toHaveLength(2);
  });

  it('refuses a change or an end with no period open, and one after the period ended', () => {
    expect(refusalOf([registered(), placementChanged('2024-02-01')]).message).toMatch(/first record that the child became looked after/);
    expect(refusalOf([registered(), ceased('2024-02-01')]).message).toMatch(/the child is not looked after now/);
    expect(refusalOf([registered(), started('2024-01-08'), ceased('2024-02-01'), legalStatusChanged('2024-03-01', 'C1')]).message).toMatch(/first record that the child became looked after/);
  });

  it('refuses a secure accommodation order that ends before it was made', () => {
    expect(refusalOf([registered(), started('2024-01-08'), secureOrder('2024-02-01', { endsOn: '2024-01-20' })]).message).toMatch(/The date the order ends must be after it was made on 1 February 2024/);
  });

  it('refuses a start at 18 or over, and the same legal status again', () => {
    expect(refusalOf([registered({ dateOfBirth: '2005-01-01' }), started('2024-01-08')]).message).toMatch(/18 or over/);
    expect(refusalOf([registered(), started('2024-01-08'), legalStatusChanged('2024-02-01', 'V2')]).message).toMatch(/Select a different legal status/);
  });

  it('refuses the end of a UASC status the child does not have', () => {
    expect(refusalOf([registered(), started('2024-01-08'), uascStatusCeased('2024-02-01')]).message).toMatch(/not looked after as an unaccompanied asylum-seeking child/);
  });

  it('names every bad field of a placement and a ceasing reason', () => {
    const problems = (type: string, data: Record<string, unknown>) => {
      const parsed = RecordEventCommand.safeParse({ type, occurredAt: '2024-01-08', clientId: 'client-0001', data });
      return parsed.success ? [] : parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    };
    const start = { legalStatus: 'V2', categoryOfNeed: 'N1', unaccompaniedAsylumSeeking: false };
    expect(problems('looked-after.started', { ...start, placement: { type: 'U6', provider: 'PR1' } })).toEqual([]);
    expect(problems('looked-after.started', { ...start, placement: { type: 'T1', provider: 'PR1', ofstedUrn: 'SC1', postcode: 'NOWHERE' } })).toEqual([
      'data.placement.ofstedUrn: Enter the Ofsted unique reference number (7 letters or digits), or XXXXXXX if the provision is not registered with Ofsted',
      'data.placement.postcode: Enter a real UK postcode, like N1 1AA',
      'data.placement.provider: Leave the placement provider empty: a temporary move (T0–T4) has none',
    ]);
    expect(problems('looked-after.started', { ...start, placement: { type: 'T1', provider: 'PR1' } })).toEqual(['data.placement.provider: Leave the placement provider empty: a temporary move (T0–T4) has none']);
    expect(problems('looked-after.started', { ...start, placement: { type: 'U6' } })).toEqual(['data.placement.provider: Select the placement provider']);
    expect(problems('looked-after.ceased', { reason: 'X1' })).toEqual(['data.reason: Select the reason the child stopped being looked after from the list']);
  });
});
