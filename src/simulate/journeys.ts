import { localContactSources } from '../codes/statutory-codes.ts';
import { calibrationTargets, type BoroughProfile } from './borough.ts';
import { dateTimeOf, isoOf, type Day, type SimulationCalendar } from './dates.ts';
import { forenameFor } from './names.ts';
import type { Random } from './random.ts';

/** One event of a simulated child's record, before it is written out. */
export interface SimulatedEvent {
  eventId: string;
  type: string;
  day: Day;
  occurredAt: string;
  data: Record<string, unknown>;
  /** Days between the event and its recording (most same day; some late, as in real records). */
  recordingLag: number;
  push: number;
}

export interface SimulatedChild {
  childId: string;
  familyId: string;
  forename: string;
  sex: 'M' | 'F';
  ethnicity: string;
  /** Born on this day, or expected then when the child is unborn at registration. */
  birthDay: Day;
  disabilities: string[];
  registeredDay?: Day;
  events: SimulatedEvent[];
  /** Allocation requests: the workforce phase turns them into allocation events. */
  allocations: AllocationNeed[];
  /** The day the current episode closes (or Infinity while open at the end of the run). */
  episodeOpenUntil: Day;
  episodeClosedOn: Day;
  plans: number;
}

export interface AllocationNeed {
  childId: string;
  /** First day the child needs a worker, the minute of the day, and the last day (exclusive) or Infinity. */
  from: Day;
  minute: number;
  until: Day;
  service: 'assessment' | 'child-protection' | 'children-in-need';
}

export interface Family {
  familyId: string;
  surname: string;
  ethnicity: string;
  postcode: string;
  householdId: string;
  risk: number;
  children: SimulatedChild[];
}

/** Same-day order of event types: the order a worker would record them in on one day. */
const sameDayRank: Record<string, number> = {
  'child.registered': 0, 'household.joined': 1, 'relationship.recorded': 2, 'child.details-changed': 2, 'contact.received': 3,
  'mash-check.requested': 4, 'mash-check.completed': 5, 'contact.decided': 6, 'referral.received': 7, 'allocation.started': 8,
  'strategy-discussion.held': 9, 'assessment.started': 10, 'visit.made': 11, 'assessment.completed': 12, 'section-47.completed': 13,
  'cin-plan.ended': 14, 'conference.initial-held': 15, 'core-group.held': 16, 'conference.review-held': 17, 'cp-plan.category-changed': 17,
  'cp-plan.ended': 18, 'cin-plan.started': 19, 'episode.closed': 20, 'allocation.ended': 21,
};

export function sortChildEvents(events: SimulatedEvent[]): SimulatedEvent[] {
  return events.sort((a, b) => a.day - b.day || (sameDayRank[a.type] ?? 10) - (sameDayRank[b.type] ?? 10) || a.push - b.push);
}

const familyReasons = new Set(['information-request', 'domestic-abuse', 'parenting-capacity', 'parental-mental-health', 'neglect', 'parental-substance-misuse', 'housing', 'financial-hardship', 'other']);
const reasonNeed: Record<string, string> = {
  'domestic-abuse': 'N5', 'parenting-capacity': 'N1', neglect: 'N1', 'physical-abuse': 'N1', 'emotional-abuse': 'N1', 'sexual-abuse': 'N1',
  'child-sexual-exploitation': 'N1', 'child-criminal-exploitation': 'N1', 'parental-mental-health': 'N3', 'parental-substance-misuse': 'N4',
  'child-mental-health': 'N4', behaviour: 'N6', disability: 'N2', 'financial-hardship': 'N7', housing: 'N4', missing: 'N6',
};
const reasonFactors: Record<string, string[]> = {
  'domestic-abuse': ['3B'], 'parental-mental-health': ['4B'], 'parental-substance-misuse': ['1B', '2B'], neglect: ['16A'],
  'emotional-abuse': ['17A'], 'physical-abuse': ['18C'], 'sexual-abuse': ['19C'], 'child-mental-health': ['4A'], 'child-sexual-exploitation': ['11A'],
  'child-criminal-exploitation': ['24A', '13A'], missing: ['10A'], behaviour: ['14A'], disability: ['5A'], 'parenting-capacity': ['16A', '4B'],
  'harmful-sexual-behaviour': ['14A'], 'child-substance-misuse': ['2A'], 'unaccompanied-asylum-seeking': ['9A'], 'female-genital-mutilation': ['22A'],
};
/**
 * Reasons drawn per incident: a family-wide reason brings several children at once, so it is drawn
 * less often than its share of contacts, to keep the share of contacts by reason on target.
 */
const incidentReasonWeights = Object.fromEntries(
  Object.entries(calibrationTargets.contactReasons).map(([reason, share]) => [reason, familyReasons.has(reason) ? share * 0.78 : share]),
) as Record<keyof typeof calibrationTargets.contactReasons, number>;

const agenciesAtStrategy = ['childrens-social-care', 'police', 'health', 'education'];

/**
 * Simulates one family over the run: incidents bring its children to the front door; each
 * contact is decided; referrals open episodes that run through assessment and, for some, a
 * strategy discussion, section 47 enquiry, conference and plan. Every step is an event the
 * record's own rules will check when the events are imported.
 */
export class FamilyJourneys {
  private push = 0;

  constructor(
    private readonly random: Random,
    private readonly calendar: SimulationCalendar,
    private readonly borough: BoroughProfile,
    private readonly tuning: { incidentRate: number; referralPropensity: number; strategyPropensity: number; conferencePropensity: number },
    private readonly window: { start: Day; end: Day },
    private readonly newChildId: () => string,
  ) {}

  run(family: Family): void {
    const { random } = this;
    const ethnicFactor = this.borough.contactRateByEthnicity[family.ethnicity as keyof BoroughProfile['contactRateByEthnicity']] ?? 1;
    const yearlyRate = this.tuning.incidentRate * family.risk * ethnicFactor;
    if (yearlyRate <= 0) return;
    let day = this.window.start + random.exponential(365 / yearlyRate);
    let previous = -Infinity;
    while (day < this.window.end) {
      // Moving a weekend incident to Monday must not put it after the family's next incident.
      previous = Math.max(previous, this.incident(family, Math.max(Math.floor(day), previous)));
      day += random.exponential(365 / yearlyRate);
    }
  }

  /** Answers the day the incident reached the front door. */
  private incident(family: Family, rawDay: Day): Day {
    const { random } = this;
    const day = random.chance(0.92) ? this.calendar.nextWorkingDay(rawDay) : rawDay; // most contacts arrive on working days
    if (day >= this.window.end) return day;
    const reason = random.weighted(incidentReasonWeights);
    let involved: SimulatedChild[];
    if (reason === 'unborn-baby-concerns') {
      involved = [this.addUnbornChild(family, day)];
    } else {
      const living = family.children.filter((c) => c.birthDay <= day && day - c.birthDay < 18 * 365);
      if (living.length === 0) return day;
      if (familyReasons.has(reason)) {
        involved = living.filter(() => random.chance(0.8));
        if (involved.length === 0) involved = [random.pick(living)];
      } else {
        const older = living.filter((c) => day - c.birthDay >= 10 * 365);
        involved = [random.pick(older.length > 0 && random.chance(0.8) ? older : living)];
      }
    }
    const sourceKey = random.weighted(calibrationTargets.contactSources);
    // One severity for the incident, shared by the siblings, so they tend to follow one path.
    const severity = Math.min(1, random.next() * 0.55 + Math.min(0.45, family.risk * 0.09));
    for (const child of involved) this.contact(family, child, day, reason, sourceKey, severity);
    return day;
  }

  private addUnbornChild(family: Family, day: Day): SimulatedChild {
    const sex = this.random.chance(0.51) ? 'M' : 'F';
    const child: SimulatedChild = {
      childId: this.newChildId(), familyId: family.familyId, forename: forenameFor(this.random, family.ethnicity, sex), sex,
      ethnicity: family.ethnicity, birthDay: day + this.random.integer(40, 160), disabilities: [], events: [], allocations: [],
      episodeOpenUntil: -Infinity, episodeClosedOn: -Infinity, plans: 0,
    };
    family.children.push(child);
    return child;
  }

  private add(child: SimulatedChild, type: string, day: Day, data: Record<string, unknown> = {}, occurredAt = isoOf(day)): SimulatedEvent {
    const lag = this.random.chance(0.9) ? 0 : this.random.chance(0.7) ? this.random.integer(1, 3) : this.random.integer(4, 30);
    const event: SimulatedEvent = { eventId: this.random.uuid(), type, day, occurredAt, data, recordingLag: lag, push: this.push++ };
    child.events.push(event);
    return event;
  }

  private register(family: Family, child: SimulatedChild, day: Day): void {
    const { random } = this;
    child.registeredDay = day;
    const unborn = child.birthDay > day;
    const details: Record<string, unknown> = {
      forename: unborn ? 'Unborn' : child.forename,
      surname: family.surname,
      sex: unborn ? 'U' : child.sex,
      ethnicity: random.chance(this.borough.ethnicityNotRecorded) ? 'NOBT' : child.ethnicity,
      disabilities: child.disabilities.length > 0 ? child.disabilities : ['NONE'],
      address: { postcode: family.postcode },
      ...(unborn ? { expectedDateOfBirth: isoOf(child.birthDay) } : { dateOfBirth: isoOf(child.birthDay) }),
    };
    if (random.chance(0.3)) details.firstLanguage = random.pick(['English', 'Bengali', 'Somali', 'Turkish', 'Arabic', 'Polish', 'Portuguese', 'Spanish', 'Albanian', 'Tigrinya']);
    this.add(child, 'child.registered', day, details);
    this.add(child, 'household.joined', day, { householdId: family.householdId });
    for (const sibling of family.children) {
      if (sibling !== child && sibling.registeredDay !== undefined) {
        this.add(child, 'relationship.recorded', day, { relationship: 'sibling', relatedChildId: sibling.childId, livesWithChild: true });
      }
    }
    if (details.ethnicity === 'NOBT' && random.chance(0.6)) {
      this.add(child, 'child.details-changed', Math.min(this.window.end - 1, day + random.integer(5, 90)), { ethnicity: child.ethnicity });
    }
    if (unborn) {
      this.add(child, 'child.details-changed', child.birthDay, { forename: child.forename, sex: child.sex, dateOfBirth: isoOf(child.birthDay) });
    }
  }

  private contact(family: Family, child: SimulatedChild, day: Day, reason: string, sourceKey: string, severity: number): void {
    const { random } = this;
    if (child.registeredDay === undefined) this.register(family, child, day);
    const source = localContactSources[sourceKey as keyof typeof localContactSources].referralSource;
    const received = this.add(child, 'contact.received', day, {
      source, localSource: sourceKey, primaryReason: reason,
      otherReasons: random.chance(0.3) ? [random.weighted(calibrationTargets.contactReasons)].filter((r) => r !== reason) : [],
    }, dateTimeOf(day, random.integer(0, 540)));
    const contactId = received.eventId;

    const openCase = day <= child.episodeOpenUntil;
    // Most decisions within a working day; some late, as the front door is busy.
    const decisionDay = random.chance(0.93) ? this.calendar.addWorkingDays(day, random.chance(0.55) ? 0 : 1) : this.calendar.addWorkingDays(day, random.integer(2, 6));
    if (!openCase && random.chance(0.35)) {
      for (const agency of ['police', 'health', 'education'].filter(() => random.chance(0.6))) {
        this.add(child, 'mash-check.requested', day, { contactId, agency });
        this.add(child, 'mash-check.completed', decisionDay, { contactId, agency, informationHeld: random.chance(0.55) });
      }
    }
    const decisionAt = decisionDay === day ? dateTimeOf(day, 540 + random.integer(1, 59)) : dateTimeOf(decisionDay, random.integer(0, 480));
    let decision: string;
    if (openCase || decisionDay <= child.episodeOpenUntil || decisionDay <= child.episodeClosedOn) {
      decision = random.chance(0.3) ? 'information-and-advice' : 'no-further-action';
    } else {
      const referralChance = Math.min(0.9, this.tuning.referralPropensity * (0.35 + severity * 1.6) * (reason === 'information-request' ? 0.25 : 1) * (child.plans > 0 ? 2 : 1));
      if (random.chance(referralChance)) decision = 'referral-to-social-care';
      else decision = random.weighted({ 'early-help': 0.66, 'no-further-action': 0.27, 'information-and-advice': 0.07 });
    }
    this.add(child, 'contact.decided', decisionDay, { contactId, decision, decidedByWorkerId: 'front-door-manager' }, decisionAt);
    if (decision === 'referral-to-social-care' && decisionDay < this.window.end) {
      this.episode(child, decisionDay, contactId, source, reason, severity);
    }
  }

  /** Everything from the referral to the closure of one children-in-need episode. */
  private episode(child: SimulatedChild, referralDay: Day, contactId: string, source: string, reason: string, severity: number): void {
    const { random, calendar } = this;
    this.add(child, 'referral.received', referralDay, { source, contactId });
    child.episodeOpenUntil = Infinity;
    const allocationMinute = random.integer(0, 600);
    const allocationDelay = random.chance(0.9) ? random.integer(0, 1) : random.integer(2, 5);
    const allocation: AllocationNeed = { childId: child.childId, from: referralDay + allocationDelay, minute: allocationMinute, until: Infinity, service: 'assessment' };
    child.allocations.push(allocation);

    let last = referralDay;
    let hadStrategy = false;
    let outcome: 'nfa' | 'early-help' | 'cin' | 'cp';
    const assessmentStart = calendar.addWorkingDays(referralDay, random.integer(0, 2));
    // Immediate safeguarding concerns go straight to a strategy discussion.
    const immediate = random.chance(Math.min(0.9, this.tuning.strategyPropensity * severity));
    let cpStart: Day | undefined;
    if (immediate) cpStart = calendar.addWorkingDays(referralDay, random.integer(0, 1));

    const assessment = this.add(child, 'assessment.started', assessmentStart);
    const seenGap = random.chance(0.88) ? random.integer(1, 9) : random.integer(11, 18);
    const seenDay = calendar.addWorkingDays(allocation.from, seenGap);
    const duration = Math.round(Math.min(85, Math.max(8, random.logNormal(31, 0.33))));
    const completed = Math.max(calendar.addWorkingDays(referralDay, duration), assessmentStart);
    if (seenDay < completed) this.add(child, 'visit.made', seenDay, { kind: 'assessment', childSeen: true, seenAlone: random.chance(0.55) && this.ageOn(child, seenDay) >= 5 });

    let cpResult: { endedOn: Day; plan: boolean } | undefined;
    if (cpStart !== undefined) {
      hadStrategy = true;
      cpResult = this.childProtection(child, cpStart, severity);
    }
    const completedOn = completed;
    if (!hadStrategy && random.chance(Math.min(0.9, this.tuning.strategyPropensity * 0.45 * severity))) outcome = 'cp';
    else if (hadStrategy || severity >= 0.42) outcome = 'cin';
    else if (severity < 0.3) outcome = 'nfa';
    else outcome = 'early-help';
    if (cpResult?.plan) outcome = 'cp';
    this.add(child, 'assessment.completed', completedOn, {
      assessmentId: assessment.eventId,
      factors: this.factorsFor(reason),
      outcome: outcome === 'nfa' ? 'no-further-action' : outcome === 'early-help' ? 'early-help' : outcome === 'cp' && !hadStrategy ? 'strategy-discussion' : 'child-in-need-plan',
      authorisedByWorkerId: 'team-manager',
      primaryNeed: reasonNeed[reason] ?? 'N1',
    });
    last = Math.max(completedOn, cpResult?.endedOn ?? 0);

    if (!hadStrategy && outcome === 'cp') {
      const start = calendar.addWorkingDays(completedOn, random.integer(0, 2));
      cpResult = this.childProtection(child, start, severity);
      hadStrategy = true;
      last = Math.max(last, cpResult.endedOn);
      if (!cpResult.plan) outcome = 'cin';
    }
    if (outcome === 'cin' || (outcome === 'cp' && random.chance(0.6))) {
      last = this.childInNeedPlan(child, Math.max(last, completedOn), severity, hadStrategy);
    }
    if (last >= this.window.end) return; // still open when the run ends
    const closeDay = calendar.addWorkingDays(last, random.integer(1, 15));
    if (closeDay >= this.window.end) {
      child.episodeOpenUntil = Infinity;
      return;
    }
    const reasonForClosure = outcome === 'nfa' ? 'RC8' : outcome === 'early-help' ? 'RC9' : random.chance(0.92) ? 'RC7' : random.pick(['RC3', 'RC4', 'RC5']);
    this.add(child, 'episode.closed', closeDay, { reasonForClosure, primaryNeed: reasonNeed[reason] ?? 'N1' });
    allocation.until = closeDay;
    for (const need of child.allocations) if (need.until === Infinity) need.until = closeDay;
    child.episodeOpenUntil = closeDay;
    child.episodeClosedOn = closeDay;
  }

  private factorsFor(reason: string): string[] {
    const factors = new Set(reasonFactors[reason] ?? ['20']);
    if (this.random.chance(0.25)) factors.add(this.random.pick(['3B', '4B', '1B', '2B']));
    return [...factors];
  }

  private ageOn(child: SimulatedChild, day: Day): number {
    return (day - child.birthDay) / 365.25;
  }

  /** Strategy discussion, section 47 enquiry and, for some, a conference and plan. */
  private childProtection(child: SimulatedChild, strategyDay: Day, severity: number): { endedOn: Day; plan: boolean } {
    const { random, calendar } = this;
    if (strategyDay >= this.window.end) return { endedOn: strategyDay, plan: false };
    const toSection47 = random.chance(0.9);
    const strategy = this.add(child, 'strategy-discussion.held', strategyDay, { attendingAgencies: agenciesAtStrategy.filter((a, i) => i < 2 || random.chance(0.6)), decision: toSection47 ? 'section-47' : 'no-section-47' });
    if (!toSection47) return { endedOn: strategyDay, plan: false };
    const conference = random.chance(Math.min(0.95, this.tuning.conferencePropensity * (0.4 + severity) + (child.plans > 0 ? 0.35 : 0)));
    // CPC-05: about 73% of conferences within 15 working days of the strategy discussion.
    const icpcDay = calendar.addWorkingDays(strategyDay, random.chance(calibrationTargets.icpcWithin15WorkingDays) ? random.integer(9, 15) : random.integer(16, 28));
    const enquiryDays = random.integer(5, 14);
    const completedDay = conference ? Math.min(calendar.addWorkingDays(strategyDay, enquiryDays), icpcDay) : calendar.addWorkingDays(strategyDay, enquiryDays);
    this.add(child, 'section-47.completed', completedDay, {
      section47Id: strategy.eventId,
      outcome: conference ? 'initial-child-protection-conference' : random.chance(0.6) ? 'child-in-need-plan' : 'no-further-action',
      concernsSubstantiated: conference || random.chance(0.3),
    });
    if (!conference) return { endedOn: completedDay, plan: false };
    if (icpcDay >= this.window.end) return { endedOn: Infinity, plan: false }; // still awaiting its conference when the run ends
    // A CIN plan running alongside ends when the conference makes a child protection plan.
    const planRequired = random.chance(0.87);
    const category = random.weighted({ NEG: 0.46, EMO: 0.36, PHY: 0.07, SAB: 0.04, MUL: 0.07 });
    const activeCinPlan = child.events.filter((e) => e.type === 'cin-plan.started').length > child.events.filter((e) => e.type === 'cin-plan.ended').length;
    if (planRequired && activeCinPlan) this.add(child, 'cin-plan.ended', icpcDay, {});
    const icpc = this.add(child, 'conference.initial-held', icpcDay, {
      section47Id: strategy.eventId, planRequired, ...(planRequired ? { categoryOfAbuse: category } : {}), chairWorkerId: 'cp-chair', attendingAgencies: agenciesAtStrategy,
    });
    if (!planRequired) return { endedOn: icpcDay, plan: false };
    child.plans += 1;
    for (const need of child.allocations) if (need.until === Infinity) need.until = icpcDay;
    const allocation: AllocationNeed = { childId: child.childId, from: icpcDay, minute: random.integer(0, 600), until: Infinity, service: 'child-protection' };
    child.allocations.push(allocation);
    return { endedOn: this.plan(child, icpc.eventId, icpcDay, category), plan: true };
  }

  /** A child protection plan: core groups, visits every 10 working days, reviews, and its end. */
  private plan(child: SimulatedChild, planId: string, start: Day, category: string): Day {
    const { random, calendar } = this;
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
    const cutoff = this.window.end;
    // Core groups: the first within 10 working days (most), then every six to eight weeks.
    let coreGroup = calendar.addWorkingDays(start, random.chance(0.9) ? random.integer(3, 10) : random.integer(11, 16));
    while (coreGroup < endDay && coreGroup < cutoff) {
      this.add(child, 'core-group.held', coreGroup, { planId, attendingAgencies: agenciesAtStrategy.slice(0, random.integer(2, 4)) });
      coreGroup = calendar.addWorkingDays(coreGroup, random.integer(25, 40));
    }
    let visit = start;
    for (;;) {
      visit = calendar.addWorkingDays(visit, random.chance(0.86) ? random.integer(5, 10) : random.integer(11, 16));
      if (visit >= endDay || visit >= cutoff) break;
      const seen = random.chance(0.95);
      this.add(child, 'visit.made', visit, { kind: 'child-protection', childSeen: seen, seenAlone: seen && this.ageOn(child, visit) >= 5 && random.chance(0.6) });
    }
    let latest = category;
    for (const [index, day] of reviews.entries()) {
      if (day >= cutoff) return Infinity;
      const last = index === reviews.length - 1 && !endsOutsideReview;
      const changed = random.chance(0.12) ? random.weighted({ NEG: 0.45, EMO: 0.4, PHY: 0.1, MUL: 0.05 }) : undefined;
      if (changed && changed !== latest) latest = changed;
      this.add(child, 'conference.review-held', day, {
        planId, planContinues: !last, ...(changed ? { categoryOfAbuse: changed } : {}), chairWorkerId: 'cp-chair', attendingAgencies: agenciesAtStrategy.slice(0, 3),
      });
    }
    if (endDay >= cutoff) return Infinity;
    if (endsOutsideReview) this.add(child, 'cp-plan.ended', endDay, { planId, reason: random.pick(['moved-to-another-la', 'looked-after', 'other']) });
    return endDay;
  }

  /** A child in need plan with monthly visits; a few escalate to child protection. */
  private childInNeedPlan(child: SimulatedChild, start: Day, severity: number, hadStrategy: boolean): Day {
    const { random, calendar } = this;
    if (start >= this.window.end) return start;
    this.add(child, 'cin-plan.started', start);
    for (const need of child.allocations) if (need.until === Infinity) need.until = start;
    child.allocations.push({ childId: child.childId, from: start, minute: random.integer(0, 600), until: Infinity, service: 'children-in-need' });
    const months = Math.min(18, Math.max(2, random.logNormal(6, 0.5)));
    const end = Math.round(start + months * 30.4);
    const escalateOn = !hadStrategy && random.chance(0.06 + severity * 0.05) ? Math.round(start + random.integer(20, Math.max(21, end - start - 10))) : undefined;
    let visit = start;
    for (;;) {
      visit = calendar.addWorkingDays(visit, random.integer(12, 28));
      if (visit >= end || visit >= this.window.end || (escalateOn !== undefined && visit >= escalateOn)) break;
      this.add(child, 'visit.made', visit, { kind: 'child-in-need', childSeen: random.chance(0.93), seenAlone: false });
    }
    let enquiryEnded = start;
    if (escalateOn !== undefined && escalateOn < this.window.end) {
      const result = this.childProtection(child, calendar.nextWorkingDay(escalateOn), Math.min(1, severity + 0.3));
      if (result.plan) return result.endedOn;
      if (result.endedOn >= this.window.end) return Infinity;
      enquiryEnded = result.endedOn;
    }
    const planEnd = Math.max(calendar.nextWorkingDay(end), enquiryEnded);
    if (planEnd >= this.window.end) return Infinity;
    this.add(child, 'cin-plan.ended', planEnd, {});
    return planEnd;
  }
}
