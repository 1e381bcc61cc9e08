/**
 * A child's rows of the SSDA903 return for a collection year, from their record folded up to the
 * year's end (statutory-data §2). The return is longitudinal: the episodes file carries every
 * episode of each period of care open at any time in the year, so that DfE can follow the period
 * from its start. The other tables are about the year: reviews held in it, the OC2 outcomes of a
 * child looked after continuously for 12 months at 31 March, the OC3 outcomes of a care leaver
 * in the year of their 17th to 21st birthday, and so on.
 */
import { addCalendarDays as addDays, addMonths } from '../../../platform/calendar/calendar.ts';
import { returnDateOf } from '../../adoption/state.ts';
import { oc3AccommodationCode, type Accommodation } from '../../care-leavers/index.ts';
import { eligibilityOf } from '../../care-leavers/state.ts';
import { isShortBreaksOnly, lookedAfterOn, type CareEpisodeState, type PeriodOfCareState } from '../../looked-after/state.ts';
import { convictedForOc2 } from '../../youth-justice/index.ts';
import type { ReturnsChildState } from '../child-state.ts';
import type { CollectionYear } from '../collection-year.ts';
import { ukDateOf } from '../return-dates.ts';
import type { Cell, TableRow } from '../return-tables.ts';

type Rows = Record<string, TableRow[]>;

/** Legal statuses of short breaks only (V3, V4): not care proper for the header's questions. */
const SHORT_BREAK_STATUSES: ReadonlySet<string> = new Set(['V3', 'V4']);

const ukDateOrNull = (date: string | undefined): Cell => (date === undefined ? null : ukDateOf(date));
const flag = (value: boolean | undefined): Cell => (value === undefined ? null : value ? '1' : '0');
const inYear = (date: string, year: CollectionYear) => date >= year.start && date <= year.end;

/**
 * 903 SEX: M, F or U from 2024-25; before, 1 (male) or 2 (female), with no code for a sex not
 * known, which is then left blank (DfE's rules report it).
 */
export function sexCodeOf(sex: string | undefined, year: CollectionYear): Cell {
  if (sex === undefined) return null;
  if (year.label >= '2024-25') return sex;
  return sex === 'M' ? '1' : sex === 'F' ? '2' : null;
}

/** The periods of care open at some time in the year (a period that ceased on 1 April was open that day). */
export const periodsInYear = (state: ReturnsChildState, year: CollectionYear): PeriodOfCareState[] =>
  state.periodsOfCare.filter((period) => period.startedOn <= year.end && (period.ceasedOn === undefined || period.ceasedOn >= year.start));

/**
 * Looked after continuously for at least 12 months at 31 March, as DfE's OC2 counts it: the period
 * began on or before 1 April, the year's first day, and had not ceased by the year's end. Periods
 * of short breaks only (V3/V4) are left out, as DfE leaves them out.
 */
export function continuouslyLookedAfter(state: ReturnsChildState, year: CollectionYear): PeriodOfCareState | undefined {
  return state.periodsOfCare.find((period) => period.startedOn <= year.start && (period.ceasedOn === undefined || period.ceasedOn > year.end)
    && !isShortBreaksOnly(period));
}

function episodeRow(childId: string, period: PeriodOfCareState, episode: CareEpisodeState): TableRow {
  const { placement } = episode;
  return {
    CHILD: childId, DECOM: ukDateOf(episode.startedOn), RNE: episode.reasonForNewEpisode, LS: episode.legalStatus, CIN: episode.categoryOfNeed,
    PLACE: placement.type, PLACE_PROVIDER: placement.provider ?? null, DEC: ukDateOrNull(episode.endedOn), REC: episode.reasonEpisodeCeased ?? null,
    REASON_PLACE_CHANGE: episode.reasonPlacementChanged ?? null,
    // The record keeps both postcodes whole; DfE's validator derives the distance and the council from them.
    HOME_POST: period.homePostcode ?? null, PL_POST: placement.postcode ?? null, URN: placement.ofstedUrn ?? null,
  };
}

function oc2Row(state: ReturnsChildState, year: CollectionYear, childId: string, dob: Cell): TableRow {
  const record = state.carePlanning;
  const latestInYear = <T>(items: readonly T[], dateOf: (item: T) => string): T | undefined =>
    items.filter((item) => inYear(dateOf(item), year)).sort((a, b) => (dateOf(a) < dateOf(b) ? -1 : dateOf(a) > dateOf(b) ? 1 : 0)).at(-1);
  const sdq = latestInYear(record.sdqs, (s) => s.recordedOn);
  const assessment = latestInYear(record.healthAssessments, (a) => a.assessedOn);
  const immunisations = latestInYear(record.immunisations, (i) => i.recordedOn);
  const substanceMisuse = latestInYear(record.substanceMisuse, (s) => s.recordedOn);
  const born = state.details?.dateOfBirth;
  const underFive = born !== undefined && addMonths(born, 60) > year.end;
  const underTen = born !== undefined && addMonths(born, 120) > year.end;
  return {
    CHILD: childId, DOB: dob,
    SDQ_SCORE: sdq?.score === undefined ? null : String(sdq.score), SDQ_REASON: sdq?.reasonNotDone ?? null,
    // CONVICTED is asked of children 10 or over at 31 March (the age of criminal responsibility).
    CONVICTED: underTen ? null : flag(state.youthJustice.offenceOutcomes.some((o) => inYear(o.outcomeOn, year) && convictedForOc2.includes(o.outcome))),
    // HEALTH_CHECK is asked of children under 5 only: the development checks of their latest health assessment.
    HEALTH_CHECK: underFive ? flag(assessment?.developmentChecksUpToDate ?? false) : null,
    // Not recorded in the year reads as not up to date: DfE asks whether they were up to date.
    IMMUNISATIONS: flag(immunisations?.upToDate ?? false),
    TEETH_CHECK: flag(record.dentalChecks.some((c) => inYear(c.checkedOn, year))),
    HEALTH_ASSESSMENT: flag(assessment !== undefined),
    SUBSTANCE_MISUSE: flag(substanceMisuse?.identified ?? false),
    INTERVENTION_RECEIVED: substanceMisuse?.identified ? flag(substanceMisuse.interventionReceived ?? false) : null,
    INTERVENTION_OFFERED: substanceMisuse?.identified ? flag(substanceMisuse.interventionOffered ?? false) : null,
  };
}

/** The birthdays (17th to 21st) the young person has in the year, with their age on each. */
function oc3BirthdaysInYear(dateOfBirth: string, year: CollectionYear): number[] {
  const ages: number[] = [];
  for (let age = 17; age <= 21; age += 1) {
    if (inYear(addMonths(dateOfBirth, age * 12), year)) ages.push(age);
  }
  return ages;
}

/** A Social Work England registration number: SW and digits. */
const SOCIAL_WORK_ENGLAND_NUMBER = /^SW\d+$/;

/**
 * SW_ID: the worker's Social Work England registration number. The record knows a worker by the
 * council's own id and keeps no registration number, so unless that id is one, DfE's code for a
 * number not known (XX) is given, followed by the council's id so that episodes of one worker still
 * read as one (letters and digits only, as the field allows).
 */
function socialWorkerIdOf(workerId: string): string {
  const compact = workerId.replace(/[^A-Za-z0-9]/g, '').toUpperCase();
  // An id already given as XX… (a return imported from another system) is kept as it is.
  return SOCIAL_WORK_ENGLAND_NUMBER.test(compact) || compact.startsWith('XX') ? compact : `XX${compact}`;
}

/** Days a new social worker may start after the last one ended and still be a change of worker rather than a new start (as DfE's SW10 allows). */
const CHANGE_OF_WORKER_DAYS = 7;

/**
 * SWEpisodes: the child's social worker allocations from the year before the collection year (DfE
 * asks for the full previous year of a child looked after on 31 March) to its end. An allocation
 * begun and ended on one day (a correction) is not an episode of its own.
 *
 * SW_REASON is the reason for the change to this worker. A first allocation, or one after a gap, is
 * a first contact (FCONTA); a change of team is a standard-process transfer (TSPROC); for any other
 * change the record keeps no reason, so it is Other (OTHERS).
 */
function socialWorkerEpisodeRows(state: ReturnsChildState, year: CollectionYear, childId: string, dob: Cell): TableRow[] {
  const from = addMonths(year.start, -12);
  const allocations = state.allocations
    .filter((allocation) => allocation.endedOn === undefined || allocation.endedOn > allocation.startedOn)
    .sort((a, b) => (a.startedOn < b.startedOn ? -1 : a.startedOn > b.startedOn ? 1 : 0));
  const rows: TableRow[] = [];
  allocations.forEach((allocation, i) => {
    if (allocation.startedOn > year.end || (allocation.endedOn !== undefined && allocation.endedOn < from)) return;
    const previous = allocations[i - 1];
    const afterGap = previous === undefined || previous.endedOn === undefined ? previous === undefined
      : addDays(previous.endedOn, CHANGE_OF_WORKER_DAYS) < allocation.startedOn;
    const reason = afterGap ? 'FCONTA' : previous !== undefined && previous.teamId !== allocation.teamId ? 'TSPROC' : 'OTHERS';
    rows.push({
      CHILD: childId, DOB: dob, SW_ID: socialWorkerIdOf(allocation.workerId), SW_DECOM: ukDateOf(allocation.startedOn),
      SW_DEC: ukDateOrNull(allocation.endedOn === undefined || allocation.endedOn > year.end ? undefined : allocation.endedOn), SW_REASON: reason,
    });
  });
  return rows;
}

/** A child's rows of each SSDA903 table for the year, or null when the child is not in it. */
export function rowsOfChild(state: ReturnsChildState, year: CollectionYear): Readonly<Record<string, readonly TableRow[]>> | null {
  // A record merged into another child's is returned as that child: it has no rows of its own.
  if (state.mergedInto !== undefined) return null;
  const childId = state.childId;
  const details = state.details;
  const dob = ukDateOrNull(details?.dateOfBirth);
  const rows: Rows = {};
  const add = (table: string, row: TableRow) => { (rows[table] ??= []).push(row); };

  const periods = periodsInYear(state, year);
  for (const period of periods) {
    for (const episode of period.episodes) add('Episodes', episodeRow(childId, period, episode));
  }
  const lookedAfterInYear = periods.length > 0;

  if (lookedAfterInYear) {
    for (const review of state.carePlanning.reviews) {
      if (inYear(review.heldOn, year)) add('Reviews', { CHILD: childId, DOB: dob, REVIEW: ukDateOf(review.heldOn), REVIEW_CODE: review.participation });
    }
    // UASC: a child who was an unaccompanied asylum-seeking child in a period of care of the year,
    // with the day the status ceased (DUC) when it has.
    const uascPeriod = periods.filter((period) => period.unaccompaniedAsylumSeeking).at(-1);
    if (uascPeriod) add('UASC', { CHILD: childId, SEX: sexCodeOf(details?.sex, year), DOB: dob, DUC: ukDateOrNull(uascPeriod.uascCeasedOn) });

    if (continuouslyLookedAfter(state, year)) add('OC2', oc2Row(state, year, childId, dob));

    for (const plan of state.adoptionPlans) {
      if (plan.adoptionOrderOn !== undefined && inYear(plan.adoptionOrderOn, year)) {
        add('AD1', {
          CHILD: childId, DOB: dob, DATE_INT: ukDateOf(plan.decidedOn), DATE_MATCH: ukDateOrNull(plan.match?.matchedOn),
          FOSTER_CARE: flag(plan.match?.fosterCarers), NB_ADOPTR: plan.match ? String(plan.match.numberOfAdopters) : null,
          SEX_ADOPTR: plan.match?.adoptersSex ?? null, LS_ADOPTR: plan.match?.adoptersLegalStatus ?? null,
        });
      }
      // A decision that the child should be placed for adoption in force at some time in the year.
      const endedBefore = (date: string | undefined) => date !== undefined && date < year.start;
      if (plan.decidedOn <= year.end && !endedBefore(plan.reversedOn) && !endedBefore(plan.adoptionOrderOn)) {
        add('PlacedAdoption', {
          CHILD: childId, DOB: dob, DATE_PLACED: ukDateOf(plan.decidedOn), DATE_PLACED_CEASED: ukDateOrNull(plan.reversedOn),
          REASON_PLACED_CEASED: plan.reversalReason ?? null,
        });
      }
    }

    // The child's permanence before the latest period of care of the year (one recorded before the
    // record knew of the period counts for it).
    const latestPeriod = periods.at(-1)!;
    const previous = state.previousPermanence.filter((p) => p.periodId === latestPeriod.periodId || p.periodId === undefined).at(-1);
    if (previous) {
      add('PrevPerm', {
        CHILD: childId, DOB: dob, PREV_PERM: previous.previousPermanence, LA_PERM: previous.localAuthority ?? null,
        DATE_PERM: previous.orderDate ? returnDateOf(previous.orderDate) : null,
      });
    }

    // Missing: Safeguard does not yet record a looked-after child's missing or away-without-
    // authorisation episodes, so the table is produced with no rows (DfE's rules cannot then
    // compare them with the placements).

    if (year.label >= '2023-24') for (const row of socialWorkerEpisodeRows(state, year, childId, dob)) add('SWEpisodes', row);
    // DoLo (2026-27 on): the record keeps no deprivation of liberty orders yet, so there are no rows.
  }

  // OC3: a care leaver in the year of their 17th to 21st birthday, from the contact around it. With
  // no contact recorded the row is given with IN_TOUCH blank, so DfE's rules ask for it.
  // DfE asks it of young people no longer looked after at the year's end (rule 1007), and not of
  // those only qualifying for advice (looked after for less than 13 weeks since 14).
  const support = state.leavingCare;
  const careLeaver = support !== undefined && eligibilityOf(support).category !== 'qualifying' && lookedAfterOn(state, year.end) === undefined;
  if (support && careLeaver && details?.dateOfBirth !== undefined) {
    for (const age of oc3BirthdaysInYear(details.dateOfBirth, year)) {
      // A young person who left care on or after their 17th or 18th birthday was looked after on
      // it: DfE asks no care leaver information for that birthday (rule 1016), so it has no row.
      const birthday = addMonths(details.dateOfBirth, age * 12);
      const inCareOnBirthday = state.periodsOfCare.some((period) => period.startedOn <= birthday && (period.ceasedOn === undefined || period.ceasedOn >= birthday));
      if (age <= 18 && inCareOnBirthday) continue;
      const contact = support.birthdayContacts.find((c) => c.birthdayAge === age);
      // Not in touch (or refusing, or no longer needing services, or died): DfE's code 0 for the
      // activity and accommodation the council could not know (rules 132, 133, 153).
      const notKnown = contact !== undefined && contact.inTouch !== 'YES' ? '0' : null;
      add('OC3', {
        CHILD: childId, DOB: dob, IN_TOUCH: contact?.inTouch ?? null, ACTIV: contact?.activity ?? notKnown,
        ACCOM: contact?.accommodation === undefined ? notKnown : oc3AccommodationCode(contact.accommodation as Accommodation, contact.accommodationSuitable ?? true),
      });
    }
  }

  if (Object.keys(rows).length === 0) return null;
  const firstBirth = state.carePlanning.childrenBorn.filter((birth) => birth.bornOn <= year.end).map((birth) => birth.bornOn).sort()[0];
  // MOTHER is asked of girls looked after in the year (short breaks aside), and only of them: 1 when
  // the record holds a child born to her, 0 otherwise (her care plan records a birth, so none
  // recorded is not a mother). MC_DOB: the first child's date of birth.
  const inCareInYear = periods.some((period) => period.episodes.some((episode) => !SHORT_BREAK_STATUSES.has(episode.legalStatus)
    && episode.startedOn <= year.end && (episode.endedOn === undefined || episode.endedOn >= year.start)));
  const motherAsked = details?.sex === 'F' && inCareInYear;
  return {
    Header: [{
      CHILD: childId, SEX: sexCodeOf(details?.sex, year), DOB: dob, ETHNIC: details?.ethnicity ?? null, UPN: details?.upn ?? details?.upnUnknown ?? null,
      MOTHER: motherAsked ? (firstBirth === undefined ? '0' : '1') : null, MC_DOB: motherAsked ? ukDateOrNull(firstBirth) : null,
    }],
    ...rows,
  };
}
