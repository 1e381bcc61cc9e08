/**
 * The code lists of children looked after, as the DfE's SSDA903 return defines them
 * (statutory-data §2.2): legal status, reason for a new episode, placement type and provider,
 * reason an episode ceased and reason a placement changed. The codes are the DfE's own so that the
 * return is the record; the words are plain English for the forms.
 */
import { primaryNeedCodes } from '../../codes/statutory-codes.ts';

/** The legal basis on which the child is looked after (903 LS). */
export const legalStatusCodes = {
  C1: 'Interim care order',
  C2: 'Full care order',
  D1: 'Freeing order granted',
  E1: 'Placement order granted',
  V2: 'Accommodated under section 20 (a single period)',
  V3: 'Short breaks: an agreed series, each break recorded',
  V4: 'Short breaks: an agreed series, the agreement recorded',
  L1: 'Police protection and in council accommodation',
  L2: 'Emergency protection order',
  L3: 'Child assessment order and in council accommodation',
  J1: 'Remanded to council or youth detention accommodation',
  J2: 'Placed in council accommodation under PACE',
  J3: 'Youth rehabilitation order with a residence or intensive fostering requirement',
} as const;
export type LegalStatus = keyof typeof legalStatusCodes;

/** Short breaks (CPPCR reg 48): counted by the DfE apart from other care. */
export const shortBreakLegalStatuses: readonly LegalStatus[] = ['V3', 'V4'];
/** Remands and other youth justice legal statuses (CLA-24 counts J1). */
export const youthJusticeLegalStatuses: readonly LegalStatus[] = ['J1', 'J2', 'J3'];

/** Why a new episode began (903 RNE): S at the start of care, otherwise what changed. */
export const reasonForNewEpisodeCodes = {
  S: 'Started to be looked after',
  L: 'Change of legal status only',
  P: 'Change of placement and carer',
  T: 'Change of placement, same carer',
  B: 'Change of legal status and of placement and carer',
  U: 'Change of legal status and of placement, same carer',
} as const;
export type ReasonForNewEpisode = keyof typeof reasonForNewEpisodeCodes;

/** The category of need the child is looked after under (903 CIN): the CIN census's primary need codes N1–N8. */
const { N0: _notStated, N9: _notInNeed, ...needCodes } = primaryNeedCodes;
export const categoryOfNeedCodes = needCodes;

/** Where the child is placed (903 PLACE, the 2025-26 list with the codes earlier years used). */
export const placementTypeCodes = {
  A3: 'Placed for adoption with consent, with their current foster carer',
  A4: 'Placed for adoption with consent, not with their current foster carer',
  A5: 'Placed for adoption with a placement order, with their current foster carer',
  A6: 'Placed for adoption with a placement order, not with their current foster carer',
  K1: 'Secure children\'s home',
  K2: 'Children\'s home',
  K3: 'Supported accommodation registered with Ofsted',
  P1: 'With their own parents or another person with parental responsibility',
  P3: 'Residential employment',
  R1: 'Residential care home',
  R2: 'NHS or other establishment giving medical or nursing care',
  R3: 'Family centre or mother and baby unit',
  R5: 'Young offender institution',
  S1: 'Residential school',
  T0: 'A temporary move of any kind',
  T1: 'A temporary period in hospital',
  T2: 'A temporary absence on holiday',
  T3: 'Temporary accommodation while their foster carer is on holiday',
  T4: 'Temporary accommodation of 7 days or less, for another reason',
  U1: 'Foster placement with a relative or friend: long-term fostering',
  U2: 'Foster placement with a relative or friend who is also an approved adopter (fostering for adoption or concurrent planning)',
  U3: 'Foster placement with a relative or friend: not long-term and not for adoption',
  U4: 'Foster placement with another foster carer: long-term fostering',
  U5: 'Foster placement with another foster carer who is also an approved adopter (fostering for adoption or concurrent planning)',
  U6: 'Foster placement with another foster carer: not long-term and not for adoption',
  Z1: 'Another kind of placement',
} as const;
export type PlacementType = keyof typeof placementTypeCodes;

/** Placed for adoption (A3–A6): the adoption module's matching and placement are recorded against these. */
export const placedForAdoptionTypes: readonly PlacementType[] = ['A3', 'A4', 'A5', 'A6'];
/** Temporary moves (T0–T4): DfE's placement counting leaves them out (CLA-04). */
export const temporaryPlacementTypes: readonly PlacementType[] = ['T0', 'T1', 'T2', 'T3', 'T4'];
/** Foster placements (U1–U6): staying put (CLA-09) is for young people in foster care at 18. */
export const fosterPlacementTypes: readonly PlacementType[] = ['U1', 'U2', 'U3', 'U4', 'U5', 'U6'];

/** Who provides the placement (903 PLACE_PROVIDER); not given for temporary moves (rule 213). */
export const placementProviderCodes = {
  PR0: 'Parents or another person with parental responsibility',
  PR1: 'The council\'s own provision',
  PR2: 'Another council\'s provision',
  PR3: 'Other public provision',
  PR4: 'Private provision',
  PR5: 'Voluntary or third sector provision',
} as const;
export type PlacementProvider = keyof typeof placementProviderCodes;

/** Why an episode ended (903 REC). X1: a new episode began the same day; the rest end the period of care. */
export const reasonEpisodeCeasedCodes = {
  X1: 'Episode ended and a new one began the same day',
  E11: 'Adopted: the application was unopposed',
  E12: 'Adopted: consent was dispensed with by the court',
  E2: 'Died',
  E3: 'Care taken over by another council in the UK',
  E4A: 'Returned home to parents, relatives or a person with parental responsibility, as part of the care plan',
  E4B: 'Returned home to parents, relatives or a person with parental responsibility, not as part of the care plan',
  E13: 'Left care to live with parents, relatives or others with no parental responsibility',
  E41: 'A child arrangements order (residence) was granted',
  E45: 'Special guardianship order to former foster carers who are relatives or friends',
  E46: 'Special guardianship order to former foster carers who are not relatives or friends',
  E47: 'Special guardianship order to carers other than former foster carers, who are relatives or friends',
  E48: 'Special guardianship order to carers other than former foster carers, who are not relatives or friends',
  E5: 'Moved to independent living with formal advice and support',
  E6: 'Moved to independent living without formal support',
  E7: 'Transferred to residential care funded by adult social care',
  E9: 'Sentenced to custody',
  E14: 'Accommodation on remand ended',
  E15: 'An age assessment found the young person to be 18 or over',
  E16: 'Moved abroad',
  E17: 'Aged 18 or over and stayed with their carers (including staying put)',
  E8: 'Ceased for another reason',
} as const;
export type ReasonEpisodeCeased = keyof typeof reasonEpisodeCeasedCodes;

/** The reasons that end a period of care by adoption (CLA-11). */
export const adoptedReasons: readonly ReasonEpisodeCeased[] = ['E11', 'E12'];
/** The reasons that end a period of care by a special guardianship order (CLA-11). */
export const specialGuardianshipReasons: readonly ReasonEpisodeCeased[] = ['E45', 'E46', 'E47', 'E48'];

/** Why the child's placement changed (903 REASON_PLACE_CHANGE). */
export const reasonPlacementChangedCodes = {
  CARPL: 'To carry out the care plan',
  CLOSE: 'The provision closed or the carer resigned',
  ALLEG: 'An allegation (section 47 enquiry)',
  STAND: 'Concerns about the standard of care',
  APPRR: 'The carer\'s approval was removed',
  CREQB: 'The carer asked for it to end because of the child\'s behaviour',
  CREQO: 'The carer asked for it to end for another reason',
  CHILD: 'The child asked for it to end',
  LAREQ: 'The responsible or area council asked for it to end',
  PLACE: 'Only the status of the placement changed',
  CUSTOD: 'A custody arrangement',
  OTHER: 'Another reason',
} as const;
export type ReasonPlacementChanged = keyof typeof reasonPlacementChangedCodes;
