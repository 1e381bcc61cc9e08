import { chainAwaitingAudit } from '../../src/platform/audit/audit.ts';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportInterchange } from '../../src/interchange/export.ts';
import { importInterchangeFile, type ImportOptions, type ImportResult } from '../../src/interchange/import.ts';
import { loadConfig } from '../../src/app/config.ts';
import type { Database } from '../../src/platform/database/database.ts';
import { createApp } from '../../src/app/server.ts';
import { createServices, type AppServices } from '../../src/app/services.ts';
import type { RequestContext } from '../../src/platform/request-context.ts';
import {
  contact,
  header,
  initialConference,
  referral,
  registered,
  smallCaseload,
  strategyDiscussion,
  toNdjson,
  withField,
  withoutField,
  workforceOf,
} from '../support/event-builders.ts';
import { testDatabaseTargets } from '../support/test-database.ts';

const PROJECTION_TABLES = [
  'child', 'child_relationship', 'household_membership', 'allocation', 'contact', 'cin_episode', 'assessment', 'section_47_enquiry', 'cp_plan', 'duty',
] as const;

const importer = { userId: 'importer-1', role: 'data-migration', agency: 'childrens-social-care' };
const contextFor = (): RequestContext => ({ laCode: '206', actor: importer, correlationId: randomUUID() });

async function count(db: Database, table: string, where = 'true', params: unknown[] = []): Promise<number> {
  return Number((await db.pool.query(`SELECT count(*) AS n FROM ${table} WHERE ${where}`, params)).rows[0].n);
}

/** Every projection row, comparable across databases. */
async function projectionSnapshot(db: Database): Promise<Record<string, string[]>> {
  const snapshot: Record<string, string[]> = {};
  for (const table of PROJECTION_TABLES) {
    const rows = (await db.pool.query(`SELECT * FROM ${table}`)).rows.map((row) =>
      JSON.stringify(row, (_key, value) => (value instanceof Date ? value.toISOString() : value)));
    snapshot[table] = rows.sort();
  }
  return snapshot;
}

async function exportToString(db: Database): Promise<string> {
  const chunks: Buffer[] = [];
  const output = new Writable({
    write(chunk, _encoding, callback) {
      chunks.push(Buffer.from(chunk));
      callback();
    },
  });
  await exportInterchange(db, output, contextFor());
  return Buffer.concat(chunks).toString('utf8');
}

const problemsOf = (result: ImportResult) => result.problems.map((p) => ({ line: p.line, field: p.field }));

describe.each(testDatabaseTargets)('importing and exporting interchange files on $name', (target) => {
  let db: Database;
  let services: AppServices;
  let app: FastifyInstance;
  let dir: string;
  const caseload = smallCaseload();
  const asAt = '2024-03-31';

  const writeFile = (name: string, lines: readonly unknown[]) => {
    const file = path.join(dir, name);
    writeFileSync(file, toNdjson([...lines, ...workforceOf(lines)]));
    return file;
  };
  const importFile = (database: Database, file: string, options: ImportOptions = {}) =>
    importInterchangeFile(database, file, contextFor(), services.timescales, undefined, options);
  const get = async (url: string) => {
    const response = await app.inject({ method: 'GET', url });
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  };

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'safeguard-import-export-'));
    db = await target.open();
    services = createServices(loadConfig({ SAFEGUARD_LA_CODE: '206' }), db);
    app = createApp(services);
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('imports a caseload of siblings with a correction and a void, and its projections agree with the API', async () => {
    const file = writeFile('caseload.ndjson', caseload.lines);
    const result = await importFile(db, file);

    expect(result.problems).toEqual([]);
    expect(result).toMatchObject({ committed: true, lines: caseload.lines.length + workforceOf(caseload.lines).length, events: caseload.lines.length, children: 3, moreProblems: 0 });
    expect(await count(db, 'child_event')).toBe(caseload.lines.length);

    // The import is recorded, and each child's record is audited as written by the import.
    const batches = (await db.pool.query('SELECT * FROM import_batch')).rows;
    expect(batches).toHaveLength(1);
    expect(batches[0]).toMatchObject({ la_code: '206', import_batch_id: result.importBatchId, file_name: 'caseload.ndjson', imported_by: 'importer-1', event_count: caseload.lines.length });
    const audited = (await db.pool.query(
      `SELECT child_id, count(*)::int AS n FROM audit_event WHERE resource = 'child-record:import' AND action = 'write' AND detail->>'importBatchId' = $1
        GROUP BY child_id ORDER BY child_id`,
      [result.importBatchId],
    )).rows;
    expect(audited).toEqual(caseload.childIds.map((child_id) => ({ child_id, n: 1 })));

    // What the import wrote by hand-checked facts: the correction wins, the void does not count, siblings share a household.
    const amara = await get(`/api/v1/children/AMARA1?asAt=${asAt}`);
    expect(amara.details.surname).toBe('Okafor');
    expect(amara.status).toBe('child-protection-plan');
    expect(amara.activeChildProtectionPlan).toMatchObject({ planId: caseload.amaraConference.eventId, startedOn: '2024-02-05', initialCategory: 'NEG', coreGroups: ['2024-02-14'] });
    expect(amara.activeChildProtectionPlan.visits).toHaveLength(1);
    const chronology = await get('/api/v1/children/AMARA1/chronology');
    expect(chronology.entries.find((e: { eventId: string }) => e.eventId === caseload.amaraMistakenVisit.eventId)).toMatchObject({ effective: false, voided: { reason: 'Recorded on the wrong child' } });
    expect((await db.pool.query(`SELECT surname, status FROM child WHERE child_id = 'AMARA1'`)).rows[0]).toEqual({ surname: 'Okafor', status: 'child-protection-plan' });
    expect((await db.pool.query(`SELECT child_id, related_child_id, lives_with_child FROM child_relationship ORDER BY child_id`)).rows).toEqual([
      { child_id: 'AMARA1', related_child_id: 'BEN1', lives_with_child: true },
      { child_id: 'BEN1', related_child_id: 'AMARA1', lives_with_child: true },
    ]);
    expect((await db.pool.query(`SELECT child_id FROM household_membership WHERE household_id = 'HH-OKAFOR' AND left_on IS NULL ORDER BY child_id`)).rows.map((r) => r.child_id)).toEqual(['AMARA1', 'BEN1']);

    // Every child's projection rows are what the API folds from the log.
    const statuses: Record<string, string> = {};
    for (const childId of caseload.childIds) {
      const record = await get(`/api/v1/children/${childId}?asAt=${asAt}`);
      statuses[childId] = record.status;
      const child = (await db.pool.query(`SELECT forename, surname, status, allocated_worker_id, allocated_team_id FROM child WHERE la_code = '206' AND child_id = $1`, [childId])).rows;
      expect(child).toEqual([{
        forename: record.details.forename, surname: record.details.surname, status: record.status,
        allocated_worker_id: record.allocation?.workerId ?? null, allocated_team_id: record.allocation?.teamId ?? null,
      }]);

      const episodes = (await db.pool.query(
        `SELECT episode_id, referral_on, source, contact_id, closed_on, reason_for_closure, primary_need FROM cin_episode WHERE la_code = '206' AND child_id = $1 ORDER BY referral_on`,
        [childId],
      )).rows;
      expect(episodes).toEqual(record.episodes.map((e: Record<string, string | undefined>) => ({
        episode_id: e.episodeId, referral_on: e.referralOn, source: e.source, contact_id: e.contactId ?? null, closed_on: e.closedOn ?? null,
        reason_for_closure: e.reasonForClosure ?? null, primary_need: e.primaryNeed ?? null,
      })));

      const plans = (await db.pool.query(
        `SELECT plan_id, episode_id, started_on, initial_category, latest_category, review_conferences, ended_on FROM cp_plan WHERE la_code = '206' AND child_id = $1 ORDER BY started_on`,
        [childId],
      )).rows;
      expect(plans).toEqual(record.episodes.flatMap((e: { episodeId: string; cpPlans: Record<string, unknown>[] }) => e.cpPlans.map((p) => ({
        plan_id: p.planId, episode_id: e.episodeId, started_on: p.startedOn, initial_category: p.initialCategory, latest_category: p.latestCategory,
        review_conferences: (p.reviewConferences as string[]).length, ended_on: p.endedOn ?? null,
      }))));

      const duties = (await db.pool.query(
        `SELECT rule_id, subject_id, occurrence, opened_on, started_on, due_on, closed_on, closure, closed_by_event_id FROM duty WHERE la_code = '206' AND child_id = $1`,
        [childId],
      )).rows;
      const apiDuties = (await get(`/api/v1/children/${childId}/duties?asAt=${asAt}`)).duties as Record<string, unknown>[];
      const key = (d: Record<string, unknown>) => `${d.rule_id}|${d.subject_id}|${d.occurrence}`;
      expect(duties.sort((a, b) => key(a).localeCompare(key(b)))).toEqual(apiDuties.map((d) => ({
        rule_id: d.ruleId, subject_id: d.subjectId, occurrence: d.occurrence, opened_on: d.openedOn, started_on: d.startedOn, due_on: d.dueOn,
        closed_on: d.closedOn ?? null, closure: d.closure ?? null, closed_by_event_id: d.closedByEventId ?? null,
      })).sort((a, b) => key(a).localeCompare(key(b))));
    }
    expect(statuses).toEqual({ AMARA1: 'child-protection-plan', BEN1: 'child-in-need', CARA1: 'known' });
    expect(await count(db, 'duty')).toBeGreaterThan(5);
  });

  it('reports impossible times, ancient years and NUL characters as bad lines rather than failing the import', async () => {
    const eventsBefore = await count(db, 'child_event');
    const file = writeFile('edge.ndjson', [
      registered('EDGE1', { at: '2024-03-01' }),
      contact('EDGE1', '2024-03-02T09:00:00.1234567890Z'), // 2: ten decimal places of a second
      contact('EDGE1', '0000-01-01T00:00:00Z'), // 3: year 0
      withField(registered('EDGE2'), 'data.forename', 'Ali\u0000'), // 4: a NUL character
    ]);
    const result = await importFile(db, file);
    expect(result.committed).toBe(false);
    expect(await count(db, 'child_event')).toBe(eventsBefore);
    expect(problemsOf(result)).toEqual(expect.arrayContaining([
      { line: 2, field: 'occurredAt' },
      { line: 3, field: 'occurredAt' },
      { line: 4, field: 'data.forename' },
    ]));
  });

  it('writes nothing from a file with bad lines and reports each with its line number and field', async () => {
    const eventsBefore = await count(db, 'child_event');
    const projectionsBefore = await projectionSnapshot(db);
    const file = writeFile('bad.ndjson', [
      registered('EMMA1', { at: '2024-03-01' }), // 1: fine on its own
      '{"type": "child.registered",', // 2: malformed JSON
      withField(contact('EMMA1', '2024-03-02T09:00:00Z'), 'data.source', 'ZZ'), // 3: unknown code
      referral('EMMA1', '2024-02-30'), // 4: impossible date
      withoutField(registered('FINN1'), 'data.surname'), // 5: missing field
      initialConference('EMMA1', '2024-03-05'), // 6: an ICPC with no section 47 enquiry
      contact('GHOST1', '2024-03-06T09:00:00Z'), // 7: a child who was never registered
    ]);
    const result = await importFile(db, file);

    expect(result.committed).toBe(false);
    expect(result.events).toBe(0);
    expect(await count(db, 'child_event')).toBe(eventsBefore);
    expect(await count(db, 'import_batch')).toBe(1);
    expect(await projectionSnapshot(db)).toEqual(projectionsBefore);
    expect(problemsOf(result)).toEqual(expect.arrayContaining([
      { line: 2, field: '(line)' },
      { line: 3, field: 'data.source' },
      { line: 4, field: 'occurredAt' },
      { line: 5, field: 'data.surname' },
    ]));
    expect(result.problems.find((p) => p.line === 3)?.message).toBe('Select the referral source from the list');
    // Every bad line is reported, including the ones only the transition rules catch.
    expect(result.problems.map((p) => p.line), JSON.stringify(result.problems)).toEqual(expect.arrayContaining([2, 3, 4, 5, 6, 7]));
    expect(result.problems.map((p) => p.line)).not.toContain(1);
  });

  it('refuses, on their own, an event that breaks the transition rules and an event for an unregistered child', async () => {
    const eventsBefore = await count(db, 'child_event');
    const file = writeFile('rules.ndjson', [
      registered('EMMA1', { at: '2024-03-01' }), // 1
      initialConference('EMMA1', '2024-03-05'), // 2: an ICPC with no section 47 enquiry
      contact('GHOST1', '2024-03-06T09:00:00Z'), // 3: a child who was never registered
      referral('GHOST1', '2024-03-07'), // 4
    ]);
    const result = await importFile(db, file);

    expect(result.committed).toBe(false);
    expect(await count(db, 'child_event')).toBe(eventsBefore);
    const icpc = result.problems.filter((p) => p.line === 2);
    expect(icpc, JSON.stringify(result.problems)).toHaveLength(1);
    expect(icpc[0]!.field).toBe('type');
    expect(icpc[0]!.message).toContain('You cannot record an initial child protection conference on 5 March 2024: first record a section 47 enquiry that decides to hold one');
    expect(icpc[0]!.message).toContain('EMMA1');
    const ghost = result.problems.filter((p) => p.line === 3);
    expect(ghost, JSON.stringify(result.problems)).toHaveLength(1);
    expect(ghost[0]!.field).toMatch(/^(childId|type)$/);
    expect(ghost[0]!.message).toContain('GHOST1');
    expect(ghost[0]!.message).toContain('registered');
    expect(result.problems.map((p) => p.line).sort()).toEqual([2, 3]);
  });

  it('reports a new event that breaks an event already on record against the new file\'s line, not the old file\'s', async () => {
    const eventsBefore = await count(db, 'child_event');
    // Cara's episode closed on 29 February (line 32 of caseload.ndjson). A section 47 enquiry started on
    // 5 February is fine on its own date, but leaves the enquiry in progress when the episode closes.
    const file = writeFile('late-strategy.ndjson', [
      registered('GRACE1', { at: '2024-03-01' }), // 1
      strategyDiscussion('CARA1', '2024-02-05'), // 2
    ]);
    const result = await importFile(db, file);

    expect(result.committed).toBe(false);
    expect(await count(db, 'child_event')).toBe(eventsBefore);
    expect(result.problems, JSON.stringify(result.problems)).toHaveLength(1);
    const [problem] = result.problems;
    expect(problem!.message).toContain('CARA1');
    expect(problem!.message).toContain('episode.closed');
    expect.soft(problem!.line, `${JSON.stringify(problem)}: the line must be in late-strategy.ndjson (2 lines)`).toBe(2);
    expect.soft(problem!.message, 'names the conflicting event as already on record').toContain('already on record');
  });

  it('accepts a file headed by format version 1 and refuses version 2', async () => {
    const eventsBefore = await count(db, 'child_event');
    const danLines = [
      registered('DAN1', { at: '2024-03-04', forename: 'Dan', surname: 'Reid', dateOfBirth: '2010-01-15', sex: 'M' }),
      contact('DAN1', '2024-03-05T11:00:00Z', { source: '3A', localSource: 'gp', primaryReason: 'child-mental-health' }),
      // A later contact for a child already on the system: the import folds old and new events together.
      contact('CARA1', '2024-03-06T16:30:00Z', { source: '1A', localSource: 'family-member', primaryReason: 'neglect' }),
    ];

    const refused = await importFile(db, writeFile('v2.ndjson', [header(2), ...danLines]));
    expect(refused.committed).toBe(false);
    expect(problemsOf(refused)).toEqual([{ line: 1, field: 'version' }]);
    expect(await count(db, 'child_event')).toBe(eventsBefore);

    const accepted = await importFile(db, writeFile('v1.ndjson', [header(1), ...danLines]));
    expect(accepted.problems).toEqual([]);
    expect(accepted).toMatchObject({ committed: true, lines: 4, events: 3, children: 2 });
    expect(await count(db, 'child_event')).toBe(eventsBefore + 3);
    expect((await get(`/api/v1/children/CARA1?asAt=${asAt}`)).status).toBe('contact');
    expect((await db.pool.query(`SELECT status FROM child WHERE child_id = 'CARA1'`)).rows[0].status).toBe('contact');
    expect(await count(db, 'audit_event', `resource = 'child-record:import' AND detail->>'importBatchId' = $1`, [accepted.importBatchId])).toBe(2);
  });

  it('refuses to import the same file twice, naming the duplicate event ids, and writes nothing', async () => {
    const eventsBefore = await count(db, 'child_event');
    const batchesBefore = await count(db, 'import_batch');
    const result = await importFile(db, path.join(dir, 'caseload.ndjson'));

    expect(result.committed).toBe(false);
    expect(await count(db, 'child_event')).toBe(eventsBefore);
    expect(await count(db, 'import_batch')).toBe(batchesBefore);
    expect(result.problems.length).toBe(caseload.lines.length);
    expect(result.problems.every((p) => p.field === 'eventId')).toBe(true);
    expect(result.problems.map((p) => p.line)).toEqual(caseload.lines.map((_, index) => index + 1));
  });

  it('round-trips: export, import into a fresh database, export again gives the same file and the same projections', async () => {
    const first = await exportToString(db);
    const firstLines = first.trimEnd().split('\n');
    const eventCount = await count(db, 'child_event');
    // The header, the teams and workers, then the events.
    expect(firstLines).toHaveLength(1 + await count(db, 'team') + await count(db, 'worker') + eventCount);
    expect(JSON.parse(firstLines[1]!)).toMatchObject({ record: 'team' });
    const firstHeader = JSON.parse(firstLines[0]!);
    expect(firstHeader).toMatchObject({ format: 'safeguard-child-events', version: 1, laCodes: ['206'] });
    expect(typeof firstHeader.exportedAt).toBe('string');
    // Each exported child's record is audited as read.
    await chainAwaitingAudit(db.pool);
    const exportAudits = (await db.pool.query(`SELECT child_id FROM audit_event WHERE resource = 'child-record:export' AND action = 'read' ORDER BY child_id`)).rows;
    expect(exportAudits.map((r) => r.child_id)).toEqual([...caseload.childIds, 'DAN1'].sort());

    const second = await target.open();
    try {
      const file = path.join(dir, 'exported.ndjson');
      writeFileSync(file, first);
      const result = await importFile(second, file);
      expect(result.problems).toEqual([]);
      expect(result).toMatchObject({ committed: true, events: eventCount, children: caseload.childIds.length + 1 });

      const again = await exportToString(second);
      const againLines = again.trimEnd().split('\n');
      const { exportedAt: _first, ...firstHeaderRest } = firstHeader;
      const { exportedAt: _again, ...againHeaderRest } = JSON.parse(againLines[0]!);
      expect(againHeaderRest).toEqual(firstHeaderRest);
      expect(againLines.slice(1)).toEqual(firstLines.slice(1));
      expect(again.slice(again.indexOf('\n'))).toBe(first.slice(first.indexOf('\n')));

      expect(await projectionSnapshot(second)).toEqual(await projectionSnapshot(db));
    } finally {
      await second.close();
    }
  });

  it('folds on worker threads, a few children at a time, exactly as on this thread: the same projections and the same problems', async () => {
    expect(await count(db, 'child_event')).toBeGreaterThan(30); // the caseload the tests above imported
    const file = path.join(dir, 'exported-for-threads.ndjson');
    writeFileSync(file, await exportToString(db));
    const threaded = await target.open();
    try {
      const result = await importFile(threaded, file, { foldThreads: 2, foldBatchChildren: 2 });
      expect(result.problems).toEqual([]);
      expect(result).toMatchObject({ committed: true, events: await count(db, 'child_event') });
      expect(await projectionSnapshot(threaded)).toEqual(await projectionSnapshot(db));
    } finally {
      await threaded.close();
    }

    const bad = writeFile('bad-for-threads.ndjson', [
      registered('HUGO1', { at: '2024-03-01' }),
      initialConference('HUGO1', '2024-03-05'), // an ICPC with no section 47 enquiry
      contact('GHOST2', '2024-03-06T09:00:00Z'), // a child who was never registered
      referral('IRIS1', '2024-02-30'), // an impossible date
    ]);
    const onThisThread = await importFile(db, bad, { foldThreads: 0 });
    const onThreads = await importFile(db, bad, { foldThreads: 2, foldBatchChildren: 1 });
    expect(onThisThread.problems.length).toBeGreaterThanOrEqual(3);
    expect(onThreads.problems).toEqual(onThisThread.problems);
    expect(onThreads.committed).toBe(false);
  });
});
