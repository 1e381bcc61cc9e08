/**
 * Identity search across the whole council: who a child is (name, date of birth, LA child id),
 * whether the council knows them and in which service, and whether the searcher may open their
 * record: never anything of the record itself. A practitioner outside the child's team learns
 * that the child is known (so no one registers them twice, and the right team is asked), and can
 * ask for access (access-requests.ts).
 *
 * Who may search: the council's own staff, across the council. A partner agency's search stays
 * within the children shared with it (its sight of children is what is shared, not the council's
 * index); roles that see figures only see no child, and are refused. A restricted record is found
 * only by those who may open it, as in every list.
 *
 * Names are matched as name-matching.ts says (any order, first names, accents or none, other
 * scripts' spellings, close misspellings); candidates come from the indexed `name_keys` of the
 * child's projection, and, when those are too few, from every child of the date of birth given (or
 * of the council), scored in this process. Every child shown is audited as read (an identity-only
 * list: 'identity-search').
 */
import type pg from 'pg';
import { visibleChildCondition } from '../../access/policy.ts';
import { writeListAudit } from '../../platform/audit/audit.ts';
import type { Database } from '../../platform/database/database.ts';
import { DomainError } from '../../platform/errors.ts';
import type { AccessGrant, RequestContext } from '../../platform/request-context.ts';
import { identityMatchScore, searchKeysOf } from '../people/index.ts';
import type { AccessRequestStatus, IdentityMatch } from './read-model.ts';

export interface IdentitySearch {
  /** Any part of the child's names, in any order. */
  name?: string;
  dateOfBirth?: string;
  childId?: string;
  limit: number;
}

/** Enough rows to hold every child of a large borough's record when no index key meets the name. */
const scanLimit = 50_000;

/** Refuses a role that sees no child: identity is about children. */
export function assertMaySearchIdentities(access: AccessGrant | undefined): void {
  if (access?.scope === 'figures-only') throw new DomainError('forbidden', 'Your role sees figures only: it cannot search for children');
}

/** Children matching what was typed, best match first, each with whether the searcher may open the record. */
export async function queryIdentities(db: Pick<pg.Pool, 'query'>, laCode: string, search: IdentitySearch, access?: AccessGrant): Promise<IdentityMatch[]> {
  assertMaySearchIdentities(access);
  if (!search.name && !search.dateOfBirth && !search.childId) return [];
  let ids: string[];
  if (search.name) {
    const scored = new Map<string, number>();
    const score = (rows: { child_id: string; forename: string; surname: string }[]) => {
      for (const row of rows) {
        if (scored.has(row.child_id)) continue;
        const value = identityMatchScore(search.name!, row.forename, row.surname);
        if (value !== undefined) scored.set(row.child_id, value);
      }
    };
    const filters = (first: number) => {
      const parts: string[] = [];
      const values: unknown[] = [];
      if (search.dateOfBirth) { values.push(search.dateOfBirth); parts.push(`date_of_birth = $${first + values.length - 1}::date`); }
      if (search.childId) { values.push(search.childId); parts.push(`upper(child_id) = upper($${first + values.length - 1})`); }
      return { sql: parts.map((part) => ` AND ${part}`).join(''), values };
    };
    const keyed = filters(3);
    const byKey = await db.query(
      `SELECT child_id, forename, surname FROM child WHERE la_code = $1 AND name_keys && $2::text[]${keyed.sql} LIMIT ${scanLimit}`,
      [laCode, searchKeysOf(search.name), ...keyed.values],
    );
    score(byKey.rows);
    if (scored.size < search.limit) {
      // A beginning of a name ("Luk") or a misspelling shares no key: every child is scored.
      const scanned = filters(2);
      score((await db.query(`SELECT child_id, forename, surname FROM child WHERE la_code = $1${scanned.sql} LIMIT ${scanLimit}`, [laCode, ...scanned.values])).rows);
    }
    ids = [...scored].sort((a, b) => a[1] - b[1] || (a[0] < b[0] ? -1 : 1)).map(([childId]) => childId);
  } else {
    const found = await db.query(
      `SELECT child_id FROM child WHERE la_code = $1 AND ($2::date IS NULL OR date_of_birth = $2::date) AND ($3::text IS NULL OR upper(child_id) = upper($3::text))
        ORDER BY lower(surname), lower(forename), child_id LIMIT ${scanLimit}`,
      [laCode, search.dateOfBirth ?? null, search.childId ?? null],
    );
    ids = found.rows.map((row) => row.child_id as string);
  }
  return identitiesOf(db, laCode, ids, search.limit, access);
}

/**
 * The identities of the children `ids` (in that order, at most `limit`), leaving out those the
 * searcher may not know of: a restricted record outside their sight, or, for a partner agency,
 * any child not shared with it.
 */
export async function identitiesOf(db: Pick<pg.Pool, 'query'>, laCode: string, ids: readonly string[], limit: number, access?: AccessGrant): Promise<IdentityMatch[]> {
  if (ids.length === 0) return [];
  const visible = visibleChildCondition(access, 'c', 4);
  const partner = access?.scope === 'shared-with-agency';
  const result = await db.query(
    `SELECT c.child_id, c.forename, c.surname, c.date_of_birth, c.expected_date_of_birth, t.service, ord.n,
            ${visible.sql} AS visible,
            (SELECT coalesce(json_agg(i.label ORDER BY i.rank DESC, i.since, i.kind), '[]') FROM child_involvement i WHERE i.la_code = c.la_code AND i.child_id = c.child_id) AS known,
            (SELECT json_build_object('requestId', r.request_id, 'decision', d.decision, 'accessEndsAt', d.access_ends_at, 'ended', d.access_ends_at <= now())
               FROM access_request r LEFT JOIN access_request_decision d ON d.la_code = r.la_code AND d.request_id = r.request_id
              WHERE r.la_code = c.la_code AND r.child_id = c.child_id AND r.requested_by = $3 ORDER BY r.requested_at DESC LIMIT 1) AS request
       FROM unnest($2::text[]) WITH ORDINALITY AS ord(child_id, n)
       JOIN child c ON c.la_code = $1 AND c.child_id = ord.child_id
       LEFT JOIN team t ON t.la_code = c.la_code AND t.team_id = c.allocated_team_id
      WHERE (${visible.sql}) OR (${partner ? 'false' : `NOT ${visible.restrictedSql}`})
      ORDER BY ord.n
      LIMIT ${Math.max(1, Math.floor(limit))}`,
    [laCode, ids, access?.userId ?? '', ...visible.params],
  );
  return result.rows.map((row) => {
    const request = row.request as { requestId: string; decision: 'granted' | 'refused' | null; accessEndsAt: string | null; ended: boolean | null } | null;
    const status: AccessRequestStatus | undefined = request ? (request.decision === null ? 'awaiting-decision' : request.decision === 'granted' ? (request.ended ? 'ended' : 'granted') : 'refused') : undefined;
    return {
      childId: row.child_id, forename: row.forename, surname: row.surname, dateOfBirth: row.date_of_birth, expectedDateOfBirth: row.expected_date_of_birth,
      known: row.known as string[], service: row.service ?? null, inScope: Boolean(row.visible),
      accessRequest: request && status ? { requestId: request.requestId, status, accessEndsAt: request.accessEndsAt ? new Date(request.accessEndsAt).toISOString() : null } : null,
    };
  });
}

/** Identity search bound to one request's actor: every child shown is audited as read. */
export class IdentitySearchRepository {
  constructor(private readonly db: Database, private readonly context: RequestContext) {}

  async search(search: IdentitySearch): Promise<IdentityMatch[]> {
    const found = await queryIdentities(this.db.pool, this.context.laCode, search, this.context.access);
    await this.audit('identity-search', { search }, found);
    return found;
  }

  /**
   * Children who may be the child about to be registered: the same date of birth with a name alike
   * (either name), or the same names with another date of birth or none. Identity only.
   */
  async likelyDuplicates(child: { forename: string; surname: string; dateOfBirth?: string }): Promise<IdentityMatch[]> {
    const pool = this.db.pool;
    const laCode = this.context.laCode;
    const byName = await queryIdentities(pool, laCode, { name: `${child.forename} ${child.surname}`, limit: 20 }, this.context.access);
    const candidates = new Map(byName.map((match) => [match.childId, match]));
    if (child.dateOfBirth) {
      for (const name of [child.forename, child.surname]) {
        for (const match of await queryIdentities(pool, laCode, { name, dateOfBirth: child.dateOfBirth, limit: 20 }, this.context.access)) candidates.set(match.childId, match);
      }
    }
    // Same names, another date of birth: likely only if the dates are near (a day and month swapped, a year typed wrong).
    const likely = [...candidates.values()].filter((match) => !child.dateOfBirth || !match.dateOfBirth || match.dateOfBirth === child.dateOfBirth || datesAlike(match.dateOfBirth, child.dateOfBirth));
    await this.audit('duplicate-check', { forename: child.forename, surname: child.surname, dateOfBirth: child.dateOfBirth ?? null }, likely);
    return likely;
  }

  private audit(resource: 'identity-search' | 'duplicate-check', detail: Record<string, unknown>, shown: readonly IdentityMatch[]) {
    return writeListAudit(this.db.pool, {
      laCode: this.context.laCode, actor: this.context.actor, correlationId: this.context.correlationId, resource, detail,
    }, shown.map((match) => match.childId));
  }
}

/** Dates of birth a typing slip apart: the same but for one part, or with day and month swapped. */
function datesAlike(a: string, b: string): boolean {
  const [ay, am, ad] = a.split('-');
  const [by, bm, bd] = b.split('-');
  const same = [ay === by, am === bm, ad === bd].filter(Boolean).length;
  return same >= 2 || (ay === by && am === bd && ad === bm);
}
