import { z } from 'zod';
import {
  disabilityCodes,
  ethnicityCodes,
  sexCodes,
  upnUnknownCodes,
} from '../../codes/statutory-codes.ts';
import { codeFrom, FreeText, IsoDate } from '../../platform/schema-helpers.ts';

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

/** Only the fields given change; the rest keep their last recorded value. */
export const ChildDetailsChanged = z.object({
  type: z.literal('child.details-changed'),
  data: ChildDetails.partial().refine((d) => Object.keys(d).length > 0, 'Enter at least one detail that changed'),
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
