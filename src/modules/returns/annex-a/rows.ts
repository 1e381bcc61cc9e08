/**
 * A child's rows of Annex A's lists, read from their record as the other modules keep it. Each row
 * is a cell per column in Ofsted's order: text, a whole number, an ISO date (the workbook writes it
 * as an Excel date), or null for a blank cell. A cell the record does not keep is null, never a
 * made-up value; what is left blank, and why, is told on the workbook's note sheet (workbook.ts).
 *
 * Dates after the as-at date are ignored everywhere, so a record folded a little past it gives the
 * same lists. Every child has rows of the lists they belong to; the engine joins them.
 */
import { addMonths } from '../../../platform/calendar/calendar.ts';
import type { ReturnsChildState } from '../child-state.ts';
import { isShortBreaksOnly, lookedAfterOn, placementsOf, type CareEpisodeState } from '../../looked-after/state.ts';
import type { EpisodeState } from '../../children-in-need/state.ts';
import {
  accommodationOf, activityOf, categoryOfAbuseOf, disabilityOf, eligibilityOf, ethnicityOf, genderOf, inTouchOf, legalStatusOf, needOf,
  permanencePlanOf, placementLocationOf, placementProviderOf, placementTypeOf, reasonCeasedOf, reasonForClosureOf, reasonNoLongerPlacedOf,
  sourceOf, suitabilityOf, yesNo,
} from './values.ts';

export interface AnnexAWindow {
  /** The first day of the 12 months. */
  from: string;
  /** The date the lists are as at (the last day). */
  asAt: string;
}

export type AnnexACell = string | number | null;

/** Each list's rows by sheet name ("List 1"…), each a cell per column in Ofsted's order; dates are ISO. */
export type AnnexARows = Readonly<Record<string, readonly AnnexACell[][]>>;

/** A child's rows of each of Annex A's lists (none when the record was merged into another child's). */
export function annexARowsOfChild(state: ReturnsChildState, window: AnnexAWindow): AnnexARows {
  if (state.mergedInto !== undefined) return {};
  const read = new ChildReading(state, window);
  return {
    'List 1': read.contacts(),
    'List 2': [],
    'List 3': read.referrals(),
    'List 4': read.assessments(),
    'List 5': read.section47s(),
    'List 6': read.childrenInNeed(),
    'List 7': read.childProtectionPlans(),
    'List 8': read.lookedAfter(),
    'List 9': read.careLeaver(),
    'List 10': read.adoption(),
    'List 11': [],
  };
}

/** Many children's rows as one set of lists, in the order given. */
export function joinAnnexARows(children: Iterable<AnnexARows>): AnnexARows {
  const joined: Record<string, AnnexACell[][]> = {};
  for (const rows of children) {
    for (const [sheet, sheetRows] of Object.entries(rows)) (joined[sheet] ??= []).push(...sheetRows.map((row) => [...row]));
  }
  return joined;
}

/** Whole years from the date of birth to the day. */
export function ageInYearsOn(dateOfBirth: string, day: string): number {
  const years = Number(day.slice(0, 4)) - Number(dateOfBirth.slice(0, 4));
  return day.slice(5) < dateOfBirth.slice(5) ? years - 1 : years;
}

/** The latest of the dates on or before the day, or null. */
function latestOnOrBefore(dates: Iterable<string | undefined>, day: string): string | null {
  let latest: string | null = null;
  for (const date of dates) if (date !== undefined && date <= day && (latest === null || date > latest)) latest = date;
  return latest;
}

/** Reads the lists' rows from one child's state. */
class ChildReading {
  private readonly asAt: string;
  private readonly from: string;

  constructor(private readonly state: ReturnsChildState, window: AnnexAWindow) {
    this.asAt = window.asAt;
    this.from = window.from;
  }

  private inWindow(date: string): boolean {
    return date >= this.from && date <= this.asAt;
  }

  /** Begun by the as-at date and not ended before the 12 months began. */
  private openInWindow(startedOn: string, endedOn: string | undefined): boolean {
    return startedOn <= this.asAt && (endedOn === undefined || endedOn >= this.from);
  }

  /** The date when it is on or before the as-at date; a later one is not yet known at that date. */
  private known(date: string | undefined): string | null {
    return date !== undefined && date <= this.asAt ? date : null;
  }

  private get details() {
    return this.state.details;
  }

  /** Child Unique ID, Gender, Ethnicity, Date of Birth, Age: the columns every list of children begins with. */
  private child(): AnnexACell[] {
    const dateOfBirth = this.details?.dateOfBirth;
    const age = dateOfBirth !== undefined && dateOfBirth <= this.asAt ? ageInYearsOn(dateOfBirth, this.asAt) : null;
    return [this.state.childId, genderOf(this.details?.sex), ethnicityOf(this.details?.ethnicity), dateOfBirth ?? null, age];
  }

  private disability(): AnnexACell {
    return disabilityOf(this.details?.disabilities);
  }

  /**
   * The allocated team and worker: the allocation in force at the as-at date, or, for a child no
   * longer allocated, the last one before it (the team and worker who held the case).
   */
  private allocated(): AnnexACell[] {
    const started = this.state.allocations.filter((allocation) => allocation.startedOn <= this.asAt);
    const current = started.filter((allocation) => allocation.endedOn === undefined || allocation.endedOn > this.asAt).at(-1);
    const allocation = current ?? started.at(-1);
    return [allocation?.teamId ?? null, allocation?.workerId ?? null];
  }

  private get episodes(): EpisodeState[] {
    return this.state.episodes.filter((episode) => episode.referralOn <= this.asAt);
  }

  // List 1: every contact received in the 12 months.
  contacts(): AnnexACell[][] {
    return this.state.contacts
      .filter((contact) => this.inWindow(contact.receivedOn))
      .map((contact) => [...this.child(), contact.receivedOn, sourceOf(contact.source)]);
  }

  // List 3: every referral received in the 12 months. "Number of referrals in last 12 months" counts
  // the child's other referrals in the 12 months before this one (so a first referral shows 0).
  // A referral is NFA when its episode closed with no assessment begun.
  referrals(): AnnexACell[][] {
    const referralDates = this.episodes.map((episode) => episode.referralOn);
    return this.episodes.filter((episode) => this.inWindow(episode.referralOn)).map((episode) => {
      const yearBefore = addMonths(episode.referralOn, -12);
      const earlier = referralDates.filter((date) => date >= yearBefore && date < episode.referralOn).length;
      const closed = this.known(episode.closedOn) !== null;
      const noFurtherAction = closed && !episode.assessments.some((assessment) => assessment.startedOn <= this.asAt);
      return [...this.child(), episode.referralOn, sourceOf(episode.source), yesNo(noFurtherAction), earlier, ...this.allocated()];
    });
  }

  // List 4: assessments open at any time in the 12 months. The child was seen during it when a visit
  // between its start and authorisation (or the as-at date) saw them.
  assessments(): AnnexACell[][] {
    const rows: AnnexACell[][] = [];
    for (const episode of this.episodes) {
      for (const assessment of episode.assessments) {
        if (!this.openInWindow(assessment.startedOn, assessment.completedOn)) continue;
        const authorisedOn = this.known(assessment.completedOn);
        const until = authorisedOn ?? this.asAt;
        const seen = episode.visits.some((visit) => visit.childSeen && visit.visitedOn >= assessment.startedOn && visit.visitedOn <= until);
        rows.push([
          ...this.child(), this.disability(), assessment.startedOn, yesNo(seen), authorisedOn,
          authorisedOn === null ? null : requiresSupport(assessment.outcome), ...this.allocated(),
        ]);
      }
    }
    return rows;
  }

  // List 5: section 47 enquiries begun in the 12 months (the strategy discussion that began each is
  // its start). The counts are of the child's other enquiries and initial conferences in the 12
  // months before this enquiry began.
  section47s(): AnnexACell[][] {
    const enquiries = this.episodes.flatMap((episode) => episode.section47s.map((enquiry) => ({ episode, enquiry })));
    const conferenceDates = this.episodes.flatMap((episode) => episode.initialConferences.map((conference) => conference.heldOn));
    return enquiries.filter(({ enquiry }) => this.inWindow(enquiry.startedOn)).map(({ episode, enquiry }) => {
      const conference = episode.initialConferences.find((candidate) => candidate.section47Id === enquiry.section47Id && candidate.heldOn <= this.asAt);
      const conferenceOn = conference?.heldOn ?? this.known(enquiry.icpcOn);
      const completed = this.known(enquiry.completedOn) !== null;
      const unnecessary = conferenceOn !== null ? 'No'
        : completed ? yesNo(enquiry.icpcRequired === false || (enquiry.outcome !== undefined && enquiry.outcome !== 'initial-child-protection-conference'))
          : null;
      const yearBefore = addMonths(enquiry.startedOn, -12);
      const earlierEnquiries = enquiries.filter(({ enquiry: other }) => other !== enquiry && other.startedOn >= yearBefore && other.startedOn < enquiry.startedOn).length;
      const earlierConferences = conferenceDates.filter((date) => date >= yearBefore && date < enquiry.startedOn).length;
      return [
        ...this.child(), this.disability(), enquiry.startedOn, unnecessary, conferenceOn,
        conference === undefined ? null : yesNo(conference.planRequired), earlierEnquiries, earlierConferences, ...this.allocated(),
      ];
    });
  }

  // List 6: children-in-need episodes open at any time in the 12 months (every child the council
  // worked with: those on plans and looked after included, as Ofsted asks).
  childrenInNeed(): AnnexACell[][] {
    return this.episodes.filter((episode) => this.openInWindow(episode.referralOn, episode.closedOn)).map((episode) => {
      const closedOn = this.known(episode.closedOn);
      // Seen during the episode: from the referral to its closure (a later episode's visits are not this one's).
      const lastSeen = latestOnOrBefore(this.seenDates().filter((date) => date >= episode.referralOn), closedOn ?? this.asAt);
      return [
        ...this.child(), this.disability(), episode.referralOn, needOf(episode.primaryNeed),
        lastSeen, closedOn, closedOn === null ? null : reasonForClosureOf(episode.reasonForClosure), this.caseStatus(episode, closedOn),
        ...this.allocated(),
      ];
    });
  }

  /** Every day the child was seen on a visit: children in need, child protection and looked-after visits. */
  private seenDates(): string[] {
    const dates: string[] = [];
    for (const episode of this.episodes) {
      for (const visit of episode.visits) if (visit.childSeen) dates.push(visit.visitedOn);
      for (const plan of episode.cpPlans) for (const visit of plan.visits) if (visit.childSeen) dates.push(visit.visitedOn);
    }
    for (const visit of this.state.carePlanning.visits) if (visit.childSeen) dates.push(visit.visitedOn);
    return dates;
  }

  /**
   * Case status at the as-at date, the most intensive first. An open episode with neither plan is
   * still being assessed (an assessment or section 47 enquiry under way): "d) Open assessment".
   */
  private caseStatus(episode: EpisodeState, closedOn: string | null): string {
    if (closedOn !== null) return 'e) Closed episode';
    if (lookedAfterOn(this.state, this.asAt)) return 'a) Looked after child';
    if (episode.cpPlans.some((plan) => plan.startedOn <= this.asAt && this.known(plan.endedOn) === null)) return 'b) Child Protection plan';
    if (episode.cinPlans.some((plan) => plan.startedOn <= this.asAt && this.known(plan.endedOn) === null)) return 'c) Child in need plan';
    return 'd) Open assessment';
  }

  // List 7: child protection plans in force at any time in the 12 months. Emergency protection and
  // police protection are known to the record when the child was accommodated under them (legal
  // status L1 or L2); "Yes" when such an episode fell in the six months before the as-at date.
  childProtectionPlans(): AnnexACell[][] {
    const sixMonthsBefore = addMonths(this.asAt, -6);
    const emergencyProtection = this.state.periodsOfCare.some((period) => period.episodes.some((episode) =>
      (episode.legalStatus === 'L1' || episode.legalStatus === 'L2') && episode.startedOn <= this.asAt
      && (episode.endedOn === undefined || episode.endedOn >= sixMonthsBefore)));
    const rows: AnnexACell[][] = [];
    for (const episode of this.episodes) {
      for (const plan of episode.cpPlans) {
        if (!this.openInWindow(plan.startedOn, plan.endedOn)) continue;
        const endedOn = this.known(plan.endedOn);
        const visits = [
          ...plan.visits,
          ...episode.visits.filter((visit) => visit.kind === 'child-protection' && visit.visitedOn >= plan.startedOn && (endedOn === null || visit.visitedOn <= endedOn)),
        ].filter((visit) => visit.visitedOn <= this.asAt);
        const lastVisitOn = latestOnOrBefore(visits.map((visit) => visit.visitedOn), this.asAt);
        const lastVisits = visits.filter((visit) => visit.visitedOn === lastVisitOn);
        rows.push([
          ...this.child(), this.disability(), plan.startedOn, categoryOfAbuseOf(plan.initialCategory), categoryOfAbuseOf(plan.latestCategory),
          lastVisitOn, lastVisitOn === null ? null : yesNo(lastVisits.some((visit) => visit.seenAlone)),
          latestOnOrBefore(plan.reviewConferences, this.asAt), endedOn, yesNo(emergencyProtection), plan.numberOfPreviousPlans, ...this.allocated(),
        ]);
      }
    }
    return rows;
  }

  // List 8: periods of care open at any time in the 12 months, short breaks only left out (as the
  // DfE counts children looked after). Missing and absent episodes and return interviews are not
  // kept by the record: those cells are blank. So are the last IRO visit (the record keeps the IRO's
  // reviews, not their visits or contacts) and the LA of placement (it keeps the postcode).
  lookedAfter(): AnnexACell[][] {
    const periods = this.state.periodsOfCare.filter((period) => !isShortBreaksOnly(period) && this.openInWindow(period.startedOn, period.ceasedOn));
    const carePlanning = this.state.carePlanning;
    return periods.map((period) => {
      const episodes = period.episodes.filter((episode) => episode.startedOn <= this.asAt);
      const episode = episodes.at(-1)!;
      const ceasedOn = this.known(period.ceasedOn);
      const uasc = period.unaccompaniedAsylumSeeking && (period.uascCeasedOn === undefined || period.uascCeasedOn >= this.from);
      const subsequent = this.inWindow(period.startedOn)
        && periods.some((other) => other !== period && other.startedOn < period.startedOn);
      const placements = placementsOf({ ...period, episodes }).filter(({ placement }) => !placement.type.startsWith('T'));
      const placementsInWindow = placements.filter((p) => this.openInWindow(p.startedOn, p.endedOn)).length;
      const recent = placementsOf({ ...period, episodes }).at(-1)!;
      const permanencePlan = carePlanning.permanencePlans.filter((plan) => plan.periodId === period.periodId && plan.decidedOn <= this.asAt).at(-1)?.plan
        ?? carePlanning.carePlans.filter((plan) => plan.periodId === period.periodId && plan.recordedOn <= this.asAt && plan.permanencePlan !== undefined).at(-1)?.permanencePlan;
      return [
        ...this.child(), yesNo(uasc), this.disability(), period.startedOn, needOf(episode.categoryOfNeed), yesNo(subsequent),
        legalStatusStartOf(episodes), legalStatusOf(episode.legalStatus),
        latestOnOrBefore(carePlanning.reviews.filter((review) => review.periodId === period.periodId).map((review) => review.heldOn), this.asAt),
        latestOnOrBefore(carePlanning.visits.filter((visit) => visit.periodId === period.periodId).map((visit) => visit.visitedOn), this.asAt),
        permanencePlanOf(permanencePlan), null,
        latestOnOrBefore(carePlanning.healthAssessments.map((assessment) => assessment.assessedOn), this.asAt),
        latestOnOrBefore(carePlanning.dentalChecks.map((check) => check.checkedOn), this.asAt),
        placementsInWindow, ceasedOn, ceasedOn === null ? null : reasonCeasedOf(period.reasonCeased),
        recent.startedOn, placementTypeOf(recent.placement.type), placementProviderOf(recent.placement.provider), recent.placement.postcode ?? null,
        recent.placement.ofstedUrn ?? null, placementLocationOf(recent.placement.insideCouncil), null,
        null, null, null, null, ...this.allocated(),
      ];
    });
  }

  // List 9: care leavers whose support was in force at any time in the 12 months. In touch, activity
  // and (when no move is recorded) accommodation come from the latest birthday contact, as the
  // SSDA903 OC3 return takes them.
  careLeaver(): AnnexACell[][] {
    const leavingCare = this.state.leavingCare;
    if (leavingCare === undefined || !this.openInWindow(leavingCare.since, leavingCare.ended?.endedOn)) return [];
    const eligibility = leavingCare.eligibilityDecisions.filter((decision) => decision.decidedOn <= this.asAt).at(-1);
    const adviser = leavingCare.personalAdvisers.filter((allocation) => allocation.allocatedOn <= this.asAt).at(-1);
    const birthdayContact = leavingCare.birthdayContacts.filter((contact) => contact.contactedOn <= this.asAt).at(-1);
    const move = leavingCare.accommodations.filter((change) => change.changedOn <= this.asAt).at(-1);
    const moveIsLatest = move !== undefined && (birthdayContact?.accommodation === undefined || move.changedOn >= birthdayContact.contactedOn);
    const uasc = this.details?.unaccompaniedAsylumSeeking === true || this.state.periodsOfCare.some((period) => period.unaccompaniedAsylumSeeking);
    const latestContact = latestOnOrBefore([
      ...leavingCare.adviserContacts.map((contact) => contact.contactedOn), ...leavingCare.birthdayContacts.map((contact) => contact.contactedOn),
    ], this.asAt);
    return [[
      ...this.child(), yesNo(uasc), this.disability(), ...this.allocated(), adviser?.workerId ?? null,
      eligibility === undefined ? null : eligibilityOf(eligibility.category),
      latestOnOrBefore(leavingCare.pathwayPlanReviews.map((review) => review.reviewedOn), this.asAt), inTouchOf(birthdayContact?.inTouch),
      latestContact, accommodationOf(moveIsLatest ? move.accommodation : birthdayContact?.accommodation),
      suitabilityOf(moveIsLatest ? move.suitable : birthdayContact?.accommodationSuitable), activityOf(birthdayContact?.activity),
    ]];
  }

  // List 10: decisions that the child should be placed for adoption, open at any time in the 12
  // months (adopted or reversed in them, or still open). The record keeps no adoptive family
  // identifier: that cell is blank.
  adoption(): AnnexACell[][] {
    return this.state.adoptionPlans.filter((plan) => this.openInWindow(plan.decidedOn, plan.adoptionOrderOn ?? plan.reversedOn)).map((plan) => {
      const period = this.state.periodsOfCare.find((candidate) => candidate.periodId === plan.periodId)
        ?? this.state.periodsOfCare.filter((candidate) => candidate.startedOn <= plan.decidedOn).at(-1);
      // Fostering for adoption or concurrent planning: the placement with carers who are also approved adopters (U2, U5).
      const fosteringForAdoptionOn = period === undefined ? null
        : placementsOf(period).find(({ placement }) => placement.type === 'U2' || placement.type === 'U5')?.startedOn ?? null;
      const child = this.child();
      const reversedOn = this.known(plan.reversedOn);
      return [
        child[0]!, null, child[1]!, child[2]!, child[3]!, child[4]!, this.disability(), plan.enteredCareOn ?? period?.startedOn ?? null,
        plan.decidedOn, this.known(plan.placementOrderGrantedOn), this.known(plan.match?.matchedOn), this.known(plan.placedOn),
        this.known(plan.adoptionOrderOn), reversedOn, reversedOn === null ? null : reasonNoLongerPlacedOf(plan.reversalReason),
        this.known(fosteringForAdoptionOn ?? undefined),
      ];
    });
  }
}

/** Whether an assessment found the child needs the council's social care: yes for a plan, an enquiry or care; no for no further action or early help. */
function requiresSupport(outcome: string | undefined): string | null {
  if (outcome === 'child-in-need-plan' || outcome === 'strategy-discussion' || outcome === 'looked-after') return 'Yes';
  if (outcome === 'no-further-action' || outcome === 'early-help') return 'No';
  return null;
}

/** The day the current legal status began: the first of the run of latest episodes with the same status. */
function legalStatusStartOf(episodes: readonly CareEpisodeState[]): string {
  let index = episodes.length - 1;
  while (index > 0 && episodes[index - 1]!.legalStatus === episodes[index]!.legalStatus) index -= 1;
  return episodes[index]!.startedOn;
}
