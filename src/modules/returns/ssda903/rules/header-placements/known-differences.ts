/**
 * Fixture cases where Safeguard's rule deliberately flags differently from the open-source
 * validator's own test, keyed '<ruleset>:<code>:<call>' (e.g. 'lac2022_23:103:0'), each with why.
 */
export const knownDifferences: Readonly<Record<string, string>> = {
  'lac2022_23:205D:1': 'the case labels its rows with text (\'1022\'), which the replay reads back as a number, so the same row compares unequal',
  'lac2025_26:233:0': 'the case names the date the episode ceased DATE_EPISODE_CEASED, a column no SSDA903 file has; Safeguard reads DEC, so every row of the case looks open',
  'lac2022_23:219:0': 'the case gives Ofsted\'s provider details (postcodes, placement and provider codes, registration end, LA), which the validation context does not yet carry, so the rule finds nothing, as DfE\'s tool does without the Ofsted lists',
  'lac2022_23:221:0': 'the case gives Ofsted\'s provider details (postcodes, placement and provider codes, registration end, LA), which the validation context does not yet carry, so the rule finds nothing, as DfE\'s tool does without the Ofsted lists',
  'lac2022_23:224:0': 'the case gives Ofsted\'s provider details (postcodes, placement and provider codes, registration end, LA), which the validation context does not yet carry, so the rule finds nothing, as DfE\'s tool does without the Ofsted lists',
  'lac2022_23:227:0': 'the case gives Ofsted\'s provider details (postcodes, placement and provider codes, registration end, LA), which the validation context does not yet carry, so the rule finds nothing, as DfE\'s tool does without the Ofsted lists',
  'lac2022_23:228:0': 'the case gives Ofsted\'s provider details (postcodes, placement and provider codes, registration end, LA), which the validation context does not yet carry, so the rule finds nothing, as DfE\'s tool does without the Ofsted lists',
  'lac2022_23:229:0': 'the case gives Ofsted\'s provider details (postcodes, placement and provider codes, registration end, LA), which the validation context does not yet carry, so the rule finds nothing, as DfE\'s tool does without the Ofsted lists',
  'lac2023_24:221:0': 'the case gives Ofsted\'s provider details (postcodes, placement and provider codes, registration end, LA), which the validation context does not yet carry, so the rule finds nothing, as DfE\'s tool does without the Ofsted lists',
  'lac2024_25:221:0': 'the case gives Ofsted\'s provider details (postcodes, placement and provider codes, registration end, LA), which the validation context does not yet carry, so the rule finds nothing, as DfE\'s tool does without the Ofsted lists',
  'lac2022_23:632:0': 'the case writes episode start dates as 2011-10-20, which is not an SSDA903 date (dd/mm/yyyy), so Safeguard cannot compare the order\'s date with them',
  'lac2022_23:635:0': 'DfE\'s rule, as its message says, also refuses an order\'s LA or date beside Z1 (not known), which the case lets pass',
};
