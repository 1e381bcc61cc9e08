import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { awaitingChainSql, writeAudit, type AuditEntry } from '../platform/audit/audit.ts';
import { prepared } from '../platform/database/prepared.ts';
import { sqlLiteral } from '../platform/database/sql-literal.ts';
import { commitWith, inlineParameters, withTransaction, type Database, type Opening } from '../platform/database/database.ts';
import { DomainError } from '../platform/errors.ts';
import { longDateOf } from '../platform/calendar/calendar.ts';
import { computeDuties, type Duty } from '../timescales/engine.ts';
import type { Timescales } from '../timescales/timescales.ts';
import type { EventBody, RecordEventCommand } from './events.ts';
import type { RequestContext } from '../platform/request-context.ts';
import { businessDateOf, FoldError, foldAppended, foldChildRecord, type FoldedChildRecord, type LoggedEvent } from './fold.ts';
import type { DomainModule } from '../modules/domain-module.ts';
import { domainModules } from '../modules/registry.ts';
import type { Queryable } from './check-before-write.ts';
import { changeProjectionsSql, projectionRowTextsOf, projectionTables, type ProjectionRowTexts } from './projections.ts';
import { allowedActions, eventNounOf } from './transitions.ts';
import { eventDateProblems } from './event-dates.ts';
import type { StoredEvent } from './stored-event.ts';
import { childLogCacheOf, dutiesOfFold, foldOf, keepWritten, projectionRowsOfFold, type LogFingerprint } from './log-cache.ts';
import { isPartnerAgency, visibleChildCondition } from '../access/policy.ts';

export type { StoredEvent, Timescales };

/**
 * Which view of a record the reader is given, decided here from their grant: the whole record, or
 * a partner agency's view of a record shared with it (record/partner-view.ts).
 */
export type RecordView = { kind: 'whole' } | { kind: 'partner'; agency: string };

interface ChildAsRead {
  visibility: Visibility | undefined;
  /** What the database holds of the log: its number of events and last sequence. */
  fingerprint: LogFingerprint;
  events: readonly StoredEvent[];
  replay?: StoredEvent;
  nextSequence?: number;
}

const eventColumns = `event_id, sequence, child_id, event_type, occurred_at, recorded_at, recorded_by_user, recorded_by_role,
  recorded_by_agency, client_id, supersedes, correction_reason, data, import_batch_id, import_line, la_code`;

export function storedEventFromRow(row: Record<string, unknown>): StoredEvent {
  const event = {
    eventId: row.event_id,
    sequence: Number(row.sequence),
    laCode: row.la_code,
    childId: row.child_id,
    type: row.event_type,
    occurredAt: row.occurred_at,
    // A Date from a row, an ISO string from a row read as JSON.
    recordedAt: new Date(row.recorded_at as Date | string).toISOString(),
    recordedBy: { userId: row.recorded_by_user, role: row.recorded_by_role, agency: row.recorded_by_agency },
    clientId: row.client_id,
    data: row.data,
  } as StoredEvent;
  if (row.supersedes) Object.assign(event, { supersedes: row.supersedes, correctionReason: row.correction_reason });
  if (row.import_batch_id) Object.assign(event, { importBatchId: row.import_batch_id, importLine: row.import_line });
  return event;
}

/** An event as its row reads back from child_event, so that storedEventFromRow gives what a read would. */
function rowOf(event: StoredEvent): Record<string, unknown> {
  return {
    event_id: event.eventId, sequence: event.sequence, la_code: event.laCode, child_id: event.childId, event_type: event.type, occurred_at: event.occurredAt,
    recorded_at: event.recordedAt, recorded_by_user: event.recordedBy.userId, recorded_by_role: event.recordedBy.role, recorded_by_agency: event.recordedBy.agency,
    client_id: event.clientId, data: event.data, supersedes: event.supersedes ?? null, correction_reason: event.correctionReason ?? null,
  };
}

/** Whether the actor may see a child (see visibleChildCondition), as assertVisible and readChild read it. */
interface Visibility { visible: boolean; in_scope: boolean; restricted: boolean }

/**
 * The INSERT of one event into the log, with its values as literals (sent with other statements):
 * with the sequence given, or numbered by the log and returned.
 */
function insertEventSql(event: StoredEvent, sequence: 'given' | 'by-insert'): string {
  const values = [event.laCode, event.eventId, event.childId, event.type, event.occurredAt, businessDateOf(event.occurredAt), event.recordedAt,
    event.recordedBy.userId, event.recordedBy.role, event.recordedBy.agency, event.clientId, event.supersedes ?? null, event.correctionReason ?? null,
    JSON.stringify(event.data)].map(sqlLiteral);
  const columns = `la_code, event_id, child_id, event_type, occurred_at, occurred_on, recorded_at, recorded_by_user,
      recorded_by_role, recorded_by_agency, client_id, supersedes, correction_reason, data`;
  return sequence === 'given'
    ? `INSERT INTO child_event (${columns}, sequence) OVERRIDING SYSTEM VALUE VALUES (${values.join(', ')}, ${Number(event.sequence)})`
    : `INSERT INTO child_event (${columns}) VALUES (${values.join(', ')}) RETURNING sequence`;
}

type EventCheck = (db: Queryable, event: RecordEventCommand & { occurredOn: string; childId: string }, context: RequestContext) => Promise<void>;

/** Every module's checks of an event against reference data before it is written, by event type. */
const checksBeforeWrite = new Map<string, EventCheck[]>();
for (const module of domainModules as readonly DomainModule[]) {
  for (const [type, check] of Object.entries(module.checksBeforeWrite?.event ?? {})) {
    checksBeforeWrite.set(type, [...(checksBeforeWrite.get(type) ?? []), check as EventCheck]);
  }
}

/** The projection rows of a child not yet on record. */
const noProjectionRows: ProjectionRowTexts = Object.fromEntries(projectionTables.map((table) => [table, new Map()]));

/** A write made ready to send: the event, the record folded with it, and its statements. */
interface PreparedWrite {
  event: StoredEvent;
  folded: FoldedChildRecord;
  duties: Duty[];
  rows: ProjectionRowTexts;
  statements: string[];
}

export interface RecordEventOptions {
  /**
   * Writes rows of the caller's own that belong with the event (a document's file), in the event's
   * transaction, before the event itself: both are committed, or neither. Not called when the
   * command's clientId was used before (the event, and what was written with it, is already there).
   */
  alongside?: (client: pg.PoolClient, event: StoredEvent) => Promise<void>;
}

export interface RecordedEvent {
  event: StoredEvent;
  replayed: boolean;
  folded: FoldedChildRecord;
}

/**
 * A write sent ahead found the database other than expected (safeguard_expect), or the clientId
 * already used (the unique key on it): nothing was written.
 */
function isUnmetExpectation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'SG001' || (code === '23505' && String((error as { constraint?: unknown }).constraint ?? '').includes('client_id'));
}

/** Duties for one child's folded record; the engine sees each event under the id others refer to it by. */
export function dutiesOf(folded: FoldedChildRecord, timescales: Timescales): Duty[] {
  const timed = folded.effectiveEvents.map((event) => ({
    eventId: event.entityId,
    childId: folded.state.childId,
    type: event.type,
    occurredAt: event.occurredAt,
    data: event.data as Record<string, unknown>,
  }));
  return computeDuties(timed, timescales.rules, timescales.calendar);
}

/**
 * The data-access layer for children's records, bound to one request's actor. Every read and
 * write of a child's record goes through here and is audited here, refused ones included.
 */
export class ChildRecordRepository {
  constructor(
    private readonly db: Database,
    private readonly context: RequestContext,
    private readonly timescales: Timescales,
  ) {}

  private auditEntry(entry: Omit<AuditEntry, 'laCode' | 'actor' | 'correlationId'>): AuditEntry {
    return { laCode: this.context.laCode, actor: this.context.actor, correlationId: this.context.correlationId, ...entry };
  }

  private audit(client: Pick<pg.PoolClient, 'query'>, entry: Omit<AuditEntry, 'laCode' | 'actor' | 'correlationId'>) {
    return writeAudit(client, this.auditEntry(entry));
  }

  /** Which view of records the actor is given (see RecordView). */
  recordView(): RecordView {
    return isPartnerAgency(this.context.access) ? { kind: 'partner', agency: this.context.access!.agency } : { kind: 'whole' };
  }

  /**
   * The child's whole log and the record folded from it, with the view the actor is to be given
   * of them; not_found when the child is unknown.
   */
  async getChildRecord(childId: string): Promise<{ events: readonly StoredEvent[]; folded: FoldedChildRecord; duties: readonly Duty[]; view: RecordView }> {
    return this.refusalsAudited('child-record', childId, async () => {
      // Whether the actor may see the child and the child's log, in one round trip.
      const { visibility, events } = await this.readChild(this.db.pool, childId);
      this.refuseUnlessVisible(childId, visibility);
      if (events.length === 0) throw DomainError.notFound(`No child with LA child id ${childId}`, 'childId');
      const folded = foldOf(this.context.laCode, childId, events);
      const view = this.recordView();
      await this.audit(this.db.pool, { action: 'read', resource: 'child-record', childId, outcome: 'ok', detail: { events: events.length, view: view.kind } });
      return { events, folded, duties: this.keptDutiesOf(folded), view };
    });
  }

  /**
   * Refuses a child the actor may not see, as a read of their record would be refused, audited as
   * a refusal of `resource` (e.g. a list of the child's related children).
   */
  async assertMaySee(childId: string, resource: string): Promise<void> {
    await this.refusalsAudited(resource, childId, () => this.assertVisible(this.db.pool, childId));
  }

  /**
   * Appends one event to a child's log if the record, with it, still folds: the transition table
   * and date rules hold for every event in business order. A repeated clientId returns the event
   * already recorded and writes nothing.
   */
  async recordEvent(childId: string, command: RecordEventCommand, options: RecordEventOptions = {}): Promise<RecordedEvent> {
    return this.refusalsAudited(`child-event:${command.type}`, childId, async () => {
      if (this.context.access && !this.context.access.records) {
        throw new DomainError('forbidden', `A ${this.context.access.role} does not record on children's records`);
      }
      // Nothing recorded can have happened after today (in England), nor a child be born before the record could hold them.
      const dateProblems = eventDateProblems(command);
      if (dateProblems.length > 0) throw DomainError.invalid(dateProblems, dateProblems.map((problem) => problem.message).join('. '));
      // What the event names outside the record must exist (a child allocated to a team or worker
      // that does not would be hidden from their managers).
      for (const check of checksBeforeWrite.get(command.type) ?? []) {
        await check(this.db.pool, { ...command, occurredOn: businessDateOf(command.occurredAt), childId }, this.context);
      }
      // A write with rows of its own alongside the event goes the long way, which can send them.
      if (options.alongside) return this.writeEvent(childId, command, undefined, options.alongside);
      const attempt = { wentAhead: false };
      try {
        return await this.writeEvent(childId, command, attempt);
      } catch (error) {
        // The log kept here was out of date, the child not visible or the clientId used before:
        // the write rolled back, and is made again from the record as the database holds it.
        if (attempt.wentAhead && isUnmetExpectation(error)) return this.writeEvent(childId, command);
        throw error;
      }
    });
  }

  /**
   * One writer per child at a time (the lock), so two commands cannot both pass the fold and then
   * conflict. When this process keeps the child's log (the usual case: it read or wrote the record
   * last), the write is built from it and sent with BEGIN, the lock, a check that the log and the
   * child's visibility are as expected, and COMMIT: one round trip. Otherwise two: BEGIN with the
   * lock and what the write needs to know; then the write with its projections, audit row and COMMIT.
   */
  private writeEvent(childId: string, command: RecordEventCommand, attempt?: { wentAhead: boolean }, alongside?: RecordEventOptions['alongside']): Promise<RecordedEvent> {
    // Both made when this write's turn comes, so that it starts from the log a write just before it kept.
    let read: ReturnType<ChildRecordRepository['readChildQuery']> | undefined;
    let ahead: PreparedWrite & { fingerprint: LogFingerprint; events: readonly StoredEvent[] } | undefined;
    const opening = (client: pg.PoolClient): Opening => {
      const kept = attempt && childLogCacheOf(this.db.pool).find(this.context.laCode, childId);
      if (kept && kept.events > 0 && kept.lastSequence !== null && !kept.log.some((e) => e.clientId === command.clientId)) {
        ahead = this.prepareAhead(client, childId, command, kept);
        if (ahead) {
          attempt!.wentAhead = true;
          return { writeAndCommit: ahead.statements.join(';\n') };
        }
      }
      read = this.readChildQuery(childId, { clientId: command.clientId });
      return { read: inlineParameters(read.text, read.values) };
    };
    return withTransaction(this.db.pool, async (client, opened) => {
      if (ahead) {
        // The results: the expectation, then the event's INSERT, which numbered it.
        const sequence = Number(opened!.results[1]!.rows[0]!.sequence);
        return this.keepWrite(childId, ahead, sequence, ahead.fingerprint, ahead.events);
      }
      const known = read!.parse(opened!.results[0]!.rows[0]!);
      // A new child may be registered by anyone who records; an existing record only within scope.
      if (command.type !== 'child.registered' || known.events.length > 0) this.refuseUnlessVisible(childId, known.visibility);
      if (known.replay) {
        const event = known.replay;
        if (event.childId !== childId || event.type !== command.type) {
          // Naming the other record's child (or what was recorded there) would tell someone who
          // may not see that child that it exists: the answer names nothing but the clientId.
          throw new DomainError('conflict', `clientId ${command.clientId} was already used for a different command: use a new one`, { problems: [{ field: 'clientId', message: 'Already used for a different command' }] });
        }
        return { event, replayed: true, folded: foldOf(this.context.laCode, childId, known.events) };
      }
      const { events } = known;
      if (events.length === 0 && command.type !== 'child.registered') {
        throw DomainError.notFound(`No child with LA child id ${childId}`, 'childId');
      }
      const prepared = this.prepareWrite(client, childId, command, events, known.nextSequence!);
      await alongside?.(client, prepared.event);
      await commitWith(client, prepared.statements.join(';\n'));
      return this.keepWrite(childId, prepared, known.nextSequence!, known.fingerprint, events);
    }, { advisoryLock: `${this.context.laCode}:${childId}`, opening });
  }

  /**
   * The write of a command onto the log kept by this process, with what it expects of the database
   * first; undefined when the command does not fold onto the kept log (the long way then reads the
   * record, and refuses with what the database holds, as the actor may see it).
   */
  private prepareAhead(client: pg.PoolClient, childId: string, command: RecordEventCommand, kept: LogFingerprint & { log: readonly StoredEvent[] }) {
    let prepared: PreparedWrite;
    try {
      // Numbered by the INSERT; any number after the log's last orders the fold the same.
      prepared = this.prepareWrite(client, childId, command, kept.log, kept.lastSequence! + 1, { numberedByInsert: true });
    } catch (error) {
      if (error instanceof DomainError) return undefined;
      throw error;
    }
    const laCode = this.context.laCode;
    const condition = visibleChildCondition(this.context.access, 'c', 3);
    const visible = inlineParameters(`SELECT ${condition.sql} FROM child c WHERE c.la_code = $1 AND c.child_id = $2`, [laCode, childId, ...condition.params]);
    const current = inlineParameters('SELECT count(*) = $3 AND max(sequence) = $4 FROM child_event WHERE la_code = $1 AND child_id = $2', [laCode, childId, kept.events, kept.lastSequence]);
    const expectation = `SELECT safeguard_expect((${current}) AND coalesce((${visible}), false), 'the log as this process keeps it, and the child visible to the actor')`;
    return { ...prepared, statements: [expectation, ...prepared.statements], fingerprint: { events: kept.events, lastSequence: kept.lastSequence }, events: kept.log };
  }

  /**
   * The event a command records on `events`, the record folded with it, and the statements that
   * write it: the event, the projection rows it changes, its audit row. Throws the refusal when
   * the record does not fold with it.
   */
  private prepareWrite(
    client: pg.PoolClient, childId: string, command: RecordEventCommand, events: readonly StoredEvent[], sequence: number,
    options: { numberedByInsert?: boolean } = {},
  ): PreparedWrite {
    const candidate = { ...command, eventId: randomUUID(), sequence, recordedAt: new Date().toISOString() } as LoggedEvent;
    const folded = this.foldWithCandidate(childId, events, candidate);
    // The fold fills in references left implicit (e.g. which contact a decision is about).
    const resolved = folded.effectiveEvents.find((e) => e.eventId === candidate.eventId);
    const event: StoredEvent = {
      ...candidate, laCode: this.context.laCode, childId, recordedBy: this.context.actor, data: (resolved?.data ?? candidate.data) as EventBody['data'],
    } as StoredEvent;
    const duties = dutiesOf(folded, this.timescales);
    const rows = projectionRowTextsOf(folded, duties);
    // Only the rows the event changes are rewritten: the rest are as the log before it left them.
    const foldedBefore = events.length > 0 ? foldOf(this.context.laCode, childId, events) : undefined;
    const before = foldedBefore ? projectionRowsOfFold(foldedBefore, this.timescales, this.keptDutiesOf(foldedBefore)) : noProjectionRows;
    const statements = [
      insertEventSql(event, options.numberedByInsert ? 'by-insert' : 'given'),
      changeProjectionsSql(this.context.laCode, childId, before, rows),
      awaitingChainSql(client, this.auditEntry({ action: 'write', resource: `child-event:${command.type}`, childId, outcome: 'ok', detail: { eventId: event.eventId } })),
    ].filter((statement) => statement !== '');
    return { event, folded, duties, rows, statements };
  }

  /**
   * After the commit: the event as stored (with the number the log gave it), and its log kept with
   * the record and duties folded from it, for the next read or write of the child.
   */
  private keepWrite(childId: string, prepared: PreparedWrite, sequence: number, before: LogFingerprint, events: readonly StoredEvent[]): RecordedEvent {
    const { folded, duties, rows } = prepared;
    const event = { ...prepared.event, sequence } as StoredEvent;
    const effective = folded.effectiveEvents.find((e) => e.eventId === event.eventId);
    // A correction keeps the place (the sequence) of the event it corrects: only a new event takes the number the log gave it.
    if (effective && effective.entityId === effective.eventId) effective.sequence = sequence;
    keepWritten(this.db.pool, this.context.laCode, childId, {
      events: before.events + 1, lastSequence: Math.max(before.lastSequence ?? sequence, sequence),
    }, [...events, storedEventFromRow(rowOf(event))], folded, this.timescales, duties, rows);
    return { event, replayed: false, folded };
  }

  /** A record's duties, worked out once for a kept record (see log-cache). */
  private keptDutiesOf(folded: FoldedChildRecord): readonly Duty[] {
    return dutiesOfFold(folded, this.timescales, () => dutiesOf(folded, this.timescales));
  }

  /** Whether the actor may see the child and the child's log, in one round trip. */
  private async readChild(db: Pick<pg.PoolClient, 'query'>, childId: string): Promise<ChildAsRead> {
    const read = this.readChildQuery(childId);
    // Prepared: every read of a record runs one of a few texts (one per scope of access).
    return read.parse((await db.query(prepared(read.text, read.values))).rows[0]!);
  }

  /**
   * One statement: whether the actor may see the child, the child's log (unless the copy this
   * process keeps is current) and, for a write (under the child's lock), an event already recorded
   * under the command's clientId and the new event's sequence.
   */
  private readChildQuery(childId: string, write?: { clientId: string }): { text: string; values: unknown[]; parse: (row: Record<string, unknown>) => ChildAsRead } {
    const cache = childLogCacheOf(this.db.pool);
    const kept = cache.find(this.context.laCode, childId);
    const condition = visibleChildCondition(this.context.access, 'c', write ? 4 : 3);
    const keptAt = 3 + (write ? 1 : 0) + condition.params.length;
    // The log's events are aggregated only when the copy kept is not current (an InitPlan runs only when used).
    const text = `WITH log AS (SELECT count(*) AS events, max(sequence) AS last_sequence FROM child_event WHERE la_code = $1 AND child_id = $2)
       SELECT
         (SELECT json_build_object('visible', ${condition.sql}, 'in_scope', ${condition.inScopeSql}, 'restricted', ${condition.restrictedSql})
            FROM child c WHERE c.la_code = $1 AND c.child_id = $2) AS visibility,
         log.events, log.last_sequence,
         CASE WHEN log.events = $${keptAt}::bigint AND log.last_sequence IS NOT DISTINCT FROM $${keptAt + 1}::bigint THEN NULL
              ELSE (SELECT coalesce(json_agg(e ORDER BY e.sequence), '[]') FROM (SELECT ${eventColumns} FROM child_event WHERE la_code = $1 AND child_id = $2) e)
         END AS log
         ${write ? `, (SELECT row_to_json(e) FROM (SELECT ${eventColumns} FROM child_event WHERE la_code = $1 AND client_id = $3) e) AS replay,
         nextval(pg_get_serial_sequence('child_event', 'sequence')) AS next_sequence` : ''}
       FROM log`;
    const values = [this.context.laCode, childId, ...(write ? [write.clientId] : []), ...condition.params, kept?.events ?? -1, kept?.lastSequence ?? null];
    const parse = (row: Record<string, unknown>): ChildAsRead => {
      const fingerprint = { events: Number(row.events), lastSequence: row.last_sequence === null ? null : Number(row.last_sequence) };
      const events = row.log === null ? kept!.log : cache.keep(this.context.laCode, childId, fingerprint, (row.log as Record<string, unknown>[]).map(storedEventFromRow));
      return {
        visibility: (row.visibility as Visibility | null) ?? undefined,
        fingerprint,
        events,
        ...(write ? { replay: row.replay ? storedEventFromRow(row.replay as Record<string, unknown>) : undefined, nextSequence: Number(row.next_sequence) } : {}),
      };
    };
    return { text, values, parse };
  }

  private foldWithCandidate(childId: string, events: readonly StoredEvent[], candidate: LoggedEvent): FoldedChildRecord {
    try {
      // Usually the new event is the latest: it is applied to (a copy of) the record as folded already.
      const appended = events.length > 0 ? foldAppended(foldOf(this.context.laCode, childId, events), candidate) : undefined;
      return appended ?? foldChildRecord(this.context.laCode, childId, [...(events as readonly LoggedEvent[]), candidate]);
    } catch (error) {
      if (error instanceof FoldError && error.eventId !== candidate.eventId) {
        // The new event is fine on its own date but breaks something recorded later; a correction,
        // folded in the place of what it corrects, may break any event after that place.
        const broken = events.find((e) => e.eventId === error.eventId);
        const what = `${candidate.supersedes !== undefined ? '' : 'later '}${broken ? eventNounOf(broken.type).replace(/^the /, '') : 'entry'}${broken ? ` on ${longDateOf(broken.occurredAt)}` : ''}`;
        const doing = candidate.supersedes !== undefined ? 'correct this' : 'record this';
        throw new DomainError(error.code, `You cannot ${doing}: it would leave the ${what} without what it needs. ${error.message}`, {
          problems: [{ field: candidate.supersedes !== undefined ? 'supersedes' : 'occurredAt', message: error.message }],
          details: { ...error.details, conflictingEventId: error.eventId },
        });
      }
      // A correction is checked in the place of what it corrects, not as a new action now.
      if (error instanceof FoldError && error.code === 'conflict' && events.length > 0 && candidate.supersedes === undefined) {
        // Allowed now but not on the date given: the date is what is wrong (e.g. an assessment dated before its referral).
        const current = foldOf(this.context.laCode, childId, events);
        if ((allowedActions(current.state) as string[]).includes(candidate.type)) {
          throw new DomainError('invalid', error.message, { problems: [{ field: 'occurredAt', message: error.message }], details: error.details });
        }
      }
      throw error;
    }
  }

  /**
   * Refuses a child outside the actor's scope as if there were no such child (so scope does not
   * reveal who exists); a restricted record within scope is refused as restricted, so the actor
   * can break the glass.
   */
  private async assertVisible(client: Pick<pg.PoolClient, 'query'>, childId: string): Promise<void> {
    if (!this.context.access) return;
    const condition = visibleChildCondition(this.context.access, 'c', 3);
    const result = await client.query(
      `SELECT ${condition.sql} AS visible, ${condition.inScopeSql} AS in_scope, ${condition.restrictedSql} AS restricted
         FROM child c WHERE c.la_code = $1 AND c.child_id = $2`,
      [this.context.laCode, childId, ...condition.params],
    );
    this.refuseUnlessVisible(childId, result.rows[0]);
  }

  private refuseUnlessVisible(childId: string, visibility: Visibility | undefined): void {
    if (!this.context.access || visibility?.visible) return;
    if (visibility?.in_scope && visibility.restricted) {
      throw new DomainError('forbidden', `The record of ${childId} is restricted: to open it, break the glass and give your reason`, {
        details: { restricted: true, childId },
      });
    }
    throw DomainError.notFound(`No child with LA child id ${childId}`, 'childId');
  }

  /** Runs `work`; a domain refusal is audited (outside the rolled-back transaction) and rethrown. */
  private async refusalsAudited<T>(resource: string, childId: string | undefined, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (error instanceof DomainError) {
        await this.audit(this.db.pool, { action: 'refused', resource, childId, outcome: error.code, detail: { message: error.message } });
      }
      throw error;
    }
  }
}
