/**
 * What DfE's validator derives when it loads a return's CSV files, before it runs its rules: the
 * header's UASC flag (from the UASC table) and three Episodes columns from the postcodes, PL_LA
 * (the council the placement is in), PL_LOCATION (IN or OUT of the returning council's area) and
 * PL_DISTANCE (miles from the home postcode to the placement's). A council's files do not carry
 * them; the rules on them (169, 179, 392a, 303, 411, 1015…) read them. They are derived here the
 * same way for a produced return and for files read from any system, so the two validate alike.
 *
 * A cell a file already gives is kept: the derivation only fills blanks. A postcode in a district
 * the record does not know derives nothing, so the rules say the council or distance is missing,
 * as DfE's tool does for a postcode it cannot find.
 */
import { councilOfPostcode, placementLocationOf } from '../../looked-after/index.ts';
import { cellOf, type ReturnTables, type TableRow } from '../return-tables.ts';

/** Looked after under short breaks only: DfE derives no placement location for these. */
const SHORT_BREAKS = new Set(['V3', 'V4']);

/**
 * Children the UASC table (or last year's) says are or were unaccompanied asylum seekers: a row
 * with something recorded beyond the child's id and date of birth, as DfE's tool reads it.
 */
function unaccompaniedIn(tables: ReturnTables, table: string): Set<string> {
  const children = new Set<string>();
  for (const row of tables[table]?.rows ?? []) {
    const child = cellOf(row, 'CHILD');
    if (child !== null && Object.keys(row).some((column) => column !== 'CHILD' && column !== 'DOB' && cellOf(row, column) !== null)) children.add(child);
  }
  return children;
}

/**
 * The header's UASC flag, which CSV files do not carry: DfE's tool adds it from the UASC table when
 * the files are loaded (1 for a child with a UASC row, 0 otherwise). A flag a file gives is kept.
 */
function withUascFlags(tables: ReturnTables, derived: Record<string, ReturnTables[string]>): void {
  for (const [header, uasc] of [['Header', 'UASC'], ['Header_last', 'UASC_last']] as const) {
    const table = tables[header];
    if (table === undefined || tables[uasc] === undefined) continue;
    const unaccompanied = unaccompaniedIn(tables, uasc);
    derived[header] = {
      columns: table.columns,
      rows: table.rows.map((row) => (cellOf(row, 'UASC') !== null ? row : { ...row, UASC: unaccompanied.has(cellOf(row, 'CHILD') ?? '') ? '1' : '0' })),
    };
  }
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

/**
 * The tables with the header's UASC flag and each episode's (this year's and last year's) derived
 * placement cells filled where blank; rows keep their positions.
 */
export function withDerivedPlacementColumns(tables: ReturnTables, laNumber: string): ReturnTables {
  const unaccompanied = new Set([...unaccompaniedIn(tables, 'UASC'), ...unaccompaniedIn(tables, 'UASC_last')]);
  const derived: Record<string, ReturnTables[string]> = { ...tables };
  withUascFlags(tables, derived);
  // A return repeats the same few hundred pairs of postcodes across thousands of episodes: each
  // pair's location is worked out once per call.
  const locations = new Map<string, Record<string, string | null>>();
  for (const name of ['Episodes', 'Episodes_last']) {
    const table = tables[name];
    if (table === undefined) continue;
    derived[name] = {
      columns: table.columns,
      rows: table.rows.map((row) => {
        const unaccompaniedChild = unaccompanied.has(cellOf(row, 'CHILD') ?? '');
        const home = cellOf(row, 'HOME_POST') ?? '';
        // The home postcode's length makes the key unambiguous whatever characters the postcodes hold.
        const key = `${SHORT_BREAKS.has(cellOf(row, 'LS') ?? '') ? 'V' : '-'}${unaccompaniedChild ? 'U' : '-'}${home.length}:${home}${cellOf(row, 'PL_POST') ?? ''}`;
        let cells = locations.get(key);
        if (cells === undefined) {
          cells = derivedPlacementCells(row, laNumber, unaccompaniedChild);
          locations.set(key, cells);
        }
        // All three cells are set in one literal, so every derived row has the same shape.
        return {
          ...row,
          PL_LA: cellOf(row, 'PL_LA') ?? cells.PL_LA ?? null,
          PL_LOCATION: cellOf(row, 'PL_LOCATION') ?? cells.PL_LOCATION ?? null,
          PL_DISTANCE: cellOf(row, 'PL_DISTANCE') ?? cells.PL_DISTANCE ?? null,
        };
      }),
    };
  }
  return derived;
}
