/**
 * Ofsted's ILACS Annex A: lists 1–11 of children (and adopters) for the 12 months before a date,
 * as the workbook Ofsted asks for at the start of an inspection of local authority children's
 * services. The lists are read from each child's record as the other modules keep it (rows.ts) and
 * written in Ofsted's layout (lists.ts, workbook.ts). Pure: no database, no fold.
 *
 * What the record does not keep is left blank and said so on the workbook's "About this workbook"
 * sheet: early help assessments (list 2), missing episodes and return interviews, the last IRO
 * visit and the LA of placement (list 8), the adoptive family identifier (list 10) and adopters (list 11).
 */
import type { ReturnsChildState } from '../child-state.ts';
import { annexALists } from './lists.ts';
import { annexARowsOfChild, type AnnexARows, type AnnexAWindow } from './rows.ts';
import { annexAWorkbook, type AnnexANames } from './workbook.ts';

export type { AnnexACell, AnnexARows, AnnexAWindow } from './rows.ts';
export { ageInYearsOn, joinAnnexARows } from './rows.ts';
export type { AnnexAColumn, AnnexAColumnKind, AnnexAList } from './lists.ts';
export { annexALists } from './lists.ts';
export { ABOUT_SHEET, annexABlanks, annexACountingNotes, type AnnexANames } from './workbook.ts';

export interface AnnexA {
  /** Each list's title (as its sheet is named) and columns, in Ofsted's order. */
  lists: readonly { sheet: string; columns: readonly string[] }[];
  /** A child's rows of each list, from their record folded up to the as-at date. Pure. */
  rowsOfChild: (state: ReturnsChildState, window: AnnexAWindow) => AnnexARows;
  /**
   * The workbook (.xlsx) of all the lists, from every child's rows joined (joinAnnexARows). Teams
   * and workers are named from `names` where given, otherwise written as their ids.
   */
  workbook: (rows: AnnexARows, window: AnnexAWindow, names?: AnnexANames) => Promise<Uint8Array>;
}

export const annexA: AnnexA = {
  lists: annexALists.map((list) => ({ sheet: list.sheet, columns: list.columns.map((column) => column.title) })),
  rowsOfChild: annexARowsOfChild,
  workbook: annexAWorkbook,
};
