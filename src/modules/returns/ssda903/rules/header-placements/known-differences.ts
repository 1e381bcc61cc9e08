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
};
