/**
 * The timescales of leaving care support, as data for the timescale engine (the pathway plan, its
 * reviews, the personal adviser's contact) and, for the birthday contacts, which fall around each
 * birthday rather than after an event, as data this module reads itself (`birthdayContactRule`).
 * Sources are the statutory timescales table (../shared/spec/statutory-data.md §5, "table row N").
 *
 * The pathway plan: we follow CPPCR 2010 reg 42 and the Care Leavers (England) Regulations 2010
 * reg 5: the needs assessment is completed within three months of the young person becoming an
 * eligible child (at 16, or later), and the pathway plan made from it, so that it is in place well
 * before they leave care. The plan is due 3 months after the first eligibility decision that owes
 * one (the record marks it: `pathwayPlanOwed`); for a young person found relevant or former relevant
 * who has none, the same 3 months. Unverified in the spec: the council may change the amount.
 */
import type { TimescaleRule } from '../../timescales/timescale-rule.ts';

/** The Care Leavers (England) Regulations 2010 came into force. */
const CARE_LEAVERS_REGULATIONS_2010 = '2011-04-01';
const REGULATIONS = 'Care Leavers (England) Regulations 2010 (SI 2010/2571)';

const supportEnded = { eventType: 'care-leavers.support-ended' } as const;

export const careLeaversTimescaleRules = [
  {
    id: 'care-leavers-pathway-plan',
    title: 'Make the pathway plan within 3 months of the young person becoming eligible for leaving care support',
    clockStart: { eventType: 'care-leavers.eligibility-recorded', when: { pathwayPlanOwed: true } },
    due: { amount: 3, unit: 'months' },
    metBy: [{ eventType: 'care-leavers.pathway-plan-made' }],
    cancelledBy: [supportEnded],
    source: `Table row 30: ${REGULATIONS} regs 5–6, and the Care Planning, Placement and Case Review (England) Regulations 2010 reg 42 (the needs assessment within 3 months of the child becoming eligible, the pathway plan from it) (unverified)`,
    local: false,
    unverified: true,
    effectiveFrom: CARE_LEAVERS_REGULATIONS_2010,
  },
  {
    id: 'care-leavers-pathway-plan-review-every-6-months',
    title: 'Review the pathway plan at least every 6 months',
    clockStart: { eventType: 'care-leavers.pathway-plan-made' },
    due: { amount: 6, unit: 'months' },
    recurrence: { amount: 6, unit: 'months', from: 'previous-occurrence' },
    metBy: [{ eventType: 'care-leavers.pathway-plan-reviewed' }],
    cancelledBy: [supportEnded],
    source: `Table row 30: ${REGULATIONS} reg 7 (the pathway plan reviewed at intervals of not more than 6 months) (unverified numbers)`,
    local: false,
    unverified: true,
    effectiveFrom: CARE_LEAVERS_REGULATIONS_2010,
  },
  {
    // A council sets its own interval (SAFEGUARD_TIMESCALES: {"care-leavers-personal-adviser-contact": {"amount": 6}}): the id names none.
    id: 'care-leavers-personal-adviser-contact',
    title: 'The personal adviser is in contact with the young person at the council\'s interval (8 weeks unless it sets another)',
    clockStart: { eventType: 'care-leavers.personal-adviser-allocated' },
    onRepeatedClockStart: 'restart',
    due: { amount: 8, unit: 'weeks' },
    recurrence: { amount: 8, unit: 'weeks', from: 'previous-occurrence' },
    metBy: [{ eventType: 'care-leavers.personal-adviser-contact-made' }],
    cancelledBy: [supportEnded],
    source: `Table row 30: ${REGULATIONS} (personal adviser contact with relevant children at least every 8 weeks) (unverified numbers); the council may set its own interval`,
    local: false,
    unverified: true,
    effectiveFrom: CARE_LEAVERS_REGULATIONS_2010,
  },
] as const satisfies readonly TimescaleRule[];

export type CareLeaversTimescaleRuleId = (typeof careLeaversTimescaleRules)[number]['id'];

export const PATHWAY_REVIEW_RULE: CareLeaversTimescaleRuleId = 'care-leavers-pathway-plan-review-every-6-months';
export const PATHWAY_PLAN_RULE: CareLeaversTimescaleRuleId = 'care-leavers-pathway-plan';
export const ADVISER_CONTACT_RULE: CareLeaversTimescaleRuleId = 'care-leavers-personal-adviser-contact';

/**
 * The contact around each birthday that the SSDA903 OC3 record reports: due around the 17th to
 * 21st birthdays (and the 22nd to 25th for those still supported), from 3 months before the
 * birthday to 1 month after it. The engine's clocks run from events, and a birthday is none, so the
 * module works these out from the date of birth (birthday-contacts.ts).
 */
export const birthdayContactRule = {
  id: 'care-leavers-birthday-contact',
  title: 'Contact around the birthday (the SSDA903 OC3 record)',
  /** The birthdays every care leaver is counted at (CL-02, CL-04, CL-05). */
  ages: [17, 18, 19, 20, 21],
  /** And those of young people whose support goes on after 21. */
  laterAges: [22, 23, 24],
  opensMonthsBefore: 3,
  closesMonthsAfter: 1,
  source: 'DfE, SSDA903 guidance: care leavers\' information collected around the 17th to 21st birthdays (and 22nd to 25th from 2023), "around" being from 3 months before to 1 month after the birthday; statutory-data §2.1 OC3 (the window is from the DfE guidance, not in the spec: unverified)',
  local: false,
  unverified: true,
} as const;
