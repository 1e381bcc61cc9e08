/**
 * How long a looked-after child's record is kept: until their 75th birthday, or 15 years after their
 * death if they die before 18 (Care Planning, Placement and Case Review (England) Regulations 2010,
 * reg 50). The period is set by law: a council's configuration may not shorten it. A record is of
 * this kind once the child has been looked after for any period, short breaks included.
 */
import type { RetentionSchedule } from '../../retention/retention-schedule.ts';

export const lookedAfterRetention: RetentionSchedule = {
  recordKinds: [
    {
      // Above a child protection plan's kind (5): the longest period of the council's children's records.
      rank: 7,
      recognisedBy: 'EXISTS (SELECT 1 FROM cla_period la WHERE la.la_code = c.la_code AND la.child_id = c.child_id)',
      rule: {
        id: 'looked-after-to-75th-birthday',
        recordType: 'looked-after',
        title: 'A child who was looked after: until their 75th birthday',
        untilBirthday: 75,
        statutory: true,
        source: 'Care Planning, Placement and Case Review (England) Regulations 2010, reg. 50',
      },
    },
  ],
  /** A child looked after now is open work: never disposed of. */
  openWork: 'EXISTS (SELECT 1 FROM cla_period la WHERE la.la_code = c.la_code AND la.child_id = c.child_id AND la.ceased_on IS NULL)',
};
