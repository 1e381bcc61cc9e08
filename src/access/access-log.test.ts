import { chainAwaitingAudit } from '../platform/audit/audit.ts';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allocated, registered, toNdjson } from '../../test/support/event-builders.ts';
import { testDatabaseTargets } from '../../test/support/test-database.ts';
import { importInterchangeFile } from '../interchange/import.ts';
import { timescalesFrom } from '../timescales/timescales.ts';
import { loadConfig } from '../app/config.ts';
import type { Database } from '../platform/database/database.ts';
import { AuditReader, anomalyRules } from './access-log.ts';
import { writeAudit } from '../platform/audit/audit.ts';

const worker = (workerId: string, name: string, teamId: string) => ({ record: 'worker', laCode: '206', workerId, name, role: 'social-worker', teamId, agency: 'childrens-social-care', startedOn: '2020-01-01' });
const team = (teamId: string) => ({ record: 'team', laCode: '206', teamId, name: `Team ${teamId}`, service: 'children-in-need' });
const reader = (userId: string) => ({ laCode: '206', actor: { userId, role: 'social-worker', agency: 'childrens-social-care' }, correlationId: randomUUID() });
const read = (db: Database, userId: string, childId: string) =>
  writeAudit(db.pool, { ...reader(userId), action: 'read', resource: 'child-record', childId, outcome: 'ok' });

describe.each(testDatabaseTargets)('who has looked at a child, and unusual access, on $name', (target) => {
  let db: Database;
  let dir: string;
  const outsiders = Array.from({ length: anomalyRules['many-records-outside-caseload'].threshold }, (_, i) => `OUT${i}`);

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'safeguard-access-log-'));
    db = await target.open();
    const file = path.join(dir, 'children.ndjson');
    writeFileSync(file, toNdjson([
      team('t-a'), team('t-b'), worker('w-ann', 'Ann Okafor', 't-a'), worker('w-bob', 'Bob Marsh', 't-a'), worker('w-cat', 'Cat Jones', 't-b'),
      registered('MINE1', { surname: 'Evans' }), allocated('MINE1', '2024-01-03', 'w-ann', 't-a'),
      registered('TEAM1', { surname: 'Hughes' }), allocated('TEAM1', '2024-01-03', 'w-bob', 't-a'),
      registered('KIN1', { surname: 'Okafor' }), allocated('KIN1', '2024-01-03', 'w-cat', 't-b'),
      ...outsiders.map((id) => registered(id, { surname: 'Smith' })),
    ]));
    const imported = await importInterchangeFile(db, file, reader('importer'), timescalesFrom(loadConfig({})));
    expect(imported.problems).toEqual([]);
  });
  afterAll(async () => {
    await db?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('lists everyone who read, wrote or was refused the record, with the reasons given to break the glass', async () => {
    await read(db, 'w-ann', 'MINE1');
    await read(db, 'w-ann', 'MINE1');
    await read(db, 'w-bob', 'MINE1');
    await writeAudit(db.pool, { ...reader('w-cat'), action: 'refused', resource: 'child-record', childId: 'MINE1', outcome: 'forbidden' });
    await writeAudit(db.pool, { ...reader('w-cat'), action: 'read', resource: 'child-record', childId: 'MINE1', outcome: 'ok', detail: { reason: 'Duty cover over the weekend' } });
    const access = await new AuditReader(db, reader('w-ann')).findAccessToChild('MINE1');
    const byUser = Object.fromEntries(access.map((a) => [a.userId, a]));
    expect(byUser['w-ann']).toMatchObject({ name: 'Ann Okafor', reads: 2, writes: 0, refusals: 0 });
    expect(byUser['w-bob']).toMatchObject({ name: 'Bob Marsh', reads: 1 });
    expect(byUser['w-cat']).toMatchObject({ reads: 1, refusals: 1, reasons: ['Duty cover over the weekend'] });
    expect(byUser.importer).toMatchObject({ writes: 1 }); // the import that created the record
    // Looking at the log is on the log.
    await chainAwaitingAudit(db.pool);
    expect(Number((await db.pool.query(`SELECT count(*) AS n FROM audit_event WHERE resource = 'child-access-log' AND child_id = 'MINE1'`)).rows[0].n)).toBe(1);
  });

  it('picks out a user opening many records outside their caseload and team, and one opening a record of their own surname', async () => {
    for (const child of outsiders) await read(db, 'w-bob', child); // none allocated to Bob or his team
    await read(db, 'w-bob', 'TEAM1'); // his own caseload: not counted
    await read(db, 'w-ann', 'KIN1'); // Ann Okafor opens the record of a child called Okafor
    const anomalies = await new AuditReader(db, reader('admin')).findAnomalies('2000-01-01T00:00:00Z', '2100-01-01T00:00:00Z');
    expect(anomalies.find((a) => a.rule === 'many-records-outside-caseload')).toMatchObject({ userId: 'w-bob', name: 'Bob Marsh', children: outsiders.length }); // MINE1, read earlier, is his team's
    expect(anomalies.find((a) => a.rule === 'record-shares-own-surname')).toMatchObject({ userId: 'w-ann', children: 1, childIds: ['KIN1'] });
    expect(anomalies.filter((a) => a.rule === 'many-records-outside-caseload').map((a) => a.userId)).toEqual(['w-bob']);
  });
});
