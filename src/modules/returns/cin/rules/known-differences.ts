/**
 * Fixture cases (ruleset:code:call) where a rule deliberately differs from the open-source
 * validator's own test, with why. The replay test checks each still differs.
 */
export const cinKnownDifferences: Readonly<Record<string, string>> = {
  'cin2022_23:8540:0':
    'the validator reports this rule\'s issues in a second list that its test cases do not record, so the case expects nothing; its own test expects Disabilities rows 0 and 1 (a missing and an invalid code), which Safeguard flags',
  'cin2022_23:8820:0':
    'child4 has an open episode referred on 26 September and another referred on 26 October: the open one runs on, so they overlap (DfE: each referral after the closure of any earlier episode); the validator compares an episode only with an earlier one that has a closure date, so it passes them',
  'cin2022_23:8670Q:0':
    'an assessment started on Sunday 29 January 2023 with no end date: DfE counts 45 working days after the start date, which reaches 31 March 2023, the reference date, so it is not yet more than 45 working days old; the validator counts the start date as day 1 and flags it a day early',
  'cin2022_23:8869:0':
    'the case lays out one factor code per Assessments row, several rows making one assessment; in the census each assessment is one Assessments row with its factors together, and no row of the case holds 21 with another code, so Safeguard finds none',
  'cin2022_23:8935:0':
    'DfE allows one open child protection plan within a CIN episode; the case gives no CINdetailsID, so each child\'s plans are one episode and child1 has three open plans; the validator groups by CPPID (the plan itself), so it flags only the plan given twice and not child1\'s third open plan',
};
