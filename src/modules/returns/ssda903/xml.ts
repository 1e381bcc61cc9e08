/**
 * The SSDA903 XML upload (EXPSSDA903/CHILD/HEADER…/EPISODE…, DfE's schema
 * CLA_EXPSSDA903_2021_v3.3.0.xsd), read into the same tables as the CSV files, and checked against
 * that schema. A set of files may mix the two: each XML file is read as the whole return of its
 * children, each other file as one CSV table.
 */
import { XMLParser } from 'fast-xml-parser';
import type { CollectionYear } from '../collection-year.ts';
import { tableOf, type Cell, type TableRow } from '../return-tables.ts';
import type { ReadReturn, ReturnFile } from '../statutory-return.ts';
import { checkAgainstSchema } from '../xml-schema.ts';
import type { TableColumns } from './csv.ts';

type Element = Record<string, unknown>;

const isXml = (file: ReturnFile) => /\.xml$/i.test(file.name) || /^\uFEFF?\s*</.test(file.contents);

const listOf = (value: unknown): Element[] => (value === undefined || value === null ? [] : Array.isArray(value) ? value as Element[] : [value as Element]);

const textOf = (value: unknown): Cell => {
  if (value === undefined || value === null || typeof value === 'object') return null;
  const text = String(value).trim();
  return text === '' ? null : text;
};

/** The rows of each table from the XML's children: the header fields spread over the tables as the CSV files have them. */
function tablesOfXml(contents: string, columnsOf: TableColumns): Record<string, TableRow[]> {
  // Every value read as text: a CHILDID or URN of digits keeps its leading zeros.
  const parser = new XMLParser({ ignoreAttributes: true, parseTagValue: false, trimValues: true });
  const document = parser.parse(contents) as Element;
  const root = document.EXPSSDA903 as Element | undefined;
  if (root === undefined) throw new Error('it has no EXPSSDA903 element: it is not an SSDA903 XML file');
  const rows: Record<string, TableRow[]> = {};
  const add = (table: string, values: Record<string, Cell>) => {
    const columns = columnsOf[table]!;
    (rows[table] ??= []).push(Object.fromEntries(columns.map((column) => [column, values[column] ?? null])));
  };
  for (const child of listOf(root.CHILD)) {
    const header = (child.HEADER ?? {}) as Element;
    const field = (name: string, from: Element = header) => textOf(from[name]);
    const CHILD = field('CHILDID');
    const DOB = field('DOB');
    const SEX = field('SEX');
    add('Header', { CHILD, SEX, DOB, ETHNIC: field('ETHNIC'), UPN: field('UPN'), MOTHER: field('MOTHER'), MC_DOB: field('MC_DOB') });
    // UASC: the flag in the header; a child flagged, or with the day the status ceased, is in the UASC table.
    if (field('UASC') === '1' || field('DUC') !== null) add('UASC', { CHILD, SEX, DOB, DUC: field('DUC') });
    if (field('DATE_INT') !== null || field('DATE_MATCH') !== null) {
      add('AD1', {
        CHILD, DOB, DATE_INT: field('DATE_INT'), DATE_MATCH: field('DATE_MATCH'), FOSTER_CARE: field('FOSTER_CARE'), NB_ADOPTR: field('NB_ADOPTR'),
        SEX_ADOPTR: field('SEX_ADOPTR'), LS_ADOPTR: field('LS_ADOPTR'),
      });
    }
    if (field('IN_TOUCH') !== null) add('OC3', { CHILD, DOB, IN_TOUCH: field('IN_TOUCH'), ACTIV: field('ACTIV'), ACCOM: field('ACCOM') });
    for (const missing of listOf(header.AMISSING)) {
      add('Missing', { CHILD, DOB, MISSING: field('MISSING', missing), MIS_START: field('MIS_START', missing), MIS_END: field('MIS_END', missing) });
    }
    for (const review of listOf(header.AREVIEW)) add('Reviews', { CHILD, DOB, REVIEW: field('REVIEW', review), REVIEW_CODE: field('REVIEW_CODE', review) });
    for (const permanence of listOf(header.PERMANENCE)) {
      add('PrevPerm', { CHILD, DOB, PREV_PERM: field('PREV_PERM', permanence), LA_PERM: field('LA_PERM', permanence), DATE_PERM: field('DATE_PERM', permanence) });
    }
    for (const oc2 of listOf(header.OC2)) {
      const columns = columnsOf.OC2!.filter((column) => column !== 'CHILD' && column !== 'DOB');
      add('OC2', { CHILD, DOB, ...Object.fromEntries(columns.map((column) => [column, field(column, oc2)])) });
    }
    for (const placed of listOf(header.AD_PLACED)) {
      add('PlacedAdoption', {
        CHILD, DOB, DATE_PLACED: field('DATE_PLACED', placed), DATE_PLACED_CEASED: field('DATE_PLACED_CEASED', placed),
        REASON_PLACED_CEASED: field('REASON_PLACED_CEASED', placed),
      });
    }
    for (const episode of listOf(child.EPISODE)) {
      add('Episodes', {
        CHILD, DECOM: field('DECOM', episode), RNE: field('RNE', episode), LS: field('LS', episode), CIN: field('CIN', episode),
        // The XML calls the placement type PL; the CSV file PLACE.
        PLACE: field('PL', episode), PLACE_PROVIDER: field('PLACE_PROVIDER', episode), DEC: field('DEC', episode), REC: field('REC', episode),
        REASON_PLACE_CHANGE: field('REASON_PLACE_CHANGE', episode), HOME_POST: field('HOME_POST', episode), PL_POST: field('PL_POST', episode),
        URN: field('URN', episode),
      });
    }
  }
  return rows;
}

/**
 * Reads a set of SSDA903 files, XML or CSV: the XML files' children into the tables, the CSV
 * files by `readCsv`. Tables from several files are put together.
 */
export function readSsda903Files(files: readonly ReturnFile[], columnsOf: TableColumns,
  readCsv: (files: readonly ReturnFile[], columnsOf: TableColumns) => ReadReturn): ReadReturn {
  const fromCsv = readCsv(files.filter((file) => !isXml(file)), columnsOf);
  const rows: Record<string, TableRow[]> = Object.fromEntries(Object.entries(fromCsv.tables).map(([table, { rows: tableRows }]) => [table, [...tableRows]]));
  const problems = [...fromCsv.problems];
  for (const file of files.filter(isXml)) {
    try {
      for (const [table, tableRows] of Object.entries(tablesOfXml(file.contents, columnsOf))) (rows[table] ??= []).push(...tableRows);
    } catch (error) {
      problems.push({ file: file.name, line: null, message: `This file could not be read as an SSDA903 XML file: ${(error as Error).message}` });
    }
  }
  const tables = Object.fromEntries(Object.entries(rows).map(([table, tableRows]) => [table, tableOf(columnsOf[table]!, tableRows)]));
  // Neither the CSV files nor the XML say the collection year: the caller gives it.
  return { tables, collectionYear: null, problems };
}

/**
 * Checks an SSDA903 XML file against DfE's schema: the expanded SSDA903 schema of 2021 (v3.3.0),
 * the one Safeguard carries, for every year.
 */
export async function ssda903SchemaCheck(file: ReturnFile, _year: CollectionYear): Promise<{ valid: boolean; errors: { line: number | null; message: string }[] }> {
  // Loaded when asked for, so that the return's definition stays free of the file system.
  const { readFile } = await import('node:fs/promises');
  const schema = await readFile(new URL('./schemas/CLA_EXPSSDA903_2021_v3.3.0.xsd', import.meta.url), 'utf8');
  return checkAgainstSchema({ fileName: file.name, contents: file.contents }, { fileName: 'CLA_EXPSSDA903_2021_v3.3.0.xsd', contents: schema });
}
