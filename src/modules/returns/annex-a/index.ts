/** Ofsted's ILACS Annex A: lists 1–11 of children and adopters for the 12 months before a date, as a workbook. */
import type { ReturnsChildState } from '../child-state.ts';

export interface AnnexAWindow {
  /** The first day of the 12 months. */
  from: string;
  /** The date the lists are as at (the last day). */
  asAt: string;
}

/** A list's rows, each a value per column in Ofsted's order. */
export type AnnexARows = Readonly<Record<string, readonly (string | number | null)[][]>>;

export interface AnnexA {
  /** Each list's title (as its sheet is named) and columns, in Ofsted's order. */
  lists: readonly { sheet: string; columns: readonly string[] }[];
  /** A child's rows of each list, from their record folded up to the as-at date. Pure. */
  rowsOfChild: (state: ReturnsChildState, window: AnnexAWindow) => AnnexARows;
  /** The workbook (.xlsx) of all the lists. */
  workbook: (rows: AnnexARows, window: AnnexAWindow) => Promise<Uint8Array>;
}

export const annexA: AnnexA = { lists: [], rowsOfChild: () => ({}), workbook: async () => new Uint8Array() };
