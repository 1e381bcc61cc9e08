/**
 * Child protection in the synthetic borough: a strategy discussion, a section 47 enquiry and, for
 * some, an initial conference and a plan with its core groups, visits, reviews and end.
 */
import type { Day } from '../../simulate/dates.ts';
import { ageOn, takeStage, WorkerToBeNamed, type Journey, type SimulatedChild, type SimulatorBehaviour } from '../../simulate/simulator-behaviour.ts';
import type { ChildIdentity } from '../domain-module.ts';
import { childProtectionEnquiry, childProtectionPlanStarts, type ChildProtectionConcern, type ChildProtectionOutcome, type ChildrenInNeedState } from '../children-in-need/index.ts';

/** The 2023/24 figures child protection is calibrated on, from the metrics catalogue (CP-02, CP-05, CP-09, CPC-05). */
const targets = {
  childrenOnPlansDuringYearPer10k: 90,
  repeatPlanShare: 0.25,
  icpcWithin15WorkingDays: 0.73,
  section47PerYearPer10k: 213,
} as const;

const volumes = {
  /** How readily a section 47 enquiry leads to an initial conference, before the incident's severity. */
  conferencePropensity: 0.25,
};

const agenciesAtStrategy = ['childrens-social-care', 'police', 'health', 'education'];

/** Strategy discussion, section 47 enquiry and, for some, a conference and plan. */
function childProtection(journey: Journey, { child, day: strategyDay, severity }: ChildProtectionConcern): ChildProtectionOutcome {
  const { random, calendar } = journey;
  if (strategyDay >= journey.window.end) return { endedOn: strategyDay, plan: false };
  const toSection47 = random.chance(0.9);
  const strategy = journey.addEvent(child, 'strategy-discussion.held', strategyDay, { attendingAgencies: agenciesAtStrategy.filter((a, i) => i < 2 || random.chance(0.6)), decision: toSection47 ? 'section-47' : 'no-section-47' });
  if (!toSection47) return { endedOn: strategyDay, plan: false };
  const conference = random.chance(Math.min(0.95, volumes.conferencePropensity * (0.4 + severity) + (child.protectionPlans > 0 ? 0.35 : 0)));
  // CPC-05: about 73% of conferences within 15 working days of the strategy discussion.
  const icpcDay = calendar.addWorkingDays(strategyDay, random.chance(targets.icpcWithin15WorkingDays) ? random.integer(9, 15) : random.integer(16, 28));
  const enquiryDays = random.integer(5, 14);
  const completedDay = conference ? Math.min(calendar.addWorkingDays(strategyDay, enquiryDays), icpcDay) : calendar.addWorkingDays(strategyDay, enquiryDays);
  journey.addEvent(child, 'section-47.completed', completedDay, {
    section47Id: strategy.eventId,
    outcome: conference ? 'initial-child-protection-conference' : random.chance(0.6) ? 'child-in-need-plan' : 'no-further-action',
    concernsSubstantiated: conference || random.chance(0.3),
  });
  if (!conference) return { endedOn: completedDay, plan: false };
  if (icpcDay >= journey.window.end) return { endedOn: Infinity, plan: false }; // still awaiting its conference when the run ends
  const planRequired = random.chance(0.87);
  const category = random.weighted({ NEG: 0.46, EMO: 0.36, PHY: 0.07, SAB: 0.04, MUL: 0.07 });
  if (planRequired) journey.handOn(childProtectionPlanStarts, { child, day: icpcDay });
  const icpc = journey.addEvent(child, 'conference.initial-held', icpcDay, {
    section47Id: strategy.eventId, planRequired, ...(planRequired ? { categoryOfAbuse: category } : {}), chairWorkerId: WorkerToBeNamed.ofTeam('conference-and-review'), attendingAgencies: agenciesAtStrategy,
  });
  if (!planRequired) return { endedOn: icpcDay, plan: false };
  child.protectionPlans += 1;
  journey.endAllocations(child, icpcDay);
  journey.allocate(child, { from: icpcDay, minute: random.integer(0, 600), service: 'child-protection' });
  return { endedOn: plan(journey, child, icpc.eventId, icpcDay, category), plan: true };
}

/** A child protection plan: core groups, visits every 10 working days, reviews, and its end. */
function plan(journey: Journey, child: SimulatedChild, planId: string, start: Day, category: string): Day {
  const { random, calendar } = journey;
  const intendedMonths = Math.min(30, Math.max(2.5, random.logNormal(7, 0.5)));
  // Reviews: the first within 3 months, then at most every 6; most held a little early, a few late.
  let reviewDay = calendar.addMonths(start, 3) - (random.chance(0.94) ? random.integer(0, 15) : -random.integer(1, 20));
  let endDay: Day | undefined;
  const reviews: Day[] = [];
  while (endDay === undefined) {
    reviews.push(reviewDay);
    if (reviewDay - start >= intendedMonths * 30.4 || random.chance(0.04)) endDay = reviewDay;
    else reviewDay = calendar.addMonths(reviewDay, 6) - (random.chance(0.94) ? random.integer(0, 20) : -random.integer(1, 20));
  }
  const endsOutsideReview = random.chance(0.1);
  if (endsOutsideReview) {
    endDay = Math.max(start + 20, endDay - random.integer(10, 60));
    while (reviews.length > 0 && reviews.at(-1)! >= endDay) reviews.pop();
  }
  const cutoff = journey.window.end;
  // Core groups: the first within 10 working days (most), then every six to eight weeks.
  let coreGroup = calendar.addWorkingDays(start, random.chance(0.9) ? random.integer(3, 10) : random.integer(11, 16));
  while (coreGroup < endDay && coreGroup < cutoff) {
    journey.addEvent(child, 'core-group.held', coreGroup, { planId, attendingAgencies: agenciesAtStrategy.slice(0, random.integer(2, 4)) });
    coreGroup = calendar.addWorkingDays(coreGroup, random.integer(25, 40));
  }
  let visit = start;
  for (;;) {
    visit = calendar.addWorkingDays(visit, random.chance(0.86) ? random.integer(5, 10) : random.integer(11, 16));
    if (visit >= endDay || visit >= cutoff) break;
    const seen = random.chance(0.95);
    journey.addEvent(child, 'visit.made', visit, { kind: 'child-protection', childSeen: seen, seenAlone: seen && ageOn(child, visit) >= 5 && random.chance(0.6) });
  }
  let latest = category;
  for (const [index, day] of reviews.entries()) {
    if (day >= cutoff) return Infinity;
    const last = index === reviews.length - 1 && !endsOutsideReview;
    const changed = random.chance(0.12) ? random.weighted({ NEG: 0.45, EMO: 0.4, PHY: 0.1, MUL: 0.05 }) : undefined;
    if (changed && changed !== latest) latest = changed;
    journey.addEvent(child, 'conference.review-held', day, {
      planId, planContinues: !last, ...(changed ? { categoryOfAbuse: changed } : {}), chairWorkerId: WorkerToBeNamed.ofTeam('conference-and-review'), attendingAgencies: agenciesAtStrategy.slice(0, 3),
    });
  }
  if (endDay >= cutoff) return Infinity;
  if (endsOutsideReview) journey.addEvent(child, 'cp-plan.ended', endDay, { planId, reason: random.pick(['moved-to-another-la', 'looked-after', 'other']) });
  return endDay;
}

export const childProtectionSimulator: SimulatorBehaviour<ChildrenInNeedState & ChildIdentity> = {
  takes: [takeStage(childProtectionEnquiry, childProtection)],
  sameDayRanks: {
    'strategy-discussion.held': 9, 'section-47.completed': 13, 'conference.initial-held': 15, 'core-group.held': 16, 'conference.review-held': 17,
    'cp-plan.category-changed': 17, 'cp-plan.ended': 18,
  },
  teams: [
    { service: 'child-protection', name: 'Safeguarding and family support team', teams: 3, members: 7, role: 'social-worker', holdsCases: true },
    { service: 'conference-and-review', name: 'Child protection chairs', teams: 1, members: 5, role: 'cp-chair', holdsCases: false },
  ],
  volumes,
  calibration: (states, { yearStart, yearEnd, calendar, inYear, percent, per10k, row }) => {
    const plans = states.flatMap((s) => s.episodes.flatMap((e) => e.cpPlans.map((p) => ({ ...p, childId: s.childId }))));
    const childrenOnPlans = new Set(plans.filter((p) => p.startedOn <= yearEnd && (p.endedOn === undefined || p.endedOn >= yearStart)).map((p) => p.childId));
    const starts = plans.filter((p) => inYear(p.startedOn));
    const enquiries = states.flatMap((s) => s.episodes.flatMap((e) => e.section47s)).filter((e) => inYear(e.startedOn));
    const conferences = states.flatMap((s) => s.episodes.flatMap((e) => e.initialConferences.map((c) => ({ ...c, enquiry: e.section47s.find((x) => x.section47Id === c.section47Id) }))));
    const held = conferences.filter((c) => inYear(c.heldOn) && c.enquiry);
    const onTime = held.filter((c) => c.heldOn <= calendar.addWorkingDays(c.enquiry!.startedOn, 15)).length;
    return [
      row('CP-02 children on a plan at any point in the year', targets.childrenOnPlansDuringYearPer10k, per10k(childrenOnPlans.size), 20, 'per 10,000'),
      row('CP-05 plans starting in the year that are repeat plans', 100 * targets.repeatPlanShare, percent(starts.filter((p) => p.numberOfPreviousPlans > 0).length, starts.length), 8, '%'),
      row('CP-09 section 47 enquiries per 10,000', targets.section47PerYearPer10k, per10k(enquiries.length), 40, 'per 10,000'),
      row('CPC-05 initial conferences within 15 working days', 100 * targets.icpcWithin15WorkingDays, percent(onTime, held.length), 8, '%'),
    ];
  },
};
