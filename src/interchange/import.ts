import { randomUUID } from 'node:crypto';
import { createReadStream, statSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import type pg from 'pg';
import { z } from 'zod';
import { writeAuditForChildren } from '../platform/audit/audit.ts';
import { withTransaction, type Database } from '../platform/database/database.ts';
import { DomainError, problemsFromIssues, type FieldProblem } from '../platform/errors.ts';
import { Actor, correctionFields, EventBody } from '../record/events.ts';
import { businessDateOf, FoldError, foldChildRecord, type LoggedEvent } from '../record/fold.ts';
import { addProjectionRows, emptyProjectionRows, replaceProjections, type ProjectionRows } from '../record/projections.ts';
import { dutiesOf, storedEventFromRow, type RequestContext, type Timescales } from '../record/repo.ts';
import { EventId, IsoDateTime, LaChildId, LaCode, OccurredAt } from '../record/schema-helpers.ts';
import { InterchangeHeader, isHeaderLine } from './format.ts';
import { Team, Worker } from '../modules/people/workforce.ts';

/**
 * A line as a migrating council may write it: ids, record time and recorder may be left out and
 * are then filled in (a new id, the import time, the importing user).
 */
const ImportLine = z
  .intersection(
    EventBody,
    z.object({
      eventId: EventId.optional(),
      laCode: LaCode,
      childId: LaChildId,
      occurredAt: OccurredAt,
      recordedAt: IsoDateTime.optional(),
      recordedBy: Actor.optional(),
      clientId: z.string().min(1).max(100).optional(),
      ...correctionFields,
    }),
  )
  .refine((e) => (e.supersedes === undefined) === (e.correctionReason === undefined), {
    message: 'A correction needs both supersedes and correctionReason',
    path: ['correctionReason'],
  });

export interface ImportProblem extends FieldProblem {
  line: number;
}

export interface ImportProgress {
  phase: 'validating' | 'applying';
  done: number;
  total: number;
}

export interface ImportResult {
  committed: boolean;
  importBatchId?: string;
  lines: number;
  events: number;
  children: number;
  problems: ImportProblem[];
  /** Problems beyond the ones listed (the report is capped so a bad file cannot exhaust memory). */
  moreProblems: number;
}

const REPORTED_PROBLEMS_LIMIT = 200;
const INSERT_BATCH = 2000;
const FOLD_FETCH = 5000;
const PROJECTION_FLUSH_CHILDREN = 2000;

interface PendingEvent {
  line: number;
  laCode: string;
  eventId: string;
  childId: string;
  type: string;
  occurredAt: string;
  occurredOn: string;
  recordedAt: string;
  recordedBy: Actor;
  clientId: string;
  supersedes: string | null;
  correctionReason: string | null;
  data: unknown;
}

/**
 * Imports an interchange file as one transaction: every line is validated, every affected child's
 * record is folded through the same transition and date rules as the API, and only if nothing
 * at all is wrong is the import committed. A crash at any point leaves the database as it was.
 */
export async function importInterchangeFile(
  db: Database,
  file: string,
  context: RequestContext,
  timescales: Timescales,
  onProgress: (progress: ImportProgress) => void = () => {},
): Promise<ImportResult> {
  const importBatchId = randomUUID();
  const importedAt = new Date().toISOString();
  const problems: ImportProblem[] = [];
  let problemCount = 0;
  const report = (problem: ImportProblem) => {
    problemCount += 1;
    if (problems.length < REPORTED_PROBLEMS_LIMIT) problems.push(problem);
  };
  const totalBytes = statSync(file).size;
  let lines = 0;
  let events = 0;
  let children = 0;

  const result = await withTransaction(db.pool, async (client) => {
    // Imports are rare and large: hold other writers off so log order is file order.
    await client.query('LOCK TABLE child_event IN SHARE ROW EXCLUSIVE MODE');
    let pending: PendingEvent[] = [];
    let bytesRead = 0;
    const childrenWithBadLines = new Set<string>();
    const referenceRecords = new ReferenceRecordWriter();
    const flush = async () => {
      if (pending.length === 0) return;
      const duplicates = await insertEvents(client, pending, importBatchId);
      for (const line of duplicates) report({ line, field: 'eventId', message: 'An event with this eventId or clientId is already recorded' });
      events += pending.length - duplicates.length;
      pending = [];
    };

    const reader = createInterface({ input: createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity });
    for await (const text of reader) {
      lines += 1;
      bytesRead += Buffer.byteLength(text, 'utf8') + 1;
      if (lines % 5000 === 0) onProgress({ phase: 'validating', done: bytesRead, total: totalBytes });
      if (text.trim() === '') continue;
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch {
        report({ line: lines, field: '(line)', message: 'Not valid JSON' });
        continue;
      }
      if (lines === 1 && isHeaderLine(value)) {
        const header = InterchangeHeader.safeParse(value);
        if (!header.success) for (const p of problemsFromIssues(header.error.issues)) report({ line: 1, ...p });
        continue;
      }
      if (isReferenceRecord(value)) {
        const problem = await referenceRecords.add(client, value);
        for (const p of problem) report({ line: lines, ...p });
        continue;
      }
      const parsed = ImportLine.safeParse(value);
      if (!parsed.success) {
        for (const p of problemsFromIssues(parsed.error.issues)) report({ line: lines, ...p });
        // Problems the fold then finds for this child may only echo this one: they are marked so.
        const childId = (value as { childId?: unknown }).childId;
        if (typeof childId === 'string') childrenWithBadLines.add(childId);
        continue;
      }
      const event = parsed.data;
      const eventId = event.eventId ?? randomUUID();
      pending.push({
        line: lines, laCode: event.laCode, eventId, childId: event.childId, type: event.type, occurredAt: event.occurredAt,
        occurredOn: businessDateOf(event.occurredAt), recordedAt: event.recordedAt ?? importedAt, recordedBy: event.recordedBy ?? context.actor,
        clientId: event.clientId ?? eventId, supersedes: event.supersedes ?? null, correctionReason: event.correctionReason ?? null, data: event.data,
      });
      if (pending.length >= INSERT_BATCH) await flush();
    }
    await flush();
    await referenceRecords.flush(client);
    onProgress({ phase: 'validating', done: totalBytes, total: totalBytes });

    // Every child is folded even when lines were bad, so that one run reports every problem.
    children = await foldImportedChildren(client, importBatchId, context, timescales, report, childrenWithBadLines, (done, total) =>
      onProgress({ phase: 'applying', done, total }),
    );
    if (problemCount > 0) throw new RollbackRequested();
    await client.query(
      `INSERT INTO import_batch (la_code, import_batch_id, file_name, started_at, imported_by, event_count) VALUES ($1, $2, $3, $4, $5, $6)`,
      [context.laCode, importBatchId, path.basename(file), importedAt, context.actor.userId, events],
    );
    return 'commit' as const;
  }).catch((error: unknown) => {
    if (error instanceof RollbackRequested) return 'rollback' as const;
    throw error;
  });

  return {
    committed: result === 'commit' && problemCount === 0,
    importBatchId: result === 'commit' ? importBatchId : undefined,
    lines,
    events: result === 'commit' ? events : 0,
    children: result === 'commit' ? children : 0,
    problems: problems.sort((a, b) => a.line - b.line),
    moreProblems: Math.max(0, problemCount - problems.length),
  };
}

/** Thrown inside the import's transaction so that it rolls back; the caller reports why. */
class RollbackRequested extends Error {}

/** Inserts a batch of events in file order; answers the lines whose eventId or clientId already exists. */
async function insertEvents(client: pg.PoolClient, batch: PendingEvent[], importBatchId: string): Promise<number[]> {
  const column = <K extends keyof PendingEvent>(key: K) => batch.map((event) => event[key]);
  const inserted = await client.query(
    `INSERT INTO child_event (la_code, event_id, child_id, event_type, occurred_at, occurred_on, recorded_at, recorded_by_user,
       recorded_by_role, recorded_by_agency, client_id, supersedes, correction_reason, data, import_batch_id, import_line)
     SELECT la_code, event_id, child_id, event_type, occurred_at, occurred_on, recorded_at, recorded_by_user, recorded_by_role,
            recorded_by_agency, client_id, supersedes, correction_reason, data::jsonb, $15, import_line
       FROM unnest($1::text[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::date[], $7::timestamptz[], $8::text[], $9::text[],
                   $10::text[], $11::text[], $12::uuid[], $13::text[], $14::text[], $16::int[])
         AS e(la_code, event_id, child_id, event_type, occurred_at, occurred_on, recorded_at, recorded_by_user, recorded_by_role,
              recorded_by_agency, client_id, supersedes, correction_reason, data, import_line)
      ORDER BY import_line
     ON CONFLICT DO NOTHING
     RETURNING import_line`,
    [
      column('laCode'), column('eventId'), column('childId'), column('type'), column('occurredAt'), column('occurredOn'), column('recordedAt'),
      batch.map((e) => e.recordedBy.userId), batch.map((e) => e.recordedBy.role), batch.map((e) => e.recordedBy.agency),
      column('clientId'), column('supersedes'), column('correctionReason'), batch.map((e) => JSON.stringify(e.data)), importBatchId, column('line'),
    ],
  );
  if (inserted.rowCount === batch.length) return [];
  const insertedLines = new Set(inserted.rows.map((row) => Number(row.import_line)));
  return batch.map((event) => event.line).filter((line) => !insertedLines.has(line));
}

/**
 * Folds every child the import touched, streaming their whole logs (old and new events) in child
 * order, and rebuilds their projections. A child whose record does not fold is reported against
 * the line of the event that broke it.
 */
async function foldImportedChildren(
  client: pg.PoolClient,
  importBatchId: string,
  context: RequestContext,
  timescales: Timescales,
  report: (problem: ImportProblem) => void,
  childrenWithBadLines: ReadonlySet<string>,
  onProgress: (done: number, total: number) => void,
): Promise<number> {
  await client.query(
    `CREATE TEMP TABLE import_affected_child ON COMMIT DROP AS
       SELECT DISTINCT la_code, child_id FROM child_event WHERE import_batch_id = $1`,
    [importBatchId],
  );
  const total = Number((await client.query('SELECT count(*) AS n FROM import_affected_child')).rows[0]!.n);
  await client.query(
    `DECLARE import_fold CURSOR FOR
       SELECT e.event_id, e.sequence, e.child_id, e.event_type, e.occurred_at, e.recorded_at, e.recorded_by_user, e.recorded_by_role,
              e.recorded_by_agency, e.client_id, e.supersedes, e.correction_reason, e.data, e.import_batch_id, e.import_line, e.la_code
         FROM child_event e JOIN import_affected_child a ON a.la_code = e.la_code AND a.child_id = e.child_id
        ORDER BY e.la_code, e.child_id, e.sequence`,
  );
  let done = 0;
  let rows: ProjectionRows = emptyProjectionRows();
  let rowsLaCode: string | undefined;
  let rowsChildren: string[] = [];
  const flushProjections = async () => {
    if (rowsChildren.length === 0 || rowsLaCode === undefined) return;
    await replaceProjections(client, rowsLaCode, rowsChildren, rows);
    await writeAuditForChildren(client, {
      laCode: rowsLaCode, actor: context.actor, correlationId: context.correlationId, action: 'write', resource: 'child-record:import',
      outcome: 'ok', detail: { importBatchId },
    }, rowsChildren);
    rows = emptyProjectionRows();
    rowsChildren = [];
  };

  let current: { laCode: string; childId: string; events: (LoggedEvent & { importLine?: number })[] } | undefined;
  const foldCurrent = async () => {
    if (!current) return;
    const { laCode, childId, events } = current;
    try {
      const folded = foldChildRecord(laCode, childId, events);
      if (rowsLaCode !== laCode || rowsChildren.length >= PROJECTION_FLUSH_CHILDREN) await flushProjections();
      rowsLaCode = laCode;
      rowsChildren.push(childId);
      addProjectionRows(rows, folded, dutiesOf(folded, timescales), events.at(-1)!.sequence);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      reportFoldProblem(error, childId, events, importBatchId, report, childrenWithBadLines.has(childId));
    }
    done += 1;
    if (done % 1000 === 0) onProgress(done, total);
  };

  for (;;) {
    const batch = await client.query(`FETCH ${FOLD_FETCH} FROM import_fold`);
    for (const row of batch.rows) {
      if (!current || current.childId !== row.child_id || current.laCode !== row.la_code) {
        await foldCurrent();
        current = { laCode: row.la_code, childId: row.child_id, events: [] };
      }
      const stored = storedEventFromRow(row);
      current.events.push(stored as unknown as LoggedEvent & { importLine?: number });
    }
    if (batch.rows.length < FOLD_FETCH) break;
  }
  await foldCurrent();
  await flushProjections();
  await client.query('CLOSE import_fold');
  onProgress(total, total);
  return total;
}


/**
 * Says which line broke a child's record. Only lines of this import have line numbers here: an
 * event from an earlier import that no longer holds is reported against this import's first line
 * for the child, naming the event already on record.
 */
function reportFoldProblem(
  error: DomainError,
  childId: string,
  events: (LoggedEvent & { importLine?: number; importBatchId?: string })[],
  importBatchId: string,
  report: (problem: ImportProblem) => void,
  childHasUnreadableLines: boolean,
): void {
  const caveat = childHasUnreadableLines ? ' (this may follow from lines for this child that could not be read)' : '';
  const thisImport = (e: { importBatchId?: string }) => e.importBatchId === importBatchId;
  if (!events.some((e) => e.type === 'child.registered')) {
    const first = events.find(thisImport);
    report({ line: first?.importLine ?? 0, field: 'childId', message: `No child with LA child id ${childId} is registered: add a child.registered line${caveat}` });
    return;
  }
  const culprit = events.find((e) => e.eventId === (error instanceof FoldError ? error.eventId : undefined));
  const fromThisImport = culprit !== undefined && thisImport(culprit);
  const line = fromThisImport ? culprit.importLine! : (events.find(thisImport)?.importLine ?? 0);
  const where = culprit && !fromThisImport ? ` (the ${culprit.type} of ${culprit.occurredAt}, event ${culprit.eventId}, already on record, no longer holds)` : '';
  const fields = error.problems.length > 0 ? error.problems : [{ field: 'type', message: error.message }];
  for (const p of fields) {
    report({ line, field: p.field, message: `Child ${childId}: ${p.message === error.message ? p.message : `${error.message}: ${p.message}`}${where}${caveat}` });
  }
}

/** Team, worker and population lines: reference data a council migrates alongside its records. */
const TeamRecord = z.object({ record: z.literal('team'), laCode: LaCode }).and(Team);
const WorkerRecord = z.object({ record: z.literal('worker'), laCode: LaCode }).and(Worker);
const PopulationRecord = z.object({
  record: z.literal('population'), laCode: LaCode, year: z.number().int().min(1990).max(2100), age: z.number().int().min(0).max(25),
  sex: z.enum(['M', 'F']), ethnicity: z.string().min(1).max(4), children: z.number().int().min(0), source: z.string().min(1).max(200),
});
const referenceSchemas = { team: TeamRecord, worker: WorkerRecord, population: PopulationRecord } as const;

const isReferenceRecord = (value: unknown): boolean => typeof value === 'object' && value !== null && 'record' in value;

class ReferenceRecordWriter {
  private teams: z.infer<typeof TeamRecord>[] = [];
  private workers: z.infer<typeof WorkerRecord>[] = [];
  private population: z.infer<typeof PopulationRecord>[] = [];
  async add(client: pg.PoolClient, value: unknown): Promise<FieldProblem[]> {
    const kind = (value as { record: unknown }).record;
    if (kind !== 'team' && kind !== 'worker' && kind !== 'population') {
      return [{ field: 'record', message: 'A reference line is a team, worker or population record' }];
    }
    const parsed = referenceSchemas[kind].safeParse(value);
    if (!parsed.success) return problemsFromIssues(parsed.error.issues);
    if (kind === 'team') this.teams.push(parsed.data as z.infer<typeof TeamRecord>);
    else if (kind === 'worker') {
      await this.flushTeams(client); // a worker's team must be written first
      this.workers.push(parsed.data as z.infer<typeof WorkerRecord>);
    } else this.population.push(parsed.data as z.infer<typeof PopulationRecord>);
    if (this.workers.length + this.population.length >= 2000) await this.flush(client);
    return [];
  }

  private async flushTeams(client: pg.PoolClient) {
    if (this.teams.length === 0) return;
    await client.query(
      `INSERT INTO team (la_code, team_id, name, service)
       SELECT la_code, team_id, name, service FROM jsonb_to_recordset($1::jsonb) AS t(la_code text, team_id text, name text, service text)
       ON CONFLICT (la_code, team_id) DO UPDATE SET name = EXCLUDED.name, service = EXCLUDED.service`,
      [JSON.stringify(this.teams.map((t) => ({ la_code: t.laCode, team_id: t.teamId, name: t.name, service: t.service })))],
    );
    this.teams = [];
  }

  async flush(client: pg.PoolClient): Promise<void> {
    await this.flushTeams(client);
    if (this.workers.length > 0) {
      await client.query(
        `INSERT INTO worker (la_code, worker_id, name, role, team_id, agency, started_on, left_on)
         SELECT la_code, worker_id, name, role, team_id, agency, started_on, left_on
           FROM jsonb_to_recordset($1::jsonb) AS w(la_code text, worker_id text, name text, role text, team_id text, agency text, started_on date, left_on date)
         ON CONFLICT (la_code, worker_id) DO UPDATE SET name = EXCLUDED.name, role = EXCLUDED.role, team_id = EXCLUDED.team_id,
           agency = EXCLUDED.agency, started_on = EXCLUDED.started_on, left_on = EXCLUDED.left_on`,
        [JSON.stringify(this.workers.map((w) => ({ la_code: w.laCode, worker_id: w.workerId, name: w.name, role: w.role, team_id: w.teamId, agency: w.agency, started_on: w.startedOn, left_on: w.leftOn ?? null })))],
      );
      this.workers = [];
    }
    if (this.population.length > 0) {
      await client.query(
        `INSERT INTO population_reference (la_code, year, age, sex, ethnicity, children, source)
         SELECT la_code, year, age, sex, ethnicity, children, source
           FROM jsonb_to_recordset($1::jsonb) AS p(la_code text, year integer, age integer, sex text, ethnicity text, children integer, source text)
         ON CONFLICT (la_code, year, age, sex, ethnicity) DO UPDATE SET children = EXCLUDED.children, source = EXCLUDED.source`,
        [JSON.stringify(this.population.map((p) => ({ la_code: p.laCode, year: p.year, age: p.age, sex: p.sex, ethnicity: p.ethnicity, children: p.children, source: p.source })))],
      );
      this.population = [];
    }
  }
}
