/**
 * What a person is told when a field they sent is missing or wrong, in the GOV.UK Design System's
 * words ("Enter the date of birth", "Select the sex", "The reason must be 1000 characters or
 * fewer"), for every Zod schema on the server and in the web app alike. A schema's own message
 * (a postcode's, an NHS number's) still wins; this is what is said where a schema gives none.
 */
import { z } from 'zod';

/** The noun phrase for a field, by its name (the last part of its path), where a plain one is known. */
const fieldLabels: Record<string, string> = {
  occurredAt: 'the date',
  data: 'the details',
  recordedAt: 'the date it was recorded',
  forename: 'the first name',
  surname: 'the last name',
  name: 'the name',
  dateOfBirth: 'the date of birth',
  expectedDateOfBirth: 'the expected date of birth',
  sex: 'the sex',
  ethnicity: 'the ethnicity',
  disabilities: 'the disabilities',
  upn: 'the unique pupil number',
  upnUnknown: 'why the unique pupil number is not known',
  nhsNumber: 'the NHS number',
  firstLanguage: 'the first language',
  religion: 'the religion',
  postcode: 'the postcode',
  line1: 'the first line of the address',
  relationship: 'the relationship',
  relatedChildId: 'the related child',
  childId: "the child's LA child id",
  laCode: 'the council code',
  teamId: 'the team',
  workerId: 'the worker',
  chairWorkerId: 'who chaired it',
  decidedByWorkerId: 'who decided',
  authorisedByWorkerId: 'who authorised it',
  visitedByWorkerId: 'who visited',
  source: 'the source',
  localSource: 'who the contact came from',
  primaryReason: 'the reason',
  primaryNeed: 'the primary need',
  factors: 'the factors',
  reason: 'the reason',
  reasonForClosure: 'the reason for closure',
  correctionReason: 'the reason for the correction',
  decision: 'the decision',
  outcome: 'the outcome',
  rationale: 'the reasons for the decision',
  summary: 'the summary',
  kind: 'the kind',
  visitKind: 'the kind of visit',
  childSeen: 'whether the child was seen',
  seenAlone: 'whether the child was seen alone',
  reasonNotSeenAlone: 'why the child was not seen alone',
  planRequired: 'whether a plan is needed',
  planContinues: 'whether the plan continues',
  planEndReason: 'why the plan ended',
  concernsSubstantiated: 'whether the concerns were substantiated',
  startedOn: 'the start date',
  leftOn: 'the date they left',
  expectedEndOn: 'the expected end date',
  arrangementBeginsOn: 'the date the arrangement begins',
  reportWrittenOn: 'the date the report was written',
  dbsCertificateIssuedOn: 'the date the DBS certificate was issued',
  notifiedBy: 'who notified',
  notifierName: "the notifier's name",
  referrerName: "the referrer's name",
  clientId: 'the request id',
  supersedes: 'the entry being corrected',
  voidedEventId: 'the entry recorded in error',
  eventId: 'the entry id',
  type: 'what is being recorded',
  role: 'the role',
  agency: 'the agency',
  timing: 'the timing',
  service: 'the service',
};

/** The words for a field at this path: its known label, or its name in words ("reportWrittenOn" → "the report written on"). */
export function fieldLabelOf(path: readonly PropertyKey[]): string {
  const name = [...path].reverse().find((part): part is string => typeof part === 'string');
  if (name === undefined) return 'this';
  return fieldLabels[name] ?? `the ${name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase()}`;
}

const capitalised = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

type RawIssue = z.core.$ZodRawIssue;

/** The GOV.UK-style message for a Zod issue, or undefined to keep Zod's own. */
export function plainEnglishMessage(issue: RawIssue): string | undefined {
  const label = fieldLabelOf(issue.path ?? []);
  const missing = issue.input === undefined || issue.input === null || (typeof issue.input === 'string' && issue.input.trim() === '');
  switch (issue.code) {
    case 'invalid_type':
      if (missing) return issue.expected === 'boolean' || issue.expected === 'array' ? `Select ${label}` : `Enter ${label}`;
      if (issue.expected === 'number' || issue.expected === 'int') return `${capitalised(label)} must be a number`;
      if (issue.expected === 'boolean') return `Select yes or no for ${label}`;
      if (issue.expected === 'object') return `Enter ${label}`;
      if (issue.expected === 'array') return `${capitalised(label)} must be a list`;
      return `Enter ${label} as text`;
    case 'invalid_value':
      return missing ? `Select ${label}` : `Select ${label} from the list`;
    case 'invalid_union':
      return missing ? `Enter ${label}` : `Enter ${label} in the right form`;
    case 'too_small':
      if (issue.origin === 'string') return Number(issue.minimum) <= 1 ? `Enter ${label}` : `${capitalised(label)} must be ${issue.minimum} characters or more`;
      if (issue.origin === 'array' || issue.origin === 'set') return Number(issue.minimum) <= 1 ? `Select or enter at least one for ${label}` : `Give at least ${issue.minimum} for ${label}`;
      return `${capitalised(label)} must be ${issue.inclusive === false ? 'more than' : 'at least'} ${issue.minimum}`;
    case 'too_big':
      if (issue.origin === 'string') return `${capitalised(label)} must be ${issue.maximum} characters or fewer`;
      if (issue.origin === 'array' || issue.origin === 'set') return `Give at most ${issue.maximum} for ${label}`;
      return `${capitalised(label)} must be ${issue.inclusive === false ? 'less than' : 'at most'} ${issue.maximum}`;
    case 'invalid_format':
      if (issue.format === 'datetime' || issue.format === 'date') return `${capitalised(label)} must be a real date`;
      if (issue.format === 'uuid' || issue.format === 'guid') return `${capitalised(label)} must be the id of an entry on the record`;
      if (issue.format === 'email') return `Enter ${label} as an email address, like name@example.com`;
      return `Enter ${label} in the right form`;
    case 'unrecognized_keys':
      return `Remove ${issue.keys.map((key) => `“${key}”`).join(', ')}: ${issue.keys.length === 1 ? 'it is' : 'they are'} not part of this form`;
    case 'invalid_key':
    case 'invalid_element':
      return `Enter ${label} in the right form`;
    case 'not_multiple_of':
      return `${capitalised(label)} must be a multiple of ${issue.divisor}`;
    case 'custom':
      return `Enter ${label} in the right form`;
    default:
      return undefined;
  }
}

let installed = false;

/** Makes the messages above Zod's default, once per process (the kernel's schema helpers install it). */
export function installPlainEnglishMessages(): void {
  if (installed) return;
  installed = true;
  z.config({ customError: (issue) => plainEnglishMessage(issue) });
}
