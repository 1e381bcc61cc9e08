/**
 * What a timescale rule is: the contract between the modules, which own their rules and their
 * sources (`src/modules/<domain>/timescales.ts`), and the timescale engine, which turns a child's
 * events into duties with them. It imports nothing above the kernel, so modules may use it.
 */
import type { IsoDate } from '../platform/calendar/calendar.ts';

export type TimeUnit = 'working-days' | 'calendar-days' | 'weeks' | 'months' | 'hours';

export interface Timescale {
  readonly amount: number;
  readonly unit: TimeUnit;
}

/** Data fields an event must have, compared with ===. */
export type EventCondition = Readonly<Record<string, string | number | boolean>>;

export interface EventMatcher {
  readonly eventType: string;
  readonly when?: EventCondition;
  /** A data field of the event that must equal the duty's subject id (e.g. 'planId'). */
  readonly link?: string;
  /** When the event has no value in `link`, it matches every open duty of the rule for the child. */
  readonly linkOptional?: boolean;
}

export interface TimescaleRule {
  /** kebab-case and stable: stored overrides and reports refer to it. */
  readonly id: string;
  /** Plain English for a social worker. */
  readonly title: string;
  readonly clockStart: { readonly eventType: string; readonly when?: EventCondition };
  /**
   * The clock runs from an earlier event than the one that creates the duty: the latest event of
   * `eventType` before the clock-start event, unless an event of a `clearedBy` type came between
   * them (then the clock-start event's own date is used).
   */
  readonly clockFrom?: { readonly eventType: string; readonly clearedBy?: readonly string[] };
  /** The duty's subject id: the clock-start event's id unless a data field of it is named here. */
  readonly subject?: { readonly dataField: string };
  /**
   * 'restart': a new clock start cancels the child's open duty of this rule and takes it over, so
   * events linked to the earlier subject meet or cancel the new duty. Default 'parallel'.
   */
  readonly onRepeatedClockStart?: 'restart' | 'parallel';
  readonly due: Timescale;
  /** After each met occurrence, the next one starts on the date it was met, until cancelled. */
  readonly recurrence?: Timescale & { readonly from: 'previous-occurrence' };
  readonly metBy: readonly EventMatcher[];
  /**
   * Close an open occurrence as not applicable, and end any recurrence. An event that both meets
   * and cancels (a review conference that ends the plan) meets the occurrence and ends recurrence.
   */
  readonly cancelledBy: readonly EventMatcher[];
  /**
   * Citation. A timescale in the statutory timescales table (../shared/spec/statutory-data.md §5)
   * begins "Table row N"; rules are listed in the order of the table's rows (see rules.ts).
   */
  readonly source: string;
  /** Common local practice, not national law: the council may change the amount. */
  readonly local: boolean;
  /** The spec marks the statutory wording unverified: the council may change the amount. */
  readonly unverified?: boolean;
  /** Clocks starting before this date make no duty. */
  readonly effectiveFrom: IsoDate;
}

/** Working Together to Safeguard Children 2013 came into force; the national timescales date from it. */
export const WORKING_TOGETHER_2013 = '2013-04-15';
