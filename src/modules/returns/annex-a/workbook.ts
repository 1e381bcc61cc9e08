/**
 * The Annex A workbook: a sheet a list in Ofsted's layout (its column titles in the first row,
 * frozen and filterable), dates as real Excel dates shown dd/mm/yyyy, and a last sheet, "About this
 * workbook", saying what each list holds and which columns the record does not keep.
 */
import ExcelJS from 'exceljs';
import { annexALists, type AnnexAList } from './lists.ts';
import type { AnnexACell, AnnexARows, AnnexAWindow } from './rows.ts';

/**
 * The names of the teams and workers the rows give by id (the record keeps ids; the workforce's
 * names are reference data the engine reads). An id without a name is written as it is.
 */
export interface AnnexANames {
  teams?: Readonly<Record<string, string>>;
  workers?: Readonly<Record<string, string>>;
}

export const ABOUT_SHEET = 'About this workbook';

/** The columns whose cells name a team, and those naming a worker. */
const teamColumns = new Set(['Allocated Team']);
const workerColumns = new Set(['Allocated Worker', 'Allocated Personal Advisor']);

/** What the record does not keep, so a list or column is blank: said on the note sheet. */
export const annexABlanks: readonly string[] = [
  'List 2 (early help assessments) has no rows: the record keeps the front door\'s decision to offer early help, not early help assessments.',
  'List 8: the number of missing and absent episodes, and return interviews after a missing episode, are blank: the record does not keep missing episodes.',
  'List 8: the date of the last IRO visit or contact is blank (the record keeps the IRO\'s reviews, not visits or contacts), and so is the LA of placement (the record keeps the placement postcode and whether it is inside the council\'s area).',
  'List 10: the family identifier is blank: the record keeps the match with adopters, not the adoptive family as a record of its own.',
  'List 11 (adopters) has no rows: the record is of children; prospective adopters and their stages are not kept in it.',
];

/** How some columns are counted, where Ofsted's guidance leaves a choice. */
export const annexACountingNotes: readonly string[] = [
  'Lists 1, 3 and 5 hold what began in the 12 months; lists 4, 6, 7, 8, 9 and 10 what was open at any time in them. Values are as at the as-at date.',
  'List 3: the number of referrals in the last 12 months counts the child\'s other referrals in the 12 months before this one; a referral is NFA when its episode closed with no assessment begun.',
  'List 5: the numbers of section 47 enquiries and of initial conferences count the child\'s others in the 12 months before this enquiry began.',
  'List 6: an open episode with neither a child protection plan nor a child in need plan, and not looked after, is "d) Open assessment".',
  'List 7: subject to an emergency protection order or police protection is "Yes" when the child was accommodated under one (legal status L1 or L2) in the six months.',
  'List 8: periods of care made up only of short breaks (V3, V4) are left out; placements in the last 12 months leave out temporary moves (T0–T4).',
  'Coded columns use the canonical values of Ofsted\'s Annex A schema (for example ethnicity by group: "a) White").',
];

/** The workbook (.xlsx) of all eleven lists and the note sheet. */
export async function annexAWorkbook(rows: AnnexARows, window: AnnexAWindow, names: AnnexANames = {}): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Safeguard';
  workbook.created = new Date(`${window.asAt}T00:00:00Z`);
  for (const list of annexALists) addListSheet(workbook, list, rows[list.sheet] ?? [], names);
  addAboutSheet(workbook, window, rows);
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}

function addListSheet(workbook: ExcelJS.Workbook, list: AnnexAList, rows: readonly AnnexACell[][], names: AnnexANames): void {
  const sheet = workbook.addWorksheet(list.sheet, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = list.columns.map((column) => ({
    header: column.title, width: column.width, style: column.kind === 'date' ? { numFmt: 'dd/mm/yyyy' } : {},
  }));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).alignment = { wrapText: true, vertical: 'top' };
  for (const row of rows) {
    sheet.addRow(list.columns.map((column, index) => {
      const cell = row[index] ?? null;
      if (cell === null) return null;
      if (column.kind === 'date') return excelDateOf(String(cell));
      if (teamColumns.has(column.title)) return names.teams?.[String(cell)] ?? cell;
      if (workerColumns.has(column.title)) return names.workers?.[String(cell)] ?? cell;
      return cell;
    }));
  }
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: list.columns.length } };
}

/** An ISO date as the Date exceljs writes as that day's Excel serial (exceljs reads dates as UTC). */
function excelDateOf(isoDate: string): Date {
  return new Date(`${isoDate.slice(0, 10)}T00:00:00Z`);
}

function addAboutSheet(workbook: ExcelJS.Workbook, window: AnnexAWindow, rows: AnnexARows): void {
  const sheet = workbook.addWorksheet(ABOUT_SHEET);
  sheet.columns = [{ width: 16 }, { width: 110 }];
  const heading = sheet.addRow(['Ofsted ILACS Annex A']);
  heading.font = { bold: true, size: 14 };
  sheet.addRow(['Period', `${ukDate(window.from)} to ${ukDate(window.asAt)} (the 12 months before the as-at date)`]);
  sheet.addRow([]);
  sheet.addRow(['List', 'What it holds (rows)']).font = { bold: true };
  for (const list of annexALists) sheet.addRow([list.sheet, `${list.about} (${(rows[list.sheet] ?? []).length})`]);
  sheet.addRow([]);
  sheet.addRow(['Blank', 'What the record does not keep']).font = { bold: true };
  for (const note of annexABlanks) sheet.addRow(['', note]);
  sheet.addRow([]);
  sheet.addRow(['Counting', 'How some columns are counted']).font = { bold: true };
  for (const note of annexACountingNotes) sheet.addRow(['', note]);
  sheet.getColumn(2).alignment = { wrapText: true, vertical: 'top' };
}

const ukDate = (isoDate: string) => `${isoDate.slice(8, 10)}/${isoDate.slice(5, 7)}/${isoDate.slice(0, 4)}`;
