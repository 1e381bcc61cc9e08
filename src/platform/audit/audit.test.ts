import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCliDatabase, runCli } from '../../../test/integration/cli-harness.ts';
import { testDatabaseTargets } from '../../../test/support/test-database.ts';
import { withTransaction, type Database } from '../database/database.ts';
import { chainAwaitingAudit, writeAudit, writeAuditForChildren, type AuditEntry } from './audit.ts';
import { verifyAuditChain } from './verify.ts';

const actor = { userId: 'sw-1', role: 'social-worker', agency: 'childrens-social-care' };
const entry = (laCode: string, childId: string, detail: Record<string, unknown> = {}): AuditEntry => ({
  laCode, actor, action: 'read', resource: 'child-record', childId, outcome: 'ok', correlationId: randomUUID(), detail,
});

/** Changes the log the way someone with direct access to the database could, past the append-only trigger. */
async function tamper(db: Database, sql: string, params: unknown[] = []): Promise<void> {
  const client = await db.pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('ALTER TABLE audit_event DISABLE TRIGGER audit_event_is_append_only');
    await client.query(sql, params);
    await client.query('ALTER TABLE audit_event ENABLE TRIGGER audit_event_is_append_only');
    await client.query('COMMIT');
  } finally {
    client.release();
  }
}

/** The council's chained rows, once those awaiting the chain have joined it. */
async function auditIds(db: Database, laCode: string): Promise<string[]> {
  await chainAwaitingAudit(db.pool, [laCode]);
  return (await db.pool.query('SELECT audit_id FROM audit_event WHERE la_code = $1 ORDER BY audit_id', [laCode])).rows.map((r) => String(r.audit_id));
}

describe.each(testDatabaseTargets)('the audit chain on $name', (target) => {
  let db: Database;
  beforeAll(async () => {
    db = await target.open();
  });
  afterAll(async () => {
    await db?.close();
  });

  it('chains every row to the one before it, one chain per council, across single rows and batches of children', async () => {
    await writeAudit(db.pool, entry('301', 'A1'));
    await writeAuditForChildren(db.pool, { ...entry('301', ''), resource: 'child-list' }, Array.from({ length: 2500 }, (_, i) => `C${i}`));
    await writeAudit(db.pool, entry('302', 'B1', { search: { name: 'Zoë "quoted" \\ name' } }));
    await Promise.all(Array.from({ length: 20 }, (_, i) => writeAudit(db.pool, entry('301', `P${i}`))));

    const report = await verifyAuditChain(db.pool, '301');
    expect(report).toMatchObject({ laCode: '301', rows: 2521, intact: true });
    expect(report.headHash).toMatch(/^[0-9a-f]{64}$/);
    expect((await verifyAuditChain(db.pool, '302')).intact).toBe(true);
    // The rows of a batch follow the order of the children given, each naming the previous row's hash.
    const links = await db.pool.query(
      `SELECT previous_hash = lag(row_hash) OVER (ORDER BY audit_id) AS linked, child_id FROM audit_event WHERE la_code = '301' ORDER BY audit_id`,
    );
    expect(links.rows.slice(1).every((r) => r.linked)).toBe(true);
    expect(links.rows.slice(1, 4).map((r) => r.child_id)).toEqual(['C0', 'C1', 'C2']);
  });

  it('keeps a write\'s audit row with the write and a read\'s committed before it answers, both chained just after; a rolled-back write leaves none', async () => {
    const write = (laCode: string, childId: string) => ({ ...entry(laCode, childId), action: 'write' as const, resource: 'child-event:visit.made' });
    const stored = async (childId: string) => Number((await db.pool.query(
      `SELECT (SELECT count(*) FROM audit_event WHERE child_id = $1) + (SELECT count(*) FROM audit_awaiting_chain WHERE child_id = $1) AS n`, [childId],
    )).rows[0].n);
    // Many writes at once, in two councils: each row is stored, on the chain or awaiting it, once the write returns.
    const written = await Promise.all(Array.from({ length: 30 }, async (_, i) => {
      await withTransaction(db.pool, (client) => writeAudit(client, write(i % 2 ? '305' : '306', `W${i}`)));
      return stored(`W${i}`);
    }));
    expect(written).toEqual(Array.from({ length: 30 }, () => 1));
    await writeAudit(db.pool, entry('305', 'READ-1'));
    expect(await stored('READ-1')).toBe(1);
    await chainAwaitingAudit(db.pool);
    const chained = await db.pool.query(`SELECT la_code, count(*)::int AS n FROM audit_event WHERE la_code IN ('305', '306') AND action = 'write' GROUP BY la_code ORDER BY la_code`);
    expect(chained.rows).toEqual([{ la_code: '305', n: 15 }, { la_code: '306', n: 15 }]);
    expect((await db.pool.query('SELECT count(*)::int AS n FROM audit_awaiting_chain')).rows[0].n).toBe(0);

    await expect(withTransaction(db.pool, async (client) => {
      await writeAudit(client, write('305', 'ROLLED-BACK'));
      throw new Error('the write is refused');
    })).rejects.toThrow('the write is refused');
    expect((await db.pool.query(`SELECT count(*)::int AS n FROM audit_event WHERE child_id = 'ROLLED-BACK'`)).rows[0].n).toBe(0);
    expect((await verifyAuditChain(db.pool, '305')).intact).toBe(true);
    expect((await verifyAuditChain(db.pool, '306')).intact).toBe(true);
  });

  it('chains rows that a crash left awaiting the chain, in the order they were written, with their own times', async () => {
    // As a process killed between a write's commit and the chaining of its audit row leaves them.
    await db.pool.query(
      `INSERT INTO audit_awaiting_chain (la_code, occurred_at, user_id, role, agency, action, resource, child_id, outcome, correlation_id, detail)
       SELECT '307', timestamptz '2026-01-05 10:00:00+00' + n * interval '1 second', 'sw-1', 'social-worker', 'childrens-social-care', 'write',
              'child-event:visit.made', 'K' || n, 'ok', 'crash-' || n, '{}'::jsonb FROM generate_series(1, 1203) n ORDER BY n`,
    );
    await writeAudit(db.pool, entry('307', 'READ-AFTER'));
    await chainAwaitingAudit(db.pool);
    const rows = await db.pool.query(`SELECT child_id, occurred_at FROM audit_event WHERE la_code = '307' AND child_id LIKE 'K%' ORDER BY audit_id`);
    expect(rows.rows.map((r) => r.child_id)).toEqual(Array.from({ length: 1203 }, (_, i) => `K${i + 1}`));
    expect(new Date(rows.rows[0].occurred_at).toISOString()).toBe('2026-01-05T10:00:01.000Z');
    expect((await db.pool.query('SELECT count(*)::int AS n FROM audit_awaiting_chain')).rows[0].n).toBe(0);
    expect(await verifyAuditChain(db.pool, '307')).toMatchObject({ rows: 1204, intact: true });
  });

  it('refuses to change or remove an audit row', async () => {
    await expect(db.pool.query(`UPDATE audit_event SET outcome = 'x' WHERE la_code = '301'`)).rejects.toThrow(/append-only/);
    await expect(db.pool.query(`DELETE FROM audit_event WHERE la_code = '301'`)).rejects.toThrow(/append-only/);
  });

  it('names the row whose content was changed directly in SQL', async () => {
    const ids = await auditIds(db, '301');
    await tamper(db, `UPDATE audit_event SET user_id = 'someone-else' WHERE la_code = '301' AND audit_id = $1`, [ids[700]]);
    const report = await verifyAuditChain(db.pool, '301');
    expect(report.intact).toBe(false);
    expect(report.firstBreak).toMatchObject({ auditId: ids[700], reason: 'content-changed' });
    expect((await verifyAuditChain(db.pool, '302')).intact).toBe(true); // another council's chain is its own
  });

  it('names the row after one that was removed, and notices rows removed from the end', async () => {
    await writeAudit(db.pool, entry('303', 'D1'));
    await writeAudit(db.pool, entry('303', 'D2'));
    await writeAudit(db.pool, entry('303', 'D3'));
    await writeAudit(db.pool, entry('303', 'D4'));
    const ids = await auditIds(db, '303');
    await tamper(db, `DELETE FROM audit_event WHERE la_code = '303' AND audit_id = $1`, [ids[1]]);
    expect((await verifyAuditChain(db.pool, '303')).firstBreak).toMatchObject({ auditId: ids[2], reason: 'previous-row-changed-or-removed' });

    await writeAudit(db.pool, entry('304', 'E1'));
    await writeAudit(db.pool, entry('304', 'E2'));
    const tail = await auditIds(db, '304');
    await tamper(db, `DELETE FROM audit_event WHERE la_code = '304' AND audit_id = $1`, [tail[1]]);
    expect((await verifyAuditChain(db.pool, '304')).firstBreak).toMatchObject({ reason: 'rows-removed-from-the-end' });
  });
});

describe.each(testDatabaseTargets)('safeguard audit verify on $name', (target) => {
  it('exits 0 on an intact chain, and 1 naming the first altered row once a row is altered', async () => {
    const cliDb = await createCliDatabase(target);
    try {
      // The embedded database has one user at a time: this process or the CLI.
      const withDatabase = async (work: (db: Database) => Promise<void>) => {
        const db = await cliDb.open();
        try {
          await work(db);
        } finally {
          await db.close();
        }
        await cliDb.waitUntilReleased();
      };
      await withDatabase(async (db) => {
        for (let i = 0; i < 5; i += 1) await writeAudit(db.pool, entry('206', `K${i}`));
      });
      const intact = await runCli(['audit', 'verify', '--la', '206'], cliDb.env);
      expect(intact.code, intact.stderr).toBe(0);
      expect(intact.stdout).toMatch(/LA 206: intact, 5 rows/);

      let altered = '';
      await withDatabase(async (db) => {
        altered = (await auditIds(db, '206'))[3]!;
        await tamper(db, `UPDATE audit_event SET detail = '{"why": "rewritten"}' WHERE la_code = '206' AND audit_id = $1`, [altered]);
      });
      const broken = await runCli(['audit', 'verify', '--json'], cliDb.env);
      expect(broken.code).toBe(1);
      expect(JSON.parse(broken.stdout)).toMatchObject({ intact: false, councils: [{ laCode: '206', firstBreak: { auditId: altered, reason: 'content-changed' } }] });
    } finally {
      await cliDb.dispose();
    }
  }, 180_000); // several command-line runs, each starting node and a database
});
