/**
 * Fixture cases (ruleset:code:call) where a rule deliberately differs from the open-source
 * validator's own test, with why. The replay test checks each still differs.
 */
export const cinKnownDifferences: Readonly<Record<string, string>> = {
  'cin2022_23:8540:0':
    'the validator reports this rule\'s issues in a second list that its test cases do not record, so the case expects nothing; its own test expects Disabilities rows 0 and 1 (a missing and an invalid code), which Safeguard flags',
};
