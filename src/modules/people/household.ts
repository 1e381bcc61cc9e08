/**
 * Lists of children from the people module's projections: search, and a child's related children.
 * Each list shows every involvement of each child beside their status; every child a list shows is
 * audited as read by ChildListRepository, the data-access layer for lists.
 */
import type pg from 'pg';
import { identityMatchScore, nameMatchScore } from './name-matching.ts';
import { visibleChildCondition } from '../../access/policy.ts';
import { writeListAudit } from '../../platform/audit/audit.ts';
import type { Database } from '../../platform/database/database.ts';
import type { AccessGrant, RequestContext } from '../../platform/request-context.ts';
import { involvedInSql, involvementsJsonSql, type ListedInvolvement } from '../../record/involvement-list.ts';
import type { ChildRecordRepository } from '../../record/repo.ts';

export interface RelatedChild {
  childId: string;
  forename: string;
  surname: string;
  dateOfBirth: string | null;
  status: string;
  involvements: ListedInvolvement[];
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
     SELECT c.child_id, c.forename, c.surname, c.date_of_birth, c.status, ${involvementsJsonSql('$1', 'c.child_id')} AS involvements,
            array_agg(DISTINCT r.link ORDER BY r.link) AS links
       FROM related r JOIN child c ON c.la_code = $1 AND c.child_id = r.child_id
      WHERE ${visible.sql}
      GROUP BY c.child_id, c.forename, c.surname, c.date_of_birth, c.status
      ORDER BY c.date_of_birth NULLS LAST, c.child_id`,
    [laCode, childId, asAt, ...visible.params],
  );
  return result.rows.map((row) => ({
    childId: row.child_id, forename: row.forename, surname: row.surname, dateOfBirth: row.date_of_birth, status: row.status, involvements: row.involvements,
    links: row.links,
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
  /** An involvement's kind: children involved in that kind of work now (e.g. child-protection-plan). */
  involvement?: string;
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
  involvements: ListedInvolvement[];
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
        AND ($9::text IS NULL OR status = $9)
        AND ($10::text IS NULL OR ${involvedInSql('child.la_code', 'child.child_id', '$10')})`;

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
  const visible = visibleChildCondition(access, 'child', 12);
  const otherCriteria = [
    search.dateOfBirth ?? null, search.nhsNumber ?? null, search.upn ?? null, search.workerId ?? null, search.teamId ?? null, search.status ?? null, search.involvement ?? null,
  ];
  const result = await db.query(
    `SELECT ${childColumns}, ${involvementsJsonSql('child.la_code', 'child.child_id')} AS involvements FROM child WHERE ${childFilters} AND (${visible.sql})
      ORDER BY lower(surname), lower(forename), child_id
      LIMIT $11`,
    [laCode, likePrefix(search.surname), likePrefix(search.forename), ...otherCriteria, search.limit, ...visible.params],
  );
  const exact = result.rows.map(childListItemOf);
  if ((!search.surname && !search.forename) || exact.length >= search.limit) return exact;
  const found = new Set(exact.map((child) => child.childId));
  // Only the names are scored here: the involvements are read for the few children chosen.
  const candidates = await db.query(
    `SELECT ${childColumns} FROM child WHERE ${childFilters} AND (${visible.sql}) LIMIT $11`,
    [laCode, null, null, ...otherCriteria, fuzzyCandidateLimit, ...visible.params],
  );
  const close: { child: ChildListItem; score: number }[] = [];
  for (const row of candidates.rows) {
    if (found.has(row.child_id)) continue;
    const surnameScore = search.surname ? nameMatchScore(search.surname, row.surname) : 0;
    const forenameScore = search.forename ? nameMatchScore(search.forename, row.forename) : 0;
    if (surnameScore !== undefined && forenameScore !== undefined) {
      close.push({ child: childListItemOf(row), score: surnameScore + forenameScore });
      continue;
    }
    // Either name alone, in any order, or one part of a double-barrelled name ("Zoe Lukasz" for
    // Zoë O'Brien-Łukasz), ranked after the names that matched field by field.
    const anyOrder = identityMatchScore([search.forename, search.surname].filter(Boolean).join(' '), row.forename, row.surname);
    if (anyOrder !== undefined) close.push({ child: childListItemOf(row), score: 10 + anyOrder });
  }
  close.sort((a, b) => a.score - b.score || a.child.surname.localeCompare(b.child.surname) || a.child.forename.localeCompare(b.child.forename) || a.child.childId.localeCompare(b.child.childId));
  const closest = close.slice(0, search.limit - exact.length).map((entry) => entry.child);
  if (closest.length > 0) {
    const involvements = await db.query(
      `SELECT c.child_id, ${involvementsJsonSql('$1', 'c.child_id')} AS involvements FROM unnest($2::text[]) AS c(child_id)`,
      [laCode, closest.map((child) => child.childId)],
    );
    const byChild = new Map(involvements.rows.map((row) => [row.child_id as string, row.involvements as ListedInvolvement[]]));
    for (const child of closest) child.involvements = byChild.get(child.childId) ?? [];
  }
  return [...exact, ...closest];
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function childListItemOf(row: any): ChildListItem {
  return {
    childId: row.child_id, forename: row.forename, surname: row.surname, dateOfBirth: row.date_of_birth, expectedDateOfBirth: row.expected_date_of_birth,
    sex: row.sex, ethnicity: row.ethnicity, status: row.status, involvements: row.involvements ?? [], allocatedWorkerId: row.allocated_worker_id,
    allocatedTeamId: row.allocated_team_id,
  };
}

/**
 * The data-access layer for lists of children, bound to one request's actor: every child a list
 * shows (their name and status) is audited as read, in one statement per list.
 */
export class ChildListRepository {
  /** `records`: the actor's repository of children's records, which refuses a child they may not see. */
  constructor(private readonly db: Database, private readonly context: RequestContext, private readonly records: Pick<ChildRecordRepository, 'assertMaySee'>) {}

  /** Finds children; each child listed is audited as read. */
  async findChildren(search: ChildSearch): Promise<ChildListItem[]> {
    const children = await queryChildren(this.db.pool, this.context.laCode, search, this.context.access);
    await writeListAudit(this.db.pool, {
      laCode: this.context.laCode, actor: this.context.actor, correlationId: this.context.correlationId,
      resource: 'child-search', detail: { search },
    }, children.map((c) => c.childId));
    return children;
  }

  /** The child's siblings and the other children in their households, as at a date; each is audited as read. */
  async findRelatedChildren(childId: string, asAt: string): Promise<RelatedChild[]> {
    await this.records.assertMaySee(childId, 'related-children');
    const related = await queryRelatedChildren(this.db.pool, this.context.laCode, childId, asAt, this.context.access);
    // Each related child was shown (name, date of birth, status): each is audited as read.
    await writeListAudit(this.db.pool, {
      laCode: this.context.laCode, actor: this.context.actor, correlationId: this.context.correlationId,
      resource: 'related-children', detail: { relatedTo: childId, asAt },
    }, related.map((r) => r.childId));
    return related;
  }
}
