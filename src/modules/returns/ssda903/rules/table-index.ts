/**
 * One index of each table per validation, shared by every rule of every group: some 300 rules read
 * the same few tables by child, and regrouping a table of thousands of rows for each rule costs
 * more than the rules' own checks. An index is kept against the table's rows array (a WeakMap), so
 * it lives as long as the return being validated and no longer, and a rule stays a pure function
 * of the tables: what it reads from here is what it would have built itself.
 *
 * What is handed out is read-only; a rule that needs its own order copies it.
 */
import { cellOf, type TableRow } from '../../return-tables.ts';

/** A row together with its position in its table. */
export interface IndexedRow { readonly row: TableRow; readonly index: number }

interface TableIndex {
  /** Positions by the CHILD cell as written. */
  positionsByCell?: ReadonlyMap<string, readonly number[]>;
  /** Positions by the CHILD cell trimmed (rows whose CHILD is blank or spaces left out). */
  positionsByTrimmed?: ReadonlyMap<string, readonly number[]>;
  firstRowByCell?: ReadonlyMap<string, TableRow>;
  firstRowByTrimmed?: ReadonlyMap<string, TableRow>;
  indexed?: readonly IndexedRow[];
  groupsByTrimmed?: ReadonlyMap<string, readonly IndexedRow[]>;
}

const indexes = new WeakMap<readonly TableRow[], TableIndex>();

function indexOf(rows: readonly TableRow[]): TableIndex {
  let index = indexes.get(rows);
  if (index === undefined) {
    index = {};
    indexes.set(rows, index);
  }
  return index;
}

function childCell(row: TableRow): string | null {
  return cellOf(row, 'CHILD');
}

function trimmedChild(row: TableRow): string | null {
  const cell = cellOf(row, 'CHILD');
  if (cell === null) return null;
  const trimmed = cell.trim();
  return trimmed === '' ? null : trimmed;
}

function groupPositions(rows: readonly TableRow[], keyOf: (row: TableRow) => string | null): Map<string, number[]> {
  const byChild = new Map<string, number[]>();
  for (let index = 0; index < rows.length; index++) {
    const child = keyOf(rows[index]!);
    if (child === null) continue;
    const positions = byChild.get(child);
    if (positions) positions.push(index);
    else byChild.set(child, [index]);
  }
  return byChild;
}

function firstRows(rows: readonly TableRow[], keyOf: (row: TableRow) => string | null): Map<string, TableRow> {
  const byChild = new Map<string, TableRow>();
  for (const row of rows) {
    const child = keyOf(row);
    if (child !== null && !byChild.has(child)) byChild.set(child, row);
  }
  return byChild;
}

/**
 * A table's row positions by child, in table order. `trimmed`: the child's id read without
 * surrounding spaces (and an id of spaces only left out), as some groups' rules read it; otherwise
 * the cell as written.
 */
export function positionsByChildOf(rows: readonly TableRow[], trimmed: boolean): ReadonlyMap<string, readonly number[]> {
  const index = indexOf(rows);
  if (trimmed) return (index.positionsByTrimmed ??= groupPositions(rows, trimmedChild));
  return (index.positionsByCell ??= groupPositions(rows, childCell));
}

/** The first row of a table for each child (Header, OC2, OC3 and AD1 hold one row per child). */
export function firstRowByChildOf(rows: readonly TableRow[], trimmed: boolean): ReadonlyMap<string, TableRow> {
  const index = indexOf(rows);
  if (trimmed) return (index.firstRowByTrimmed ??= firstRows(rows, trimmedChild));
  return (index.firstRowByCell ??= firstRows(rows, childCell));
}

/** The rows of a table with their positions. */
export function indexedRowsOf(rows: readonly TableRow[]): readonly IndexedRow[] {
  const index = indexOf(rows);
  return (index.indexed ??= rows.map((row, position) => ({ row, index: position })));
}

/** The rows of a table with their positions, grouped by the child's trimmed id. */
export function rowGroupsByChildOf(rows: readonly TableRow[]): ReadonlyMap<string, readonly IndexedRow[]> {
  const index = indexOf(rows);
  if (index.groupsByTrimmed !== undefined) return index.groupsByTrimmed;
  const indexed = indexedRowsOf(rows);
  const groups = new Map<string, IndexedRow[]>();
  for (const [child, positions] of positionsByChildOf(rows, true)) groups.set(child, positions.map((position) => indexed[position]!));
  index.groupsByTrimmed = groups;
  return groups;
}
