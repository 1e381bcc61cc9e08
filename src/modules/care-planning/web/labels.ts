/**
 * Care planning's words for the web app: its events in the chronology and the next steps offered
 * for a child looked after (WebModule's `eventLabels` and `nextSteps`). The looked-after module owns
 * the "looked after" involvement; these steps are added to its own.
 */
import type { carePlanningEvents } from '../events.ts';

type CarePlanningEventType = (typeof carePlanningEvents)[number]['shape']['type']['value'];

export const carePlanningEventLabels: Readonly<Record<CarePlanningEventType, string>> = {
  'care-planning.care-plan-recorded': 'Care plan recorded',
  'care-planning.placement-plan-recorded': 'Placement plan recorded',
  'care-planning.permanence-plan-recorded': 'Permanence plan recorded',
  'care-planning.permanency-planning-meeting-held': 'Permanency planning meeting',
  'care-planning.iro-allocated': 'Independent reviewing officer allocated',
  'care-planning.review-held': 'Looked-after review',
  'care-planning.visit-made': 'Visit to the child looked after',
  'care-planning.visit-interval-set': 'Visit interval set',
  'care-planning.health-assessment-completed': 'Health assessment',
  'care-planning.dental-check-completed': 'Dental check',
  'care-planning.immunisations-recorded': 'Immunisations checked',
  'care-planning.sdq-recorded': 'Strengths and difficulties questionnaire',
  'care-planning.mental-health-screened': 'Mental health screening',
  'care-planning.substance-misuse-recorded': 'Substance misuse recorded',
  'care-planning.pep-held': 'Personal education plan meeting',
  'care-planning.school-recorded': 'School recorded',
  'care-planning.attendance-recorded': 'School attendance recorded',
  'care-planning.became-mother': 'Became a mother',
};

/** The usual next steps for a child looked after, most likely first: offered as buttons. */
export const carePlanningNextSteps: Readonly<Record<string, readonly CarePlanningEventType[]>> = {
  'looked-after': ['care-planning.visit-made', 'care-planning.review-held', 'care-planning.health-assessment-completed', 'care-planning.pep-held'],
};
