/**
 * Documents on a child's record, over HTTP and signed in for real: uploaded (CSRF checked, type
 * from the bytes, size limited, nothing written when refused), listed, given out only to those who
 * may read the record (audited), corrected and voided as events, disposed of with the record, and
 * carried by a backup.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../src/access/passwords.ts';
import { AccountRepository } from '../../src/access/repo.ts';
import { RestrictedRecords } from '../../src/access/restricted-records.ts';
import { loadConfig } from '../../src/app/config.ts';
import { createApp } from '../../src/app/server.ts';
import { createServices } from '../../src/app/services.ts';
import { importInterchangeFile } from '../../src/interchange/import.ts';
import { chainAwaitingAudit } from '../../src/platform/audit/audit.ts';
import { backupDatabase, restoreDatabase } from '../../src/platform/backup/backup.ts';
import type { Database } from '../../src/platform/database/database.ts';
import { RetentionRepository } from '../../src/retention/repo.ts';
import { retentionDecision } from '../../src/retention/rules.ts';
import { resolveRetentionRules } from '../../src/retention/schedules.ts';
import { minimalPdf, minimalPng, multipartUpload, windowsProgram } from '../support/document-fixtures.ts';
import { allocated, contact, mashCheckRequested, registered, toNdjson } from '../support/event-builders.ts';
import { testDatabaseTargets } from '../support/test-database.ts';

const PASSWORD = 'correct horse battery staple';
/** Allocated to worker w-a of team t-a, whom the social worker is. */
const IN = 'DOCIN1';
/** Allocated to team t-b: out of the social worker's scope. */
const OUT = 'DOCOUT1';
/** Allocated to w-a, then restricted: a member of staff's family. */
const RESTRICTED = 'DOCRESTR1';
/** A contact from the family with a police MASH check still undecided: shared with the police. */
const SHARED = 'DOCSHARED1';
/** A child registered long ago, with nothing since but a document: due for disposal in the far future. */
const OLD = 'DOCOLD1';

const operator = { laCode: '206', actor: { userId: 'records-manager', role: 'administrator', agency: 'childrens-social-care' }, correlationId: randomUUID() };

describe.each(testDatabaseTargets)('documents on a child\'s record on $name', (target) => {
  let db: Database;
  let app: FastifyInstance;
  let dir: string;
  const sessions = new Map<string, { cookie: string; csrf: string }>();

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'safeguard-documents-'));
    db = await target.open();
    const file = path.join(dir, 'children.ndjson');
    writeFileSync(file, toNdjson([
      { record: 'team', laCode: '206', teamId: 't-a', name: 'Team A', service: 'children-in-need' },
      { record: 'team', laCode: '206', teamId: 't-b', name: 'Team B', service: 'child-protection' },
      { record: 'worker', laCode: '206', workerId: 'w-a', name: 'Ann Able', role: 'social-worker', teamId: 't-a', agency: 'childrens-social-care', startedOn: '2020-01-01' },
      { record: 'worker', laCode: '206', workerId: 'w-b', name: 'Bo Baker', role: 'social-worker', teamId: 't-b', agency: 'childrens-social-care', startedOn: '2020-01-01' },
      registered(IN, { at: '2024-01-02' }), allocated(IN, '2024-01-04', 'w-a', 't-a'),
      registered(OUT, { at: '2024-01-02' }), allocated(OUT, '2024-01-04', 'w-b', 't-b'),
      registered(RESTRICTED, { at: '2024-01-02' }), allocated(RESTRICTED, '2024-01-04', 'w-a', 't-a'),
      registered(SHARED, { at: '2024-01-02' }), contact(SHARED, '2024-01-03T10:00:00Z', { source: '1A', localSource: 'family-member' }),
      mashCheckRequested(SHARED, '2024-01-03T11:00:00Z', 'police'), allocated(SHARED, '2024-01-04', 'w-a', 't-a'),
      registered(OLD, { at: '2024-01-02', dateOfBirth: '2016-05-02' }), allocated(OLD, '2024-01-04', 'w-a', 't-a'),
    ]));
    const services = createServices(loadConfig({ SAFEGUARD_DEV_SIGN_IN: 'off', SAFEGUARD_DOCUMENT_MAX_MB: '1' }), db);
    expect((await importInterchangeFile(db, file, operator, services.timescales)).problems).toEqual([]);
    app = createApp(services);
    const accounts = new AccountRepository(db, '206');
    const passwordHash = await hashPassword(PASSWORD);
    const people = [
      ['sw-a', 'social-worker', 'childrens-social-care', 't-a', 'w-a'],
      ['sw-b', 'social-worker', 'childrens-social-care', 't-b', 'w-b'],
      ['police', 'police-officer', 'police', null, null],
    ] as const;
    for (const [index, [username, role, agency, teamId, workerId]] of people.entries()) {
      await accounts.createAccount({ userId: `u-${username}`, username, displayName: username, role, agency, teamId, workerId, passwordHash, oidcSubject: null, totpSecret: null });
      const signedIn = await app.inject({ method: 'POST', url: '/api/v1/sign-in', remoteAddress: `10.1.0.${index + 1}`, payload: { username, password: PASSWORD } });
      expect(signedIn.statusCode, signedIn.body).toBe(200);
      sessions.set(username, { cookie: String(signedIn.headers['set-cookie']).split(';')[0]!, csrf: signedIn.json().csrfToken as string });
    }
    await new RestrictedRecords(db, { ...operator, correlationId: randomUUID() }).restrict(RESTRICTED, 'A member of staff\'s own family', []);
  }, 300_000);
  afterAll(async () => {
    await app?.close();
    await db?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const upload = async (who: string, childId: string, fields: Record<string, string>, file?: { name: string; bytes: Buffer; type?: string }, options: { csrf?: boolean } = {}) => {
    const { payload, contentType } = await multipartUpload(fields, file);
    const session = sessions.get(who)!;
    return app.inject({
      method: 'POST', url: `/api/v1/children/${childId}/documents`, payload,
      headers: { cookie: session.cookie, 'content-type': contentType, ...(options.csrf === false ? {} : { 'x-csrf-token': session.csrf }) },
    });
  };
  const get = (who: string, url: string) => app.inject({ method: 'GET', url, headers: { cookie: sessions.get(who)!.cookie } });
  const stored = async (childId: string) => ({
    files: Number((await db.pool.query('SELECT count(*) AS n FROM document_content WHERE child_id = $1', [childId])).rows[0].n),
    events: Number((await db.pool.query(`SELECT count(*) AS n FROM child_event WHERE child_id = $1 AND event_type = 'document.added'`, [childId])).rows[0].n),
  });
  const audited = async (userId: string, childId: string, action: string, resource: string) => {
    await chainAwaitingAudit(db.pool);
    return (await db.pool.query('SELECT outcome, detail FROM audit_event WHERE user_id = $1 AND child_id = $2 AND action = $3 AND resource = $4 ORDER BY audit_id',
      [userId, childId, action, resource])).rows as { outcome: string; detail: Record<string, unknown> }[];
  };

  let letterId: string;
  const letter = minimalPdf('Letter to the family');

  it('adds a document a social worker uploads, its file written with its event, and lists it on the record', async () => {
    const allocation = (await get('sw-a', `/api/v1/children/${IN}/chronology`)).json().entries.find((e: { type: string }) => e.type === 'allocation.started');
    const response = await upload('sw-a', IN, { title: 'Letter to parents about the visit', kind: 'letter', linkedEventId: allocation.eventId }, { name: 'letter.exe', bytes: letter });
    expect(response.statusCode, response.body).toBe(201);
    const added = response.json();
    letterId = added.documentId;
    expect(added).toMatchObject({
      title: 'Letter to parents about the visit', kind: 'letter', fileName: 'letter.exe', contentType: 'application/pdf', sizeBytes: letter.length,
      addedBy: { userId: 'u-sw-a', role: 'social-worker' }, linkedEventId: allocation.eventId,
      linkedEvent: { eventId: allocation.eventId, type: 'allocation.started', occurredOn: '2024-01-04' }, fileHeld: true, corrected: false,
    });
    expect(await stored(IN)).toEqual({ files: 1, events: 1 });

    const list = await get('sw-a', `/api/v1/children/${IN}/documents`);
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json()).toMatchObject({ childId: IN, maxMegabytes: 1, documents: [{ documentId: letterId, title: 'Letter to parents about the visit' }] });
    const chronology = (await get('sw-a', `/api/v1/children/${IN}/chronology`)).json().entries;
    expect(chronology.some((e: { type: string; data: { documentId?: string } }) => e.type === 'document.added' && e.data.documentId === letterId)).toBe(true);
  });

  it('gives the file to a reader in scope as an attachment of the detected type, and audits it', async () => {
    const response = await get('sw-a', `/api/v1/children/${IN}/documents/${letterId}`);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['content-disposition']).toBe('attachment; filename="letter.exe"; filename*=UTF-8\'\'letter.exe');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.rawPayload.equals(letter)).toBe(true);
    const reads = await audited('u-sw-a', IN, 'read', 'child-document');
    expect(reads).toEqual([expect.objectContaining({ outcome: 'ok', detail: expect.objectContaining({ documentId: letterId, sizeBytes: letter.length }) })]);
  });

  it('refuses, writing nothing, an upload without the CSRF token, of the wrong type, too large, or missing its file and title', async () => {
    const before = await stored(IN);
    const noToken = await upload('sw-a', IN, { title: 'Report', kind: 'report' }, { name: 'report.pdf', bytes: minimalPdf() }, { csrf: false });
    expect(noToken.statusCode).toBe(403);
    expect(noToken.json().error.problems).toEqual([{ field: 'x-csrf-token', message: 'Missing or wrong CSRF token' }]);

    const program = await upload('sw-a', IN, { title: 'Report', kind: 'report' }, { name: 'report.pdf', bytes: windowsProgram(), type: 'application/pdf' });
    expect(program.statusCode).toBe(400);
    expect(program.json().error.problems).toEqual([{ field: 'file', message: 'The selected file must be a PDF, Word document, OpenDocument text, JPG, PNG, HEIC photo or plain text file' }]);

    const large = Buffer.concat([minimalPng(), Buffer.alloc(1024 * 1024 + 10)]);
    const tooLarge = await upload('sw-a', IN, { title: 'Photo of the safety plan', kind: 'photo' }, { name: 'plan.png', bytes: large });
    expect(tooLarge.statusCode).toBe(400);
    expect(tooLarge.json().error.problems).toEqual([{ field: 'file', message: 'The selected file must be smaller than 1 MB' }]);

    const nothing = await upload('sw-a', IN, { title: '  ', kind: 'memo', linkedEventId: randomUUID() });
    expect(nothing.statusCode).toBe(400);
    expect(nothing.json().error.problems).toEqual([
      { field: 'title', message: 'Enter a title for the document' },
      { field: 'kind', message: 'Select what kind of document it is' },
      { field: 'linkedEventId', message: 'Select an event on this child\'s record, or none' },
      { field: 'file', message: 'Select a file' },
    ]);
    const noFileChosen = await upload('sw-a', IN, { title: 'Report', kind: 'report' }, { name: '', bytes: Buffer.alloc(0) });
    expect(noFileChosen.json().error.problems).toEqual([{ field: 'file', message: 'Select a file' }]);
    expect(await stored(IN)).toEqual(before);
  });

  it('refuses the record\'s documents to a reader out of scope, to a partner agency and on a restricted record, auditing each refusal', async () => {
    const png = await upload('sw-a', SHARED, { title: 'Photo of the safety plan', kind: 'photo' }, { name: 'plan.png', bytes: minimalPng() });
    expect(png.statusCode, png.body).toBe(201);
    const sharedDocument = png.json().documentId as string;

    for (const url of [`/api/v1/children/${IN}/documents`, `/api/v1/children/${IN}/documents/${letterId}`]) {
      expect((await get('sw-b', url)).statusCode, `sw-b ${url}`).toBe(404);
    }
    expect((await audited('u-sw-b', IN, 'refused', 'child-record')).length).toBeGreaterThanOrEqual(2);
    expect((await upload('sw-b', IN, { title: 'Report', kind: 'report' }, { name: 'r.pdf', bytes: minimalPdf() })).statusCode).toBe(404);

    // The police see the shared record, but not its documents.
    expect((await get('police', `/api/v1/children/${SHARED}`)).statusCode).toBe(200);
    for (const url of [`/api/v1/children/${SHARED}/documents`, `/api/v1/children/${SHARED}/documents/${sharedDocument}`]) {
      const refused = await get('police', url);
      expect(refused.statusCode, url).toBe(403);
      expect(refused.body).not.toContain('plan.png');
    }
    expect((await upload('police', SHARED, { title: 'Police report', kind: 'report' }, { name: 'r.pdf', bytes: minimalPdf() })).statusCode).toBe(403);
    expect((await audited('u-police', SHARED, 'refused', 'child-document')).map((row) => row.outcome)).toEqual(['forbidden', 'forbidden', 'forbidden']);
    const chronology = (await get('police', `/api/v1/children/${SHARED}/chronology`)).body;
    expect(chronology).not.toContain('document.added');

    const restricted = await get('sw-a', `/api/v1/children/${RESTRICTED}/documents`);
    expect(restricted.statusCode).toBe(403);
    expect(restricted.json().error.message).toContain('is restricted');
  });

  it('renames a document by a correction with a reason, never changing its file, and refuses the file of one recorded in error', async () => {
    const chronology = (await get('sw-a', `/api/v1/children/${IN}/chronology`)).json().entries;
    const original = chronology.find((e: { type: string; data: { documentId?: string } }) => e.type === 'document.added' && e.data.documentId === letterId);
    const record = (body: Record<string, unknown>) => app.inject({
      method: 'POST', url: `/api/v1/children/${IN}/events`, payload: { clientId: randomUUID(), occurredAt: original.occurredAt, ...body },
      headers: { cookie: sessions.get('sw-a')!.cookie, 'x-csrf-token': sessions.get('sw-a')!.csrf },
    });
    const otherFile = await record({ type: 'document.added', supersedes: original.eventId, correctionReason: 'Wrong file', data: { ...original.data, sha256: 'a'.repeat(64) } });
    expect(otherFile.statusCode).toBe(400);
    expect(otherFile.json().error.problems.map((p: { field: string }) => p.field)).toEqual(['data.sha256']);

    const renamed = await record({ type: 'document.added', supersedes: original.eventId, correctionReason: 'The letter was to the grandparents', data: { ...original.data, title: 'Letter to grandparents' } });
    expect(renamed.statusCode, renamed.body).toBe(201);
    const listed = (await get('sw-a', `/api/v1/children/${IN}/documents`)).json().documents;
    expect(listed).toEqual([expect.objectContaining({ documentId: letterId, title: 'Letter to grandparents', corrected: true, addedBy: { userId: 'u-sw-a', role: 'social-worker' } })]);

    const voided = await record({ type: 'event.voided', data: { voidedEventId: renamed.json().event.eventId, reason: 'Letter for another family' } });
    expect(voided.statusCode, voided.body).toBe(201);
    expect((await get('sw-a', `/api/v1/children/${IN}/documents`)).json().documents).toEqual([]);
    const refused = await get('sw-a', `/api/v1/children/${IN}/documents/${letterId}`);
    expect(refused.statusCode).toBe(404);
    expect(refused.json().error.message).toBe('This document was recorded in error: its file is no longer given out');
    // The file stays until the record is disposed of.
    expect(await stored(IN)).toEqual({ files: 1, events: 2 });
  });

  it('keeps the files append-only: no update, and no delete outside a disposal', async () => {
    await expect(db.pool.query(`UPDATE document_content SET content_type = 'text/plain' WHERE child_id = $1`, [IN])).rejects.toThrow(/append-only/);
    await expect(db.pool.query('DELETE FROM document_content WHERE child_id = $1', [IN])).rejects.toThrow(/append-only/);
  });

  it('carries the files in a backup, byte for byte', async () => {
    const file = path.join(dir, 'backup.ndjson.gz');
    const summary = await backupDatabase(db, file, { auditAs: operator });
    expect(summary.tables.find((t) => t.name === 'document_content')?.rows).toBe(2);
    const restored = await target.open();
    try {
      await restoreDatabase(restored, file, { auditAs: operator });
      const rows = async (database: Database) => (await database.pool.query('SELECT document_id, child_id, event_id, content_type, sha256, content FROM document_content ORDER BY document_id')).rows;
      const original = await rows(db);
      expect(await rows(restored)).toEqual(original);
      expect(original.map((row) => (row.content as Buffer).length).sort()).toEqual([letter.length, minimalPng().length].sort());
    } finally {
      await restored.close();
    }
  }, 120_000);

  it('disposes of a document\'s file with its record', async () => {
    const response = await upload('sw-a', OLD, { title: 'Closing letter', kind: 'letter' }, { name: 'closing.txt', bytes: Buffer.from('The case is closed.\n') });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json().contentType).toBe('text/plain');
    expect(await stored(OLD)).toEqual({ files: 1, events: 1 });
    const repo = new RetentionRepository(db, operator);
    const rules = resolveRetentionRules();
    const asAt = '2100-01-01';
    const [facts] = await repo.findRetentionFacts([OLD]);
    const decision = retentionDecision(facts!, rules, asAt);
    expect(decision.status).toBe('due-for-disposal');
    await repo.dispose(decision, (now) => retentionDecision(now, rules, asAt));
    expect(await stored(OLD)).toEqual({ files: 0, events: 0 });
    expect((await stored(IN)).files).toBe(1);
  });
});
