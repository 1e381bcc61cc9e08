/**
 * A kind of reference line in an interchange file (a team, a worker): reference data a council
 * migrates alongside its children's records, part of no child's record. A line is the kind's
 * `record` name, the council's `laCode` and the kind's own fields. A module declares the kinds it
 * keeps; the import writes their lines as it reads them, the export writes them before the events.
 *
 * This file is the contract between the two sides: it imports nothing that reads the registry.
 */
import type pg from 'pg';
import type { z } from 'zod';

/** A reference line as read or written: the kind's fields and the council's code. */
export type ReferenceLine<Fields extends object> = Fields & { laCode: string };

export interface ReferenceRecord<Fields extends object = object> {
  /** The line's `record`: 'team', 'worker'. */
  record: string;
  /** The kind's fields (the line less `record` and `laCode`). */
  schema: z.ZodType<Fields>;
  /** Kinds whose lines must be written before a line of this one is (a worker's team). */
  writtenAfter?: readonly string[];
  /** Writes lines in file order: each adds or replaces its row, as reference data is not a record. */
  write(client: pg.PoolClient, lines: ReferenceLine<Fields>[]): Promise<void>;
  /** The councils' lines for an export, in the order an import would write them; a kind not exported has none. */
  exported?(client: pg.PoolClient, laCodes: readonly string[]): Promise<ReferenceLine<Fields>[]>;
}

/** Gives a reference record kind its types without writing them out. */
export function referenceRecord<Fields extends object>(kind: ReferenceRecord<Fields>): ReferenceRecord<Fields> {
  return kind;
}
