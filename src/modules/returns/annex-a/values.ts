/**
 * The record's codes as Annex A's coded columns take them: the canonical "a) …" values of Ofsted's
 * Annex A schema (the one the regional data pipelines standardise every council's workbook to), so
 * a workbook made here reads without any mapping. A code with no Annex A value gives null (a blank
 * cell), never a guess.
 */

/** Annex A's yes and no, as its schema writes them for every yes/no column. */
export const yesNo = (value: boolean): string => (value ? 'Yes' : 'No');

/** Gender from the record's sex (CIN census codes M, F, U). */
export function genderOf(sex: string | undefined): string | null {
  if (sex === 'M') return 'a) Male';
  if (sex === 'F') return 'b) Female';
  if (sex === 'U') return 'c) Not stated/recorded';
  return null;
}

/**
 * Ethnicity from the record's DfE code: Annex A's schema groups the eighteen codes into its six
 * canonical groups (WBRI, WIRI… all "a) White"; CHNE and OOTH "e) Other ethnic group").
 */
export function ethnicityOf(code: string | undefined): string | null {
  if (code === undefined) return null;
  if (code === 'REFU' || code === 'NOBT') return 'f) Not stated';
  if (code === 'CHNE' || code === 'OOTH') return 'e) Other ethnic group';
  const groups: Record<string, string> = { W: 'a) White', M: 'b) Mixed', A: 'c) Asian or Asian British', B: 'd) Black or black British' };
  return groups[code.charAt(0)] ?? null;
}

/** Whether the child has a disability: NONE is no, any other code yes; none recorded is unknown. */
export function disabilityOf(disabilities: readonly string[] | undefined): string {
  if (disabilities === undefined || disabilities.length === 0) return 'Unknown';
  return yesNo(disabilities.some((code) => code !== 'NONE'));
}

/** Contact and referral source from the CIN census referral source (1A–10). */
export function sourceOf(code: string): string | null {
  if (code.startsWith('1')) return code === '10' ? 'k) Unknown' : 'a) Individual';
  const sources: Record<string, string> = {
    '2A': 'b) Schools', '2B': 'c) Education services', '4': 'e) Housing', '6': 'g) Police', '7': 'h) Other legal agency',
    '8': 'i) Other', '9': 'j) Anonymous',
  };
  if (code.startsWith('3')) return 'd) Health services';
  if (code.startsWith('5')) return 'f) LA services';
  return sources[code] ?? null;
}

/** Primary need (list 6) and category of need (list 8) from N0–N9. */
export function needOf(code: string | undefined): string | null {
  const needs: Record<string, string> = {
    N0: 'j) Not stated', N1: 'a) Abuse or neglect', N2: "b) Child's disability", N3: 'c) Parents illness or disability',
    N4: 'd) Family in acute stress', N5: 'e) Family dysfunction', N6: 'f) Socially unacceptable behaviour', N7: 'g) Low income',
    N8: 'h) Absent parenting', N9: 'i) Not CIN',
  };
  return code === undefined ? null : needs[code] ?? null;
}

/**
 * Reason for closure from RC1–RC9. RC9 (closed after assessment, referred to early help) is, like
 * RC8, a child found not in need after assessment: Annex A has the one value for both.
 */
export function reasonForClosureOf(code: string | undefined): string | null {
  const reasons: Record<string, string> = {
    RC1: 'a) Adopted', RC2: 'b) Died', RC3: 'c) Residence Order', RC4: 'd) Special Guardianship Order', RC5: 'e) Transfer to another LA',
    RC6: 'f) Transfer to Adult Social Services', RC7: "g) 'Other' incl. Child no longer in need", RC8: 'h) Child not in need after assessment',
    RC9: 'h) Child not in need after assessment',
  };
  return code === undefined ? null : reasons[code] ?? null;
}

/** Category of abuse from NEG, PHY, SAB, EMO, MUL. */
export function categoryOfAbuseOf(code: string): string | null {
  const categories: Record<string, string> = {
    NEG: 'a) Neglect', PHY: 'b) Physical Abuse', SAB: 'c) Sexual Abuse', EMO: 'd) Emotional Abuse', MUL: 'e) Multiple',
  };
  return categories[code] ?? null;
}

/**
 * Legal status from the SSDA903 code. Police protection, emergency protection and child
 * assessment orders (L1–L3) are Annex A's "detained on child protection grounds"; J3 is among its
 * other youth justice statuses; short breaks (V3, V4) are accommodation under section 20.
 */
export function legalStatusOf(code: string): string | null {
  const statuses: Record<string, string> = {
    C1: 'a) Interim care orders', C2: 'b) Full care orders', D1: 'c) Freed for  Adoption', E1: 'd) Placement order granted',
    V2: 'e) Accommodated under S20', V3: 'e) Accommodated under S20', V4: 'e) Accommodated under S20',
    L1: 'f) Detained on child protection grounds in LA accommodation', L2: 'f) Detained on child protection grounds in LA accommodation',
    L3: 'f) Detained on child protection grounds in LA accommodation', J1: 'J1: Remanded to LA or youth detention',
    J2: 'J2: LA accommodation under PACE', J3: 'g) Youth justice legal Statuses',
  };
  return statuses[code] ?? null;
}

/**
 * The permanence plan from care planning's codes. Kinship care (living with relatives or friends
 * without an order named) has no Annex A value of its own: "g) Other".
 */
export function permanencePlanOf(code: string | undefined): string | null {
  const plans: Record<string, string> = {
    'return-home': 'a) Return to family', adoption: 'b) Adoption', 'special-guardianship': 'c) SGO/CAO', 'child-arrangements-order': 'c) SGO/CAO',
    'supported-independence': 'd) Supported living in the community', 'residential-care': 'e) Long-term residential placement',
    'long-term-fostering': 'f) Long-term fostering', 'kinship-care': 'g) Other',
  };
  return code === undefined ? null : plans[code] ?? null;
}

/** The reason a period of care ceased, from the SSDA903 reason episode ceased. */
export function reasonCeasedOf(code: string | undefined): string | null {
  if (code === undefined) return null;
  if (code === 'E11' || code === 'E12') return 'a) Adopted';
  if (code === 'E4A' || code === 'E4B') return 'd) Returned home to live with parents or relatives';
  if (['E45', 'E46', 'E47', 'E48'].includes(code)) return 'g) Special Guardianship Orders';
  if (code === 'E5' || code === 'E6') return 'h) Moved into independent living';
  const reasons: Record<string, string> = {
    E2: 'b) Died', E3: 'c) Care taken by another LA',
    E13: 'e) Left care to live with parents, relatives or other person with no parental responsibility', E41: 'f) Residence order granted',
    E7: 'i) Transferred to residential care funded by adult social services', E9: 'j) Sentenced to custody',
    E14: 'k) Accommodation on remand ended', E15: 'l) Age assessment determined child was 18 or over', E16: 'm) Child moved abroad',
    E17: 'n) Care ceased for any other reason', E8: 'n) Care ceased for any other reason',
  };
  return reasons[code] ?? null;
}

/**
 * Placement type from the SSDA903 placement. Supported accommodation (K3, for 16- and 17-year-olds)
 * is Annex A's "independent living", the nearest of its values.
 */
export function placementTypeOf(code: string): string | null {
  if (code.startsWith('U')) return 'a) Foster placement';
  if (code.startsWith('A')) return 'b) Placed for adoption';
  if (code.startsWith('T')) return 'o) Temporary placement';
  const types: Record<string, string> = {
    P1: 'c) Placed with parents', K3: 'd) Independent living', P3: 'e) Residential employment', K1: 'g) Secure Children’s Homes',
    K2: 'h) Children’s Homes', R1: 'i) Residential Care Home', R2: 'j) NHS/Health Trust', R3: 'k) Family Centre or Mother and Baby Unit',
    R5: 'l) Young Offender Institution', S1: 'm) Residential school', Z1: 'n) Other placements',
  };
  return types[code] ?? null;
}

/** Placement provider: the council's own, private, or any other (parents, other councils, public or voluntary). */
export function placementProviderOf(code: string | undefined): string | null {
  if (code === undefined) return null;
  if (code === 'PR1') return 'a) Own LA';
  if (code === 'PR4') return 'b) Private';
  return 'c) Other';
}

/** Placement location: inside or outside the council's area, when the postcode said. */
export function placementLocationOf(insideCouncil: boolean | undefined): string | null {
  if (insideCouncil === undefined) return null;
  return insideCouncil ? 'a) In' : 'b) Out';
}

/** Eligibility category from the Children (Leaving Care) Act categories. */
export function eligibilityOf(category: string): string | null {
  const categories: Record<string, string> = {
    relevant: 'a) Relevant', 'former-relevant': 'b) Former relevant', qualifying: 'c) Qualifying', eligible: 'd) Eligible',
  };
  return categories[category] ?? null;
}

/**
 * Whether the council is in touch, from the SSDA903 OC3 code of the latest birthday contact. Those
 * who died, no longer need services or went home for six months or more are Annex A's "exclude".
 */
export function inTouchOf(code: string | undefined): string {
  if (code === undefined) return 'c) Not recorded';
  if (code === 'YES') return 'a) In touch';
  if (code === 'NO' || code === 'REFU') return 'b) Not in touch';
  return 'd) Exclude';
}

/** Type of accommodation from the SSDA903 OC3 letter. */
export function accommodationOf(code: string | undefined): string | null {
  const accommodations: Record<string, string> = {
    B: 'a) With parents or relatives', C: 'b) Community home', D: 'c) Semi-independent transitional accommodation', E: 'd) Supported lodgings',
    G: 'e) Gone abroad', H: 'f) Deported', K: 'g) Ordinary lodgings', R: 'h) Residence not known', S: 'i) No fixed abode / homeless',
    T: 'j) Foyers', U: 'k) Independent living', V: 'l) Emergency accommodation', W: 'm) Bed and breakfast', X: 'n) In custody',
    Y: 'p) Other accommodation', Z: 'o) With Former Foster Carer',
  };
  return code === undefined ? null : accommodations[code.charAt(0)] ?? null;
}

export const suitabilityOf = (suitable: boolean | undefined): string | null =>
  suitable === undefined ? null : suitable ? 'a) Suitable' : 'b) Not suitable';

/** Activity status from the SSDA903 OC3 activity code. */
export function activityOf(code: string | undefined): string | null {
  const activities: Record<string, string> = {
    F1: 'F1: Full time in higher education', P1: 'P1: Part time in higher education', F2: 'F2: Full time in education other than higher',
    P2: 'P2: Part time in education other than higher', F3: 'F3: Full time in training or employment', P3: 'P3: Part time in training or employment',
    F4: 'F4: Young person engaged full time in an apprenticeship', P4: 'P4: Young person engaged part time in an apprenticeship',
    F5: 'F5: Young person engaged full time in training or employment (not apprenticeship)',
    P5: 'P5: Young person engaged part time in training or employment (not apprenticeship)',
    G4: 'G4: Not in education, employment or training - illness or disability', G5: 'G5: Not in education, employment or training - other',
    G6: 'G6: Not in education, employment or training - pregnancy or parenting',
  };
  return code === undefined ? null : activities[code] ?? null;
}

/** Why the child should no longer be placed for adoption, from RD1–RD4. */
export function reasonNoLongerPlacedOf(code: string | undefined): string | null {
  const reasons: Record<string, string> = {
    RD1: 'a) Child’s needs changed', RD2: 'b) Court did not make a PO', RD3: 'c) Prospective adopters cannot be found', RD4: 'd) Any other reason',
  };
  return code === undefined ? null : reasons[code] ?? null;
}
