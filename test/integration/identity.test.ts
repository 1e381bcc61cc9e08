/**
 * Finding a child across the council without seeing what one may not (issue 16): identity search
 * shows identity only and whether the searcher may open the record, and audits every child shown;
 * an access request is routed to the record's team manager, a granted one opens the record until
 * it ends, a refused one does not; registering warns of likely duplicates; a duplicate merged
 * keeps every event of both, is counted once, and unmerging restores both records.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessGrantFor } from '../../src/access/policy.ts';
import { RestrictedRecords } from '../../src/access/restricted-records.ts';
import { MetricsEngine } from '../../src/analytics/engine.ts';
import { periodBetween } from '../../src/analytics/periods.ts';
import { loadConfig } from '../../src/app/config.ts';
import { importInterchangeFile } from '../../src/interchange/import.ts';
import { AccessRequestRepository } from '../../src/modules/identity/access-requests.ts';
import { MergeService } from '../../src/modules/identity/merges.ts';
import { IdentitySearchRepository } from '../../src/modules/identity/search.ts';
import { queryChildren } from '../../src/modules/people/household.ts';
import { chainAwaitingAudit } from '../../src/platform/audit/audit.ts';
import { createCalendar } from '../../src/platform/calendar/calendar.ts';
import type { Database } from '../../src/platform/database/database.ts';
import type { RequestContext } from '../../src/platform/request-context.ts';
import { ChildRecordRepository } from '../../src/record/repo.ts';
import { RecordEventCommand } from '../../src/record/events.ts';
import { timescalesFrom } from '../../src/timescales/timescales.ts';
import { allocated, contact, contactDecided, mashCheckRequested, registered, toNdjson } from '../support/event-builders.ts';
import { testDatabaseTargets } from '../support/test-database.ts';

const timescales = timescalesFrom(loadConfig({}));
const as = (userId: string, role: string, agency: string, workerId: string | null, teamId: string | null): RequestContext => {
  const actor = { userId, role, agency };
  return { laCode: '206', actor, correlationId: randomUUID(), access: accessGrantFor({ ...actor, workerId, teamId }) };
};
const workerA = as('u-worker-a', 'social-worker', 'childrens-social-care', 'w-a', 't-a');
const managerA = as('u-manager-a', 'team-manager', 'childrens-social-care', 'w-ma', 't-a');
const managerB = as('u-manager-b', 'team-manager', 'childrens-social-care', 'w-mb', 't-b');
const serviceManager = as('u-service-manager', 'service-manager', 'childrens-social-care', null, null);
const police = as('u-police', 'police-officer', 'police', null, null);
const scrutineer = as('u-scrutineer', 'independent-scrutineer', 'partnership', null, null);
const trusted: RequestContext = { laCode: '206', actor: { userId: 'setup', role: 'administrator', agency: 'childrens-social-care' }, correlationId: randomUUID() };

const records = (db: Database, context: RequestContext) => new ChildRecordRepository(db, context, timescales);
const search = (db: Database, context: RequestContext) => new IdentitySearchRepository(db, context);
const requests = (db: Database, context: RequestContext) => new AccessRequestRepository(db, context);
const merges = (db: Database, context: RequestContext) => new MergeService(db, context, (c) => records(db, c));

const surviveContact = contact('SURV1', '2024-03-01T10:00:00Z', { source: '1A', localSource: 'family-member' });
const duplicateContact = contact('DUP1', '2024-05-10T10:00:00Z', { source: '1A', localSource: 'family-member' });

describe.each(testDatabaseTargets)('identity search, access requests and merges on $name', (target) => {
  let db: Database;
  let dir: string;

  const seesRecord = (context: RequestContext, childId: string) => records(db, context).getChildRecord(childId).then(() => true, () => false);
  const audited = async (userId: string, resource: string) => {
    await chainAwaitingAudit(db.pool);
    const rows = await db.pool.query(`SELECT child_id, action FROM audit_event WHERE user_id = $1 AND resource = $2 AND child_id IS NOT NULL`, [userId, resource]);
    return rows.rows as { child_id: string; action: string }[];
  };
  const contactsIn2024 = async () => {
    const engine = new MetricsEngine({ db: db.pool, context: trusted, calendar: createCalendar(), today: () => '2025-01-01' });
    return (await engine.compute({ id: 'FD-01', window: periodBetween('2024-01-01', '2024-12-31'), unsuppressed: true })).value;
  };

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'safeguard-identity-'));
    db = await target.open();
    const file = path.join(dir, 'children.ndjson');
    writeFileSync(file, toNdjson([
      { record: 'team', laCode: '206', teamId: 't-a', name: 'Team A', service: 'children-in-need' },
      { record: 'team', laCode: '206', teamId: 't-b', name: 'Team B', service: 'child-protection' },
      ...[['w-a', 't-a'], ['w-ma', 't-a'], ['w-b', 't-b'], ['w-mb', 't-b']].map(([workerId, teamId]) => ({
        record: 'worker', laCode: '206', workerId, name: workerId, role: 'social-worker', teamId, agency: 'childrens-social-care', startedOn: '2020-01-01',
      })),
      // Team B's child, with a contact awaiting a decision: outside worker A's scope.
      registered('ZOE1', { forename: 'Zoë', surname: "O'Brien-Łukasz", dateOfBirth: '2016-04-03' }), contact('ZOE1', '2024-02-01T10:00:00Z', { source: '1A', localSource: 'family-member' }),
      allocated('ZOE1', '2024-02-02', 'w-b', 't-b'),
      // Worker A's own child.
      registered('MO1', { forename: 'Muhammad', surname: 'Khan', dateOfBirth: '2015-01-01', sex: 'M' }), allocated('MO1', '2024-01-03', 'w-a', 't-a'),
      // Known, with no open work, allocated to nobody.
      registered('ALEX1', { forename: 'Aleksandr', surname: 'Petrov', dateOfBirth: '2012-07-08', sex: 'M' }),
      registered('REF1', { forename: 'Ruth', surname: 'Okafor', dateOfBirth: '2014-02-02' }),
      // Shared with the police (their MASH check on an undecided contact).
      registered('POL1', { forename: 'Zoe', surname: 'Police', dateOfBirth: '2013-03-03' }), contact('POL1', '2024-02-01T10:00:00Z', { source: '1A', localSource: 'family-member' }),
      mashCheckRequested('POL1', '2024-02-01T11:00:00Z', 'police'),
      // Restricted: found by no one outside it.
      registered('HIDDEN1', { forename: 'Zoe', surname: 'Hidden', dateOfBirth: '2011-01-01' }),
      // The same child twice: a contact on each record.
      registered('SURV1', { at: '2024-02-20', forename: 'Ama', surname: 'Boateng', dateOfBirth: '2017-09-09' }), surviveContact,
      contactDecided('SURV1', '2024-03-02T10:00:00Z', { contactId: surviveContact.eventId, decision: 'no-further-action' }), allocated('SURV1', '2024-03-03', 'w-a', 't-a'),
      registered('DUP1', { at: '2024-05-01', forename: 'Ama', surname: 'Boatang', dateOfBirth: '2017-09-09' }), duplicateContact,
      contactDecided('DUP1', '2024-05-11T10:00:00Z', { contactId: duplicateContact.eventId, decision: 'no-further-action' }), allocated('DUP1', '2024-05-12', 'w-a', 't-a'),
    ]));
    expect((await importInterchangeFile(db, file, trusted, timescales)).problems).toEqual([]);
    await new RestrictedRecords(db, trusted).restrict('HIDDEN1', 'A member of staff\'s child', []);
  }, 300_000);
  afterAll(async () => {
    await db?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('finds a child across the council by identity only, saying whether the searcher may open the record', async () => {
    const [zoe, ...others] = await search(db, workerA).search({ name: 'Zoe Lukasz', limit: 25 });
    expect(others).toEqual([]);
    expect(zoe).toEqual({
      childId: 'ZOE1', forename: 'Zoë', surname: "O'Brien-Łukasz", dateOfBirth: '2016-04-03', expectedDateOfBirth: null,
      known: [expect.stringMatching(/contact/i)], service: 'child-protection', inScope: false, accessRequest: null,
    });
    expect(await seesRecord(workerA, 'ZOE1')).toBe(false);
    // The manager of the child's team's service may open it.
    expect((await search(db, serviceManager).search({ name: 'lukasz', limit: 25 })).map((c) => [c.childId, c.inScope])).toEqual([['ZOE1', true]]);
    // Transliterated spellings, either name, a first name alone; known with no open work.
    for (const typed of ['Mohammed', 'Mohamed Khan', 'khan']) {
      expect((await search(db, workerA).search({ name: typed, limit: 25 })).map((c) => [c.childId, c.inScope]), typed).toEqual([['MO1', true]]);
    }
    const alexander = await search(db, workerA).search({ name: 'Alexander', limit: 25 });
    expect(alexander.map((c) => [c.childId, c.known, c.service])).toEqual([['ALEX1', [], null]]);
    // Date of birth with part of a name; a date of birth alone.
    expect((await search(db, workerA).search({ name: 'Zo', dateOfBirth: '2016-04-03', limit: 25 })).map((c) => c.childId)).toEqual(['ZOE1']);
    expect((await search(db, workerA).search({ name: 'Zo', dateOfBirth: '2015-01-01', limit: 25 })).map((c) => c.childId)).toEqual([]);
    expect((await search(db, workerA).search({ dateOfBirth: '2012-07-08', limit: 25 })).map((c) => c.childId)).toEqual(['ALEX1']);
    expect((await search(db, workerA).search({ childId: 'zoe1', limit: 25 })).map((c) => c.childId)).toEqual(['ZOE1']);
    // The list search of records in scope matches the same way: either name, any order, accents or none.
    expect((await queryChildren(db.pool, '206', { forename: 'Zoe', surname: 'Lukasz', limit: 10 }, serviceManager.access)).map((c) => c.childId)).toEqual(['ZOE1']);
    expect((await queryChildren(db.pool, '206', { forename: 'Zoe', surname: 'Lukasz', limit: 10 }, workerA.access)).map((c) => c.childId)).toEqual([]);
    // A restricted record is found by no one outside it.
    expect((await search(db, workerA).search({ name: 'Zoe', limit: 25 })).map((c) => c.childId).sort()).toEqual(['POL1', 'ZOE1']);
    expect((await search(db, trusted).search({ name: 'Zoe', limit: 25 })).map((c) => c.childId).sort()).toEqual(['HIDDEN1', 'POL1', 'ZOE1']);
  });

  it('audits every child shown as an identity-only read', async () => {
    await search(db, managerA).search({ name: 'Zoe', limit: 25 });
    const rows = await audited('u-manager-a', 'identity-search');
    expect(rows.map((row) => row.child_id).sort()).toEqual(['POL1', 'ZOE1']);
    expect(rows.every((row) => row.action === 'read')).toBe(true);
  });

  it('keeps a partner agency to the children shared with it, and refuses figures-only roles', async () => {
    expect((await search(db, police).search({ name: 'Zoe', limit: 25 })).map((c) => [c.childId, c.inScope])).toEqual([['POL1', true]]);
    await expect(search(db, scrutineer).search({ name: 'Zoe', limit: 25 })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(requests(db, police).ask('ZOE1', 'Police investigation')).rejects.toMatchObject({ code: 'forbidden' });
    await expect(requests(db, scrutineer).ask('ZOE1', 'Checking')).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('routes a request to the record\'s team manager; granted, the requester may read the record until it ends', async () => {
    await expect(requests(db, workerA).ask('ZOE1', '   ')).rejects.toMatchObject({ code: 'invalid' });
    await expect(requests(db, workerA).ask('MO1', 'Already mine')).rejects.toMatchObject({ code: 'conflict' });
    await expect(requests(db, workerA).ask('HIDDEN1', 'Restricted')).rejects.toMatchObject({ code: 'not_found' });
    const asked = await requests(db, workerA).ask('ZOE1', 'Her brother is on my caseload and the school raised a concern');
    expect(asked).toMatchObject({ childId: 'ZOE1', routedToTeamId: 't-b', status: 'awaiting-decision', decision: null });
    await expect(requests(db, workerA).ask('ZOE1', 'Again')).rejects.toMatchObject({ code: 'conflict' });
    expect((await audited('u-worker-a', 'access-request')).map((row) => row.child_id)).toEqual(['ZOE1']);
    expect((await search(db, workerA).search({ name: 'Zoe Lukasz', limit: 25 }))[0]!.accessRequest).toMatchObject({ status: 'awaiting-decision' });

    // Team A's manager is not the record's: the request is not theirs to decide.
    expect((await requests(db, managerA).lists()).toDecide).toEqual([]);
    await expect(requests(db, managerA).decide(asked.requestId, { decision: 'granted' })).rejects.toMatchObject({ code: 'not_found' });
    await expect(requests(db, workerA).decide(asked.requestId, { decision: 'granted' })).rejects.toMatchObject({ code: 'forbidden' });
    expect((await requests(db, managerB).lists()).toDecide.map((r) => r.requestId)).toEqual([asked.requestId]);

    const granted = await requests(db, managerB).decide(asked.requestId, { decision: 'granted', days: 30 });
    expect(granted.status).toBe('granted');
    const days = (Date.parse(granted.decision!.accessEndsAt!) - Date.parse(granted.decision!.decidedAt)) / 86_400_000;
    expect(days).toBeCloseTo(30, 3);
    await expect(requests(db, managerB).decide(asked.requestId, { decision: 'refused', reason: 'Changed my mind' })).rejects.toMatchObject({ code: 'conflict' });
    expect((await audited('u-manager-b', 'access-request-decision')).map((row) => row.child_id)).toEqual(['ZOE1']);

    // Every route's access condition now lets the requester in: the record, lists, search.
    expect(await seesRecord(workerA, 'ZOE1')).toBe(true);
    expect((await queryChildren(db.pool, '206', { surname: "O'Brien", limit: 10 }, workerA.access)).map((c) => c.childId)).toEqual(['ZOE1']);
    expect((await search(db, workerA).search({ name: 'Zoe Lukasz', limit: 25 }))[0]).toMatchObject({ inScope: true, accessRequest: { status: 'granted' } });
    expect((await requests(db, workerA).lists()).mine[0]).toMatchObject({ requestId: asked.requestId, status: 'granted' });
    // Nobody else gains by it.
    expect(await seesRecord(as('u-other', 'social-worker', 'childrens-social-care', 'w-x', 't-a'), 'ZOE1')).toBe(false);

    // A grant that has ended (decided 40 days ago for 30) lets no one in.
    const old = await requests(db, workerA).ask('ALEX1', 'A referral from the school last month');
    await db.pool.query(
      `INSERT INTO access_request_decision (la_code, request_id, child_id, requested_by, decision, decided_by, decided_at, access_ends_at)
       VALUES ('206', $1, 'ALEX1', 'u-worker-a', 'granted', 'u-service-manager', now() - interval '40 days', now() - interval '10 days')`, [old.requestId],
    );
    expect(await seesRecord(workerA, 'ALEX1')).toBe(false);
    expect((await requests(db, workerA).lists()).mine.find((r) => r.childId === 'ALEX1')).toMatchObject({ status: 'ended' });
    expect((await search(db, workerA).search({ name: 'Alexander', limit: 25 }))[0]).toMatchObject({ inScope: false, accessRequest: { status: 'ended' } });
  });

  it('sends a request for an unallocated child to the service managers, who may refuse it with a reason', async () => {
    const asked = await requests(db, workerA).ask('REF1', 'I think I know the family');
    expect(asked.routedToTeamId).toBeNull();
    expect((await requests(db, managerB).lists()).toDecide.map((r) => r.childId)).not.toContain('REF1');
    expect((await requests(db, serviceManager).lists()).toDecide.map((r) => r.childId)).toContain('REF1');
    await expect(requests(db, serviceManager).decide(asked.requestId, { decision: 'refused' })).rejects.toMatchObject({ code: 'invalid', problems: [{ field: 'reason' }] });
    const refused = await requests(db, serviceManager).decide(asked.requestId, { decision: 'refused', reason: 'Not enough reason to open this record' });
    expect(refused).toMatchObject({ status: 'refused', decision: { reason: 'Not enough reason to open this record', accessEndsAt: null } });
    expect(await seesRecord(workerA, 'REF1')).toBe(false);
    expect((await requests(db, workerA).lists()).mine.find((r) => r.childId === 'REF1')).toMatchObject({ status: 'refused', decision: { reason: 'Not enough reason to open this record' } });
  });

  it('warns of likely duplicates before registering: identity only', async () => {
    const same = await search(db, workerA).likelyDuplicates({ forename: 'Zoe', surname: 'Lukasz', dateOfBirth: '2016-04-03' });
    expect(same.map((c) => [c.childId, c.inScope])).toEqual([['ZOE1', expect.any(Boolean)]]);
    // Day and month swapped, another spelling.
    expect((await search(db, workerA).likelyDuplicates({ forename: 'Zoey', surname: "O'Brien", dateOfBirth: '2016-03-04' })).map((c) => c.childId)).toEqual(['ZOE1']);
    // A first name alike and the same date of birth.
    expect((await search(db, workerA).likelyDuplicates({ forename: 'Mohamed', surname: 'Smith', dateOfBirth: '2015-01-01' })).map((c) => c.childId)).toEqual(['MO1']);
    expect(await search(db, workerA).likelyDuplicates({ forename: 'Peter', surname: 'Jones', dateOfBirth: '2010-10-10' })).toEqual([]);
    // The same names born years apart are different children.
    expect(await search(db, workerA).likelyDuplicates({ forename: 'Zoe', surname: 'Lukasz', dateOfBirth: '2009-11-20' })).toEqual([]);
    expect((await audited('u-worker-a', 'duplicate-check')).map((row) => row.child_id)).toContain('ZOE1');
  });

  it('merges a duplicate keeping every event of both, counted once, and unmerging restores both', async () => {
    const before = { contacts: await contactsIn2024(), survivor: (await records(db, trusted).getChildRecord('SURV1')).events.length, duplicate: (await records(db, trusted).getChildRecord('DUP1')).events.length };
    expect(before.contacts).toBe(4);
    await expect(merges(db, workerA).merge({ mergedChildId: 'DUP1', survivingChildId: 'SURV1', reason: 'Same child' })).rejects.toMatchObject({ code: 'forbidden' });
    // The merge events are written by the merge service only, not through the events API.
    const direct = { type: 'child.merged-into', occurredAt: '2024-06-01', clientId: randomUUID(), data: { mergeId: randomUUID(), survivingChildId: 'SURV1', reason: 'x' } } as RecordEventCommand;
    await expect(records(db, managerA).recordEvent('DUP1', direct)).rejects.toMatchObject({ code: 'forbidden' });

    const merge = await merges(db, managerA).merge({ mergedChildId: 'DUP1', survivingChildId: 'SURV1', reason: 'Same child: registered twice after a second contact' });
    expect(merge).toMatchObject({ mergedChildId: 'DUP1', survivingChildId: 'SURV1', copiedEvents: 3, reversed: null });
    const survivor = await records(db, managerA).getChildRecord('SURV1');
    expect(survivor.events.length).toBe(before.survivor + 3);
    expect(survivor.folded.effectiveEvents.filter((e) => e.type === 'contact.received').map((e) => e.occurredAt)).toEqual(['2024-03-01T10:00:00Z', '2024-05-10T10:00:00Z']);
    // The copied decision names the copied contact.
    const copiedContact = survivor.folded.effectiveEvents.find((e) => e.type === 'contact.received' && e.occurredAt.startsWith('2024-05-10'))!;
    const copiedDecision = survivor.folded.effectiveEvents.find((e) => e.type === 'contact.decided' && e.occurredAt.startsWith('2024-05-11'))!;
    expect((copiedDecision.data as { contactId: string }).contactId).toBe(copiedContact.eventId);
    const provenance = await db.pool.query(`SELECT source_child_id, source_event_id FROM child_merge_copied_event WHERE merge_id = $1 ORDER BY source_event_id`, [merge.mergeId]);
    expect(provenance.rows.map((r) => r.source_child_id)).toEqual(['DUP1', 'DUP1', 'DUP1']);
    expect(provenance.rows.map((r) => r.source_event_id)).toContain(duplicateContact.eventId);
    // The duplicate keeps its whole log, and says where it went; it is in no list, search or figure.
    const duplicateLog = await db.pool.query(`SELECT event_type FROM child_event WHERE child_id = 'DUP1' ORDER BY sequence`);
    expect(duplicateLog.rows.length).toBe(before.duplicate + 1);
    expect(duplicateLog.rows.at(-1)!.event_type).toBe('child.merged-into');
    expect(await seesRecord(managerA, 'DUP1')).toBe(false);
    expect((await merges(db, managerA).mergesOf('DUP1')).mergedInto).toMatchObject({ survivingChildId: 'SURV1' });
    expect((await search(db, managerA).search({ name: 'Ama', limit: 25 })).map((c) => c.childId)).toEqual(['SURV1']);
    expect((await db.pool.query(`SELECT count(*)::int AS n FROM duty WHERE child_id = 'DUP1'`)).rows[0].n).toBe(0);
    expect(await contactsIn2024()).toBe(before.contacts);
    expect((await audited('u-manager-a', 'child-merge')).map((row) => row.child_id).sort()).toEqual(['DUP1', 'SURV1']);

    await expect(merges(db, workerA).reverse(merge.mergeId, 'Not the same child')).rejects.toMatchObject({ code: 'forbidden' });
    const reversed = await merges(db, managerA).reverse(merge.mergeId, 'Not the same child after all: different mothers');
    expect(reversed.reversed).toMatchObject({ reason: 'Not the same child after all: different mothers', reversedBy: 'u-manager-a' });
    await expect(merges(db, managerA).reverse(merge.mergeId, 'Again')).rejects.toMatchObject({ code: 'conflict' });
    const restored = await records(db, managerA).getChildRecord('SURV1');
    expect(restored.folded.effectiveEvents.filter((e) => e.type === 'contact.received').map((e) => e.occurredAt)).toEqual(['2024-03-01T10:00:00Z']);
    expect(restored.events.at(-1)!.type).toBe('child.merge-reversed');
    const duplicate = await records(db, managerA).getChildRecord('DUP1');
    expect(duplicate.events.at(-1)!.type).toBe('child.merge-reversed');
    expect(duplicate.folded.effectiveEvents.filter((e) => e.type === 'contact.received')).toHaveLength(1);
    expect((await search(db, managerA).search({ name: 'Ama', limit: 25 })).map((c) => c.childId).sort()).toEqual(['DUP1', 'SURV1']);
    expect(await contactsIn2024()).toBe(before.contacts);
    expect((await merges(db, managerA).mergesOf('SURV1')).mergedFrom.map((m) => m.reversed?.reason)).toEqual(['Not the same child after all: different mothers']);
  });

  it('refuses a merge of a record into itself or into a record the manager cannot see, and writes nothing', async () => {
    const eventsBefore = (await db.pool.query(`SELECT count(*)::int AS n FROM child_event`)).rows[0].n;
    await expect(merges(db, serviceManager).merge({ mergedChildId: 'SURV1', survivingChildId: 'surv1', reason: 'Same child' })).rejects.toMatchObject({ code: 'invalid' });
    await expect(merges(db, serviceManager).merge({ mergedChildId: 'DUP1', survivingChildId: 'NOSUCH1', reason: 'Same child' })).rejects.toMatchObject({ code: 'not_found' });
    await expect(merges(db, serviceManager).merge({ mergedChildId: 'HIDDEN1', survivingChildId: 'ALEX1', reason: 'Same child' })).rejects.toMatchObject({ code: 'forbidden' });
    expect((await db.pool.query(`SELECT count(*)::int AS n FROM child_event`)).rows[0].n).toBe(eventsBefore);
  });

  it('changes a child\'s details with a reason, and search follows the new name', async () => {
    await records(db, managerA).recordEvent('MO1', {
      type: 'child.details-changed', occurredAt: '2024-06-01', clientId: randomUUID(), data: { forename: 'Yusuf', reason: 'Name changed by deed poll' },
    } as RecordEventCommand);
    const record = await records(db, managerA).getChildRecord('MO1');
    expect(record.folded.state.details).toMatchObject({ forename: 'Yusuf', surname: 'Khan' });
    expect(record.folded.state.details).not.toHaveProperty('reason');
    expect((await search(db, workerA).search({ name: 'Yusef Khan', limit: 25 })).map((c) => c.childId)).toEqual(['MO1']);
    // A reason alone changes nothing: the API's schema refuses it.
    expect(RecordEventCommand.safeParse({ type: 'child.details-changed', occurredAt: '2024-06-02', clientId: randomUUID(), data: { reason: 'Nothing changed' } }).success).toBe(false);
  });
});
