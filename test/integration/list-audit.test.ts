/**
 * Every child a list shows is audited as read by whoever was shown it, in one statement per list,
 * and the anomaly report counts the children people are shown in lists, not only the records they
 * open: a partner agency's account trawling children through search and the children behind a
 * figure is picked out, while a manager going through their own team's due list is not.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { accessGrantFor } from '../../src/access/policy.ts';
import { MetricChildrenRepository } from '../../src/analytics/drill-down.ts';
import { windowOf } from '../../src/analytics/periods.ts';
import { DutyRepository } from '../../src/duties/repo.ts';
import { importInterchangeFile } from '../../src/interchange/import.ts';
import { AuditReader, childrenListedPerDayByScope } from '../../src/access/access-log.ts';
import { chainAwaitingAudit } from '../../src/platform/audit/audit.ts';
import { todayInLondon } from '../../src/platform/clock.ts';
import { loadConfig } from '../../src/app/config.ts';
import type { Database } from '../../src/platform/database/database.ts';
import { ChildListRepository } from '../../src/modules/people/household.ts';
import { ChildRecordRepository } from '../../src/record/repo.ts';
import type { RequestContext } from '../../src/platform/request-context.ts';
import { timescalesFrom } from '../../src/timescales/timescales.ts';
import { allocated, contact, contactDecided, mashCheckRequested, registered, sibling, toNdjson } from '../support/event-builders.ts';
import { testDatabaseTargets } from '../support/test-database.ts';

const timescales = timescalesFrom(loadConfig({}));
const as = (userId: string, role: string, agency: string, workerId: string | null, teamId: string | null): RequestContext => {
  const actor = { userId, role, agency };
  return { laCode: '206', actor, correlationId: randomUUID(), access: accessGrantFor({ ...actor, workerId, teamId }) };
};
/** Lists of children as the actor is shown them. */
const listsFor = (db: Database, context: RequestContext) => new ChildListRepository(db, context, new ChildRecordRepository(db, context, timescales));
const police = as('u-police', 'police-officer', 'police', null, null);
const manager = as('u-manager', 'team-manager', 'childrens-social-care', 'w-m', 't-a');
const admin = as('u-admin', 'administrator', 'childrens-social-care', null, null);

/** More children shared with the police than a partner is ever shown in a day by everyday work. */
const SHARED = childrenListedPerDayByScope['shared-with-agency'] + 20;
const shared = Array.from({ length: SHARED }, (_, i) => `POL${String(i).padStart(4, '0')}`);
/** The manager's team's children: contacts and allocations give each open duties. */
const teamChildren = Array.from({ length: 30 }, (_, i) => `TEAM${String(i).padStart(3, '0')}`);

/** The children the user was audited as shown in a list named `resource`. */
async function auditedChildren(db: Database, userId: string, resource: string): Promise<Set<string>> {
  await chainAwaitingAudit(db.pool);
  const rows = await db.pool.query(
    `SELECT DISTINCT child_id FROM audit_event WHERE user_id = $1 AND resource = $2 AND action = 'read' AND child_id IS NOT NULL`, [userId, resource],
  );
  return new Set(rows.rows.map((row) => row.child_id as string));
}

describe.each(testDatabaseTargets)('every child a list shows is audited, and counted by the anomaly report, on $name', (target) => {
  let db: Database;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'safeguard-list-audit-'));
    db = await target.open();
    const file = path.join(dir, 'children.ndjson');
    writeFileSync(file, toNdjson([
      { record: 'team', laCode: '206', teamId: 't-a', name: 'Team A', service: 'children-in-need' },
      ...['w-m', 'w-a'].map((workerId) => ({ record: 'worker', laCode: '206', workerId, name: workerId, role: 'social-worker', teamId: 't-a', agency: 'childrens-social-care', startedOn: '2020-01-01' })),
      ...shared.flatMap((id) => [registered(id, { at: '2024-02-01' }), contact(id, '2024-02-05T10:00:00Z'), mashCheckRequested(id, '2024-02-05T11:00:00Z', 'police')]),
      ...teamChildren.flatMap((id) => {
        const received = contact(id, '2024-02-05T10:00:00Z');
        // Decided: the decision's duty closes, for the closed due list.
        return [registered(id, { at: '2024-02-01' }), received, contactDecided(id, '2024-02-05T15:00:00Z', { contactId: received.eventId }), allocated(id, '2024-02-06', 'w-a', 't-a')];
      }),
      sibling('TEAM000', '2024-02-07', 'TEAM001'), sibling('TEAM000', '2024-02-07', 'TEAM002'),
    ]));
    const imported = await importInterchangeFile(db, file, { ...admin, access: undefined }, timescales);
    expect(imported.problems).toEqual([]);
  }, 300_000);
  afterAll(async () => {
    await db?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('audits every child in a due list, open or closed, for the user it was shown to', async () => {
    const open = await new DutyRepository(db, manager).findOpenAsAt('2024-02-06', { teamId: 't-a' });
    expect(new Set(open.map((duty) => duty.childId)).size).toBe(teamChildren.length);
    expect(await auditedChildren(db, 'u-manager', 'duty-list')).toEqual(new Set(open.map((duty) => duty.childId)));
    const closed = await new DutyRepository(db, manager).findClosedBetween('2024-02-01', '2024-03-31', {});
    expect(new Set(closed.map((duty) => duty.childId)).size).toBe(teamChildren.length);
    expect(await auditedChildren(db, 'u-manager', 'closed-duty-list')).toEqual(new Set(closed.map((duty) => duty.childId)));
  });

  it('audits each related child shown, not only the child asked about', async () => {
    const related = await listsFor(db, manager).findRelatedChildren('TEAM000', '2024-03-01');
    expect(related.map((child) => child.childId).sort()).toEqual(['TEAM001', 'TEAM002']);
    expect(await auditedChildren(db, 'u-manager', 'related-children')).toEqual(new Set(['TEAM001', 'TEAM002']));
  });

  it('audits a list of many children in one statement, and a list that showed nobody in one row without a child', async () => {
    const query = vi.spyOn(db.pool, 'query');
    try {
      const found = await listsFor(db, police).findChildren({ limit: 500 });
      expect(found).toHaveLength(SHARED);
      const auditStatements = query.mock.calls.filter(([text]) => String(typeof text === 'string' ? text : (text as { text?: string }).text).includes('audit_awaiting_chain'));
      expect(auditStatements).toHaveLength(1);
    } finally {
      query.mockRestore();
    }
    expect((await auditedChildren(db, 'u-police', 'child-search')).size).toBe(SHARED);
    await listsFor(db, police).findChildren({ surname: 'Nobody-By-This-Name', limit: 10 });
    await chainAwaitingAudit(db.pool);
    const empty = await db.pool.query(`SELECT detail FROM audit_event WHERE user_id = 'u-police' AND resource = 'child-search' AND child_id IS NULL`);
    expect(empty.rows.map((row) => row.detail.search.surname)).toEqual(['Nobody-By-This-Name']);
  });

  it('picks out a partner agency account shown many children through search, not a manager going through their team\'s work', async () => {
    // Partner agencies get no children from figures at all; the search lists what is shared with them.
    await expect(new MetricChildrenRepository(db.pool, police, timescales.calendar).findChildren({
      id: 'FD-01', window: windowOf({ from: '2024-02-01', to: '2024-02-29' }, todayInLondon),
    })).rejects.toMatchObject({ code: 'forbidden' });
    expect(await listsFor(db, police).findChildren({ limit: 500 })).toHaveLength(SHARED);
    expect((await auditedChildren(db, 'u-police', 'child-search')).size).toBe(SHARED);
    await new DutyRepository(db, manager).findOpenAsAt('2024-02-07', { teamId: 't-a' });

    const anomalies = await new AuditReader(db, admin).findAnomalies('2000-01-01T00:00:00Z', '2100-01-01T00:00:00Z');
    const listed = anomalies.filter((anomaly) => anomaly.rule === 'many-children-listed');
    expect(listed.map((anomaly) => anomaly.userId)).toEqual(['u-police']);
    expect(listed[0]).toMatchObject({ role: 'police-officer', children: SHARED, day: todayInLondon() });
    expect(listed[0]!.childIds).toEqual(shared.slice(0, 20));
    // The reviewer was shown those children's ids: that is on the log too.
    expect(await auditedChildren(db, 'u-admin', 'access-anomalies')).toEqual(new Set(shared.slice(0, 20)));
  });
});
