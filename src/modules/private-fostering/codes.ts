/**
 * The code lists of private fostering, in the words of the Children Act 1989 (ss.66–70), the
 * Children (Private Arrangements for Fostering) Regulations 2005 and the DfE's CIN census, where
 * those give words; the rest follow what the partnership's private fostering report records.
 */
import { assessmentFactorCodes } from '../../codes/statutory-codes.ts';

/**
 * Who told the council about the arrangement. Regulations 3 and 4 put the duty to notify on the
 * proposed or actual private foster carer, the parents and anyone else with parental
 * responsibility, and anyone involved in arranging it; professionals who learn of one (schools,
 * health) are asked to tell the council too.
 */
export const notifierCodes = {
  parent: 'A parent or someone else with parental responsibility',
  'private-foster-carer': 'The private foster carer (or proposed carer)',
  'arranging-person': 'Someone else involved in making the arrangement',
  school: 'A school or college',
  health: 'A health professional',
  'other-professional': 'Another professional or agency',
  other: 'Someone else',
} as const;

/** Whether the council was told before the arrangement began or after (statutory-data §5 rows 20 and 21). */
export const notificationTimingCodes = {
  proposed: 'Before the arrangement began (a proposed arrangement)',
  existing: 'After the arrangement began (an existing arrangement)',
} as const;

/**
 * Why the child is privately fostered: the CIN census factors identified at assessment 8B–8F,
 * so that the reasons the council counts are the ones it returns to the DfE.
 */
export const privateFosteringReasonCodes = {
  '8B': assessmentFactorCodes['8B'],
  '8C': assessmentFactorCodes['8C'],
  '8D': assessmentFactorCodes['8D'],
  '8E': assessmentFactorCodes['8E'],
  '8F': assessmentFactorCodes['8F'],
} as const;

/**
 * How the private foster carer knows the child. A close relative (grandparent, brother, sister,
 * uncle, aunt or step-parent: Children Act 1989 s105) is not a private foster carer.
 */
export const carerRelationshipCodes = {
  'family-friend': 'A friend of the family',
  'more-distant-relative': 'A relative who is not a close relative (for example a cousin or great-aunt)',
  'host-family': 'A host family (for example for a language school or a sports academy)',
  other: 'Someone else',
} as const;

export const parentRelationshipCodes = {
  mother: 'Mother',
  father: 'Father',
  'other-parental-responsibility': 'Someone else with parental responsibility',
} as const;

/** Why a notification turned out not to be private fostering (Children Act 1989 s66 and Schedule 8). */
export const notPrivateFosteringReasonCodes = {
  'close-relative': 'The carer is a close relative',
  'parental-responsibility': 'The carer has parental responsibility or is the child\'s guardian',
  'under-28-days': 'The child is to be cared for for less than 28 days',
  'child-over-age': 'The child is 16 or over (18 or over if disabled)',
  'looked-after': 'The child is looked after by a local authority',
  'did-not-go-ahead': 'The proposed arrangement did not go ahead',
  other: 'Another reason',
} as const;

/** What the assessment of the arrangement's suitability found (regulation 7 and Schedule 2). */
export const suitabilityOutcomeCodes = {
  suitable: 'Suitable',
  'suitable-with-requirements': 'Suitable, with requirements on the carer (Children Act 1989 Schedule 8 paragraph 6)',
  'not-suitable': 'Not suitable',
} as const;

/** The checks made on the carer and the adults of the household. */
export const carerCheckCodes = {
  'dbs-enhanced': 'Enhanced DBS check',
  'dbs-barred-list': 'DBS children\'s barred list check',
  'local-authority-records': 'Children\'s and adult social care records',
  police: 'Police information',
  health: 'Health (GP) information',
  references: 'Personal references',
  'home-safety': 'Health and safety of the home',
} as const;

export const carerCheckOutcomeCodes = {
  'no-concerns': 'Nothing of concern',
  'information-to-consider': 'Information to consider',
  concerns: 'Concerns about the carer or household',
} as const;

/** The panel's decision on the arrangement (in the partnership's words, approval at ACRP by the Assistant Director or Director). */
export const panelDecisionCodes = {
  approved: 'Approved',
  'approved-with-requirements': 'Approved, with requirements',
  'not-approved': 'Not approved',
} as const;

/** The outcome of the annual review of a long-term arrangement. */
export const reviewOutcomeCodes = {
  continues: 'The arrangement continues',
  'continues-with-requirements': 'The arrangement continues, with requirements',
  'should-end': 'The arrangement should end',
} as const;

export const arrangementEndReasonCodes = {
  'returned-to-parent': 'The child returned to a parent',
  'returned-overseas': 'The child returned to their home country',
  'moved-to-another-carer': 'The child moved to another carer',
  'reached-age-limit': 'The child reached 16 (18 if disabled)',
  'looked-after': 'The child became looked after',
  'order-made': 'The carer was given parental responsibility (a child arrangements or special guardianship order)',
  prohibited: 'The council prohibited the arrangement (Children Act 1989 s69)',
  'moved-away': 'The child moved to another council\'s area',
  other: 'Another reason',
} as const;
