/**
 * The data-access layer for case notes beyond recording one on a child (which the record's events
 * API does): the notes of one child's record, a note about a whole household, and full-text search
 * over the notes the reader may see. Every child whose notes are shown is audited as read: one
 * record through the record repository, the children a search shows as a list.
 */
import { createHash } from 'node:crypto';
import { isPartnerAgency, seesChildren, visibleChildCondition } from '../../access/policy.ts';
import { writeListAudit } from '../../platform/audit/audit.ts';
import type { Database } from '../../platform/database/database.ts';
import { DomainError } from '../../platform/errors.ts';
import type { RequestContext } from '../../platform/request-context.ts';
import type { FoldedChildRecord } from '../../record/fold.ts';
import type { ChildRecordRepository, RecordedEvent } from '../../record/repo.ts';
import type { StoredEvent } from '../../record/stored-event.ts';
import { linkableEventTypes } from './codes.ts';
import type { CaseNoteRecorded } from './events.ts';
import { noteHref, type CaseNoteOut, type CaseNoteSearchResult, type ChildCaseNotes, type LinkableEvent } from './read-model.ts';

type NoteData = CaseNoteRecorded['data'];

/** What a note is recorded with, whether on one child or a household. */
export interface CaseNoteCommand {
  clientId: string;
  occurredAt: string;
  data: NoteData;
}

/**
 * The id a household note has on every member's record, made from the request's clientId, so
 * that sending the same request again (after a failure part-way through the members) gives the
 * same id and each member's write is replayed rather than repeated.
 */
export function householdNoteIdOf(laCode: string, householdId: string, clientId: string): string {
  const hex = createHash('sha256').update(`${laCode}\u0000${householdId}\u0000${clientId}`).digest('hex');
  // Shaped as a version 8 (custom) UUID, RFC 9562.
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** The child's notes from their log: the latest version of each, newest first, with what became of it. */
export function caseNotesOf(childId: string, events: readonly StoredEvent[], folded: FoldedChildRecord): ChildCaseNotes {
  const byId = new Map(events.map((event) => [event.eventId, event]));
  const firstOf = (event: StoredEvent): StoredEvent => {
    let current = event;
    while (current.supersedes !== undefined && byId.has(current.supersedes)) current = byId.get(current.supersedes)!;
    return current;
  };
  const versionsOf = (event: StoredEvent): StoredEvent[] => {
    const chain = [event];
    while (chain[0]!.supersedes !== undefined && byId.has(chain[0]!.supersedes!)) chain.unshift(byId.get(chain[0]!.supersedes!)!);
    return chain;
  };
  const effective = folded.effectiveEvents;
  const linkable = effective
    .filter((event) => linkableEventTypes.includes(event.type))
    .map((event): LinkableEvent => ({ eventId: event.entityId, type: event.type, occurredOn: event.occurredOn }));
  const linkedById = new Map<string, LinkableEvent>();
  for (const event of effective) {
    const shown = { eventId: event.entityId, type: event.type, occurredOn: event.occurredOn };
    linkedById.set(event.eventId, shown);
    linkedById.set(event.entityId, shown);
  }
  const occurredOnOf = (event: StoredEvent) => effective.find((e) => e.eventId === event.eventId)?.occurredOn ?? londonDay(event.occurredAt);
  const notes = events
    .filter((event) => event.type === 'case-note.recorded' && !folded.supersededBy.has(event.eventId))
    .map((event): CaseNoteOut => {
      const data = event.data as NoteData;
      const versions = versionsOf(event);
      const first = firstOf(event);
      const voided = versions.map((version) => folded.voided.get(version.eventId)).find(Boolean);
      return {
        noteId: first.eventId, eventId: event.eventId, childId, noteType: data.noteType, occurredAt: event.occurredAt, occurredOn: occurredOnOf(event),
        present: data.present ?? [], narrative: data.narrative, voiceOfTheChild: data.voiceOfTheChild ?? null,
        linkedEvent: data.linkedEventId ? linkedById.get(data.linkedEventId) ?? null : null,
        writtenByWorkerId: data.writtenByWorkerId ?? null, recordedBy: { userId: event.recordedBy.userId, role: event.recordedBy.role },
        recordedAt: event.recordedAt, firstRecordedAt: first.recordedAt, householdId: data.householdId ?? null, householdNoteId: data.householdNoteId ?? null,
        versions: versions.length, correctionReason: event.correctionReason ?? null, voided: voided ? { reason: voided.reason } : null,
      };
    })
    .sort((a, b) => (a.occurredAt < b.occurredAt ? 1 : a.occurredAt > b.occurredAt ? -1 : b.recordedAt.localeCompare(a.recordedAt)));
  return { childId, notes, linkableEvents: linkable.reverse() };
}

/** The London day of an instant (a date is its own day). */
function londonDay(occurredAt: string): string {
  if (occurredAt.length === 10) return occurredAt;
  return new Date(occurredAt).toLocaleDateString('en-CA', { timeZone: 'Europe/London' });
}

/** Marks ts_headline puts around a match: control characters, taken out of the text first so none is the writer's. */
const START = '\u0001';
const STOP = '\u0002';

/** A snippet from ts_headline, cut at its marks into parts highlighted or not. */
export function snippetParts(headline: string): { text: string; highlighted: boolean }[] {
  const parts: { text: string; highlighted: boolean }[] = [];
  for (const [index, piece] of headline.split(new RegExp(`[${START}${STOP}]`)).entries()) {
    if (piece !== '') parts.push({ text: piece, highlighted: index % 2 === 1 });
  }
  return parts;
}

export interface CaseNoteSearch {
  q: string;
  limit: number;
}

/** The case notes repository, bound to one request's actor. */
export class CaseNoteRepository {
  constructor(
    private readonly db: Database,
    private readonly context: RequestContext,
    private readonly records: Pick<ChildRecordRepository, 'getChildRecord' | 'recordEvent'>,
  ) {}

  /** Partner agencies see the partner view of a record, which has no case notes; figures-only roles see no child. */
  private refuseUnlessSeesNotes(what: string): void {
    const access = this.context.access;
    if (isPartnerAgency(access)) throw new DomainError('forbidden', `A partner agency does not see the council's case notes, so cannot ${what}`);
    if (!seesChildren(access)) throw new DomainError('forbidden', `A ${access!.role} sees figures only, so cannot ${what}`);
  }

  /** One child's notes, newest first (the record's read is audited by the record repository). */
  async notesOf(childId: string): Promise<ChildCaseNotes> {
    this.refuseUnlessSeesNotes('read case notes');
    const read = await this.records.getChildRecord(childId);
    return caseNotesOf(childId, read.events, read.folded);
  }

  /**
   * A note about a household, recorded on each child who was a member on the day. The recorder must
   * see every member: a note left off a member's record for being out of the recorder's sight would
   * be a gap nobody knew of. Each member's copy is written in that child's own transaction; sending
   * the same request again completes one that stopped part-way (each copy is replayed by its clientId).
   */
  async recordForHousehold(householdId: string, command: CaseNoteCommand): Promise<{ householdNoteId: string; notes: { childId: string; noteId: string; replayed: boolean }[] }> {
    this.refuseUnlessSeesNotes('record case notes');
    if (this.context.access && !this.context.access.records) {
      throw new DomainError('forbidden', `A ${this.context.access.role} does not record on children's records`);
    }
    const on = londonDay(command.occurredAt);
    const visible = visibleChildCondition(this.context.access, 'c', 4);
    const members = await this.db.pool.query(
      `SELECT DISTINCT m.child_id, ${visible.sql} AS visible
         FROM household_membership m JOIN child c ON c.la_code = m.la_code AND c.child_id = m.child_id
        WHERE m.la_code = $1 AND m.household_id = $2 AND m.joined_on <= $3 AND (m.left_on IS NULL OR m.left_on > $3)
        ORDER BY m.child_id`,
      [this.context.laCode, householdId, on, ...visible.params],
    );
    const rows = members.rows as { child_id: string; visible: boolean }[];
    if (!rows.some((row) => row.visible)) {
      throw DomainError.notFound(`No household ${householdId} with children you can see on ${on}`, 'householdId');
    }
    if (rows.some((row) => !row.visible)) {
      throw new DomainError('forbidden', 'You cannot see every child in this household, so the note cannot be recorded for all of them: record it on each child\'s record you can see');
    }
    const householdNoteId = householdNoteIdOf(this.context.laCode, householdId, command.clientId);
    const notes: { childId: string; noteId: string; replayed: boolean }[] = [];
    for (const { child_id: childId } of rows) {
      const recorded: RecordedEvent = await this.records.recordEvent(childId, {
        type: 'case-note.recorded', occurredAt: command.occurredAt, clientId: `${command.clientId}:${childId}`.slice(0, 100),
        data: { ...command.data, householdId, householdNoteId },
      } as Parameters<ChildRecordRepository['recordEvent']>[1]);
      notes.push({ childId, noteId: recorded.event.eventId, replayed: recorded.replayed });
    }
    return { householdNoteId, notes };
  }

  /**
   * The notes matching the words asked for (web search syntax: words, "a phrase", -not, or), best
   * match first, among the children the reader may see: the access condition is in the query, so a
   * note outside scope is never found nor counted. Each child shown is audited as read.
   */
  async search(search: CaseNoteSearch): Promise<CaseNoteSearchResult[]> {
    this.refuseUnlessSeesNotes('search case notes');
    const visible = visibleChildCondition(this.context.access, 'c', 4);
    const result = await this.db.pool.query(
      `SELECT n.child_id, c.forename, c.surname, n.note_id, n.note_type, n.occurred_at, n.occurred_on::text AS occurred_on,
              ts_headline('english', translate(n.narrative || ' … ' || coalesce(n.voice_of_the_child, ''), E'\\x01\\x02', ''), q,
                          'StartSel=' || chr(1) || ', StopSel=' || chr(2) || ', MaxWords=35, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "') AS headline
         FROM websearch_to_tsquery('english', $2) q, case_note n
         JOIN child c ON c.la_code = n.la_code AND c.child_id = n.child_id
        WHERE n.la_code = $1 AND n.search_vector @@ q AND (${visible.sql})
        ORDER BY ts_rank(n.search_vector, q) DESC, n.occurred_at DESC, n.child_id, n.note_id
        LIMIT $3`,
      [this.context.laCode, search.q, search.limit, ...visible.params],
    );
    const results = result.rows.map((row): CaseNoteSearchResult => ({
      childId: row.child_id, forename: row.forename, surname: row.surname, noteId: row.note_id, noteType: row.note_type,
      occurredAt: row.occurred_at, occurredOn: row.occurred_on, snippet: snippetParts(row.headline), href: noteHref(row.child_id, row.note_id),
    }));
    await writeListAudit(this.db.pool, {
      laCode: this.context.laCode, actor: this.context.actor, correlationId: this.context.correlationId,
      resource: 'case-note-search', detail: { search: { q: search.q, limit: search.limit }, results: results.length },
    }, results.map((r) => r.childId));
    return results;
  }
}
