/**
 * The SSDA903 return as CSV files, a file a table. Written with the specification's file names;
 * read from any system's files by their columns alone, as DfE's validator identifies them (the
 * name a council gives a file does not matter).
 */
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import type { ReadReturn, ReturnFile } from '../statutory-return.ts';
import { tableOf, type ReturnTables, type TableRow } from '../return-tables.ts';

/** The file name of each table, as the specification and DfE's tools name them. */
export const ssda903FileNames: Readonly<Record<string, string>> = {
  Header: 'header.csv', Episodes: 'episodes.csv', Reviews: 'reviews.csv', UASC: 'uasc.csv', OC2: 'oc2.csv', OC3: 'oc3.csv', AD1: 'ad1.csv',
  PlacedAdoption: 'placed_for_adoption.csv', PrevPerm: 'previous_permanence.csv', Missing: 'missing.csv', SWEpisodes: 'sw_episodes.csv',
  DoLo: 'dolo.csv',
};

/**
 * The columns of every table in any year the return knows (SWEpisodes from 2023-24 and DoLo from
 * 2026-27 are simply tables more): a file is identified by matching one of them exactly.
 */
export type TableColumns = Readonly<Record<string, readonly string[]>>;

/** A CSV file a table, each with its columns in the file's order (a table the year does not have is not written). */
export function writeCsvFiles(tables: ReturnTables, columnsOf: TableColumns): ReturnFile[] {
  return Object.entries(columnsOf).map(([table, columns]) => {
    const rows = tables[table]?.rows ?? [];
    const contents = stringify(rows.map((row) => columns.map((column) => row[column] ?? '')), { header: true, columns: [...columns], record_delimiter: '\r\n' });
    return { name: ssda903FileNames[table] ?? `${table.toLowerCase()}.csv`, mediaType: 'text/csv', contents };
  });
}

const sameColumns = (a: readonly string[], b: readonly string[]) => a.length === b.length && [...a].sort().join(',') === [...b].sort().join(',');

/**
 * Tables read from CSV files made by any system: each file is the table whose columns it has,
 * whatever their order and whatever the file is called. A byte order mark is dropped and blank
 * cells read as null. A file matching no table, or a second file of the same table, is a problem.
 */
export function readCsvFiles(files: readonly ReturnFile[], columnsOf: TableColumns): ReadReturn {
  const tables: Record<string, ReturnType<typeof tableOf>> = {};
  const problems: ReadReturn['problems'] = [];
  for (const file of files) {
    let records: string[][];
    try {
      records = parse(file.contents.replace(/^\uFEFF/, ''), { bom: true, skip_empty_lines: true, relax_column_count: true, trim: true }) as string[][];
    } catch (error) {
      problems.push({ file: file.name, line: null, message: `This file could not be read as CSV: ${(error as Error).message}` });
      continue;
    }
    const header = (records[0] ?? []).map((column) => column.trim().toUpperCase());
    const table = Object.entries(columnsOf).find(([, columns]) => sameColumns(columns, header))?.[0];
    if (table === undefined) {
      const expected = Object.entries(columnsOf).map(([name, columns]) => `${name}: ${columns.join(', ')}`).join('; ');
      problems.push({
        file: file.name, line: 1,
        message: `This file's columns (${header.join(', ') || 'none'}) are not those of any SSDA903 table. Each file must have exactly the columns of one table — ${expected}`,
      });
      continue;
    }
    if (tables[table] !== undefined) {
      problems.push({ file: file.name, line: 1, message: `This file has the columns of the ${table} table, already read from another file: give each table once` });
      continue;
    }
    const rows: TableRow[] = records.slice(1).map((record) => Object.fromEntries(header.map((column, index) => {
      const cell = record[index];
      return [column, cell === undefined || cell === '' ? null : cell];
    })));
    tables[table] = tableOf(columnsOf[table]!, rows);
  }
  // The collection year is not in CSV files: the caller says which year they are for.
  return { tables, collectionYear: null, problems };
}
