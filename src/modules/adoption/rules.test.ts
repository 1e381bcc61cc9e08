import { describe, expect, it } from 'vitest';
import { RecordEventCommand } from '../../record/events.ts';
import { FoldError, type LoggedEvent } from '../../record/fold.ts';
import { childRecordSummary } from '../../record/service.ts';
import { allowedActions, involvementsOf } from '../../record/transitions.ts';
import type { Effective } from '../domain-module.ts';
import type { LookedAfterState } from '../looked-after/index.ts';
import { AdoptionSummary, adoptionSummaryOf } from './read-model.ts';
import { adoptionReducers, adoptionTransitions, type AdoptionView } from './rules.ts';
import { openAdoptionPlanOf, returnDateOf, stageOf } from './state.ts';
import {
  adopted, adoptedJourney, careCeased, childArrangements, decided, foldOf, lookedAfterChild, matched, orderApplied, orderGranted, periodOfCare, placed,
  previousPermanence, registered, reversed, specialGuardianship,
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

const adoptionActions = (events: LoggedEvent[]) => allowedActions(foldOf(events).state).filter((action) => action.startsWith('adoption.'));

describe('an adoption plan from the decision to place to the adoption order', () => {
  it('keeps every date and the match, with the fields of the 903 AD1 and PlacedAdoption files', () => {
    const { state } = foldOf(adoptedJourney());
    expect(state.adoptionPlans).toHaveLength(1);
    const plan = state.adoptionPlans[0]!;
    expect(plan).toMatchObject({
      decidedOn: '2021-10-01', decisionMakerWorkerId: 'W0009', fosteringForAdoption: false, placementOrderAppliedOn: '2021-11-15', placementOrderGrantedOn: '2022-02-01',
      placedOn: '2022-06-01', placement: 'A6', adoptionOrderOn: '2022-12-01', reasonCeased: 'E11',
    });
    // NB_ADOPTR follows from SEX_ADOPTR.
    expect(plan.match).toEqual({ matchedOn: '2022-05-01', fosterCarers: false, numberOfAdopters: 2, adoptersSex: 'MF', adoptersLegalStatus: 'L11' });
    expect(stageOf(plan)).toBe('adopted');
    expect(openAdoptionPlanOf(state)).toBeUndefined();
  });

  it('writes on each event the plan it is about, and the number of adopters on the match', () => {
    const { effectiveEvents } = foldOf(adoptedJourney());
    const planId = effectiveEvents.find((event) => event.type === 'adoption.decision-to-place')!.entityId;
    for (const event of effectiveEvents.filter((e) => e.type.startsWith('adoption.') && e.type !== 'adoption.decision-to-place')) {
      expect((event.data as { planId?: string }).planId, event.type).toBe(planId);
    }
    expect(effectiveEvents.find((event) => event.type === 'adoption.matched')!.data).toMatchObject({ numberOfAdopters: 2 });
  });

  it('shows the plan as an involvement until the order, placed for adoption once placed', () => {
    const log = adoptedJourney();
    const upTo = (date: string) => foldOf(log.filter((event) => event.occurredAt <= date)).state;
    expect(involvementsOf(upTo('2021-10-01'))).toContainEqual({ kind: 'adoption-plan', label: 'Plan for adoption: decision made', since: '2021-10-01', rank: 7 });
    expect(involvementsOf(upTo('2022-02-01'))).toContainEqual({ kind: 'adoption-plan', label: 'Plan for adoption: placement order made', since: '2021-10-01', rank: 7 });
    expect(involvementsOf(upTo('2022-05-01'))).toContainEqual({ kind: 'adoption-plan', label: 'Plan for adoption: matched with adopters', since: '2021-10-01', rank: 7 });
    expect(involvementsOf(upTo('2022-07-01'))).toContainEqual({ kind: 'placed-for-adoption', label: 'Placed for adoption', since: '2022-06-01', rank: 7 });
    expect(involvementsOf(upTo('2022-12-01')).filter((i) => i.kind.includes('adoption'))).toEqual([]);
  });

  it('offers at each stage the next steps the plan allows', () => {
    const log = adoptedJourney();
    const upTo = (date: string) => log.filter((event) => event.occurredAt <= date);
    expect(adoptionActions(upTo('2021-10-01'))).toEqual(expect.arrayContaining(['adoption.placement-order-applied', 'adoption.placement-order-granted', 'adoption.matched', 'adoption.decision-reversed']));
    expect(adoptionActions(upTo('2021-10-01'))).not.toContain('adoption.decision-to-place');
    expect(adoptionActions(upTo('2022-05-01'))).toEqual(expect.arrayContaining(['adoption.placed', 'adoption.decision-reversed']));
    expect(adoptionActions(upTo('2022-05-01'))).not.toContain('adoption.order-granted');
    // Adopted, the child is no longer looked after: no new decision to place.
    expect(adoptionActions(log)).not.toContain('adoption.decision-to-place');
  });

  it('answers the plan in the record summary, as its schema says', () => {
    const folded = foldOf(adoptedJourney().filter((event) => event.occurredAt <= '2022-05-01'));
    const summary = childRecordSummary(folded, [], '2022-05-02', () => ({ state: 'open' })) as unknown as { adoption: unknown };
    const adoption = AdoptionSummary.parse(summary.adoption);
    expect(adoption.current).toMatchObject({ stage: 'matched', decidedOn: '2021-10-01', enteredCareOn: '2021-06-01' });
    expect(adoption.plans).toHaveLength(1);
  });
});

describe('what an adoption plan refuses', () => {
  it('refuses a match with no decision to place, naming what to do first and what is allowed', () => {
    const refusal = refusalOf([...lookedAfterChild(), matched('2022-05-01')]);
    expect(refusal.message).toMatch(/^You cannot record a match with prospective adopters on 1 May 2022: first record the decision that the child should be placed for adoption/);
    expect(refusal.message).toMatch(/record a decision that the child should be placed for adoption/);
    expect(refusal.message).not.toMatch(/adoption\./);
  });

  it('refuses a placement under a placement order when none is recorded, and one with consent is accepted', () => {
    const refusal = refusalOf([...lookedAfterChild(), decided('2021-10-01'), matched('2022-05-01'), placed('2022-06-01', 'A6')]);
    expect(refusal.problems?.[0]).toMatchObject({ field: 'data.placement' });
    expect(refusal.message).toMatch(/no placement order is recorded/);
    const { state } = foldOf([...lookedAfterChild(), decided('2021-10-01'), matched('2022-05-01'), placed('2022-06-01', 'A4')]);
    expect(state.adoptionPlans[0]).toMatchObject({ placement: 'A4' });
  });

  it('refuses a placement with others than the foster carers matched, and steps out of order', () => {
    expect(refusalOf([...lookedAfterChild(), decided('2021-10-01'), orderGranted('2022-01-01'), matched('2022-05-01', { fosterCarers: true }), placed('2022-06-01', 'A6')]).message)
      .toMatch(/Select a placement with the child's current foster carers \(A3 or A5\)/);
    expect(refusalOf([...lookedAfterChild(), decided('2021-10-01'), matched('2022-05-01'), orderGranted('2022-06-01')]).message)
      .toMatch(/^You cannot record a placement order on 1 June 2022: first record the decision/);
    expect(refusalOf([...lookedAfterChild(), decided('2021-10-01'), orderApplied('2021-12-01'), orderGranted('2021-11-01')]).message)
      .toMatch(/^You cannot record an application for a placement order on 1 December 2021: first record the decision that the child should be placed for adoption \(an open adoption plan not yet matched, with no placement order yet\)/);
    expect(refusalOf([...lookedAfterChild(), decided('2021-10-01'), orderGranted('2022-01-01'), matched('2022-05-01'), adopted('2022-09-01')]).message)
      .toMatch(/^You cannot record an adoption order on 1 September 2022: first record the child placed for adoption/);
  });

  it('ends a plan reversed, for a reason the record allows, and lets a new decision follow', () => {
    expect(refusalOf([...lookedAfterChild(), decided('2021-10-01'), orderGranted('2022-01-01'), reversed('2022-03-01', 'RD2')]).message)
      .toMatch(/Select another reason: the court made a placement order on 1 January 2022/);
    const { state } = foldOf([...lookedAfterChild(), decided('2021-10-01'), reversed('2022-03-01', 'RD3'), decided('2022-06-01')]);
    expect(state.adoptionPlans.map((plan) => [plan.decidedOn, stageOf(plan), plan.reversalReason])).toEqual([['2021-10-01', 'reversed', 'RD3'], ['2022-06-01', 'decision', undefined]]);
  });

  it('refuses what the schemas do not allow, naming the field', () => {
    const problems = (type: string, data: Record<string, unknown>) => {
      const parsed = RecordEventCommand.safeParse({ type, occurredAt: '2024-01-08', clientId: 'client-0001', data });
      return parsed.success ? [] : parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    };
    expect(problems('adoption.matched', { adoptersSex: 'F1', adoptersLegalStatus: 'L0', fosterCarers: false })).toEqual([]);
    expect(problems('adoption.matched', { adoptersSex: 'F1', adoptersLegalStatus: 'L11', fosterCarers: false })).toEqual([
      'data.adoptersLegalStatus: Select a legal status that fits the adopters: L0 for one adopter; L12, L2 or L4 for two of the same gender; L11, L2 or L3 for a man and a woman',
    ]);
    expect(problems('adoption.matched', { adoptersSex: 'XY', adoptersLegalStatus: 'L0', fosterCarers: false })).toEqual(['data.adoptersSex: Select the adopters\' sex from the list']);
    expect(problems('adoption.decision-reversed', { reason: 'RD9' })).toEqual(['data.reason: Select the reason the decision was reversed from the list']);
    expect(problems('adoption.previous-permanence-recorded', { previousPermanence: 'Z1', localAuthority: '206' })).toEqual([
      'data.previousPermanence: Leave the council and the date of the order empty: the child had no previous permanence order',
    ]);
    expect(problems('adoption.previous-permanence-recorded', { previousPermanence: 'P2', orderDate: { year: 2015, day: 3 } })).toEqual([
      'data.orderDate.day: Give the month of the order as well as the day, or leave the day empty',
    ]);
    expect(problems('adoption.previous-permanence-recorded', { previousPermanence: 'P2', orderDate: { year: 2015, month: 2, day: 30 } })).toEqual([
      'data.orderDate.day: The day of the order must be a real day of that month',
    ]);
  });
});

describe('orders that end care, and previous permanence', () => {
  it('matches each order to the 903 reason the period of care ceased', () => {
    const { state } = foldOf([
      ...lookedAfterChild(), specialGuardianship('2022-01-10', { relativeOrFriend: true, formerFosterCarers: true }), specialGuardianship('2022-02-10', { relativeOrFriend: false, formerFosterCarers: true }),
      specialGuardianship('2022-03-10', { relativeOrFriend: true, formerFosterCarers: false }), specialGuardianship('2022-04-10', { relativeOrFriend: false, formerFosterCarers: false }),
      childArrangements('2022-05-10'),
    ]);
    expect(state.permanenceOrders.map((order) => [order.order, order.reasonCeased])).toEqual([
      ['special-guardianship', 'E45'], ['special-guardianship', 'E46'], ['special-guardianship', 'E47'], ['special-guardianship', 'E48'], ['child-arrangements', 'E41'],
    ]);
  });

  it('takes an order recorded after the period of care it ended, on the same day, and refuses one made later', () => {
    const { state } = foldOf([...lookedAfterChild(), careCeased('2022-12-01', 'E46'), specialGuardianship('2022-12-01', { relativeOrFriend: false, formerFosterCarers: true })]);
    expect(state.permanenceOrders[0]).toMatchObject({ reasonCeased: 'E46', periodId: state.periodsOfCare[0]!.periodId });
    expect(refusalOf([...lookedAfterChild(), careCeased('2022-12-01', 'E4A'), childArrangements('2022-12-02')]).message)
      .toMatch(/The child was not looked after on 2 December 2022/);
  });

  it('refuses an order other than adoption while the child is placed for adoption', () => {
    expect(refusalOf([...lookedAfterChild(), decided('2021-10-01'), matched('2022-05-01'), placed('2022-06-01', 'A4'), specialGuardianship('2022-08-01')]).message)
      .toMatch(/The child is placed for adoption \(since 1 June 2022\): record the decision to place for adoption reversed first/);
  });

  it('keeps a partly known date of a previous order as it is known, and writes it as the return does', () => {
    const { state } = foldOf([...lookedAfterChild(), previousPermanence('2022-01-10', { previousPermanence: 'P2', localAuthority: '209', orderDate: { year: 2015, month: 3 } })]);
    expect(state.previousPermanence[0]).toMatchObject({ previousPermanence: 'P2', localAuthority: '209', orderDate: { year: 2015, month: 3 } });
    expect(returnDateOf(state.previousPermanence[0]!.orderDate!)).toBe('ZZ/03/2015');
    expect(returnDateOf({ year: 2014 })).toBe('ZZ/ZZ/2014');
    expect(returnDateOf({ year: 2014, month: 11, day: 5 })).toBe('05/11/2014');
    expect(refusalOf([...lookedAfterChild(), previousPermanence('2022-01-10', { previousPermanence: 'P1', orderDate: { year: 2023 } })]).message)
      .toMatch(/The date of the previous order must be before 10 January 2022/);
  });
});

/** The looked-after record as the looked-after module keeps it, built by hand, with adoption's part and the child registered. */
function stateWith(periods: LookedAfterState['periodsOfCare']): AdoptionView & { laCode: string; childId: string } {
  const { state } = foldOf([registered()]);
  return { ...(state as unknown as AdoptionView & { laCode: string; childId: string }), periodsOfCare: periods };
}

let entity = 0;
function effective<T extends keyof typeof adoptionReducers>(type: T, on: string, data: Record<string, unknown>) {
  entity += 1;
  const id = `10000000-0000-4000-8000-${String(entity).padStart(12, '0')}`;
  return { type, data, eventId: id, entityId: id, sequence: entity, occurredAt: on, occurredOn: on, recordedAt: '2030-01-01T12:00:00Z' } as unknown as Effective<never>;
}
const apply = (state: AdoptionView & { laCode: string; childId: string }, type: keyof typeof adoptionReducers, on: string, data: Record<string, unknown> = {}) =>
  (adoptionReducers[type] as (s: typeof state, e: Effective<never>) => void)(state, effective(type, on, data));

describe('consistency with the looked-after record', () => {
  it('asks for a child looked after before a decision to place, a placement order or a previous permanence', () => {
    const notLookedAfter = stateWith([periodOfCare('2021-06-01', [['U6', '2021-06-01']], { ceasedOn: '2021-09-01', reason: 'E4A' })]);
    expect(adoptionTransitions['adoption.decision-to-place'].holds(notLookedAfter)).toBe(false);
    expect(adoptionTransitions['adoption.previous-permanence-recorded'].holds(notLookedAfter)).toBe(false);
    const lookedAfter = stateWith([periodOfCare('2021-06-01', [['U6', '2021-06-01']])]);
    expect(adoptionTransitions['adoption.decision-to-place'].holds(lookedAfter)).toBe(true);
  });

  it('counts the plan from the day the child entered care, and links the placement for adoption to the looked-after placement', () => {
    const state = stateWith([periodOfCare('2021-06-01', [['U6', '2021-06-01'], ['U4', '2021-09-01'], ['A6', '2022-06-01']])]);
    apply(state, 'adoption.decision-to-place', '2021-10-01', { fosteringForAdoption: false });
    expect(state.adoptionPlans[0]).toMatchObject({ periodId: 'period-1', enteredCareOn: '2021-06-01' });
    apply(state, 'adoption.placement-order-granted', '2022-02-01');
    apply(state, 'adoption.matched', '2022-05-01', { adoptersSex: 'FF', adoptersLegalStatus: 'L2', fosterCarers: false });
    apply(state, 'adoption.placed', '2022-06-01', { placement: 'A6' });
    expect(adoptionSummaryOf(state).current).toMatchObject({ stage: 'placed', lookedAfterPlacementId: 'placement-3' });
  });

  it('accepts an order that ends care on the day the period ceased, and refuses one after', () => {
    const ceased = stateWith([periodOfCare('2021-06-01', [['U4', '2021-06-01']], { ceasedOn: '2022-12-01', reason: 'E45' })]);
    apply(ceased, 'adoption.special-guardianship-order-made', '2022-12-01', { relativeOrFriend: true, formerFosterCarers: true });
    expect(ceased.permanenceOrders[0]).toMatchObject({ reasonCeased: 'E45', periodId: 'period-1' });
    expect(() => apply(ceased, 'adoption.child-arrangements-order-made', '2023-01-05', { relativeOrFriend: true, formerFosterCarers: false }))
      .toThrow(/The child was not looked after on 5 January 2023: record the child arrangements order on a day the child was looked after/);
  });

  it('records previous permanence against the open period of care, once', () => {
    const state = stateWith([periodOfCare('2021-06-01', [['U6', '2021-06-01']])]);
    apply(state, 'adoption.previous-permanence-recorded', '2021-06-05', { previousPermanence: 'Z1' });
    expect(state.previousPermanence[0]).toMatchObject({ periodId: 'period-1', previousPermanence: 'Z1' });
    expect(() => apply(state, 'adoption.previous-permanence-recorded', '2021-06-09', { previousPermanence: 'P4' })).toThrow(/already recorded: correct that entry instead/);
  });
});
