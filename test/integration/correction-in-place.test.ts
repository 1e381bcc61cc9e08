import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importInterchangeFile } from '../../src/interchange/import.ts';
import { loadConfig } from '../../src/app/config.ts';
import type { Database } from '../../src/platform/database/database.ts';
import { createApp } from '../../src/app/server.ts';
import { createServices } from '../../src/app/services.ts';
import { foldChildRecord, type LoggedEvent } from '../../src/record/fold.ts';
import { checkProjections } from '../../src/record/rebuild.ts';
import { ChildRecordRepository, dutiesOf } from '../../src/record/repo.ts';
import { timescalesFrom } from '../../src/timescales/timescales.ts';
import { contact, contactDecided, corrected, header, registered, toNdjson } from '../support/event-builders.ts';
import { testDatabaseTargets } from '../support/test-database.ts';

const context = { laCode: '206', actor: { userId: 'worker-1', role: 'social-worker', agency: 'childrens-social-care' }, correlationId: randomUUID() };
const timescales = timescalesFrom(loadConfig({}));

/**
 * A correction is folded where the event it corrects stands in the log, whether it comes in an
 * interchange file or through the API: correcting a contact after its same-day decision is allowed,
 * and a correction is refused only when what it says makes another event of the record impossible.
 */
describe.each(testDatabaseTargets)('a correction in place of what it corrects, on $name', (target) => {
  let db: Database;
  let app: FastifyInstance;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'safeguard-correction-'));
    db = await target.open();
    app = createApp(createServices(loadConfig({ SAFEGUARD_LA_CODE: '206' }), db));
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** What the record, its duties and its effective events are when folded afresh from the log in the database. */
  const freshFold = async (childId: string) => {
    const rows = await db.pool.query(
      `SELECT event_id, sequence, event_type, occurred_at, to_char(recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS recorded_at, supersedes, data
         FROM child_event WHERE la_code = '206' AND child_id = $1 ORDER BY sequence`,
      [childId],
    );
    const log = rows.rows.map((r) => ({
      eventId: r.event_id, sequence: Number(r.sequence), type: r.event_type, occurredAt: r.occurred_at, recordedAt: r.recorded_at, data: r.data,
      ...(r.supersedes ? { supersedes: r.supersedes } : {}),
    }) as LoggedEvent);
    const folded = foldChildRecord('206', childId, log);
    return { state: folded.state, effectiveEvents: folded.effectiveEvents.map(({ eventId, entityId, sequence }) => ({ eventId, entityId, sequence })), duties: dutiesOf(folded, timescales) };
  };

  it('imports the file of the issue: a contact at 09:00, its decision at 15:00 and a correction of the contact', async () => {
    const received = contact('ISSUE1', '2024-03-04T09:00:00Z');
    const lines = [
      header(),
      registered('ISSUE1', { at: '2024-01-02' }),
      received,
      contactDecided('ISSUE1', '2024-03-04T15:00:00Z', { contactId: received.eventId }),
      corrected(received, { data: { primaryReason: 'domestic-abuse' } }, 'Reason for the contact misread'),
    ];
    const file = path.join(dir, 'issue.ndjson');
    writeFileSync(file, toNdjson(lines));
    const result = await importInterchangeFile(db, file, context, timescales);
    expect(result.problems).toEqual([]);
    const read = await new ChildRecordRepository(db, context, timescales).getChildRecord('ISSUE1');
    expect(read.folded.state.contacts).toHaveLength(1);
    expect(read.folded.state.contacts[0]).toMatchObject({ primaryReason: 'domestic-abuse' });
    expect(read.folded.state.contacts[0]!.decision).toBeDefined();
    expect((await checkProjections(db, context, timescales)).matches).toBe(true);
  });

  const post = async (childId: string, payload: Record<string, unknown>) => {
    const response = await app.inject({ method: 'POST', url: `/api/v1/children/${childId}/events`, payload: { clientId: randomUUID(), ...payload } });
    return { status: response.statusCode, body: response.json() };
  };
  const contactData = { source: '6', localSource: 'police', primaryReason: 'neglect', otherReasons: [] };
  /** A registered child with a contact at 09:00 decided at 15:00 the same day, through the API. */
  const contactDecidedSameDay = async (childId: string) => {
    expect((await post(childId, { type: 'child.registered', occurredAt: '2024-01-02', data: { forename: 'Ada', surname: childId, dateOfBirth: '2016-05-02', sex: 'F', ethnicity: 'WBRI', disabilities: [] } })).status).toBe(201);
    const received = await post(childId, { type: 'contact.received', occurredAt: '2024-03-04T09:00:00Z', data: contactData });
    expect(received.status).toBe(201);
    const decided = await post(childId, { type: 'contact.decided', occurredAt: '2024-03-04T15:00:00Z', data: { decision: 'no-further-action', decidedByWorkerId: 'w-mash-1' } });
    expect(decided.status, JSON.stringify(decided.body)).toBe(201);
    return { contactId: received.body.event.eventId as string, decisionId: decided.body.event.eventId as string };
  };

  it('records a correction of a contact after its same-day decision through the API, and the chronology shows both versions', async () => {
    const { contactId } = await contactDecidedSameDay('API1');
    const correction = await post('API1', {
      type: 'contact.received', occurredAt: '2024-03-04T09:00:00Z', supersedes: contactId, correctionReason: 'Reason for the contact misread',
      data: { ...contactData, primaryReason: 'domestic-abuse' },
    });
    expect(correction.status, JSON.stringify(correction.body)).toBe(201);
    const record = await app.inject({ method: 'GET', url: '/api/v1/children/API1' });
    expect(record.json().contacts).toEqual([expect.objectContaining({ primaryReason: 'domestic-abuse', decision: expect.anything() })]);
    const chronology = (await app.inject({ method: 'GET', url: '/api/v1/children/API1/chronology' })).json();
    const contacts = (chronology.entries as { type: string; eventId: string; effective: boolean; supersededBy: string | null }[]).filter((e) => e.type === 'contact.received');
    expect(contacts).toEqual([
      expect.objectContaining({ eventId: contactId, effective: false, supersededBy: correction.body.event.eventId }),
      expect.objectContaining({ eventId: correction.body.event.eventId, effective: true, supersededBy: null }),
    ]);

    // The record this process keeps after the correction, and the next write made from it, are what a fresh fold of the log gives.
    const repo = new ChildRecordRepository(db, context, timescales);
    const kept = await repo.getChildRecord('API1');
    const keptView = { state: kept.folded.state, effectiveEvents: kept.folded.effectiveEvents.map(({ eventId, entityId, sequence }) => ({ eventId, entityId, sequence })), duties: kept.duties };
    expect(JSON.parse(JSON.stringify(keptView))).toEqual(JSON.parse(JSON.stringify(await freshFold('API1'))));
    expect((await post('API1', { type: 'contact.received', occurredAt: '2024-03-04T11:00:00Z', data: contactData })).status).toBe(201);
    const next = await repo.getChildRecord('API1');
    const nextView = { state: next.folded.state, effectiveEvents: next.folded.effectiveEvents.map(({ eventId, entityId, sequence }) => ({ eventId, entityId, sequence })), duties: next.duties };
    expect(JSON.parse(JSON.stringify(nextView))).toEqual(JSON.parse(JSON.stringify(await freshFold('API1'))));
    expect((await checkProjections(db, context, timescales)).matches).toBe(true);
  });

  it('refuses a correction that would make a later event impossible, naming that event, and writes nothing', async () => {
    const { contactId, decisionId } = await contactDecidedSameDay('API2');
    const before = await db.pool.query(`SELECT count(*)::int AS n FROM child_event WHERE la_code = '206' AND child_id = 'API2'`);
    const refused = await post('API2', {
      type: 'contact.received', occurredAt: '2024-03-05T09:00:00Z', supersedes: contactId, correctionReason: 'Received the next morning',
      data: contactData,
    });
    expect(refused.status).toBe(409);
    // Said as a correction (not as a new event recorded last), naming the event it would break.
    expect(refused.body.error.message).toMatch(/^You cannot correct this: it would leave the decision on 4 March 2024 without what it needs\. You cannot record a decision on a contact on 4 March 2024: first record a contact/);
    expect(refused.body.error.problems).toEqual([expect.objectContaining({ field: 'supersedes' })]);
    expect(refused.body.error.conflictingEventId).toBe(decisionId);
    expect(refused.body.error.allowedActions).toEqual(expect.any(Array));
    const after = await db.pool.query(`SELECT count(*)::int AS n FROM child_event WHERE la_code = '206' AND child_id = 'API2'`);
    expect(after.rows[0].n).toBe(before.rows[0].n);
    expect((await checkProjections(db, context, timescales)).matches).toBe(true);
  });

  it('leaves the projections as a rebuild makes them after corrections that move an event within its day and to another day', async () => {
    const { contactId, decisionId } = await contactDecidedSameDay('API3');
    expect((await post('API3', {
      type: 'contact.received', occurredAt: '2024-03-04T08:00:00Z', supersedes: contactId, correctionReason: 'Time misread', data: contactData,
    })).status).toBe(201);
    // The decision moved to the next working day: the contact's decision duty is then met a day later.
    expect((await post('API3', {
      type: 'contact.decided', occurredAt: '2024-03-05T10:00:00Z', supersedes: decisionId, correctionReason: 'Decided the next morning',
      data: { contactId, decision: 'no-further-action', decidedByWorkerId: 'w-mash-1' },
    })).status).toBe(201);
    const check = await checkProjections(db, context, timescales);
    expect(check.tables.filter((t) => !t.matches)).toEqual([]);
    expect(check.matches).toBe(true);
  });
});
