/**
 * Looked after's projection tables, created by migrations/0034_looked_after.sql: each period of care,
 * each SSDA903 episode, each placement (an episode changing only the legal status does not start
 * one), its weekly costs over time and each secure accommodation order, for the figures CLA-01 to
 * CLA-25, the worklist and retention.
 */
import { projectionTable } from '../../record/projection.ts';
import type { PeopleState } from '../people/index.ts';
import { isShortBreaksOnly, placementsOf, type LookedAfterState } from './state.ts';

type View = LookedAfterState & PeopleState;

export const lookedAfterProjections = [
  projectionTable({
    table: 'cla_period',
    columns: {
      period_id: 'uuid', started_on: 'date', ceased_on: 'date', reason_ceased: 'text', home_postcode: 'text', uasc: 'boolean', uasc_ceased_on: 'date',
      short_breaks_only: 'boolean', legal_status_at_start: 'text', category_of_need: 'text', episodes: 'integer',
    },
    key: ['period_id'],
    rowsOf: (state: View) => state.periodsOfCare.map((period) => ({
      period_id: period.periodId, started_on: period.startedOn, ceased_on: period.ceasedOn ?? null, reason_ceased: period.reasonCeased ?? null,
      home_postcode: period.homePostcode ?? null, uasc: period.unaccompaniedAsylumSeeking, uasc_ceased_on: period.uascCeasedOn ?? null,
      short_breaks_only: isShortBreaksOnly(period), legal_status_at_start: period.episodes[0]!.legalStatus, category_of_need: period.episodes[0]!.categoryOfNeed,
      episodes: period.episodes.length,
    })),
  }),
  projectionTable({
    table: 'cla_episode',
    columns: {
      episode_id: 'uuid', period_id: 'uuid', started_on: 'date', ended_on: 'date', reason_for_new_episode: 'text', legal_status: 'text',
      category_of_need: 'text', placement_id: 'uuid', placement_type: 'text', placement_provider: 'text', reason_episode_ceased: 'text',
      reason_placement_changed: 'text',
    },
    key: ['episode_id'],
    rowsOf: (state: View) => state.periodsOfCare.flatMap((period) => period.episodes.map((e) => ({
      episode_id: e.episodeId, period_id: period.periodId, started_on: e.startedOn, ended_on: e.endedOn ?? null, reason_for_new_episode: e.reasonForNewEpisode,
      legal_status: e.legalStatus, category_of_need: e.categoryOfNeed, placement_id: e.placement.placementId, placement_type: e.placement.type,
      placement_provider: e.placement.provider ?? null, reason_episode_ceased: e.reasonEpisodeCeased ?? null, reason_placement_changed: e.reasonPlacementChanged ?? null,
    }))),
  }),
  projectionTable({
    table: 'cla_placement',
    columns: {
      placement_id: 'uuid', period_id: 'uuid', started_on: 'date', ended_on: 'date', placement_type: 'text', placement_provider: 'text', ofsted_urn: 'text',
      postcode: 'text', inside_council: 'boolean', distance_miles: 'numeric', same_carer_as_before: 'boolean', short_breaks_only: 'boolean',
    },
    key: ['placement_id'],
    rowsOf: (state: View) => state.periodsOfCare.flatMap((period) => {
      const shortBreaks = isShortBreaksOnly(period);
      return placementsOf(period).map(({ placement, startedOn, endedOn }) => {
        const first = period.episodes.find((e) => e.placement.placementId === placement.placementId)!;
        return {
          placement_id: placement.placementId, period_id: period.periodId, started_on: startedOn, ended_on: endedOn ?? null, placement_type: placement.type,
          placement_provider: placement.provider ?? null, ofsted_urn: placement.ofstedUrn ?? null, postcode: placement.postcode ?? null,
          inside_council: placement.insideCouncil ?? null, distance_miles: placement.distanceMiles ?? null,
          same_carer_as_before: first.reasonForNewEpisode === 'T' || first.reasonForNewEpisode === 'U', short_breaks_only: shortBreaks,
        };
      });
    }),
  }),
  projectionTable({
    table: 'cla_placement_cost',
    columns: { placement_id: 'uuid', from_on: 'date', weekly_cost: 'numeric' },
    key: ['placement_id', 'from_on'],
    rowsOf: (state: View) => state.periodsOfCare.flatMap((period) => placementsOf(period).flatMap(({ placement }) =>
      placement.weeklyCosts.map((cost) => ({ placement_id: placement.placementId, from_on: cost.from, weekly_cost: cost.pounds })))),
  }),
  projectionTable({
    table: 'cla_secure_order',
    columns: { order_id: 'uuid', period_id: 'uuid', made_on: 'date', ends_on: 'date', reasons: 'text[]' },
    key: ['order_id'],
    rowsOf: (state: View) => state.periodsOfCare.flatMap((period) => period.secureAccommodationOrders.map((order) => ({
      order_id: order.orderId, period_id: period.periodId, made_on: order.madeOn, ends_on: order.endsOn ?? null, reasons: order.reasons,
    }))),
  }),
];
