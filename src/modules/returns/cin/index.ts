/**
 * The children in need census (Children Act 1989 s83): one XML file a year, made from the record
 * (produce.ts), written and read (xml.ts), checked against DfE's schema (schema-check.ts),
 * validated with DfE's rules (rules/), and brought into the record from a file made elsewhere
 * (import.ts).
 */
import type { StatutoryReturn } from '../statutory-return.ts';
import { eventsOfCinCensus } from './import.ts';
import { headerRows, rowsOfChild } from './produce.ts';
import { cinRules } from './rules/index.ts';
import { schemaCheckCinCensus } from './schema-check.ts';
import { cinTableColumns } from './tables.ts';
import { readCinCensus, writeCinCensus } from './xml.ts';

export const cinCensus: StatutoryReturn = {
  kind: 'cin', title: 'Children in need census', years: ['2022-23', '2023-24', '2024-25', '2025-26'],
  tablesOf: cinTableColumns,
  rowsOfChild,
  headerRows,
  write: writeCinCensus,
  read: readCinCensus,
  schemaCheck: schemaCheckCinCensus,
  rules: cinRules,
  eventsOf: eventsOfCinCensus,
};
