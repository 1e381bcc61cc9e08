/** Rules about the return as a whole: counts and proportions across all its children. */
import type { ValidationRule } from '../../validation-rule.ts';
import { childOf, cinRule, dateIn, Findings, groupBy, inYear, located, text, type Check } from './kit.ts';

/** More child protection plans starting in the year than initial conferences held in it (on enquiries or episodes). */
const check2883: Check = (tables, context) => {
  const inTheYear = (table: string, column: string) =>
    located(tables, table).filter(({ row }) => { const date = dateIn(row, column); return date !== null && inYear(date, context); }).length;
  const plans = inTheYear('ChildProtectionPlans', 'CPPstartDate');
  const conferences = inTheYear('Section47', 'DateOfInitialCPC') + inTheYear('CINdetails', 'DateOfInitialCPC');
  return plans > conferences ? new Findings().whole('ChildProtectionPlans', 'CPPstartDate').list : [];
};

/** More than 2% of the born children have no sex recorded (missing, or recorded as not known). */
const noSexRecorded = (column: string, unknown: string): Check => (tables) => {
  const born = located(tables, 'ChildIdentifiers').filter(({ row }) => text(row, 'ExpectedPersonBirthDate') === null);
  const unrecorded = born.filter(({ row }) => [null, unknown].includes(text(row, column))).length;
  return born.length > 0 && unrecorded / born.length > 0.02 ? new Findings().whole('ChildIdentifiers', column).list : [];
};
const check2886Q_2022 = noSexRecorded('GenderCurrent', '0');
const check2886Q_2024 = noSexRecorded('Sex', 'U');

/** Fewer than 8 different disability codes (other than NONE) across the return. */
const check2887Q: Check = (tables) => {
  const codes = new Set(located(tables, 'Disabilities').map(({ row }) => text(row, 'Disability')?.toUpperCase()).filter((code) => code !== undefined && code !== 'NONE'));
  return codes.size < 8 ? new Findings().whole('Disabilities', 'Disability').list : [];
};

/** Disabilities are recorded, but never more than one for any child. */
const check2888Q: Check = (tables) => {
  const recorded = located(tables, 'Disabilities').filter(({ row }) => text(row, 'Disability') !== null);
  if (recorded.length === 0) return [];
  const multiple = [...groupBy(recorded, childOf).values()].some((rows) =>
    new Set(rows.map(({ row }) => text(row, 'Disability')!.toUpperCase()).filter((code) => code !== 'NONE')).size > 1);
  return multiple ? [] : new Findings().whole('Disabilities', 'Disability').list;
};

export const returnLevelRules: readonly ValidationRule[] = [
  cinRule({
    code: '2883', severity: 'error', from: '2022-23',
    message: 'There are more child protection plans starting than initial conferences taking place',
    fields: ['CPPstartDate', 'DateOfInitialCPC'],
    tables: ['ChildProtectionPlans', 'Section47', 'CINdetails'],
  }, check2883),
  cinRule({
    code: '2886Q', severity: 'query', from: '2022-23', until: '2023-24',
    message: 'Please check and either amend or provide a reason: Percentage of children with no gender recorded is more than 2% (excluding unborns)',
    fields: ['ExpectedPersonBirthDate', 'ChildIdentifiers'],
    tables: ['ChildIdentifiers'],
  }, check2886Q_2022),
  cinRule({
    code: '2886Q', severity: 'query', from: '2024-25',
    message: 'Please check and either amend or provide a reason: Percentage of children with no sex recorded is more than 2% (excluding unborns)',
    fields: ['ExpectedPersonBirthDate', 'ChildIdentifiers'],
    tables: ['ChildIdentifiers'],
  }, check2886Q_2024),
  cinRule({
    code: '2887Q', severity: 'query', from: '2022-23',
    message: 'Please check and either amend or provide a reason: Less than 8 disability codes have been used in your return',
    fields: ['Disability'],
    tables: ['Disabilities'],
  }, check2887Q),
  cinRule({
    code: '2888Q', severity: 'query', from: '2022-23',
    message: 'Please check and either amend or provide a reason: Only one disability code is recorded per child and multiple disabilities should be recorded where possible.',
    fields: ['Disability'],
    tables: ['Disabilities'],
  }, check2888Q),
];
