import {
  assessmentFactorCodes, categoryOfAbuseCodes, contactReasonCodes, ethnicityCodes, localContactSources, primaryNeedCodes,
  reasonForClosureCodes, referralSourceCodes, sexCodes,
} from '../../codes/statutory-codes.ts';
import { assessmentOutcomes } from '../../modules/children-in-need/events.ts';
import { cpPlanEndReasons, partnerAgencies, section47Outcomes } from '../../modules/child-protection/events.ts';
import { frontDoorDecisions, mashAgencies } from '../../modules/front-door/events.ts';
import { humanise } from '../format.ts';

/**
 * Each event's form as data: which fields, in what words, and how their values become the event's
 * `data`. The API's schemas stay the one judge of what is valid; these forms only ask.
 */
export interface Option {
  value: string;
  text: string;
}

export type FieldSpec =
  | { kind: 'text'; name: string; label: string; hint?: string; optional?: boolean; width?: string; path?: string; missing?: string }
  | { kind: 'textarea'; name: string; label: string; hint?: string; optional?: boolean; missing?: string }
  | { kind: 'select'; name: string; label: string; hint?: string; options: Option[]; optional?: boolean; missing?: string }
  | { kind: 'radios'; name: string; label: string; hint?: string; options: Option[]; optional?: boolean; inline?: boolean; missing?: string }
  | { kind: 'checkboxes'; name: string; label: string; hint?: string; options: Option[]; missing?: string }
  | { kind: 'yes-no'; name: string; label: string; hint?: string; missing: string }
  | { kind: 'date'; name: string; label: string; hint?: string; optional?: boolean; missing?: string }
  | { kind: 'worker'; name: string; label: string; hint?: string; defaultToMe?: boolean; missing: string };

export interface EventForm {
  type: string;
  title: string;
  /** How the event's own date is asked for: hours matter for contacts, decisions and allocations. */
  occurredAt: { label: string; withTime: boolean };
  fields: FieldSpec[];
  /** Fills in what follows from other answers, so nobody types it twice. */
  complete?: (data: Record<string, unknown>, context: FormContext) => Record<string, unknown>;
}

export interface FormContext {
  workers: { workerId: string; teamId: string }[];
}

/** Codes such as 1A, 2B, 10A, 21 in their natural order (object keys put 20 and 21 first). */
const byCode = (a: string, b: string) => parseInt(a, 10) - parseInt(b, 10) || a.localeCompare(b);
const optionsOf = (list: Record<string, string>, withCode = false): Option[] =>
  Object.entries(list)
    .sort(([a], [b]) => (withCode && /^\d/.test(a) && /^\d/.test(b) ? byCode(a, b) : 0))
    .map(([value, text]) => ({ value, text: withCode ? `${value}: ${text}` : text }));
const optionsFromCodes = (codes: readonly string[], words: Record<string, string> = {}): Option[] => codes.map((value) => ({ value, text: words[value] ?? humanise(value) }));

const agencyWords: Record<string, string> = {
  'childrens-social-care': "Children's social care", police: 'Police', health: 'Health', education: 'Education', probation: 'Probation',
  'youth-justice': 'Youth justice', housing: 'Housing', 'adult-social-care': 'Adult social care', 'voluntary-sector': 'Voluntary sector',
  'early-help': 'Early help', 'mental-health': 'Mental health', other: 'Other',
};
const agencies: FieldSpec = { kind: 'checkboxes', name: 'attendingAgencies', label: 'Agencies that took part', options: optionsFromCodes(partnerAgencies, agencyWords) };
const categoryOptions = optionsOf(categoryOfAbuseCodes);
const date = (label: string) => ({ label, withTime: false });
const dateTime = (label: string) => ({ label, withTime: true });

export const eventForms: Record<string, EventForm> = {
  'child.registered': {
    type: 'child.registered', title: 'Register a child', occurredAt: date('Date registered'),
    fields: [
      { kind: 'text', name: 'forename', label: 'First name', width: 'govuk-!-width-one-half' },
      { kind: 'text', name: 'surname', label: 'Last name', width: 'govuk-!-width-one-half' },
      { kind: 'date', name: 'dateOfBirth', label: 'Date of birth', hint: 'For example, 27 3 2015. Leave blank for an unborn child', optional: true },
      { kind: 'radios', name: 'sex', label: 'Sex', options: optionsOf(sexCodes), inline: true },
      { kind: 'select', name: 'ethnicity', label: 'Ethnicity', options: optionsOf(ethnicityCodes) },
      { kind: 'text', name: 'nhsNumber', label: 'NHS number (optional)', hint: '10 digits', optional: true, width: 'govuk-input--width-10' },
      { kind: 'text', name: 'postcode', label: 'Postcode (optional)', optional: true, width: 'govuk-input--width-10', path: 'address.postcode' },
      { kind: 'date', name: 'expectedDateOfBirth', label: 'Expected date of birth, for an unborn child', optional: true },
    ],
  },
  'contact.received': {
    type: 'contact.received', title: 'Record a contact', occurredAt: dateTime('When was the contact received?'),
    fields: [
      { kind: 'select', name: 'localSource', label: 'Who made the contact?', options: Object.entries(localContactSources).map(([value, source]) => ({ value, text: source.label })) },
      { kind: 'select', name: 'primaryReason', label: 'Main reason for the contact', options: optionsOf(contactReasonCodes) },
      { kind: 'text', name: 'referrerName', label: 'Name of the person who made the contact (optional)', optional: true },
      { kind: 'textarea', name: 'summary', label: 'What did they tell you? (optional)', optional: true },
    ],
    // The DfE referral source follows from the local source: one question, not two.
    complete: (data) => ({ ...data, source: data.localSource ? localContactSources[data.localSource as keyof typeof localContactSources]?.referralSource : undefined }),
  },
  'mash-check.requested': {
    type: 'mash-check.requested', title: 'Request a MASH check', occurredAt: date('Date requested'),
    fields: [{ kind: 'radios', name: 'agency', label: 'Which agency is being asked?', options: optionsFromCodes(mashAgencies, agencyWords) }],
  },
  'mash-check.completed': {
    type: 'mash-check.completed', title: 'Record a MASH check', occurredAt: date('Date completed'),
    fields: [
      { kind: 'radios', name: 'agency', label: 'Which agency answered?', options: optionsFromCodes(mashAgencies, agencyWords) },
      { kind: 'yes-no', name: 'informationHeld', label: 'Did they hold information about the child or family?', missing: 'Select yes if they held information about the child or family' },
      { kind: 'textarea', name: 'summary', label: 'What they shared (optional)', optional: true },
    ],
  },
  'contact.decided': {
    type: 'contact.decided', title: 'Decide on the contact', occurredAt: dateTime('When was the decision made?'),
    fields: [
      { kind: 'radios', name: 'decision', label: 'Decision', options: optionsFromCodes(frontDoorDecisions, { 'no-further-action': 'No further action', 'information-and-advice': 'Information and advice', 'early-help': 'Early help', 'referral-to-social-care': 'Referral to children\'s social care' }) },
      { kind: 'worker', name: 'decidedByWorkerId', label: 'Decided by', defaultToMe: true, missing: 'Select who made the decision' },
      { kind: 'textarea', name: 'rationale', label: 'Reasons for the decision (optional)', optional: true },
    ],
  },
  'referral.received': {
    type: 'referral.received', title: 'Record a referral', occurredAt: date('Date of referral'),
    fields: [{ kind: 'select', name: 'source', label: 'Source of referral', hint: 'Filled in from the contact', options: optionsOf(referralSourceCodes, true) }],
  },
  'allocation.started': {
    type: 'allocation.started', title: 'Allocate a worker', occurredAt: dateTime('When was the child allocated?'),
    fields: [{ kind: 'worker', name: 'workerId', label: 'Allocate to', defaultToMe: true, missing: 'Select the worker to allocate the child to' }],
    complete: (data, context) => ({ ...data, teamId: context.workers.find((worker) => worker.workerId === data.workerId)?.teamId }),
  },
  'allocation.ended': {
    type: 'allocation.ended', title: 'End the allocation', occurredAt: date('Date the allocation ended'),
    fields: [{ kind: 'text', name: 'reason', label: 'Reason (optional)', optional: true }],
  },
  'household.joined': {
    type: 'household.joined', title: 'Record joining a household', occurredAt: date('Date joined'),
    fields: [{ kind: 'text', name: 'householdId', label: 'Household id', hint: 'For example, H206000150', width: 'govuk-input--width-20' }],
  },
  'assessment.started': {
    type: 'assessment.started', title: 'Start the child and family assessment', occurredAt: date('Date the assessment started'), fields: [],
  },
  'assessment.completed': {
    type: 'assessment.completed', title: 'Complete the assessment', occurredAt: date('Date a manager authorised the assessment'),
    fields: [
      { kind: 'checkboxes', name: 'factors', label: 'Factors identified at assessment', missing: 'Select the factors identified at assessment', hint: 'Select all that apply. Choose 21 if there were none', options: optionsOf(assessmentFactorCodes, true) },
      { kind: 'radios', name: 'outcome', label: 'Outcome', options: optionsFromCodes(assessmentOutcomes, { 'child-in-need-plan': 'Child in need plan', 'strategy-discussion': 'Strategy discussion' }) },
      { kind: 'worker', name: 'authorisedByWorkerId', label: 'Authorised by', missing: 'Select the manager who authorised the assessment' },
      { kind: 'select', name: 'primaryNeed', label: 'Primary need (optional)', options: [{ value: '', text: 'Not given' }, ...optionsOf(primaryNeedCodes, true)], optional: true },
    ],
  },
  'cin-plan.started': { type: 'cin-plan.started', title: 'Start a child in need plan', occurredAt: date('Date the plan started'), fields: [] },
  'cin-plan.ended': { type: 'cin-plan.ended', title: 'End the child in need plan', occurredAt: date('Date the plan ended'), fields: [] },
  'strategy-discussion.held': {
    type: 'strategy-discussion.held', title: 'Record a strategy discussion', occurredAt: date('Date of the discussion'),
    fields: [
      agencies,
      { kind: 'radios', name: 'decision', label: 'Was a section 47 enquiry started?', options: [{ value: 'section-47', text: 'Yes, start a section 47 enquiry' }, { value: 'no-section-47', text: 'No' }] },
    ],
  },
  'section-47.completed': {
    type: 'section-47.completed', title: 'Complete the section 47 enquiry', occurredAt: date('Date the enquiry was completed'),
    fields: [
      { kind: 'radios', name: 'outcome', label: 'Outcome', options: optionsFromCodes(section47Outcomes, { 'initial-child-protection-conference': 'Initial child protection conference', 'child-in-need-plan': 'Child in need plan' }) },
      { kind: 'yes-no', name: 'concernsSubstantiated', label: 'Were the concerns substantiated?', missing: 'Select yes if the concerns were substantiated' },
    ],
  },
  'conference.initial-held': {
    type: 'conference.initial-held', title: 'Record the initial child protection conference', occurredAt: date('Date of the conference'),
    fields: [
      { kind: 'yes-no', name: 'planRequired', label: 'Is a child protection plan needed?', missing: 'Select yes if the child needs a child protection plan' },
      { kind: 'radios', name: 'categoryOfAbuse', label: 'Category of abuse', hint: 'Needed when there is a plan', options: categoryOptions, optional: true },
      { kind: 'worker', name: 'chairWorkerId', label: 'Chair', missing: 'Select who chaired the conference' },
      agencies,
    ],
  },
  'core-group.held': {
    type: 'core-group.held', title: 'Record a core group meeting', occurredAt: date('Date of the meeting'), fields: [agencies],
  },
  'visit.made': {
    type: 'visit.made', title: 'Record a visit', occurredAt: date('Date of the visit'),
    fields: [
      { kind: 'radios', name: 'kind', label: 'Kind of visit', options: optionsFromCodes(['child-protection', 'child-in-need', 'assessment', 'other']) },
      { kind: 'yes-no', name: 'childSeen', label: 'Was the child seen?', missing: 'Select yes if the child was seen' },
      { kind: 'yes-no', name: 'seenAlone', label: 'Was the child seen alone?', missing: 'Select yes if the child was seen alone' },
      { kind: 'worker', name: 'visitedByWorkerId', label: 'Visited by', defaultToMe: true, missing: 'Select who made the visit' },
    ],
  },
  'conference.review-held': {
    type: 'conference.review-held', title: 'Record a review child protection conference', occurredAt: date('Date of the conference'),
    fields: [
      { kind: 'yes-no', name: 'planContinues', label: 'Does the plan continue?', missing: 'Select yes if the plan continues' },
      { kind: 'radios', name: 'categoryOfAbuse', label: 'Category of abuse (if it changed)', options: categoryOptions, optional: true },
      { kind: 'radios', name: 'planEndReason', label: 'Why the plan ends (if it ends)', options: optionsFromCodes(cpPlanEndReasons), optional: true },
      { kind: 'worker', name: 'chairWorkerId', label: 'Chair', missing: 'Select who chaired the conference' },
      agencies,
    ],
  },
  'cp-plan.ended': {
    type: 'cp-plan.ended', title: 'End the child protection plan', occurredAt: date('Date the plan ended'),
    fields: [{ kind: 'radios', name: 'reason', label: 'Why did the plan end?', options: optionsFromCodes(cpPlanEndReasons) }],
  },
  'cp-plan.category-changed': {
    type: 'cp-plan.category-changed', title: 'Change the category of abuse', occurredAt: date('Date of the change'),
    fields: [
      { kind: 'radios', name: 'categoryOfAbuse', label: 'New category of abuse', options: categoryOptions },
      { kind: 'text', name: 'reason', label: 'Reason (optional)', optional: true },
    ],
  },
  'episode.closed': {
    type: 'episode.closed', title: 'Close the case', occurredAt: date('Date the case closed'),
    fields: [
      { kind: 'select', name: 'reasonForClosure', label: 'Reason for closure', options: optionsOf(reasonForClosureCodes, true) },
      { kind: 'select', name: 'primaryNeed', label: 'Primary need', options: optionsOf(primaryNeedCodes, true) },
    ],
  },
};

/** The usual next steps for a child in each status, most likely first: offered as buttons. */
export const nextSteps: Record<string, string[]> = {
  'not-registered': [],
  known: ['contact.received', 'referral.received'],
  contact: ['mash-check.requested', 'mash-check.completed', 'contact.decided'],
  referral: ['allocation.started', 'assessment.started', 'strategy-discussion.held'],
  assessment: ['assessment.completed', 'visit.made', 'strategy-discussion.held'],
  'child-in-need': ['visit.made', 'strategy-discussion.held', 'cin-plan.started', 'episode.closed'],
  'section-47': ['section-47.completed', 'conference.initial-held', 'visit.made'],
  'child-protection-plan': ['visit.made', 'core-group.held', 'conference.review-held'],
};

/** The order everything else is offered in, following the child's journey. */
export const journeyOrder = [
  'contact.received', 'mash-check.requested', 'mash-check.completed', 'contact.decided', 'referral.received', 'allocation.started',
  'assessment.started', 'assessment.completed', 'strategy-discussion.held', 'section-47.completed', 'conference.initial-held',
  'visit.made', 'core-group.held', 'conference.review-held', 'cp-plan.category-changed', 'cp-plan.ended', 'cin-plan.started', 'cin-plan.ended',
  'episode.closed', 'allocation.ended', 'household.joined',
];

export type FormValues = Record<string, string | string[]>;

/**
 * A missing answer in the words of the question, the GOV.UK way ("Select who authorised..."),
 * in place of a schema's generic "expected string, received undefined".
 */
export function messageFor(field: FieldSpec | undefined, message: string): string {
  if (!field || !/received undefined|^Required$|expected (array|boolean|string)/i.test(message)) return message;
  if (field.missing) return field.missing;
  const question = field.label.replace(/\?$/, '').replace(/ \(optional\)$/, '');
  const lower = question.charAt(0).toLowerCase() + question.slice(1);
  return field.kind === 'text' || field.kind === 'textarea' || field.kind === 'date' ? `Enter ${lower}` : `Select ${lower}`;
}

/** The id of a field's first control, for the error summary's links. */
export function controlIdOf(field: Pick<FieldSpec, 'kind' | 'name'>): string {
  return field.kind === 'date' ? `${field.name}-day` : field.name;
}

const pad = (text: string) => text.padStart(2, '0');

/** Day, month and year boxes as YYYY-MM-DD; undefined when all are empty, the raw parts when incomplete. */
export function dateFrom(values: FormValues, name: string): string | undefined {
  const part = (suffix: string) => String(values[`${name}-${suffix}`] ?? '').trim();
  const [day, month, year] = [part('day'), part('month'), part('year')];
  if (!day && !month && !year) return undefined;
  return `${year}-${pad(month)}-${pad(day)}`;
}

function setPath(target: Record<string, unknown>, path: string, value: unknown) {
  const keys = path.split('.');
  let node = target;
  for (const key of keys.slice(0, -1)) node = (node[key] ??= {}) as Record<string, unknown>;
  node[keys.at(-1)!] = value;
}

/** Form values to the command the API records: `{ type, occurredAt, data }`. */
export function commandFrom(form: EventForm, values: FormValues, context: FormContext): { type: string; occurredAt: string; data: Record<string, unknown> } {
  const data: Record<string, unknown> = {};
  for (const field of form.fields) {
    const raw = values[field.name];
    const text = typeof raw === 'string' ? raw.trim() : '';
    const path = field.kind === 'text' && field.path ? field.path : field.name;
    switch (field.kind) {
      case 'checkboxes':
        setPath(data, path, Array.isArray(raw) ? raw : raw ? [raw] : []);
        break;
      case 'yes-no':
        if (text) setPath(data, path, text === 'yes');
        break;
      case 'date': {
        const value = dateFrom(values, field.name);
        if (value) setPath(data, path, value);
        break;
      }
      default:
        if (text) setPath(data, path, text);
    }
  }
  const dateText = dateFrom(values, 'occurredAt') ?? '';
  const time = String(values['occurredAt-time'] ?? '').trim();
  let occurredAt = dateText;
  if (form.occurredAt.withTime && dateText && /^\d{1,2}:\d{2}$/.test(time)) {
    const local = new Date(`${dateText}T${pad(time.split(':')[0]!)}:${time.split(':')[1]}:00`);
    occurredAt = Number.isNaN(local.getTime()) ? `${dateText}T${time}` : local.toISOString().replace('.000Z', 'Z');
  }
  const completed = form.complete ? form.complete(data, context) : data;
  for (const key of Object.keys(completed)) if (completed[key] === undefined) delete completed[key];
  return { type: form.type, occurredAt, data: completed };
}

/** Which form field an API problem belongs to: `data.factors.0` → factors, `data.address.postcode` → postcode. */
export function fieldOfProblem(form: EventForm, problemField: string): string | undefined {
  const path = problemField.replace(/^data\./, '').replace(/\.\d+$/, '');
  if (path === 'occurredAt' || path.startsWith('occurredAt')) return 'occurredAt';
  const field = form.fields.find((f) => f.name === path || (f.kind === 'text' && f.path === path));
  if (field) return field.name;
  // Derived fields are answered through the question they come from.
  if (form.type === 'contact.received' && path === 'source') return 'localSource';
  if (form.type === 'allocation.started' && path === 'teamId') return 'workerId';
  return undefined;
}
