/**
 * A child's current involvements as lists of children show them (search, related children, the
 * due list): read from the child_involvement projection (migration 0024), furthest along first,
 * in the order the record itself gives them (record/transitions.ts involvementsOf).
 */
import type { InvolvementOut } from './read-model.ts';

/** An involvement as a list shows it: the record's own shape. */
export type ListedInvolvement = InvolvementOut;

/** A JSON array of the involvements of the child `childIdSql` of the council `laCodeSql` (SQL expressions), for a SELECT list. */
export const involvementsJsonSql = (laCodeSql: string, childIdSql: string): string =>
  `(SELECT coalesce(json_agg(json_build_object('kind', i.kind, 'label', i.label, 'since', i.since) ORDER BY i.rank DESC, i.since, i.kind COLLATE "C"), '[]'::json)
      FROM child_involvement i WHERE i.la_code = ${laCodeSql} AND i.child_id = ${childIdSql})`;

/** The condition that the child `childIdSql` of the council `laCodeSql` is involved in the kind of work `kindSql` (both SQL expressions). */
export const involvedInSql = (laCodeSql: string, childIdSql: string, kindSql: string): string =>
  `EXISTS (SELECT 1 FROM child_involvement i WHERE i.la_code = ${laCodeSql} AND i.child_id = ${childIdSql} AND i.kind = ${kindSql})`;
