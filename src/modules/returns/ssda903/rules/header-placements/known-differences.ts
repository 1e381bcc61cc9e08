/**
 * Fixture cases where Safeguard's rule deliberately flags differently from the open-source
 * validator's own test, keyed '<ruleset>:<code>:<call>' (e.g. 'lac2022_23:103:0'), each with why.
 */
export const knownDifferences: Readonly<Record<string, string>> = {
  'lac2025_26:233:0': 'the case names the date the episode ceased DATE_EPISODE_CEASED, a column no SSDA903 file has; Safeguard reads DEC, so every row of the case looks open',
  'lac2022_23:632:0': 'the case writes episode start dates as 2011-10-20, which is not an SSDA903 date (dd/mm/yyyy), so Safeguard cannot compare the order\'s date with them',
  'lac2022_23:635:0': 'DfE\'s rule, as its message says, also refuses an order\'s LA or date beside Z1 (not known), which the case lets pass',
};
