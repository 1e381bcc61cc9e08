/**
 * How long a private fostering record is kept. Neither the Children (Private Arrangements for
 * Fostering) Regulations 2005 nor the spec sets a period for a council's private fostering records
 * (the looked-after children's 75 years, CPPCR 2010 reg 50, applies to children in care, and a
 * privately fostered child is not). A privately fostered child is assessed and visited by the
 * children in need service, and the CIN census returns them by factors 8B–8F, so their record is
 * kept as a child in need's (retention/schedules.ts 'child-in-need': until their 25th birthday and
 * at least 6 years after the last event, local policy). A notification found not to be private
 * fostering is kept as a contact is ('contact-only'), unless the child's record is kept longer for
 * something else.
 *
 * In the shape of retention/repo.ts, which decides a record's kind and whether it has open work in
 * SQL over the projections, with `c` the child's row: the conditions private fostering adds.
 */
import type { RecordType } from '../../retention/schedules.ts';
import { openPrivateFosteringOf, type PrivateFosteringState } from './state.ts';

export const privateFosteringRetention = {
  /** The record type when the condition holds, most involved first. */
  recordTypes: [
    {
      recordType: 'child-in-need' as RecordType,
      when: 'EXISTS (SELECT 1 FROM private_fostering_arrangement pf WHERE pf.la_code = c.la_code AND pf.child_id = c.child_id)',
    },
  ],
  /** A notification still being looked into, or an arrangement in force, is open work: never disposed of. */
  openWork: `EXISTS (SELECT 1 FROM private_fostering_notification pf WHERE pf.la_code = c.la_code AND pf.child_id = c.child_id AND pf.decision IS NULL)
    OR EXISTS (SELECT 1 FROM private_fostering_arrangement pf WHERE pf.la_code = c.la_code AND pf.child_id = c.child_id AND pf.ended_on IS NULL)`,
} as const;

/** The same from a folded record: the kind of record private fostering makes it, if any, and whether it has open work. */
export function privateFosteringRetentionOf(state: PrivateFosteringState): { recordType: RecordType | undefined; openWork: boolean } {
  const confirmed = state.privateFosteringNotifications.some((n) => n.arrangement !== undefined);
  return {
    recordType: confirmed ? 'child-in-need' : state.privateFosteringNotifications.length > 0 ? 'contact-only' : undefined,
    openWork: openPrivateFosteringOf(state) !== undefined,
  };
}
