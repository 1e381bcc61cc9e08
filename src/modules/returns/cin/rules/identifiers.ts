/** The child's identifiers and characteristics: UPNs, LA child IDs, dates of birth and death, sex, ethnicity, disabilities. */
import type { RuleFinding, ValidationRule } from '../../validation-rule.ts';
import type { TableRow } from '../../return-tables.ts';
import { childOf, cinRule, dateIn, eachRow, Findings, groupBy, isFalse, isTrue, located, text, type Check } from './kit.ts';

const CI = 'ChildIdentifiers';

/** Letters a UPN uses for its check letter and a temporary UPN's last character: A–Z without I, O and S. */
const UPN_LETTERS = 'ABCDEFGHJKLMNPQRTUVWXYZ';

/** The check letter a 13-character UPN should start with, or null when its characters 2–13 are not of the right kinds. */
export function upnCheckLetter(upn: string): string | null {
  if (!/^.\d{11}[0-9A-Z]$/.test(upn)) return null;
  let sum = 0;
  for (let position = 2; position <= 13; position += 1) {
    const character = upn[position - 1]!;
    const value = /\d/.test(character) ? Number(character) : UPN_LETTERS.indexOf(character);
    if (value < 0) return null;
    sum += value * position;
  }
  return UPN_LETTERS[sum % 23]!;
}

const check1510 = eachRow(CI, ['UPN'], (row) => {
  const upn = text(row, 'UPN');
  if (upn === null || upn.length !== 13) return false;
  const letter = upnCheckLetter(upn);
  return letter !== null && letter !== upn[0];
});

/** Rows of `table` sharing a non-blank value of `column` with another row, all of them flagged. */
function duplicatesOf(table: string, column: string): Check {
  return (tables) => {
    const findings = new Findings();
    const withValue = located(tables, table).filter(({ row }) => text(row, column) !== null);
    for (const group of groupBy(withValue, (row) => text(row, column)!).values()) {
      if (group.length > 1) for (const { at } of group) findings.flag(table, at, column);
    }
    return findings.list;
  };
}

const check1520 = duplicatesOf(CI, 'UPN');

function ranges(...spans: [number, number][]): number[] {
  return spans.flatMap(([from, to]) => Array.from({ length: to - from + 1 }, (_, i) => from + i));
}

/** LA codes (post April 1998, and DfE's pseudo-LA codes) a UPN's characters 2–4 may carry. */
const LA_CODES_2022 = new Set([
  ...ranges([1, 5]).map((n) => String(n).padStart(3, '0')),
  ...ranges([201, 213], [301, 320], [330, 336], [340, 344], [350, 359], [370, 373], [380, 384], [390, 394], [660, 681], [701, 708],
    [800, 803], [805, 808], [810, 813], [820, 823], [835, 839], [850, 852], [855, 857], [865, 896], [935, 938], [940, 941]).map(String),
  ...[420, 815, 816, 825, 826, 830, 831, 840, 841, 845, 846, 860, 861, 908, 909, 916, 919, 921, 925, 926, 928, 929, 931, 933].map(String),
]);
/** 2023-24 added Cumberland (942) and Westmorland and Furness (943). */
const LA_CODES_2023 = new Set([...LA_CODES_2022, '942', '943']);

const laCodeCheck = (codes: ReadonlySet<string>) => eachRow(CI, ['UPN'], (row) => {
  const upn = text(row, 'UPN');
  return upn !== null && upn.length === 13 && !codes.has(upn.slice(1, 4));
});
const check1530_2022 = laCodeCheck(LA_CODES_2022);
const check1530_2023 = laCodeCheck(LA_CODES_2023);

const check1540 = eachRow(CI, ['UPN'], (row) => {
  const upn = text(row, 'UPN');
  return upn !== null && !/^\d{8}$/.test(upn.slice(4, 12));
});

const check1550 = eachRow(CI, ['UPN'], (row) => {
  const upn = text(row, 'UPN');
  return upn !== null && upn.length >= 13 && !/^[0-9ABCDEFGHJKLMNPQRTUVWXYZ]$/.test(upn[12]!);
});

const check1560Q = eachRow(CI, ['FormerUPN'], (row) => {
  const former = text(row, 'FormerUPN');
  return former !== null && !/^[ABCDEFGHJKLMNPQRTUVWXYZ]\d{11}[0-9ABCDEFGHJKLMNPQRTUVWXYZ]$/.test(former);
});

const check1570 = eachRow(CI, ['LAchildID'], (row) => (text(row, 'LAchildID') ?? '').length > 20);
const check1580 = eachRow(CI, ['LAchildID'], (row) => !/^[A-Za-z0-9]*$/.test(text(row, 'LAchildID') ?? ''));

const check4180_2022 = eachRow(CI, ['GenderCurrent'], (row) => !['0', '1', '2', '9'].includes(text(row, 'GenderCurrent') ?? ''));
const check4180_2024 = eachRow(CI, ['Sex'], (row) => !['M', 'F', 'U'].includes(text(row, 'Sex') ?? ''));

const ETHNICITIES = new Set(['WBRI', 'WIRI', 'WIRT', 'WOTH', 'WROM', 'MWBC', 'MWBA', 'MWAS', 'MOTH', 'AIND', 'APKN', 'ABAN', 'AOTH',
  'BCRB', 'BAFR', 'BOTH', 'CHNE', 'OOTH', 'REFU', 'NOBT']);
const check4220 = eachRow('ChildCharacteristics', ['Ethnicity'], (row) => !ETHNICITIES.has(text(row, 'Ethnicity') ?? ''));

const check8500 = eachRow(CI, ['LAchildID'], (row) => text(row, 'LAchildID') === null);
const check8510 = duplicatesOf(CI, 'LAchildID');

const check8520 = eachRow(CI, ['PersonBirthDate'], (row, context) => {
  const birth = dateIn(row, 'PersonBirthDate');
  return birth !== null && birth > context.collectionYear.end;
});

const check8525Q = eachRow(CI, ['PersonBirthDate', 'ExpectedPersonBirthDate'], (row) =>
  (text(row, 'PersonBirthDate') === null) === (text(row, 'ExpectedPersonBirthDate') === null));

/** An expected date of birth falls between 1 March and 31 December of the year the census ends. */
const check8530Q = eachRow(CI, ['ExpectedPersonBirthDate'], (row, context) => {
  const expected = dateIn(row, 'ExpectedPersonBirthDate');
  const year = context.collectionYear.endYear;
  return expected !== null && (expected < `${year}-03-01` || expected > `${year}-12-31`);
});

const check8535Q = eachRow(CI, ['PersonDeathDate', 'PersonBirthDate'], (row) => {
  const death = dateIn(row, 'PersonDeathDate');
  if (death === null) return false;
  const birth = dateIn(row, 'PersonBirthDate');
  return birth === null || death < birth;
});

const DISABILITIES = new Set(['NONE', 'MOB', 'HAND', 'PC', 'INC', 'COMM', 'LD', 'HEAR', 'VIS', 'BEH', 'CON', 'AUT', 'DDA']);

/**
 * A born child with at least one referral going on to further action must have a disability
 * recorded (NONE when none), and every code recorded must be valid.
 */
const check8540: Check = (tables) => {
  const findings = new Findings();
  const disabilities = groupBy(located(tables, 'Disabilities'), childOf);
  const furtherAction = groupBy(located(tables, 'CINdetails').filter(({ row }) => isFalse(text(row, 'ReferralNFA'))), childOf);
  for (const { row, at } of located(tables, CI)) {
    const child = childOf(row);
    const referrals = furtherAction.get(child);
    if (text(row, 'PersonBirthDate') === null || referrals === undefined) continue;
    const recorded = disabilities.get(child) ?? [];
    const invalid = recorded.filter((item) => !DISABILITIES.has(text(item.row, 'Disability') ?? ''));
    if (recorded.length > 0 && invalid.length === 0) continue;
    findings.flag(CI, at, 'PersonBirthDate');
    for (const item of invalid) findings.flag('Disabilities', item.at, 'Disability');
    for (const item of referrals) findings.flag('CINdetails', item.at, 'ReferralNFA');
  }
  return findings.list;
};

const check8545Q = eachRow(CI, ['PersonDeathDate'], (row, context) => {
  const death = dateIn(row, 'PersonDeathDate');
  return death !== null && (death < context.collectionYear.start || death > context.collectionYear.end);
});

const check8590: Check = (tables) => {
  const findings = new Findings();
  const withEpisodes = new Set(located(tables, 'CINdetails').map(({ row }) => childOf(row)));
  for (const { row, at } of located(tables, CI)) if (!withEpisodes.has(childOf(row))) findings.flag(CI, at, 'LAchildID');
  return findings.list;
};

/** An unborn child (an expected date of birth and no date of birth) has its sex recorded as not known. */
const unbornSex = (column: string, unknown: string) => eachRow(CI, [column, 'PersonBirthDate', 'ExpectedPersonBirthDate'], (row) =>
  text(row, 'PersonBirthDate') === null && text(row, 'ExpectedPersonBirthDate') !== null && text(row, column) !== unknown);
const check8750_2022 = unbornSex('GenderCurrent', '0');
const check8750_2024 = unbornSex('Sex', 'U');

/**
 * A child with a referral going on to further action and old enough to have a UPN has one, or a
 * reason it is missing other than UN1 (which is for children under school age).
 */
function upnExpected(oldEnough: (birth: string, context: Parameters<Check>[1]) => boolean): Check {
  return (tables, context) => {
    const findings = new Findings();
    const furtherAction = new Set(located(tables, 'CINdetails').filter(({ row }) => isFalse(text(row, 'ReferralNFA'))).map(({ row }) => childOf(row)));
    for (const { row, at } of located(tables, CI)) {
      const birth = dateIn(row, 'PersonBirthDate');
      if (birth === null || !furtherAction.has(childOf(row)) || !oldEnough(birth, context)) continue;
      const reason = text(row, 'UPNunknown');
      if (text(row, 'UPN') === null && (reason === null || reason.toUpperCase() === 'UN1')) findings.flag(CI, at, 'UPN', 'UPNunknown');
    }
    return findings.list;
  };
}
/** More than five years old on the reference date. */
const check8770Q_2022 = upnExpected((birth, context) => birth < `${Number(context.collectionYear.endYear) - 5}-03-31`);
/** Of school age during the census year: five by the 31 August before it began. */
const check8770Q_2024 = upnExpected((birth, context) => birth <= `${Number(context.collectionYear.start.slice(0, 4)) - 5}-08-31`);

/** UN7 says every referral ended with no further action, so each referral must be so flagged. */
const check8772: Check = (tables) => {
  const findings = new Findings();
  const notNfa = groupBy(located(tables, 'CINdetails').filter(({ row }) => !isTrue(text(row, 'ReferralNFA'))), childOf);
  for (const { row, at } of located(tables, CI)) {
    if (text(row, 'UPNunknown')?.toUpperCase() !== 'UN7') continue;
    const referrals = notNfa.get(childOf(row));
    if (referrals === undefined) continue;
    findings.flag(CI, at, 'UPNunknown');
    for (const item of referrals) findings.flag('CINdetails', item.at, 'ReferralNFA');
  }
  return findings.list;
};

/** More than 25 years old (past the 25th birthday) when an episode closed, or on the reference date while it is open. */
const check8775Q: Check = (tables, context) => {
  const findings = new Findings();
  const episodes = groupBy(located(tables, 'CINdetails'), childOf);
  for (const { row, at } of located(tables, CI)) {
    const birth = dateIn(row, 'PersonBirthDate');
    if (birth === null) continue;
    const twentyFifthBirthday = `${Number(birth.slice(0, 4)) + 25}${birth.slice(4)}`;
    for (const episode of episodes.get(childOf(row)) ?? []) {
      const on = dateIn(episode.row, 'CINclosureDate') ?? context.collectionYear.end;
      if (on > twentyFifthBirthday) {
        findings.flag(CI, at, 'PersonBirthDate').flag('CINdetails', episode.at, 'CINclosureDate');
      }
    }
  }
  return findings.list;
};

const check8790: Check = (tables) => {
  const findings = new Findings();
  for (const group of groupBy(located(tables, 'Disabilities'), childOf).values()) {
    if (!group.some(({ row }) => text(row, 'Disability')?.toUpperCase() === 'NONE')) continue;
    for (const { row, at } of group) {
      const code = text(row, 'Disability');
      if (code !== null && code.toUpperCase() !== 'NONE') findings.flag('Disabilities', at, 'Disability');
    }
  }
  return findings.list;
};

const check8794: Check = (tables) => {
  const findings = new Findings();
  const withCode = located(tables, 'Disabilities').filter(({ row }) => text(row, 'Disability') !== null);
  for (const group of groupBy(withCode, (row: TableRow) => `${childOf(row)}\u0000${text(row, 'Disability')!.toUpperCase()}`).values()) {
    if (group.length > 1) for (const { at } of group) findings.flag('Disabilities', at, 'Disability');
  }
  return findings.list satisfies RuleFinding[];
};

export const identifierRules: readonly ValidationRule[] = [
  cinRule({
    code: '1510', severity: 'error', from: '2022-23',
    message: 'UPN invalid (wrong check letter at character 1)',
    fields: ['UPN'],
    tables: ['ChildIdentifiers'],
  }, check1510),
  cinRule({
    code: '1520', severity: 'error', from: '2022-23',
    message: 'More than one record with the same UPN.',
    fields: ['UPN'],
    tables: ['ChildIdentifiers'],
  }, check1520),
  cinRule({
    code: '1530', severity: 'error', from: '2022-23', until: '2022-23',
    message: 'UPN invalid (characters 2-4 not a recognised LA code)',
    fields: ['UPN'],
    tables: ['ChildIdentifiers'],
  }, check1530_2022),
  cinRule({
    code: '1530', severity: 'error', from: '2023-24',
    message: 'UPN invalid (characters 2-4 not a recognised LA code)',
    fields: ['UPN'],
    tables: ['ChildIdentifiers'],
  }, check1530_2023),
  cinRule({
    code: '1540', severity: 'error', from: '2022-23',
    message: 'UPN invalid (characters 5-12 not all numeric)',
    fields: ['UPN'],
    tables: ['ChildIdentifiers'],
  }, check1540),
  cinRule({
    code: '1550', severity: 'error', from: '2022-23',
    message: 'UPN invalid (character 13 not a recognised value)',
    fields: ['UPN'],
    tables: ['ChildIdentifiers'],
  }, check1550),
  cinRule({
    code: '1560Q', severity: 'query', from: '2022-23',
    message: 'Please check and either amend or provide a reason: Former UPN wrongly formatted',
    fields: ['FormerUPN'],
    tables: ['ChildIdentifiers'],
  }, check1560Q),
  cinRule({
    code: '1570', severity: 'error', from: '2024-25',
    message: 'LA Child ID must not be longer than 20 characters',
    fields: ['LAchildID'],
    tables: ['ChildIdentifiers'],
  }, check1570),
  cinRule({
    code: '1580', severity: 'error', from: '2024-25',
    message: 'LA Child ID must not contain any non-alphanumeric characters',
    fields: ['LAchildID'],
    tables: ['ChildIdentifiers'],
  }, check1580),
  cinRule({
    code: '4180', severity: 'error', from: '2022-23', until: '2023-24',
    message: 'Gender is missing',
    fields: ['GenderCurrent'],
    tables: ['ChildIdentifiers'],
  }, check4180_2022),
  cinRule({
    code: '4180', severity: 'error', from: '2024-25',
    message: 'Sex must be provided and equal M, F, or U',
    fields: ['Sex'],
    tables: ['ChildIdentifiers'],
  }, check4180_2024),
  cinRule({
    code: '4220', severity: 'error', from: '2022-23',
    message: 'Ethnicity is missing or invalid (see Ethnicity table)',
    fields: ['Ethnicity'],
    tables: ['ChildCharacteristics'],
  }, check4220),
  cinRule({
    code: '8500', severity: 'error', from: '2022-23',
    message: 'LA Child ID missing',
    fields: ['LAchildID'],
    tables: ['ChildIdentifiers'],
  }, check8500),
  cinRule({
    code: '8510', severity: 'error', from: '2022-23',
    message: 'More than one child record with the same LA Child ID',
    fields: ['LAchildID'],
    tables: ['ChildIdentifiers'],
  }, check8510),
  cinRule({
    code: '8520', severity: 'error', from: '2022-23',
    message: 'Date of Birth is after data collection period (must be on or before the end of the census period)',
    fields: ['PersonBirthDate', 'ReferenceDate'],
    tables: ['ChildIdentifiers', 'Header'],
  }, check8520),
  cinRule({
    code: '8525Q', severity: 'query', from: '2022-23',
    message: 'Either Date of Birth or Expected Date of Birth must be provided (but not both)',
    fields: ['PersonBirthDate', 'ExpectedPersonBirthDate'],
    tables: ['ChildIdentifiers'],
  }, check8525Q),
  cinRule({
    code: '8530Q', severity: 'query', from: '2022-23',
    message: 'Please check and either amend data or provide a reason: Expected Date of Birth is outside the expected range for this census (March to December of the Census Year end)',
    fields: ['ExpectedPersonBirthDate'],
    tables: ['ChildIdentifiers'],
  }, check8530Q),
  cinRule({
    code: '8535Q', severity: 'query', from: '2022-23',
    message: 'Please check and either amend data or provide a reason: Child’s date of death should not be prior to the date of birth',
    fields: ['PersonDeathDate', 'PersonBirthDate'],
    tables: ['ChildIdentifiers'],
  }, check8535Q),
  cinRule({
    code: '8540', severity: 'error', from: '2022-23',
    message: 'Child’s disability is missing or invalid (see Disability table)',
    fields: ['Disability', 'PersonBirthDate', 'ReferralNFA'],
    tables: ['ChildCharacteristics', 'Disabilities', 'ChildIdentifiers', 'CINdetails'],
  }, check8540),
  cinRule({
    code: '8545Q', severity: 'query', from: '2022-23',
    message: "Please check and either amend data or provide a reason: Child's date of death should be within the census year",
    fields: ['PersonDeathDate'],
    tables: ['ChildIdentifiers'],
  }, check8545Q),
  cinRule({
    code: '8590', severity: 'error', from: '2022-23',
    message: 'Child does not have a recorded CIN episode.',
    fields: ['LAchildID'],
    tables: ['ChildIdentifiers'],
  }, check8590),
  cinRule({
    code: '8750', severity: 'error', from: '2022-23', until: '2023-24',
    message: 'Gender must equal 0 for an unborn child',
    fields: ['GenderCurrent', 'PersonBirthDate', 'ExpectedPersonBirthDate'],
    tables: ['ChildIdentifiers'],
  }, check8750_2022),
  cinRule({
    code: '8750', severity: 'error', from: '2024-25',
    message: 'Sex must equal U for an unborn child',
    fields: ['Sex', 'PersonBirthDate', 'ExpectedPersonBirthDate'],
    tables: ['ChildIdentifiers'],
  }, check8750_2024),
  cinRule({
    code: '8770Q', severity: 'query', from: '2022-23', until: '2023-24',
    message: 'Please check and either amend data or provide a reason: UPN or reason UPN missing expected for a child who is more than 5 years old',
    fields: ['UPNunknown', 'UPNunknown'],
    tables: ['ChildIdentifiers'],
  }, check8770Q_2022),
  cinRule({
    code: '8770Q', severity: 'query', from: '2024-25',
    message: 'Please check and either amend data or provide a reason: UPN is missing or reason UPN is missing or is UN1 for a child who is of school age.',
    fields: ['UPNunknown', 'UPNunknown'],
    tables: ['ChildIdentifiers'],
  }, check8770Q_2024),
  cinRule({
    code: '8772', severity: 'error', from: '2022-23',
    message: 'UPN unknown reason is UN7 (Referral with no further action) but at least one CIN details is a referral going on to further action',
    fields: ['UPNunknown', 'ReferralNFA'],
    tables: ['ChildIdentifiers', 'CINdetails'],
  }, check8772),
  cinRule({
    code: '8775Q', severity: 'query', from: '2022-23',
    message: 'Please check and either amend data or provide a reason: Child is over 25 years old',
    fields: ['PersonBirthDate', 'CINclosureDate'],
    tables: ['ChildIdentifiers', 'CINdetails'],
  }, check8775Q),
  cinRule({
    code: '8790', severity: 'error', from: '2022-23',
    message: 'Disability information includes both None and other values',
    fields: ['Disability'],
    tables: ['Disabilities'],
  }, check8790),
  cinRule({
    code: '8794', severity: 'error', from: '2022-23',
    message: 'Child has two or more disabilities with the same code',
    fields: ['Disability'],
    tables: ['Disabilities'],
  }, check8794),
];
