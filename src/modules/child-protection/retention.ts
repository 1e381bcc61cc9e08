/** How long the record of a child subject to a section 47 enquiry or a plan is kept; an open plan is open work. */
import type { RetentionSchedule } from '../../retention/retention-schedule.ts';

export const childProtectionRetention: RetentionSchedule = {
  recordKinds: [
    {
      // An enquiry is enough, with or without a plan: the rank of a section 47 enquiry.
      rank: 5,
      recognisedBy: `EXISTS (SELECT 1 FROM cp_plan p WHERE p.la_code = c.la_code AND p.child_id = c.child_id)
        OR EXISTS (SELECT 1 FROM section_47_enquiry s WHERE s.la_code = c.la_code AND s.child_id = c.child_id)`,
      rule: {
        id: 'child-protection-to-25th-birthday',
        recordType: 'child-protection',
        title: 'A child subject to a section 47 enquiry or a child protection plan: until their 25th birthday, and at least 6 years after the last event',
        untilBirthday: 25,
        yearsAfterLastEvent: 6,
        statutory: false,
        source: 'Local policy; no statutory period. Default follows common local authority practice (25th birthday); agree it with the council\'s records manager',
      },
    },
  ],
  openWork: 'EXISTS (SELECT 1 FROM cp_plan p WHERE p.la_code = c.la_code AND p.child_id = c.child_id AND p.ended_on IS NULL)',
};
