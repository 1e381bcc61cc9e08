/** Section 47 enquiries and initial child protection conferences. */
import type { ValidationRule } from '../../validation-rule.ts';
import type { TableRow } from '../../return-tables.ts';
import { cinRule, childOf, dateIn, eachRow, episodeOf, Findings, groupBy, inYear, isTrue, isWeekend, located, moreThanWorkingDaysBeforeEnd, text, type Check } from './kit.ts';
import { notBeforeReferral } from './assessments.ts';

const S47 = 'Section47';

/** The enquiry's conference date is not before its episode's referral, nor is a conference recorded on the episode. */
const check1104: Check = (tables, context) => {
  const findings = new Findings();
  for (const finding of notBeforeReferral(S47, 'DateOfInitialCPC')(tables, context)) findings.flag(finding.table, finding.row!, finding.column!);
  for (const { row, at } of located(tables, 'CINdetails')) {
    const conference = dateIn(row, 'DateOfInitialCPC');
    const referral = dateIn(row, 'CINreferralDate');
    if (conference && referral && conference < referral) findings.flag('CINdetails', at, 'CINreferralDate', 'DateOfInitialCPC');
  }
  return findings.list;
};

/** The same conference (the child's, on the same day) recorded both on an enquiry and on the episode. */
const check2884: Check = (tables) => {
  const findings = new Findings();
  const atEpisodeLevel = groupBy(located(tables, 'CINdetails').filter(({ row }) => dateIn(row, 'DateOfInitialCPC') !== null),
    (row) => `${childOf(row)}\u0000${dateIn(row, 'DateOfInitialCPC')}`);
  for (const { row, at } of located(tables, S47)) {
    const conference = dateIn(row, 'DateOfInitialCPC');
    if (conference === null) continue;
    const twins = atEpisodeLevel.get(`${childOf(row)}\u0000${conference}`) ?? [];
    for (const twin of twins) findings.flag(S47, at, 'DateOfInitialCPC').flag('CINdetails', twin.at, 'DateOfInitialCPC');
  }
  return findings.list;
};

const check2889 = notBeforeReferral(S47, 'S47ActualStartDate');

const check8615 = eachRow(S47, ['S47ActualStartDate', 'DateOfInitialCPC'], (row) => {
  const conference = dateIn(row, 'DateOfInitialCPC');
  if (conference === null) return false;
  const start = dateIn(row, 'S47ActualStartDate');
  return start === null || start > conference;
});

/** Still awaiting its conference: no conference date and not marked as not needing one. */
const awaitingConference = (row: TableRow): boolean => text(row, 'DateOfInitialCPC') === null && !isTrue(text(row, 'ICPCnotRequired'));

/** An initial conference is due within 15 working days of the strategy discussion that starts the enquiry. */
const check8675Q = eachRow(S47, ['DateOfInitialCPC', 'S47ActualStartDate', 'ICPCnotRequired'], (row, context) => {
  const start = dateIn(row, 'S47ActualStartDate');
  return start !== null && awaitingConference(row) && moreThanWorkingDaysBeforeEnd(start, 15, context);
});

const check8715 = eachRow(S47, ['DateOfInitialCPC'], (row, context) => {
  const conference = dateIn(row, 'DateOfInitialCPC');
  return conference !== null && !inYear(conference, context);
});

const check8740 = eachRow(S47, ['S47ActualStartDate', 'DateOfInitialCPC', 'ICPCnotRequired'], (row, context) => {
  const start = dateIn(row, 'S47ActualStartDate');
  return start !== null && awaitingConference(row) && !inYear(start, context);
});

const check8839: Check = (tables) => {
  const findings = new Findings();
  for (const group of groupBy(located(tables, S47).filter(({ row }) => awaitingConference(row)), episodeOf).values()) {
    if (group.length > 1) for (const { at } of group) findings.flag(S47, at, 'DateOfInitialCPC');
  }
  return findings.list;
};

const check8870Q = eachRow(S47, ['InitialCPCtarget'], (row) => {
  const target = dateIn(row, 'InitialCPCtarget');
  return target !== null && isWeekend(target);
});

const check8875: Check = (tables) => {
  const findings = new Findings();
  for (const table of [S47, 'CINdetails']) {
    for (const { row, at } of located(tables, table)) {
      const conference = dateIn(row, 'DateOfInitialCPC');
      if (conference !== null && isWeekend(conference)) findings.flag(table, at, 'DateOfInitialCPC');
    }
  }
  return findings.list;
};

export const section47Rules: readonly ValidationRule[] = [
  cinRule({
    code: '1104', severity: 'error', from: '2022-23',
    message: 'The date of the initial child protection conference cannot be before the referral date',
    fields: ['CINreferralDate', 'DateOfInitialCPC'],
    tables: ['Section47', 'CINdetails'],
  }, check1104),
  cinRule({
    code: '2884', severity: 'error', from: '2022-23',
    message: 'An initial child protection conference is recorded at both the S47 and CIN Details level and it should only be recorded in one',
    fields: ['DateOfInitialCPC'],
    tables: ['Section47', 'CINdetails'],
  }, check2884),
  cinRule({
    code: '2889', severity: 'error', from: '2022-23',
    message: 'The S47 start date cannot be before the referral date.',
    fields: ['S47ActualStartDate', 'CINreferralDate'],
    tables: ['Section47', 'CINdetails'],
  }, check2889),
  cinRule({
    code: '8615', severity: 'error', from: '2022-23',
    message: 'Section 47 Enquiry Start Date must be present and cannot be later than the date of the initial Child Protection Conference',
    fields: ['S47ActualStartDate', 'DateOfInitialCPC'],
    tables: ['Section47'],
  }, check8615),
  cinRule({
    code: '8675Q', severity: 'query', from: '2022-23',
    message: 'Please check and either amend data or provide a reason: S47 Enquiry started more than 15 working days before the end of the census year. However, there is no date of Initial Child Protection Conference.',
    fields: ['DateOfInitialCPC', 'S47ActualStartDate', 'ICPCnotRequired'],
    tables: ['Section47'],
  }, check8675Q),
  cinRule({
    code: '8715', severity: 'error', from: '2022-23',
    message: 'Date of Initial Child Protection Conference must fall within the census year',
    fields: ['DateOfInitialCPC', 'ReferenceDate'],
    tables: ['Section47', 'Header'],
  }, check8715),
  cinRule({
    code: '8740', severity: 'error', from: '2022-23',
    message: 'For a Section 47 Enquiry that has not held the Initial Child Protection Conference by the end of the census year, the start date must fall within the census year',
    fields: ['S47ActualStartDate', 'DateOfInitialCPC', 'ICPCnotRequired'],
    tables: ['Section47'],
  }, check8740),
  cinRule({
    code: '8839', severity: 'error', from: '2022-23',
    message: 'Within one CINDetails group there are 2 or more open S47 Assessments',
    fields: ['DateOfInitialCPC'],
    tables: ['Section47'],
  }, check8839),
  cinRule({
    code: '8870Q', severity: 'query', from: '2022-23',
    message: 'Please check and either amend or provide a reason: The Target Date for Initial Child Protection Conference should not be a weekend',
    fields: ['InitialCPCtarget'],
    tables: ['Section47'],
  }, check8870Q),
  cinRule({
    code: '8875', severity: 'error', from: '2022-23',
    message: 'The Date of Initial Child Protection Conference cannot be a weekend',
    fields: ['DateOfInitialCPC'],
    tables: ['Section47', 'CINdetails'],
  }, check8875),
];
