/**
 * The events that bring the children of an SSDA903 return made elsewhere into the record, so that
 * producing the return again from the record gives the same files: each child registered, each
 * period of care started and its later episodes as changes of legal status or placement, its end,
 * the reviews, the UASC status ceasing, the OC2 health and wellbeing outcomes, the adoption
 * decisions, matches and orders, the previous permanence, the care leaver's birthday contacts and
 * the social workers' allocations.
 *
 * What the return does not say is not made up: a child's name is not in it, so the record says so;
 * an event the return cannot date is dated by the row it comes from, as noted at each.
 */
import { addMonths } from '../../../platform/calendar/calendar.ts';
import type { CollectionYear } from '../collection-year.ts';
import { isoDateOfUkCell } from '../return-dates.ts';
import { cellOf, rowsOf, type ReturnTables, type TableRow } from '../return-tables.ts';
import type { ImportedChildEvents } from '../statutory-return.ts';

type ImportedEvent = ImportedChildEvents['events'][number];
type Problem = { table: string; row: number; message: string };

/** The name the record shows for a child whose return gave none (the SSDA903 return never names children). */
export const NAME_NOT_GIVEN = { forename: 'Not given', surname: 'Not given in the SSDA903 return' };
/** The team of a social worker episode: the return names the worker, not their team. */
export const TEAM_NOT_GIVEN = 'not-given';

/** 903 SEX, the 1/2 coding before 2024-25 or M/F/U after, as the record's M/F/U. */
function sexOf(cell: string | null): string {
  if (cell === '1' || cell === 'M') return 'M';
  if (cell === '2' || cell === 'F') return 'F';
  return 'U';
}

/** Each child's rows of every table, with the row's number in its table, in the order met. */
function rowsByChild(tables: ReturnTables): Map<string, Map<string, { row: TableRow; index: number }[]>> {
  const children = new Map<string, Map<string, { row: TableRow; index: number }[]>>();
  const tableNames = ['Header', ...Object.keys(tables).filter((name) => name !== 'Header' && !name.endsWith('_last'))];
  for (const table of tableNames) {
    rowsOf(tables, table).forEach((row, index) => {
      const child = cellOf(row, 'CHILD');
      if (child === null) return;
      const byTable = children.get(child) ?? new Map<string, { row: TableRow; index: number }[]>();
      byTable.set(table, [...(byTable.get(table) ?? []), { row, index }]);
      children.set(child, byTable);
    });
  }
  return children;
}

// The record keeps only what fits its own checks; a cell that does not is left out, with a problem
// (a whole period of care is not lost for one malformed postcode).
const OFSTED_URN = /^[A-Z0-9]{7}$/;
const POSTCODE = /^[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}$/;

function placementOf(entry: { row: TableRow; index: number }, problems: Problem[]) {
  const { row } = entry;
  const urn = cellOf(row, 'URN');
  const postcode = cellOf(row, 'PL_POST');
  if (urn !== null && !OFSTED_URN.test(urn.toUpperCase())) {
    problems.push({ table: 'Episodes', row: entry.index, message: `URN "${urn}" is not 7 letters or digits (or XXXXXXX), as the record keeps Ofsted's reference: it was left out` });
  }
  if (postcode !== null && !POSTCODE.test(postcode.toUpperCase())) {
    problems.push({ table: 'Episodes', row: entry.index, message: `PL_POST "${postcode}" is not a whole UK postcode: it was left out` });
  }
  return {
    type: cellOf(row, 'PLACE'),
    ...(cellOf(row, 'PLACE_PROVIDER') ? { provider: cellOf(row, 'PLACE_PROVIDER') } : {}),
    ...(urn !== null && OFSTED_URN.test(urn.toUpperCase()) ? { ofstedUrn: urn } : {}),
    ...(postcode !== null && POSTCODE.test(postcode.toUpperCase()) ? { postcode } : {}),
  };
}

/** The events of one child's rows; problems for what cannot become an event. */
function childEventsOf(childId: string, rows: Map<string, { row: TableRow; index: number }[]>, year: CollectionYear, problems: Problem[]): ImportedEvent[] {
  const events: ImportedEvent[] = [];
  const add = (type: string, occurredAt: string, data: Record<string, unknown>) => events.push({ type, occurredAt, data });
  const of = (table: string) => rows.get(table) ?? [];
  const dateIn = (table: string, entry: { row: TableRow; index: number }, column: string): string | null => {
    const cell = cellOf(entry.row, column);
    const date = isoDateOfUkCell(cell);
    if (cell !== null && date === null) problems.push({ table, row: entry.index, message: `${column} "${cell}" is not a date written dd/mm/yyyy: it was left out` });
    return date;
  };

  const header = of('Header')[0]?.row;
  if (header === undefined) {
    const [table, entries] = [...rows][0]!;
    problems.push({ table, row: entries[0]!.index, message: `Child ${childId} has no row in the Header table: the record cannot register them without their sex and ethnicity` });
    return [];
  }
  const dateOfBirth = isoDateOfUkCell(cellOf(header, 'DOB'));
  const episodes = of('Episodes').map((entry) => ({ ...entry, decom: dateIn('Episodes', entry, 'DECOM'), dec: dateIn('Episodes', entry, 'DEC') }))
    .filter((entry): entry is typeof entry & { decom: string } => entry.decom !== null)
    .sort((a, b) => (a.decom < b.decom ? -1 : a.decom > b.decom ? 1 : a.index - b.index));

  // The child is registered on the first day the return knows them by (the record has no earlier
  // day for them): their first episode, review, decision, allocation or contact.
  const datesKnown = [...rows].flatMap(([table, entries]) => entries.flatMap((entry) =>
    ['DECOM', 'REVIEW', 'DATE_INT', 'DATE_PLACED', 'SW_DECOM'].map((column) => (entry.row[column] === undefined ? null : isoDateOfUkCell(cellOf(entry.row, column))))
      .filter((date): date is string => date !== null && table !== 'Header')));
  const upn = cellOf(header, 'UPN');
  const registeredOn = datesKnown.sort()[0] ?? year.start;
  add('child.registered', registeredOn, {
    ...NAME_NOT_GIVEN, sex: sexOf(cellOf(header, 'SEX')), ethnicity: cellOf(header, 'ETHNIC') ?? 'NOBT',
    ...(dateOfBirth ? { dateOfBirth } : {}),
    ...(upn === null ? {} : /^UN\d$/.test(upn) ? { upnUnknown: upn } : { upn }),
    disabilities: [], unaccompaniedAsylumSeeking: false,
  });

  const uasc = of('UASC')[0];
  let adoptionOrderOn: { on: string; consentDispensedWith: boolean } | undefined;
  const periodStarts: string[] = [];
  let previous: (typeof episodes)[number] | undefined;
  for (const episode of episodes) {
    const { row } = episode;
    const legalStatus = cellOf(row, 'LS');
    const startsPeriod = previous === undefined || cellOf(previous.row, 'REC') !== 'X1' || previous.dec !== episode.decom;
    if (startsPeriod) {
      periodStarts.push(episode.decom);
      const home = cellOf(row, 'HOME_POST');
      const homeKept = home !== null && POSTCODE.test(home.toUpperCase());
      if (home !== null && !homeKept) problems.push({ table: 'Episodes', row: episode.index, message: `HOME_POST "${home}" is not a whole UK postcode: it was left out` });
      add('looked-after.started', episode.decom, {
        legalStatus, categoryOfNeed: cellOf(row, 'CIN'), placement: placementOf(episode, problems), ...(homeKept ? { homePostcode: home } : {}),
        unaccompaniedAsylumSeeking: uasc !== undefined,
      });
    } else if (cellOf(row, 'RNE') === 'L') {
      add('looked-after.legal-status-changed', episode.decom, { legalStatus });
    } else {
      const rne = cellOf(row, 'RNE');
      const reason = cellOf(previous!.row, 'REASON_PLACE_CHANGE');
      if (reason === null) problems.push({ table: 'Episodes', row: previous!.index, message: 'REASON_PLACE_CHANGE is blank though the next episode changes the placement: recorded as OTHER' });
      add('looked-after.placement-changed', episode.decom, {
        placement: placementOf(episode, problems), sameCarer: rne === 'T' || rne === 'U', reason: reason ?? 'OTHER',
        ...(legalStatus !== cellOf(previous!.row, 'LS') ? { legalStatus } : {}),
      });
    }
    const rec = cellOf(row, 'REC');
    if (episode.dec !== null && rec !== null && rec !== 'X1') {
      // An adoption order ends the period on the day it is made: it is recorded first (AD1 below).
      if (rec === 'E11' || rec === 'E12') adoptionOrderOn = { on: episode.dec, consentDispensedWith: rec === 'E12' };
      add('looked-after.ceased', episode.dec, { reason: rec });
    }
    previous = episode;
  }

  const duc = uasc ? dateIn('UASC', uasc, 'DUC') : null;
  if (duc !== null) {
    if (duc > year.end) problems.push({ table: 'UASC', row: uasc!.index, message: `DUC ${cellOf(uasc!.row, 'DUC')} is after the end of the year: the record cannot say a status ceased on a day to come, so it was left out` });
    else add('looked-after.uasc-status-ceased', duc, {});
  }

  for (const entry of of('Reviews')) {
    const heldOn = dateIn('Reviews', entry, 'REVIEW');
    if (heldOn !== null) add('care-planning.review-held', heldOn, { participation: cellOf(entry.row, 'REVIEW_CODE') });
  }

  const latestStart = periodStarts.at(-1);
  for (const entry of of('PrevPerm')) {
    if (latestStart === undefined) continue;
    const [day, month, yearPart] = (cellOf(entry.row, 'DATE_PERM') ?? '').split('/');
    const number = (part: string | undefined) => (part === undefined || part === 'ZZ' || part === '' ? undefined : Number(part));
    const orderDate = yearPart === undefined ? undefined : { year: Number(yearPart), ...(number(month) ? { month: number(month) } : {}), ...(number(day) ? { day: number(day) } : {}) };
    add('adoption.previous-permanence-recorded', latestStart, {
      previousPermanence: cellOf(entry.row, 'PREV_PERM'), ...(cellOf(entry.row, 'LA_PERM') ? { localAuthority: cellOf(entry.row, 'LA_PERM') } : {}),
      ...(orderDate ? { orderDate } : {}),
    });
  }

  // OC2: the outcomes are of the year; the return does not date them, so they are recorded on its last day.
  for (const entry of of('OC2')) {
    const { row } = entry;
    const on = year.end;
    const score = cellOf(row, 'SDQ_SCORE');
    if (score !== null || cellOf(row, 'SDQ_REASON') !== null) add('care-planning.sdq-recorded', on, score !== null ? { score: Number(score) } : { reasonNotDone: cellOf(row, 'SDQ_REASON') });
    if (cellOf(row, 'HEALTH_ASSESSMENT') === '1') {
      const checks = cellOf(row, 'HEALTH_CHECK');
      add('care-planning.health-assessment-completed', on, { kind: 'review', assessedBy: 'other', ...(checks !== null ? { developmentChecksUpToDate: checks === '1' } : {}) });
    }
    if (cellOf(row, 'IMMUNISATIONS') !== null) add('care-planning.immunisations-recorded', on, { upToDate: cellOf(row, 'IMMUNISATIONS') === '1' });
    if (cellOf(row, 'TEETH_CHECK') === '1') add('care-planning.dental-check-completed', on, {});
    if (cellOf(row, 'SUBSTANCE_MISUSE') !== null) {
      const identified = cellOf(row, 'SUBSTANCE_MISUSE') === '1';
      add('care-planning.substance-misuse-recorded', on, {
        identified, ...(identified ? { interventionOffered: cellOf(row, 'INTERVENTION_OFFERED') === '1', interventionReceived: cellOf(row, 'INTERVENTION_RECEIVED') === '1' } : {}),
      });
    }
    if (cellOf(row, 'CONVICTED') === '1') {
      problems.push({ table: 'OC2', row: entry.index, message: 'CONVICTED is 1, but the return does not say the offence or when it was dealt with: record the outcome in youth justice' });
    }
  }

  // Adoption: each decision that the child should be placed for adoption (PlacedAdoption, and the
  // AD1 of a child adopted), the match, the placement (the episode placed for adoption) and the order.
  const decisions = new Map<string, ImportedEvent[]>();
  for (const entry of of('PlacedAdoption')) {
    const decidedOn = dateIn('PlacedAdoption', entry, 'DATE_PLACED');
    if (decidedOn === null) continue;
    const followed: ImportedEvent[] = [];
    const reversedOn = dateIn('PlacedAdoption', entry, 'DATE_PLACED_CEASED');
    if (reversedOn !== null) followed.push({ type: 'adoption.decision-reversed', occurredAt: reversedOn, data: { reason: cellOf(entry.row, 'REASON_PLACED_CEASED') } });
    decisions.set(decidedOn, followed);
  }
  for (const entry of of('AD1')) {
    const decidedOn = dateIn('AD1', entry, 'DATE_INT');
    const matchedOn = dateIn('AD1', entry, 'DATE_MATCH');
    if (decidedOn === null) continue;
    const followed = decisions.get(decidedOn) ?? [];
    if (matchedOn !== null) {
      followed.push({ type: 'adoption.matched', occurredAt: matchedOn, data: {
        adoptersSex: cellOf(entry.row, 'SEX_ADOPTR'), adoptersLegalStatus: cellOf(entry.row, 'LS_ADOPTR'), fosterCarers: cellOf(entry.row, 'FOSTER_CARE') === '1',
      } });
    }
    const placed = episodes.find((episode) => /^A[3-6]$/.test(cellOf(episode.row, 'PLACE') ?? '') && episode.decom >= decidedOn);
    if (placed) followed.push({ type: 'adoption.placed', occurredAt: placed.decom, data: { placement: cellOf(placed.row, 'PLACE') } });
    if (adoptionOrderOn) followed.push({ type: 'adoption.order-granted', occurredAt: adoptionOrderOn.on, data: { consentDispensedWith: adoptionOrderOn.consentDispensedWith } });
    decisions.set(decidedOn, followed);
  }
  for (const [decidedOn, followed] of decisions) {
    add('adoption.decision-to-place', decidedOn, { fosteringForAdoption: false });
    for (const event of followed) events.push(event);
  }

  // OC3: the contact around the birthday (17th to 21st) the young person had in the year; the
  // council's leaving care support is recorded as decided that day, as the return implies it.
  for (const entry of of('OC3')) {
    if (dateOfBirth === null) {
      problems.push({ table: 'OC3', row: entry.index, message: 'The young person has no date of birth: the birthday the contact was around cannot be known, so it was left out' });
      continue;
    }
    const age = [17, 18, 19, 20, 21].find((a) => addMonths(dateOfBirth, a * 12) >= year.start && addMonths(dateOfBirth, a * 12) <= year.end);
    if (age === undefined) {
      problems.push({ table: 'OC3', row: entry.index, message: 'The young person has no 17th to 21st birthday in the year: the OC3 row was left out' });
      continue;
    }
    const birthday = addMonths(dateOfBirth, age * 12);
    if (!events.some((event) => event.type === 'care-leavers.eligibility-recorded')) {
      add('care-leavers.eligibility-recorded', birthday, { category: age >= 18 ? 'former-relevant' : 'relevant', reason: 'A care leaver in an imported SSDA903 return' });
    }
    // 0: DfE's code for an activity or accommodation not known (the young person was not in touch): the record leaves it empty.
    const known = (column: string) => { const value = cellOf(entry.row, column); return value === '0' ? null : value; };
    const accom = known('ACCOM');
    // A row with IN_TOUCH blank says the young person is a care leaver but records no contact.
    if (cellOf(entry.row, 'IN_TOUCH') === null) continue;
    add('care-leavers.birthday-contact-recorded', birthday, {
      inTouch: cellOf(entry.row, 'IN_TOUCH'), ...(known('ACTIV') ? { activity: known('ACTIV') } : {}),
      ...(accom ? { accommodation: accom.slice(0, 1), accommodationSuitable: accom.slice(1) === '1' } : {}),
    });
  }

  for (const entry of of('SWEpisodes')) {
    const startedOn = dateIn('SWEpisodes', entry, 'SW_DECOM');
    if (startedOn === null) continue;
    add('allocation.started', startedOn, { workerId: cellOf(entry.row, 'SW_ID'), teamId: TEAM_NOT_GIVEN });
    const endedOn = dateIn('SWEpisodes', entry, 'SW_DEC');
    if (endedOn !== null) add('allocation.ended', endedOn, cellOf(entry.row, 'SW_REASON') ? { reason: cellOf(entry.row, 'SW_REASON') } : {});
  }

  if (cellOf(header, 'MOTHER') === '1') {
    const bornOn = isoDateOfUkCell(cellOf(header, 'MC_DOB'));
    if (bornOn === null) problems.push({ table: 'Header', row: of('Header')[0]!.index, message: 'MOTHER is 1 but MC_DOB is not a date: the birth was left out' });
    else add('care-planning.became-mother', latestStart !== undefined && latestStart > bornOn ? latestStart : bornOn, { childBornOn: bornOn });
  }

  for (const entry of of('Missing')) {
    problems.push({ table: 'Missing', row: entry.index, message: 'Safeguard does not record missing episodes yet: this row was not imported' });
  }
  for (const entry of of('DoLo')) {
    problems.push({ table: 'DoLo', row: entry.index, message: 'Safeguard does not record deprivation of liberty orders yet: this row was not imported' });
  }

  // In business order; on one day, in the order made above (a period starts before its review, an
  // adoption order is made before the period ceases with it).
  return events.map((event, order) => ({ event, order }))
    .sort((a, b) => (a.event.occurredAt < b.event.occurredAt ? -1 : a.event.occurredAt > b.event.occurredAt ? 1 : rank(a.event) - rank(b.event) || a.order - b.order))
    .map(({ event }) => event);
}

/** On one day: registration first, then the period of care, then what happens in it, and its end last. */
function rank(event: ImportedEvent): number {
  if (event.type === 'child.registered') return 0;
  if (event.type === 'looked-after.ceased') return 3;
  if (event.type.startsWith('looked-after.')) return 1;
  return 2;
}

/** The events that bring each child of an imported SSDA903 return into the record. */
export function eventsOfSsda903(tables: ReturnTables, year: CollectionYear): { children: ImportedChildEvents[]; problems: Problem[] } {
  const problems: Problem[] = [];
  const children: ImportedChildEvents[] = [];
  for (const [childId, rows] of rowsByChild(tables)) {
    if (!/^[A-Za-z0-9]{1,20}$/.test(childId)) {
      const [table, entries] = [...rows][0]!;
      problems.push({ table, row: entries[0]!.index, message: `CHILD "${childId}" is not 1 to 20 letters or digits, as the record keeps a child's id: the child was not imported` });
      continue;
    }
    const events = childEventsOf(childId, rows, year, problems);
    if (events.length > 0) children.push({ childId, events });
  }
  return { children, problems };
}
