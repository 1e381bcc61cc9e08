import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { createReadStream, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { finished } from 'node:stream/promises';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { z } from 'zod';
import { writeAuditForChildren } from '../platform/audit/audit.ts';
import { withTransaction, type Database } from '../platform/database/database.ts';
import { londonDateOf } from '../platform/calendar/calendar.ts';
import { problemsFromIssues, type FieldProblem } from '../platform/errors.ts';
import { eventDateProblems } from '../record/event-dates.ts';
import { correctionFields, EventBody } from '../record/events.ts';
import { Actor } from '../platform/request-context.ts';
import { businessDateOf } from '../record/fold.ts';
import type { Timescales } from '../record/repo.ts';
import type { RequestContext } from '../platform/request-context.ts';
import type { ImportProblem } from '../record/batch-fold.ts';
import { vacuumAndAnalyzeRecordTables } from '../record/projections.ts';
import { AFFECTED_CHILDREN, FOLD_BATCH_CHILDREN, foldAffectedChildren } from '../record/fold-children.ts';
import { InThreadFolder, WorkerPoolFolder, type BatchFolder } from '../record/fold-pool.ts';
import { EventId, IsoDateTime, LaChildId, LaCode, OccurredAt } from '../platform/schema-helpers.ts';
import { InterchangeHeader, isHeaderLine } from './format.ts';
import type { DomainModule } from '../modules/domain-module.ts';
import { domainModules } from '../modules/registry.ts';
import type { ReferenceLine, ReferenceRecord } from './reference-record.ts';
import { referenceRecords } from './reference-records.ts';

/**
 * A line as a migrating council may write it: ids, record time and recorder may be left out and
 * are then filled in (a new id, the import time, the importing user).
 */
const importLineFields = {
  eventId: EventId.optional(),
  laCode: LaCode,
  childId: LaChildId,
  occurredAt: OccurredAt,
  recordedAt: IsoDateTime.optional(),
  recordedBy: Actor.optional(),
  clientId: z.string().min(1).max(100).optional(),
  ...correctionFields,
};
const correctionNeedsBoth = (e: { supersedes?: string; correctionReason?: string }) => (e.supersedes === undefined) === (e.correctionReason === undefined);
const correctionNeedsBothProblem = { message: 'Enter the reason for the correction, and which entry it corrects', path: ['correctionReason'] };

/** The line schema. A line it refuses is reported with exactly its issues. */
const ImportLine = z.intersection(EventBody, z.object(importLineFields)).refine(correctionNeedsBoth, correctionNeedsBothProblem);
type ImportLine = z.infer<typeof ImportLine>;

/**
 * The same schema as one discriminated union of objects (each event type's object extended with
 * the line's fields) instead of an intersection, which parses every line twice and merges the
 * halves: it accepts the same lines with the same output in less than half the time. Only lines
 * it accepts are taken from it; a line it refuses is parsed again with ImportLine, so problems are
 * reported exactly as ImportLine words them.
 */
const FastImportLine = z
  .discriminatedUnion('type', EventBody.options.map((option) => option.extend(importLineFields)) as unknown as [z.ZodObject, ...z.ZodObject[]])
  .refine(correctionNeedsBoth, correctionNeedsBothProblem);

function parseLine(value: unknown): { success: true; data: ImportLine } | { success: false; issues: z.core.$ZodIssue[] } {
  const fast = FastImportLine.safeParse(value);
  if (fast.success) return { success: true, data: fast.data as unknown as ImportLine };
  const exact = ImportLine.safeParse(value);
  return exact.success ? { success: true, data: exact.data } : { success: false, issues: exact.error.issues };
}

export type { ImportProblem };

export interface ImportProgress {
  phase: 'validating' | 'applying';
  done: number;
  total: number;
}

export interface ImportOptions {
  /** Worker threads folding children (0: fold on this thread). Default: by the file's size and the machine's cores. */
  foldThreads?: number;
  /** Children per batch folded at a time (default 1,000). */
  foldBatchChildren?: number;
}

/**
 * One fold thread per core, at most two: the database and this thread (reading, storing,
 * writing projections) need the other cores, and more threads than cores only take turns.
 */
const defaultFoldThreads = () => Math.max(1, Math.min(2, os.availableParallelism()));

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
/** Rows per INSERT … unnest statement (embedded database, and the server's fallback). */
const INSERT_BATCH = 2000;
/** Characters of COPY text handed to the connection at a time. */
const COPY_CHUNK = 256 * 1024;
/** Imports of at least this many events vacuum and analyse the tables afterwards. */
const VACUUM_FROM_EVENTS = 5000;
/** Files from this size are folded on worker threads (about 20,000 events); smaller ones on this thread. */
const FOLD_THREADS_FROM_BYTES = 8 * 1024 * 1024;

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

/** What one pass over the file has found: its problems, lines and events. */
interface Run {
  problems: ImportProblem[];
  problemCount: number;
  lines: number;
  events: number;
  /** Children with a line that could not be read: problems the fold then finds may only echo it. */
  childrenWithBadLines: Set<string>;
}

const newRun = (): Run => ({ problems: [], problemCount: 0, lines: 0, events: 0, childrenWithBadLines: new Set() });

function report(run: Run, problem: ImportProblem): void {
  run.problemCount += 1;
  if (run.problems.length < REPORTED_PROBLEMS_LIMIT) run.problems.push(problem);
}

interface ImportSettings {
  file: string;
  totalBytes: number;
  importBatchId: string;
  importedAt: string;
  context: RequestContext;
  onProgress: (progress: ImportProgress) => void;
}

/**
 * Imports an interchange file as one transaction: every line is validated, every affected child's
 * record is folded through the same transition and date rules as the API, and only if nothing
 * at all is wrong is the import committed. A crash at any point leaves the database as it was.
 *
 * Events are stored while the file is still being read and validated: on a PostgreSQL server with
 * COPY, on the embedded database (which cannot take COPY FROM STDIN over its socket) with plain
 * INSERTs, one batch in the database while the next is read.
 */
export async function importInterchangeFile(
  db: Database,
  file: string,
  context: RequestContext,
  timescales: Timescales,
  onProgress: (progress: ImportProgress) => void = () => {},
  options: ImportOptions = {},
): Promise<ImportResult> {
  const settings: ImportSettings = {
    file, totalBytes: statSync(file).size, importBatchId: randomUUID(), importedAt: new Date().toISOString(), context, onProgress,
  };
  const { importBatchId, importedAt, totalBytes } = settings;
  let run = newRun();
  let children = 0;
  // Threads start now, so they have loaded by the time the events are stored.
  const foldThreads = options.foldThreads ?? (totalBytes >= FOLD_THREADS_FROM_BYTES ? defaultFoldThreads() : 0);
  const folder: BatchFolder = foldThreads > 0 ? new WorkerPoolFolder(foldThreads, timescales) : new InThreadFolder(timescales);

  const result = await withTransaction(db.pool, async (client) => {
    // Imports are rare and large: hold other writers off so log order is file order.
    await client.query('LOCK TABLE child_event IN SHARE ROW EXCLUSIVE MODE');
    // Fast: COPY on a server, plain INSERTs on the embedded database. Either stops at the first
    // line that repeats an eventId or clientId (already recorded, or earlier in the file); then
    // the events are stored again batch by batch, in a way that names every such line.
    await client.query('SAVEPOINT import_events');
    try {
      await storeEvents(client, settings, run, db.kind === 'server' ? new CopySink(client, importBatchId) : new InsertSink(client, importBatchId));
      await client.query('RELEASE SAVEPOINT import_events');
    } catch (error) {
      if ((error as { code?: string }).code !== '23505') throw error;
      await client.query('ROLLBACK TO SAVEPOINT import_events');
      run = newRun();
      await insertEventsNamingRepeats(client, settings, run);
    }
    onProgress({ phase: 'validating', done: totalBytes, total: totalBytes });
    // Now that every reference line is stored, wherever it was in the file (an allocation's team and worker).
    for (const checkImported of importedEventChecks) {
      for (const problem of await checkImported(client, importBatchId)) report(run, problem);
    }

    // Every child is folded even when lines were bad, so that one run reports every problem.
    const problemsFound = run;
    children = await foldImportedChildren(client, importBatchId, folder, options.foldBatchChildren ?? FOLD_BATCH_CHILDREN, (problem) => report(problemsFound, problem), run.childrenWithBadLines, (done, total) =>
      onProgress({ phase: 'applying', done, total }),
    );
    if (run.problemCount > 0) throw new RollbackRequested();
    await auditImportedChildren(client, context, { importBatchId, file: path.basename(file), events: run.events });
    await client.query(
      `INSERT INTO import_batch (la_code, import_batch_id, file_name, started_at, imported_by, event_count) VALUES ($1, $2, $3, $4, $5, $6)`,
      [context.laCode, importBatchId, path.basename(file), importedAt, context.actor.userId, run.events],
    );
    return 'commit' as const;
  })
    .catch((error: unknown) => {
      if (error instanceof RollbackRequested) return 'rollback' as const;
      throw error;
    })
    .finally(() => folder.close());
  // The embedded database has no autovacuum to notice a bulk load: without fresh statistics the
  // planner takes the new tables for empty, and figures over them can take minutes, not seconds.
  if (result === 'commit' && run.events >= VACUUM_FROM_EVENTS) await vacuumAndAnalyzeRecordTables(db);

  return {
    committed: result === 'commit' && run.problemCount === 0,
    importBatchId: result === 'commit' ? importBatchId : undefined,
    lines: run.lines,
    events: result === 'commit' ? run.events : 0,
    children: result === 'commit' ? children : 0,
    problems: run.problems.sort((a, b) => a.line - b.line),
    moreProblems: Math.max(0, run.problemCount - run.problems.length),
  };
}

/** Every module's checks of an import's events against reference data (record/check-before-write.ts). */
const importedEventChecks = (domainModules as readonly DomainModule[]).flatMap((module) => module.checksBeforeWrite?.imported ?? []);

/** Thrown inside the import's transaction so that it rolls back; the caller reports why. */
class RollbackRequested extends Error {}

// ---------------------------------------------------------------------------------------------
// Reading and validating

type CheckedLine =
  | { kind: 'event'; line: number; event: PendingEvent }
  | { kind: 'reference'; line: number; value: unknown }
  | { kind: 'bad'; line: number; problems: FieldProblem[]; childId?: string };

/** Every non-empty line of the file, validated, in file order. Counts lines and reports progress. */
async function* checkedLines(settings: ImportSettings, run: Run): AsyncGenerator<CheckedLine> {
  const { file, totalBytes, importedAt, context, onProgress } = settings;
  // Nothing imported can have happened after the day of the import, in England.
  const today = londonDateOf(importedAt);
  let bytesRead = 0;
  const reader = createInterface({ input: createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity });
  for await (const text of reader) {
    run.lines += 1;
    const line = run.lines;
    bytesRead += Buffer.byteLength(text, 'utf8') + 1;
    if (line % 5000 === 0) onProgress({ phase: 'validating', done: bytesRead, total: totalBytes });
    if (text.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      yield { kind: 'bad', line, problems: [{ field: '(line)', message: 'The line is not valid JSON: check its quotes, commas and brackets' }] };
      continue;
    }
    if (line === 1 && isHeaderLine(value)) {
      const header = InterchangeHeader.safeParse(value);
      if (!header.success) yield { kind: 'bad', line, problems: problemsFromIssues(header.error.issues) };
      continue;
    }
    if (isReferenceRecord(value)) {
      yield { kind: 'reference', line, value };
      continue;
    }
    const parsed = parseLine(value);
    if (!parsed.success) {
      const childId = (value as { childId?: unknown }).childId;
      yield { kind: 'bad', line, problems: problemsFromIssues(parsed.issues), childId: typeof childId === 'string' ? childId : undefined };
      continue;
    }
    const event = parsed.data;
    const dateProblems = eventDateProblems(event, today);
    if (dateProblems.length > 0) {
      yield { kind: 'bad', line, problems: dateProblems, childId: event.childId };
      continue;
    }
    const eventId = event.eventId ?? randomUUID();
    yield {
      kind: 'event',
      line,
      event: {
        line, laCode: event.laCode, eventId, childId: event.childId, type: event.type, occurredAt: event.occurredAt,
        occurredOn: businessDateOf(event.occurredAt), recordedAt: event.recordedAt ?? importedAt, recordedBy: event.recordedBy ?? context.actor,
        clientId: event.clientId ?? eventId, supersedes: event.supersedes ?? null, correctionReason: event.correctionReason ?? null, data: event.data,
      },
    };
  }
}

/** Reports a bad line's problems and remembers its child. */
function reportBadLine(run: Run, checked: Extract<CheckedLine, { kind: 'bad' }>, reportProblem: (problem: ImportProblem) => void = (p) => report(run, p)): void {
  for (const p of checked.problems) reportProblem({ line: checked.line, ...p });
  // Problems the fold then finds for this child may only echo this one: they are marked so.
  if (checked.childId !== undefined) run.childrenWithBadLines.add(checked.childId);
}

// ---------------------------------------------------------------------------------------------
// Writing events, fast: COPY (server) or plain INSERTs (embedded)

const eventColumns = `la_code, event_id, child_id, event_type, occurred_at, occurred_on, recorded_at, recorded_by_user, recorded_by_role,
  recorded_by_agency, client_id, supersedes, correction_reason, data, import_batch_id, import_line`;

const copyEscapes: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };
/** A value in COPY's text format. */
const copyText = (value: string) => (/[\\\t\n\r]/.test(value) ? value.replace(/[\\\t\n\r]/g, (c) => copyEscapes[c]!) : value);

function copyLine(e: PendingEvent, importBatchId: string): string {
  return `${copyText(e.laCode)}\t${copyText(e.eventId)}\t${copyText(e.childId)}\t${copyText(e.type)}\t${copyText(e.occurredAt)}\t${e.occurredOn}\t${copyText(e.recordedAt)}\t${
    copyText(e.recordedBy.userId)}\t${copyText(e.recordedBy.role)}\t${copyText(e.recordedBy.agency)}\t${copyText(e.clientId)}\t${
    e.supersedes === null ? '\\N' : copyText(e.supersedes)}\t${e.correctionReason === null ? '\\N' : copyText(e.correctionReason)}\t${
    copyText(JSON.stringify(e.data))}\t${importBatchId}\t${e.line}\n`;
}

/** One COPY … FROM STDIN into child_event, fed chunk by chunk with backpressure. */
class EventCopy {
  private readonly stream: ReturnType<typeof copyFrom>;
  private failure: Error | undefined;

  constructor(client: pg.PoolClient) {
    this.stream = client.query(copyFrom(`COPY child_event (${eventColumns}) FROM STDIN`));
    this.stream.on('error', (error) => (this.failure ??= error));
  }

  async write(chunk: string): Promise<void> {
    if (this.failure) throw this.failure;
    if (!this.stream.write(chunk)) await once(this.stream, 'drain'); // rejects if the server refuses a row meanwhile
  }

  /** Ends the COPY; resolves once the server has stored every row. */
  async end(): Promise<void> {
    if (this.failure) throw this.failure;
    this.stream.end();
    await finished(this.stream);
  }

  /** Abandons the COPY (the server discards it) unless the server has already refused it. */
  async abandon(error: Error): Promise<void> {
    if (this.failure || this.stream.destroyed) return;
    this.stream.destroy(error); // sends CopyFail; the stream closes once the server has answered
    await finished(this.stream).catch(() => {});
  }
}

/** Where the fast path puts events. A repeated eventId or clientId fails with 23505. */
interface EventSink {
  add(event: PendingEvent): Promise<void>;
  /** Stores everything added so far, leaving the connection free for another statement. */
  drain(): Promise<void>;
  /** After a failure: stops and waits until the connection can take the rollback. */
  abandon(error: Error): Promise<void>;
  /** Events stored by completed drains. */
  readonly stored: number;
}

/** COPY into child_event (server): rows stream to the server as lines are validated. */
class CopySink implements EventSink {
  private copy: EventCopy | undefined;
  private chunk = '';
  private sent = 0;
  stored = 0;
  constructor(private readonly client: pg.PoolClient, private readonly importBatchId: string) {}

  async add(event: PendingEvent): Promise<void> {
    this.copy ??= new EventCopy(this.client);
    this.chunk += copyLine(event, this.importBatchId);
    this.sent += 1;
    if (this.chunk.length >= COPY_CHUNK) {
      const chunk = this.chunk;
      this.chunk = '';
      await this.copy.write(chunk);
    }
  }

  async drain(): Promise<void> {
    if (!this.copy) return;
    if (this.chunk.length > 0) {
      const chunk = this.chunk;
      this.chunk = '';
      await this.copy.write(chunk);
    }
    await this.copy.end();
    this.copy = undefined;
    this.stored += this.sent;
    this.sent = 0;
  }

  async abandon(error: Error): Promise<void> {
    await this.copy?.abandon(error);
    this.copy = undefined;
  }
}

/** Plain INSERTs of batches (embedded database): one batch in the database while the next is read. */
class InsertSink implements EventSink {
  private pending: PendingEvent[] = [];
  private inFlight: Promise<void> | undefined;
  stored = 0;
  constructor(private readonly client: pg.PoolClient, private readonly importBatchId: string) {}

  async add(event: PendingEvent): Promise<void> {
    this.pending.push(event);
    if (this.pending.length >= INSERT_BATCH) await this.send();
  }

  private async send(): Promise<void> {
    const batch = this.pending;
    this.pending = [];
    const params = insertParams(batch, this.importBatchId); // ready before the previous batch is done
    await this.settle();
    this.inFlight = this.client.query(insertSql(''), params).then(() => {
      this.stored += batch.length;
    });
    this.inFlight.catch(() => {}); // awaited in settle(); this only keeps a failure from going unhandled meanwhile
  }

  private async settle(): Promise<void> {
    const inFlight = this.inFlight;
    this.inFlight = undefined;
    await inFlight;
  }

  async drain(): Promise<void> {
    if (this.pending.length > 0) await this.send();
    await this.settle();
  }

  async abandon(): Promise<void> {
    await this.inFlight?.catch(() => {});
    this.inFlight = undefined;
  }
}

/**
 * The fast path: validates the file and puts its events into `sink` as it reads. Reference lines
 * (teams, workers, population) are written as they come: what the sink holds is stored first, as
 * only one statement at a time can use the connection.
 */
async function storeEvents(client: pg.PoolClient, settings: ImportSettings, run: Run, sink: EventSink): Promise<void> {
  const referenceRecords = new ReferenceRecordWriter();
  try {
    for await (const checked of checkedLines(settings, run)) {
      if (checked.kind === 'bad') {
        reportBadLine(run, checked);
      } else if (checked.kind === 'reference') {
        await sink.drain();
        for (const p of await referenceRecords.add(client, checked.value)) report(run, { line: checked.line, ...p });
      } else {
        await sink.add(checked.event);
      }
    }
    await sink.drain();
  } catch (error) {
    await sink.abandon(error as Error);
    throw error;
  }
  await referenceRecords.flush(client);
  run.events += sink.stored;
}

// ---------------------------------------------------------------------------------------------
// Writing events naming every repeated eventId or clientId: INSERT … ON CONFLICT DO NOTHING

/**
 * Inserts the file's events batch by batch, reporting every line whose eventId or clientId is
 * already recorded (or repeats an earlier line's). One batch is in the database while the next
 * lines are read and validated; problems are still reported in the order one batch at a time
 * would find them (a batch's repeated ids before the problems of the lines read after it).
 */
async function insertEventsNamingRepeats(client: pg.PoolClient, settings: ImportSettings, run: Run): Promise<void> {
  const referenceRecords = new ReferenceRecordWriter();
  let pending: PendingEvent[] = [];
  let inFlight: { batch: PendingEvent[]; result: Promise<number[]> } | undefined;
  /** Problems of lines read while a batch was in flight, reported once its repeated ids are. */
  let deferred: ImportProblem[] = [];

  const settle = async () => {
    if (!inFlight) return;
    const { batch, result } = inFlight;
    inFlight = undefined;
    const duplicates = await result;
    for (const line of duplicates) report(run, { line, field: 'eventId', message: 'An event with this eventId or clientId is already recorded' });
    run.events += batch.length - duplicates.length;
    for (const problem of deferred) report(run, problem);
    deferred = [];
  };
  const send = () => {
    const batch = pending;
    pending = [];
    const result = insertEvents(client, batch, settings.importBatchId);
    result.catch(() => {}); // awaited in settle(); this only keeps an early failure from going unhandled
    inFlight = { batch, result };
  };

  try {
    for await (const checked of checkedLines(settings, run)) {
      if (checked.kind === 'bad') {
        reportBadLine(run, checked, (problem) => (inFlight ? deferred.push(problem) : report(run, problem)));
      } else if (checked.kind === 'reference') {
        await settle(); // one statement at a time on the connection
        for (const p of await referenceRecords.add(client, checked.value)) report(run, { line: checked.line, ...p });
      } else {
        pending.push(checked.event);
        if (pending.length >= INSERT_BATCH) {
          await settle();
          send();
        }
      }
    }
    await settle();
    if (pending.length > 0) send();
    await settle();
  } finally {
    // On an error, let the batch in flight finish before the caller rolls back on this connection.
    if (inFlight) await inFlight.result.catch(() => {});
  }
  await referenceRecords.flush(client);
}

/** INSERT … SELECT FROM unnest of a batch, in file order, followed by `conflict`. */
const insertSql = (conflict: string) => `INSERT INTO child_event (${eventColumns})
   SELECT la_code, event_id, child_id, event_type, occurred_at, occurred_on, recorded_at, recorded_by_user, recorded_by_role,
          recorded_by_agency, client_id, supersedes, correction_reason, data::jsonb, $15, import_line
     FROM unnest($1::text[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::date[], $7::timestamptz[], $8::text[], $9::text[],
                 $10::text[], $11::text[], $12::uuid[], $13::text[], $14::text[], $16::int[])
       AS e(la_code, event_id, child_id, event_type, occurred_at, occurred_on, recorded_at, recorded_by_user, recorded_by_role,
            recorded_by_agency, client_id, supersedes, correction_reason, data, import_line)
    ORDER BY import_line ${conflict}`;

/** A PostgreSQL array literal of text values, e.g. {"a","b\"c",NULL}. */
const arrayLiteral = (values: readonly (string | null)[]) =>
  `{${values.map((v) => (v === null ? 'NULL' : `"${v.replace(/[\\"]/g, '\\$&')}"`)).join(',')}}`;

/** The parameters of insertSql for a batch, as array literals (built here rather than by pg on sending). */
function insertParams(batch: readonly PendingEvent[], importBatchId: string): string[] {
  const column = (value: (e: PendingEvent) => string | null) => arrayLiteral(batch.map(value));
  return [
    column((e) => e.laCode), column((e) => e.eventId), column((e) => e.childId), column((e) => e.type), column((e) => e.occurredAt),
    column((e) => e.occurredOn), column((e) => e.recordedAt), column((e) => e.recordedBy.userId), column((e) => e.recordedBy.role),
    column((e) => e.recordedBy.agency), column((e) => e.clientId), column((e) => e.supersedes), column((e) => e.correctionReason),
    column((e) => JSON.stringify(e.data)), importBatchId, `{${batch.map((e) => e.line).join(',')}}`,
  ];
}

/** Inserts a batch of events in file order; answers the lines whose eventId or clientId already exists. */
async function insertEvents(client: pg.PoolClient, batch: PendingEvent[], importBatchId: string): Promise<number[]> {
  const inserted = await client.query(insertSql('ON CONFLICT DO NOTHING RETURNING import_line'), insertParams(batch, importBatchId));
  if (inserted.rowCount === batch.length) return [];
  const insertedLines = new Set(inserted.rows.map((row) => Number(row.import_line)));
  return batch.map((event) => event.line).filter((line) => !insertedLines.has(line));
}

// ---------------------------------------------------------------------------------------------
// Folding

/** Folds every child the import touched (see fold-children.ts), each line's problems reported against it. */
async function foldImportedChildren(
  client: pg.PoolClient,
  importBatchId: string,
  folder: BatchFolder,
  batchChildren: number,
  report: (problem: ImportProblem) => void,
  childrenWithBadLines: ReadonlySet<string>,
  onProgress: (done: number, total: number) => void,
): Promise<number> {
  await client.query(
    `CREATE TEMP TABLE ${AFFECTED_CHILDREN} ON COMMIT DROP AS
       SELECT DISTINCT la_code, child_id FROM child_event WHERE import_batch_id = $1`,
    [importBatchId],
  );
  return foldAffectedChildren(client, { importBatchId, folder, batchChildren, report, childrenWithBadLines, onProgress });
}

/**
 * Audits the write of every child the import touched. Last, just before the commit: appending
 * to the audit chain holds its head until the transaction ends, and everyone else's audited
 * reads wait for it meanwhile.
 */
async function auditImportedChildren(client: pg.PoolClient, context: RequestContext, detail: { importBatchId: string; file: string; events: number }): Promise<void> {
  const affected = await client.query<{ la_code: string; child_ids: string[] }>(
    `SELECT la_code, array_agg(child_id ORDER BY child_id) AS child_ids FROM ${AFFECTED_CHILDREN} GROUP BY la_code ORDER BY la_code`,
  );
  for (const { la_code: laCode, child_ids: childIds } of affected.rows) {
    await writeAuditForChildren(client, {
      laCode, actor: context.actor, correlationId: context.correlationId, action: 'write', resource: 'child-record:import',
      outcome: 'ok', detail: { ...detail, children: childIds.length },
    }, childIds);
  }
}

/** Each kind's whole line: its record name, the council's code and its fields. */
const referenceLineSchemas = new Map(referenceRecords.map((kind) => [kind.record, z.object({ record: z.literal(kind.record), laCode: LaCode }).and(kind.schema)]));

/** "a, b or c" */
const oneOf = (names: readonly string[]) => (names.length > 1 ? `${names.slice(0, -1).join(', ')} or ${names.at(-1)}` : names.join(''));

const isReferenceRecord = (value: unknown): boolean => typeof value === 'object' && value !== null && 'record' in value;

/** Reference lines held until they are written in a batch (or a line of a kind written after them comes). */
class ReferenceRecordWriter {
  private readonly pending = new Map<ReferenceRecord, ReferenceLine<object>[]>();
  private held = 0;

  async add(client: pg.PoolClient, value: unknown): Promise<FieldProblem[]> {
    const record = (value as { record: unknown }).record;
    const kind = referenceRecords.find((k) => k.record === record);
    if (!kind) return [{ field: 'record', message: `A reference line is a ${oneOf(referenceRecords.map((k) => k.record))} record` }];
    const parsed = referenceLineSchemas.get(kind.record)!.safeParse(value);
    if (!parsed.success) return problemsFromIssues(parsed.error.issues);
    // E.g. a worker's team must be written first.
    for (const earlier of kind.writtenAfter ?? []) await this.write(client, referenceRecords.find((k) => k.record === earlier)!);
    let lines = this.pending.get(kind);
    if (!lines) this.pending.set(kind, (lines = []));
    lines.push(parsed.data as ReferenceLine<object>);
    this.held += 1;
    if (this.held >= 2000) await this.flush(client);
    return [];
  }

  private async write(client: pg.PoolClient, kind: ReferenceRecord): Promise<void> {
    const lines = this.pending.get(kind);
    if (!lines) return;
    this.pending.delete(kind);
    this.held -= lines.length;
    await kind.write(client, lines);
  }

  async flush(client: pg.PoolClient): Promise<void> {
    for (const kind of referenceRecords) await this.write(client, kind);
  }
}
