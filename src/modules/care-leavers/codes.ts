/**
 * The code lists of support for care leavers: the eligibility categories of the Children (Leaving
 * Care) Act 2000, and the SSDA903 OC3 codes (statutory-data §2.2) a birthday contact records, so
 * that the OC3 file of a later return is the record. The codes are the DfE's; the words are plain
 * English for the forms.
 */

/**
 * Which duties the council owes the young person (Children Act 1989 s23A–s24B, Sch 2 para 19B;
 * Care Leavers (England) Regulations 2010).
 */
export const eligibilityCategoryCodes = {
  eligible: 'Eligible: looked after, aged 16 or 17, for 13 weeks or more since 14',
  relevant: 'Relevant: aged 16 or 17, left care after being eligible',
  'former-relevant': 'Former relevant: aged 18 to 25, was eligible or relevant',
  qualifying: 'Qualifying: looked after at 16 or over, for less than 13 weeks since 14',
} as const;
export type EligibilityCategory = keyof typeof eligibilityCategoryCodes;

/** Whether the council was in touch with the young person around the birthday (903 OC3 IN_TOUCH). */
export const inTouchCodes = {
  YES: 'In touch',
  NO: 'Not in touch',
  DIED: 'Died after leaving care',
  REFU: 'The young person refuses contact',
  NREQ: 'No longer requires services',
  RHOM: 'Returned to parents or a person with parental responsibility for 6 months or more',
} as const;
export type InTouch = keyof typeof inTouchCodes;

/** The young person's main activity around the birthday (903 OC3 ACTIV, the 2019 list: F3/P3 replaced by F4/F5 and P4/P5). */
export const activityCodes = {
  F1: 'Higher education, full time',
  P1: 'Higher education, part time',
  F2: 'Other education, full time',
  P2: 'Other education, part time',
  F4: 'Apprenticeship, full time',
  P4: 'Apprenticeship, part time',
  F5: 'Training or employment, not an apprenticeship, full time',
  P5: 'Training or employment, not an apprenticeship, part time',
  G4: 'Not in education, employment or training: illness or disability',
  G5: 'Not in education, employment or training: other reasons',
  G6: 'Not in education, employment or training: pregnancy or parenting',
} as const;
export type Activity = keyof typeof activityCodes;

/** In education, employment or training (CL-05): the full- and part-time codes. */
export const inEducationEmploymentOrTraining = (activity: string | undefined): boolean => activity !== undefined && /^[FP]/.test(activity);

/** The type of accommodation (903 OC3 ACCOM, its letter; the digit is whether it is suitable). */
export const accommodationCodes = {
  B: 'With parents or relatives',
  C: 'Community home, residential care or NHS establishment',
  D: 'Semi-independent, transitional accommodation',
  E: 'Supported lodgings',
  G: 'Gone abroad',
  H: 'Deported',
  K: 'Ordinary lodgings, without formal support',
  R: 'Residence not known',
  S: 'No fixed abode or homeless',
  T: 'Foyer or similar',
  U: 'Independent living, such as a flat or tenancy',
  V: 'Emergency accommodation',
  W: 'Bed and breakfast',
  X: 'In custody',
  Y: 'Other accommodation',
  Z: 'With former foster carers',
} as const;
export type Accommodation = keyof typeof accommodationCodes;

/** The 903 ACCOM code: the letter, then 1 for suitable, 2 for not suitable. */
export const oc3AccommodationCode = (accommodation: Accommodation, suitable: boolean): string => `${accommodation}${suitable ? 1 : 2}`;

/** How the personal adviser was in contact. */
export const contactMethodCodes = {
  'face-to-face': 'Face to face',
  'video-call': 'Video call',
  phone: 'Phone call',
  message: 'Text, email or other message',
} as const;

/** How the young person took part in their pathway plan review (the participation CL-03 counts). */
export const participationCodes = {
  attended: 'Attended and spoke for themselves',
  'attended-advocate': 'Attended, with an advocate speaking for them',
  'views-given': 'Did not attend, but gave their views',
  'did-not-participate': 'Did not take part',
} as const;
export type Participation = keyof typeof participationCodes;

/** Took part in the review (CL-03): every participation code but the last. */
export const participated = (participation: string): boolean => participation !== 'did-not-participate';

/** A quality grade of the pathway plan, when one was given (an audit or a manager's judgement). */
export const qualityGradeCodes = {
  outstanding: 'Outstanding',
  good: 'Good',
  'requires-improvement': 'Requires improvement',
  inadequate: 'Inadequate',
} as const;

/** How a tenancy began (CL-06 counts every one). */
export const tenancyKindCodes = {
  'social-housing': 'Social housing tenancy',
  'house-project': 'House Project tenancy',
  'private-rented': 'Private rented tenancy',
  other: 'Another kind of tenancy',
} as const;

/** What came of a Lifelong Links referral (Family Rights Group's programme for finding and keeping relationships). */
export const lifelongLinksOutcomeCodes = {
  'links-made': 'Links with family or others were made',
  'no-links-found': 'No links were found',
  declined: 'The young person declined',
  ongoing: 'Still going on',
} as const;

/** Why the council's leaving care support ended. */
export const supportEndedReasonCodes = {
  'no-longer-requires': 'No longer requires services',
  'aged-25': 'Reached 25',
  'aged-21': 'Reached 21 and not in education or training',
  'moved-away': 'Moved away: support taken over by another council or abroad',
  died: 'Died',
} as const;
export type SupportEndedReason = keyof typeof supportEndedReasonCodes;
