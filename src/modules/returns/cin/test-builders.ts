/**
 * Small named builders of a child's logged events for the CIN census tests: each takes the
 * business date first and the data that matters to the test, with everything else filled in.
 *
 *   const { state } = foldOf([registered(), referral('2024-05-01'), closed('2024-05-02', 'RC8')]);
 */
import { expect } from 'vitest';
import { EventBody } from '../../../record/events.ts';
import { foldChildRecord, FoldError, type LoggedEvent } from '../../../record/fold.ts';
import type { ReturnsChildState } from '../child-state.ts';
import type { CollectionYear } from '../collection-year.ts';
import { cellOf, tableOf, type ReturnTables, type TableRow } from '../return-tables.ts';
import { cinCensus } from './index.ts';

export const LA_CODE = '201';
export const CHILD_ID = 'CIN1';

let sequence = 0;

/** An event as the log holds it, numbered in the order built (recorded later than any business date used). */
export function logged(type: string, occurredAt: string, data: Record<string, unknown> = {}): LoggedEvent {
  sequence += 1;
  return {
    type, occurredAt, data, eventId: `00000000-0000-4000-8000-${sequence.toString().padStart(12, '0')}`, sequence, recordedAt: '2030-01-01T12:00:00Z',
  } as LoggedEvent;
}

export const registered = (details: Record<string, unknown> = {}, on = '2015-01-02') =>
  logged('child.registered', on, { forename: 'Amara', surname: 'Okafor', dateOfBirth: '2014-06-01', sex: 'F', ethnicity: 'BAFR', disabilities: [], unaccompaniedAsylumSeeking: false, ...details });
export const referral = (on: string, source = '2A') => logged('referral.received', on, { source });
export const assessmentStarted = (on: string) => logged('assessment.started', on, { assessmentType: 'child-and-family' });
export const assessmentCompleted = (on: string, factors = ['16A'], primaryNeed = 'N1') =>
  logged('assessment.completed', on, { factors, outcome: 'child-in-need-plan', authorisedByWorkerId: 'W1', primaryNeed });
export const cinPlanStarted = (on: string) => logged('cin-plan.started', on);
export const cinPlanEnded = (on: string) => logged('cin-plan.ended', on);
const agencies = ['childrens-social-care', 'police'];
export const strategyDiscussion = (on: string, decision = 'section-47') => logged('strategy-discussion.held', on, { attendingAgencies: agencies, decision });
export const section47Completed = (on: string, outcome = 'no-further-action') => logged('section-47.completed', on, { outcome, concernsSubstantiated: false });
export const initialConference = (on: string, categoryOfAbuse: string | undefined = 'NEG') =>
  logged('conference.initial-held', on, { planRequired: categoryOfAbuse !== undefined, categoryOfAbuse, chairWorkerId: 'W2', attendingAgencies: agencies });
export const reviewConference = (on: string, data: Record<string, unknown> = {}) =>
  logged('conference.review-held', on, { planContinues: true, chairWorkerId: 'W2', attendingAgencies: agencies, ...data });
export const categoryChanged = (on: string, categoryOfAbuse: string) => logged('cp-plan.category-changed', on, { categoryOfAbuse });
export const planEnded = (on: string, reason = 'no-longer-at-risk') => logged('cp-plan.ended', on, { reason });
export const closed = (on: string, reasonForClosure = 'RC7', primaryNeed = 'N1') => logged('episode.closed', on, { reasonForClosure, primaryNeed });

export const foldOf = (events: readonly LoggedEvent[], childId = CHILD_ID): ReturnsChildState =>
  foldChildRecord(LA_CODE, childId, events).state as unknown as ReturnsChildState;

export const factsOf = (year: CollectionYear) => ({ collectionYear: year, laNumber: LA_CODE, producedAt: '2025-05-01T10:00:00Z', softwareCode: 'safeguard', release: '0.1.0' });

/** Three children's records with something of every block in each year from 2022-23 to 2025-26. */
export function censusOf(year: CollectionYear): ReturnTables {
  const start = Number(year.start.slice(0, 4));
  const on = (monthDay: string, offset = 0) => `${start + offset}-${monthDay}`;
  const children = [
    foldOf([
      registered({ upn: 'A123456789012', disabilities: ['AUT', 'COMM'] }), referral(on('05-01')), assessmentStarted(on('05-02')), strategyDiscussion(on('05-03')),
      initialConference(on('05-22')), assessmentCompleted(on('06-20'), ['3A', '4B']), reviewConference(on('08-20')), categoryChanged(on('08-20'), 'MUL'),
      planEnded(on('02-10', 1)),
    ], 'A1'),
    foldOf([
      registered({ sex: 'M', upnUnknown: 'UN3', ethnicity: 'WBRI' }), referral(on('03-01')), assessmentStarted(on('03-02')), assessmentCompleted(on('04-20'), ['21'], 'N4'),
      cinPlanStarted(on('04-21')), strategyDiscussion(on('09-02')), section47Completed(on('09-20'), 'child-in-need-plan'), cinPlanEnded(on('01-15', 1)), closed(on('01-20', 1), 'RC7', 'N4'),
      referral(on('02-01', 1), '1A'), closed(on('02-02', 1), 'RC8', 'N4'),
    ], 'B2'),
    foldOf([registered({ dateOfBirth: undefined, expectedDateOfBirth: on('07-15'), sex: 'U' }), referral(on('06-01'), '3B')], 'C3'),
  ];
  const rows: Record<string, TableRow[]> = { ...cinCensus.headerRows(factsOf(year)) } as Record<string, TableRow[]>;
  for (const child of children) for (const [table, tableRows] of Object.entries(cinCensus.rowsOfChild(child, year)!)) (rows[table] ??= []).push(...tableRows);
  return Object.fromEntries(Object.entries(cinCensus.tablesOf(year)).map(([table, columns]) => [table, tableOf(columns, rows[table] ?? [])]));
}


export interface RoundTrip {
  year: CollectionYear;
  before: ReturnTables;
  after: ReturnTables;
  /** Children eventsOf would not bring in, and those whose events the record refused, with why. */
  refused: Map<string, string>;
}

/** Each child's imported events as the record logs them (each checked against the record's own schema of its type, as an import checks it), folded. */
function foldImported(childId: string, events: readonly { type: string; occurredAt: string; data: Record<string, unknown> }[]) {
  const logged = events.map((event, index) => ({
    ...event, ...EventBody.parse({ type: event.type, data: event.data }), eventId: `00000000-0000-4000-8000-${String(index + 1).padStart(12, '0')}`, sequence: index + 1, recordedAt: '2030-01-01T12:00:00Z',
  }) as unknown as LoggedEvent);
  return foldChildRecord('201', childId, logged).state as unknown as ReturnsChildState;
}

/**
 * A census through the record: read → events → each child's record folded → the census made
 * again → written → read again.
 */
export function roundTrip(tables: ReturnTables, year: CollectionYear): RoundTrip {
  const { children, problems } = cinCensus.eventsOf(tables, year);
  const refused = new Map<string, string>();
  const brought = new Set(children.map((child) => child.childId));
  for (const problem of problems) {
    const childId = cellOf(tables[problem.table]!.rows[problem.row]!, 'LAchildID') ?? '';
    if (!brought.has(childId)) refused.set(childId, problem.message);
  }
  const rows: Record<string, TableRow[]> = {};
  for (const child of children) {
    try {
      const childRows = cinCensus.rowsOfChild(foldImported(child.childId, child.events), year);
      for (const [table, tableRows] of Object.entries(childRows ?? {})) (rows[table] ??= []).push(...tableRows);
    } catch (error) {
      if (!(error instanceof FoldError)) throw error;
      refused.set(child.childId, error.message);
    }
  }
  const produced = Object.fromEntries(Object.entries(cinCensus.tablesOf(year)).map(([table, columns]) =>
    [table, tableOf(columns, table === 'Header' ? tables.Header?.rows ?? [] : rows[table] ?? [])]));
  const facts = { collectionYear: year, laNumber: '201', producedAt: '2025-05-01T10:00:00', softwareCode: 'safeguard', release: '0.1' };
  const again = cinCensus.read(cinCensus.write(produced, facts));
  if (Object.keys(rows).length > 0) expect(again.problems).toEqual([]);
  return { year, before: tables, after: again.tables, refused };
}

