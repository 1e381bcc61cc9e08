/**
 * How long care planning's records are kept. The care plan, reviews, visits, health and education
 * records of a child looked after are part of the child's case record (CPPCR 2010 reg 49), which
 * reg 50 keeps until the child's 75th birthday (or 15 years after death before 18): the
 * looked-after module's record kind already keeps every such record that long, as these records
 * exist only for a child who was looked after. So care planning adds no kind of its own (a second
 * kind with the same period would only repeat it) and says what its open work is: a review or a
 * visit is never due for a record about to be disposed of, because a child looked after now is
 * already open work, and a ceased period leaves nothing of care planning's open.
 */
import type { RetentionSchedule } from '../../retention/retention-schedule.ts';

export const carePlanningRetention: RetentionSchedule = {
  recordKinds: [],
  /** A period of care with an IRO allocated and not yet ceased: the IRO's worklist still holds the child. */
  openWork: 'EXISTS (SELECT 1 FROM care_planning_period cp WHERE cp.la_code = c.la_code AND cp.child_id = c.child_id AND cp.ceased_on IS NULL AND cp.iro_worker_id IS NOT NULL)',
};
