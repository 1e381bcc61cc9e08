/**
 * What a domain module is: everything Safeguard knows about one area of work (the front door,
 * child protection, private fostering…) in one folder, handed to the engines through
 * `registry.ts`. The engines (the fold, timescales, analytics, reports, retention, the simulator,
 * the web app) read the registry and name no module, so a new domain is its folder, its migration
 * and a line in each registry. docs/architecture.md walks through adding one.
 *
 * This file is the contract between the two sides, and the kit a module writes its reducers with.
 * It imports only the kernel and the engines' contract files (types that import no registry).
 */
import type { z } from 'zod';
import type { DimensionDefinition, ModuleMetric } from '../analytics/metric-definition.ts';
import type { ReferenceRecord } from '../interchange/reference-record.ts';
import { longDateOf } from '../platform/calendar/calendar.ts';
import { DomainError } from '../platform/errors.ts';
import type { ChecksBeforeWrite } from '../record/check-before-write.ts';
import type { PartnerSharing } from '../record/partner-sharing-reason.ts';
import type { ProjectionTable } from '../record/projection.ts';
import type { ReportSectionSpec } from '../reports/report-section.ts';
import type { RetentionSchedule } from '../retention/retention-schedule.ts';
import type { SimulatorBehaviour } from '../simulate/simulator-behaviour.ts';
import type { TimescaleRule } from '../timescales/timescale-rule.ts';

/** An event's schema: a literal `type` and its `data`. */
export type EventSchema = z.ZodObject<{ type: z.ZodLiteral<string>; data: z.ZodType }>;

/** An event as the fold sees it: corrections resolved, with its business date in London time. */
export type Effective<E> = E & {
  eventId: string;
  /** The id other events refer to it by: the first version's id when it has been corrected. */
  entityId: string;
  /** Where it is folded: the first version's place in the log when it has been corrected. */
  sequence: number;
  occurredAt: string;
  occurredOn: string;
  recordedAt: string;
};

type EventsOf<Events extends readonly EventSchema[]> = z.infer<Events[number]>;
type EventTypesOf<Events extends readonly EventSchema[]> = EventsOf<Events>['type'];

/** What every child's state has, whatever the modules: whose record it is. */
export interface ChildIdentity {
  laCode: string;
  childId: string;
}

/** Applies one event to the child's state (what the module reads of it: `View`). Throws a DomainError to refuse it. */
export type Reducers<Events extends readonly EventSchema[], View> = {
  [K in EventTypesOf<Events>]: (state: View & ChildIdentity, event: Effective<Extract<EventsOf<Events>, { type: K }>>) => void;
};

/**
 * One row of the transition table: what an action needs of the child's record, in words and as a
 * test. The words make the refusal a person reads: "You cannot {action} on 21 November 2026:
 * {requires}." So `requires` is an instruction ("first record a section 47 enquiry that decides to
 * hold one"), `action` a verb phrase ("record an initial child protection conference") and `what`
 * the event as a noun ("the conference", as in "The date of the conference must be today or in the past").
 */
export interface TransitionRow<View> {
  requires: string;
  holds: (state: View) => boolean;
  action?: string;
  what?: string;
}

/**
 * Something the child is currently involved in, from one module: "section 47 enquiry",
 * "child protection plan", "privately fostered". A child has any number at once, at most one of
 * each kind.
 */
export interface Involvement {
  /** Stable, kebab-case: what lists filter by (the child_involvement projection, migration 0024). */
  kind: string;
  /** Plain English for the record header. */
  label: string;
  /** The date it began. */
  since: string;
  /**
   * How far along the child's journey through children's services it stands: the record's one-word
   * status (for lists and refusals) is the kind of the child's highest-ranked involvement.
   */
  rank: number;
}

/**
 * A domain module. `Own` is the part of the child's state it keeps (made by `initialState`);
 * `View` is what its reducers and rules read, which may include other modules' parts (child
 * protection reads the children-in-need episode it works within). `ReadModel` is the Zod schema of
 * its parts of the record summary; `Dimension` is the ids of the breakdowns it contributes.
 */
export interface DomainModule<
  Events extends readonly EventSchema[] = readonly EventSchema[], Own extends object = object, View = Own, ReadModel extends z.ZodObject = z.ZodObject,
  Dimension extends string = string,
> {
  /** kebab-case and stable: the folder's name. */
  id: string;
  /** Plain English. */
  title: string;
  /** The event schemas it owns, each a literal `type` (e.g. 'contact.received') and its `data`. */
  events: Events;
  /** Its part of a new child's state. */
  initialState: () => Own;
  /** How each of its events changes the state. */
  reducers: Reducers<Events, View>;
  /** What each of its events requires of the record (the allowed actions are the rows that hold). */
  transitions: { [K in EventTypesOf<Events>]: TransitionRow<View> };
  /** The child's current involvements with this area of work. */
  involvementsOf?: (state: View) => Involvement[];
  /**
   * The Zod schema of its parts of the record summary (its read-model.ts): the record API declares
   * its answer with it, and the web app's types are inferred from it. Given with `summaryOf`.
   */
  readModel?: ReadModel;
  /** Its parts of the record summary a practitioner opens first (record/service.ts), in the shape of its read model. */
  summaryOf?: (state: View) => z.output<ReadModel>;
  /** Its sections of the partnership's annual report, each placed by its position (reports/sections.ts). */
  reportSections?: readonly ReportSectionSpec[];
  /** The kinds of child's record its work makes, how long each is kept, and its open work (retention/schedules.ts). */
  retention?: RetentionSchedule;
  /** The timescales whose clocks its events start, each with its source (src/timescales/rules.ts lists them). */
  timescales?: readonly TimescaleRule[];
  /**
   * Its figures, each under its catalogue id: the definition, the SQL of the rows it counts (or its
   * own computation) and its breakdowns (src/analytics/metric-definition.ts).
   */
  metrics?: readonly ModuleMetric[];
  /** The catalogue entries of its area it cannot compute yet, by id, with the reason (which records are not kept yet). */
  unavailableMetrics?: Readonly<Record<string, string>>;
  /** The breakdowns its figures offer beyond the engine's (the child's characteristics, the allocation, the month). */
  dimensions?: readonly DimensionDefinition<Dimension>[];
  /** Its part in the synthetic borough: its steps of a family's journey, its teams and its calibration (src/simulate). */
  simulator?: SimulatorBehaviour<View & ChildIdentity>;
  /** The projection tables it keeps, folded from each child's record (record/projection.ts). */
  projections?: readonly ProjectionTable<View>[];
  /**
   * Why the child is shared with partner agencies, for the work it owns (record/partner-sharing-reason.ts),
   * from the state and its own events that count. A module later in the registry may give a reason
   * an earlier one gave, for the same agency and subject, to say how long the work carried on.
   */
  partnerSharingOf?: (state: View, events: readonly Effective<EventsOf<Events>>[]) => PartnerSharing[];
  /** Checks of its events against reference data before they are written (record/check-before-write.ts). */
  checksBeforeWrite?: ChecksBeforeWrite<EventsOf<Events>>;
  /** The reference data it keeps that an interchange file carries (interchange/reference-record.ts). */
  referenceRecords?: readonly ReferenceRecord[];
}

/** Gives a module its types without writing them out; checks it against the contract. */
export function defineDomainModule<
  const Events extends readonly EventSchema[], Own extends object, View = Own, ReadModel extends z.ZodObject = z.ZodObject, Dimension extends string = never,
>(
  module: DomainModule<Events, Own, View, ReadModel, Dimension>,
): DomainModule<Events, Own, View, ReadModel, Dimension> {
  return module;
}

/**
 * Refuses an event dated before the thing it follows (e.g. an assessment before its referral):
 * "The date cannot be before the referral: that was on 21 November 2026".
 */
export function requireOnOrAfter(event: { type: string; occurredOn: string }, earliest: string | undefined, what: string): void {
  if (earliest !== undefined && event.occurredOn < earliest) {
    throw DomainError.invalidField('occurredAt', `The date cannot be before ${what}: that was on ${longDateOf(earliest)}`);
  }
}

/**
 * Finds the sub-record an event refers to. With no id given, the single open candidate is used;
 * with none or several, the caller is told which ids are possible.
 */
export function resolveReference<T>(
  candidates: T[],
  idOf: (candidate: T) => string,
  givenId: string | undefined,
  field: string,
  what: string,
): T {
  if (givenId !== undefined) {
    const found = candidates.find((candidate) => idOf(candidate) === givenId);
    if (!found) throw DomainError.invalidField(field, `Select an open ${what}: there is no open ${what} with id ${givenId}`);
    return found;
  }
  if (candidates.length === 1) return candidates[0]!;
  if (candidates.length === 0) throw DomainError.invalidField(field, `There is no open ${what}: record one first`);
  throw DomainError.invalidField(field, `Select which ${what} this is about: ${candidates.length} are open (${candidates.map(idOf).join(', ')})`);
}

/** How an event names the open item it acts on, and when that item began. */
export interface OpenItemReference<T> {
  /** The open candidates. */
  among: T[];
  idOf: (item: T) => string;
  /** The data field that names it, e.g. 'planId'; resolved and written back so the stored event is explicit. */
  field: string;
  /** Plain English for messages: 'child protection plan'. */
  what: string;
  beganOn: (item: T) => string | undefined;
  /** Plain English for messages: 'the plan started'. */
  began: string;
}

/**
 * The pattern most ending events share: find the open item the event names (or the only one),
 * record which it was on the event, and refuse the event if it is dated before the item began.
 * The caller then ends, completes or changes the item it is given.
 */
export function openItemFor<T>(event: { type: string; occurredOn: string; data: object }, reference: OpenItemReference<T>): T {
  const data = event.data as Record<string, unknown>;
  const item = resolveReference(reference.among, reference.idOf, data[reference.field] as string | undefined, `data.${reference.field}`, reference.what);
  data[reference.field] = reference.idOf(item);
  requireOnOrAfter(event, reference.beganOn(item), reference.began);
  return item;
}
