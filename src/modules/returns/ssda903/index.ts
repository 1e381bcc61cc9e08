/** The SSDA903 return of children looked after: a CSV file a table, a year at a time. */
import { collectionYear, type CollectionYear } from '../collection-year.ts';
import type { StatutoryReturn } from '../statutory-return.ts';
import { readCsvFiles, writeCsvFiles } from './csv.ts';
import { withDerivedPlacementColumns } from './derived-columns.ts';
import { eventsOfSsda903 } from './import.ts';
import { rowsOfChild } from './produce.ts';
import { ssda903Rules } from './rules/index.ts';
import { ssda903TableColumns } from './tables.ts';
import { readSsda903Files, ssda903SchemaCheck } from './xml.ts';

/** Every table any year has (the latest year's list holds them all): a CSV file is identified among these. */
const everyTable = (): Readonly<Record<string, readonly string[]>> => ssda903TableColumns(collectionYear('2026-27'));

export const ssda903Return: StatutoryReturn = {
  kind: 'ssda903', title: 'Children looked after return (SSDA903)', years: ['2022-23', '2023-24', '2024-25', '2025-26', '2026-27'],
  tablesOf: (year: CollectionYear) => ssda903TableColumns(year),
  rowsOfChild,
  // The SSDA903 return has no header file: the council and year are given when it is uploaded.
  headerRows: () => ({}),
  write: (tables, facts) => writeCsvFiles(tables, ssda903TableColumns(facts.collectionYear)),
  read: (files) => readSsda903Files(files, everyTable(), readCsvFiles),
  schemaCheck: ssda903SchemaCheck,
  prepareForValidation: (tables, context) => withDerivedPlacementColumns(tables, context.laNumber),
  rules: ssda903Rules,
  eventsOf: eventsOfSsda903,
};
