/**
 * An adult in a child's network as a person in their own right: what is known of them, one version
 * at a time. Browser-safe (the web app's forms and pages read these schemas); the versions are kept
 * by network-repository.ts.
 */
import { z } from 'zod';
import { sexCodes } from '../../codes/statutory-codes.ts';
import { codeFrom, FreeText, IsoDate } from '../../platform/schema-helpers.ts';
import { Address, ContactDetails } from './events.ts';

export const AdultDetails = z.object({
  forename: FreeText(100),
  surname: FreeText(100),
  dateOfBirth: IsoDate.optional(),
  /** For the genogram's shapes: a square for a man, a circle for a woman. */
  sex: codeFrom(sexCodes, 'sex').default('U'),
  address: Address.optional(),
  /** Since when they have lived at the address. */
  addressFrom: IsoDate.optional(),
  /** The household they live in, when it is one the council records (the household page lists them). */
  householdId: FreeText(40).optional(),
  ...ContactDetails.shape,
  interpreterNeeded: z.boolean().default(false),
  interpreterLanguage: FreeText(60).optional(),
  /** Another professional working with the adult: their probation officer, adult mental health worker… */
  professionalInvolved: FreeText(300).optional(),
}).refine((d) => !d.interpreterNeeded || d.interpreterLanguage !== undefined, { message: 'Enter the language the interpreter is needed for', path: ['interpreterLanguage'] })
  .refine((d) => d.addressFrom === undefined || d.address !== undefined, { message: 'Enter the address they moved to', path: ['address', 'line1'] });
export type AdultDetails = z.infer<typeof AdultDetails>;

/**
 * The relationships an adult can have to a child: the people module's relationship kinds but the
 * siblings (children, linked child to child). Written out here, not imported, to keep the people
 * module's server code out of the browser; rules.test.ts holds the two lists together.
 */
export const adultRelationshipKinds = [
  'mother', 'father', 'step-parent', 'grandparent', 'other-relative', 'foster-carer', 'kinship-carer', 'other-significant-adult',
] as const;

export const AdultLink = z.object({
  relationship: z.enum(adultRelationshipKinds, { message: 'Select how they are related to the child' }),
  parentalResponsibility: z.boolean({ message: 'Select yes if they have parental responsibility for the child' }),
  livesWithChild: z.boolean({ message: 'Select yes if they live with the child' }),
  /** The day the relationship is recorded as of; today when not given. */
  linkedOn: IsoDate.optional(),
});
export type AdultLink = z.infer<typeof AdultLink>;

export const AdultVersion = z.object({
  personId: z.string(),
  version: z.number().int(),
  details: AdultDetails,
  changeReason: z.string().nullable(),
  recordedBy: z.string(),
  recordedAt: z.string(),
});
export type AdultVersion = z.infer<typeof AdultVersion>;

/** A child of the network as a page shows them. */
export const NetworkChild = z.object({
  childId: z.string(), forename: z.string(), surname: z.string(), dateOfBirth: z.string().nullable(), sex: z.string(), status: z.string(),
  involvements: z.array(z.object({ kind: z.string(), label: z.string(), since: z.string(), rank: z.number() })),
});
export type NetworkChild = z.infer<typeof NetworkChild>;

/** A relationship recorded on a child's record, to another child or to an adult. */
export const NetworkRelationship = z.object({
  childId: z.string(), relationshipId: z.string(), relationship: z.string(), relatedChildId: z.string().nullable(), personId: z.string().nullable(),
  personName: z.string().nullable(), parentalResponsibility: z.boolean(), livesWithChild: z.boolean(), recordedOn: z.string(),
});
export type NetworkRelationship = z.infer<typeof NetworkRelationship>;

/** A child's network, or a household's: the children and adults in it and how they are related. */
export const Network = z.object({
  children: z.array(NetworkChild),
  adults: z.array(AdultVersion).describe('Each adult\'s current version'),
  relationships: z.array(NetworkRelationship).describe('Current relationships recorded on the children\'s records'),
});
export type Network = z.infer<typeof Network>;

export const HouseholdPage = Network.extend({
  householdId: z.string(),
  address: Address.nullable().describe('Where the household lives now, from its last move recorded'),
  addressFrom: z.string().nullable(),
  /** The children of the household (others of the network are related to them but live elsewhere). */
  memberChildIds: z.array(z.string()),
  memberPersonIds: z.array(z.string()),
});
export type HouseholdPage = z.infer<typeof HouseholdPage>;

export const AdultRecord = z.object({
  current: AdultVersion,
  versions: z.array(AdultVersion).describe('Every version, first first'),
  addressHistory: z.array(z.object({ address: Address, from: z.string(), to: z.string().optional() })),
  links: z.array(NetworkRelationship).describe('Their relationships to the children the reader may see'),
});
export type AdultRecord = z.infer<typeof AdultRecord>;

/** An adult's addresses over their versions: a new entry each time the address changes. */
export function addressHistoryOf(versions: readonly AdultVersion[]): AdultRecord['addressHistory'] {
  const history: AdultRecord['addressHistory'] = [];
  for (const version of versions) {
    const { address } = version.details;
    if (!address) continue;
    const last = history.at(-1);
    if (last && JSON.stringify(last.address) === JSON.stringify(address)) continue;
    const from = version.details.addressFrom ?? version.recordedAt.slice(0, 10);
    if (last) last.to = from;
    history.push({ address, from });
  }
  return history;
}
