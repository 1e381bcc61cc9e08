import type pg from 'pg';
import { nameMatchScore } from './name-matching.ts';
import { visibleChildCondition } from '../../access/policy.ts';
import type { AccessGrant } from '../../platform/request-context.ts';

export interface RelatedChild {
  childId: string;
  forename: string;
  surname: string;
  dateOfBirth: string | null;
  status: string;
  /** How they are linked: a recorded sibling relationship, a shared current household, or both. */
  links: ('sibling' | 'household')[];
}

/**
 * A child's siblings and the other children in their current households, found from the
 * relationship and household projections in both directions, so recording the link on either
 * child is enough.
 */
export async function queryRelatedChildren(db: Pick<pg.Pool, 'query'>, laCode: string, childId: string, asAt: string, access?: AccessGrant): Promise<RelatedChild[]> {
  const visible = visibleChildCondition(access, 'c', 4);
  const result = await db.query(
    `WITH siblings AS (
       SELECT related_child_id AS child_id, 'sibling' AS link FROM child_relationship
        WHERE la_code = $1 AND child_id = $2 AND related_child_id IS NOT NULL
          AND relationship IN ('sibling', 'half-sibling', 'step-sibling') AND (ended_on IS NULL OR ended_on > $3)
       UNION
       SELECT child_id, 'sibling' FROM child_relationship
        WHERE la_code = $1 AND related_child_id = $2
          AND relationship IN ('sibling', 'half-sibling', 'step-sibling') AND (ended_on IS NULL OR ended_on > $3)
     ), household_members AS (
       SELECT other.child_id, 'household' AS link
         FROM household_membership mine
         JOIN household_membership other ON other.la_code = mine.la_code AND other.household_id = mine.household_id
        WHERE mine.la_code = $1 AND mine.child_id = $2 AND other.child_id <> $2
          AND mine.joined_on <= $3 AND (mine.left_on IS NULL OR mine.left_on > $3)
          AND other.joined_on <= $3 AND (other.left_on IS NULL OR other.left_on > $3)
     ), related AS (SELECT * FROM siblings UNION SELECT * FROM household_members)
     SELECT c.child_id, c.forename, c.surname, c.date_of_birth, c.status, array_agg(DISTINCT r.link ORDER BY r.link) AS links
       FROM related r JOIN child c ON c.la_code = $1 AND c.child_id = r.child_id
      WHERE ${visible.sql}
      GROUP BY c.child_id, c.forename, c.surname, c.date_of_birth, c.status
      ORDER BY c.date_of_birth NULLS LAST, c.child_id`,
    [laCode, childId, asAt, ...visible.params],
  );
  return result.rows.map((row) => ({
    childId: row.child_id, forename: row.forename, surname: row.surname, dateOfBirth: row.date_of_birth, status: row.status, links: row.links,
  }));
}

export interface ChildSearch {
  surname?: string;
  forename?: string;
  dateOfBirth?: string;
  nhsNumber?: string;
  upn?: string;
  workerId?: string;
  teamId?: string;
  status?: string;
  limit: number;
}

export interface ChildListItem {
  childId: string;
  forename: string;
  surname: string;
  dateOfBirth: string | null;
  expectedDateOfBirth: string | null;
  sex: string;
  ethnicity: string;
  status: string;
  allocatedWorkerId: string | null;
  allocatedTeamId: string | null;
}

const childColumns = 'child_id, forename, surname, date_of_birth, expected_date_of_birth, sex, ethnicity, status, allocated_worker_id, allocated_team_id';

const childFilters = `la_code = $1
        AND ($2::text IS NULL OR lower(surname) LIKE lower($2) || '%')
        AND ($3::text IS NULL OR lower(forename) LIKE lower($3) || '%')
        AND ($4::date IS NULL OR date_of_birth = $4)
        AND ($5::text IS NULL OR nhs_number = $5)
        AND ($6::text IS NULL OR upper(upn) = upper($6))
        AND ($7::text IS NULL OR allocated_worker_id = $7)
        AND ($8::text IS NULL OR allocated_team_id = $8)
        AND ($9::text IS NULL OR status = $9)`;

/**
 * A name as the start of a LIKE pattern: `%` and `_` in it are letters to match, not wildcards
 * (a search for `%` would otherwise list every child in scope). Backslash is LIKE's escape.
 */
const likePrefix = (name: string | undefined) => (name === undefined ? null : name.replace(/[\\%_]/g, '\\$&'));

/** Enough rows to hold every child of a large borough's record when looking for a misspelt name. */
const fuzzyCandidateLimit = 50_000;

/**
 * Children matching every criterion given. Names match from their start, ignoring case; when that
 * finds fewer than asked for, close misspellings follow (see name-matching.ts), best match first.
 */
export async function queryChildren(db: Pick<pg.Pool, 'query'>, laCode: string, search: ChildSearch, access?: AccessGrant): Promise<ChildListItem[]> {
  // Children outside the searcher's scope are never found, nor counted among the candidates.
  const visible = visibleChildCondition(access, 'child', 11);
  const otherCriteria = [search.dateOfBirth ?? null, search.nhsNumber ?? null, search.upn ?? null, search.workerId ?? null, search.teamId ?? null, search.status ?? null];
  const result = await db.query(
    `SELECT ${childColumns} FROM child WHERE ${childFilters} AND (${visible.sql})
      ORDER BY lower(surname), lower(forename), child_id
      LIMIT $10`,
    [laCode, likePrefix(search.surname), likePrefix(search.forename), ...otherCriteria, search.limit, ...visible.params],
  );
  const exact = result.rows.map(childListItemOf);
  if ((!search.surname && !search.forename) || exact.length >= search.limit) return exact;
  const found = new Set(exact.map((child) => child.childId));
  const candidates = await db.query(
    `SELECT ${childColumns} FROM child WHERE ${childFilters} AND (${visible.sql}) LIMIT $10`,
    [laCode, null, null, ...otherCriteria, fuzzyCandidateLimit, ...visible.params],
  );
  const close: { child: ChildListItem; score: number }[] = [];
  for (const row of candidates.rows) {
    if (found.has(row.child_id)) continue;
    const surnameScore = search.surname ? nameMatchScore(search.surname, row.surname) : 0;
    const forenameScore = search.forename ? nameMatchScore(search.forename, row.forename) : 0;
    if (surnameScore === undefined || forenameScore === undefined) continue;
    close.push({ child: childListItemOf(row), score: surnameScore + forenameScore });
  }
  close.sort((a, b) => a.score - b.score || a.child.surname.localeCompare(b.child.surname) || a.child.forename.localeCompare(b.child.forename) || a.child.childId.localeCompare(b.child.childId));
  return [...exact, ...close.slice(0, search.limit - exact.length).map((entry) => entry.child)];
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function childListItemOf(row: any): ChildListItem {
  return {
    childId: row.child_id, forename: row.forename, surname: row.surname, dateOfBirth: row.date_of_birth, expectedDateOfBirth: row.expected_date_of_birth,
    sex: row.sex, ethnicity: row.ethnicity, status: row.status, allocatedWorkerId: row.allocated_worker_id, allocatedTeamId: row.allocated_team_id,
  };
}
