/** The children in need census (Children Act 1989 s83): one XML file a year. */
import type { StatutoryReturn } from '../statutory-return.ts';
import { cinRules } from './rules/index.ts';

export const cinCensus: StatutoryReturn = {
  kind: 'cin', title: 'Children in need census', years: ['2022-23', '2023-24', '2024-25', '2025-26'],
  tablesOf: () => ({}), rowsOfChild: () => null, headerRows: () => ({}), write: () => [], read: () => ({ tables: {}, collectionYear: null, problems: [] }),
  rules: cinRules, eventsOf: () => ({ children: [], problems: [] }),
};
