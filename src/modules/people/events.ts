import { z } from 'zod';
import {
  disabilityCodes,
  ethnicityCodes,
  sexCodes,
  upnUnknownCodes,
} from '../../codes/statutory-codes.ts';
import { codeFrom, FreeText, IsoDate, LaChildId } from '../../platform/schema-helpers.ts';

const Upn = z
  .string()
  .regex(/^[A-Za-z]\d{11}(\d|[A-Za-z])$/, 'UPN must be a letter, 11 digits and a final digit or letter');
const NhsNumber = z
  .string()
  .regex(/^\d{10}$/, 'NHS number must be 10 digits')
  .refine(isValidNhsNumber, 'NHS number check digit is wrong');
const Postcode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}$/, 'Enter a real UK postcode');

export const ChildDetails = z.object({
  forename: FreeText(100),
  surname: FreeText(100),
  dateOfBirth: IsoDate.optional(),
  expectedDateOfBirth: IsoDate.optional(),
  sex: codeFrom(sexCodes, 'sex'),
  ethnicity: codeFrom(ethnicityCodes, 'ethnicity'),
  disabilities: z.array(codeFrom(disabilityCodes, 'disability')).max(13).default([]),
  upn: Upn.optional(),
  upnUnknown: codeFrom(upnUnknownCodes, 'UPN unknown').optional(),
  nhsNumber: NhsNumber.optional(),
  unaccompaniedAsylumSeeking: z.boolean().default(false),
  firstLanguage: FreeText(60).optional(),
  religion: FreeText(60).optional(),
  address: z.object({ line1: FreeText(200).optional(), postcode: Postcode.optional() }).optional(),
});
export type ChildDetails = z.infer<typeof ChildDetails>;

export const ChildRegistered = z.object({
  type: z.literal('child.registered'),
  data: ChildDetails,
});

/** Only the fields given change; the rest keep their last recorded value. The reason is kept with the change. */
export const ChildDetailsChanged = z.object({
  type: z.literal('child.details-changed'),
  // The fields with defaults are given again without them: a change of name must not reset the
  // disabilities or the asylum-seeking flag to their defaults.
  data: ChildDetails.partial().extend({
    disabilities: z.array(codeFrom(disabilityCodes, 'disability')).max(13).optional(),
    unaccompaniedAsylumSeeking: z.boolean().optional(),
    reason: FreeText(500).optional().describe('Why the details changed, e.g. a name changed by deed poll'),
  })
    .refine((d) => Object.keys(d).some((key) => key !== 'reason'), 'Enter at least one detail that changed'),
});

/**
 * This record was a duplicate of another child's and has been merged into it (src/modules/identity/
 * merges.ts): its events were copied to the surviving record, and it now only says where it went.
 */
export const ChildMergedInto = z.object({
  type: z.literal('child.merged-into'),
  data: z.object({ mergeId: z.uuid(), survivingChildId: LaChildId, reason: FreeText(1000) }),
});

/**
 * A merge undone, recorded on both records: the copies on the surviving record are voided and the
 * duplicate's record is open again.
 */
export const ChildMergeReversed = z.object({
  type: z.literal('child.merge-reversed'),
  data: z.object({ mergeId: z.uuid(), mergedChildId: LaChildId, survivingChildId: LaChildId, reason: FreeText(1000) }),
});

export const relationshipKinds = [
  'mother',
  'father',
  'step-parent',
  'sibling',
  'half-sibling',
  'step-sibling',
  'grandparent',
  'other-relative',
  'foster-carer',
  'kinship-carer',
  'other-significant-adult',
] as const;

/** Either another child on the system (siblings) or an adult known to the child. */
export const RelationshipRecorded = z.object({
  type: z.literal('relationship.recorded'),
  data: z
    .object({
      relationship: z.enum(relationshipKinds),
      relatedChildId: z.string().regex(/^[A-Za-z0-9]{1,20}$/).optional(),
      relatedPerson: z
        .object({ personId: FreeText(40), name: FreeText(200), dateOfBirth: IsoDate.optional() })
        .optional(),
      parentalResponsibility: z.boolean().default(false),
      livesWithChild: z.boolean().default(false),
    })
    .refine((d) => (d.relatedChildId === undefined) !== (d.relatedPerson === undefined), {
      message: 'Select the related child or enter the related person, not both',
      path: ['relatedChildId'],
    }),
});

export const RelationshipEnded = z.object({
  type: z.literal('relationship.ended'),
  data: z.object({ relationshipId: z.uuid(), reason: FreeText(500).optional() }),
});

export const HouseholdJoined = z.object({
  type: z.literal('household.joined'),
  data: z.object({ householdId: FreeText(40) }),
});

export const HouseholdLeft = z.object({
  type: z.literal('household.left'),
  data: z.object({ householdId: FreeText(40) }),
});

export const AllocationStarted = z.object({
  type: z.literal('allocation.started'),
  data: z.object({ workerId: FreeText(40), teamId: FreeText(40) }),
});

export const AllocationEnded = z.object({
  type: z.literal('allocation.ended'),
  data: z.object({ reason: FreeText(500).optional() }),
});

export const peopleEvents = [
  ChildRegistered,
  ChildDetailsChanged,
  ChildMergedInto,
  ChildMergeReversed,
  RelationshipRecorded,
  RelationshipEnded,
  HouseholdJoined,
  HouseholdLeft,
  AllocationStarted,
  AllocationEnded,
] as const;

/** Modulus 11 check of the NHS number's tenth digit. */
export function isValidNhsNumber(value: string): boolean {
  if (!/^\d{10}$/.test(value)) return false;
  const digits = [...value].map(Number);
  const sum = digits.slice(0, 9).reduce((total, digit, index) => total + digit * (10 - index), 0);
  const check = 11 - (sum % 11);
  const expected = check === 11 ? 0 : check;
  return expected !== 10 && expected === digits[9];
}
