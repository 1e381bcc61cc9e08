/**
 * Retention schedules: the domain modules' kinds of record and their rules (retention-schedule.ts
 * describes one), in order of involvement, and a council's changes to the local rules.
 */
import { z } from 'zod';
import { domainModules } from '../modules/registry.ts';
import type { ChildCondition, RecordKind, RetentionRule } from './retention-schedule.ts';

/**
 * Kinds of record, most involved first. Ranks are distinct, so which kind a record is never depends
 * on the registry's order, and only the least involved kind (which every record is at least) goes
 * without a test.
 */
export function inOrderOfInvolvement(kinds: readonly RecordKind[]): RecordKind[] {
  if (kinds.length === 0) throw new Error('No module gives a kind of record: every record must be kept by a rule');
  const ordered = [...kinds].sort((a, b) => b.rank - a.rank);
  for (const [index, kind] of ordered.entries()) {
    const higher = ordered[index - 1];
    if (higher?.rank === kind.rank) throw new Error(`Records of kinds ${higher.rule.recordType} and ${kind.rule.recordType} both have rank ${kind.rank}`);
    const least = index === ordered.length - 1;
    if (least && kind.recognisedBy !== undefined) throw new Error(`The least involved kind of record, ${kind.rule.recordType}, must have no test: it is every record of no other kind`);
    if (!least && kind.recognisedBy === undefined) throw new Error(`Records of kind ${kind.rule.recordType} need a test: only the least involved kind goes without`);
  }
  return ordered;
}

export const recordKinds: readonly RecordKind[] = inOrderOfInvolvement(domainModules.flatMap((module) => module.retention?.recordKinds ?? []));

/** The work that keeps a record from disposal while it is open, from each module. */
export const openWorkConditions: readonly ChildCondition[] = domainModules.flatMap((module) => module.retention?.openWork ?? []);

/** Every rule, most involved kind of record first. */
export const retentionRules: readonly RetentionRule[] = recordKinds.map((kind) => kind.rule);

/** A council's changes to the local rules: other periods, never a shorter statutory one. */
export const retentionOverridesSchema = z.record(
  z.string(),
  z.object({ untilBirthday: z.number().int().min(18).max(120).optional(), yearsAfterLastEvent: z.number().int().min(1).max(100).optional() }).strict(),
);
export type RetentionOverrides = z.infer<typeof retentionOverridesSchema>;

export function resolveRetentionRules(overrides: RetentionOverrides = {}): RetentionRule[] {
  const unknown = Object.keys(overrides).filter((id) => !retentionRules.some((rule) => rule.id === id));
  if (unknown.length > 0) throw new Error(`Unknown retention rule(s): ${unknown.join(', ')}; known: ${retentionRules.map((r) => r.id).join(', ')}`);
  return retentionRules.map((rule) => {
    const override = overrides[rule.id];
    if (!override) return rule;
    if (rule.statutory) throw new Error(`${rule.id} is set by law (${rule.source}) and cannot be changed`);
    return { ...rule, ...override, source: `${rule.source}; changed by local configuration` };
  });
}
