/**
 * Merging a child's duplicate record into the surviving one, and undoing it.
 *
 * Why this design: the event log is append-only and each child's record is the fold of their own
 * log, so a merge moves nothing and deletes nothing. Instead:
 *
 * - Every event that counts on the duplicate's record (its registration aside: the surviving
 *   record keeps its own) is COPIED onto the surviving record as a new event, in business order,
 *   recorded by the manager merging, with references between them (a decision naming its contact)
 *   turned to the copies. Where each copy came from (the duplicate and the event there) is kept in
 *   child_merge_copied_event (migration 0031). The surviving record is folded with the copies
 *   before anything is written: if they do not fit (two open referrals at once) the merge is
 *   refused, naming the event, and nothing changes.
 * - The duplicate gets a `child.merged-into` event naming the surviving record. A record merged
 *   away projects nothing (record/transitions.ts, isRegisteredChild): it is in no list, search,
 *   figure, due list or scope, so nothing is counted twice; its log is kept whole, and it answers
 *   only where it went (GET /api/v1/children/{childId}/merges).
 * - Undoing a merge voids the copies on the surviving record (each void with the reason), records
 *   `child.merge-reversed` on both records, and the duplicate projects again as it was.
 *
 * Both merge events are written only from here (people's checksBeforeWrite refuses them through
 * the events API): they change what a record is, not what happened to the child. Who may merge:
 * those with the 'merge-records' capability (team and service managers) who may see both records.
 * Every step is audited.
 */
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { assertCapability } from '../../access/policy.ts';
import { writeAudit } from '../../platform/audit/audit.ts';
import type { Database } from '../../platform/database/database.ts';
import { DomainError } from '../../platform/errors.ts';
import type { RequestContext } from '../../platform/request-context.ts';
import type { RecordEventCommand } from '../../record/events.ts';
import { foldChildRecord, type LoggedEvent } from '../../record/fold.ts';
import type { ChildRecordRepository } from '../../record/repo.ts';
import type { ChildMerges, MergeOut } from './read-model.ts';

/** The record events a merge leaves where they are: the duplicate's registration, and merges themselves. */
const notCopied = new Set(['child.registered', 'child.merged-into', 'child.merge-reversed']);

type Records = Pick<ChildRecordRepository, 'getChildRecord' | 'recordEvent'>;

/** Turns every string in `data` that is a key of `ids` into its value (references between copied events). */
function withReferencesTo<T>(data: T, ids: ReadonlyMap<string, string>): T {
  if (typeof data === 'string') return (ids.get(data) ?? data) as T;
  if (Array.isArray(data)) return data.map((item) => withReferencesTo(item, ids)) as T;
  if (data !== null && typeof data === 'object') return Object.fromEntries(Object.entries(data).map(([key, value]) => [key, withReferencesTo(value, ids)])) as T;
  return data;
}

export class MergeService {
  /** `recordsFor`: a repository of children's records for a context (the actor's, or trusted for the merge events). */
  constructor(private readonly db: Database, private readonly context: RequestContext, private readonly recordsFor: (context: RequestContext) => Records) {}

  private audit(client: Pick<pg.PoolClient, 'query'>, childId: string, resource: string, detail: Record<string, unknown>) {
    return writeAudit(client, { laCode: this.context.laCode, actor: this.context.actor, correlationId: this.context.correlationId, action: 'write', resource, childId, outcome: 'ok', detail });
  }

  /** Written with the actor's name on it, past the events API's refusal of the merge events (see above). */
  private trusted(): Records {
    return this.recordsFor({ ...this.context, access: undefined });
  }

  async merge(request: { mergedChildId: string; survivingChildId: string; reason: string }): Promise<MergeOut> {
    assertCapability(this.context.access, 'merge-records', 'merge records');
    const { mergedChildId, survivingChildId } = request;
    const reason = request.reason.trim();
    if (!reason) throw DomainError.invalidField('reason', 'Enter why these records are the same child');
    if (mergedChildId.toUpperCase() === survivingChildId.toUpperCase()) throw DomainError.invalidField('survivingChildId', 'Enter the LA child id of the other record, not this one');
    const records = this.recordsFor(this.context);
    // Both read as the actor: not found unless they may see both (and each read audited).
    const duplicate = await records.getChildRecord(mergedChildId);
    const surviving = await records.getChildRecord(survivingChildId);
    const copies = duplicate.folded.effectiveEvents.filter((event) => !notCopied.has(event.type));

    // The surviving record folded with the copies first: refused, naming the event, if they do not fit.
    const provisional = new Map(copies.map((event) => [event.entityId, randomUUID()]));
    const lastSequence = Math.max(0, ...surviving.events.map((event) => event.sequence));
    const recordedAt = new Date().toISOString();
    const candidates = copies.map((event, index) => ({
      type: event.type, data: withReferencesTo(event.data, provisional), eventId: provisional.get(event.entityId)!, sequence: lastSequence + index + 1,
      occurredAt: event.occurredAt, recordedAt,
    }) as LoggedEvent);
    try {
      foldChildRecord(this.context.laCode, survivingChildId, [...(surviving.events as readonly LoggedEvent[]), ...candidates]);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      const failed = candidates.find((candidate) => candidate.eventId === (error as { eventId?: string }).eventId);
      const what = failed ? `the ${failed.type} of ${failed.occurredAt.slice(0, 10)} from ${mergedChildId}` : 'the events';
      throw new DomainError('conflict', `These records cannot be merged: ${what} does not fit the record of ${survivingChildId} (${error.message}). Correct one of the records first`);
    }

    const mergeId = randomUUID();
    await this.db.pool.query(
      `INSERT INTO child_merge (la_code, merge_id, merged_child_id, surviving_child_id, reason, merged_by, merged_at) VALUES ($1, $2, $3, $4, $5, $6, now())`,
      [this.context.laCode, mergeId, mergedChildId, survivingChildId, reason, this.context.actor.userId],
    );
    const ids = new Map<string, string>();
    const copied: string[] = [];
    try {
      for (const [index, event] of copies.entries()) {
        const command = {
          type: event.type, occurredAt: event.occurredAt, clientId: `merge:${mergeId}:${index}`, data: withReferencesTo(event.data, ids),
        } as RecordEventCommand;
        const written = await records.recordEvent(survivingChildId, command);
        ids.set(event.entityId, written.event.eventId);
        copied.push(written.event.eventId);
        await this.db.pool.query(
          `INSERT INTO child_merge_copied_event (la_code, merge_id, source_child_id, source_event_id, copied_event_id) VALUES ($1, $2, $3, $4, $5)`,
          [this.context.laCode, mergeId, mergedChildId, event.eventId, written.event.eventId],
        );
      }
      await this.trusted().recordEvent(mergedChildId, {
        type: 'child.merged-into', occurredAt: new Date().toISOString(), clientId: `merge:${mergeId}:into`, data: { mergeId, survivingChildId, reason },
      } as RecordEventCommand);
    } catch (error) {
      // Something recorded on the surviving record in the meantime: what was copied is voided again.
      await this.undoCopies(survivingChildId, mergeId, copied, 'The merge could not be completed');
      await this.db.pool.query(
        `INSERT INTO child_merge_reversal (la_code, merge_id, reason, reversed_by, reversed_at) VALUES ($1, $2, $3, $4, now())`,
        [this.context.laCode, mergeId, `The merge could not be completed: ${error instanceof Error ? error.message : String(error)}`.slice(0, 1000), this.context.actor.userId],
      );
      throw error;
    }
    await this.audit(this.db.pool, mergedChildId, 'child-merge', { mergeId, role: 'merged', survivingChildId, reason, copiedEvents: copied.length });
    await this.audit(this.db.pool, survivingChildId, 'child-merge', { mergeId, role: 'surviving', mergedChildId, reason, copiedEvents: copied.length });
    return this.readMerge(mergeId);
  }

  private async undoCopies(survivingChildId: string, mergeId: string, copied: readonly string[], reason: string): Promise<void> {
    const records = this.recordsFor(this.context);
    for (const eventId of [...copied].reverse()) {
      await records.recordEvent(survivingChildId, { type: 'event.voided', occurredAt: new Date().toISOString(), clientId: `unmerge:${mergeId}:${eventId}`, data: { voidedEventId: eventId, reason } } as RecordEventCommand);
    }
  }

  /** Undoes a merge: the copies voided on the surviving record, both records told, the duplicate open again. */
  async reverse(mergeId: string, reasonGiven: string): Promise<MergeOut> {
    assertCapability(this.context.access, 'merge-records', 'undo a merge of records');
    const reason = reasonGiven.trim();
    if (!reason) throw DomainError.invalidField('reason', 'Enter why the merge is being undone');
    const merge = await this.readMerge(mergeId).catch(() => undefined);
    if (!merge) throw DomainError.notFound(`No merge ${mergeId}`, 'mergeId');
    const records = this.recordsFor(this.context);
    // Not found unless the actor may see the surviving record (where the duplicate's events now are).
    const surviving = await records.getChildRecord(merge.survivingChildId);
    if (merge.reversed) throw new DomainError('conflict', 'This merge has already been undone');
    // In the order they were copied: they are voided last first, so no copy is voided before what depends on it.
    const copied = await this.db.pool.query(
      `SELECT m.copied_event_id FROM child_merge_copied_event m JOIN child_event e ON e.la_code = m.la_code AND e.event_id = m.copied_event_id
        WHERE m.la_code = $1 AND m.merge_id = $2 ORDER BY e.sequence`, [this.context.laCode, mergeId],
    );
    const copies = copied.rows.map((row) => row.copied_event_id as string);
    // Voided in the record as it is now: refused, naming the event, if later work depends on a copy.
    const lastSequence = Math.max(0, ...surviving.events.map((event) => event.sequence));
    const voids = copies.map((eventId, index) => ({
      type: 'event.voided', data: { voidedEventId: eventId, reason }, eventId: randomUUID(), sequence: lastSequence + index + 1, occurredAt: new Date().toISOString(), recordedAt: new Date().toISOString(),
    }) as LoggedEvent);
    try {
      foldChildRecord(this.context.laCode, merge.survivingChildId, [...(surviving.events as readonly LoggedEvent[]), ...voids]);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      throw new DomainError('conflict', `This merge cannot be undone: work recorded since depends on what was merged (${error.message}). Correct that first`);
    }
    await this.undoCopies(merge.survivingChildId, mergeId, copies, reason);
    const trusted = this.trusted();
    const data = { mergeId, mergedChildId: merge.mergedChildId, survivingChildId: merge.survivingChildId, reason };
    await trusted.recordEvent(merge.survivingChildId, { type: 'child.merge-reversed', occurredAt: new Date().toISOString(), clientId: `unmerge:${mergeId}:surviving`, data } as RecordEventCommand);
    await trusted.recordEvent(merge.mergedChildId, { type: 'child.merge-reversed', occurredAt: new Date().toISOString(), clientId: `unmerge:${mergeId}:merged`, data } as RecordEventCommand);
    await this.db.pool.query(
      `INSERT INTO child_merge_reversal (la_code, merge_id, reason, reversed_by, reversed_at) VALUES ($1, $2, $3, $4, now())`,
      [this.context.laCode, mergeId, reason, this.context.actor.userId],
    );
    await this.audit(this.db.pool, merge.mergedChildId, 'child-merge-reversal', { mergeId, role: 'merged', reason });
    await this.audit(this.db.pool, merge.survivingChildId, 'child-merge-reversal', { mergeId, role: 'surviving', reason });
    return this.readMerge(mergeId);
  }

  /**
   * Where a record went (the merge that took it into another, while it stands) and what was merged
   * into it. Answered to those who may see the surviving record: the duplicate itself is in no one's
   * scope while merged, and the answer names no more than a search would.
   */
  async mergesOf(childId: string): Promise<ChildMerges> {
    const rows = await this.db.pool.query(
      `SELECT merge_id FROM child_merge WHERE la_code = $1 AND (upper(merged_child_id) = upper($2) OR upper(surviving_child_id) = upper($2)) ORDER BY merged_at DESC LIMIT 100`,
      [this.context.laCode, childId],
    );
    const merges = await Promise.all(rows.rows.map((row) => this.readMerge(row.merge_id as string)));
    const into = merges.find((merge) => merge.mergedChildId.toUpperCase() === childId.toUpperCase() && merge.reversed === null) ?? null;
    // Whoever asks must be able to see a record the answer is about: the surviving one, or this one.
    await this.recordsFor(this.context).getChildRecord(into ? into.survivingChildId : childId);
    return { childId, mergedInto: into, mergedFrom: merges.filter((merge) => merge.survivingChildId.toUpperCase() === childId.toUpperCase()) };
  }

  private async readMerge(mergeId: string): Promise<MergeOut> {
    const result = await this.db.pool.query(
      `SELECT m.merge_id, m.merged_child_id, m.surviving_child_id, m.reason, m.merged_by, m.merged_at,
              (SELECT count(*) FROM child_merge_copied_event e WHERE e.la_code = m.la_code AND e.merge_id = m.merge_id) AS copied,
              r.reason AS reversal_reason, r.reversed_by, r.reversed_at
         FROM child_merge m LEFT JOIN child_merge_reversal r ON r.la_code = m.la_code AND r.merge_id = m.merge_id
        WHERE m.la_code = $1 AND m.merge_id = $2`,
      [this.context.laCode, mergeId],
    );
    const row = result.rows[0];
    if (!row) throw DomainError.notFound(`No merge ${mergeId}`, 'mergeId');
    return {
      mergeId: row.merge_id, mergedChildId: row.merged_child_id, survivingChildId: row.surviving_child_id, reason: row.reason, mergedBy: row.merged_by,
      mergedAt: new Date(row.merged_at).toISOString(), copiedEvents: Number(row.copied),
      reversed: row.reversed_at ? { reason: row.reversal_reason, reversedBy: row.reversed_by, reversedAt: new Date(row.reversed_at).toISOString() } : null,
    };
  }
}
