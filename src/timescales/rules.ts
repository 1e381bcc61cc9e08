/**
 * The timescale rules in force: each module's rules and their sources (its `timescales`), and a
 * council's changes to them.
 *
 * Each rule says which event starts a clock, how long the duty has, which events meet it, which
 * cancel it (the duty closes as not applicable), whether it recurs, and where the timescale comes
 * from (timescale-rule.ts). `engine.ts` turns a child's events into duties with these rules;
 * nothing here knows about storage or HTTP. (L) marks common local practice, which a council may
 * change through `resolveTimescaleRules` without code.
 */
import { z } from 'zod';
import { isIsoDate } from '../platform/calendar/calendar.ts';
import { DomainError } from '../platform/errors.ts';
import { domainModules } from '../modules/registry.ts';
import type { Timescale, TimescaleRule } from './timescale-rule.ts';

/**
 * Where a rule stands in the statutory timescales table (../shared/spec/statutory-data.md §5),
 * from its source's "Table row N"; local practice the table does not list comes after every row.
 */
function tableRowOf(rule: TimescaleRule): number {
  const row = /^Table row (\d+)\b/.exec(rule.source)?.[1];
  return row === undefined ? Number.MAX_SAFE_INTEGER : Number(row);
}

/**
 * Every module's rules, listed in the order of the statutory timescales table's rows (roughly the
 * order a case meets them), whichever module owns them; rules the table does not list follow, in
 * the registry's order. Ids of timescales fixed nationally name the timescale; ids of timescales a
 * council may change do not, so that an id never contradicts its setting.
 */
export const timescaleRules: readonly TimescaleRule[] = domainModules
  .flatMap((module) => module.timescales ?? [])
  .sort((a, b) => tableRowOf(a) - tableRowOf(b));

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
