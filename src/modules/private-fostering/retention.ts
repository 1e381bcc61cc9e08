/**
 * How long a private fostering record is kept. Neither the Children (Private Arrangements for
 * Fostering) Regulations 2005 nor the spec sets a period for a council's private fostering records
 * (the looked-after children's 75 years, CPPCR 2010 reg 50, applies to children in care, and a
 * privately fostered child is not). A privately fostered child is assessed and visited by the
 * children in need service and returned in the CIN census (factors 8B–8F), so the record of a child
 * who was privately fostered is kept for as long as a child in need's: until their 25th birthday and
 * at least 6 years after the last event (local policy). It is a kind of its own, so that a council
 * can change its period apart, and a disposal's tombstone says what the record was.
 *
 * A notification found not to be private fostering makes no kind of its own: the record is kept as
 * a contact's, unless something else keeps it longer.
 */
import type { RetentionSchedule } from '../../retention/retention-schedule.ts';

export const privateFosteringRetention: RetentionSchedule = {
  recordKinds: [
    {
      // The rank of the privately fostered involvement: with a child in need's plan, below section 47.
      rank: 3,
      recognisedBy: 'EXISTS (SELECT 1 FROM private_fostering_arrangement pf WHERE pf.la_code = c.la_code AND pf.child_id = c.child_id)',
      rule: {
        id: 'private-fostering-to-25th-birthday',
        recordType: 'private-fostering',
        title: 'A child who was privately fostered: until their 25th birthday, and at least 6 years after the last event',
        untilBirthday: 25,
        yearsAfterLastEvent: 6,
        statutory: false,
        source: 'Local policy; no statutory period (Children (Private Arrangements for Fostering) Regulations 2005 set none). Default is a child in need\'s, as the children in need service assesses and visits the child; agree it with the council\'s records manager',
      },
    },
  ],
  /** A notification still being looked into, or an arrangement in force, is open work: never disposed of. */
  openWork: `(EXISTS (SELECT 1 FROM private_fostering_notification pf WHERE pf.la_code = c.la_code AND pf.child_id = c.child_id AND pf.decision IS NULL)
    OR EXISTS (SELECT 1 FROM private_fostering_arrangement pf WHERE pf.la_code = c.la_code AND pf.child_id = c.child_id AND pf.ended_on IS NULL))`,
};
