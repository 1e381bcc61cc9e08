/**
 * Retention schedules as data: how long each kind of child's record is kept, and why.
 *
 * A child's record is as long-lived as the most involved part of their journey: a child who was
 * ever looked after keeps the looked-after schedule even if they were later only in need. Where a
 * period is set by law the rule cites it; where it is the council's policy the rule says so and the
 * council can change it (SAFEGUARD_RETENTION), and should agree it with its records manager.
 */
import { z } from 'zod';

/** Kinds of record, most involved first. */
export const recordTypes = ['looked-after', 'child-protection', 'child-in-need', 'contact-only'] as const;
export type RecordType = (typeof recordTypes)[number];

export interface RetentionRule {
  id: string;
  recordType: RecordType;
  title: string;
  /** Kept until the child's birthday of this age (from the date, or expected date, of birth)… */
  untilBirthday?: number;
  /** …and in any case for this many years after the last thing recorded about the child. */
  yearsAfterLastEvent?: number;
  statutory: boolean;
  source: string;
}

export const retentionRules: readonly RetentionRule[] = [
  {
    id: 'looked-after-to-75th-birthday',
    recordType: 'looked-after',
    title: 'A child who was looked after: until their 75th birthday',
    untilBirthday: 75,
    statutory: true,
    source: 'Care Planning, Placement and Case Review (England) Regulations 2010, reg. 50 (applies once looked-after events are recorded)',
  },
  {
    id: 'child-protection-to-25th-birthday',
    recordType: 'child-protection',
    title: 'A child subject to a section 47 enquiry or a child protection plan: until their 25th birthday, and at least 6 years after the last event',
    untilBirthday: 25,
    yearsAfterLastEvent: 6,
    statutory: false,
    source: 'Local policy; no statutory period. Default follows common local authority practice (25th birthday); agree it with the council\'s records manager',
  },
  {
    id: 'child-in-need-to-25th-birthday',
    recordType: 'child-in-need',
    title: 'A child in need (referred to social care): until their 25th birthday, and at least 6 years after the last event',
    untilBirthday: 25,
    yearsAfterLastEvent: 6,
    statutory: false,
    source: 'Local policy; no statutory period. Default follows common local authority practice (25th birthday); agree it with the council\'s records manager',
  },
  {
    id: 'contact-only-6-years',
    recordType: 'contact-only',
    title: 'Contacts that never became a referral: 6 years after the last contact',
    yearsAfterLastEvent: 6,
    statutory: false,
    source: 'Local policy. Default mirrors the Limitation Act 1980 six-year period; agree it with the council\'s records manager',
  },
];

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
