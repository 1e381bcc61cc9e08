/**
 * How long a care leaver's record is kept. A care leaver was looked after, and a looked-after
 * child's case record is kept until their 75th birthday (Care Planning, Placement and Case Review
 * (England) Regulations 2010 reg 50; the looked-after module's schedule keeps the record on that
 * ground). The leaving care records of a young person whose care the record does not hold (care
 * before the record began, or by another council) are kept the same: they are records of a child
 * looked after, and a care leaver asks for them in later life (access to records, Lifelong Links).
 * Where no statutory period is certain, this follows the existing schedules' rule of the longest
 * period that applies; the council agrees it with its records manager.
 */
import type { RetentionSchedule } from '../../retention/retention-schedule.ts';

export const careLeaversRetention: RetentionSchedule = {
  recordKinds: [
    {
      // Just below a child looked after's (7), whose 75 years it shares: a young person whose care the
      // record holds is kept as looked after; one whose care it does not hold, as a care leaver.
      rank: 6.5,
      recognisedBy: 'EXISTS (SELECT 1 FROM care_leaver cl WHERE cl.la_code = c.la_code AND cl.child_id = c.child_id)',
      rule: {
        id: 'care-leaver-to-75th-birthday',
        recordType: 'care-leaver',
        title: 'A care leaver: until their 75th birthday',
        untilBirthday: 75,
        statutory: false,
        source: 'Care Planning, Placement and Case Review (England) Regulations 2010 reg 50 (the looked-after child\'s case record, until the 75th birthday) applied to the leaving care record too; local policy for young people whose care the record does not hold; agree it with the council\'s records manager',
      },
    },
  ],
  /** Support still open is open work: never disposed of. */
  openWork: 'EXISTS (SELECT 1 FROM care_leaver cl WHERE cl.la_code = c.la_code AND cl.child_id = c.child_id AND cl.ended_on IS NULL)',
};
