/**
 * The Episodes columns DfE's validator derives from postcodes before it runs its rules: PL_LA (the
 * council the placement is in), PL_LOCATION (IN or OUT of the returning council's area) and
 * PL_DISTANCE (miles from the home postcode to the placement's). A council's files do not carry
 * them; the rules on them (169, 179, 392a, 411, 1015…) read them. They are derived here the same
 * way for a produced return and for files read from any system, so the two validate alike.
 *
 * A cell a file already gives is kept: the derivation only fills blanks. A postcode in a district
 * the record does not know derives nothing, so the rules say the council or distance is missing,
 * as DfE's tool does for a postcode it cannot find.
 */
import { councilOfPostcode, placementLocationOf } from '../../looked-after/index.ts';
import { cellOf, type ReturnTables, type TableRow } from '../return-tables.ts';

/** Looked after under short breaks only: DfE derives no placement location for these. */
const SHORT_BREAKS = new Set(['V3', 'V4']);

/** Children who are or were unaccompanied asylum seekers: no distance is returned for them (rule 406). */
function unaccompaniedChildren(tables: ReturnTables): Set<string> {
  const children = new Set<string>();
  for (const name of ['UASC', 'UASC_last']) {
    for (const row of tables[name]?.rows ?? []) {
      const child = cellOf(row, 'CHILD');
      if (child !== null && Object.keys(row).some((column) => column !== 'CHILD' && cellOf(row, column) !== null)) children.add(child);
    }
  }
  for (const name of ['Header', 'Header_last']) {
    for (const row of tables[name]?.rows ?? []) if (cellOf(row, 'UASC') === '1' && cellOf(row, 'CHILD') !== null) children.add(cellOf(row, 'CHILD')!);
  }
  return children;
}

/** An episode's derived placement cells, for the council `laNumber` ('206'). */
export function derivedPlacementCells(row: TableRow, laNumber: string, unaccompanied: boolean): Record<string, string | null> {
  if (SHORT_BREAKS.has(cellOf(row, 'LS') ?? '')) return { PL_LA: null, PL_LOCATION: null, PL_DISTANCE: null };
  const home = cellOf(row, 'HOME_POST') ?? undefined;
  const placement = cellOf(row, 'PL_POST') ?? undefined;
  const location = placementLocationOf(laNumber, home, placement);
  return {
    PL_LA: councilOfPostcode(placement) ?? null,
    PL_LOCATION: location.insideCouncil === undefined ? null : location.insideCouncil ? 'IN' : 'OUT',
    PL_DISTANCE: unaccompanied || location.distanceMiles === undefined ? null : location.distanceMiles.toFixed(1),
  };
}

/** The tables with each episode's (this year's and last year's) derived placement cells filled where blank; rows keep their positions. */
export function withDerivedPlacementColumns(tables: ReturnTables, laNumber: string): ReturnTables {
  const unaccompanied = unaccompaniedChildren(tables);
  const derived: Record<string, ReturnTables[string]> = { ...tables };
  for (const name of ['Episodes', 'Episodes_last']) {
    const table = tables[name];
    if (table === undefined) continue;
    derived[name] = {
      columns: table.columns,
      rows: table.rows.map((row) => {
        const cells = derivedPlacementCells(row, laNumber, unaccompanied.has(cellOf(row, 'CHILD') ?? ''));
        const filled: Record<string, string | null> = { ...row };
        for (const [column, value] of Object.entries(cells)) if (cellOf(row, column) === null) filled[column] = value;
        return filled;
      }),
    };
  }
  return derived;
}
