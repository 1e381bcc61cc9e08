/** How long the record of a child referred to social care is kept; an open episode is open work. */
import type { RetentionSchedule } from '../../retention/retention-schedule.ts';

export const childrenInNeedRetention: RetentionSchedule = {
  recordKinds: [
    {
      // A referral opens an episode: the rank of a referral.
      rank: 2,
      recognisedBy: 'EXISTS (SELECT 1 FROM cin_episode e WHERE e.la_code = c.la_code AND e.child_id = c.child_id)',
      rule: {
        id: 'child-in-need-to-25th-birthday',
        recordType: 'child-in-need',
        title: 'A child in need (referred to social care): until their 25th birthday, and at least 6 years after the last event',
        untilBirthday: 25,
        yearsAfterLastEvent: 6,
        statutory: false,
        source: 'Local policy; no statutory period. Default follows common local authority practice (25th birthday); agree it with the council\'s records manager',
      },
    },
  ],
  openWork: 'EXISTS (SELECT 1 FROM cin_episode e WHERE e.la_code = c.la_code AND e.child_id = c.child_id AND e.closed_on IS NULL)',
};
