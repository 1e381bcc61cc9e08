/**
 * Children in need in the synthetic borough: a referral opens an episode that runs through an
 * assessment to its outcome (for some, a child protection enquiry, handed on to whichever module
 * takes it), a child in need plan with its visits for many, and the episode's closure.
 */
import type { Day } from '../../simulate/dates.ts';
import { ageOn, journeyStage, takeStage, WorkerToBeNamed, type Journey, type SimulatedChild, type SimulatorBehaviour } from '../../simulate/simulator-behaviour.ts';
import { referralToSocialCare, type SimulatedReferral } from '../front-door/index.ts';
import type { ChildrenInNeedState } from './state.ts';

/** Safeguarding concerns during an episode: a strategy discussion, and what follows from it. */
export interface ChildProtectionConcern {
  child: SimulatedChild;
  /** The day of the strategy discussion. */
  day: Day;
  severity: number;
}

/** When the child protection work ended (Infinity if still open at the end of the run), and whether it made a plan. */
export interface ChildProtectionOutcome {
  endedOn: Day;
  plan: boolean;
}

export const childProtectionEnquiry = journeyStage<ChildProtectionConcern, ChildProtectionOutcome>('child-protection-enquiry', ({ day }) => ({ endedOn: day, plan: false }));

/** A conference has made a child protection plan: a child in need plan running alongside ends that day. */
export const childProtectionPlanStarts = journeyStage<{ child: SimulatedChild; day: Day }>('child-protection-plan-starts', () => {});

const volumes = {
  /** How readily safeguarding concerns lead to a strategy discussion, before the incident's severity. */
  strategyPropensity: 0.64,
};

/** The primary need recorded for the episode (DfE N codes), from the contact's primary reason. */
const reasonNeed: Record<string, string> = {
  'domestic-abuse': 'N5', 'parenting-capacity': 'N1', neglect: 'N1', 'physical-abuse': 'N1', 'emotional-abuse': 'N1', 'sexual-abuse': 'N1',
  'child-sexual-exploitation': 'N1', 'child-criminal-exploitation': 'N1', 'parental-mental-health': 'N3', 'parental-substance-misuse': 'N4',
  'child-mental-health': 'N4', behaviour: 'N6', disability: 'N2', 'financial-hardship': 'N7', housing: 'N4', missing: 'N6',
};
/** The factors identified at assessment (DfE codes), from the contact's primary reason. */
const reasonFactors: Record<string, string[]> = {
  'domestic-abuse': ['3B'], 'parental-mental-health': ['4B'], 'parental-substance-misuse': ['1B', '2B'], neglect: ['16A'],
  'emotional-abuse': ['17A'], 'physical-abuse': ['18C'], 'sexual-abuse': ['19C'], 'child-mental-health': ['4A'], 'child-sexual-exploitation': ['11A'],
  'child-criminal-exploitation': ['24A', '13A'], missing: ['10A'], behaviour: ['14A'], disability: ['5A'], 'parenting-capacity': ['16A', '4B'],
  'harmful-sexual-behaviour': ['14A'], 'child-substance-misuse': ['2A'], 'unaccompanied-asylum-seeking': ['9A'], 'female-genital-mutilation': ['22A'],
};

/** Everything from the referral to the closure of one children-in-need episode. */
function episode(journey: Journey, { child, day: referralDay, contactId, source, reason, severity }: SimulatedReferral): void {
  const { random, calendar } = journey;
  journey.addEvent(child, 'referral.received', referralDay, { source, contactId, primaryNeed: reasonNeed[reason] ?? 'N1' });
  journey.openCase(child);
  const allocationMinute = random.integer(0, 600);
  const allocationDelay = random.chance(0.9) ? random.integer(0, 1) : random.integer(2, 5);
  const allocation = journey.allocate(child, { from: referralDay + allocationDelay, minute: allocationMinute, service: 'assessment' });

  let last = referralDay;
  let hadStrategy = false;
  let outcome: 'nfa' | 'early-help' | 'cin' | 'cp';
  const assessmentStart = calendar.addWorkingDays(referralDay, random.integer(0, 2));
  // Immediate safeguarding concerns go straight to a strategy discussion.
  const immediate = random.chance(Math.min(0.9, volumes.strategyPropensity * severity));
  let cpStart: Day | undefined;
  if (immediate) cpStart = calendar.addWorkingDays(referralDay, random.integer(0, 1));

  const assessment = journey.addEvent(child, 'assessment.started', assessmentStart);
  const seenGap = random.chance(0.88) ? random.integer(1, 9) : random.integer(11, 18);
  const seenDay = calendar.addWorkingDays(allocation.from, seenGap);
  const duration = Math.round(Math.min(85, Math.max(8, random.logNormal(31, 0.33))));
  const completed = Math.max(calendar.addWorkingDays(referralDay, duration), assessmentStart);
  if (seenDay < completed) journey.addEvent(child, 'visit.made', seenDay, { kind: 'assessment', childSeen: true, seenAlone: random.chance(0.55) && ageOn(child, seenDay) >= 5 });

  let cpResult: ChildProtectionOutcome | undefined;
  if (cpStart !== undefined) {
    hadStrategy = true;
    cpResult = journey.handOn(childProtectionEnquiry, { child, day: cpStart, severity });
  }
  const completedOn = completed;
  if (!hadStrategy && random.chance(Math.min(0.9, volumes.strategyPropensity * 0.45 * severity))) outcome = 'cp';
  else if (hadStrategy || severity >= 0.42) outcome = 'cin';
  else if (severity < 0.3) outcome = 'nfa';
  else outcome = 'early-help';
  if (cpResult?.plan) outcome = 'cp';
  journey.addEvent(child, 'assessment.completed', completedOn, {
    assessmentId: assessment.eventId,
    factors: factorsFor(journey, reason),
    outcome: outcome === 'nfa' ? 'no-further-action' : outcome === 'early-help' ? 'early-help' : outcome === 'cp' && !hadStrategy ? 'strategy-discussion' : 'child-in-need-plan',
    authorisedByWorkerId: WorkerToBeNamed.allocated,
    primaryNeed: reasonNeed[reason] ?? 'N1',
  });
  last = Math.max(completedOn, cpResult?.endedOn ?? 0);

  if (!hadStrategy && outcome === 'cp') {
    const start = calendar.addWorkingDays(completedOn, random.integer(0, 2));
    cpResult = journey.handOn(childProtectionEnquiry, { child, day: start, severity });
    hadStrategy = true;
    last = Math.max(last, cpResult.endedOn);
    if (!cpResult.plan) outcome = 'cin';
  }
  if (outcome === 'cin' || (outcome === 'cp' && random.chance(0.6))) {
    last = childInNeedPlan(journey, child, Math.max(last, completedOn), severity, hadStrategy);
  }
  if (last >= journey.window.end) return; // still open when the run ends
  const closeDay = calendar.addWorkingDays(last, random.integer(1, 15));
  if (closeDay >= journey.window.end) return;
  const reasonForClosure = outcome === 'nfa' ? 'RC8' : outcome === 'early-help' ? 'RC9' : random.chance(0.92) ? 'RC7' : random.pick(['RC3', 'RC4', 'RC5']);
  journey.addEvent(child, 'episode.closed', closeDay, { reasonForClosure, primaryNeed: reasonNeed[reason] ?? 'N1' });
  allocation.until = closeDay;
  journey.closeCase(child, closeDay);
}

function factorsFor({ random }: Journey, reason: string): string[] {
  const factors = new Set(reasonFactors[reason] ?? ['20']);
  if (random.chance(0.25)) factors.add(random.pick(['3B', '4B', '1B', '2B']));
  return [...factors];
}

/** A child in need plan with monthly visits; a few escalate to child protection. */
function childInNeedPlan(journey: Journey, child: SimulatedChild, start: Day, severity: number, hadStrategy: boolean): Day {
  const { random, calendar } = journey;
  if (start >= journey.window.end) return start;
  journey.addEvent(child, 'cin-plan.started', start);
  journey.endAllocations(child, start);
  journey.allocate(child, { from: start, minute: random.integer(0, 600), service: 'children-in-need' });
  const months = Math.min(18, Math.max(2, random.logNormal(6, 0.5)));
  const end = Math.round(start + months * 30.4);
  const escalateOn = !hadStrategy && random.chance(0.06 + severity * 0.05) ? Math.round(start + random.integer(20, Math.max(21, end - start - 10))) : undefined;
  let visit = start;
  for (;;) {
    visit = calendar.addWorkingDays(visit, random.integer(12, 28));
    if (visit >= end || visit >= journey.window.end || (escalateOn !== undefined && visit >= escalateOn)) break;
    journey.addEvent(child, 'visit.made', visit, { kind: 'child-in-need', childSeen: random.chance(0.93), seenAlone: false });
  }
  let enquiryEnded = start;
  if (escalateOn !== undefined && escalateOn < journey.window.end) {
    const result = journey.handOn(childProtectionEnquiry, { child, day: calendar.nextWorkingDay(escalateOn), severity: Math.min(1, severity + 0.3) });
    if (result.plan) return result.endedOn;
    if (result.endedOn >= journey.window.end) return Infinity;
    enquiryEnded = result.endedOn;
  }
  const planEnd = Math.max(calendar.nextWorkingDay(end), enquiryEnded);
  if (planEnd >= journey.window.end) return Infinity;
  journey.addEvent(child, 'cin-plan.ended', planEnd, {});
  return planEnd;
}

/** Ends the child in need plan running alongside, if there is one, on the day a child protection plan starts. */
function endPlanForProtectionPlan(journey: Journey, { child, day }: { child: SimulatedChild; day: Day }): void {
  const running = child.events.filter((e) => e.type === 'cin-plan.started').length > child.events.filter((e) => e.type === 'cin-plan.ended').length;
  if (running) journey.addEvent(child, 'cin-plan.ended', day, {});
}

export const childrenInNeedSimulator: SimulatorBehaviour<ChildrenInNeedState> = {
  takes: [takeStage(referralToSocialCare, episode), takeStage(childProtectionPlanStarts, endPlanForProtectionPlan)],
  sameDayRanks: {
    'referral.received': 7, 'assessment.started': 10, 'visit.made': 11, 'assessment.completed': 12, 'cin-plan.ended': 14, 'cin-plan.started': 19, 'episode.closed': 20,
  },
  teams: [
    { service: 'assessment', name: 'Assessment team', teams: 2, members: 7, role: 'social-worker', holdsCases: true },
    { service: 'children-in-need', name: 'Children in need team', teams: 3, members: 7, role: 'social-worker', holdsCases: true },
  ],
  volumes,
};
