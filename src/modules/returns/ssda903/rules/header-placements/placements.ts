/** Rules on placements: placement providers, postcodes and Ofsted URNs. */
import { cell, code, codeIn, dateOf, flagRows, given, present, type Check, type TableRow, type ValidationContext } from './kit.ts';
import type { Checks } from './kit.ts';
import type { OfstedProvider } from '../../../validation-rule.ts';

const TEMPORARY = ['T0', 'T1', 'T2', 'T3', 'T4'];
const OTHER_PLACEMENTS_FROM_2025 = ['Z11', 'Z12', 'Z13', 'Z14'];
const PROVIDERS = ['PR0', 'PR1', 'PR2', 'PR3', 'PR4', 'PR5'];
/** The URN written for a placement Ofsted registers but whose URN the council does not know. */
const UNKNOWN_URN = 'XXXXXXX';

/**
 * Placements Ofsted does not register, so need no URN (rule 218) and must not have one (222). H5
 * (semi-independent living) became registered during 2023-24, P2 ceased to be a placement type in
 * October 2023, and Z1 (other) became Z11–Z14 in 2025-26.
 */
const UNREGISTERED_2022 = ['H5', 'P1', 'P2', 'P3', 'R1', 'R2', 'R5', ...TEMPORARY, 'Z1'];
const UNREGISTERED_2023 = UNREGISTERED_2022.filter((place) => place !== 'H5');
const UNREGISTERED_2024 = UNREGISTERED_2023.filter((place) => place !== 'P2');
const UNREGISTERED_2025 = [...UNREGISTERED_2024.filter((place) => place !== 'Z1'), ...OTHER_PLACEMENTS_FROM_2025];


/** The provider of an episode's known URN, when the context has the provider details. */
function providerChecks(breaks: (episode: TableRow, provider: OfstedProvider | undefined, context: ValidationContext) => boolean, column: string): Check {
  return (tables, context) => {
    const providers = context.providers;
    if (providers === undefined) return [];
    return flagRows(tables, 'Episodes', [column], (episode) => {
      const urn = cell(episode, 'URN');
      return urn !== null && urn !== UNKNOWN_URN && breaks(episode, providers.get(urn), context);
    });
  };
}

const providerCodeCheck = (noProvider: readonly string[]): Check => (tables) => flagRows(tables, 'Episodes', ['PLACE_PROVIDER'],
  (row) => given(row, 'PLACE_PROVIDER') && (!codeIn(row, 'PLACE_PROVIDER', PROVIDERS) || codeIn(row, 'PLACE', noProvider)));
const providerNotRequired = (noProvider: readonly string[]): Check => (tables) => flagRows(tables, 'Episodes', ['PLACE_PROVIDER'],
  (row) => codeIn(row, 'PLACE', noProvider) && present(row, 'PLACE_PROVIDER'));

/** Placements outside England need no URN: up to 2024-25 recognised by the placement LA's first letter, from 2025-26 by DfE's codes. */
const outsideEnglandByLetter = (row: TableRow) => /^[NWSC]/.test(cell(row, 'PL_LA')?.toUpperCase() ?? '');
const outsideEnglandByCode = (row: TableRow) => codeIn(row, 'PL_LA', ['CON', 'NIR', 'SCO', 'WAL', 'NUK']);

const urnRequired = (unregistered: readonly string[], outsideEngland: (row: TableRow) => boolean): Check => (tables, context) =>
  flagRows(tables, 'Episodes', ['URN'], (row) => {
    const ceased = dateOf(row, 'DEC');
    const openInYear = present(row, 'DEC') ? ceased !== null && ceased >= context.collectionYear.start : true;
    return openInYear && !present(row, 'URN') && !codeIn(row, 'PLACE', unregistered) && !outsideEngland(row);
  });
const urnNotExpected = (unregistered: readonly string[]): Check => (tables) => flagRows(tables, 'Episodes', ['URN'],
  (row) => codeIn(row, 'PLACE', unregistered) && present(row, 'URN') && cell(row, 'URN') !== UNKNOWN_URN);

export const placementChecks: Record<string, Checks> = {
  '178': [
    { from: '2022-23', check: providerCodeCheck(TEMPORARY) },
    { from: '2025-26', check: providerCodeCheck([...TEMPORARY, ...OTHER_PLACEMENTS_FROM_2025]) },
  ],
  '213': [
    { from: '2022-23', check: providerNotRequired(TEMPORARY) },
    { from: '2025-26', check: providerNotRequired([...TEMPORARY, ...OTHER_PLACEMENTS_FROM_2025]) },
  ],
  // Short breaks (V3, V4) record no placement postcode or URN.
  '214': (tables) => flagRows(tables, 'Episodes', ['PL_POST', 'URN'], (row) => codeIn(row, 'LS', ['V3', 'V4']) && (present(row, 'PL_POST') || present(row, 'URN'))),
  '218': [
    { from: '2022-23', check: urnRequired(UNREGISTERED_2022, outsideEnglandByLetter) },
    { from: '2023-24', check: urnRequired(UNREGISTERED_2023, outsideEnglandByLetter) },
    { from: '2024-25', check: urnRequired(UNREGISTERED_2024, outsideEnglandByLetter) },
    { from: '2025-26', check: urnRequired(UNREGISTERED_2025, outsideEnglandByCode) },
  ],
  '219': providerChecks((episode, provider) => !code(episode, 'PLACE') || !(provider?.placementCodes ?? []).includes(code(episode, 'PLACE')!), 'PLACE'),
  '221': providerChecks((episode, provider) => {
    const postcode = cell(episode, 'PL_POST');
    if (postcode === null || codeIn(episode, 'LS', ['V3', 'V4']) || !codeIn(episode, 'PLACE', ['K1', 'K2', 'R3', 'S1'])) return false;
    const normalise = (value: string) => value.replace(/\s+/g, '').toUpperCase();
    return provider?.postcode == null || normalise(postcode) !== normalise(provider.postcode);
  }, 'PL_POST'),
  '222': [
    { from: '2022-23', check: urnNotExpected(UNREGISTERED_2022) },
    { from: '2023-24', check: urnNotExpected(UNREGISTERED_2023) },
    { from: '2024-25', check: urnNotExpected(UNREGISTERED_2024) },
    { from: '2025-26', check: urnNotExpected(UNREGISTERED_2025) },
  ],
  '224': providerChecks((episode, provider) => !code(episode, 'PLACE_PROVIDER') || !(provider?.providerCodes ?? []).includes(code(episode, 'PLACE_PROVIDER')!), 'PLACE_PROVIDER'),
  '227': providerChecks((episode, provider) => {
    const started = dateOf(episode, 'DECOM');
    const ended = provider?.registrationEnded ?? null;
    return started !== null && ended !== null && started >= ended;
  }, 'DECOM'),
  // An open episode must be with a provider still registered on 31 March.
  '228': providerChecks((episode, provider, context) => {
    const ended = provider?.registrationEnded ?? null;
    if (ended === null) return false;
    const ceased = dateOf(episode, 'DEC');
    return ceased !== null ? ceased > ended : context.collectionYear.end > ended;
  }, 'DEC'),
  // PR1 is the council's own provision, PR2 another council's: the provider's LA must agree.
  '229': providerChecks((episode, provider, context) => {
    const laCode = provider?.laCode ?? null;
    return (code(episode, 'PLACE_PROVIDER') === 'PR1' && laCode !== context.laNumber)
      || (code(episode, 'PLACE_PROVIDER') === 'PR2' && laCode === context.laNumber);
  }, 'PLACE_PROVIDER'),
  // From 28 October 2023 semi-independent accommodation in England (H5) must be Ofsted registered.
  '230': (tables) => flagRows(tables, 'Episodes', ['URN'], (row) => {
    const ceased = dateOf(row, 'DEC');
    return code(row, 'PLACE') === 'H5' && (ceased === null || ceased >= '2023-10-29')
      && (!present(row, 'URN') || cell(row, 'URN') === UNKNOWN_URN) && !/^[NWS]/.test(cell(row, 'PL_LA')?.toUpperCase() ?? '');
  }),
};
