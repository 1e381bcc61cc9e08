/**
 * Looked after's part of the child's record summary, as the API answers it and the web app reads
 * it: one schema for both. `lookedAfterSummaryOf` makes it from the folded state: the period of
 * care now (legal status, placement, distance from home, since when), each period with its
 * placements over time, UASC status, secure accommodation orders and the weekly cost.
 */
import { z } from 'zod';
import { currentPeriodOfCareOf, placementsOf, type LookedAfterState, type PeriodOfCareState, type PlacementState } from './state.ts';

const Day = z.string();

export const CarePlacement = z.object({
  placementId: z.string(),
  type: z.string(),
  provider: z.string().optional(),
  ofstedUrn: z.string().optional(),
  providerName: z.string().optional(),
  postcode: z.string().optional(),
  insideCouncil: z.boolean().optional(),
  distanceMiles: z.number().optional(),
  startedOn: Day,
  endedOn: Day.optional(),
  /** Why the child left it (903 REASON_PLACE_CHANGE), when another placement followed. */
  reasonChanged: z.string().optional(),
  /** Whether the next placement was with the same carer (RNE T or U). */
  nextWithSameCarer: z.boolean().optional(),
  /** The weekly cost in pounds now (or when it ended), if recorded. */
  weeklyCost: z.number().optional(),
  weeklyCosts: z.array(z.object({ from: Day, pounds: z.number() })),
});
export type CarePlacement = z.infer<typeof CarePlacement>;

export const CareEpisode = z.object({
  episodeId: z.string(), startedOn: Day, endedOn: Day.optional(), reasonForNewEpisode: z.string(), legalStatus: z.string(), categoryOfNeed: z.string(),
  placementType: z.string(), reasonEpisodeCeased: z.string().optional(), reasonPlacementChanged: z.string().optional(),
});

export const PeriodOfCare = z.object({
  periodId: z.string(),
  startedOn: Day,
  ceasedOn: Day.optional(),
  reasonCeased: z.string().optional(),
  homePostcode: z.string().optional(),
  unaccompaniedAsylumSeeking: z.boolean(),
  uascCeasedOn: Day.optional(),
  legalStatus: z.string(),
  legalStatusSince: Day,
  categoryOfNeed: z.string(),
  episodes: z.array(CareEpisode),
  placements: z.array(CarePlacement),
  secureAccommodationOrders: z.array(z.object({ orderId: z.string(), madeOn: Day, endsOn: Day.optional(), reasons: z.array(z.string()) })),
});
export type PeriodOfCare = z.infer<typeof PeriodOfCare>;

export const LookedAfterSummary = z.object({
  /** The period of care the child is in now, if looked after. */
  current: PeriodOfCare.nullable(),
  /** Every period of care, the earliest first. */
  periods: z.array(PeriodOfCare),
});
export type LookedAfterSummary = z.infer<typeof LookedAfterSummary>;

/** Looked after's part of the record summary (DomainModule.readModel). */
export const LookedAfterReadModel = z.object({
  lookedAfter: LookedAfterSummary.describe('The period of care open now, and every period of care with its episodes and placements'),
});
export type LookedAfterReadModel = z.infer<typeof LookedAfterReadModel>;

const latestCost = (placement: PlacementState) => placement.weeklyCosts.at(-1)?.pounds;

function periodOf(period: PeriodOfCareState): PeriodOfCare {
  const last = period.episodes.at(-1)!;
  // The legal status has held since the first episode of the run that has it.
  let since = last.startedOn;
  for (const episode of [...period.episodes].reverse()) {
    if (episode.legalStatus !== last.legalStatus) break;
    since = episode.startedOn;
  }
  const placements = placementsOf(period);
  return {
    periodId: period.periodId,
    startedOn: period.startedOn,
    ...(period.ceasedOn ? { ceasedOn: period.ceasedOn } : {}),
    ...(period.reasonCeased ? { reasonCeased: period.reasonCeased } : {}),
    ...(period.homePostcode ? { homePostcode: period.homePostcode } : {}),
    unaccompaniedAsylumSeeking: period.unaccompaniedAsylumSeeking,
    ...(period.uascCeasedOn ? { uascCeasedOn: period.uascCeasedOn } : {}),
    legalStatus: last.legalStatus,
    legalStatusSince: since,
    categoryOfNeed: last.categoryOfNeed,
    episodes: period.episodes.map((e) => ({
      episodeId: e.episodeId, startedOn: e.startedOn, ...(e.endedOn ? { endedOn: e.endedOn } : {}), reasonForNewEpisode: e.reasonForNewEpisode,
      legalStatus: e.legalStatus, categoryOfNeed: e.categoryOfNeed, placementType: e.placement.type,
      ...(e.reasonEpisodeCeased ? { reasonEpisodeCeased: e.reasonEpisodeCeased } : {}),
      ...(e.reasonPlacementChanged ? { reasonPlacementChanged: e.reasonPlacementChanged } : {}),
    })),
    placements: placements.map(({ placement, startedOn, endedOn }, index) => {
      const endingEpisode = period.episodes.find((e) => e.placement.placementId === placement.placementId && e.reasonPlacementChanged !== undefined);
      const next = placements[index + 1];
      const nextEpisode = next ? period.episodes.find((e) => e.placement.placementId === next.placement.placementId) : undefined;
      const cost = latestCost(placement);
      return {
        placementId: placement.placementId, type: placement.type,
        ...(placement.provider ? { provider: placement.provider } : {}),
        ...(placement.ofstedUrn ? { ofstedUrn: placement.ofstedUrn } : {}),
        ...(placement.providerName ? { providerName: placement.providerName } : {}),
        ...(placement.postcode ? { postcode: placement.postcode } : {}),
        ...(placement.insideCouncil !== undefined ? { insideCouncil: placement.insideCouncil } : {}),
        ...(placement.distanceMiles !== undefined ? { distanceMiles: placement.distanceMiles } : {}),
        startedOn, ...(endedOn ? { endedOn } : {}),
        ...(endingEpisode?.reasonPlacementChanged ? { reasonChanged: endingEpisode.reasonPlacementChanged } : {}),
        ...(nextEpisode ? { nextWithSameCarer: nextEpisode.reasonForNewEpisode === 'T' || nextEpisode.reasonForNewEpisode === 'U' } : {}),
        ...(cost !== undefined ? { weeklyCost: cost } : {}),
        weeklyCosts: placement.weeklyCosts,
      };
    }),
    secureAccommodationOrders: period.secureAccommodationOrders,
  };
}

export function lookedAfterSummaryOf(state: LookedAfterState): LookedAfterSummary {
  const current = currentPeriodOfCareOf(state);
  return { current: current ? periodOf(current) : null, periods: state.periodsOfCare.map(periodOf) };
}
