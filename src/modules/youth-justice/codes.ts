/**
 * The code lists of youth justice: how an offence was dealt with, the court orders a youth court
 * makes, the kinds of remand, and why the youth justice service's involvement with a child ends.
 * The words are plain English for the forms; the codes are kebab-case and stable (projections and
 * figures group by them).
 */

/**
 * How an offence was dealt with. Since the Legal Aid, Sentencing and Punishment of Offenders Act
 * 2012 (LASPO, from 8 April 2013) youth cautions and youth conditional cautions replaced final
 * warnings and reprimands; the older outcomes are kept because a record may reach back before then
 * and the SSDA903 OC2 CONVICTED flag still names them.
 */
export const offenceOutcomeCodes = {
  conviction: 'Convicted at court',
  'final-warning': 'Final warning (before April 2013)',
  reprimand: 'Reprimand (before April 2013)',
  'youth-caution': 'Youth caution',
  'youth-conditional-caution': 'Youth conditional caution',
  'community-resolution': 'Community resolution (out-of-court disposal)',
} as const;
export type OffenceOutcome = keyof typeof offenceOutcomeCodes;

/**
 * The outcomes SSDA903 OC2 counts as CONVICTED ("convicted, or subject to a final warning or
 * reprimand, during the year"; youth cautions and youth conditional cautions took their place in
 * 2013). A community resolution is not a formal outcome: it is not counted.
 */
export const convictedForOc2: readonly OffenceOutcome[] = ['conviction', 'final-warning', 'reprimand', 'youth-caution', 'youth-conditional-caution'];

/**
 * The outcomes that make a child a first-time entrant to the youth justice system (YJB and MoJ
 * definition: a first youth caution, youth conditional caution or conviction; community
 * resolutions are not counted). Final warnings and reprimands counted before 2013.
 */
export const formalOutcomes: readonly OffenceOutcome[] = convictedForOc2;

/** The sentence a court passed on conviction (the order it made, or another disposal). */
export const sentenceCodes = {
  'referral-order': 'Referral order',
  'youth-rehabilitation-order': 'Youth rehabilitation order',
  'detention-and-training-order': 'Detention and training order',
  'long-term-detention': 'Detention for a grave crime (Sentencing Act 2020 s250)',
  'conditional-discharge': 'Conditional discharge',
  'absolute-discharge': 'Absolute discharge',
  fine: 'Fine',
  'reparation-order': 'Reparation order',
  other: 'Another sentence',
} as const;
export type Sentence = keyof typeof sentenceCodes;

/** The court orders the youth justice service supervises, each with a start and an end. */
export const courtOrderCodes = {
  'referral-order': 'Referral order',
  'youth-rehabilitation-order': 'Youth rehabilitation order',
  'youth-rehabilitation-order-with-residence': 'Youth rehabilitation order with a local authority residence requirement',
  'youth-rehabilitation-order-with-intensive-fostering': 'Youth rehabilitation order with an intensive fostering requirement',
  'detention-and-training-order': 'Detention and training order',
} as const;
export type CourtOrder = keyof typeof courtOrderCodes;

/** The orders that make a child looked after (SSDA903 legal status J3): the looked-after module records that. */
export const ordersMakingLookedAfter: readonly CourtOrder[] = ['youth-rehabilitation-order-with-residence', 'youth-rehabilitation-order-with-intensive-fostering'];

/** How a court order ended. */
export const orderEndReasonCodes = {
  completed: 'Completed',
  'revoked-breach': 'Revoked after a breach',
  'revoked-good-progress': 'Revoked early for good progress',
  'revoked-resentenced': 'Revoked: resentenced for another offence',
  other: 'Another reason',
} as const;

/**
 * Where the court remanded the child (LASPO 2012 ss.91–102). Either makes the child looked after
 * (s104; SSDA903 legal status J1): the looked-after module records the child's care.
 */
export const remandTypeCodes = {
  'local-authority-accommodation': 'Remanded to local authority accommodation',
  'youth-detention-accommodation': 'Remanded to youth detention accommodation',
} as const;
export type RemandType = keyof typeof remandTypeCodes;

/** How a remand ended. */
export const remandEndReasonCodes = {
  'bail-granted': 'Released on bail',
  sentenced: 'Sentenced',
  acquitted: 'Acquitted, or the case was dropped',
  'remand-type-changed': 'Remanded elsewhere (a new remand follows)',
  other: 'Another reason',
} as const;

/** Why the youth justice service's involvement with the child ended. */
export const involvementEndReasonCodes = {
  'order-completed': 'The order or intervention was completed',
  'no-further-action': 'No further action by the youth justice service',
  'turned-18': 'Turned 18: transferred to the probation service',
  'moved-away': 'Moved to another area',
  other: 'Another reason',
} as const;

/** Why the youth justice service first became involved. */
export const involvementReasonCodes = {
  'out-of-court-disposal': 'Out-of-court disposal or prevention',
  'court-order': 'A court order',
  remand: 'A remand',
  bail: 'Bail supervision',
  other: 'Another reason',
} as const;

/** Who took part in a joint supervision or planning meeting, by role. */
export const attendeeRoleCodes = {
  'social-worker': 'Social worker',
  'youth-justice-worker': 'Youth justice worker',
  'social-work-manager': 'Social work team manager',
  'youth-justice-manager': 'Youth justice service manager',
  iro: 'Independent reviewing officer',
  'personal-adviser': 'Personal adviser',
  'virtual-school': 'Virtual school',
  health: 'Health',
  police: 'Police',
  other: 'Other',
} as const;
export type AttendeeRole = keyof typeof attendeeRoleCodes;

/** A joint supervision between the two services' workers, or a planning meeting about the child. */
export const jointMeetingKindCodes = {
  'joint-supervision': 'Joint supervision',
  'joint-planning-meeting': 'Joint planning meeting',
} as const;
