/**
 * The family network's child events: the professionals around the child, the record's flags, and
 * the child's moves of address (one move of a whole household is one `address.changed` on each
 * child in it, sharing a move id). The adults linked to the child are people in their own right
 * (adults.ts); the link itself is the people module's `relationship.recorded`, naming the adult's
 * person id.
 */
import { z } from 'zod';
import { FreeText } from '../../platform/schema-helpers.ts';

/** The professionals practice expects to know of around a child (Working Together 2023, ch. 2). */
export const professionalRoles = {
  gp: 'GP',
  school: 'School',
  'health-visitor': 'Health visitor',
  'school-nurse': 'School nurse',
  'police-officer': 'Police officer',
  'early-years-setting': 'Nursery or early years setting',
  'mental-health-worker': 'Mental health worker',
  'youth-worker': 'Youth worker',
  other: 'Other professional',
} as const;

/** The flags a council needs on a record's header, each with its tag's colour. */
export const flagKinds = {
  'risk-to-visiting-staff': 'Risk to visiting staff',
  'interpreter-needed': 'Interpreter needed',
  'cp-is-elsewhere': 'Child protection flag elsewhere (CP-IS)',
  'missing-from-home': 'Goes missing from home',
  'do-not-disclose-address': 'Do not disclose the address',
  other: 'Other',
} as const;

const Postcode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}$/, 'Enter a real UK postcode');
const Phone = z.string().trim().regex(/^\+?[0-9 ()-]{6,20}$/, 'Enter a telephone number, like 01632 960 001 or 07700 900 982');
const Email = z.string().trim().max(200).pipe(z.email({ message: 'Enter an email address in the correct format, like name@example.com' }));

export const Address = z.object({
  line1: FreeText(200),
  line2: FreeText(200).optional(),
  town: FreeText(100).optional(),
  postcode: Postcode,
});
export type Address = z.infer<typeof Address>;

export const ContactDetails = z.object({ phone: Phone.optional(), email: Email.optional() });

export const ProfessionalRecorded = z.object({
  type: z.literal('professional.recorded'),
  data: z.object({
    role: z.enum(Object.keys(professionalRoles) as [keyof typeof professionalRoles, ...(keyof typeof professionalRoles)[]], { message: 'Select the professional\'s role' }),
    /** What an "other" professional does, in words. */
    roleDescription: FreeText(100).optional(),
    name: FreeText(200),
    organisation: FreeText(200).optional(),
    ...ContactDetails.shape,
    address: FreeText(300).optional(),
  }).refine((d) => d.role !== 'other' || d.roleDescription !== undefined, { message: 'Enter what the professional does', path: ['roleDescription'] }),
});

export const ProfessionalEnded = z.object({
  type: z.literal('professional.ended'),
  data: z.object({ professionalId: z.uuid({ message: 'Select the professional' }).optional(), reason: FreeText(500).optional() }),
});

export const FlagRaised = z.object({
  type: z.literal('flag.raised'),
  data: z.object({
    kind: z.enum(Object.keys(flagKinds) as [keyof typeof flagKinds, ...(keyof typeof flagKinds)[]], { message: 'Select the kind of flag' }),
    /** What the flag says, for an "other" flag; more detail for any. */
    description: FreeText(200).optional(),
    reason: FreeText(1000),
  }).refine((d) => d.kind !== 'other' || d.description !== undefined, { message: 'Enter what the flag is', path: ['description'] }),
});

export const FlagRemoved = z.object({
  type: z.literal('flag.removed'),
  data: z.object({ flagId: z.uuid({ message: 'Select the flag' }).optional(), reason: FreeText(1000) }),
});

export const AddressChanged = z.object({
  type: z.literal('address.changed'),
  data: z.object({
    address: Address,
    /** The household that moved, when the move was recorded for a whole household. */
    householdId: FreeText(40).optional(),
    /** The same for every member of a household moving together. */
    moveId: z.uuid().optional(),
    reason: FreeText(500).optional(),
  }),
});

export const familyNetworkEvents = [ProfessionalRecorded, ProfessionalEnded, FlagRaised, FlagRemoved, AddressChanged] as const;
