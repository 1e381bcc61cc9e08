/**
 * Statutory and local timescales as data.
 *
 * Each rule says which event starts a clock, how long the duty has, which events meet it, which
 * cancel it (the duty closes as not applicable), whether it recurs, and where the timescale comes
 * from. `engine.ts` turns a child's events into duties with these rules; nothing here knows about
 * storage or HTTP. Sources are the statutory timescales table (../shared/spec/statutory-data.md §5,
 * cited as "table row N"); (L) marks common local practice, which a council may change through
 * `resolveTimescaleRules` without code.
 */
import { z } from 'zod';
import { isIsoDate, type IsoDate } from '../platform/calendar/calendar.ts';
import { DomainError } from '../platform/errors.ts';

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
  /** Citation, from the statutory timescales table. */
  readonly source: string;
  /** Common local practice, not national law: the council may change the amount. */
  readonly local: boolean;
  /** The spec marks the statutory wording unverified: the council may change the amount. */
  readonly unverified?: boolean;
  /** Clocks starting before this date make no duty. */
  readonly effectiveFrom: IsoDate;
}

/** Working Together to Safeguard Children 2013 came into force; the national timescales below date from it. */
const WORKING_TOGETHER_2013 = '2013-04-15';

const episodeClosed = { eventType: 'episode.closed' } as const;

/** A child protection plan ends: the plan's duties are no longer needed. */
const planEnded = [
  { eventType: 'cp-plan.ended', link: 'planId' },
  { eventType: 'conference.review-held', when: { planContinues: false }, link: 'planId' },
  episodeClosed,
] as const;

/** An initial child protection conference that starts a plan; the plan id is its event id. */
const planStarts = { eventType: 'conference.initial-held', when: { planRequired: true } } as const;

/**
 * The rules, in the order a case meets them. Ids of timescales fixed nationally name the timescale;
 * ids of timescales a council may change do not, so that an id never contradicts its setting.
 */
export const timescaleRules = [
  {
    id: 'contact-decision-within-1-working-day',
    title: 'Decide what response a contact needs within 1 working day',
    clockStart: { eventType: 'contact.received' },
    due: { amount: 1, unit: 'working-days' },
    metBy: [{ eventType: 'contact.decided', link: 'contactId' }],
    // A contact is not part of a children-in-need episode: closing an episode leaves it to decide.
    cancelledBy: [],
    source:
      'Table row 1: Working Together 2023 ch.3 (decision on the type of response within 1 working day of a referral, in WT23\'s sense of a request to children\'s social care); CIN rule 8569Q uses "1 working day"',
    local: false,
    effectiveFrom: WORKING_TOGETHER_2013,
  },
  {
    id: 'assessment-within-45-working-days-of-referral',
    title: 'Complete the child and family assessment within 45 working days of the referral',
    clockStart: { eventType: 'assessment.started' },
    clockFrom: { eventType: 'referral.received', clearedBy: ['episode.closed'] },
    due: { amount: 45, unit: 'working-days' },
    metBy: [{ eventType: 'assessment.completed', link: 'assessmentId' }],
    cancelledBy: [episodeClosed],
    source: 'Table row 2: Working Together 2023 ch.3 (same wording since WT 2013); CIN query 8670Q; Annex A list 4',
    local: false,
    effectiveFrom: WORKING_TOGETHER_2013,
  },
  {
    id: 'initial-conference-within-15-working-days-of-strategy-discussion',
    title:
      'Hold the initial child protection conference within 15 working days of the strategy discussion that started the section 47 enquiry',
    clockStart: { eventType: 'strategy-discussion.held', when: { decision: 'section-47' } },
    // "The last one if several": a further strategy discussion restarts the clock.
    onRepeatedClockStart: 'restart',
    due: { amount: 15, unit: 'working-days' },
    metBy: [{ eventType: 'conference.initial-held', link: 'section47Id', linkOptional: true }],
    cancelledBy: [
      // An enquiry that ends without deciding on a conference needs none (any outcome but a conference).
      ...(['no-further-action', 'child-in-need-plan', 'early-help', 'looked-after'] as const).map((outcome) => ({
        eventType: 'section-47.completed', when: { outcome }, link: 'section47Id',
      })),
      episodeClosed,
    ],
    source:
      'Table row 4: Working Together 2023 ch.4; CIN InitialCPCtarget; CIN query 8675Q; DfE data guidance ("ICPC should be convened within 15 working days")',
    local: false,
    effectiveFrom: WORKING_TOGETHER_2013,
  },
  {
    id: 'first-core-group-after-initial-conference',
    title: 'Hold the first core group meeting within 10 working days of the initial child protection conference',
    clockStart: planStarts,
    due: { amount: 10, unit: 'working-days' },
    metBy: [{ eventType: 'core-group.held', link: 'planId' }],
    cancelledBy: planEnded,
    source:
      'Table row 5: Working Together 2018 and LSCP procedures (Working Together 2023 keeps the core group; its wording is unverified)',
    local: false,
    unverified: true,
    effectiveFrom: WORKING_TOGETHER_2013,
  },
  {
    id: 'review-conference-within-3-months-then-every-6-months',
    title:
      'Hold the first review child protection conference within 3 months of the initial conference, then at least every 6 months while the plan lasts',
    clockStart: planStarts,
    due: { amount: 3, unit: 'months' },
    recurrence: { amount: 6, unit: 'months', from: 'previous-occurrence' },
    metBy: [{ eventType: 'conference.review-held', link: 'planId' }],
    cancelledBy: planEnded,
    source: 'Table row 6: Working Together 2023 ch.4; LSCP procedures; historic DfE indicator "CP reviews on time"',
    local: false,
    effectiveFrom: WORKING_TOGETHER_2013,
  },
  {
    id: 'child-protection-visit',
    title: 'See a child on a child protection plan at a statutory visit at least every 10 working days',
    clockStart: planStarts,
    due: { amount: 10, unit: 'working-days' },
    recurrence: { amount: 10, unit: 'working-days', from: 'previous-occurrence' },
    metBy: [{ eventType: 'visit.made', when: { kind: 'child-protection', childSeen: true } }],
    cancelledBy: planEnded,
    source:
      'Table row 8 (L): no national frequency; local procedures commonly every 10 working days or 2 weeks; Annex A list 7 records the last statutory visit',
    local: true,
    effectiveFrom: WORKING_TOGETHER_2013,
  },
  {
    id: 'allocation-after-referral',
    title: 'Allocate a social worker within 48 hours of the referral',
    clockStart: { eventType: 'referral.received' },
    due: { amount: 48, unit: 'hours' },
    metBy: [{ eventType: 'allocation.started' }],
    cancelledBy: [episodeClosed],
    source: 'Local practice (L): no national timescale for allocating a referral',
    local: true,
    effectiveFrom: WORKING_TOGETHER_2013,
  },
  {
    id: 'child-seen-after-allocation',
    title: 'See the child within 10 working days of allocation to a social worker',
    clockStart: { eventType: 'allocation.started' },
    due: { amount: 10, unit: 'working-days' },
    metBy: [{ eventType: 'visit.made', when: { childSeen: true } }],
    cancelledBy: [episodeClosed],
    source: 'Local practice (L): no national timescale for first seeing the child after allocation',
    local: true,
    effectiveFrom: WORKING_TOGETHER_2013,
  },
] as const satisfies readonly TimescaleRule[];

export type TimescaleRuleId = (typeof timescaleRules)[number]['id'];

/** '1 working day', '45 working days', '3 months', '48 hours': how titles write a timescale. */
export function describeTimescale({ amount, unit }: Timescale): string {
  const noun = {
    'working-days': 'working day',
    'calendar-days': 'day',
    weeks: 'week',
    months: 'month',
    hours: 'hour',
  }[unit];
  return `${amount} ${noun}${amount === 1 ? '' : 's'}`;
}

// ---------------------------------------------------------------------------------------------
// Council configuration.

/** A council's changes to the rules, e.g. from its configuration file. */
export const timescaleOverridesSchema = z.record(
  z.string(),
  z.strictObject({
    enabled: z.boolean().optional(),
    /** The first (or only) timescale; for a rule that recurs at the same interval, the interval too. */
    amount: z.number().int().positive().optional(),
    /** The interval between later occurrences of a recurring rule. */
    recurrenceAmount: z.number().int().positive().optional(),
    /** The date the council adopted the rule; clocks starting earlier make no duty. */
    effectiveFrom: z.string().refine(isIsoDate, 'must be a date YYYY-MM-DD').optional(),
  }),
);

export type TimescaleOverrides = z.input<typeof timescaleOverridesSchema>;

/**
 * The rules in force for a council: `rules` (by default all of `timescaleRules`) with its
 * overrides applied and disabled rules left out. Bad settings throw DomainError 'invalid' naming
 * the setting, e.g. field 'child-protection-visit.amount'.
 *
 * Amounts may be changed only for local rules and rules whose statutory wording is unverified;
 * other statutory timescales are set nationally and can only be switched off. `amount` changes the
 * due timescale and, for a rule that recurs at that same interval (a visit every N working days),
 * the interval as well; `recurrenceAmount` sets the interval on its own. A title naming the old
 * timescale is rewritten to name the new one.
 */
export function resolveTimescaleRules(
  overrides: TimescaleOverrides = {},
  rules: readonly TimescaleRule[] = timescaleRules,
): TimescaleRule[] {
  const parsed = timescaleOverridesSchema.safeParse(overrides);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.join('.') ?? '';
    throw DomainError.invalidField(field, `Timescale setting ${field}: ${issue?.message ?? 'invalid'}`);
  }
  const byId = new Map(rules.map((rule) => [rule.id, rule]));
  for (const id of Object.keys(parsed.data)) {
    if (!byId.has(id)) {
      throw DomainError.invalidField(id, `There is no timescale rule '${id}'. The rules are: ${[...byId.keys()].join(', ')}`);
    }
  }

  const resolved: TimescaleRule[] = [];
  for (const rule of rules) {
    const override = parsed.data[rule.id];
    if (!override) {
      resolved.push(rule);
      continue;
    }
    if (override.enabled === false) continue;
    const changesAmount = override.amount !== undefined || override.recurrenceAmount !== undefined;
    if (changesAmount && !rule.local && !rule.unverified) {
      throw DomainError.invalidField(
        `${rule.id}.${override.amount !== undefined ? 'amount' : 'recurrenceAmount'}`,
        `'${rule.id}' is a statutory timescale (${rule.source}); it can be switched off but its timescale cannot be changed`,
      );
    }
    if (override.recurrenceAmount !== undefined && !rule.recurrence) {
      throw DomainError.invalidField(`${rule.id}.recurrenceAmount`, `'${rule.id}' does not recur`);
    }

    const due = { ...rule.due, amount: override.amount ?? rule.due.amount };
    let recurrence = rule.recurrence;
    let title = rule.title.replaceAll(describeTimescale(rule.due), describeTimescale(due));
    if (rule.recurrence) {
      const sameIntervalAsDue =
        rule.recurrence.amount === rule.due.amount && rule.recurrence.unit === rule.due.unit;
      const amount = override.recurrenceAmount ?? (sameIntervalAsDue ? due.amount : rule.recurrence.amount);
      recurrence = { ...rule.recurrence, amount };
      if (!sameIntervalAsDue) {
        title = title.replaceAll(describeTimescale(rule.recurrence), describeTimescale(recurrence));
      } else if (amount !== due.amount) {
        title = `${title}, then every ${describeTimescale(recurrence)}`;
      }
    }
    resolved.push({
      ...rule,
      title,
      due,
      ...(recurrence ? { recurrence } : {}),
      effectiveFrom: override.effectiveFrom ?? rule.effectiveFrom,
    });
  }
  return resolved;
}
