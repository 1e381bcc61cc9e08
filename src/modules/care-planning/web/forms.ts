/**
 * Care planning's forms as data, in the shape of web/recording/event-forms.ts: which questions, in
 * what words, and how the answers become each event's `data`. The API's schemas stay the one judge
 * of what is valid; these forms only ask. Numbers are chosen from lists (a score, a percentage, a
 * number of weeks), so no answer is a number typed in words.
 */
import { date, optionsOf, type EventForm, type FieldSpec, type FormValues, type Option } from '../../../web/recording/event-forms.ts';
import {
  healthAssessorCodes, mentalHealthScreeningOutcomeCodes, mentalHealthScreeningToolCodes, permanencePlanCodes, reviewParticipationCodes,
  schoolTermCodes, sdqReasonCodes, visitIntervalWeeks, visitLocationCodes,
} from '../codes.ts';

const summary = (label: string): FieldSpec => ({ kind: 'textarea', name: 'summary', label, optional: true });
const yesNo: Option[] = [{ value: 'yes', text: 'Yes' }, { value: 'no', text: 'No' }];

/** A yes or no the event may leave out: asked as two radios, given as a boolean. */
const optionalYesNo = (name: string, label: string, hint?: string): FieldSpec => ({ kind: 'radios', name, label, options: yesNo, optional: true, inline: true, ...(hint ? { hint } : {}) });

/** The answers of `names` as booleans (yes → true), the rest as given. */
const booleansFrom = (names: readonly string[]) => (data: Record<string, unknown>) => {
  const out = { ...data };
  for (const name of names) if (typeof out[name] === 'string') out[name] = out[name] === 'yes';
  return out;
};
/** The other way round, to correct an entry. */
const booleanAnswers = (names: readonly string[]) => (data: Record<string, unknown>): FormValues =>
  Object.fromEntries(names.filter((name) => typeof data[name] === 'boolean').map((name) => [name, data[name] ? 'yes' : 'no']));

const numbers = (from: number, to: number, words: (n: number) => string = String): Option[] =>
  Array.from({ length: to - from + 1 }, (_, index) => ({ value: String(from + index), text: words(from + index) }));

/** The SDQ's score and the reasons there is none, as one choice. */
const sdqResults: Option[] = [...numbers(0, 40, (n) => `Score ${n}`), ...optionsOf(sdqReasonCodes, true).map((o) => ({ ...o, text: `No score: ${o.text}` }))];
const thisYear = new Date().getFullYear();
const schoolYears: Option[] = numbers(thisYear - 6, thisYear).reverse().map((o) => ({ value: o.value, text: `${o.value} to ${Number(o.value) + 1}` }));

/**
 * Every event as a form, in the order of a period of care: the plans, the IRO and reviews, the
 * visits, health and education (their journey steps follow the looked-after module's).
 */
export const carePlanningForms: readonly EventForm<unknown>[] = [
  {
    type: 'care-planning.care-plan-recorded', journeyStep: 420, title: 'Record the care plan', occurredAt: date('Date the care plan was agreed'),
    fields: [
      { kind: 'radios', name: 'permanencePlan', label: 'What is the plan for permanence? (optional)', options: optionsOf(permanencePlanCodes), optional: true },
      summary('Summary of the care plan (optional)'),
    ],
  },
  {
    type: 'care-planning.placement-plan-recorded', journeyStep: 425, title: 'Record the placement plan', occurredAt: date('Date the placement plan was agreed with the carer'),
    fields: [
      optionalYesNo('intendedLongTerm', 'Is the placement intended to last until the child is 18? (optional)', 'Long-term fostering placements (U1, U4) are, unless you say no'),
      summary('Summary of the placement plan (optional)'),
    ],
    complete: booleansFrom(['intendedLongTerm']),
    valuesFrom: booleanAnswers(['intendedLongTerm']),
  },
  {
    type: 'care-planning.iro-allocated', journeyStep: 430, title: 'Allocate an independent reviewing officer', occurredAt: date('Date allocated'),
    fields: [{ kind: 'worker', name: 'iroWorkerId', label: 'Independent reviewing officer', missing: 'Select the independent reviewing officer' }],
  },
  {
    type: 'care-planning.review-held', journeyStep: 435, title: 'Record a looked-after review', occurredAt: date('Date of the review'),
    fields: [
      { kind: 'radios', name: 'participation', label: 'How did the child take part?', hint: 'SSDA903 participation code', options: optionsOf(reviewParticipationCodes, true) },
      { kind: 'worker', name: 'iroWorkerId', label: 'Chaired by', hint: 'The independent reviewing officer', defaultToMe: true, missing: 'Select the IRO who chaired the review' },
      { kind: 'textarea', name: 'recommendations', label: 'Recommendations (optional)', optional: true },
    ],
  },
  {
    type: 'care-planning.permanence-plan-recorded', journeyStep: 440, title: 'Record the permanence plan', occurredAt: date('Date decided'),
    fields: [
      { kind: 'radios', name: 'plan', label: 'What is the plan for permanence?', options: optionsOf(permanencePlanCodes) },
      { kind: 'select', name: 'contingencyPlan', label: 'Contingency plan (optional)', options: [{ value: '', text: 'None' }, ...optionsOf(permanencePlanCodes)], optional: true },
      summary('Reasons (optional)'),
    ],
  },
  {
    type: 'care-planning.permanency-planning-meeting-held', journeyStep: 445, title: 'Record a permanency planning meeting', occurredAt: date('Date of the meeting'),
    fields: [
      { kind: 'date', name: 'dueBy', label: 'When was it due by? (optional)', hint: 'Leave blank for the protocol\'s date: the second looked-after review, 3 months after the first', optional: true },
      summary('What was agreed (optional)'),
    ],
  },
  {
    type: 'care-planning.visit-made', journeyStep: 450, title: 'Record a visit to the child looked after', occurredAt: date('Date of the visit'),
    fields: [
      { kind: 'yes-no', name: 'childSeen', label: 'Was the child seen?', missing: 'Select yes if the child was seen' },
      { kind: 'yes-no', name: 'seenAlone', label: 'Was the child seen alone?', missing: 'Select yes if the child was seen alone' },
      { kind: 'radios', name: 'location', label: 'Where was the child seen?', options: optionsOf(visitLocationCodes) },
      { kind: 'worker', name: 'visitedByWorkerId', label: 'Visited by', defaultToMe: true, missing: 'Select who visited' },
      { kind: 'textarea', name: 'observed', label: 'What did you see? (optional)', optional: true },
      { kind: 'textarea', name: 'childsView', label: 'What did the child say? (optional)', optional: true },
    ],
  },
  {
    type: 'care-planning.visit-interval-set', journeyStep: 455, title: 'Set how often the child is visited', occurredAt: date('Date decided'),
    fields: [
      {
        kind: 'select', name: 'weeks', label: 'Visit at least every', optional: true,
        hint: 'Shorter than the regulations (6 weeks; 3 months in a long-term placement after its first year), or the interval agreed with the IRO for short breaks',
        options: [{ value: '', text: 'As the regulations say' }, ...visitIntervalWeeks.map((weeks) => ({ value: String(weeks), text: weeks === 1 ? 'Week' : `${weeks} weeks` }))],
      },
      { kind: 'textarea', name: 'reason', label: 'Why (optional)', optional: true },
    ],
    complete: (data) => ({ ...data, weeks: typeof data.weeks === 'string' ? Number(data.weeks) : undefined }),
  },
  {
    type: 'care-planning.health-assessment-completed', journeyStep: 460, title: 'Record a health assessment', occurredAt: date('Date of the assessment'),
    fields: [
      { kind: 'radios', name: 'kind', label: 'Which assessment?', options: [{ value: 'initial', text: 'Initial health assessment' }, { value: 'review', text: 'Review health assessment' }] },
      { kind: 'radios', name: 'assessedBy', label: 'Who did it?', options: optionsOf(healthAssessorCodes) },
      { kind: 'text', name: 'assessorName', label: 'Their name (optional)', optional: true },
      optionalYesNo('developmentChecksUpToDate', 'For a child under 5: are the development checks up to date? (optional)'),
    ],
    complete: booleansFrom(['developmentChecksUpToDate']),
    valuesFrom: booleanAnswers(['developmentChecksUpToDate']),
  },
  { type: 'care-planning.dental-check-completed', journeyStep: 465, title: 'Record a dental check', occurredAt: date('Date of the check'), fields: [] },
  {
    type: 'care-planning.immunisations-recorded', journeyStep: 470, title: 'Record whether immunisations are up to date', occurredAt: date('Date checked'),
    fields: [{ kind: 'yes-no', name: 'upToDate', label: 'Are the child\'s immunisations up to date?', missing: 'Select yes if the immunisations are up to date' }],
  },
  {
    type: 'care-planning.sdq-recorded', journeyStep: 475, title: 'Record a strengths and difficulties questionnaire', occurredAt: date('Date of the questionnaire'),
    fields: [{ kind: 'select', name: 'result', label: 'Score, or why there is none', options: sdqResults }],
    complete: ({ result, ...rest }) => (typeof result === 'string' && /^\d+$/.test(result) ? { ...rest, score: Number(result) } : { ...rest, reasonNotDone: result }),
    derivedFrom: { score: 'result', reasonNotDone: 'result' },
    valuesFrom: (data) => ({ result: String(data.score ?? data.reasonNotDone ?? '') }),
  },
  {
    type: 'care-planning.mental-health-screened', journeyStep: 480, title: 'Record a mental health screening', occurredAt: date('Date of the screening'),
    fields: [
      { kind: 'radios', name: 'tool', label: 'Screening tool', options: optionsOf(mentalHealthScreeningToolCodes) },
      { kind: 'radios', name: 'outcome', label: 'Outcome', options: optionsOf(mentalHealthScreeningOutcomeCodes) },
      { kind: 'yes-no', name: 'referredToCamhs', label: 'Was the child referred to CAMHS?', missing: 'Select yes if the child was referred to CAMHS' },
    ],
  },
  {
    type: 'care-planning.substance-misuse-recorded', journeyStep: 485, title: 'Record substance misuse', occurredAt: date('Date'),
    fields: [
      { kind: 'radios', name: 'identified', label: 'Was the child identified as having a substance misuse problem?', options: yesNo, inline: true },
      optionalYesNo('interventionOffered', 'Was an intervention offered? (optional)'),
      optionalYesNo('interventionReceived', 'Did the child receive it? (optional)'),
    ],
    complete: booleansFrom(['identified', 'interventionOffered', 'interventionReceived']),
    valuesFrom: booleanAnswers(['identified', 'interventionOffered', 'interventionReceived']),
  },
  {
    type: 'care-planning.pep-held', journeyStep: 490, title: 'Record a personal education plan meeting', occurredAt: date('Date of the PEP meeting'),
    fields: [summary('What was agreed (optional)')],
  },
  {
    type: 'care-planning.school-recorded', journeyStep: 495, title: 'Record the child\'s school', occurredAt: date('Date the child started there'),
    fields: [
      { kind: 'text', name: 'schoolName', label: 'School' },
      { kind: 'text', name: 'urn', label: 'School URN (optional)', hint: '6 digits, from Get Information about Schools', optional: true, width: 'govuk-input--width-10' },
    ],
  },
  {
    type: 'care-planning.attendance-recorded', journeyStep: 500, title: 'Record school attendance for a term', occurredAt: date('Date recorded'),
    fields: [
      { kind: 'select', name: 'schoolYear', label: 'School year', options: schoolYears },
      { kind: 'radios', name: 'term', label: 'Term', options: optionsOf(schoolTermCodes) },
      { kind: 'select', name: 'percent', label: 'Attendance (per cent of possible sessions)', options: numbers(0, 100).reverse().map((o) => ({ ...o, text: `${o.value}%` })) },
    ],
    complete: (data) => ({ ...data, schoolYear: Number(data.schoolYear), percent: Number(data.percent) }),
  },
  {
    type: 'care-planning.became-mother', journeyStep: 505, title: 'Record that the young woman became a mother', occurredAt: date('Date recorded'),
    fields: [{ kind: 'date', name: 'childBornOn', label: 'Baby\'s date of birth' }],
  },
];
