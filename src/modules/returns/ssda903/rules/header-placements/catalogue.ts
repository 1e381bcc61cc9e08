/**
 * What DfE's rule lists say of this group's codes, year by year: each entry is one wording of a
 * rule (its message, fields and tables, word for word from the year's list) and the collection
 * years it is listed with that wording. index.ts joins each to its check.
 */
export interface RuleListing {
  message: string;
  fields: readonly string[];
  tables: readonly string[];
  from: string;
  until?: string;
}

export const ruleListings: Readonly<Record<string, readonly RuleListing[]>> = {
  '101': [
    { message: 'Gender code is not valid.', fields: ['SEX'], tables: ['Header'], from: '2022-23', until: '2023-24' },
    { message: 'The child or young person’s reported sex is not valid.', fields: ['SEX'], tables: ['Header'], from: '2024-25' },
  ],
  '102': [
    { message: 'Date of birth is not a valid date.', fields: ['DOB'], tables: ['Header'], from: '2022-23' },
  ],
  '103': [
    { message: 'The ethnicity code is either not valid or has not been entered.', fields: ['ETHNIC'], tables: ['Header'], from: '2022-23' },
  ],
  '104': [
    { message: 'Date for Unaccompanied Asylum-Seeking Children (UASC) status ceased is not a valid date.', fields: ['DUC'], tables: ['UASC'], from: '2022-23' },
  ],
  '105': [
    { message: 'Data entry for Unaccompanied Asylum-Seeking Children (UASC) status of child is invalid or has not been completed.', fields: ['UASC'], tables: ['Header'], from: '2022-23' },
  ],
  '112': [
    { message: 'Date should be placed for adoption is not a valid date.', fields: ['DATE_INT'], tables: ['AD1'], from: '2022-23' },
  ],
  '113': [
    { message: 'Date matching child and adopter(s) is not a valid date.', fields: ['DATE_MATCH'], tables: ['AD1'], from: '2022-23' },
  ],
  '114': [
    { message: 'Data entry to record the status of former carer(s) of an adopted child is invalid.', fields: ['FOSTER_CARE'], tables: ['AD1'], from: '2022-23' },
  ],
  '115': [
    { message: 'Date of Local Authority\'s (LA) decision that a child should be placed for adoption is not a valid date.', fields: ['DATE_PLACED'], tables: ['PlacedAdoption'], from: '2022-23' },
  ],
  '116': [
    { message: 'Date of Local Authority\'s (LA) decision that a child should no longer be placed for adoption is not a valid date.', fields: ['DATE_PLACED_CEASED'], tables: ['PlacedAdoption'], from: '2022-23' },
  ],
  '117': [
    { message: 'Date of decision that a child should/should no longer be placed for adoption is beyond the current collection year or after the child ceased to be looked after.', fields: ['DATE_PLACED_CEASED', 'DATE_PLACED', 'DEC', 'REC', 'DECOM'], tables: ['Episodes', 'PlacedAdoption'], from: '2022-23' },
  ],
  '118': [
    { message: 'Date of decision that a child should no longer be placed for adoption is before the current collection year or before the date the child started to be looked after.', fields: ['DECOM', 'DECOM', 'LS'], tables: ['Episodes', 'PlacedAdoption'], from: '2022-23' },
  ],
  '119': [
    { message: 'If the decision is made that a child should no longer be placed for adoption, then the date of this decision and the reason why this decision was made must be completed.', fields: ['REASON_PLACED_CEASED', 'DATE_PLACED_CEASED'], tables: ['PlacedAdoption'], from: '2022-23' },
  ],
  '120': [
    { message: 'The reason for the reversal of the decision that the child should be placed for adoption code is not valid.', fields: ['REASON_PLACED_CEASED'], tables: ['PlacedAdoption'], from: '2022-23' },
  ],
  '131': [
    { message: 'Data entry for being in touch after leaving care is invalid.', fields: ['IN_TOUCH'], tables: ['OC3'], from: '2022-23' },
  ],
  '132': [
    { message: 'Data entry for activity after leaving care is invalid.', fields: ['ACTIV'], tables: ['OC3'], from: '2022-23' },
  ],
  '133': [
    { message: 'Data entry for accommodation after leaving care is invalid. If reporting on a childs accommodation after leaving care the data entry must be valid', fields: ['ACCOM'], tables: ['OC3'], from: '2022-23' },
  ],
  '134': [
    { message: 'Data on adoption should not be entered for the OC3 cohort.', fields: ['IN_TOUCH', 'ACTIV', 'ACCOM', 'DATE_INT', 'DATE_MATCH', 'FOSTER_CARE', 'NB_ADOPTR', 'SEX_ADOPTR', 'LS_ADOPTR'], tables: ['OC3', 'AD1'], from: '2022-23' },
  ],
  '141': [
    { message: 'Date episode began is not a valid date.', fields: ['DECOM'], tables: ['Episodes'], from: '2022-23' },
  ],
  '142': [
    { message: 'A new episode has started, but the previous episode has not ended.', fields: ['DEC', 'REC'], tables: ['Episodes'], from: '2022-23' },
  ],
  '143': [
    { message: 'The reason for new episode code is not a valid code.', fields: ['RNE'], tables: ['Episodes'], from: '2022-23' },
  ],
  '144': [
    { message: 'The legal status code is not a valid code.', fields: ['LS'], tables: ['Episodes'], from: '2022-23' },
  ],
  '145': [
    { message: 'Category of need code is not a valid code.', fields: ['CIN'], tables: ['Episodes'], from: '2022-23' },
  ],
  '146': [
    { message: 'Placement type code is not a valid code.', fields: ['PLACE'], tables: ['Episodes'], from: '2022-23' },
  ],
  '147': [
    { message: 'Date episode ceased is not a valid date.', fields: ['DEC'], tables: ['Episodes'], from: '2022-23' },
  ],
  '148': [
    { message: 'Date episode ceased and reason episode ceased must both be coded, or both left blank.', fields: ['DEC', 'REC'], tables: ['Episodes'], from: '2022-23' },
  ],
  '149': [
    { message: 'Reason episode ceased code is not valid. ', fields: ['REC'], tables: ['Episodes'], from: '2022-23' },
  ],
  '151': [
    { message: 'All data items relating to a childs adoption must be coded or left blank.', fields: ['DATE_INT', 'DATE_MATCH', 'FOSTER_CARE', 'NB_ADOPTER', 'SEX_ADOPTR', 'LS_ADOPTR'], tables: ['AD1'], from: '2022-23' },
  ],
  '153': [
    { message: 'All data items relating to a child\'s activity or accommodation after leaving care must be coded or left blank.', fields: ['IN_TOUCH', 'ACTIV', 'ACCOM'], tables: ['OC3'], from: '2022-23' },
  ],
  '157': [
    { message: 'Child is aged 4 years or over at the beginning of the year or 16 years or under at the end of the year and Strengths and Difficulties Questionnaire (SDQ) 1 has been recorded as the reason for no Strengths and Difficulties Questionnaire (SDQ) score.', fields: ['SDQ_REASON', 'DOB'], tables: ['OC2', 'Episodes'], from: '2022-23' },
  ],
  '158': [
    { message: 'If a child has been recorded as receiving an intervention for their substance misuse problem, then the additional item on whether an intervention was offered should be left blank.', fields: ['INTERVENTION_RECEIVED', 'INTERVENTION_OFFERED'], tables: ['OC2'], from: '2022-23' },
  ],
  '159': [
    { message: 'If a child has been recorded as not receiving an intervention for their substance misuse problem, then the additional item on whether an intervention was offered should be completed as well.', fields: ['SUBSTANCE_MISUSE', 'INTERVENTION_RECEIVED', 'INTERVENTION_OFFERED'], tables: ['OC2'], from: '2022-23' },
  ],
  '164': [
    { message: 'Distance is not valid. Please check a valid postcode has been entered. [NOTE: This check will result in false positives for children formerly UASC not identified as such in loaded data]', fields: ['PL_DISTANCE'], tables: ['Episodes'], from: '2022-23' },
  ],
  '165': [
    { message: 'Data entry for mother status is invalid.', fields: ['MOTHER', 'SEX', 'ACTIV', 'ACCOM', 'IN_TOUCH', 'DECOM'], tables: ['Header', 'Episodes', 'OC3'], from: '2022-23' },
  ],
  '166': [
    { message: 'Date of review is invalid or blank.', fields: ['REVIEW'], tables: ['Reviews'], from: '2022-23' },
  ],
  '167': [
    { message: 'Data entry for participation is invalid or blank.', fields: ['REVIEW_CODE'], tables: ['Reviews'], from: '2022-23' },
  ],
  '168': [
    { message: 'Unique Pupil Number (UPN) is not valid. If unknown, default codes should be UN1, UN2, UN3, UN4 or UN5.', fields: ['UPN'], tables: ['Header'], from: '2022-23' },
  ],
  '169': [
    { message: 'Local Authority (LA) of placement is not valid or is missing. Please check a valid postcode has been entered.', fields: ['PL_LA'], tables: ['Episodes'], from: '2022-23' },
  ],
  '171': [
    { message: 'Date of birth of mother\'s child is not a valid date.', fields: ['MC_DOB'], tables: ['Header'], from: '2022-23' },
  ],
  '174': [
    { message: 'Mother\'s child date of birth is recorded but gender shows that the child is a male.', fields: ['SEX', 'MC_DOB'], tables: ['Header'], from: '2022-23', until: '2023-24' },
    { message: 'Mother\'s child date of birth is recorded but sex shows that the child is a male.', fields: ['SEX', 'MC_DOB'], tables: ['Header'], from: '2024-25' },
  ],
  '175': [
    { message: 'The number of adopter(s) code is not a valid code.', fields: ['NB_ADOPTR'], tables: ['AD1'], from: '2022-23' },
  ],
  '176': [
    { message: 'The gender of adopter(s) at the date of adoption code is not a valid code.', fields: ['SEX_ADOPTR'], tables: ['AD1'], from: '2022-23' },
  ],
  '177': [
    { message: 'The legal status of adopter(s) code is not a valid code.', fields: ['LS_ADOPTR'], tables: ['AD1'], from: '2022-23' },
  ],
  '178': [
    { message: 'Placement provider code is not a valid code.', fields: ['PLACE_PROVIDER'], tables: ['Episodes'], from: '2022-23' },
  ],
  '179': [
    { message: 'Placement location code is not a valid code.', fields: ['PL_LOCATION'], tables: ['Episodes'], from: '2022-23' },
  ],
  '180': [
    { message: 'Data entry for the strengths and difficulties questionnaire (SDQ) score is invalid.', fields: ['SDQ_SCORE'], tables: ['OC2'], from: '2022-23' },
  ],
  '181': [
    { message: 'Data items relating to children looked after continuously for 12 months should be completed with a 0 or 1.', fields: ['CONVICTED', 'HEALTH_CHECK', 'IMMUNISATIONS', 'TEETH_CHECK', 'HEALTH_ASSESSMENT', 'SUBSTANCE_MISUSE', 'INTERVENTION_RECEIVED', 'INTERVENTION_OFFERED'], tables: ['OC2'], from: '2022-23' },
  ],
  '182': [
    { message: 'Data entries on immunisations, teeth checks, health assessments and substance misuse problem identified should be completed or all OC2 fields should be left blank.', fields: ['IMMUNISATIONS', 'TEETH_CHECK', 'HEALTH_ASSESSMENT', 'SUBSTANCE_MISUSE', 'CONVICTED', 'HEALTH_CHECK', 'INTERVENTION_RECEIVED', 'INTERVENTION_OFFERED'], tables: ['OC2'], from: '2022-23' },
  ],
  '184': [
    { message: 'Date of decision that a child should be placed for adoption is before the child was born.', fields: ['DATE_PLACED', 'DOB'], tables: ['Header', 'PlacedAdoption'], from: '2022-23' },
  ],
  '185': [
    { message: 'Child has not been looked after continuously for at least 12 months at 31 March but a Strengths and Difficulties (SDQ) score has been completed.', fields: ['SDQ_SCORE'], tables: ['Episodes', 'OC2'], from: '2022-23' },
  ],
  '186': [
    { message: 'Children aged 4 or over at the start of the year and children aged under 17 at the end of the year and who have been looked after for at least 12 months continuously should have a Strengths and Difficulties (SDQ) score completed.', fields: ['SDQ_SCORE'], tables: ['Episodes', 'OC2'], from: '2022-23' },
  ],
  '187': [
    { message: 'Child cannot be looked after continuously for 12 months at 31 March (OC2) and have any of adoption or care leavers returns completed.', fields: ['DATE_INT', 'DATE_MATCH', 'FOSTER_CARE', 'NB_ADOPTR', 'SEX_ADOPTR', 'LS_ADOPTR', 'IN_TOUCH', 'ACTIV', 'ACCOM'], tables: ['OC3', 'AD1', 'Episodes'], from: '2022-23' },
  ],
  '188': [
    { message: 'Child is aged under 4 years at the end of the year, but a Strengths and Difficulties (SDQ) score or a reason for no SDQ score has been completed. ', fields: ['SDQ_SCORE', 'SDQ_REASON'], tables: ['OC2'], from: '2022-23' },
  ],
  '189': [
    { message: 'Child is aged 17 years or over at the beginning of the year, but an Strengths and Difficulties (SDQ) score or a reason for no Strengths and Difficulties (SDQ) score has been completed.', fields: ['DOB', 'SDQ_SCORE', 'SDQ_REASON'], tables: ['OC2'], from: '2022-23' },
  ],
  '190': [
    { message: 'Child has not been looked after continuously for at least 12 months at 31 March but one or more data items relating to children looked after for 12 months have been completed.', fields: ['CONVICTED', 'HEALTH_CHECK', 'IMMUNISATIONS', 'TEETH_CHECK', 'HEALTH_ASSESSMENT', 'SUBSTANCE_MISUSE', 'INTERVENTION_RECEIVED', 'INTERVENTION_OFFERED'], tables: ['OC2', 'Episodes'], from: '2022-23' },
  ],
  '191': [
    { message: 'Child has been looked after continuously for at least 12 months at 31 March but one or more data items relating to children looked after for 12 months have been left blank.', fields: ['IMMUNISATIONS', 'TEETH_CHECK', 'HEALTH_ASSESSMENT', 'SUBSTANCE_MISUSE', 'CHILD'], tables: ['OC2', 'Episodes'], from: '2022-23' },
  ],
  '192': [
    { message: 'Child has been identified as having a substance misuse problem but the additional item on whether an intervention was received has been left blank.', fields: ['SUBSTANCE_MISUSE', 'INTERVENTION_RECEIVED'], tables: ['OC2'], from: '2022-23' },
  ],
  '193': [
    { message: 'Child not identified as having a substance misuse problem but at least one of the two additional items on whether an intervention were offered and received have been completed.', fields: ['SUBSTANCE_MISUSE', 'INTERVENTION_RECEIVED', 'INTERVENTION_OFFERED'], tables: ['OC2'], from: '2022-23' },
  ],
  '196': [
    { message: 'Strengths and Difficulties (SDQ) reason is not a valid code.', fields: ['SDQ_REASON'], tables: ['OC2'], from: '2022-23' },
  ],
  '197B': [
    { message: 'SDQ score or reason for no SDQ should be reported for 4- or 17-year-olds.', fields: ['SDQ_REASON', 'DOB'], tables: ['OC2', 'Episodes'], from: '2022-23' },
  ],
  '197a': [
    { message: 'Reason for no Strengths and Difficulties (SDQ) score is not required if Strengths and Difficulties Questionnaire score is filled in.', fields: ['SDQ_SCORE', 'SDQ_REASON'], tables: ['OC2'], from: '2022-23' },
  ],
  '198': [
    { message: 'Child has not been looked after continuously for at least 12 months at 31 March but a reason for no Strengths and Difficulties (SDQ) score has been completed. ', fields: ['SDQ_REASON'], tables: ['Episodes', 'OC2'], from: '2022-23' },
  ],
  '199': [
    { message: 'Episode information shows child has been previously adopted from care. [NOTE: This only tests the current and previous year data loaded into the tool]', fields: ['CHILD'], tables: ['Episodes'], from: '2022-23' },
  ],
  '202': [
    { message: 'The gender code conflicts with the gender already recorded for this child.', fields: ['SEX'], tables: ['Header', 'Header_last'], from: '2022-23' },
  ],
  '203': [
    { message: 'Date of birth disagrees with the date of birth already recorded for this child.', fields: ['DOB'], tables: ['Header', 'Header_last'], from: '2022-23' },
  ],
  '204': [
    { message: 'Ethnic origin code disagrees with the ethnic origin already recorded for this child.', fields: ['ETHNIC'], tables: ['Header', 'HEader_last'], from: '2022-23' },
  ],
  '205A': [
    { message: 'Child identified as UASC last year is no longer UASC this year, but date UASC ceased in both years does not support this.', fields: ['CHILD', 'UASC'], tables: ['UASC', 'UASC_last', 'Header', 'Header_last'], from: '2022-23' },
  ],
  '205B': [
    { message: 'Child previously identified as UASC is also UASC this year, but date UASC ceased in both years does not support this.', fields: ['DUC', 'UASC'], tables: ['UASC', 'UASC_last', 'Header', 'Header_last'], from: '2022-23' },
  ],
  '205C': [
    { message: 'Child not identified as UASC either this year or last year but date UASC ceased has been provided.', fields: ['DUC', 'UASC'], tables: ['UASC', 'UASC_last', 'Header', 'Header_last'], from: '2022-23' },
  ],
  '205D': [
    { message: 'Child identified as UASC this year but not identified as UASC status provided for the child last year.', fields: ['UASC', 'CHILD'], tables: ['UASC', 'UASC_last', 'Header', 'Header_last'], from: '2022-23' },
  ],
  '207': [
    { message: 'Mother status for the current year disagrees with the mother status already recorded for this child.', fields: ['MOTHER'], tables: ['Episodes', 'Header', 'Header_last'], from: '2022-23' },
  ],
  '208': [
    { message: 'Unique Pupil Number (UPN) for the current year disagrees with the Unique Pupil Number (UPN) already recorded for this child.', fields: ['UPN'], tables: ['Header', 'Header_last'], from: '2022-23' },
  ],
  '209': [
    { message: 'Child looked after is of school age and should not have an unknown Unique Pupil Number (UPN) code of UN1.', fields: ['UPN', 'DOB'], tables: ['Header'], from: '2022-23' },
  ],
  '210': [
    { message: 'Children looked after for more than a week at 31 March should not have an unknown Unique Pupil Number (UPN) code of UN4.', fields: ['UPN', 'DECOM'], tables: ['Header', 'Episodes'], from: '2022-23' },
  ],
  '213': [
    { message: 'Placement provider information not required.', fields: ['PLACE_PROVIDER'], tables: ['Episodes'], from: '2022-23' },
  ],
  '214': [
    { message: 'Placement location information not required.', fields: ['PL_POST', 'URN'], tables: ['Episodes'], from: '2022-23' },
  ],
  '215': [
    { message: 'Child has care leaver information but one or more data items relating to children looked after for 12 months have been completed.', fields: ['IN_TOUCH', 'ACTIV', 'ACCOM', 'CONVICTED', 'HEALTH_CHECK', 'IMMUNISATIONS', 'TEETH_CHECK', 'HEALTH_ASSESSMENT', 'SUBSTANCE_MISUSE', 'INTERVENTION_RECEIVED', 'INTERVENTION_OFFERED'], tables: ['OC2', 'OC3'], from: '2022-23' },
  ],
  '217': [
    { message: 'Children who are placed for adoption with current foster carers (placement types A3 or A5) must have a reason for new episode of S, T or U.', fields: ['PLACE', 'DECOM', 'RNE'], tables: ['Episodes'], from: '2022-23' },
  ],
  '217t': [
    { message: 'Placement type \'P2\' is not a valid placement type from 28 October 2023.', fields: ['PLACE', 'DECOM'], tables: ['Episodes'], from: '2023-24', until: '2023-24' },
  ],
  '218': [
    { message: 'Ofsted Unique reference number (URN) is required.', fields: ['URN'], tables: ['Episodes'], from: '2022-23' },
  ],
  '219': [
    { message: 'The Ofsted Unique reference number (URN) provided for the child\'s placement does not match the placement type recorded.', fields: ['URN', 'PLACE'], tables: ['Episodes', 'Provider Info'], from: '2022-23' },
  ],
  '221': [
    { message: 'The Ofsted Unique reference number (URN) provided for the child\'s placement does not match the placement postcode provided.', fields: ['PL_POST'], tables: ['Episodes', 'Provider Info'], from: '2022-23' },
  ],
  '222': [
    { message: 'Ofsted Unique reference number (URN) should not be recorded for this placement type.', fields: ['URN'], tables: ['Episodes'], from: '2022-23' },
  ],
  '224': [
    { message: 'The Ofsted Unique reference number (URN) provided for the child\'s placement does not match the placement provider recorded.', fields: ['PLACE_PROVIDER'], tables: ['Episodes', 'Provider Info'], from: '2022-23' },
  ],
  '225': [
    { message: 'Reason for placement change must be recorded.', fields: ['REASON_PLACE_CHANGE'], tables: ['Episodes'], from: '2022-23' },
  ],
  '226': [
    { message: 'Reason for placement change is not required.', fields: ['REASON_PLACE_CHANGE', 'PLACE'], tables: ['Episodes'], from: '2022-23', until: '2024-25' },
    { message: 'Reason for placement change is not required for temporary placements.', fields: ['REASON_PLACE_CHANGE', 'PLACE'], tables: ['Episodes'], from: '2025-26' },
  ],
  '227': [
    { message: 'Ofsted Unique reference number (URN) is not valid for the episode start date.', fields: ['URN', 'DECOM'], tables: ['Episodes', 'Provider Info'], from: '2022-23' },
  ],
  '228': [
    { message: 'Ofsted Unique reference number (URN) is not valid for the episode end date [NOTE: may give false positives on open episodes at providers who close during the year]', fields: ['URN', 'DEC'], tables: ['Episodes', 'Provider Info'], from: '2022-23' },
  ],
  '229': [
    { message: 'Placement provider does not match between the placing authority and the local authority code of the provider. [NOTE: The provider\'s LA code is inferred from the its postcode, and may be inaccurate in some cases.]', fields: ['URN', 'PLACE_PROVIDER'], tables: ['Episodes', 'Provider Info'], from: '2022-23' },
  ],
  '230': [
    { message: 'Ofsted Unique reference number (URN) is required for any English H5 placements from 28 October 2023.', fields: ['PLACE', 'DEC', 'URN'], tables: ['Episodes'], from: '2023-24', until: '2023-24' },
  ],
  '231': [
    { message: 'We expect that unaccompanied asylum seeking children are generally older young people. Please check the date of birth is correct. If the date of birth is correct then please provide details in a bypass request.', fields: ['DOB', 'UASC_STATUS'], tables: ['Header'], from: '2024-25' },
  ],
  '232': [
    { message: 'Sex of the child/young person has been reported as unknown.', fields: ['SEX'], tables: ['Header'], from: '2024-25' },
  ],
  '233': [
    { message: 'Reason for placement change is not required when the episode has not ceased.', fields: ['REASON_PLACE_CHANGE', 'REASON_PLACE_CHANGE'], tables: ['Episodes'], from: '2025-26' },
  ],
  '234': [
    { message: 'A child aged under 10 can not change placement due to being admitted to custody', fields: ['REASON_PLACE_CHANGE', 'DOB'], tables: ['Episodes', 'Header'], from: '2025-26' },
  ],
  '601': [
    { message: 'The additional fields relating to adoption have not been completed although the episode data shows that the child was adopted during the year.', fields: ['REC', 'DATE_INT', 'DATE_MATCH', 'FOSTER_CARE', 'NB_ADOPTR', 'SEX_ADOPTR', 'LS_ADOPTR'], tables: ['Episodes', 'AD1'], from: '2022-23' },
  ],
  '602': [
    { message: 'The episode data submitted for this child does not show that he/she was adopted during the year.', fields: ['CHILD'], tables: ['Episodes', 'AD1'], from: '2022-23' },
  ],
  '607': [
    { message: 'Child ceased to be looked after in the year, but mother field has not been completed.', fields: ['DEC', 'REC', 'MOTHER', 'LS', 'SEX'], tables: ['Episodes', 'Header'], from: '2022-23' },
  ],
  '611': [
    { message: 'Date of birth field is blank, but child is a mother.', fields: ['MOTHER', 'MC_DOB'], tables: ['Header'], from: '2022-23' },
  ],
  '612': [
    { message: 'Date of birth field has been completed but mother field indicates child is not a mother.', fields: ['SEX', 'MOTHER', 'MC_DOB'], tables: ['Header'], from: '2022-23' },
  ],
  '620': [
    { message: 'Child has been recorded as a mother, but date of birth shows that the mother is under 11 years of age.', fields: ['DOB', 'MOTHER'], tables: ['Header'], from: '2022-23' },
  ],
  '621': [
    { message: 'Mother’s field has been completed but date of birth shows that the mother is younger than her child.', fields: ['DOB', 'MC_DOB'], tables: ['Header'], from: '2022-23' },
  ],
  '624': [
    { message: 'Date of birth of the first child contradicts the date of birth of the first child previously recorded.', fields: ['MC_DOB'], tables: ['Header', 'Header_last'], from: '2022-23' },
  ],
  '625': [
    { message: 'Date of birth of the first child is beyond the end of this reporting year or the date the child ceased to be looked after.', fields: ['MC_DOB', 'DEC'], tables: ['Episodes', 'Header'], from: '2022-23' },
  ],
  '626': [
    { message: 'Child was reported as a mother but the date of birth of the first child is before the current year which contradicts with the mother status recorded last year.', fields: ['MOTHER', 'MC_DOB'], tables: ['Header', 'Header_last'], from: '2022-23' },
  ],
  '628': [
    { message: 'Motherhood details are not required for care leavers who have not been looked after during the year.', fields: ['MOTHER'], tables: ['Episodes', 'Header', 'OC3'], from: '2022-23' },
  ],
  '630': [
    { message: 'Information on previous permanence option should be returned.', fields: ['RNE'], tables: ['Episodes', 'PrevPerm'], from: '2022-23' },
  ],
  '631': [
    { message: 'Previous permanence option not a valid value.', fields: ['PREV_PERM'], tables: ['PrevPerm'], from: '2022-23' },
  ],
  '632': [
    { message: 'Date of previous permanence order not a valid value. NOTE: This rule may result in false negatives where the period of care started before the current collection year', fields: ['DATE_PERM', 'DECOM'], tables: ['Episodes', 'PrevPerm'], from: '2022-23' },
  ],
  '633': [
    { message: 'Local authority code where previous permanence option was arranged is not a valid value.', fields: ['LA_PERM'], tables: ['PrevPerm'], from: '2022-23' },
  ],
  '634': [
    { message: 'There are entries for previous permanence options, but child has not started to be looked after from 1 April 2016 onwards.', fields: ['LA_PERM', 'PREV_PERM', 'DATE_PERM', 'DECOM'], tables: ['Episodes', 'PrevPerm'], from: '2022-23' },
  ],
  '635': [
    { message: 'There are entries for date of order and local authority code where previous permanence option was arranged but previous permanence code is Z1', fields: ['LA_PERM', 'DATE_PERM', 'PREV_PERM'], tables: ['PrevPerm'], from: '2022-23' },
  ],
};
