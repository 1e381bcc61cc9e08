// DfE code lists used by the CIN census and SSDA903 (see the statutory data specification).
// Each list keeps the DfE code as the key so returns can be written without translation.

export const ethnicityCodes = {
  WBRI: 'White British',
  WIRI: 'White Irish',
  WIRT: 'Traveller of Irish heritage',
  WOTH: 'Any other White background',
  WROM: 'Gypsy/Roma',
  MWBC: 'White and Black Caribbean',
  MWBA: 'White and Black African',
  MWAS: 'White and Asian',
  MOTH: 'Any other mixed background',
  AIND: 'Indian',
  APKN: 'Pakistani',
  ABAN: 'Bangladeshi',
  AOTH: 'Any other Asian background',
  BCRB: 'Caribbean',
  BAFR: 'African',
  BOTH: 'Any other Black background',
  CHNE: 'Chinese',
  OOTH: 'Any other ethnic group',
  REFU: 'Refused',
  NOBT: 'Information not yet obtained',
} as const;

export const disabilityCodes = {
  NONE: 'No disability',
  MOB: 'Mobility',
  HAND: 'Hand function',
  PC: 'Personal care',
  INC: 'Incontinence',
  COMM: 'Communication',
  LD: 'Learning',
  HEAR: 'Hearing',
  VIS: 'Vision',
  BEH: 'Behaviour',
  CON: 'Consciousness',
  AUT: "Autism or Asperger's",
  DDA: 'Other DDA disability',
} as const;

export const sexCodes = { M: 'Male', F: 'Female', U: 'Not known or not recorded' } as const;

export const upnUnknownCodes = {
  UN1: 'Not of school age, no UPN yet',
  UN2: 'Never attended a maintained school in England',
  UN3: 'Educated outside England',
  UN4: 'New to the LA, UPN not yet known',
  UN5: 'Sources conflict',
  UN6: 'Other reason (CIN)',
  UN7: 'Other reason (CIN)',
} as const;

export const referralSourceCodes = {
  '1A': 'Individual – family member, relative or carer',
  '1B': 'Individual – acquaintance',
  '1C': 'Individual – self',
  '1D': 'Individual – other',
  '2A': 'Schools',
  '2B': 'Education services',
  '3A': 'Health – GP',
  '3B': 'Health – health visitor',
  '3C': 'Health – school nurse',
  '3D': 'Health – other primary health services',
  '3E': 'Health – A&E',
  '3F': 'Health – other',
  '4': 'Housing',
  '5A': 'LA services – social care',
  '5B': 'LA services – other internal',
  '5C': 'LA services – external',
  '5D': 'LA services – early help',
  '6': 'Police',
  '7': 'Other legal agency',
  '8': 'Other',
  '9': 'Anonymous',
  '10': 'Unknown',
} as const;

/**
 * The partner agency behind a DfE referral source (CIN census): 2A–2B schools and education
 * services, 3A–3F health, 6 police. Other sources have no partner role in Safeguard to share with.
 */
export function agencyOfReferralSource(source: string): string | undefined {
  if (source === '6') return 'police';
  if (source.startsWith('3')) return 'health';
  if (source.startsWith('2')) return 'education';
  return undefined;
}

export const primaryNeedCodes = {
  N0: 'Not stated',
  N1: 'Abuse, neglect and exploitation',
  N2: "Child's disability",
  N3: 'Parental disability or illness',
  N4: 'Family in acute stress',
  N5: 'Family dysfunction',
  N6: 'Socially unacceptable behaviour',
  N7: 'Low income',
  N8: 'Absent parenting',
  N9: 'Cases other than children in need',
} as const;

export const reasonForClosureCodes = {
  RC1: 'Adopted',
  RC2: 'Died',
  RC3: 'Child arrangements order',
  RC4: 'Special guardianship order',
  RC5: 'Transferred to another LA',
  RC6: 'Transferred to adult social care',
  RC7: 'Services ceased for any other reason, including no longer in need',
  RC8: 'Case closed after assessment, no further action',
  RC9: 'Case closed after assessment, referred to early help',
} as const;

export const categoryOfAbuseCodes = {
  NEG: 'Neglect',
  PHY: 'Physical abuse',
  SAB: 'Sexual abuse',
  EMO: 'Emotional abuse',
  MUL: 'Multiple',
} as const;

export const assessmentFactorCodes = {
  '1A': 'Alcohol misuse – child',
  '1B': 'Alcohol misuse – parent or carer',
  '1C': 'Alcohol misuse – other person in the household',
  '2A': 'Drug misuse – child',
  '2B': 'Drug misuse – parent or carer',
  '2C': 'Drug misuse – other person in the household',
  '3A': 'Domestic abuse – child subject',
  '3B': 'Domestic abuse – parent or carer subject',
  '3C': 'Domestic abuse – other person in the household subject',
  '4A': 'Mental health – child',
  '4B': 'Mental health – parent or carer',
  '4C': 'Mental health – other person in the household',
  '5A': 'Learning disability – child',
  '5B': 'Learning disability – parent or carer',
  '5C': 'Learning disability – other person in the household',
  '6A': 'Physical disability or illness – child',
  '6B': 'Physical disability or illness – parent or carer',
  '6C': 'Physical disability or illness – other person in the household',
  '7A': 'Young carer',
  '8B': 'Privately fostered – overseas child intending to return',
  '8C': 'Privately fostered – overseas child intending to stay',
  '8D': 'Privately fostered – UK child in an educational placement',
  '8E': 'Privately fostered – UK child in an alternative family arrangement',
  '8F': 'Privately fostered – other',
  '9A': 'Unaccompanied asylum-seeking child',
  '10A': 'Going or being missing',
  '11A': 'Child sexual exploitation',
  '12A': 'Trafficking',
  '13A': 'Gangs',
  '14A': 'Socially unacceptable behaviour',
  '15A': 'Self-harm',
  '16A': 'Abuse or neglect – neglect',
  '17A': 'Abuse or neglect – emotional abuse',
  '18A': 'Abuse or neglect – physical abuse (before 2024-25)',
  '18B': 'Abuse or neglect – physical abuse, child on child',
  '18C': 'Abuse or neglect – physical abuse, adult on child',
  '19A': 'Abuse or neglect – sexual abuse (before 2024-25)',
  '19B': 'Abuse or neglect – sexual abuse, child on child',
  '19C': 'Abuse or neglect – sexual abuse, adult on child',
  '20': 'Other',
  '21': 'No factors identified',
  '22A': 'Female genital mutilation',
  '23A': 'Abuse linked to faith or belief',
  '24A': 'Child criminal exploitation',
} as const;

/**
 * The LA's finer contact sources. Each maps to the DfE referral source it is returned as, so a
 * council can report "Education Welfare Service" locally while the census still says 2B.
 */
export const localContactSources = {
  'police': { label: 'Police', referralSource: '6' },
  'school': { label: 'School', referralSource: '2A' },
  'education-welfare-service': { label: 'Education Welfare Service', referralSource: '2B' },
  'other-education': { label: 'Other education services', referralSource: '2B' },
  'family-member': { label: 'Family member, relative or carer', referralSource: '1A' },
  'acquaintance': { label: 'Acquaintance or neighbour', referralSource: '1B' },
  'self': { label: 'The child or young person', referralSource: '1C' },
  'member-of-public': { label: 'Other individual', referralSource: '1D' },
  'gp': { label: 'GP', referralSource: '3A' },
  'health-visitor': { label: 'Health visitor', referralSource: '3B' },
  'school-nurse': { label: 'School nurse', referralSource: '3C' },
  'primary-health': { label: 'Other primary health services', referralSource: '3D' },
  'emergency-department': { label: 'A&E', referralSource: '3E' },
  'mental-health-service': { label: 'Mental health services (CAMHS, adult mental health)', referralSource: '3F' },
  'midwifery': { label: 'Midwifery and maternity', referralSource: '3F' },
  'other-health': { label: 'Other health services', referralSource: '3F' },
  'housing': { label: 'Housing', referralSource: '4' },
  'adult-social-care': { label: 'Adult social care', referralSource: '5A' },
  'other-la-internal': { label: 'Other LA service', referralSource: '5B' },
  'other-local-authority': { label: "Another LA's services", referralSource: '5C' },
  'early-help': { label: 'Early help', referralSource: '5D' },
  'probation': { label: 'Probation', referralSource: '7' },
  'courts-cafcass': { label: 'Courts or Cafcass', referralSource: '7' },
  'immigration': { label: 'Immigration services', referralSource: '7' },
  'voluntary-sector': { label: 'Voluntary or community organisation', referralSource: '8' },
  'childrens-centre': { label: "Children's centre", referralSource: '8' },
  'anonymous': { label: 'Anonymous', referralSource: '9' },
  'unknown': { label: 'Unknown', referralSource: '10' },
} as const satisfies Record<string, { label: string; referralSource: keyof typeof referralSourceCodes }>;

/** Reasons for a contact as the front door records them (the annual report's contact reasons). */
export const contactReasonCodes = {
  'information-request': 'Information request from another agency',
  'domestic-abuse': 'Domestic abuse',
  'parenting-capacity': 'Parenting capacity',
  'child-mental-health': "Child's mental health",
  'parental-mental-health': 'Parental mental health',
  'physical-abuse': 'Physical abuse',
  'neglect': 'Neglect',
  'emotional-abuse': 'Emotional abuse',
  'sexual-abuse': 'Sexual abuse',
  'parental-substance-misuse': 'Parental substance misuse',
  'child-substance-misuse': 'Child substance misuse',
  'child-sexual-exploitation': 'Child sexual exploitation',
  'child-criminal-exploitation': 'Child criminal exploitation',
  'missing': 'Missing from home or care',
  'behaviour': "Child's behaviour",
  'disability': "Child's disability",
  'housing': 'Housing or homelessness',
  'financial-hardship': 'Financial hardship',
  'unaccompanied-asylum-seeking': 'Unaccompanied asylum-seeking child',
  'private-fostering': 'Private fostering',
  'female-genital-mutilation': 'Female genital mutilation',
  'radicalisation': 'Radicalisation',
  'harmful-sexual-behaviour': 'Harmful sexual behaviour',
  'unborn-baby-concerns': 'Concerns about an unborn baby',
  'other': 'Other',
} as const;

export type CodeList = Readonly<Record<string, string>>;

export function codesOf<T extends CodeList>(list: T): [keyof T & string, ...(keyof T & string)[]] {
  return Object.keys(list) as [keyof T & string, ...(keyof T & string)[]];
}
