/**
 * A statutory return as tables: the shape every return takes inside Safeguard, whichever file it
 * came from or goes to. A CIN census XML flattens into the eleven tables DfE's validators use
 * (Header, ChildIdentifiers, ChildCharacteristics, Disabilities, CINdetails, Assessments,
 * AssessmentFactorsList, CINplanDates, Section47, ChildProtectionPlans, Reviews); an SSDA903 set is
 * its CSV files, one table each (Header, Episodes, Reviews, UASC, OC2, OC3, AD1, PlacedAdoption,
 * PrevPerm, Missing, SWEpisodes, DoLo), with the previous year's, where given, as `<Table>_last`.
 *
 * Producing a return fills these tables from the record; a file is written from them; a file
 * read (to validate or import it) becomes them; and the validation rules read only them. So a
 * rule's location (table, row, column) is the same whether the return was made here or elsewhere.
 */

/**
 * One cell, as text as the file carries it, or null when blank. CIN census dates are ISO
 * (YYYY-MM-DD, as in the XML); SSDA903 dates are dd/mm/yyyy (as in the CSV files). Rules parse
 * dates with return-dates.ts and treat a cell that does not parse as not a valid date.
 */
export type Cell = string | null;

/** One row: a cell for each of its table's columns (a column missing from the row reads as null). */
export type TableRow = Readonly<Record<string, Cell>>;

export interface ReturnTable {
  /** The table's columns, in the file's order. */
  readonly columns: readonly string[];
  readonly rows: readonly TableRow[];
}

/** A return's tables by name ('Header', 'Episodes', 'Episodes_last', 'CINdetails'…); a table not given is absent. */
export type ReturnTables = Readonly<Record<string, ReturnTable>>;

/** A table of `columns` holding `rows`. */
export function tableOf(columns: readonly string[], rows: readonly TableRow[] = []): ReturnTable {
  return { columns, rows };
}

/** A cell's value in a row: null for a blank cell or a column the row does not have. */
export function cellOf(row: TableRow, column: string): Cell {
  const value = row[column];
  return value === undefined || value === null || value === '' ? null : value;
}

/** The rows of a table, or none when the return does not have it. */
export function rowsOf(tables: ReturnTables, table: string): readonly TableRow[] {
  return tables[table]?.rows ?? [];
}
