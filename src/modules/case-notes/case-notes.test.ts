import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appOn, recorderFor, type Recorder } from '../../analytics/test-support.ts';
import { accessGrantFor } from '../../access/policy.ts';
import { loadConfig } from '../../app/config.ts';
import { importInterchangeFile } from '../../interchange/import.ts';
import { createServices } from '../../app/services.ts';
import { chainAwaitingAudit } from '../../platform/audit/audit.ts';
import type { Database } from '../../platform/database/database.ts';
import type { RequestContext } from '../../platform/request-context.ts';
import { line, referral, registered, toNdjson, visit } from '../../../test/support/event-builders.ts';
import { testDatabaseTargets } from '../../../test/support/test-database.ts';
import { ChildCaseNotes } from './read-model.ts';
import { CaseNoteRepository } from './repo.ts';

/**
 * Case notes through the API on both databases: recorded on a child and linked to a visit,
 * corrected and voided as any event is, recorded once for a household and shown on each member's
 * record, and found by full-text search only within the reader's scope, each child shown audited.
 */
describe.each(testDatabaseTargets)('case notes on $name', (target) => {
  let db: Database;
  let app: FastifyInstance;
  let r: Recorder;
  let visitId: string;
  let otherChildsEventId: string;

  const notesOf = async (childId: string) => {
    const response = await app.inject({ method: 'GET', url: `/api/v1/children/${childId}/case-notes` });
    expect(response.statusCode, response.body).toBe(200);
    return ChildCaseNotes.parse(response.json());
  };
  const note = (childId: string, data: Record<string, unknown>, extra: Record<string, unknown> = {}) => app.inject({
    method: 'POST', url: `/api/v1/children/${childId}/events`,
    payload: { type: 'case-note.recorded', occurredAt: '2024-03-05T14:30:00Z', clientId: `note-${Math.random().toString(36).slice(2)}`, data, ...extra },
  });

  beforeAll(async () => {
    db = await target.open();
    app = appOn(db);
    r = recorderFor(app, 'cn');
    for (const childId of ['CN1', 'CN2', 'CN3']) await r.register(childId, { dateOfBirth: '2015-02-03' }, '2024-01-08');
    await r.allocate('CN1', '2024-01-09', 'w-a', 't-a');
    await r.allocate('CN2', '2024-01-09', 'w-a', 't-a');
    await r.allocate('CN3', '2024-01-09', 'w-b', 't-b');
    await r.record('CN1', 'household.joined', '2024-01-08', { householdId: 'H-CN' });
    await r.record('CN2', 'household.joined', '2024-01-08', { householdId: 'H-CN' });
    await r.record('CN1', 'referral.received', '2024-02-01', { source: '1A' });
    const visit = await r.record('CN1', 'visit.made', '2024-03-05', {
      kind: 'child-in-need', childSeen: true, seenAlone: true, observed: 'Bedroom had no bedding', childsView: 'I am cold at night',
    });
    visitId = visit.eventId;
    await r.record('CN3', 'referral.received', '2024-02-01', { source: '1A' });
    otherChildsEventId = (await r.record('CN3', 'visit.made', '2024-03-05', { kind: 'child-in-need', childSeen: true, seenAlone: false })).eventId;
  });
  afterAll(() => db?.close());

  it('keeps what was observed and what the child said on the visit itself', async () => {
    const chronology = (await app.inject({ method: 'GET', url: '/api/v1/children/CN1/chronology?types=visit.made' })).json();
    expect(chronology.entries[0].data).toMatchObject({ observed: 'Bedroom had no bedding', childsView: 'I am cold at night' });
  });

  it('records a note linked to a visit, and refuses a link to an event not on the child\'s record, naming the field', async () => {
    const recorded = await note('CN1', {
      noteType: 'home-visit', present: ['Mother', 'Child'], narrative: 'Mother was tearful about rent arrears; the kitchen was bare.',
      voiceOfTheChild: 'I want my own duvet', linkedEventId: visitId,
    });
    expect(recorded.statusCode, recorded.body).toBe(201);
    const { notes, linkableEvents } = await notesOf('CN1');
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({
      noteId: recorded.json().event.eventId, noteType: 'home-visit', present: ['Mother', 'Child'], voiceOfTheChild: 'I want my own duvet',
      linkedEvent: { eventId: visitId, type: 'visit.made', occurredOn: '2024-03-05' }, versions: 1, voided: null,
    });
    expect(linkableEvents.map((e) => e.type)).toEqual(['visit.made', 'referral.received']);

    for (const linkedEventId of ['6d3f1a52-8a43-4f7e-9a53-0c2f5c1d9e77', otherChildsEventId]) {
      const refused = await note('CN1', { noteType: 'home-visit', narrative: 'Linked to nothing of this child', linkedEventId });
      expect(refused.statusCode).toBe(400);
      expect(refused.json().error.problems.map((p: { field: string }) => p.field)).toEqual(['data.linkedEventId']);
    }
    const missing = await note('CN1', { noteType: 'phone-call', narrative: '   ' });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.problems).toEqual([expect.objectContaining({ field: 'data.narrative', message: 'Enter the note' })]);
    expect((await notesOf('CN1')).notes).toHaveLength(1);
  });

  it('corrects a note by a new version with a reason, keeping its id, and voids one', async () => {
    const first = (await note('CN2', { noteType: 'phone-call', narrative: 'Spoke to the headteacher about lateness.' })).json().event;
    const correction = await note('CN2', { noteType: 'phone-call', narrative: 'Spoke to the deputy headteacher about punctuality.' }, {
      supersedes: first.eventId, correctionReason: 'It was the deputy I spoke to',
    });
    expect(correction.statusCode, correction.body).toBe(201);
    let [shown] = (await notesOf('CN2')).notes;
    expect(shown).toMatchObject({ noteId: first.eventId, eventId: correction.json().event.eventId, versions: 2, correctionReason: 'It was the deputy I spoke to' });
    expect(shown!.narrative).toContain('deputy');

    const voided = await r.record('CN2', 'event.voided', '2024-03-06', { voidedEventId: correction.json().event.eventId, reason: 'Recorded on the wrong child' });
    expect(voided.eventId).toBeDefined();
    [shown] = (await notesOf('CN2')).notes;
    expect(shown!.voided).toEqual({ reason: 'Recorded on the wrong child' });
    const rows = await db.pool.query(`SELECT count(*)::int AS n FROM case_note WHERE child_id = 'CN2'`);
    expect(rows.rows[0].n).toBe(0);
  });

  it('records a household note once and shows it on each member\'s record', async () => {
    const response = await app.inject({
      method: 'POST', url: '/api/v1/households/H-CN/case-notes',
      payload: { clientId: 'household-note-1', occurredAt: '2024-03-07T10:00:00Z', data: { noteType: 'multi-agency-meeting', present: ['Mother', 'School'], narrative: 'Family meeting about the tenancy and school uniforms.' } },
    });
    expect(response.statusCode, response.body).toBe(201);
    const answer = response.json();
    expect(answer.notes.map((n: { childId: string }) => n.childId)).toEqual(['CN1', 'CN2']);
    for (const childId of ['CN1', 'CN2']) {
      const shown = (await notesOf(childId)).notes.find((n) => n.householdNoteId === answer.householdNoteId);
      expect(shown, childId).toMatchObject({ householdId: 'H-CN', narrative: 'Family meeting about the tenancy and school uniforms.' });
    }
    // Sent again (say after a time-out), it records nothing more.
    const again = await app.inject({
      method: 'POST', url: '/api/v1/households/H-CN/case-notes',
      payload: { clientId: 'household-note-1', occurredAt: '2024-03-07T10:00:00Z', data: { noteType: 'multi-agency-meeting', narrative: 'Family meeting about the tenancy and school uniforms.' } },
    });
    expect(again.json()).toMatchObject({ householdNoteId: answer.householdNoteId, notes: [{ replayed: true }, { replayed: true }] });
    const unknown = await app.inject({
      method: 'POST', url: '/api/v1/households/NO-SUCH/case-notes', payload: { clientId: 'household-note-2', occurredAt: '2024-03-07', data: { noteType: 'other', narrative: 'x' } },
    });
    expect(unknown.statusCode).toBe(404);
  });

  it('finds notes by their words, within the reader\'s scope only, and audits each child shown', async () => {
    expect((await note('CN3', { noteType: 'home-visit', narrative: 'The tenancy is at risk; the landlord has served notice.' })).statusCode).toBe(201);
    const services = createServices(loadConfig({ SAFEGUARD_LA_CODE: '206' }), db);
    const contextOf = (role: string, workerId: string, teamId: string, agency = 'childrens-social-care'): RequestContext => {
      const actor = { userId: `u-${role}-${workerId}`, role, agency };
      return { laCode: '206', actor, correlationId: `search-${role}-${workerId}`, access: accessGrantFor({ ...actor, workerId, teamId }) };
    };
    const search = (context: RequestContext, q: string) => new CaseNoteRepository(db, context, services.repositoryFor(context)).search({ q, limit: 25 });

    const teamA = contextOf('social-worker', 'w-a', 't-a');
    const found = await search(teamA, 'tenancies');
    expect(found.map((f) => f.childId).sort()).toEqual(['CN1', 'CN2']);
    expect(found[0]!.snippet.some((part) => part.highlighted && /tenancy/i.test(part.text))).toBe(true);
    expect(found[0]!.href).toMatch(/^\/children\/CN[12]\/case-notes#note-/);
    const voice = await search(teamA, 'duvet');
    expect(voice.map((f) => f.childId)).toEqual(['CN1']);
    // Voided and superseded text is not found.
    expect(await search(teamA, 'headteacher')).toEqual([]);

    const teamB = contextOf('social-worker', 'w-b', 't-b');
    expect((await search(teamB, 'tenancy')).map((f) => f.childId)).toEqual(['CN3']);
    const wholeCouncil = contextOf('service-manager', 'w-m', 't-a');
    expect((await search(wholeCouncil, 'tenancy')).map((f) => f.childId).sort()).toEqual(['CN1', 'CN2', 'CN3']);

    await expect(search(contextOf('police-officer', 'p-1', 't-a', 'police'), 'tenancy')).rejects.toMatchObject({ code: 'forbidden' });

    await chainAwaitingAudit(db.pool);
    const audited = await db.pool.query(
      `SELECT child_id FROM audit_event WHERE correlation_id = $1 AND resource = 'case-note-search' AND action = 'read' ORDER BY child_id`, [teamA.correlationId],
    );
    // Three searches shown CN1 and CN2, CN1, and nobody (a row without a child records the asking).
    expect(audited.rows.map((row) => row.child_id)).toEqual(['CN1', 'CN1', 'CN2', null]);
  });

  it('refuses an imported note linked to an event that is not on its child\'s record, naming the line and field', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'case-notes-import-'));
    try {
      const file = path.join(dir, 'notes.ndjson');
      const known = registered('CNIMP1', { at: '2024-01-02' });
      const seen = visit('CNIMP1', '2024-03-01');
      writeFileSync(file, toNdjson([
        known, referral('CNIMP1', '2024-02-01'), seen,
        line('case-note.recorded', 'CNIMP1', '2024-03-01', { noteType: 'home-visit', narrative: 'Linked to the visit', linkedEventId: seen.eventId }),
        line('case-note.recorded', 'CNIMP1', '2024-03-02', { noteType: 'home-visit', narrative: 'Linked to nothing', linkedEventId: known.eventId }),
      ]));
      const context = { laCode: '206', actor: { userId: 'importer', role: 'administrator', agency: 'childrens-social-care' }, correlationId: 'import-notes' };
      const services = createServices(loadConfig({ SAFEGUARD_LA_CODE: '206' }), db);
      const { problems } = await importInterchangeFile(db, file, context, services.timescales);
      expect(problems).toEqual([expect.objectContaining({ line: 5, field: 'data.linkedEventId' })]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('keeps partner agencies out of notes: not in the partner chronology, and the notes routes refuse them', async () => {
    const services = createServices(loadConfig({ SAFEGUARD_LA_CODE: '206' }), db);
    const actor = { userId: 'u-police', role: 'police-officer', agency: 'police' };
    const context: RequestContext = { laCode: '206', actor, correlationId: 'partner-notes', access: accessGrantFor({ ...actor, workerId: null, teamId: null }) };
    await expect(new CaseNoteRepository(db, context, services.repositoryFor(context)).notesOf('CN1')).rejects.toMatchObject({ code: 'forbidden' });
  });
});
