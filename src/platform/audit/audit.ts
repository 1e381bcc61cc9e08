import type pg from 'pg';
import type { Actor } from '../../record/events.ts';

export interface AuditEntry {
  laCode: string;
  actor: Actor;
  action: 'read' | 'write' | 'refused';
  /** What was touched, e.g. `child-record`, `child-event:contact.received`, `duties`. */
  resource: string;
  childId?: string;
  outcome: string;
  correlationId: string;
  detail?: Record<string, unknown>;
}

type Queryable = Pick<pg.Pool | pg.PoolClient, 'query'>;

/** Called by the data-access layer only: routes never write audit rows themselves. */
export async function writeAudit(db: Queryable, entry: AuditEntry): Promise<void> {
  await db.query(
    `INSERT INTO audit_event (la_code, user_id, role, agency, action, resource, child_id, outcome, correlation_id, detail)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
    [entry.laCode, entry.actor.userId, entry.actor.role, entry.actor.agency, entry.action, entry.resource, entry.childId ?? null,
      entry.outcome, entry.correlationId, JSON.stringify(entry.detail ?? {})],
  );
}

/** Audits many children at once (an import, a borough-wide list) in one statement. */
export async function writeAuditForChildren(db: Queryable, entry: Omit<AuditEntry, 'childId'>, childIds: readonly string[]): Promise<void> {
  if (childIds.length === 0) return;
  await db.query(
    `INSERT INTO audit_event (la_code, user_id, role, agency, action, resource, child_id, outcome, correlation_id, detail)
     SELECT $1, $2, $3, $4, $5, $6, child_id, $7, $8, $9 FROM unnest($10::text[]) AS child_id`,
    [entry.laCode, entry.actor.userId, entry.actor.role, entry.actor.agency, entry.action, entry.resource, entry.outcome,
      entry.correlationId, JSON.stringify(entry.detail ?? {}), childIds],
  );
}
