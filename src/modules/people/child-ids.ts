import type { Queryable } from '../../record/check-before-write.ts';

/** The council's LA child id format, the synthetic borough's too: "C" + the 3-digit LA code + 7 digits, e.g. C2060000123. */
export const childIdOf = (laCode: string, number: number): string => `C${laCode}${String(number).padStart(7, '0')}`;

/**
 * Issues the next LA child id of the council (migration 0033): one past the last issued and past
 * every id of the format already in the event log (imported or seeded), in one statement whose
 * row lock orders two registrations made at the same moment.
 */
export async function issueChildId(db: Queryable, laCode: string): Promise<string> {
  const result = await db.query<{ last_number: number }>(
    `WITH on_record AS (
       SELECT COALESCE(max(substr(child_id, 5)::bigint), 0) AS highest
         FROM child_event
        WHERE la_code = $1 AND child_id LIKE 'C' || $1 || '%' AND child_id ~ ('^C' || $1 || '[0-9]{7}$')
     )
     INSERT INTO child_id_issued (la_code, last_number)
     SELECT $1, highest + 1 FROM on_record
     ON CONFLICT (la_code) DO UPDATE
       SET last_number = GREATEST(child_id_issued.last_number, (SELECT highest FROM on_record)) + 1
     RETURNING last_number`,
    [laCode],
  );
  return childIdOf(laCode, Number(result.rows[0]!.last_number));
}
