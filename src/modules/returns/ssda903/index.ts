/** The SSDA903 return of children looked after: a CSV file a table, a year at a time. */
import type { StatutoryReturn } from '../statutory-return.ts';
import { ssda903Rules } from './rules/index.ts';

export const ssda903Return: StatutoryReturn = {
  kind: 'ssda903', title: 'Children looked after return (SSDA903)', years: ['2022-23', '2023-24', '2024-25', '2025-26', '2026-27'],
  tablesOf: () => ({}), rowsOfChild: () => null, headerRows: () => ({}), write: () => [], read: () => ({ tables: {}, collectionYear: null, problems: [] }),
  rules: ssda903Rules, eventsOf: () => ({ children: [], problems: [] }),
};
