/**
 * How the looked-after events change a child's periods of care, keeping the SSDA903 episodes as
 * the return counts them: a new episode on each change of legal status (RNE L), of placement (P, or
 * T with the same carer) or of both (B, U); the episode a change ends closes with X1 the same day,
 * and with the reason the placement changed when it did; the last closes with the reason the
 * period of care ended.
 */
import { addMonths, longDateOf } from '../../platform/calendar/calendar.ts';
import { DomainError } from '../../platform/errors.ts';
import { openItemFor, type Involvement, type Reducers, type TransitionRow } from '../domain-module.ts';
import { isRegistered, type PeopleState } from '../people/index.ts';
import { legalStatusCodes, type LegalStatus, type ReasonForNewEpisode, type ReasonPlacementChanged } from './codes.ts';
import type { lookedAfterEvents, Placement } from './events.ts';
import { placementLocationOf } from './placement-distance.ts';
import { currentEpisodeOf, currentPeriodOfCareOf, type LookedAfterState, type PeriodOfCareState, type PlacementState } from './state.ts';

export type LookedAfterView = LookedAfterState & PeopleState;

/** The period an event names, or the only open one; refused if dated before its current episode began. */
const openPeriodFor = (state: LookedAfterState, event: { type: string; occurredOn: string; data: { periodId?: string } }) => openItemFor(event, {
  among: state.periodsOfCare.filter((period) => period.ceasedOn === undefined),
  idOf: (period) => period.periodId, field: 'periodId', what: 'period of care',
  beganOn: (period) => period.episodes.at(-1)!.startedOn, began: 'the current episode of care began',
});

/** The placement as the record keeps it, with where it is measured from the home postcode. */
function placementStateOf(laCode: string, placementId: string, placement: Placement, homePostcode: string | undefined, on: string): PlacementState {
  return {
    placementId,
    type: placement.type,
    ...(placement.provider ? { provider: placement.provider } : {}),
    ...(placement.ofstedUrn ? { ofstedUrn: placement.ofstedUrn } : {}),
    ...(placement.providerName ? { providerName: placement.providerName } : {}),
    ...(placement.postcode ? { postcode: placement.postcode } : {}),
    ...placementLocationOf(laCode, homePostcode, placement.postcode),
    weeklyCosts: placement.weeklyCost === undefined ? [] : [{ from: on, pounds: placement.weeklyCost }],
  };
}

/** A looked-after child is under 18 (Children Act 1989 s105): refuse a start on or after the 18th birthday. */
function requireUnder18(state: PeopleState, on: string): void {
  const dateOfBirth = state.details?.dateOfBirth;
  if (dateOfBirth === undefined) {
    throw DomainError.invalidField('occurredAt', 'An unborn child cannot be looked after: record the child\'s date of birth first');
  }
  if (on < dateOfBirth) throw DomainError.invalidField('occurredAt', `The date cannot be before the child was born on ${longDateOf(dateOfBirth)}`);
  if (addMonths(dateOfBirth, 18 * 12) <= on) {
    throw DomainError.invalidField('occurredAt', `On ${longDateOf(on)} the young person is 18 or over: a child stops being looked after at 18`);
  }
}

/** 903 RNE for a change: of placement (P, or T with the same carer), of legal status (L), or both (B, or U with the same carer). */
function reasonForChange(placementChanged: boolean, sameCarer: boolean, legalStatusChanged: boolean): ReasonForNewEpisode {
  if (placementChanged && legalStatusChanged) return sameCarer ? 'U' : 'B';
  if (placementChanged) return sameCarer ? 'T' : 'P';
  return 'L';
}

const changedPlacement = (reason: ReasonForNewEpisode) => reason === 'P' || reason === 'T' || reason === 'B' || reason === 'U';
const changedLegalStatus = (reason: ReasonForNewEpisode) => reason === 'L' || reason === 'B' || reason === 'U';
const keptCarer = (reason: ReasonForNewEpisode) => reason === 'T' || reason === 'U';

interface EpisodeChange {
  legalStatus?: LegalStatus;
  placement?: PlacementState;
  sameCarer?: boolean;
  reasonPlacementChanged?: ReasonPlacementChanged;
}

/**
 * Starts the next episode of the period, ending the current one with X1 the same day. A change on
 * the day the current episode began amends that episode instead, its reason for a new episode
 * covering both changes: SSDA903 has no episode of no days.
 */
function beginEpisode(period: PeriodOfCareState, on: string, episodeId: string, change: EpisodeChange): void {
  const current = period.episodes.at(-1)!;
  const legalStatusChanged = change.legalStatus !== undefined && change.legalStatus !== current.legalStatus;
  const placementChanged = change.placement !== undefined;
  if (current.startedOn === on) {
    const began = current.reasonForNewEpisode;
    if (began !== 'S') {
      current.reasonForNewEpisode = reasonForChange(
        placementChanged || changedPlacement(began),
        placementChanged ? change.sameCarer ?? false : keptCarer(began),
        legalStatusChanged || changedLegalStatus(began),
      );
      // The episode before ended today; it is the one a move ended.
      const previous = period.episodes.at(-2);
      if (previous && change.reasonPlacementChanged) previous.reasonPlacementChanged ??= change.reasonPlacementChanged;
    }
    if (change.legalStatus) current.legalStatus = change.legalStatus;
    if (change.placement) current.placement = change.placement;
    return;
  }
  current.endedOn = on;
  current.reasonEpisodeCeased = 'X1';
  if (change.reasonPlacementChanged) current.reasonPlacementChanged = change.reasonPlacementChanged;
  period.episodes.push({
    episodeId,
    startedOn: on,
    reasonForNewEpisode: reasonForChange(placementChanged, change.sameCarer ?? false, legalStatusChanged),
    legalStatus: change.legalStatus ?? current.legalStatus,
    categoryOfNeed: current.categoryOfNeed,
    placement: change.placement ?? current.placement,
  });
}

export const lookedAfterReducers: Reducers<typeof lookedAfterEvents, LookedAfterView> = {
  'looked-after.started': (state, event) => {
    const { data } = event;
    requireUnder18(state, event.occurredOn);
    state.periodsOfCare.push({
      periodId: event.entityId,
      startedOn: event.occurredOn,
      ...(data.homePostcode ? { homePostcode: data.homePostcode } : {}),
      unaccompaniedAsylumSeeking: data.unaccompaniedAsylumSeeking,
      episodes: [{
        episodeId: event.entityId,
        startedOn: event.occurredOn,
        reasonForNewEpisode: 'S',
        legalStatus: data.legalStatus,
        categoryOfNeed: data.categoryOfNeed,
        placement: placementStateOf(state.laCode, event.entityId, data.placement, data.homePostcode, event.occurredOn),
      }],
      secureAccommodationOrders: [],
    });
  },
  'looked-after.legal-status-changed': (state, event) => {
    const period = openPeriodFor(state, event);
    const current = period.episodes.at(-1)!;
    if (current.legalStatus === event.data.legalStatus) {
      throw DomainError.invalidField('data.legalStatus', `Select a different legal status: the child is already looked after under ${event.data.legalStatus} (${legalStatusCodes[event.data.legalStatus].toLowerCase()})`);
    }
    beginEpisode(period, event.occurredOn, event.entityId, { legalStatus: event.data.legalStatus });
  },
  'looked-after.placement-changed': (state, event) => {
    const period = openPeriodFor(state, event);
    const { data } = event;
    const placement = placementStateOf(state.laCode, event.entityId, data.placement, period.homePostcode, event.occurredOn);
    beginEpisode(period, event.occurredOn, event.entityId, {
      placement, sameCarer: data.sameCarer, reasonPlacementChanged: data.reason, ...(data.legalStatus ? { legalStatus: data.legalStatus } : {}),
    });
  },
  'looked-after.ceased': (state, event) => {
    const period = openPeriodFor(state, event);
    const episode = period.episodes.at(-1)!;
    episode.endedOn = event.occurredOn;
    episode.reasonEpisodeCeased = event.data.reason;
    period.ceasedOn = event.occurredOn;
    period.reasonCeased = event.data.reason;
  },
  'looked-after.uasc-status-ceased': (state, event) => {
    const period = openPeriodFor(state, event);
    if (!period.unaccompaniedAsylumSeeking || period.uascCeasedOn !== undefined) {
      throw DomainError.invalidField('data.periodId', 'The child is not an unaccompanied asylum-seeking child in this period of care: there is no UASC status to end');
    }
    period.uascCeasedOn = event.occurredOn;
  },
  'looked-after.placement-cost-changed': (state, event) => {
    const period = openPeriodFor(state, event);
    const placementId = currentEpisodeOf(period)!.placement.placementId;
    const cost = { from: event.occurredOn, pounds: event.data.weeklyCost };
    // The placement may span several episodes (a change of legal status only): each keeps the same costs.
    const placements = new Set(period.episodes.filter((episode) => episode.placement.placementId === placementId).map((episode) => episode.placement));
    for (const placement of placements) {
      placement.weeklyCosts = [...placement.weeklyCosts.filter((earlier) => earlier.from !== cost.from), cost].sort((a, b) => a.from.localeCompare(b.from));
    }
  },
  'looked-after.secure-accommodation-order-made': (state, event) => {
    const period = openPeriodFor(state, event);
    const { data } = event;
    if (data.endsOn !== undefined && data.endsOn <= event.occurredOn) {
      throw DomainError.invalidField('data.endsOn', `The date the order ends must be after it was made on ${longDateOf(event.occurredOn)}`);
    }
    period.secureAccommodationOrders.push({
      orderId: event.entityId, madeOn: event.occurredOn, ...(data.endsOn ? { endsOn: data.endsOn } : {}), reasons: data.reasons,
    });
  },
};

const isLookedAfter = (state: LookedAfterState) => currentPeriodOfCareOf(state) !== undefined;
const isLookedAfterUasc = (state: LookedAfterState) => {
  const period = currentPeriodOfCareOf(state);
  return period !== undefined && period.unaccompaniedAsylumSeeking && period.uascCeasedOn === undefined;
};

export const lookedAfterTransitions: { [K in keyof typeof lookedAfterReducers]: TransitionRow<LookedAfterView> } = {
  'looked-after.started': {
    action: 'record that the child became looked after', what: 'the start of care',
    requires: 'register the child first; a child already looked after stays in the same period of care (record a change of placement or legal status instead)',
    holds: (s) => isRegistered(s) && !isLookedAfter(s),
  },
  'looked-after.legal-status-changed': {
    action: 'record a change of legal status', what: 'the change of legal status',
    requires: 'first record that the child became looked after', holds: isLookedAfter,
  },
  'looked-after.placement-changed': {
    action: 'record a change of placement', what: 'the move',
    requires: 'first record that the child became looked after', holds: isLookedAfter,
  },
  'looked-after.ceased': {
    action: 'record that the child stopped being looked after', what: 'the end of care',
    requires: 'the child is not looked after now', holds: isLookedAfter,
  },
  'looked-after.uasc-status-ceased': {
    action: 'record the end of the child\'s UASC status', what: 'the end of UASC status',
    requires: 'the child is not looked after as an unaccompanied asylum-seeking child now', holds: isLookedAfterUasc,
  },
  'looked-after.placement-cost-changed': {
    action: 'record a change in the cost of the placement', what: 'the new cost',
    requires: 'first record that the child became looked after', holds: isLookedAfter,
  },
  'looked-after.secure-accommodation-order-made': {
    action: 'record a secure accommodation order', what: 'the order',
    requires: 'first record that the child became looked after', holds: isLookedAfter,
  },
};

/**
 * Looked after ranks above a child protection plan (rank 6): a child in care is the council's
 * child, whatever else is open. Short breaks only (V3/V4) rank there too: the child is looked after
 * while each break lasts.
 */
export function lookedAfterInvolvements(state: LookedAfterState): Involvement[] {
  const period = currentPeriodOfCareOf(state);
  if (!period) return [];
  return [{ kind: 'looked-after', label: 'Looked after', since: period.startedOn, rank: 7 }];
}
