import { randomBytes, randomUUID } from 'node:crypto';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCliDatabase, runCli } from '../../../test/integration/cli-harness.ts';
import { testDatabaseTargets } from '../../../test/support/test-database.ts';
import type { Database } from '../database/database.ts';
import { writeAudit, type AuditEntry } from './audit.ts';
import { takeCheckpoints } from './checkpoint.ts';
import { verifyAuditChain } from './verify.ts';

const actor = { userId: 'sw-1', role: 'social-worker', agency: 'childrens-social-care' };
const entry = (laCode: string, childId: string): AuditEntry => ({
  laCode, actor, action: 'read', resource: 'child-record', childId, outcome: 'ok', correlationId: randomUUID(),
});

/**
 * What someone with the database could do that the chain alone does not show: with the
 * append-only trigger set aside, change a row and recompute every hash from it to the head.
 */
const rewriteAndRehash = (laCode: string, auditId: number) => `
  ALTER TABLE audit_event DISABLE TRIGGER audit_event_is_append_only;
  DO $$
  DECLARE r record; previous bytea; hash bytea;
  BEGIN
    SELECT row_hash INTO previous FROM audit_event WHERE la_code = '${laCode}' AND audit_id < ${auditId} ORDER BY audit_id DESC LIMIT 1;
    previous := coalesce(previous, '\\x'::bytea);
    UPDATE audit_event SET user_id = 'someone-else' WHERE la_code = '${laCode}' AND audit_id = ${auditId};
    FOR r IN SELECT * FROM audit_event WHERE la_code = '${laCode}' AND audit_id >= ${auditId} ORDER BY audit_id LOOP
      hash := sha256(previous || audit_row_content(r.la_code, r.occurred_at, r.user_id, r.role, r.agency, r.action, r.resource, r.child_id,
        r.outcome, r.correlation_id, r.detail));
      UPDATE audit_event SET previous_hash = previous, row_hash = hash WHERE la_code = r.la_code AND audit_id = r.audit_id;
      previous := hash;
    END LOOP;
    UPDATE audit_chain_head SET last_hash = previous WHERE la_code = '${laCode}';
  END $$;
  ALTER TABLE audit_event ENABLE TRIGGER audit_event_is_append_only`;

/** Cuts the chain's last rows and moves its head back onto the row before them. */
const cutTheTail = (laCode: string, fromAuditId: number) => `
  ALTER TABLE audit_event DISABLE TRIGGER audit_event_is_append_only;
  DELETE FROM audit_event WHERE la_code = '${laCode}' AND audit_id >= ${fromAuditId};
  UPDATE audit_chain_head h SET last_audit_id = e.audit_id, last_hash = e.row_hash
    FROM (SELECT audit_id, row_hash FROM audit_event WHERE la_code = '${laCode}' ORDER BY audit_id DESC LIMIT 1) e WHERE h.la_code = '${laCode}';
  ALTER TABLE audit_event ENABLE TRIGGER audit_event_is_append_only`;

async function auditIdsOf(db: Database, laCode: string): Promise<number[]> {
  return (await db.pool.query('SELECT audit_id FROM audit_event WHERE la_code = $1 ORDER BY audit_id', [laCode])).rows.map((r) => Number(r.audit_id));
}

describe.each(testDatabaseTargets)('audit checkpoints on $name', (target) => {
  let db: Database;
  const key = randomBytes(32);
  beforeAll(async () => {
    db = await target.open();
  });
  afterAll(async () => {
    await db?.close();
  });

  it('detects a chain rewritten and rehashed since a checkpoint, which verifies without one', async () => {
    for (let i = 0; i < 8; i += 1) await writeAudit(db.pool, entry('401', `R${i}`));
    const checkpoints = await takeCheckpoints(db, key, ['401']);
    expect(await verifyAuditChain(db.pool, '401', { key, checkpoints })).toMatchObject({ intact: true, checkpoints: 1 });
    const ids = await auditIdsOf(db, '401');
    await db.pool.query(rewriteAndRehash('401', ids[2]!));
    expect((await verifyAuditChain(db.pool, '401')).intact).toBe(true);
    const report = await verifyAuditChain(db.pool, '401', { key, checkpoints });
    expect(report).toMatchObject({ intact: false, firstBreak: { auditId: String(ids.at(-1)), reason: 'rewritten-since-checkpoint' } });
  });

  it('detects rows cut from the end and the head moved back, which verifies without a checkpoint', async () => {
    for (let i = 0; i < 8; i += 1) await writeAudit(db.pool, entry('402', `T${i}`));
    const checkpoints = await takeCheckpoints(db, key, ['402']);
    const ids = await auditIdsOf(db, '402');
    await db.pool.query(cutTheTail('402', ids[5]!));
    expect((await verifyAuditChain(db.pool, '402')).intact).toBe(true);
    const report = await verifyAuditChain(db.pool, '402', { key, checkpoints });
    expect(report).toMatchObject({ intact: false, firstBreak: { auditId: String(ids.at(-1)), reason: 'removed-since-checkpoint' } });
  });

  it('refuses a checkpoint not signed with the key, and accepts rows added since a checkpoint', async () => {
    await writeAudit(db.pool, entry('403', 'S1'));
    const [checkpoint] = await takeCheckpoints(db, key, ['403']);
    await writeAudit(db.pool, entry('403', 'S2'));
    expect(await verifyAuditChain(db.pool, '403', { key, checkpoints: [checkpoint!] })).toMatchObject({ intact: true, rows: 2 });
    const forged = { ...checkpoint!, at: '2020-01-01T00:00:00.000Z' };
    expect((await verifyAuditChain(db.pool, '403', { key, checkpoints: [forged] })).firstBreak).toMatchObject({ reason: 'checkpoint-not-signed' });
  });
});

describe.each(testDatabaseTargets)('safeguard audit checkpoint and verify --checkpoint on $name', (target) => {
  it('writes signed checkpoints to a file readable by its owner only, and verify --checkpoint exits 1 naming the row cut since', async () => {
    const cliDb = await createCliDatabase(target);
    const dir = await mkdtemp(path.join(os.tmpdir(), 'safeguard-checkpoint-'));
    const env = { ...cliDb.env, SAFEGUARD_AUDIT_CHECKPOINT_KEY: randomBytes(32).toString('hex') };
    try {
      let db = await cliDb.open();
      for (let i = 0; i < 6; i += 1) await writeAudit(db.pool, entry('206', `C${i}`));
      await db.close();
      await cliDb.waitUntilReleased();

      const file = path.join(dir, 'checkpoints.jsonl');
      const taken = await runCli(['audit', 'checkpoint', '--out', file], env);
      expect(taken.code, taken.stderr).toBe(0);
      expect(statSync(file).mode & 0o777).toBe(0o600);
      const [line] = readFileSync(file, 'utf8').trim().split('\n').map((text) => JSON.parse(text));
      expect(line).toMatchObject({ laCode: '206', headHash: expect.stringMatching(/^[0-9a-f]{64}$/), signature: expect.stringMatching(/^hmac-sha256:/) });

      const intact = await runCli(['audit', 'verify', '--checkpoint', file], env);
      expect(intact.code, intact.stdout + intact.stderr).toBe(0);
      expect(intact.stdout).toMatch(/LA 206: intact, 6 rows; .*1 checkpoints hold/);

      db = await cliDb.open();
      const ids = await auditIdsOf(db, '206');
      await db.pool.query(cutTheTail('206', ids[4]!));
      await db.close();
      await cliDb.waitUntilReleased();
      const cut = await runCli(['audit', 'verify', '--checkpoint', file, '--json'], env);
      expect(cut.code).toBe(1);
      expect(JSON.parse(cut.stdout)).toMatchObject({ intact: false, councils: [{ laCode: '206', firstBreak: { auditId: String(line.sequence), reason: 'removed-since-checkpoint' } }] });

      const withOtherKey = await runCli(['audit', 'verify', '--checkpoint', file], { ...env, SAFEGUARD_AUDIT_CHECKPOINT_KEY: randomBytes(32).toString('hex') });
      expect(withOtherKey.code).toBe(1);
      expect(withOtherKey.stdout).toMatch(/not signed with this key/);

      writeFileSync(path.join(dir, 'not-checkpoints.jsonl'), '{"laCode":"206"}\n');
      const notCheckpoints = await runCli(['audit', 'verify', '--checkpoint', path.join(dir, 'not-checkpoints.jsonl')], env);
      expect(notCheckpoints.code).toBe(1);
      expect(notCheckpoints.stderr).toMatch(/line 1 is not an audit checkpoint/);
    } finally {
      await cliDb.dispose();
      await rm(dir, { recursive: true, force: true });
    }
  }, 240_000); // several command-line runs, each starting node and a database

  it.runIf(target.name === 'pglite')('signs with a key the embedded database makes in its data folder, readable by its owner only, and writes to standard output', async () => {
    const cliDb = await createCliDatabase(target);
    try {
      const db = await cliDb.open();
      await writeAudit(db.pool, entry('206', 'K1'));
      await db.close();
      await cliDb.waitUntilReleased();
      const taken = await runCli(['audit', 'checkpoint', '--out', '-'], cliDb.env);
      expect(taken.code, taken.stderr).toBe(0);
      expect(JSON.parse(taken.stdout)).toMatchObject({ laCode: '206', sequence: expect.any(Number) });
      expect(statSync(path.join(cliDb.env.SAFEGUARD_DATA_DIR!, 'audit-checkpoint.key')).mode & 0o777).toBe(0o600);
    } finally {
      await cliDb.dispose();
    }
  }, 120_000);
});
