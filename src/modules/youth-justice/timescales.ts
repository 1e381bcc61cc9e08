/**
 * The timescales of youth justice, as data for the timescale engine. National law sets few for the
 * joint work of children's social care and the youth justice service, and this file says so rather
 * than inventing any:
 *
 *  - A remanded child is looked after (LASPO 2012 s104(1) for youth detention accommodation; a
 *    remand to council accommodation is to accommodation the council provides), so the looked-after
 *    timescales apply to them (care plan, reviews, visits: table rows 9–17, the looked-after
 *    module's rules). What youth justice adds is the planning the two services do together: a joint
 *    planning meeting soon after the remand. No statute or statutory guidance gives it a number of
 *    days; 10 working days is common local practice (L), so the council may change it.
 *  - The Youth Justice Board's Standards for children in the youth justice system (2019) set
 *    outcomes to self-assess against, not timescales; its case management guidance leaves the
 *    timing of assessment and planning to the youth justice service's judgement ("as soon as
 *    possible"), so there is no YJB timescale to encode. The referral order guidance's initial
 *    panel meeting within 20 working days of the order would need a record of the panel, which the
 *    youth justice service keeps in its own case management system, not here.
 */
import type { TimescaleRule } from '../../timescales/timescale-rule.ts';

/** The remand framework of the Legal Aid, Sentencing and Punishment of Offenders Act 2012 came into force. */
const LASPO_REMAND_FRAMEWORK = '2012-12-03';

export const youthJusticeTimescaleRules = [
  {
    id: 'youth-justice-joint-planning-after-remand',
    title: 'Hold a joint planning meeting of children\'s social care and the youth justice service within 10 working days of a remand',
    clockStart: { eventType: 'youth-justice.remanded' },
    due: { amount: 10, unit: 'working-days' },
    metBy: [{ eventType: 'youth-justice.joint-meeting-held', when: { kind: 'joint-planning-meeting' } }],
    // Released or sentenced before anyone met: the planning is for the child's care on remand.
    cancelledBy: [{ eventType: 'youth-justice.remand-ended', link: 'remandId' }, { eventType: 'youth-justice.involvement-ended' }],
    source: 'Local practice (L): a remanded child is looked after (Legal Aid, Sentencing and Punishment of Offenders Act 2012 s104), and the two services plan the child\'s care together; no national timescale sets the number of days (the YJB\'s case management guidance says "as soon as possible")',
    local: true,
    effectiveFrom: LASPO_REMAND_FRAMEWORK,
  },
] as const satisfies readonly TimescaleRule[];

export type YouthJusticeTimescaleRuleId = (typeof youthJusticeTimescaleRules)[number]['id'];
