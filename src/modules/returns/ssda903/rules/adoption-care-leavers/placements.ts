/**
 * Placements and who provides them (516, 526–531, 550, 1008, 1009, 1015): the provider codes a
 * placement type allows, Ofsted URNs, and reasons for a change of placement.
 */
import type { TableRow } from '../../../return-tables.ts';
import type { ValidationRule } from '../../../validation-rule.ts';
import { codeIn, eachRow, ruleOf } from './kit.ts';

const WITH_FORMER_FOSTER_CARERS = new Set(['E45', 'E46']);
const FOSTER_PLACEMENTS = new Set(['U1', 'U2', 'U3', 'U4', 'U5', 'U6']);
const ADOPTION_PLACEMENTS = new Set(['A3', 'A4', 'A5', 'A6']);

const place = (row: TableRow): string => codeIn(row, 'PLACE') ?? '';
const provider = (row: TableRow): string | null => codeIn(row, 'PLACE_PROVIDER');

const leftToFormerFosterCarersFromElsewhere = eachRow('Episodes', ['REC', 'PLACE'], (row) =>
  WITH_FORMER_FOSTER_CARERS.has(codeIn(row, 'REC') ?? '') && !FOSTER_PLACEMENTS.has(place(row)));

/** Placements that have no provider: temporary absences, and the 'other' placement codes of the year. */
function providerMissing(noProvider: ReadonlySet<string>) {
  return eachRow('Episodes', ['PLACE', 'PLACE_PROVIDER'], (row) => codeIn(row, 'PLACE') !== null && !noProvider.has(place(row)) && provider(row) === null);
}

/** A provider code that cannot go with the given placement types. */
function providerCannotProvide(code: string, placements: readonly string[]) {
  const refused = new Set(placements);
  return eachRow('Episodes', ['PLACE', 'PLACE_PROVIDER'], (row) => provider(row) === code && refused.has(place(row)));
}

const parentsOnlyForOwnProvision = eachRow('Episodes', ['PLACE', 'PLACE_PROVIDER'], (row) =>
  provider(row) === 'PR0' && codeIn(row, 'PLACE') !== null && place(row) !== 'P1');

/** DfE's code for the URN of a placement that has none (not registered with Ofsted). */
const NO_URN = 'XXXXXXX';

const urnNotKnown = eachRow('Episodes', ['URN'], (row, context) => {
  const urn = codeIn(row, 'URN');
  return context.providerUrns !== undefined && urn !== null && urn !== NO_URN && !context.providerUrns.has(urn);
});

const PLACEMENT_CHANGE_REASONS = new Set(['CARPL', 'CLOSE', 'ALLEG', 'STAND', 'APPRR', 'CREQB', 'CREQO', 'CHILD', 'LAREQ', 'PLACE', 'CUSTOD', 'OTHER']);
const placementChangeReasonNotAllowed = eachRow('Episodes', ['REASON_PLACE_CHANGE'], (row) => {
  const reason = codeIn(row, 'REASON_PLACE_CHANGE');
  return reason !== null && !PLACEMENT_CHANGE_REASONS.has(reason);
});

/** Own provision outside the council's area, other than foster and adoptive placements, `alsoAllowed`, and short breaks. */
function ownProvisionOutsideArea(alsoAllowed: readonly string[]) {
  const allowed = new Set([...FOSTER_PLACEMENTS, ...ADOPTION_PLACEMENTS, ...alsoAllowed]);
  return eachRow('Episodes', ['PL_LA'], (row, context) => {
    const legalStatus = codeIn(row, 'LS');
    if (provider(row) !== 'PR1' || legalStatus === null || codeIn(row, 'PLACE') === null) return false;
    if (allowed.has(place(row)) || legalStatus === 'V3' || legalStatus === 'V4') return false;
    return codeIn(row, 'PL_LA') !== context.laNumber;
  });
}

const TEMPORARY = ['T0', 'T1', 'T2', 'T3', 'T4'];

export const placementRules: readonly ValidationRule[] = [
  ruleOf('516', leftToFormerFosterCarersFromElsewhere),
  ruleOf('526', providerMissing(new Set([...TEMPORARY, 'Z1'])), { until: '2024-25' }),
  // 2025-26 split 'other placement' (Z1) into Z11–Z14.
  ruleOf('526', providerMissing(new Set([...TEMPORARY, 'Z11', 'Z12', 'Z13', 'Z14'])), { from: '2025-26' }),
  ruleOf('527', providerCannotProvide('PR1', ['P1', 'R2', 'R5'])),
  ruleOf('528', providerCannotProvide('PR2', ['P1', 'R2', 'R5'])),
  ruleOf('529', providerCannotProvide('PR3', ['P1', ...ADOPTION_PLACEMENTS, 'K1', 'K2', ...FOSTER_PLACEMENTS])),
  ruleOf('530', providerCannotProvide('PR4', ['P1'])),
  ruleOf('531', providerCannotProvide('PR5', ['P1'])),
  ruleOf('550', parentsOnlyForOwnProvision),
  ruleOf('1008', urnNotKnown),
  ruleOf('1009', placementChangeReasonNotAllowed),
  ruleOf('1015', ownProvisionOutsideArea([]), { until: '2024-25' }),
  // From 2025-26 DfE also allows a council's own K3 placements outside its area.
  ruleOf('1015', ownProvisionOutsideArea(['K3']), { from: '2025-26' }),
];
