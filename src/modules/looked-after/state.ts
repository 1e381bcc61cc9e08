/**
 * Looked after's part of a child's record: each period of care, from the day the child became looked
 * after to the day they ceased, as the SSDA903 return counts it — a run of episodes, a new one on
 * each change of legal status or placement — with the placements, the home postcode the distance is
 * measured from, UASC status, short breaks and secure accommodation orders.
 *
 * Other modules (care planning, adoption, youth justice, care leavers) read this state through
 * `index.ts`; the accessors below are the questions they ask of it.
 */
import type { LegalStatus, PlacementProvider, PlacementType, ReasonEpisodeCeased, ReasonForNewEpisode, ReasonPlacementChanged } from './codes.ts';

export interface LookedAfterState {
  /** Every period of care, oldest first; at most one is open (no `ceasedOn`). */
  periodsOfCare: PeriodOfCareState[];
}

export interface PeriodOfCareState {
  /** The entity id of the `looked-after.started` event. */
  periodId: string;
  startedOn: string;
  /** The child's home postcode when they became looked after: the distance to each placement is measured from it (903 HOME_POST). */
  homePostcode?: string;
  /** Unaccompanied asylum-seeking child when the period began; `uascCeasedOn` is 903 DUC. */
  unaccompaniedAsylumSeeking: boolean;
  uascCeasedOn?: string;
  /** The SSDA903 episodes, oldest first; the last is open while the period is. */
  episodes: CareEpisodeState[];
  /** Secure accommodation orders (Children Act 1989 s25) made in the period. */
  secureAccommodationOrders: SecureAccommodationOrderState[];
  /** The day the period ended, and why (the last episode's reason). */
  ceasedOn?: string;
  reasonCeased?: ReasonEpisodeCeased;
}

/** One SSDA903 episode: the legal status, category of need and placement in force between two changes. */
export interface CareEpisodeState {
  /** The entity id of the event that began it. */
  episodeId: string;
  startedOn: string;
  reasonForNewEpisode: ReasonForNewEpisode;
  legalStatus: LegalStatus;
  /** N1–N8. */
  categoryOfNeed: string;
  placement: PlacementState;
  endedOn?: string;
  /** X1 when a new episode follows the same day; otherwise why the period of care ended. */
  reasonEpisodeCeased?: ReasonEpisodeCeased;
  /** Given when the next episode changed the placement (903 REASON_PLACE_CHANGE). */
  reasonPlacementChanged?: ReasonPlacementChanged;
}

/**
 * Where the child lives during an episode. A placement lasts across episodes that change only the
 * legal status: `placementId` is the entity id of the event that began it.
 */
export interface PlacementState {
  placementId: string;
  type: PlacementType;
  /** Not given for temporary moves (T0–T4). */
  provider?: PlacementProvider;
  /** Ofsted's unique reference number of the provision; `XXXXXXX` when it is not registered. */
  ofstedUrn?: string;
  providerName?: string;
  postcode?: string;
  /** Inside the council's own area (903 PL_LOCATION IN/OUT), from the postcode. */
  insideCouncil?: boolean;
  /** Straight-line miles from the home postcode (903 PL_DISTANCE), when both postcodes are known. */
  distanceMiles?: number;
  /** The weekly cost in pounds, as changed over time: each from its date. */
  weeklyCosts: { from: string; pounds: number }[];
}

export interface SecureAccommodationOrderState {
  orderId: string;
  madeOn: string;
  endsOn?: string;
  /** Why: the risks it protects the child from (e.g. sexual exploitation, gangs). */
  reasons: string[];
}

/** The period of care the child is in now, if any. */
export const currentPeriodOfCareOf = (state: LookedAfterState): PeriodOfCareState | undefined =>
  state.periodsOfCare.find((period) => period.ceasedOn === undefined);

/** The episode in force now in a period, if the period is open. */
export const currentEpisodeOf = (period: PeriodOfCareState): CareEpisodeState | undefined =>
  period.ceasedOn === undefined ? period.episodes.at(-1) : undefined;

/** Whether the child was looked after at the end of the day (a period that ceased that day does not count). */
export const lookedAfterOn = (state: LookedAfterState, date: string): PeriodOfCareState | undefined =>
  state.periodsOfCare.find((period) => period.startedOn <= date && (period.ceasedOn === undefined || period.ceasedOn > date));

/** The episode in force at the end of the day, if the child was looked after then. */
export const episodeOn = (state: LookedAfterState, date: string): CareEpisodeState | undefined =>
  lookedAfterOn(state, date)?.episodes.find((episode) => episode.startedOn <= date && (episode.endedOn === undefined || episode.endedOn > date));

/** Each distinct placement of a period, in order, with the day it began and ended (episodes changing only the legal status do not start one). */
export function placementsOf(period: PeriodOfCareState): { placement: PlacementState; startedOn: string; endedOn?: string }[] {
  const placements: { placement: PlacementState; startedOn: string; endedOn?: string }[] = [];
  for (const episode of period.episodes) {
    const last = placements.at(-1);
    if (last && last.placement.placementId === episode.placement.placementId) last.endedOn = episode.endedOn;
    else placements.push({ placement: episode.placement, startedOn: episode.startedOn, endedOn: episode.endedOn });
  }
  return placements;
}

/** Whether every episode of the period is a short break (V3/V4): such periods are counted apart (CPPCR reg 48). */
export const isShortBreaksOnly = (period: PeriodOfCareState): boolean =>
  period.episodes.every((episode) => episode.legalStatus === 'V3' || episode.legalStatus === 'V4');
