/**
 * Care leavers' projection tables, created by migrations/0038_care_leavers.sql: the support of each
 * young person (one row), each birthday contact (the OC3 record), each pathway plan review, each
 * change of accommodation and each staying put arrangement, for the CL-* figures, CLA-09 and retention.
 */
import { projectionTable } from '../../record/projection.ts';
import { fosterPlacementTypes, type LookedAfterState } from '../looked-after/index.ts';
import type { PeopleState } from '../people/index.ts';
import { addMonths } from '../../platform/calendar/calendar.ts';
import { eligibilityOf, personalAdviserOf, type CareLeaversState } from './state.ts';

type View = CareLeaversState & PeopleState & LookedAfterState;

/**
 * The day the young person left care, for the birthday contacts the DfE counts (care leavers, not
 * children still looked after): the end of their last period of care that ended after the 16th
 * birthday; for a young person whose care the record does not hold, the day support began; none
 * while still looked after.
 */
function leftCareOn(state: View): string | null {
  const support = state.leavingCare!;
  const periods = state.periodsOfCare ?? [];
  if (periods.some((period) => period.ceasedOn === undefined)) return null;
  const sixteenth = state.details?.dateOfBirth ? addMonths(state.details.dateOfBirth, 16 * 12) : undefined;
  const last = periods.filter((period) => sixteenth !== undefined && period.ceasedOn! > sixteenth).at(-1);
  if (last) return last.ceasedOn!;
  return eligibilityOf(support).category === 'eligible' ? null : support.since;
}

/** The placement type on the day before the 18th birthday (care ends on it), read from the periods of care. */
function placementAt18(state: View): string | null {
  const dateOfBirth = state.details?.dateOfBirth;
  if (dateOfBirth === undefined) return null;
  const eighteenth = addMonths(dateOfBirth, 18 * 12);
  for (const period of state.periodsOfCare ?? []) {
    // Looked after on the eve of the birthday (care ended on the birthday itself counts).
    if (period.startedOn >= eighteenth || (period.ceasedOn !== undefined && period.ceasedOn < eighteenth)) continue;
    const episode = [...period.episodes].reverse().find((e) => e.startedOn < eighteenth);
    if (episode) return episode.placement.type;
  }
  return null;
}

export const careLeaversProjections = [
  projectionTable({
    table: 'care_leaver',
    columns: {
      since: 'date', date_of_birth: 'date', eligibility_category: 'text', computed_category: 'text', personal_adviser_id: 'text', pathway_plan_made_on: 'date',
      pathway_plan_participation: 'text', pathway_plan_quality_grade: 'text', left_care_on: 'date', placement_at_18: 'text', in_foster_care_at_18: 'boolean', ended_on: 'date', end_reason: 'text',
    },
    key: ['child_id'],
    rowsOf: (state: View) => {
      const support = state.leavingCare;
      if (!support) return [];
      const eligibility = eligibilityOf(support);
      const at18 = placementAt18(state);
      return [{
        since: support.since, date_of_birth: state.details?.dateOfBirth ?? null, eligibility_category: eligibility.category, computed_category: eligibility.computedCategory ?? null,
        personal_adviser_id: personalAdviserOf(support)?.workerId ?? null, pathway_plan_made_on: support.pathwayPlan?.madeOn ?? null,
        pathway_plan_participation: support.pathwayPlan?.participation ?? null, pathway_plan_quality_grade: support.pathwayPlan?.qualityGrade ?? null, left_care_on: leftCareOn(state),
        placement_at_18: at18, in_foster_care_at_18: at18 === null ? null : (fosterPlacementTypes as readonly string[]).includes(at18),
        ended_on: support.ended?.endedOn ?? null, end_reason: support.ended?.reason ?? null,
      }];
    },
  }),
  projectionTable({
    table: 'care_leaver_birthday_contact',
    columns: {
      contact_id: 'uuid', contacted_on: 'date', birthday_age: 'integer', birthday_on: 'date', in_touch: 'text', activity: 'text', accommodation: 'text',
      accommodation_suitable: 'boolean', oc3_accommodation: 'text',
    },
    key: ['contact_id'],
    rowsOf: (state: View) => (state.leavingCare?.birthdayContacts ?? []).map((c) => ({
      contact_id: c.contactId, contacted_on: c.contactedOn, birthday_age: c.birthdayAge,
      birthday_on: state.details?.dateOfBirth ? addMonths(state.details.dateOfBirth, c.birthdayAge * 12) : null,
      in_touch: c.inTouch, activity: c.activity ?? null, accommodation: c.accommodation ?? null, accommodation_suitable: c.accommodationSuitable ?? null,
      oc3_accommodation: c.accommodation !== undefined && c.accommodationSuitable !== undefined ? `${c.accommodation}${c.accommodationSuitable ? 1 : 2}` : null,
    })),
  }),
  projectionTable({
    table: 'care_leaver_pathway_review',
    columns: { review_id: 'uuid', reviewed_on: 'date', participation: 'text', quality_grade: 'text' },
    key: ['review_id'],
    rowsOf: (state: View) => (state.leavingCare?.pathwayPlanReviews ?? []).map((r) => ({
      review_id: r.reviewId, reviewed_on: r.reviewedOn, participation: r.participation, quality_grade: r.qualityGrade ?? null,
    })),
  }),
  projectionTable({
    table: 'care_leaver_accommodation',
    columns: { change_id: 'uuid', changed_on: 'date', accommodation: 'text', suitable: 'boolean', tenancy: 'text', tenancy_started_on: 'date' },
    key: ['change_id'],
    rowsOf: (state: View) => (state.leavingCare?.accommodations ?? []).map((a) => ({
      change_id: a.changeId, changed_on: a.changedOn, accommodation: a.accommodation, suitable: a.suitable, tenancy: a.tenancy ?? null, tenancy_started_on: a.tenancyStartedOn ?? null,
    })),
  }),
  projectionTable({
    table: 'care_leaver_staying_put',
    columns: { arrangement_id: 'uuid', started_on: 'date', ended_on: 'date' },
    key: ['arrangement_id'],
    rowsOf: (state: View) => (state.leavingCare?.stayingPut ?? []).map((s) => ({ arrangement_id: s.arrangementId, started_on: s.startedOn, ended_on: s.endedOn ?? null })),
  }),
];
