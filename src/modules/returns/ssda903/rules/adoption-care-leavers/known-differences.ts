/**
 * Fixture cases where Safeguard's rule deliberately flags differently from the open-source
 * validator's own test, keyed '<ruleset>:<code>:<call>' (e.g. 'lac2022_23:103:0'), each with why.
 */
export const knownDifferences: Readonly<Record<string, string>> = {
  'lac2022_23:558:0': 'DfE says an adopted child\'s decision to place must not be shown as ceased, so an adopted child whose only decision has a date ceased is flagged; the validator flags only children with two such dates in one calendar year.',
};
