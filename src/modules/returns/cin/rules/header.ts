/** The census header: its reference date. */
import type { ValidationRule } from '../../validation-rule.ts';
import { cinRule, eachRow, text } from './kit.ts';

/** The reference date is always 31 March of the census's Year. */
const check100 = eachRow('Header', ['ReferenceDate'], (row) => {
  const year = text(row, 'Year');
  return year === null || text(row, 'ReferenceDate')?.slice(0, 10) !== `${year}-03-31`;
});

export const headerRules: readonly ValidationRule[] = [
  cinRule({
    code: '100', severity: 'error', from: '2022-23',
    message: 'Reference Date is incorrect',
    fields: ['ReferenceDate'],
    tables: ['Header'],
  }, check100),
];
