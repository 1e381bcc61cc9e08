/**
 * A CIN census made elsewhere brought into the record: each child's census blocks become the
 * events that, folded, give the same census again (so a council can bring its history). The
 * census says less than the record keeps, so what it does not say is filled in plainly and said
 * so below; what it says that the record cannot hold is named in the round-trip tests.
 */
import {
  assessmentFactorCodes, categoryOfAbuseCodes, disabilityCodes, ethnicityCodes, primaryNeedCodes, reasonForClosureCodes, referralSourceCodes,
  upnUnknownCodes,
} from '../../../codes/statutory-codes.ts';
import { isIsoDate } from '../../../platform/calendar/calendar.ts';
import type { CollectionYear } from '../collection-year.ts';
import { cellOf, rowsOf, type Cell, type ReturnTables, type TableRow } from '../return-tables.ts';
import type { ImportedChildEvents } from '../statutory-return.ts';

type ImportedEvent = ImportedChildEvents['events'][number];
type Problem = { table: string; row: number; message: string };

/**
 * The census has no names: the record needs one, so an imported child is named as not known
 * until the council records their name (a change of details).
 */
const NAME_NOT_IN_CENSUS = { forename: 'Name not known', surname: 'Imported from the CIN census' } as const;
/** Who authorised an assessment or chaired a conference is not in the census. */
const WORKER_NOT_IN_CENSUS = 'not-in-cin-census';
/** Which agencies attended a strategy discussion or conference is not in the census: children's social care always does. */
const AGENCIES_NOT_IN_CENSUS = ['childrens-social-care'];

const LA_CHILD_ID = /^[A-Za-z0-9]{1,20}$/;
const UPN = /^[A-Za-z]\d{11}(\d|[A-Za-z])$/;
const TRUE_FLAGS = new Set(['1', 'true']);

/** Sex as the record keeps it (M/F/U), from the census's Sex or its earlier GenderCurrent (1 male, 2 female, 0 not recorded or unborn, 9 indeterminate). */
const sexOfCensus: Readonly<Record<string, string>> = { M: 'M', F: 'F', U: 'U', 1: 'M', 2: 'F', 0: 'U', 9: 'U' };

/** Same-day order: what must come first for the record to accept what follows (a plan ends before the next starts, work before closure). */
const rank = {
  registered: 0, earlierEnquiryConcluded: 5, referral: 10, strategyDiscussion: 20, assessmentStarted: 30, assessmentCompleted: 35,
  enquiryConcluded: 40, review: 45, categoryChangedAtReview: 47, planEnded: 50, cinPlanEnded: 55, initialConference: 60, categoryChangedAtStart: 65,
  cinPlanStarted: 70,
  enquiryConcludedBeforeClosure: 85, closed: 90,
} as const;

interface Dated { date: string; episode: number; rank: number; type: string; data: Record<string, unknown> }

class ChildRefused extends Error {
  constructor(readonly problem: Problem) {
    super(problem.message);
  }
}

/** Where each table's rows are, by child, with their positions (problems name the row). */
class Rows {
  private readonly byChild = new Map<string, Map<string, { row: TableRow; index: number }[]>>();
  constructor(tables: ReturnTables) {
    for (const table of Object.keys(tables)) {
      rowsOf(tables, table).forEach((row, index) => {
        const child = cellOf(row, 'LAchildID') ?? '';
        const byTable = this.byChild.get(child) ?? new Map<string, { row: TableRow; index: number }[]>();
        const list = byTable.get(table) ?? [];
        list.push({ row, index });
        byTable.set(table, list);
        this.byChild.set(child, byTable);
      });
    }
  }
  of(child: string, table: string, within: Record<string, Cell> = {}): { row: TableRow; index: number }[] {
    return (this.byChild.get(child)?.get(table) ?? []).filter(({ row }) => Object.entries(within).every(([column, value]) => cellOf(row, column) === value));
  }
}

/** The events of each child of an imported census, and the rows that stop a child being brought in. */
export function eventsOfCinCensus(tables: ReturnTables, year: CollectionYear): { children: ImportedChildEvents[]; problems: Problem[] } {
  const rows = new Rows(tables);
  const children: ImportedChildEvents[] = [];
  const problems: Problem[] = [];
  const seen = new Set<string>();
  rowsOf(tables, 'ChildIdentifiers').forEach((identifiers, index) => {
    const childId = cellOf(identifiers, 'LAchildID') ?? '';
    if (seen.has(childId)) {
      // Two Child blocks with one LAchildID cannot be told apart: the first is brought in with the blocks of both.
      problems.push({ table: 'ChildIdentifiers', row: index, message: `Child ${childId}: the LA child id is given to more than one child, so this one is not brought in` });
      return;
    }
    seen.add(childId);
    try {
      const notes: Problem[] = [];
      children.push(childEventsOf(rows, identifiers, index, notes, year));
      problems.push(...notes);
    } catch (error) {
      if (error instanceof ChildRefused) problems.push(error.problem);
      else throw error;
    }
  });
  return { children, problems };
}

function childEventsOf(rows: Rows, identifiers: TableRow, identifiersRow: number, notes: Problem[], year: CollectionYear): ImportedChildEvents {
  const childId = cellOf(identifiers, 'LAchildID') ?? '';
  const refuse = (table: string, row: number, message: string): never => {
    throw new ChildRefused({ table, row, message: `Child ${childId || '(no LAchildID)'}: ${message}` });
  };
  if (!LA_CHILD_ID.test(childId)) refuse('ChildIdentifiers', identifiersRow, 'the LA child id must be 1 to 20 letters or digits to be brought into the record');

  const dateOf = (table: string, row: number, column: string, value: Cell): string | undefined => {
    if (value === null) return undefined;
    const date = value.slice(0, 10);
    return isIsoDate(date) ? date : refuse(table, row, `${column} is not a date (${value})`);
  };
  const codeOf = <T extends Record<string, string>>(list: T, table: string, row: number, column: string, value: Cell): keyof T & string | undefined => {
    if (value === null) return undefined;
    return value in list ? value : refuse(table, row, `${column} ${value} is not one of DfE's codes`);
  };

  const note = (table: string, row: number, message: string) => notes.push({ table, row, message: `Child ${childId}: ${message}` });
  const leftOut = <T extends Record<string, string>>(list: T, table: string, row: number, column: string, value: Cell): keyof T & string | undefined => {
    if (value === null || value in list) return value ?? undefined;
    note(table, row, `${column} ${value} is not one of DfE's codes, so it is left out`);
    return undefined;
  };
  const readers: Readers = { refuse, dateOf, codeOf, leftOut, note };
  const details = identifiersDetails(identifiers, identifiersRow, rows, childId, readers);
  const detailsRows = rows.of(childId, 'CINdetails');
  if (detailsRows.length === 0) refuse('ChildIdentifiers', identifiersRow, 'the child has no CINdetails block (a census child has at least one referral)');

  const dated: Dated[] = [];
  const episodes = detailsRows
    .map(({ row, index }) => ({ row, index, referralOn: dateOf('CINdetails', index, 'CINreferralDate', cellOf(row, 'CINreferralDate')) ?? refuse('CINdetails', index, 'the referral date is missing') }))
    .sort((a, b) => (a.referralOn < b.referralOn ? -1 : a.referralOn > b.referralOn ? 1 : 0));
  episodes.forEach((episode, order) => {
    const add = (date: string, step: number, type: string, data: Record<string, unknown> = {}) => dated.push({ date, episode: order, rank: step, type, data });
    episodeEvents(rows, childId, episode, add, readers, year);
  });

  const registeredOn = episodes[0]!.referralOn;
  dated.push({ date: registeredOn, episode: -1, rank: rank.registered, type: 'child.registered', data: details });
  dated.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.episode - b.episode || a.rank - b.rank));
  return { childId, events: dated.map(({ type, date, data }): ImportedEvent => ({ type, occurredAt: date, data })) };
}

interface Readers {
  refuse: (table: string, row: number, message: string) => never;
  /** A code the record cannot take in a field it can do without: left out, and said so. */
  leftOut: <T extends Record<string, string>>(list: T, table: string, row: number, column: string, value: Cell) => keyof T & string | undefined;
  /** Says what of a row is left out (the child is still brought in). */
  note: (table: string, row: number, message: string) => void;
  dateOf: (table: string, row: number, column: string, value: Cell) => string | undefined;
  codeOf: <T extends Record<string, string>>(list: T, table: string, row: number, column: string, value: Cell) => keyof T & string | undefined;
}

function identifiersDetails(identifiers: TableRow, index: number, rows: Rows, childId: string, { refuse, dateOf, codeOf, leftOut, note }: Readers): Record<string, unknown> {
  const sexCell = cellOf(identifiers, 'Sex') ?? cellOf(identifiers, 'GenderCurrent');
  const sex = sexCell === null ? undefined : sexOfCensus[sexCell];
  if (sex === undefined) refuse('ChildIdentifiers', index, `the sex ${sexCell ?? '(blank)'} is not M, F or U (or GenderCurrent 1, 2, 0 or 9)`);
  const characteristics = rows.of(childId, 'ChildCharacteristics')[0];
  const ethnicity = characteristics
    ? codeOf(ethnicityCodes, 'ChildCharacteristics', characteristics.index, 'Ethnicity', cellOf(characteristics.row, 'Ethnicity'))
    : undefined;
  if (ethnicity === undefined) refuse('ChildIdentifiers', index, 'the ethnicity is missing');
  const disabilities = rows.of(childId, 'Disabilities')
    .map(({ row, index: at }) => leftOut(disabilityCodes, 'Disabilities', at, 'Disability', cellOf(row, 'Disability')))
    .filter((code) => code !== undefined);
  const givenUpn = cellOf(identifiers, 'UPN');
  const upn = givenUpn !== null && UPN.test(givenUpn) ? givenUpn : null;
  if (givenUpn !== null && upn === null) note('ChildIdentifiers', index, `the UPN ${givenUpn} is not a letter, 11 digits and a final digit or letter, so it is left out`);
  const dateOfBirth = dateOf('ChildIdentifiers', index, 'PersonBirthDate', cellOf(identifiers, 'PersonBirthDate'));
  const expectedDateOfBirth = dateOf('ChildIdentifiers', index, 'ExpectedPersonBirthDate', cellOf(identifiers, 'ExpectedPersonBirthDate'));
  if (dateOfBirth === undefined && expectedDateOfBirth === undefined) refuse('ChildIdentifiers', index, 'neither the date of birth nor the expected date of birth is given');
  const details: Record<string, unknown> = {
    ...NAME_NOT_IN_CENSUS, sex, ethnicity, disabilities: [...new Set(disabilities)], unaccompaniedAsylumSeeking: false,
  };
  if (dateOfBirth !== undefined) details.dateOfBirth = dateOfBirth;
  else details.expectedDateOfBirth = expectedDateOfBirth;
  if (upn !== null) details.upn = upn;
  const upnUnknown = leftOut(upnUnknownCodes, 'ChildIdentifiers', index, 'UPNunknown', cellOf(identifiers, 'UPNunknown'));
  if (upnUnknown !== undefined && upn === null) details.upnUnknown = upnUnknown;
  return details;
}

type Adder = (date: string, step: number, type: string, data?: Record<string, unknown>) => void;

function episodeEvents(rows: Rows, childId: string, episode: { row: TableRow; index: number; referralOn: string }, add: Adder, readers: Readers, year: CollectionYear): void {
  const { refuse, dateOf, codeOf, leftOut } = readers;
  const { row, index, referralOn } = episode;
  const within = { CINdetailsID: cellOf(row, 'CINdetailsID') };
  const source = codeOf(referralSourceCodes, 'CINdetails', index, 'ReferralSource', cellOf(row, 'ReferralSource'))
    ?? refuse('CINdetails', index, 'the referral source is missing');
  const primaryNeed = leftOut(primaryNeedCodes, 'CINdetails', index, 'PrimaryNeedCode', cellOf(row, 'PrimaryNeedCode'));
  const closedOn = dateOf('CINdetails', index, 'CINclosureDate', cellOf(row, 'CINclosureDate'));
  // The census's primary need is also the record's need as understood at referral: an episode
  // still being assessed keeps it (the assessment and closure below record it again).
  add(referralOn, rank.referral, 'referral.received', { source, ...(primaryNeed ? { primaryNeed } : {}) });

  for (const { row: assessment, index: at } of rows.of(childId, 'Assessments', within)) {
    const startedOn = dateOf('Assessments', at, 'AssessmentActualStartDate', cellOf(assessment, 'AssessmentActualStartDate'))
      ?? refuse('Assessments', at, 'the assessment start date is missing');
    add(startedOn, rank.assessmentStarted, 'assessment.started', { assessmentType: 'child-and-family' });
    const authorisedOn = dateOf('Assessments', at, 'AssessmentAuthorisationDate', cellOf(assessment, 'AssessmentAuthorisationDate'));
    if (authorisedOn === undefined) {
      if (closedOn !== undefined) refuse('Assessments', at, 'the episode is closed but the assessment has no authorisation date: the record cannot close an episode with an assessment in progress');
      continue;
    }
    const factors = (cellOf(assessment, 'AssessmentFactors') ?? '').split(',').map((code) => code.trim()).filter((code) => code !== '')
      .map((code) => leftOut(assessmentFactorCodes, 'Assessments', at, 'AssessmentFactors', code))
      .filter((code) => code !== undefined);
    if (factors.length === 0) refuse('Assessments', at, 'the assessment was authorised with no factors identified: the record needs at least one (21 when none were found)');
    // The census does not say what the assessment led to, nor who authorised it.
    add(authorisedOn, rank.assessmentCompleted, 'assessment.completed', {
      factors: [...new Set(factors)], outcome: 'other', authorisedByWorkerId: WORKER_NOT_IN_CENSUS, ...(primaryNeed ? { primaryNeed } : {}),
    });
  }

  for (const { row: plan, index: at } of rows.of(childId, 'CINplanDates', within)) {
    const startedOn = dateOf('CINplanDates', at, 'CINPlanStartDate', cellOf(plan, 'CINPlanStartDate')) ?? refuse('CINplanDates', at, 'the plan start date is missing');
    add(startedOn, rank.cinPlanStarted, 'cin-plan.started');
    // A plan left open in a closed episode ends with it: the record closes no episode with a plan running.
    const endedOn = dateOf('CINplanDates', at, 'CINPlanEndDate', cellOf(plan, 'CINPlanEndDate')) ?? closedOn;
    if (endedOn !== undefined) add(endedOn, rank.cinPlanEnded, 'cin-plan.ended');
  }

  const plans = rows.of(childId, 'ChildProtectionPlans', within).map(({ row: plan, index: at }) => ({
    at, plan,
    startedOn: dateOf('ChildProtectionPlans', at, 'CPPstartDate', cellOf(plan, 'CPPstartDate')) ?? refuse('ChildProtectionPlans', at, 'the plan start date is missing'),
    initial: codeOf(categoryOfAbuseCodes, 'ChildProtectionPlans', at, 'InitialCategoryOfAbuse', cellOf(plan, 'InitialCategoryOfAbuse'))
      ?? refuse('ChildProtectionPlans', at, 'the initial category of abuse is missing'),
  }));
  const conferenceOn = (date: string) => {
    const plan = plans.find((p) => p.startedOn === date);
    return { planRequired: plan !== undefined, ...(plan ? { categoryOfAbuse: plan.initial } : {}), chairWorkerId: WORKER_NOT_IN_CENSUS, attendingAgencies: AGENCIES_NOT_IN_CENSUS };
  };
  const conferenceDates = new Set<string>();

  // Section 47 enquiries, each begun by a strategy discussion on its start date.
  const enquiries = rows.of(childId, 'Section47', within).map(({ row: enquiry, index: at }) => ({
    at,
    startedOn: dateOf('Section47', at, 'S47ActualStartDate', cellOf(enquiry, 'S47ActualStartDate')) ?? refuse('Section47', at, 'the section 47 start date is missing'),
    icpcOn: dateOf('Section47', at, 'DateOfInitialCPC', cellOf(enquiry, 'DateOfInitialCPC')),
    notRequired: TRUE_FLAGS.has(cellOf(enquiry, 'ICPCnotRequired') ?? ''),
  })).sort((a, b) => (a.startedOn < b.startedOn ? -1 : a.startedOn > b.startedOn ? 1 : 0));
  enquiries.forEach((enquiry, order) => {
    add(enquiry.startedOn, rank.strategyDiscussion, 'strategy-discussion.held', { attendingAgencies: AGENCIES_NOT_IN_CENSUS, decision: 'section-47' });
    if (enquiry.icpcOn !== undefined) {
      add(enquiry.icpcOn, rank.initialConference, 'conference.initial-held', conferenceOn(enquiry.icpcOn));
      conferenceDates.add(enquiry.icpcOn);
    } else if (enquiry.notRequired) {
      // The census does not say when the enquiry ended nor what it found: it is concluded, with no
      // conference needed, on the day it began, or on 1 April for one begun earlier (the census
      // returns that only when it was still open on 1 April).
      add(enquiry.startedOn < year.start ? year.start : enquiry.startedOn, rank.enquiryConcluded, 'section-47.completed', { outcome: 'no-further-action', concernsSubstantiated: false });
    } else {
      // Still awaiting its conference: it is concluded (a conference needed, none held) only where the record needs it
      // concluded, before the next enquiry or the episode's closure, so that it stays returned as awaiting one.
      const next = enquiries[order + 1];
      const concludeOn = next?.startedOn ?? closedOn;
      if (concludeOn !== undefined) {
        add(concludeOn, next ? rank.earlierEnquiryConcluded : rank.enquiryConcludedBeforeClosure, 'section-47.completed', {
          outcome: 'initial-child-protection-conference', concernsSubstantiated: true,
        });
      }
    }
  });

  // A conference given on the CINdetails block only (its enquiry began in an earlier year): the
  // census does not say when that enquiry began, so it begins at the referral.
  const detailsConferenceOn = dateOf('CINdetails', index, 'DateOfInitialCPC', cellOf(row, 'DateOfInitialCPC'));
  if (detailsConferenceOn !== undefined && !conferenceDates.has(detailsConferenceOn)) {
    add(referralOn, rank.strategyDiscussion, 'strategy-discussion.held', { attendingAgencies: AGENCIES_NOT_IN_CENSUS, decision: 'section-47' });
    add(detailsConferenceOn, rank.initialConference, 'conference.initial-held', conferenceOn(detailsConferenceOn));
    conferenceDates.add(detailsConferenceOn);
  }

  for (const { at, plan, startedOn } of plans) {
    if (!conferenceDates.has(startedOn)) {
      // A plan begun in an earlier year, whose enquiry and conference are not in this census: both are put on the day the plan began.
      add(startedOn, rank.strategyDiscussion, 'strategy-discussion.held', { attendingAgencies: AGENCIES_NOT_IN_CENSUS, decision: 'section-47' });
      add(startedOn, rank.initialConference, 'conference.initial-held', conferenceOn(startedOn));
      conferenceDates.add(startedOn);
    }
    const reviews = rows.of(childId, 'Reviews', { ...within, CPPID: cellOf(plan, 'CPPID') })
      .map(({ row: review, index: reviewAt }) => dateOf('Reviews', reviewAt, 'CPPreviewDate', cellOf(review, 'CPPreviewDate')))
      .filter((date) => date !== undefined)
      .sort();
    for (const reviewedOn of reviews) {
      add(reviewedOn, rank.review, 'conference.review-held', { planContinues: true, chairWorkerId: WORKER_NOT_IN_CENSUS, attendingAgencies: AGENCIES_NOT_IN_CENSUS });
    }
    const latest = codeOf(categoryOfAbuseCodes, 'ChildProtectionPlans', at, 'LatestCategoryOfAbuse', cellOf(plan, 'LatestCategoryOfAbuse'));
    if (latest !== undefined && latest !== cellOf(plan, 'InitialCategoryOfAbuse')) {
      // The census does not say when the category changed: at the latest review, or else the day the plan began.
      const lastReview = reviews.at(-1);
      if (lastReview === undefined) add(startedOn, rank.categoryChangedAtStart, 'cp-plan.category-changed', { categoryOfAbuse: latest });
      else add(lastReview, rank.categoryChangedAtReview, 'cp-plan.category-changed', { categoryOfAbuse: latest });
    }
    // The census does not say why a plan ended. A plan left open in a closed episode ends with it.
    const endedOn = dateOf('ChildProtectionPlans', at, 'CPPendDate', cellOf(plan, 'CPPendDate')) ?? closedOn;
    if (endedOn !== undefined) add(endedOn, rank.planEnded, 'cp-plan.ended', { reason: 'other' });
  }

  if (closedOn !== undefined) {
    const reasonForClosure = codeOf(reasonForClosureCodes, 'CINdetails', index, 'ReasonForClosure', cellOf(row, 'ReasonForClosure'))
      ?? refuse('CINdetails', index, 'the episode has a closure date but no reason for closure');
    // A closed episode without a primary need is closed as N0, DfE's "not stated".
    add(closedOn, rank.closed, 'episode.closed', { reasonForClosure, primaryNeed: primaryNeed ?? 'N0' });
  }
}
