/**
 * Fixture cases where Safeguard's rule deliberately flags differently from the open-source
 * validator's own test, keyed '<ruleset>:<code>:<call>' (e.g. 'lac2022_23:103:0'), each with why.
 */
export const knownDifferences: Readonly<Record<string, string>> = {
  'lac2022_23:354:0': 'the test gives 01/04/2021 as the collection end, which is not a year end: in the collection year it falls in (to 31/03/2022) these start dates are within the year',
  'lac2022_23:385:0': 'the test gives 01/04/2021 as the collection end, which is not a year end: in the collection year it falls in (to 31/03/2022) these end dates are within the year',
  'lac2022_23:374:0': 'the validator skips episodes not yet ended; Safeguard checks the age at the start of every episode in residential employment, open or not',
  'lac2023_24:347:0': 'the test gives its collection start as 2020-04-01, not a dd/mm/yyyy date, so the year is 2023-24, when every care leaver in the test is over 18',
  'lac2023_24:SW01STG1:0': 'for a child with no social worker episode the validator reports an Episodes position as a SWEpisodes row (another child\'s); Safeguard flags the child\'s open episode in Episodes',
  'lac2023_24:SW11aSTG2:0': 'the test gives its collection end as 31/3/2000, not a dd/mm/yyyy date, so the year is 2023-24 and every social worker episode in the test ended long before its last five days',
  'lac2023_24:SW11bSTG2:0': 'the test gives its collection end as 31/3/2000, not a dd/mm/yyyy date, so the year is 2023-24 and no social worker episode in the test ends in its last five days',
  'lac2026_27:705:0': 'the validator compares each DoLo with the row above it in the file; Safeguard compares them in date order, so it flags the DoLo starting 04/01 inside the one of 03/01 to 06/01, not the latter',
  'lac2026_27:706:0': 'the validator reports last year\'s open DoLo at its position under this year\'s table; Safeguard flags it in DoLo_last, where that row is',
  'lac2024_25:SW15STG2:0': "the validator's 2024-25 rule information describes this rule, but the rules it runs for 2024-25 (the list Safeguard's 2024-25 rules follow) do not include it, so it is not in force here",
  'lac2024_25:SW16aSTG2:0': "the validator's 2024-25 rule information describes this rule, but the rules it runs for 2024-25 (the list Safeguard's 2024-25 rules follow) do not include it, so it is not in force here",
  'lac2024_25:SW16bSTG2:0': "the validator's 2024-25 rule information describes this rule, but the rules it runs for 2024-25 (the list Safeguard's 2024-25 rules follow) do not include it, so it is not in force here",
  'lac2024_25:SW16cSTG2:0': "the validator's 2024-25 rule information describes this rule, but the rules it runs for 2024-25 (the list Safeguard's 2024-25 rules follow) do not include it, so it is not in force here",
};
