/**
 * What a domain module tells retention: the kinds of child's record its work makes, how long each is
 * kept and why, how to tell that a child's record is of that kind, and which of its work is still
 * open. A module gives its schedule as `retention` on DomainModule (src/modules/<domain>/retention.ts);
 * schedules.ts puts the modules' schedules together.
 *
 * A child's record is as long-lived as the most involved part of their journey: a child who was on a
 * child protection plan keeps that schedule even if they were later only in need. Where a period is
 * set by law the rule cites it; where it is the council's policy the rule says so and the council
 * can change it (SAFEGUARD_RETENTION), and should agree it with its records manager.
 *
 * This file imports nothing, so that modules can describe their schedules without reaching the engine.
 */

export interface RetentionRule {
  id: string;
  /** The kind of record it keeps: kebab-case and stable, as it is written on each disposal's tombstone. */
  recordType: string;
  title: string;
  /** Kept until the child's birthday of this age (from the date, or expected date, of birth)… */
  untilBirthday?: number;
  /** …and in any case for this many years after the last thing recorded about the child. */
  yearsAfterLastEvent?: number;
  statutory: boolean;
  source: string;
}

/**
 * SQL for a condition on one child, written against the child's row as `c` (`c.la_code`,
 * `c.child_id`), usually EXISTS over the module's own tables.
 */
export type ChildCondition = string;

/** A kind of child's record: the rule it is kept by, and how to tell that a child's record is of it. */
export interface RecordKind {
  rule: RetentionRule;
  /**
   * How far along the child's journey through children's services the kind stands, on the scale of
   * an involvement's rank: a child's record is of the highest-ranked kind that applies to it.
   */
  rank: number;
  /** True when the child's record is of this kind. Omitted for the least involved kind, which every record is at least. */
  recognisedBy?: ChildCondition;
}

export interface RetentionSchedule {
  recordKinds: readonly RecordKind[];
  /** True while the child has open work of the module's: a record with open work is never disposed of, whatever its dates. */
  openWork?: ChildCondition;
}
