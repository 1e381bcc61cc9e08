/**
 * The CIN census made from a child's record: the rows of each table (cin/tables.ts) for one child,
 * read from their record folded up to the end of the collection year. Which children and which
 * items are returned follows DfE's specification and its validation rules: the children referred
 * in the year and those whose episode of need was open on 1 April; for each, the episodes that
 * overlap the year, and within them what happened in or before the year.
 */
import { createCalendar } from '../../../platform/calendar/calendar.ts';
import type { ChildProtectionPlanState, Section47State } from '../../child-protection/state.ts';
import type { AssessmentState, EpisodeState } from '../../children-in-need/state.ts';
import type { ReturnsChildState } from '../child-state.ts';
import type { CollectionYear } from '../collection-year.ts';
import type { Cell, TableRow } from '../return-tables.ts';
import type { ReturnHeaderFacts } from '../statutory-return.ts';
import { cinYearLabels } from './tables.ts';

/** The census's timescale for an initial conference: 15 working days after the strategy discussion. */
const ICPC_TARGET_WORKING_DAYS = 15;

const calendar = createCalendar();

/** The CIN census's sex from 2024-25 is the record's own (M/F/U); before, GenderCurrent was 1 male, 2 female, 0 not recorded or unborn. */
const genderCurrentOfSex: Readonly<Record<string, string>> = { M: '1', F: '2', U: '0' };

type Rows = Record<string, TableRow[]>;

const flag = (value: boolean): string => (value ? '1' : '0');
const onOrBefore = (date: string | undefined, limit: string): string | undefined => (date !== undefined && date <= limit ? date : undefined);
const cellOf = (value: string | undefined): Cell => value ?? null;

/** Whether something that began on `startedOn` and ended on `endedOn` (undefined: not yet) was open at some point in the year. */
const overlapsYear = (startedOn: string, endedOn: string | undefined, year: CollectionYear): boolean =>
  startedOn <= year.end && (endedOn === undefined || endedOn >= year.start);

/** The episodes of need that overlap the year, in referral order: each is one CINdetails block. */
export function episodesInYear(state: Pick<ReturnsChildState, 'episodes'>, year: CollectionYear): EpisodeState[] {
  return state.episodes
    .filter((episode) => overlapsYear(episode.referralOn, onOrBefore(episode.closedOn, year.end), year))
    .sort((a, b) => (a.referralOn < b.referralOn ? -1 : a.referralOn > b.referralOn ? 1 : 0));
}

/**
 * A child's rows of each table, or null when the child is not in the year's census (no episode of
 * need referred in the year or open on 1 April, a record merged into another, or not registered).
 */
export function rowsOfChild(state: ReturnsChildState, year: CollectionYear): Readonly<Record<string, readonly TableRow[]>> | null {
  if (state.details === undefined || state.mergedInto !== undefined) return null;
  const episodes = episodesInYear(state, year);
  if (episodes.length === 0) return null;
  const child = state.childId;
  const rows: Rows = {
    ChildIdentifiers: [identifiersOf(state, year)],
    ChildCharacteristics: [{ LAchildID: child, Ethnicity: state.details.ethnicity }],
    // A child with no disability recorded is returned as NONE, as DfE asks.
    Disabilities: (state.details.disabilities.length > 0 ? state.details.disabilities : ['NONE']).map((code) => ({ LAchildID: child, Disability: code })),
    CINdetails: [], Assessments: [], AssessmentFactorsList: [], CINplanDates: [], Section47: [], ChildProtectionPlans: [], Reviews: [],
  };
  episodes.forEach((episode, index) => addEpisodeRows(rows, child, String(index + 1), episode, year));
  return rows;
}

function identifiersOf(state: ReturnsChildState, year: CollectionYear): TableRow {
  const details = state.details!;
  // Born by the year's end: the date of birth; unborn: the expected date (DfE rule 8525: one, not both).
  const birthDate = onOrBefore(details.dateOfBirth, year.end);
  const sex: Record<string, Cell> = year.label >= '2024-25'
    ? { Sex: details.sex }
    : { GenderCurrent: birthDate === undefined ? '0' : genderCurrentOfSex[details.sex] ?? '0' };
  return {
    LAchildID: state.childId,
    UPN: cellOf(details.upn),
    // The record keeps a child's current UPN only: a former UPN cannot be had from it, so none is returned.
    FormerUPN: null,
    UPNunknown: details.upn === undefined ? cellOf(details.upnUnknown) : null,
    PersonBirthDate: cellOf(birthDate),
    ExpectedPersonBirthDate: birthDate === undefined ? cellOf(details.expectedDateOfBirth) : null,
    ...sex,
    // The record has no date of death (a death shows only as a closure reason RC2 or a plan ended
    // because the child died): none is returned.
    PersonDeathDate: null,
  };
}

function addEpisodeRows(rows: Rows, child: string, cinDetailsId: string, episode: EpisodeState, year: CollectionYear): void {
  const closedOn = onOrBefore(episode.closedOn, year.end);
  const key = { LAchildID: child, CINdetailsID: cinDetailsId };
  const section47s = episode.section47s.filter((enquiry) => isSection47Returned(enquiry, year));
  // An initial conference held in the year after an enquiry begun in an earlier year (so not in
  // Section47) is returned on the CINdetails block instead: DfE rule 2884 wants it in one place only.
  const conferenceOfEarlierEnquiry = episode.section47s
    .filter((enquiry) => !section47s.includes(enquiry) && enquiry.icpcOn !== undefined && enquiry.icpcOn >= year.start && enquiry.icpcOn <= year.end)
    .map((enquiry) => enquiry.icpcOn!)
    .sort()
    .at(-1);
  rows.CINdetails!.push({
    ...key,
    CINreferralDate: episode.referralOn,
    ReferralSource: episode.source,
    PrimaryNeedCode: cellOf(episode.primaryNeed),
    CINclosureDate: cellOf(closedOn),
    ReasonForClosure: closedOn === undefined ? null : cellOf(episode.reasonForClosure),
    DateOfInitialCPC: cellOf(conferenceOfEarlierEnquiry),
    // A referral with no further action: the episode closed with no assessment and no section 47
    // enquiry (the record's own definition, as its figures count it). An open referral is not (yet)
    // NFA. A contact the front door decided on with no further action never became a referral, so
    // it is not in the census at all.
    ReferralNFA: flag(closedOn !== undefined && episode.assessments.length === 0 && episode.section47s.length === 0),
  });
  episode.assessments.filter((assessment) => isAssessmentReturned(assessment, year)).forEach((assessment, index) => {
    const completedOn = onOrBefore(assessment.completedOn, year.end);
    const factors = completedOn === undefined ? [] : assessment.factors ?? [];
    const assessmentKey = { ...key, AssessmentID: String(index + 1), AssessmentActualStartDate: assessment.startedOn, AssessmentAuthorisationDate: cellOf(completedOn) };
    // The record has no internal review date of an assessment (its completion is the manager's authorisation): none is returned.
    rows.Assessments!.push({ ...assessmentKey, AssessmentInternalReviewDate: null, AssessmentFactors: factors.length > 0 ? factors.join(',') : null });
    for (const factor of factors) rows.AssessmentFactorsList!.push({ ...assessmentKey, AssessmentFactor: factor });
  });
  for (const plan of episode.cinPlans) {
    // A plan still open when its episode closed ends with the episode (no plan outlives its episode).
    const endedOn = onOrBefore(plan.endedOn ?? episode.closedOn, year.end);
    if (overlapsYear(plan.startedOn, endedOn, year)) rows.CINplanDates!.push({ ...key, CINPlanStartDate: plan.startedOn, CINPlanEndDate: cellOf(endedOn) });
  }
  for (const enquiry of section47s) {
    const icpcOn = onOrBefore(enquiry.icpcOn, year.end);
    const decidedNoConference = enquiry.icpcRequired === false && onOrBefore(enquiry.completedOn, year.end) !== undefined;
    rows.Section47!.push({
      ...key,
      S47ActualStartDate: enquiry.startedOn,
      InitialCPCtarget: calendar.addWorkingDays(enquiry.startedOn, ICPC_TARGET_WORKING_DAYS),
      DateOfInitialCPC: cellOf(icpcOn),
      ICPCnotRequired: flag(icpcOn === undefined && decidedNoConference),
    });
  }
  episode.cpPlans.filter((plan) => overlapsYear(plan.startedOn, onOrBefore(plan.endedOn, year.end), year)).forEach((plan, index) => {
    addPlanRows(rows, { ...key, CPPID: String(index + 1) }, plan, year);
  });
}

/**
 * A section 47 enquiry is returned when it started in the year, or was still open on 1 April
 * (no conference yet and not decided against one) and held no conference in the year: an enquiry
 * begun earlier whose conference was held in the year gives only the CINdetails conference date.
 */
function isSection47Returned(enquiry: Section47State, year: CollectionYear): boolean {
  if (enquiry.startedOn > year.end) return false;
  if (enquiry.startedOn >= year.start) return true;
  const icpcOn = onOrBefore(enquiry.icpcOn, year.end);
  if (icpcOn !== undefined) return false;
  const decidedOn = enquiry.icpcRequired === false ? enquiry.completedOn : undefined;
  return decidedOn === undefined || decidedOn >= year.start;
}

/** An assessment is returned when it was open at some point in the year: authorised in it (rule 8696) or not yet authorised. */
const isAssessmentReturned = (assessment: AssessmentState, year: CollectionYear): boolean =>
  overlapsYear(assessment.startedOn, onOrBefore(assessment.completedOn, year.end), year);

function addPlanRows(rows: Rows, key: Record<string, string>, plan: ChildProtectionPlanState, year: CollectionYear): void {
  rows.ChildProtectionPlans!.push({
    ...key,
    CPPstartDate: plan.startedOn,
    CPPendDate: cellOf(onOrBefore(plan.endedOn, year.end)),
    InitialCategoryOfAbuse: plan.initialCategory,
    LatestCategoryOfAbuse: plan.latestCategory,
    NumberOfPreviousCPP: String(plan.numberOfPreviousPlans),
  });
  // Every review conference of the plan held by the year's end.
  for (const reviewedOn of plan.reviewConferences) {
    if (reviewedOn <= year.end) rows.Reviews!.push({ ...key, CPPreviewDate: reviewedOn });
  }
}

/** The census's Header: the collection, its year and reference date, and who made it with what, when. */
export function headerRows(facts: ReturnHeaderFacts): Readonly<Record<string, readonly TableRow[]>> {
  const labels = cinYearLabels(facts.collectionYear);
  return {
    Header: [{
      Collection: 'CIN', Year: labels.censusYear, ReferenceDate: labels.referenceDate, SourceLevel: 'L', LEA: facts.laNumber,
      SoftwareCode: facts.softwareCode, Release: facts.release,
      // One file a year: the first (and only) submission of the council's return.
      SerialNo: '001',
      DateTime: facts.producedAt,
    }],
  };
}
