import type pg from 'pg';
import type { Actor } from '../request-context.ts';
import { chainAwaitingAudit, writeAudit } from './audit.ts';
import type { AuditChainReport } from '../audit-chain-report.ts';
import { checkAgainstCheckpoints, type AuditCheckpoint } from './checkpoint.ts';

type Queryable = Pick<pg.Pool | pg.PoolClient, 'query'>;

/** Checkpoints kept outside the database (see checkpoint.ts), and the key they were signed with. */
export interface CheckpointsToCheck {
  key: Buffer;
  checkpoints: readonly AuditCheckpoint[];
}

/**
 * Checks a council's audit chain in one pass in the database: each row's hash must match its
 * content and the previous row's hash, each row must name the row before it, and the chain's
 * head must be its last row. Names the first row where any of this fails. Rows of committed
 * writes still awaiting the chain (left by a crash) are chained first, so every row is checked.
 * Given checkpoints, also that each checkpointed head is still there with the same hash: a chain
 * rewritten and rehashed, or cut and its head moved back, verifies on its own but not against them.
 */
export async function verifyAuditChain(db: pg.Pool, laCode: string, anchor?: CheckpointsToCheck): Promise<AuditChainReport> {
  await chainAwaitingAudit(db, [laCode]);
  const checked = await db.query(
    `WITH checked AS (
       SELECT audit_id,
              row_hash = sha256(previous_hash || audit_row_content(la_code, occurred_at, user_id, role, agency, action, resource, child_id,
                                                                  outcome, correlation_id, detail)) AS content_intact,
              previous_hash = coalesce(lag(row_hash) OVER (ORDER BY audit_id), '\\x'::bytea) AS follows_previous
         FROM audit_event WHERE la_code = $1
     )
     SELECT (SELECT count(*) FROM checked) AS rows,
            (SELECT audit_id FROM checked WHERE NOT (content_intact AND follows_previous) ORDER BY audit_id LIMIT 1) AS broken_id,
            (SELECT content_intact FROM checked WHERE NOT (content_intact AND follows_previous) ORDER BY audit_id LIMIT 1) AS broken_content_intact`,
    [laCode],
  );
  const tail = await db.query(
    `SELECT (SELECT audit_id FROM audit_event WHERE la_code = $1 ORDER BY audit_id DESC LIMIT 1) AS last_id,
            (SELECT encode(row_hash, 'hex') FROM audit_event WHERE la_code = $1 ORDER BY audit_id DESC LIMIT 1) AS last_hash,
            h.last_audit_id AS head_id, encode(h.last_hash, 'hex') AS head_hash
       FROM (SELECT 1) one LEFT JOIN audit_chain_head h ON h.la_code = $1`,
    [laCode],
  );
  const { rows, broken_id: brokenId, broken_content_intact: brokenContentIntact } = checked.rows[0]!;
  const { last_id: lastId, last_hash: lastHash, head_id: headId, head_hash: headHash } = tail.rows[0]!;
  const report: AuditChainReport = {
    laCode, rows: Number(rows), lastAuditId: lastId === null ? null : String(lastId), headHash: lastHash ?? null, intact: true,
  };
  if (brokenId !== null) {
    const auditId = String(brokenId);
    report.intact = false;
    report.firstBreak = brokenContentIntact
      ? { auditId, reason: 'previous-row-changed-or-removed', message: `Audit row ${auditId} does not follow the row before it: a row before it was changed or removed` }
      : { auditId, reason: 'content-changed', message: `Audit row ${auditId} has been changed since it was written: its content does not match its hash` };
  } else if (String(headId ?? 0) !== String(lastId ?? 0) || (lastId !== null && headHash !== lastHash)) {
    report.intact = false;
    report.firstBreak = {
      auditId: String(headId ?? lastId),
      reason: 'rows-removed-from-the-end',
      message: `The chain's head is row ${headId ?? '(none)'} but the last row is ${lastId}: rows were removed from the end, or the head was changed`,
    };
  }
  if (anchor) {
    const { checked, firstBreak } = await checkAgainstCheckpoints(db, anchor.key, laCode, anchor.checkpoints);
    report.checkpoints = checked;
    if (firstBreak && report.intact) {
      report.intact = false;
      report.firstBreak = firstBreak;
    }
  }
  return report;
}

/** Every council with audit rows or a chain. */
export async function auditedLaCodes(db: Queryable): Promise<string[]> {
  const result = await db.query(
    `SELECT la_code FROM audit_chain_head UNION SELECT la_code FROM audit_event UNION SELECT la_code FROM audit_awaiting_chain ORDER BY 1`,
  );
  return result.rows.map((row) => row.la_code as string);
}

/** Audits a verification (it reads every audit row of the councils): a row per council, saying what was found. */
export async function auditVerification(db: pg.Pool, by: { actor: Actor; correlationId: string }, reports: readonly AuditChainReport[]): Promise<void> {
  for (const report of reports) {
    await writeAudit(db, {
      laCode: report.laCode, actor: by.actor, correlationId: by.correlationId, action: 'read', resource: 'audit-log:verify',
      outcome: report.intact ? 'intact' : 'broken', detail: { rows: report.rows, ...(report.checkpoints === undefined ? {} : { checkpoints: report.checkpoints }), ...(report.firstBreak ? { firstBreak: report.firstBreak.auditId } : {}) },
    });
  }
}
