import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseTargets } from '../../../test/support/test-database.ts';
import type { Database } from '../database/database.ts';
import { chainAwaitingAudit, writeAudit, type AuditEntry } from './audit.ts';
import { verifyAuditChain } from './verify.ts';

const actor = { userId: 'sw-1', role: 'social-worker', agency: 'childrens-social-care' };
const entry = (laCode: string, childId: string): AuditEntry => ({
  laCode, actor, action: 'read', resource: 'child-record', childId, outcome: 'ok', correlationId: randomUUID(),
});

/** The tables whose rows are a record of what happened: added to, never changed, never emptied. */
const appendOnlyTables = [
  'child_event', 'audit_event', 'audit_awaiting_chain', 'audit_chain_head', 'import_batch', 'child_disposal', 'retention_hold', 'retention_hold_lifted',
];

/** A row stored to await the chain, as a write leaves it (committed, not yet chained). */
const storeAwaiting = (db: Database, laCode: string, childId: string) => db.pool.query(
  `INSERT INTO audit_awaiting_chain (la_code, occurred_at, user_id, role, agency, action, resource, child_id, outcome, correlation_id, detail)
   VALUES ($1, now(), 'sw-1', 'social-worker', 'childrens-social-care', 'write', 'child-event:visit.made', $2, 'ok', $3, '{}'::jsonb)`,
  [laCode, childId, randomUUID()],
);

describe.each(testDatabaseTargets)('append-only tables on $name', (target) => {
  let db: Database;
  beforeAll(async () => {
    db = await target.open();
    await writeAudit(db.pool, entry('206', 'A1'));
    await chainAwaitingAudit(db.pool);
  });
  afterAll(async () => {
    await db?.close();
  });

  it.each(appendOnlyTables)('refuses TRUNCATE of %s', async (table) => {
    await expect(db.pool.query(`TRUNCATE ${table} CASCADE`)).rejects.toThrow(/append-only|cannot be emptied/);
  });

  it('refuses to change an audit row awaiting the chain, which would then be chained as if genuine', async () => {
    // Another council than the one written to above, whose pass (due shortly) would move the row first.
    await storeAwaiting(db, '208', 'AWAITING-1');
    expect((await db.pool.query(`SELECT count(*)::int AS n FROM audit_awaiting_chain WHERE child_id = 'AWAITING-1'`)).rows[0].n).toBe(1);
    await expect(db.pool.query(`UPDATE audit_awaiting_chain SET user_id = 'someone-else' WHERE child_id = 'AWAITING-1'`)).rejects.toThrow(/append-only/);
    await chainAwaitingAudit(db.pool);
    const chained = await db.pool.query(`SELECT user_id FROM audit_event WHERE child_id = 'AWAITING-1'`);
    expect(chained.rows).toEqual([{ user_id: 'sw-1' }]);
  });

  it('refuses to remove an audit row awaiting the chain other than by moving it onto the chain', async () => {
    await storeAwaiting(db, '208', 'AWAITING-2');
    await expect(db.pool.query(`DELETE FROM audit_awaiting_chain WHERE child_id = 'AWAITING-2'`)).rejects.toThrow(/append-only/);
    await chainAwaitingAudit(db.pool);
    expect((await db.pool.query(`SELECT count(*)::int AS n FROM audit_awaiting_chain`)).rows[0].n).toBe(0);
    expect((await db.pool.query(`SELECT count(*)::int AS n FROM audit_event WHERE child_id = 'AWAITING-2'`)).rows[0].n).toBe(1);
    expect(await verifyAuditChain(db.pool, '208')).toMatchObject({ intact: true });
  });

  it('refuses to remove the chain\'s head, a tombstone, an import batch or a retention hold', async () => {
    await db.pool.query(`INSERT INTO import_batch (la_code, import_batch_id, file_name, started_at, imported_by, event_count) VALUES ('206', gen_random_uuid(), 'f', now(), 'x', 0)`);
    await db.pool.query(`INSERT INTO retention_hold (la_code, hold_id, child_id, reason, placed_by, placed_at) VALUES ('206', gen_random_uuid(), 'C1', 'inquiry', 'x', now())`);
    await expect(db.pool.query(`DELETE FROM audit_chain_head`)).rejects.toThrow(/append-only|cannot be removed/);
    await expect(db.pool.query(`DELETE FROM import_batch`)).rejects.toThrow(/append-only/);
    await expect(db.pool.query(`UPDATE import_batch SET event_count = 5`)).rejects.toThrow(/append-only/);
    await expect(db.pool.query(`DELETE FROM retention_hold`)).rejects.toThrow(/append-only/);
    await expect(db.pool.query(`UPDATE retention_hold SET reason = 'none'`)).rejects.toThrow(/append-only/);
  });

  it('refuses to remove a child\'s events without a tombstone written in the same transaction, even with the disposal setting on', async () => {
    await db.pool.query(`INSERT INTO child_event (la_code, event_id, child_id, event_type, occurred_at, occurred_on, recorded_at, recorded_by_user, recorded_by_role, recorded_by_agency, client_id, data)
      VALUES ('206', gen_random_uuid(), 'NOTOMB1', 'child.registered', '2020-01-01', '2020-01-01', now(), 'x', 'x', 'x', gen_random_uuid()::text, '{}'::jsonb)`);
    await expect(db.pool.query(`BEGIN; SELECT set_config('safeguard.disposal', 'on', true); DELETE FROM child_event WHERE child_id = 'NOTOMB1'; COMMIT`)).rejects.toThrow(/append-only/);
    await db.pool.query('ROLLBACK').catch(() => undefined);
    expect((await db.pool.query(`SELECT count(*)::int AS n FROM child_event WHERE child_id = 'NOTOMB1'`)).rows[0].n).toBe(1);
  });
});
