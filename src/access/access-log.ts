/**
 * Reading the audit log back: who has looked at a child's record, and patterns of access that a
 * council's information governance lead should look into. Reading the audit is itself audited.
 */
import type { Database } from '../platform/database/database.ts';
import type { RequestContext } from '../platform/request-context.ts';
import { chainAwaitingAudit, childListResources, writeAudit, writeListAudit } from '../platform/audit/audit.ts';
import { hasCapability, isPartnerAgency, visibleChildCondition } from './policy.ts';
import { roleDefinitionOf } from './roles.ts';
import type { RecordScope } from '../platform/request-context.ts';
import { DomainError } from '../platform/errors.ts';
import type { AuditChainReport } from '../platform/audit-chain-report.ts';
import { verifyAuditChain } from '../platform/audit/verify.ts';

export interface RecordAccess {
  userId: string;
  name: string | null;
  role: string;
  agency: string;
  firstAt: string;
  lastAt: string;
  reads: number;
  writes: number;
  refusals: number;
  /** Reasons given to break the glass, when any were. */
  reasons: string[];
}

export interface AccessAnomaly {
  rule: AnomalyRuleId;
  userId: string;
  name: string | null;
  role: string;
  children: number;
  /** The first children concerned, for the lead to look at. */
  childIds: string[];
  /** For a rule that counts by day: the day (in London) when the most children were concerned. */
  day?: string;
}

export type AnomalyRuleId = 'many-records-outside-caseload' | 'record-shares-own-surname' | 'many-children-listed';

/**
 * Distinct children a person may be shown in one day (in London) by lists (searches, due lists,
 * the children behind figures, related children, alerts: childListResources), not counting
 * children ever allocated to them or their team, before the day is picked out. Set by what each
 * scope's everyday work shows at most, well above it, since a list shows many children at once:
 * - figures only: never a child, so one is already one too many;
 * - partner agencies (police, health, schools) see only children their agency was asked about or
 *   met on: a MASH desk answers some tens of checks a day; 2,500 children in a day is a trawl;
 * - own caseload, team, service: their lists show their own or their team's children, which do
 *   not count; those they recorded on (a duty visit) and, for a service, other teams' children do;
 * - the whole council: the front door searches for every contact (a borough's 55 or so a working
 *   day, 25 children a search in the web app) and a manager may open the borough's due list;
 *   more than 1,000 other children in a day is more than that work shows.
 * A role roles.ts does not know is held to the figures-only threshold: it should see no child.
 */
export const childrenListedPerDayByScope: Record<RecordScope, number> = {
  'figures-only': 1,
  'shared-with-agency': 100,
  'own-caseload': 50,
  team: 100,
  service: 300,
  'whole-la': 1000,
};
const listThresholdOf = (role: string): number => childrenListedPerDayByScope[roleDefinitionOf(role)?.scope ?? 'figures-only'];

/** Anomaly rules as data: what each looks for, and its threshold. */
export const anomalyRules: Record<AnomalyRuleId, { title: string; threshold: number }> = {
  'many-records-outside-caseload': {
    title: 'Opened many children\'s records that were never allocated to them or their team',
    threshold: 20,
  },
  'record-shares-own-surname': {
    title: 'Opened the record of a child who shares their surname (possibly their own family)',
    threshold: 1,
  },
  'many-children-listed': {
    title: 'Was shown, in lists, many children never allocated to them or their team in one day',
    // The lowest of the thresholds by scope (childrenListedPerDayByScope): each role's own is its scope's.
    threshold: Math.min(...Object.values(childrenListedPerDayByScope)),
  },
};

/** Who a user is, as far as the log can tell: their account, else the worker whose id they signed in with. */
const peopleSql = `
  people AS (
    SELECT ids.user_id, coalesce(u.display_name, w.name) AS name, coalesce(u.worker_id, w.worker_id) AS worker_id,
           coalesce(u.team_id, w.team_id) AS team_id
      FROM ids
      LEFT JOIN user_account u ON u.la_code = $1 AND u.user_id = ids.user_id
      LEFT JOIN worker w ON w.la_code = $1 AND w.worker_id = coalesce(u.worker_id, ids.user_id)
  )`;

export class AuditReader {
  constructor(
    private readonly db: Database,
    private readonly context: RequestContext,
  ) {}

  /** Everyone who has read, written or been refused a child's record, most recent first. */
  async findAccessToChild(childId: string): Promise<RecordAccess[]> {
    // It names the council's staff and their reasons for breaking the glass: a partner agency sees
    // the record shared with it, not who in the council has looked at it. Refused before the
    // child is looked up, so the answer says nothing of whether the child exists.
    if (isPartnerAgency(this.context.access)) {
      await writeAudit(this.db.pool, {
        laCode: this.context.laCode, actor: this.context.actor, correlationId: this.context.correlationId, action: 'refused', resource: 'child-access-log', childId, outcome: 'forbidden',
        detail: { message: 'The access log is for the council\'s own staff' },
      });
      throw new DomainError('forbidden', `A ${this.context.access!.role} cannot see who has looked at a record: the access log is for the council's own staff`);
    }
    // The log of a record is as private as the record: only those who may see the child see it.
    const visible = visibleChildCondition(this.context.access, 'c', 3);
    const found = await this.db.pool.query(`SELECT 1 FROM child c WHERE c.la_code = $1 AND c.child_id = $2 AND (${visible.sql})`, [this.context.laCode, childId, ...visible.params]);
    if (found.rowCount === 0) throw DomainError.notFound(`No child with LA child id ${childId}`, 'childId');
    // Up to the moment asked: rows still awaiting the chain join it first.
    await chainAwaitingAudit(this.db.pool, [this.context.laCode]);
    const result = await this.db.pool.query(
      `WITH access AS (
         SELECT user_id, role, agency, action, occurred_at, detail FROM audit_event
          WHERE la_code = $1 AND child_id = $2 AND resource NOT IN ('child-access-log')
       ),
       ids AS (SELECT DISTINCT user_id FROM access),
       ${peopleSql}
       SELECT a.user_id, p.name, max(a.role) AS role, max(a.agency) AS agency, min(a.occurred_at) AS first_at, max(a.occurred_at) AS last_at,
              count(*) FILTER (WHERE a.action = 'read') AS reads, count(*) FILTER (WHERE a.action = 'write') AS writes,
              count(*) FILTER (WHERE a.action = 'refused') AS refusals,
              coalesce(array_agg(DISTINCT a.detail->>'reason') FILTER (WHERE a.detail ? 'reason'), '{}') AS reasons
         FROM access a JOIN people p ON p.user_id = a.user_id
        GROUP BY a.user_id, p.name
        ORDER BY max(a.occurred_at) DESC`,
      [this.context.laCode, childId],
    );
    await this.audit('child-access-log', childId, { people: result.rows.length });
    return result.rows.map((row) => ({
      userId: row.user_id, name: row.name, role: row.role, agency: row.agency, firstAt: new Date(row.first_at).toISOString(),
      lastAt: new Date(row.last_at).toISOString(), reads: Number(row.reads), writes: Number(row.writes), refusals: Number(row.refusals),
      reasons: row.reasons as string[],
    }));
  }

  /** Access between two instants that the anomaly rules pick out. */
  async findAnomalies(from: string, to: string): Promise<AccessAnomaly[]> {
    this.assertReviewer();
    await chainAwaitingAudit(this.db.pool, [this.context.laCode]);
    const reads = `reads AS (
        SELECT DISTINCT user_id, child_id FROM audit_event
         WHERE la_code = $1 AND action = 'read' AND resource = 'child-record' AND child_id IS NOT NULL AND occurred_at >= $2 AND occurred_at < $3
      ),
      ids AS (SELECT DISTINCT user_id FROM reads)`;
    const outside = await this.db.pool.query(
      `WITH ${reads}, ${peopleSql}
       SELECT r.user_id, p.name, count(*) AS children, (array_agg(r.child_id ORDER BY r.child_id))[1:20] AS child_ids
         FROM reads r JOIN people p ON p.user_id = r.user_id
        WHERE NOT EXISTS (
                SELECT 1 FROM allocation al WHERE al.la_code = $1 AND al.child_id = r.child_id
                   AND (al.worker_id = p.worker_id OR al.team_id = p.team_id))
        GROUP BY r.user_id, p.name HAVING count(*) >= $4`,
      [this.context.laCode, from, to, anomalyRules['many-records-outside-caseload'].threshold],
    );
    const surname = await this.db.pool.query(
      `WITH ${reads}, ${peopleSql}
       SELECT r.user_id, p.name, count(*) AS children, (array_agg(r.child_id ORDER BY r.child_id))[1:20] AS child_ids
         FROM reads r JOIN people p ON p.user_id = r.user_id
         JOIN child c ON c.la_code = $1 AND c.child_id = r.child_id
        WHERE p.name IS NOT NULL AND lower(c.surname) = lower(regexp_replace(trim(p.name), '^.*\\s', ''))
        GROUP BY r.user_id, p.name HAVING count(*) >= $4`,
      [this.context.laCode, from, to, anomalyRules['record-shares-own-surname'].threshold],
    );
    // Children shown in lists, by person and day (in London), those of their caseload and team aside:
    // each person's busiest day at or over the lowest threshold (their role's own is applied below).
    const listed = await this.db.pool.query(
      `WITH shown AS (
         SELECT DISTINCT user_id, (occurred_at AT TIME ZONE 'Europe/London')::date AS day, child_id FROM audit_event
          WHERE la_code = $1 AND action = 'read' AND resource = ANY($4::text[]) AND child_id IS NOT NULL AND occurred_at >= $2 AND occurred_at < $3
       ),
       ids AS (SELECT DISTINCT user_id FROM shown),
       ${peopleSql},
       days AS (
         SELECT s.user_id, p.name, s.day, count(*) AS children, (array_agg(s.child_id ORDER BY s.child_id))[1:20] AS child_ids
           FROM shown s JOIN people p ON p.user_id = s.user_id
          WHERE NOT EXISTS (
                  SELECT 1 FROM allocation al WHERE al.la_code = $1 AND al.child_id = s.child_id
                     AND (al.worker_id = p.worker_id OR al.team_id = p.team_id))
          GROUP BY s.user_id, p.name, s.day HAVING count(*) >= $5
       )
       SELECT DISTINCT ON (user_id) user_id, name, day::text AS day, children, child_ids FROM days ORDER BY user_id, children DESC, day`,
      [this.context.laCode, from, to, [...childListResources], anomalyRules['many-children-listed'].threshold],
    );
    const roles = await this.db.pool.query(
      `SELECT DISTINCT ON (user_id) user_id, role FROM audit_event WHERE la_code = $1 AND occurred_at >= $2 AND occurred_at < $3 ORDER BY user_id, audit_id DESC`,
      [this.context.laCode, from, to],
    );
    const roleOf = new Map(roles.rows.map((r) => [r.user_id as string, r.role as string]));
    const anomalies = [
      ...outside.rows.map((row) => ({ rule: 'many-records-outside-caseload' as const, row })),
      ...surname.rows.map((row) => ({ rule: 'record-shares-own-surname' as const, row })),
      ...listed.rows
        .filter((row) => Number(row.children) >= listThresholdOf(roleOf.get(row.user_id) ?? 'unknown'))
        .map((row) => ({ rule: 'many-children-listed' as const, row })),
    ].map(({ rule, row }): AccessAnomaly => ({
      rule, userId: row.user_id as string, name: row.name as string | null, role: roleOf.get(row.user_id) ?? 'unknown',
      children: Number(row.children), childIds: row.child_ids as string[], ...(row.day ? { day: row.day as string } : {}),
    }));
    // The report names children: each is audited as shown to the reviewer.
    await writeListAudit(this.db.pool, {
      laCode: this.context.laCode, actor: this.context.actor, correlationId: this.context.correlationId,
      resource: 'access-anomalies', detail: { from, to, anomalies: anomalies.length },
    }, anomalies.flatMap((anomaly) => anomaly.childIds));
    return anomalies;
  }

  /** The audit chain's state, for those who review the audit. */
  async verifyChain(): Promise<AuditChainReport> {
    this.assertReviewer();
    const report = await verifyAuditChain(this.db.pool, this.context.laCode);
    await this.audit('audit-chain', undefined, { intact: report.intact });
    return report;
  }

  private assertReviewer(): void {
    if (!hasCapability(this.context.access, 'review-audit')) throw new DomainError('forbidden', 'Only an administrator reviews the audit log');
  }

  private audit(resource: string, childId: string | undefined, detail: Record<string, unknown>) {
    return writeAudit(this.db.pool, { laCode: this.context.laCode, actor: this.context.actor, correlationId: this.context.correlationId, action: 'read', resource, childId, outcome: 'ok', detail });
  }
}
