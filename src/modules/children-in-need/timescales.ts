/**
 * The timescales of children-in-need work, whose clocks start within the episode: the assessment,
 * allocating a social worker and first seeing the child. Sources are the statutory timescales table
 * (../shared/spec/statutory-data.md §5, cited as "table row N"); (L) marks common local practice,
 * which a council may change without code.
 */
import { WORKING_TOGETHER_2013, type EventMatcher, type TimescaleRule } from '../../timescales/timescale-rule.ts';

/** Closing the episode ends the duties of the work within it, child protection's included. */
export const episodeClosure: EventMatcher = { eventType: 'episode.closed' };

export const childrenInNeedTimescaleRules = [
  {
    id: 'assessment-within-45-working-days-of-referral',
    title: 'Complete the child and family assessment within 45 working days of the referral',
    clockStart: { eventType: 'assessment.started' },
    clockFrom: { eventType: 'referral.received', clearedBy: ['episode.closed'] },
    due: { amount: 45, unit: 'working-days' },
    metBy: [{ eventType: 'assessment.completed', link: 'assessmentId' }],
    cancelledBy: [episodeClosure],
    source: 'Table row 2: Working Together 2023 ch.3 (same wording since WT 2013); CIN query 8670Q; Annex A list 4',
    local: false,
    effectiveFrom: WORKING_TOGETHER_2013,
  },
  // The referral starts the clock; the allocation that meets it is the people module's event.
  {
    id: 'allocation-after-referral',
    title: 'Allocate a social worker within 48 hours of the referral',
    clockStart: { eventType: 'referral.received' },
    due: { amount: 48, unit: 'hours' },
    metBy: [{ eventType: 'allocation.started' }],
    cancelledBy: [episodeClosure],
    source: 'Local practice (L): no national timescale for allocating a referral',
    local: true,
    effectiveFrom: WORKING_TOGETHER_2013,
  },
  // The clock starts on the people module's allocation, but the duty is this module's work: a
  // visit meets it and closing the episode ends it, and the people module knows neither.
  {
    id: 'child-seen-after-allocation',
    title: 'See the child within 10 working days of allocation to a social worker',
    clockStart: { eventType: 'allocation.started' },
    due: { amount: 10, unit: 'working-days' },
    metBy: [{ eventType: 'visit.made', when: { childSeen: true } }],
    cancelledBy: [episodeClosure],
    source: 'Local practice (L): no national timescale for first seeing the child after allocation',
    local: true,
    effectiveFrom: WORKING_TOGETHER_2013,
  },
] as const satisfies readonly TimescaleRule[];
