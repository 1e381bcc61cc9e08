/**
 * Checks an event must pass against what the database holds beyond the child's record (reference
 * data, such as the workforce an allocation names) before it is written. The fold checks an event
 * against the record; these check it against the rest. A module declares them for its events;
 * the record engine runs them before recording an event, the import once a file's lines are stored.
 *
 * This file is the contract between the two sides: it imports nothing that reads the registry.
 */
import type pg from 'pg';
import type { FieldProblem } from '../platform/errors.ts';
import type { RequestContext } from '../platform/request-context.ts';

/** A problem with one line of an import. */
export interface ImportProblem extends FieldProblem {
  line: number;
}

/** A pool or a connection: what a check reads through. */
export type Queryable = Pick<pg.Pool | pg.PoolClient, 'query'>;

/** A module's checks before write, for its events (`Event`: the union of their schemas' types). */
export interface ChecksBeforeWrite<Event extends { type: string }> {
  /** Of one event recorded through the API on the child `childId`, by its type: throws a DomainError to refuse it. */
  event?: { [Type in Event['type']]?: (db: Queryable, event: Extract<Event, { type: Type }> & { occurredOn: string; childId: string }, context: RequestContext) => Promise<void> };
  /**
   * Of an import's events, once every line of the file is stored (so that the reference lines a
   * check reads count wherever they are in the file): each problem with its line.
   */
  imported?: (client: pg.PoolClient, importBatchId: string) => Promise<ImportProblem[]>;
}
