import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { smallCaseload, toNdjson, withWorkforce } from '../../test/support/event-builders.ts';
import { testDatabaseTargets } from '../../test/support/test-database.ts';
import { importInterchangeFile } from '../interchange/import.ts';
import { loadConfig } from '../app/config.ts';
import type { Database } from '../platform/database/database.ts';
import { timescalesFrom } from '../timescales/timescales.ts';
import { checkProjections, rebuildProjections } from './rebuild.ts';

const context = { laCode: '206', actor: { userId: 'admin-1', role: 'administrator', agency: 'childrens-social-care' }, correlationId: randomUUID() };
const timescales = timescalesFrom(loadConfig({}));

describe.each(testDatabaseTargets)('rebuilding projections from the log on $name', (target) => {
  let db: Database;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'safeguard-rebuild-'));
    db = await target.open();
    const file = path.join(dir, 'caseload.ndjson');
    writeFileSync(file, toNdjson(withWorkforce(smallCaseload().lines)));
    expect((await importInterchangeFile(db, file, context, timescales)).problems).toEqual([]);
  });
  afterAll(async () => {
    await db?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('finds the projections equal to a fold of the log, and says which table drifted when one is changed behind its back', async () => {
    expect((await checkProjections(db, context, timescales)).matches).toBe(true);
    await db.pool.query(`UPDATE child SET status = 'not-a-status' WHERE child_id = 'AMARA1'`);
    await db.pool.query(`INSERT INTO contact (la_code, child_id, contact_id, received_at, received_on, source, primary_reason, other_reasons, mash_checks_requested, mash_checks_completed)
      VALUES ('206', 'NOBODY1', gen_random_uuid(), '2024-01-01T00:00:00Z', '2024-01-01', '6', 'neglect', '{}', 0, 0)`);
    const check = await checkProjections(db, context, timescales);
    expect(check.matches).toBe(false);
    expect(check.tables.filter((t) => !t.matches).map((t) => t.table).sort()).toEqual(['child', 'contact']);
    expect(check.tables.find((t) => t.table === 'contact')).toMatchObject({ rebuiltRows: expect.any(Number) });
    // Checking changed nothing.
    expect((await db.pool.query(`SELECT status FROM child WHERE child_id = 'AMARA1'`)).rows[0].status).toBe('not-a-status');
  });

  it('rebuilds them, audited, after which they match again', async () => {
    const result = await rebuildProjections(db, context, timescales);
    expect(result.problems).toEqual([]);
    expect(result.children).toBe(smallCaseload().childIds.length);
    expect((await checkProjections(db, context, timescales)).matches).toBe(true);
    expect((await db.pool.query(`SELECT status FROM child WHERE child_id = 'AMARA1'`)).rows[0].status).not.toBe('not-a-status');
    expect(Number((await db.pool.query(`SELECT count(*) AS n FROM contact WHERE child_id = 'NOBODY1'`)).rows[0].n)).toBe(0);
    expect(Number((await db.pool.query(`SELECT count(*) AS n FROM audit_event WHERE resource = 'child-record:projections-rebuilt'`)).rows[0].n)).toBe(result.children);
  });
});
