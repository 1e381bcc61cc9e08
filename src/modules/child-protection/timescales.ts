/**
 * The timescales of child protection, whose clocks start with a strategy discussion or an initial
 * conference: the conference itself, the first core group, review conferences and visits while
 * the plan lasts. They all end when the children-in-need episode they belong to closes. Sources
 * are the statutory timescales table (../shared/spec/statutory-data.md §5, cited as "table row
 * N"); (L) marks common local practice, which a council may change without code.
 */
import { episodeClosure } from '../children-in-need/index.ts';
import { WORKING_TOGETHER_2013, type TimescaleRule } from '../../timescales/timescale-rule.ts';

/** A child protection plan ends: the plan's duties are no longer needed. */
const planEnded = [
  { eventType: 'cp-plan.ended', link: 'planId' },
  { eventType: 'conference.review-held', when: { planContinues: false }, link: 'planId' },
  episodeClosure,
] as const;

/** An initial child protection conference that starts a plan; the plan id is its event id. */
const planStarts = { eventType: 'conference.initial-held', when: { planRequired: true } } as const;

export const childProtectionTimescaleRules = [
  {
    id: 'initial-conference-within-15-working-days-of-strategy-discussion',
    title:
      'Hold the initial child protection conference within 15 working days of the strategy discussion that started the section 47 enquiry',
    clockStart: { eventType: 'strategy-discussion.held', when: { decision: 'section-47' } },
    // "The last one if several": a further strategy discussion restarts the clock.
    onRepeatedClockStart: 'restart',
    due: { amount: 15, unit: 'working-days' },
    metBy: [{ eventType: 'conference.initial-held', link: 'section47Id', linkOptional: true }],
    cancelledBy: [
      // An enquiry that ends without deciding on a conference needs none (any outcome but a conference).
      ...(['no-further-action', 'child-in-need-plan', 'early-help', 'looked-after'] as const).map((outcome) => ({
        eventType: 'section-47.completed', when: { outcome }, link: 'section47Id',
      })),
      episodeClosure,
    ],
    source:
      'Table row 4: Working Together 2023 ch.4; CIN InitialCPCtarget; CIN query 8675Q; DfE data guidance ("ICPC should be convened within 15 working days")',
    local: false,
    effectiveFrom: WORKING_TOGETHER_2013,
  },
  {
    id: 'first-core-group-after-initial-conference',
    title: 'Hold the first core group meeting within 10 working days of the initial child protection conference',
    clockStart: planStarts,
    due: { amount: 10, unit: 'working-days' },
    metBy: [{ eventType: 'core-group.held', link: 'planId' }],
    cancelledBy: planEnded,
    source:
      'Table row 5: Working Together 2018 and LSCP procedures (Working Together 2023 keeps the core group; its wording is unverified)',
    local: false,
    unverified: true,
    effectiveFrom: WORKING_TOGETHER_2013,
  },
  {
    id: 'review-conference-within-3-months-then-every-6-months',
    title:
      'Hold the first review child protection conference within 3 months of the initial conference, then at least every 6 months while the plan lasts',
    clockStart: planStarts,
    due: { amount: 3, unit: 'months' },
    recurrence: { amount: 6, unit: 'months', from: 'previous-occurrence' },
    metBy: [{ eventType: 'conference.review-held', link: 'planId' }],
    cancelledBy: planEnded,
    source: 'Table row 6: Working Together 2023 ch.4; LSCP procedures; historic DfE indicator "CP reviews on time"',
    local: false,
    effectiveFrom: WORKING_TOGETHER_2013,
  },
  // The plan starts the clock; the visits that meet it are the children-in-need module's events.
  {
    id: 'child-protection-visit',
    title: 'See a child on a child protection plan at a statutory visit at least every 10 working days',
    clockStart: planStarts,
    due: { amount: 10, unit: 'working-days' },
    recurrence: { amount: 10, unit: 'working-days', from: 'previous-occurrence' },
    metBy: [{ eventType: 'visit.made', when: { kind: 'child-protection', childSeen: true } }],
    cancelledBy: planEnded,
    source:
      'Table row 8 (L): no national frequency; local procedures commonly every 10 working days or 2 weeks; Annex A list 7 records the last statutory visit',
    local: true,
    effectiveFrom: WORKING_TOGETHER_2013,
  },
] as const satisfies readonly TimescaleRule[];
