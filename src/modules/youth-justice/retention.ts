/**
 * How long a youth justice record is kept. The Youth Justice Board's guidance to youth justice
 * services on records is to keep a child's youth justice record until their 25th birthday or 6
 * years after the last involvement, whichever is later; no statute sets a period. The council's
 * record of a child known to the youth justice service is kept the same way: until the 25th
 * birthday, and at least 6 years after the last event (`untilBirthday` and `yearsAfterLastEvent`
 * together give the later of the two). A child who was also looked after is kept much longer by the
 * looked-after schedule (75 years, CPPCR 2010 reg 50): the longest schedule that applies wins.
 */
import type { RetentionSchedule } from '../../retention/retention-schedule.ts';

export const youthJusticeRetention: RetentionSchedule = {
  recordKinds: [
    {
      // Between a referral's record (2) and a privately fostered child's (3): the same period as both,
      // and ranks must differ; a record of any higher kind (a plan, care) is kept by that kind's rule.
      rank: 2.5,
      recognisedBy: 'EXISTS (SELECT 1 FROM youth_justice_involvement yj WHERE yj.la_code = c.la_code AND yj.child_id = c.child_id)',
      rule: {
        id: 'youth-justice-to-25th-birthday',
        recordType: 'youth-justice',
        title: 'A child known to the youth justice service: until their 25th birthday, and at least 6 years after the last event',
        untilBirthday: 25,
        yearsAfterLastEvent: 6,
        statutory: false,
        source: 'Youth Justice Board guidance to youth justice services on case records: until the 25th birthday or 6 years after the last involvement, whichever is later (no statutory period); agree it with the council\'s records manager',
      },
    },
  ],
  /** An open involvement, court order or remand is open work: never disposed of. */
  openWork: `(EXISTS (SELECT 1 FROM youth_justice_involvement yj WHERE yj.la_code = c.la_code AND yj.child_id = c.child_id AND yj.ended_on IS NULL)
    OR EXISTS (SELECT 1 FROM youth_justice_court_order yj WHERE yj.la_code = c.la_code AND yj.child_id = c.child_id AND yj.ended_on IS NULL)
    OR EXISTS (SELECT 1 FROM youth_justice_remand yj WHERE yj.la_code = c.la_code AND yj.child_id = c.child_id AND yj.ended_on IS NULL))`,
};
