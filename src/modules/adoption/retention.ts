/**
 * How long an adoption record is kept. The Adoption Agencies Regulations 2005 (reg 42) require the
 * adoption agency to keep a child's adoption case record for at least 100 years from the date of
 * the adoption order. The retention engine counts periods from the child's birth or from the last
 * thing recorded about the child; after an adoption order little more is recorded about the child
 * (the period of care ceases the same day), so 100 years after the last event is at least 100
 * years from the order. A decision to place that was reversed makes no kind of its own: the record
 * is kept as a child looked after's.
 */
import type { RetentionSchedule } from '../../retention/retention-schedule.ts';

export const adoptionRetention: RetentionSchedule = {
  recordKinds: [
    {
      // Above every other kind: no other record of a child is kept as long.
      rank: 9,
      recognisedBy: 'EXISTS (SELECT 1 FROM adoption_plan ap WHERE ap.la_code = c.la_code AND ap.child_id = c.child_id AND ap.adoption_order_on IS NOT NULL)',
      rule: {
        id: 'adoption-100-years',
        recordType: 'adoption',
        title: 'A child adopted: at least 100 years from the adoption order (kept 100 years after the last event)',
        yearsAfterLastEvent: 100,
        statutory: true,
        source: 'Adoption Agencies Regulations 2005 (SI 2005/389) reg 42: the adoption case record is kept for at least 100 years from the date of the adoption order',
      },
    },
  ],
  /** An adoption plan neither ended by an adoption order nor reversed is open work. */
  openWork: 'EXISTS (SELECT 1 FROM adoption_plan ap WHERE ap.la_code = c.la_code AND ap.child_id = c.child_id AND ap.adoption_order_on IS NULL AND ap.reversed_on IS NULL)',
};
