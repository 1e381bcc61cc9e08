/**
 * The code lists of care planning, reviewing, visiting, health and education of children looked
 * after: the SSDA903 lists (REVIEW_CODE, SDQ_REASON) in DfE's words, and the rest in the words of
 * the Care Planning, Placement and Case Review (England) Regulations 2010 and the statutory
 * guidance on the health and education of looked-after children.
 */

/** 903 REVIEW_CODE: how the child took part in a looked-after review. */
export const reviewParticipationCodes = {
  PN0: 'Child aged under 4 at the time of the review',
  PN1: 'Child physically attends and speaks for themselves',
  PN2: 'Child physically attends, and an advocate speaks on their behalf',
  PN3: 'Child physically attends and conveys their views symbolically (non-verbally)',
  PN4: 'Child physically attends but does not speak for themselves, convey their views symbolically or ask an advocate to speak for them',
  PN5: 'Child does not attend physically but briefs an advocate to speak for them',
  PN6: 'Child does not attend but conveys their feelings to the review by another method (letter, text, questionnaire…)',
  PN7: 'Child does not attend nor are their views conveyed to the review',
} as const;
export type ReviewParticipation = keyof typeof reviewParticipationCodes;

/** The codes that count as the child having taken part (CLA-19): PN0 (under 4) is left out, PN7 did not. */
export const participatedCodes: readonly ReviewParticipation[] = ['PN1', 'PN2', 'PN3', 'PN4', 'PN5', 'PN6'];

/** 903 SDQ_REASON: why no strengths and difficulties questionnaire score was returned. */
export const sdqReasonCodes = {
  SDQ1: 'No form returned as child was aged under 4 or over 17 at date of latest assessment',
  SDQ2: 'Carer refused to complete and return the questionnaire',
  SDQ3: 'Not possible to complete the questionnaire due to severity of the child\'s disability',
  SDQ4: 'Other',
  SDQ5: 'Child or young person refuses to allow an SDQ to be completed',
} as const;

/** The permanence plan (CPPCR reg 5 and the statutory guidance's permanence options). */
export const permanencePlanCodes = {
  'return-home': 'Return to parents or family',
  'kinship-care': 'Living with relatives or friends (kinship care)',
  adoption: 'Adoption',
  'special-guardianship': 'Special guardianship order',
  'child-arrangements-order': 'Child arrangements order',
  'long-term-fostering': 'Long-term fostering',
  'residential-care': 'Long-term residential care',
  'supported-independence': 'Supported move to independence',
} as const;

/** Where the social worker saw the child on a visit (reg 28). */
export const visitLocationCodes = {
  placement: 'In the placement',
  school: 'At school or college',
  'family-time': 'During family time (contact)',
  community: 'Somewhere else in the community',
  office: 'At the council\'s office',
  other: 'Somewhere else',
} as const;

/** Who carried out a health assessment (CPPCR reg 7: the initial by a registered medical practitioner). */
export const healthAssessorCodes = {
  'medical-practitioner': 'A registered medical practitioner (doctor)',
  'nurse-or-midwife': 'A registered nurse or midwife',
  'health-visitor': 'A health visitor',
  other: 'Another health professional',
} as const;

/** The screening tools of children looked after's emotional health (the SDQ is scored on its own event). */
export const mentalHealthScreeningToolCodes = {
  sdq: 'Strengths and difficulties questionnaire (SDQ)',
  'cla-camhs-screen': 'CAMHS screening for children looked after',
  'trauma-screen': 'Trauma screening questionnaire',
  other: 'Another screening tool',
} as const;

export const mentalHealthScreeningOutcomeCodes = {
  'no-further-support': 'No further support needed',
  'further-support-needed': 'Further support needed',
} as const;

export const healthAssessmentKinds = ['initial', 'review'] as const;

/** The school term a PEP or attendance figure belongs to: see `termOf` in state.ts. */
export const schoolTermCodes = {
  autumn: 'Autumn term (September to December)',
  spring: 'Spring term (January to April)',
  summer: 'Summer term (May to August)',
} as const;
export type SchoolTerm = keyof typeof schoolTermCodes;

/**
 * The visit intervals a social worker may set for a child, shorter than the regulations' (6 weeks,
 * or 3 months when the placement is intended to last): weeks.
 */
export const visitIntervalWeeks = [1, 2, 3, 4, 5, 6, 8, 10, 12] as const;
