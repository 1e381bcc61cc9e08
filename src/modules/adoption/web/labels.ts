/**
 * Adoption's words for the web app: the tags of its involvements, its events in the chronology,
 * and the next steps offered at each stage (WebModule's `involvementTags`, `eventLabels` and
 * `nextSteps`).
 */
import type { TagStyle } from '../../../web/web-module.ts';
import type { adoptionEvents } from '../events.ts';

type AdoptionEventType = (typeof adoptionEvents)[number]['shape']['type']['value'];

export const adoptionInvolvementTags = {
  'adoption-plan': { text: 'Plan for adoption', colour: 'pink' },
  'placed-for-adoption': { text: 'Placed for adoption', colour: 'purple' },
} as const satisfies Record<string, TagStyle>;

export const adoptionEventLabels: Readonly<Record<AdoptionEventType, string>> = {
  'adoption.decision-to-place': 'Decision that the child should be placed for adoption',
  'adoption.placement-order-applied': 'Placement order applied for',
  'adoption.placement-order-granted': 'Placement order made',
  'adoption.matched': 'Matched with prospective adopters',
  'adoption.placed': 'Placed for adoption',
  'adoption.order-granted': 'Adoption order made',
  'adoption.decision-reversed': 'Decision to place for adoption reversed',
  'adoption.special-guardianship-order-made': 'Special guardianship order made',
  'adoption.child-arrangements-order-made': 'Child arrangements order made',
  'adoption.previous-permanence-recorded': 'Previous permanence recorded',
};

/** The usual next steps at each stage, most likely first (the looked-after record's own status offers the rest in journey order). */
export const adoptionNextSteps: Readonly<Record<string, readonly AdoptionEventType[]>> = {
  'adoption-plan': ['adoption.placement-order-applied', 'adoption.placement-order-granted', 'adoption.matched', 'adoption.placed', 'adoption.decision-reversed'],
  'placed-for-adoption': ['adoption.order-granted', 'adoption.decision-reversed'],
};
