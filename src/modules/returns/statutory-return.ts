/**
 * What each statutory return (the CIN census, SSDA903) gives the returns' engine: how a child's
 * record fills its tables for a year, how its files are written and read, its validation rules,
 * and how a file someone else made becomes events on children's records (import). The engine
 * (service.ts: folding the year's records, validating, serving the API, the command line and the
 * pages) reads these and names no return's internals. Ofsted's Annex A is a workbook of lists,
 * not validated by DfE's rules: annex-a/ gives its own, smaller contract.
 */
import type { CollectionYear } from './collection-year.ts';
import type { ReturnsChildState } from './child-state.ts';
import type { ReturnTables, TableRow } from './return-tables.ts';
import type { ReturnKind, ValidationContext, ValidationRule } from './validation-rule.ts';

/** A file of a return, as written or as uploaded. */
export interface ReturnFile {
  /** 'cin-census-2024-25.xml', 'episodes.csv'… (a CSV upload's name does not matter: its columns say which table it is). */
  name: string;
  mediaType: string;
  contents: string;
}

/** What the header of a produced return says: whose it is, which year, and which software made it when. */
export interface ReturnHeaderFacts {
  collectionYear: CollectionYear;
  /** The council's three-digit LA number: '206'. */
  laNumber: string;
  /** When it was produced (ISO date-time). */
  producedAt: string;
  softwareCode: string;
  release: string;
}

/** A return read from files: its tables, the year it says it is for (when it says), and what stopped parts of it being read. */
export interface ReadReturn {
  tables: ReturnTables;
  collectionYear: CollectionYear | null;
  /** Problems reading the files themselves (not DfE rules): an unknown CSV, a malformed date line… each in plain English. */
  problems: { file: string; line: number | null; message: string }[];
}

/** One child's events made from an imported return, ready for the interchange import (src/interchange). */
export interface ImportedChildEvents {
  childId: string;
  events: { type: string; occurredAt: string; data: Record<string, unknown> }[];
}

export interface StatutoryReturn {
  kind: ReturnKind;
  /** Plain English: 'Children in need census'. */
  title: string;
  /** The collection years it can produce, oldest first ('2024-25'…). */
  years: readonly string[];
  /** The tables of a year's return, each with its columns in the file's order. */
  tablesOf: (year: CollectionYear) => Readonly<Record<string, readonly string[]>>;
  /**
   * A child's rows of each table, from their record folded up to the end of the year; null when
   * the child is not in the year's return. Pure.
   */
  rowsOfChild: (state: ReturnsChildState, year: CollectionYear) => Readonly<Record<string, readonly TableRow[]>> | null;
  /** The rows the return has once whatever its children (the CIN census's Header). */
  headerRows: (facts: ReturnHeaderFacts) => Readonly<Record<string, readonly TableRow[]>>;
  /** Its files, from its tables (the CIN census is one XML file; SSDA903 a CSV file a table). */
  write: (tables: ReturnTables, facts: ReturnHeaderFacts) => ReturnFile[];
  /** Reads its files (a return made by any system) into tables. */
  read: (files: readonly ReturnFile[]) => ReadReturn;
  /** Checks a produced or uploaded file against DfE's XML schema for the year, where it has one. */
  schemaCheck?: (file: ReturnFile, year: CollectionYear) => Promise<{ valid: boolean; errors: { line: number | null; message: string }[] }>;
  /**
   * What DfE's validator derives from a return's tables before it runs the rules (SSDA903: the
   * placement's council, location and distance from the postcodes), the same for a produced return
   * and an uploaded one. Rows keep their positions. Absent: the tables are validated as they are.
   */
  prepareForValidation?: (tables: ReturnTables, context: ValidationContext) => ReturnTables;
  /** Every version of its DfE validation rules, for every year it knows (rulesInForce picks a year's). */
  rules: readonly ValidationRule[];
  /** The events that bring a return's children into the record, so that producing it again gives the same file. */
  eventsOf: (tables: ReturnTables, year: CollectionYear) => { children: ImportedChildEvents[]; problems: { table: string; row: number; message: string }[] };
}
