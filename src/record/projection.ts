/**
 * What a projection table is, as a module declares one: the table its migration creates, its
 * columns, its key, and how a child's rows are built from their folded record. The record engine
 * (record/projections.ts) writes every module's rows in the same transaction as each event,
 * rebuilds them from the log, and folds imports into them; a module only says what its rows are.
 *
 * This file is the contract between the two sides: it imports nothing that reads the registry.
 */

/** One row of a projection table, column by column, without la_code and child_id (the engine adds both). */
export type ProjectionRow = Record<string, unknown>;

/** What a module's rows may need of the record beyond its own part of the state. */
export interface ProjectedRecord {
  /** The record's one-word status, for lists: the kind of the child's furthest-along involvement. */
  status: string;
}

/**
 * A projection table. Every projection table has la_code and child_id (la_code first in its
 * primary key); a child's rows are only ever the fold of their record, so they can be rebuilt.
 */
export interface ProjectionTable<State> {
  /** The table, as its migration creates it (named in a comment beside the declaration). */
  table: string;
  /** Its columns other than la_code and child_id, each with its SQL type (as jsonb_to_recordset reads them). */
  columns: Readonly<Record<string, string>>;
  /** Its primary key less la_code: changed rows are deleted by it. */
  key: readonly string[];
  /** The child's rows. Only called for a registered child: a record not (or no longer) registered projects nothing. */
  rowsOf: (state: State, record: ProjectedRecord) => ProjectionRow[];
}

/**
 * Gives a projection table its type (its state from `rowsOf`), checking its key and rows against
 * its columns: a key column it does not have, or a row without a column, does not compile.
 */
export function projectionTable<State, const Columns extends Readonly<Record<string, string>>>(table: {
  table: string;
  columns: Columns;
  key: readonly (keyof Columns & string | 'child_id')[];
  rowsOf: (state: State, record: ProjectedRecord) => { [Column in keyof Columns]: unknown }[];
}): ProjectionTable<State> {
  return table;
}
