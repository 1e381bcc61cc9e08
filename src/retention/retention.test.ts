import { chainAwaitingAudit } from '../platform/audit/audit.ts';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCliDatabase, runCli } from '../../test/integration/cli-harness.ts';
import {
  contact, contactDecided, episodeClosed, initialConference, referral, registered, section47Completed, strategyDiscussion, toNdjson,
  type InterchangeLine,
} from '../../test/support/event-builders.ts';
import { testDatabaseTargets } from '../../test/support/test-database.ts';
import { importInterchangeFile } from '../interchange/import.ts';
import { verifyAuditChain } from '../platform/audit/verify.ts';
import { loadConfig } from '../app/config.ts';
import type { Database } from '../platform/database/database.ts';
import { timescalesFrom } from '../timescales/timescales.ts';
import { RetentionRepository } from './repo.ts';
import { resolveRetentionRules } from './schedules.ts';
import { disposeDueRecords, retentionReport } from './service.ts';

const context = { laCode: '206', actor: { userId: 'records-manager-1', role: 'administrator', agency: 'childrens-social-care' }, correlationId: randomUUID() };
const rules = resolveRetentionRules();
const asAt = '2024-06-30';

/** Children whose retention dates are worked out by hand in the comments. */
function datedRecords(): InterchangeLine[] {
  const closedEpisode = (childId: string, born: string, referredOn: string, closedOn: string) => [
    registered(childId, { at: referredOn, dateOfBirth: born }), referral(childId, referredOn), episodeClosed(childId, closedOn),
  ];
  return [
    // Born 1995: 25th birthday 2020-01-10; last event 2011 + 6 = 2017. Due.
    ...closedEpisode('OLDCIN1', '1995-01-10', '2010-03-01', '2011-02-01'),
    // Born 2010: kept to the 25th birthday in 2035.
    ...closedEpisode('YOUNGCIN1', '2010-04-01', '2012-03-01', '2013-02-01'),
    // Past every date but held (the hold is placed by the test).
    ...closedEpisode('HELDCIN1', '1995-01-10', '2010-03-01', '2011-02-01'),
    // Past every date, but the episode is still open.
    registered('OPENCIN1', { at: '2010-03-01', dateOfBirth: '1995-01-10' }), referral('OPENCIN1', '2010-03-01'),
    // A contact that went no further: last event 2015-07-01 + 6 years = 2021-07-01. Due.
    registered('CONTACT1', { at: '2015-06-01', dateOfBirth: '2008-01-01' }), contact('CONTACT1', '2015-06-01T10:00:00Z'),
    contactDecided('CONTACT1', '2015-07-01T10:00:00Z', { decision: 'no-further-action' }),
    // A section 47 enquiry without a plan: child protection; born 1990, 25th birthday 2015; last event 2006 + 6 = 2012. Due.
    registered('CPOLD1', { at: '2005-09-01', dateOfBirth: '1990-05-05' }), referral('CPOLD1', '2005-09-01'), strategyDiscussion('CPOLD1', '2005-09-02'),
    section47Completed('CPOLD1', '2005-09-20', 'no-further-action'), episodeClosed('CPOLD1', '2006-01-10'),
    // Child protection, born 2000: 25th birthday 2025-03-03. Kept.
    registered('CPKEPT1', { at: '2012-09-01', dateOfBirth: '2000-03-03' }), referral('CPKEPT1', '2012-09-01'), strategyDiscussion('CPKEPT1', '2012-09-02'),
    initialConference('CPKEPT1', '2012-09-20', { planRequired: false }), episodeClosed('CPKEPT1', '2012-12-01'),
  ];
}

describe.each(testDatabaseTargets)('retention and disposal on $name', (target) => {
  let db: Database;
  let dir: string;
  let repo: RetentionRepository;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'safeguard-retention-'));
    db = await target.open();
    const file = path.join(dir, 'dated.ndjson');
    writeFileSync(file, toNdjson(datedRecords()));
    const imported = await importInterchangeFile(db, file, context, timescalesFrom(loadConfig({})));
    expect(imported.problems).toEqual([]);
    repo = new RetentionRepository(db, context);
  });
  afterAll(async () => {
    await db?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('reports what is due for disposal, and why the rest is kept, changing nothing', async () => {
    await repo.placeHold('HELDCIN1', 'Subject access request in progress');
    const eventsBefore = Number((await db.pool.query('SELECT count(*) AS n FROM child_event')).rows[0].n);
    const report = await retentionReport(repo, rules, asAt);
    const byChild = Object.fromEntries(report.children.map((d) => [d.childId, d]));
    expect(Object.keys(byChild).sort()).toEqual(['CONTACT1', 'CPOLD1', 'HELDCIN1', 'OLDCIN1', 'OPENCIN1']);
    expect(byChild.OLDCIN1).toMatchObject({ status: 'due-for-disposal', recordType: 'child-in-need', retainUntil: '2020-01-10' });
    expect(byChild.CONTACT1).toMatchObject({ status: 'due-for-disposal', recordType: 'contact-only', retainUntil: '2021-07-01' });
    expect(byChild.CPOLD1).toMatchObject({ status: 'due-for-disposal', recordType: 'child-protection', retainUntil: '2015-05-05' });
    expect(byChild.HELDCIN1).toMatchObject({ status: 'on-hold' });
    expect(byChild.OPENCIN1).toMatchObject({ status: 'open-work' });
    expect(report.summary.retained).toEqual({ 'child-in-need': 1, 'child-protection': 1 });
    expect(Number((await db.pool.query('SELECT count(*) AS n FROM child_event')).rows[0].n)).toBe(eventsBefore);
  });

  it('disposes of each record due: events and projections gone, a tombstone and an audit row left, the audit chain intact', async () => {
    const run = await disposeDueRecords(repo, rules, asAt);
    expect(run.disposed.map((d) => d.childId).sort()).toEqual(['CONTACT1', 'CPOLD1', 'OLDCIN1']);
    expect(run.disposed.find((d) => d.childId === 'OLDCIN1')?.eventsRemoved).toBe(3);
    for (const childId of ['CONTACT1', 'CPOLD1', 'OLDCIN1']) {
      expect(Number((await db.pool.query('SELECT count(*) AS n FROM child_event WHERE child_id = $1', [childId])).rows[0].n)).toBe(0);
      for (const table of ['child', 'contact', 'cin_episode', 'section_47_enquiry', 'duty']) {
        expect(Number((await db.pool.query(`SELECT count(*) AS n FROM ${table} WHERE child_id = $1`, [childId])).rows[0].n), `${table} ${childId}`).toBe(0);
      }
    }
    const tombstone = (await db.pool.query(`SELECT * FROM child_disposal WHERE child_id = 'CPOLD1'`)).rows[0];
    expect(tombstone).toMatchObject({ record_type: 'child-protection', rule_id: 'child-protection-to-25th-birthday', events_removed: 5, disposed_by: 'records-manager-1' });
    await chainAwaitingAudit(db.pool);
    const audit = await db.pool.query(`SELECT detail FROM audit_event WHERE resource = 'child-record:disposal' AND child_id = 'OLDCIN1'`);
    expect(audit.rows).toHaveLength(1);
    expect((await verifyAuditChain(db.pool, '206')).intact).toBe(true);
    // Kept records are untouched, and the log is still append-only outside a disposal.
    expect(Number((await db.pool.query(`SELECT count(*) AS n FROM child_event WHERE child_id = 'HELDCIN1'`)).rows[0].n)).toBe(3);
    await expect(db.pool.query(`DELETE FROM child_event WHERE child_id = 'YOUNGCIN1'`)).rejects.toThrow(/append-only/);
    // Nothing is due twice.
    expect((await disposeDueRecords(repo, rules, asAt)).disposed).toEqual([]);
  });

  it('disposes of a held record only once its hold is lifted', async () => {
    expect(await repo.liftHolds('HELDCIN1', 'Request answered')).toBe(1);
    expect((await disposeDueRecords(repo, rules, asAt)).disposed.map((d) => d.childId)).toEqual(['HELDCIN1']);
  });
});

describe.each(testDatabaseTargets)('safeguard retention on $name', (target) => {
  it('reports without --confirm changing anything, and refuses to dispose without --confirm', async () => {
    const cliDb = await createCliDatabase(target);
    const dir = mkdtempSync(path.join(os.tmpdir(), 'safeguard-retention-cli-'));
    try {
      const file = path.join(dir, 'dated.ndjson');
      writeFileSync(file, toNdjson(datedRecords()));
      expect((await runCli(['import', file], cliDb.env)).code).toBe(0);
      const report = await runCli(['retention', 'report', '--as-at', asAt, '--json'], cliDb.env);
      expect(report.code, report.stderr).toBe(0);
      expect(JSON.parse(report.stdout).children.filter((d: { status: string }) => d.status === 'due-for-disposal')).toHaveLength(4);
      const refused = await runCli(['retention', 'dispose', '--as-at', asAt], cliDb.env);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toMatch(/--confirm/);
      const disposed = await runCli(['retention', 'dispose', '--as-at', asAt, '--confirm', '--json'], cliDb.env);
      expect(disposed.code, disposed.stderr).toBe(0);
      expect(JSON.parse(disposed.stdout).disposed).toHaveLength(4);
    } finally {
      await cliDb.dispose();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000); // several command-line runs, each starting node and a database
});
