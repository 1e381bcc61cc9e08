/** How long a record that never went beyond the front door is kept; a contact awaiting a decision is open work. */
import type { RetentionSchedule } from '../../retention/retention-schedule.ts';

export const frontDoorRetention: RetentionSchedule = {
  recordKinds: [
    {
      // Every child's record is at least this: any further work makes it another kind.
      rank: 1,
      rule: {
        id: 'contact-only-6-years',
        recordType: 'contact-only',
        title: 'Contacts that never became a referral: 6 years after the last contact',
        yearsAfterLastEvent: 6,
        statutory: false,
        source: 'Local policy. Default mirrors the Limitation Act 1980 six-year period; agree it with the council\'s records manager',
      },
    },
  ],
  openWork: 'EXISTS (SELECT 1 FROM contact k WHERE k.la_code = c.la_code AND k.child_id = c.child_id AND k.decision IS NULL)',
};
