/**
 * The code lists of adoption and permanence, in the words of the SSDA903 return (statutory-data
 * §2.2: AD1, PlacedAdoption, PrevPerm) and of the Adoption and Children Act 2002.
 */
import type { ReasonEpisodeCeased } from '../looked-after/index.ts';

/** The sex of the adopter or adopters (903 AD1 SEX_ADOPTR). */
export const adoptersSexCodes = {
  M1: 'One male adopter',
  F1: 'One female adopter',
  MM: 'Two male adopters',
  FF: 'Two female adopters',
  MF: 'A male and a female adopter',
} as const;
export type AdoptersSex = keyof typeof adoptersSexCodes;

/** The legal status of the adopter or adopters (903 AD1 LS_ADOPTR). */
export const adoptersLegalStatusCodes = {
  L0: 'A single adopter',
  L11: 'A different-gender married couple',
  L12: 'A same-gender married couple',
  L2: 'Civil partners',
  L3: 'A different-gender couple, not married',
  L4: 'A same-gender couple, not married or civil partners',
} as const;
export type AdoptersLegalStatus = keyof typeof adoptersLegalStatusCodes;

/** Why the decision that the child should be placed for adoption was reversed (903 PlacedAdoption REASON_PLACED_CEASED). */
export const reasonPlacedCeasedCodes = {
  RD1: 'The child\'s needs changed',
  RD2: 'The court did not make a placement order',
  RD3: 'Prospective adopters could not be found',
  RD4: 'Another reason',
} as const;
export type ReasonPlacedCeased = keyof typeof reasonPlacedCeasedCodes;

/** The order that ended the child's previous period of permanence, if any (903 PrevPerm PREV_PERM). */
export const previousPermanenceCodes = {
  P1: 'Adopted',
  P2: 'A special guardianship order',
  P3: 'A residence order or child arrangements order',
  P4: 'A previous permanence order, but which is not known',
  Z1: 'No previous permanence order',
} as const;
export type PreviousPermanence = keyof typeof previousPermanenceCodes;

/** How the child came to be placed for adoption (Adoption and Children Act 2002 s19 and s21; 903 A3–A6). */
export const adoptionPlacementCodes = {
  A3: 'With consent, with their current foster carers',
  A4: 'With consent, not with their current foster carers',
  A5: 'Under a placement order, with their current foster carers',
  A6: 'Under a placement order, not with their current foster carers',
} as const;
export type AdoptionPlacement = keyof typeof adoptionPlacementCodes;

/** The orders other than adoption that give a child permanence and end their care (Children Act 1989 s8 and s14A). */
export const permanenceOrderCodes = {
  'special-guardianship': 'Special guardianship order',
  'child-arrangements': 'Child arrangements order (with whom the child lives)',
} as const;
export type PermanenceOrder = keyof typeof permanenceOrderCodes;

/**
 * The 903 reason a period of care ceased that an order matches: E41 for a child arrangements order,
 * E45–E48 for a special guardianship order, by whether the guardians are relatives or friends and
 * whether they were the child's foster carers.
 */
export function reasonCeasedFor(order: PermanenceOrder, carers: { relativeOrFriend: boolean; formerFosterCarers: boolean }): ReasonEpisodeCeased {
  if (order === 'child-arrangements') return 'E41';
  if (carers.formerFosterCarers) return carers.relativeOrFriend ? 'E45' : 'E46';
  return carers.relativeOrFriend ? 'E47' : 'E48';
}

/** How many adopters the sex code describes (903 AD1 NB_ADOPTR: 1 or 2). */
export const numberOfAdoptersOf = (sex: AdoptersSex): 1 | 2 => (sex === 'M1' || sex === 'F1' ? 1 : 2);

/**
 * The legal statuses that go with each sex code: a single adopter is L0; a couple of the same gender
 * is married (L12), in a civil partnership (L2) or neither (L4); a couple of different genders is
 * married (L11), in a civil partnership (L2, since 2019) or neither (L3).
 */
export const legalStatusesFor: Readonly<Record<AdoptersSex, readonly AdoptersLegalStatus[]>> = {
  M1: ['L0'], F1: ['L0'], MM: ['L12', 'L2', 'L4'], FF: ['L12', 'L2', 'L4'], MF: ['L11', 'L2', 'L3'],
};
