/**
 * Integrity of the return across its files (EPI, INT01–INT36): every child in a file is in the
 * header, says the same of their date of birth and sex there, and appears once where once is all.
 */
import type { ReturnTables, TableRow } from '../../../return-tables.ts';
import type { RuleFinding, ValidationRule } from '../../../validation-rule.ts';
import { byChild, childrenIn, codeIn, dateIn, findings, indexedRows, ruleOf, textOf } from './kit.ts';

const noEpisodes = (tables: ReturnTables): RuleFinding[] => {
  const lookedAfter = childrenIn(tables, 'Episodes');
  return findings('Header', indexedRows(tables, 'Header').filter(({ row }) => !lookedAfter.has(codeIn(row, 'CHILD') ?? '')).map(({ index }) => index), ['CHILD']);
};

/** Rows of `table` whose child the header does not list (a return without a header is not checked). */
function notInHeader(table: string) {
  return (tables: ReturnTables): RuleFinding[] => {
    if (tables.Header === undefined) return [];
    const known = childrenIn(tables, 'Header');
    return findings(table, indexedRows(tables, table).filter(({ row }) => !known.has(codeIn(row, 'CHILD') ?? '')).map(({ index }) => index), ['CHILD']);
  };
}

/** A cell as compared across files: a date by its day, whatever way it is written; anything else as text. */
const comparable = (row: TableRow, column: string): string => dateIn(row, column) ?? textOf(row[column] ?? null);

/** Rows of `table` whose `column` differs from what the header says of the same child. */
function differsFromHeader(table: string, column: string) {
  return (tables: ReturnTables): RuleFinding[] => {
    const header = byChild(tables, 'Header');
    const rows = indexedRows(tables, table).filter(({ row }) => {
      const own = header.get(codeIn(row, 'CHILD') ?? '');
      return own !== undefined && !own.some((entry) => comparable(entry.row, column) === comparable(row, column));
    });
    return findings(table, rows.map(({ index }) => index), [column]);
  };
}

/** Every row of a child listed more than once in `table`. */
function listedMoreThanOnce(table: string) {
  return (tables: ReturnTables): RuleFinding[] => findings(table,
    [...byChild(tables, table).values()].filter((rows) => rows.length > 1).flatMap((rows) => rows.map(({ index }) => index)), ['CHILD']);
}

export const integrityRules: readonly ValidationRule[] = [
  ruleOf('EPI', noEpisodes),
  ruleOf('INT01', notInHeader('AD1')),
  ruleOf('INT02', notInHeader('PlacedAdoption')),
  ruleOf('INT03', notInHeader('Episodes')),
  ruleOf('INT04', notInHeader('Missing')),
  ruleOf('INT05', notInHeader('OC2')),
  ruleOf('INT06', notInHeader('OC3')),
  ruleOf('INT07', notInHeader('PrevPerm')),
  ruleOf('INT08', notInHeader('Reviews')),
  ruleOf('INT09', notInHeader('UASC')),
  ruleOf('INT11', differsFromHeader('AD1', 'DOB')),
  ruleOf('INT12', differsFromHeader('PlacedAdoption', 'DOB')),
  ruleOf('INT13', differsFromHeader('Missing', 'DOB')),
  ruleOf('INT14', differsFromHeader('OC2', 'DOB')),
  ruleOf('INT15', differsFromHeader('OC3', 'DOB')),
  ruleOf('INT16', differsFromHeader('PrevPerm', 'DOB')),
  ruleOf('INT17', differsFromHeader('Reviews', 'DOB')),
  ruleOf('INT18', differsFromHeader('UASC', 'DOB')),
  ruleOf('INT21', differsFromHeader('UASC', 'SEX')),
  ruleOf('INT31', listedMoreThanOnce('AD1')),
  ruleOf('INT32', listedMoreThanOnce('Header')),
  ruleOf('INT33', listedMoreThanOnce('OC2')),
  ruleOf('INT34', listedMoreThanOnce('OC3')),
  ruleOf('INT35', listedMoreThanOnce('PrevPerm')),
  ruleOf('INT36', listedMoreThanOnce('UASC')),
];
