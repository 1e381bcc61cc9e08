/**
 * Fixture cases where Safeguard's rule deliberately flags differently from the open-source
 * validator's own test, keyed '<ruleset>:<code>:<call>' (e.g. 'lac2022_23:103:0'), each with why.
 */
export const knownDifferences: Readonly<Record<string, string>> = {
  'lac2022_23:558:0': 'DfE says an adopted child\'s decision to place must not be shown as ceased, so an adopted child whose only decision has a date ceased is flagged; the validator flags only children with two such dates in one calendar year.',
  'lac2022_23:571:0': 'The test\'s metadata gives a collection end (31/03/2020) before its collection start (01/04/2020); Safeguard takes the year from its start, so the June 2020 end date falls inside it.',
  'lac2022_23:1006:0': 'The test treats an empty string as a missing type that was given; in a CSV file an empty cell is blank, and a blank type is not an invalid one.',
  'lac2022_23:1009:0': 'The test treats an empty string as a reason for placement change that was given; in a CSV file an empty cell is blank, and a blank reason is not an invalid one.',
};
