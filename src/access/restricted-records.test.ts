import { chainAwaitingAudit } from '../platform/audit/audit.ts';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allocated, registered, toNdjson } from '../../test/support/event-builders.ts';
import { testDatabaseTargets } from '../../test/support/test-database.ts';
import { importInterchangeFile } from '../interchange/import.ts';
import { loadConfig } from '../app/config.ts';
import type { Database } from '../platform/database/database.ts';
import { ChildListRepository } from '../modules/people/household.ts';
import { ChildRecordRepository } from '../record/repo.ts';
import type { RequestContext } from '../platform/request-context.ts';
import { timescalesFrom } from '../timescales/timescales.ts';
import { accessGrantFor } from './policy.ts';
import { RestrictedRecords } from './restricted-records.ts';

const timescales = timescalesFrom(loadConfig({}));
const as = (userId: string, role: string, workerId: string | null, teamId: string | null): RequestContext => {
  const actor = { userId, role, agency: 'childrens-social-care' };
  return { laCode: '206', actor, correlationId: randomUUID(), access: accessGrantFor({ ...actor, workerId, teamId }) };
};

describe.each(testDatabaseTargets)('restricted records and breaking the glass on $name', (target) => {
  let db: Database;
  let dir: string;
  const manager = as('u-manager', 'team-manager', 'w-m', 't-a');
  const owner = as('u-owner', 'social-worker', 'w-owner', 't-a');
  const colleague = as('u-colleague', 'social-worker', 'w-colleague', 't-a');
  const frontDoor = as('u-front', 'front-door-officer', null, null);

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'safeguard-restricted-'));
    db = await target.open();
    const file = path.join(dir, 'children.ndjson');
    writeFileSync(file, toNdjson([
      { record: 'team', laCode: '206', teamId: 't-a', name: 'Team A', service: 'children-in-need' },
      ...['w-m', 'w-owner', 'w-colleague'].map((workerId) => ({ record: 'worker', laCode: '206', workerId, name: workerId, role: 'social-worker', teamId: 't-a', agency: 'childrens-social-care', startedOn: '2020-01-01' })),
      registered('STAFFKIN1', { surname: 'Private' }), allocated('STAFFKIN1', '2024-01-03', 'w-owner', 't-a'),
    ]));
    expect((await importInterchangeFile(db, file, { ...manager, access: undefined }, timescales)).problems).toEqual([]);
  });
  afterAll(async () => {
    await db?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('hides a restricted record from search and lists for all but those named, and refuses it as restricted to those in scope', async () => {
    await new RestrictedRecords(db, manager).restrict('STAFFKIN1', 'A member of staff\'s own family', ['u-owner']);
    const search = (context: RequestContext) => new ChildListRepository(db, context, new ChildRecordRepository(db, context, timescales)).findChildren({ surname: 'Private', limit: 10 });
    expect((await search(owner)).map((c) => c.childId)).toEqual(['STAFFKIN1']);
    expect((await search(manager)).map((c) => c.childId)).toEqual(['STAFFKIN1']); // the restricter keeps access
    expect(await search(colleague)).toEqual([]);
    expect(await search(frontDoor)).toEqual([]);
    await expect(new ChildRecordRepository(db, colleague, timescales).getChildRecord('STAFFKIN1')).rejects.toMatchObject({ code: 'forbidden', details: { restricted: true } });
    // A colleague's own team's restricted record is refused as restricted; it does not pretend there is no child.
    await expect(new RestrictedRecords(db, owner).restrict('STAFFKIN1', 'Trying again', [])).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('lists the accounts a restriction may name only for those who may restrict', async () => {
    await expect(new RestrictedRecords(db, owner).findPeopleToName()).rejects.toMatchObject({ code: 'forbidden' });
    expect(await new RestrictedRecords(db, manager).findPeopleToName()).toEqual(expect.any(Array));
  });

  it('lets someone in scope break the glass with a reason, for a day, alerting the owner and auditing the reason', async () => {
    const { expiresAt } = await new RestrictedRecords(db, colleague).breakGlass('STAFFKIN1', 'Duty cover: the child is missing tonight');
    expect(new Date(expiresAt).getTime() - Date.now()).toBeGreaterThan(23 * 3_600_000);
    expect((await new ChildRecordRepository(db, colleague, timescales).getChildRecord('STAFFKIN1')).folded.state.childId).toBe('STAFFKIN1');
    const alerts = await new RestrictedRecords(db, owner).findMyAlerts();
    expect(alerts).toHaveLength(1);
    expect(alerts[0]!.message).toContain('Duty cover: the child is missing tonight');
    await chainAwaitingAudit(db.pool);
    const audited = await db.pool.query(`SELECT detail->>'reason' AS reason FROM audit_event WHERE resource = 'break-glass' AND user_id = 'u-colleague'`);
    expect(audited.rows.map((r) => r.reason)).toEqual(['Duty cover: the child is missing tonight']);
    // Outside scope there is no glass to break: no such child, as far as they can tell.
    await expect(new RestrictedRecords(db, as('u-other', 'social-worker', 'w-x', 't-x')).breakGlass('STAFFKIN1', 'I would like to look please')).rejects.toMatchObject({ code: 'not_found' });
  });

  it('lets the owner mark an alert as seen, once, and nobody else', async () => {
    const [alert] = await new RestrictedRecords(db, owner).findMyAlerts();
    expect(alert!.seenAt).toBeNull();
    await expect(new RestrictedRecords(db, colleague).markAlertSeen(alert!.alertId)).rejects.toMatchObject({ code: 'not_found', problems: [{ field: 'alertId' }] });
    const first = await new RestrictedRecords(db, owner).markAlertSeen(alert!.alertId);
    const again = await new RestrictedRecords(db, owner).markAlertSeen(alert!.alertId);
    expect(again.seenAt).toBe(first.seenAt);
    expect((await new RestrictedRecords(db, owner).findMyAlerts()).map((a) => a.seenAt)).toEqual([first.seenAt]);
    await chainAwaitingAudit(db.pool);
    const audited = await db.pool.query(`SELECT count(*)::int AS n FROM audit_event WHERE resource = 'access-alert-seen' AND user_id = 'u-owner' AND child_id = 'STAFFKIN1'`);
    expect(audited.rows[0].n).toBe(2);
  });
});
