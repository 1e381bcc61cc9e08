import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { foldChildRecord, type LoggedEvent } from '../../../record/fold.ts';
import { adoptedJourney, foldOf as foldAdoption } from '../../adoption/test-builders.ts';
import { careLeaverJourney, foldOf as foldCareLeaver } from '../../care-leavers/test-builders.ts';
import type { ReturnsChildState } from '../child-state.ts';
import { ABOUT_SHEET, ageInYearsOn, annexA, joinAnnexARows, type AnnexARows, type AnnexAWindow } from './index.ts';

const SAMPLE = 'test/statutory-data/samples/annex_a/Annex_A_2024_Jan.xlsx';
const YEAR_TO_MARCH_2024: AnnexAWindow = { from: '2023-04-01', asAt: '2024-03-31' };

let sequence = 0;
function logged(type: string, occurredAt: string, data: Record<string, unknown> = {}): LoggedEvent {
  sequence += 1;
  return {
    type, occurredAt, data, eventId: `00000000-0000-4000-a000-${sequence.toString().padStart(12, '0')}`, sequence, recordedAt: '2030-01-01T12:00:00Z',
  } as LoggedEvent;
}

const registered = (on: string, details: Record<string, unknown>) =>
  logged('child.registered', on, { forename: 'Sam', surname: 'Reid', sex: 'M', ethnicity: 'WBRI', disabilities: ['NONE'], unaccompaniedAsylumSeeking: false, ...details });
const allocated = (on: string, workerId: string, teamId: string) => logged('allocation.started', on, { workerId, teamId });
const contact = (on: string, source: string) => logged('contact.received', on, { source, primaryReason: 'neglect', otherReasons: [] });
const referral = (on: string, source: string) => logged('referral.received', on, { source });
const assessmentStarted = (on: string) => logged('assessment.started', on, { assessmentType: 'child-and-family' });
const assessmentCompleted = (on: string, outcome: string) =>
  logged('assessment.completed', on, { outcome, factors: ['21'], authorisedByWorkerId: 'W-TM', primaryNeed: 'N1' });
const visit = (on: string, kind: string, seenAlone = false) => logged('visit.made', on, { kind, childSeen: true, seenAlone });
const closed = (on: string, reasonForClosure: string) => logged('episode.closed', on, { reasonForClosure, primaryNeed: 'N1' });
const agencies = ['police', 'health'];

function stateOf(childId: string, events: LoggedEvent[]): ReturnsChildState {
  return foldChildRecord('206', childId, events).state as ReturnsChildState;
}

/**
 * F1: a contact before the 12 months and one in them; the referral that followed it, assessed in
 * September 2023 (seen on a visit) and closed after assessment; a second referral in January 2024,
 * within 12 months of the first, visited and closed two days later with no assessment (NFA).
 */
function frontDoorChild(): ReturnsChildState {
  return stateOf('F1', [
    registered('2023-01-01', { dateOfBirth: '2015-06-10' }),
    allocated('2023-01-01', 'W-ANNA', 'T-MASH'),
    contact('2023-03-15', '6'),
    contact('2023-09-01', '2A'),
    referral('2023-09-02', '2A'),
    assessmentStarted('2023-09-02'),
    visit('2023-09-05', 'assessment'),
    assessmentCompleted('2023-09-20', 'no-further-action'),
    closed('2023-09-21', 'RC8'),
    referral('2024-01-10', '6'),
    visit('2024-01-11', 'other'),
    closed('2024-01-12', 'RC7'),
  ]);
}

/** P1: referred May 2023, a strategy discussion and section 47 enquiry leading to an ICPC and a neglect plan, a visit, a review. */
function childProtectionChild(): ReturnsChildState {
  return stateOf('P1', [
    registered('2018-02-01', { sex: 'F', ethnicity: 'BAFR', dateOfBirth: '2018-02-01', disabilities: ['LD'] }),
    allocated('2023-05-01', 'W-BEN', 'T-CP'),
    referral('2023-05-01', '3A'),
    assessmentStarted('2023-05-01'),
    assessmentCompleted('2023-05-10', 'strategy-discussion'),
    logged('strategy-discussion.held', '2023-05-11', { attendingAgencies: agencies, decision: 'section-47' }),
    logged('section-47.completed', '2023-05-20', { outcome: 'initial-child-protection-conference', concernsSubstantiated: true }),
    logged('conference.initial-held', '2023-05-30', { planRequired: true, categoryOfAbuse: 'NEG', chairWorkerId: 'W-CHAIR', attendingAgencies: agencies }),
    visit('2023-06-10', 'child-protection', true),
    logged('conference.review-held', '2023-08-30', { planContinues: true, chairWorkerId: 'W-CHAIR', attendingAgencies: agencies }),
  ]);
}

const fostering = { type: 'U6', provider: 'PR1', ofstedUrn: 'XXXXXXX', postcode: 'N7 8AB', weeklyCost: 520 };
const agencyFostering = { type: 'U4', provider: 'PR4', ofstedUrn: 'SC123456', postcode: 'ME14 1AA', weeklyCost: 1050 };

/**
 * L1: looked after for three weeks in April 2023 (home again), then again from June 2023 under a
 * care order, moving to an agency long-term foster placement in September; reviewed, visited,
 * health-assessed and dental-checked, with a plan of long-term fostering.
 */
function lookedAfterChild(): ReturnsChildState {
  return stateOf('L1', [
    registered('2015-01-02', { dateOfBirth: '2010-01-15' }),
    allocated('2023-04-10', 'W-CARA', 'T-CIC'),
    logged('looked-after.started', '2023-04-10', { legalStatus: 'V2', categoryOfNeed: 'N4', placement: fostering, homePostcode: 'N1 2AB', unaccompaniedAsylumSeeking: false }),
    logged('looked-after.ceased', '2023-05-01', { reason: 'E4A' }),
    logged('looked-after.started', '2023-06-01', { legalStatus: 'C2', categoryOfNeed: 'N1', placement: fostering, homePostcode: 'N1 2AB', unaccompaniedAsylumSeeking: false }),
    logged('care-planning.health-assessment-completed', '2023-06-20', { kind: 'initial', assessedBy: 'medical-practitioner' }),
    logged('care-planning.review-held', '2023-07-15', { participation: 'PN1' }),
    logged('care-planning.dental-check-completed', '2023-08-01', {}),
    logged('care-planning.permanence-plan-recorded', '2023-08-15', { plan: 'long-term-fostering' }),
    logged('looked-after.placement-changed', '2023-09-01', { placement: agencyFostering, sameCarer: false, reason: 'CARPL' }),
    logged('care-planning.visit-made', '2023-10-01', { childSeen: true, seenAlone: true, location: 'placement', visitedByWorkerId: 'W-CARA' }),
  ]);
}

/** The columns of a list's row by title, for reading a test's expectations. */
function rowByTitle(sheet: string, row: readonly unknown[]): Record<string, unknown> {
  const list = annexA.lists.find((candidate) => candidate.sheet === sheet)!;
  expect(row).toHaveLength(list.columns.length);
  return Object.fromEntries(list.columns.map((title, index) => [title, row[index]]));
}

describe('Annex A lists from the record', () => {
  it('lists the contacts received in the 12 months only, with the canonical source', () => {
    const rows = annexA.rowsOfChild(frontDoorChild(), YEAR_TO_MARCH_2024);
    expect(rows['List 1']).toEqual([['F1', 'a) Male', 'a) White', '2015-06-10', 8, '2023-09-01', 'b) Schools']]);
  });

  it('counts a repeat referral within 12 months and marks the one closed without assessment NFA', () => {
    const rows = annexA.rowsOfChild(frontDoorChild(), YEAR_TO_MARCH_2024);
    expect(rows['List 3']!.map((row) => rowByTitle('List 3', row))).toEqual([
      expect.objectContaining({ 'Date of Referral': '2023-09-02', 'Referral Source': 'b) Schools', 'Referral NFA?': 'No', 'Number of Referrals in Last 12 Months': 0, 'Allocated Team': 'T-MASH', 'Allocated Worker': 'W-ANNA' }),
      expect.objectContaining({ 'Date of Referral': '2024-01-10', 'Referral Source': 'g) Police', 'Referral NFA?': 'Yes', 'Number of Referrals in Last 12 Months': 1 }),
    ]);
    const assessment = rowByTitle('List 4', rows['List 4']![0]!);
    expect(rows['List 4']).toHaveLength(1);
    expect(assessment).toMatchObject({
      'Does the Child have a Disability': 'No', 'Continuous Assessment Start Date': '2023-09-02', 'Child Seen During Continuous Assessment': 'Yes',
      'Continuous Assessment Date of Authorisation': '2023-09-20', "Was the child assessed as requiring LA children's social care support?": 'No',
    });
    expect(rows['List 6']!.map((row) => rowByTitle('List 6', row))).toEqual([
      expect.objectContaining({ 'CIN Start Date': '2023-09-02', 'Date Child Was Last Seen': '2023-09-05', 'CIN Closure Date': '2023-09-21', 'Reason for Closure': 'h) Child not in need after assessment', 'Case Status': 'e) Closed episode', 'Primary Need Code': 'a) Abuse or neglect' }),
      expect.objectContaining({ 'CIN Start Date': '2024-01-10', 'Date Child Was Last Seen': '2024-01-11', 'CIN Closure Date': '2024-01-12', 'Reason for Closure': "g) 'Other' incl. Child no longer in need" }),
    ]);
    expect(rows['List 5']).toEqual([]);
    expect(rows['List 8']).toEqual([]);
  });

  it('does not list a referral before the 12 months, and counts only what was known at the as-at date', () => {
    const rows = annexA.rowsOfChild(frontDoorChild(), { from: '2022-10-01', asAt: '2023-09-10' });
    expect(rows['List 1']!.map((row) => row[5])).toEqual(['2023-03-15', '2023-09-01']);
    const assessment = rowByTitle('List 4', rows['List 4']![0]!);
    expect(assessment['Continuous Assessment Date of Authorisation']).toBeNull();
    expect(assessment["Was the child assessed as requiring LA children's social care support?"]).toBeNull();
    expect(rowByTitle('List 6', rows['List 6']![0]!)).toMatchObject({ 'CIN Closure Date': null, 'Case Status': 'd) Open assessment' });
  });

  it('lists a section 47 enquiry with its ICPC and the child protection plan it made', () => {
    const rows = annexA.rowsOfChild(childProtectionChild(), YEAR_TO_MARCH_2024);
    expect(rows['List 5']!.map((row) => rowByTitle('List 5', row))).toEqual([expect.objectContaining({
      'Child Unique ID': 'P1', Gender: 'b) Female', Ethnicity: 'd) Black or black British', Age: 6, 'Does the Child have a Disability': 'Yes',
      'Strategy discussion initiating Section 47 Enquiry Start Date': '2023-05-11', 'Was an Initial Child Protection Conference deemed unnecessary?': 'No',
      'Date of Initial Child Protection Conference': '2023-05-30', 'Did the Initial Child Protection Conference Result in a Child Protection Plan': 'Yes',
      'Number of Section 47 Enquiries in the last 12 months': 0, 'Number of ICPCs in the last 12 months': 0, 'Allocated Team': 'T-CP', 'Allocated Worker': 'W-BEN',
    })]);
    expect(rows['List 7']!.map((row) => rowByTitle('List 7', row))).toEqual([expect.objectContaining({
      'Child Protection Plan Start Date': '2023-05-30', 'Initial Category of Abuse': 'a) Neglect', 'Latest Category of Abuse': 'a) Neglect',
      'Date of the Last Statutory Visit': '2023-06-10', 'Was the Child Seen Alone?': 'Yes', 'Date of latest review conference': '2023-08-30',
      'Child Protection Plan End Date': null, 'Subject to Emergency Protection Order or Protected Under Police Powers in Last Six Months (Y/N)': 'No',
      'Number of Previous Child Protection Plans': 0,
    })]);
    expect(rowByTitle('List 6', rows['List 6']![0]!)).toMatchObject({ 'Case Status': 'b) Child Protection plan', 'Date Child Was Last Seen': '2023-06-10' });
    expect(rowByTitle('List 4', rows['List 4']![0]!)["Was the child assessed as requiring LA children's social care support?"]).toBe('Yes');
  });

  it('lists each period of care with its placements in the 12 months, reviews, visits, health and plan', () => {
    const rows = annexA.rowsOfChild(lookedAfterChild(), YEAR_TO_MARCH_2024);
    const [first, second] = rows['List 8']!.map((row) => rowByTitle('List 8', row));
    expect(rows['List 8']).toHaveLength(2);
    expect(first).toMatchObject({
      'Date Started to be Looked After': '2023-04-10', "Child's Category of Need": 'd) Family in acute stress', "Child's Legal Status": 'e) Accommodated under S20',
      'Is this a second or subsequent period of being a Looked After Child within the last 12 months (Y/N)': 'No',
      'Date Ceased to be Looked After': '2023-05-01', 'Reason Ceased to be Looked After': 'd) Returned home to live with parents or relatives',
      'Number of Placements in the Last 12 months': 1, 'Date of Latest Statutory Review': null,
    });
    expect(second).toMatchObject({
      'Child Unique ID': 'L1', Age: 14, 'Unaccompanied Asylum Seeking Child (UASC) within the Last 12 Months (Y/N))': 'No',
      'Date Started to be Looked After': '2023-06-01', "Child's Category of Need": 'a) Abuse or neglect',
      'Is this a second or subsequent period of being a Looked After Child within the last 12 months (Y/N)': 'Yes',
      'Start date of current legal status': '2023-06-01', "Child's Legal Status": 'b) Full care orders',
      'Date of Latest Statutory Review': '2023-07-15', 'Date of Last Social Work Visit': '2023-10-01',
      'What is the permanence plan for this child?': 'f) Long-term fostering', 'Date of Last IRO Visit / Contact to the Child': null,
      'Date of Last Health Assessment': '2023-06-20', 'Date of Last Dental Check': '2023-08-01', 'Number of Placements in the Last 12 months': 2,
      'Date Ceased to be Looked After': null, 'Start Date of Most Recent Placement': '2023-09-01', 'Placement Type': 'a) Foster placement',
      'Placement Provider': 'b) Private', 'Placement postcode': 'ME14 1AA', 'URN of Placement': 'SC123456',
      'Number of Episodes the Child has been ‘Missing’ from their Placement in the last 12 months': null,
      'Allocated Team': 'T-CIC', 'Allocated Worker': 'W-CARA',
    });
  });

  it('lists a care leaver with their adviser, eligibility, contact, accommodation and activity', () => {
    const window = { from: '2024-07-01', asAt: '2025-06-30' };
    const rows = annexA.rowsOfChild(foldCareLeaver(careLeaverJourney()).state as ReturnsChildState, window);
    expect(rows['List 9']!.map((row) => rowByTitle('List 9', row))).toEqual([expect.objectContaining({
      Age: 18, 'Allocated Personal Advisor': 'W0101', 'Eligibility Category': 'b) Former relevant', 'Latest Pathway Plan Review Date': '2025-01-08',
      'LA in Touch': 'a) In touch', 'Latest Date of Contact': '2025-06-02', 'Type of Accommodation': 'o) With Former Foster Carer',
      'Suitability of Accommodation': 'a) Suitable', 'Activity Status': 'F4: Young person engaged full time in an apprenticeship',
      'Allocated Team': null, 'Allocated Worker': null,
    })]);
    expect(rowByTitle('List 8', rows['List 8']![0]!)).toMatchObject({ 'Date Ceased to be Looked After': '2025-05-04', 'Reason Ceased to be Looked After': 'n) Care ceased for any other reason' });
  });

  it('lists an adopted child with each step from the decision to the adoption order', () => {
    const window = { from: '2022-04-01', asAt: '2023-03-31' };
    const rows = annexA.rowsOfChild(foldAdoption(adoptedJourney()).state as ReturnsChildState, window);
    expect(rows['List 10']!.map((row) => rowByTitle('List 10', row))).toEqual([{
      'Child Unique ID': 'AD1', 'Family identifier': null, Gender: 'b) Female', Ethnicity: 'd) Black or black British', 'Date of Birth': '2021-05-20',
      'Age of Child (Years)': 1, 'Does the Child have a Disability': 'No', 'Date the Child Entered Care': '2021-06-01',
      'Date of Decision that Child Should be Placed for Adoption': '2021-10-01', 'Date of Placement Order': '2022-02-01',
      'Date of Matching Child and Prospective Adopters': '2022-05-01', 'Date Placed for Adoption': '2022-06-01', 'Date of Adoption Order': '2022-12-01',
      'Date of Decision that Child Should No Longer be Placed for Adoption': null, 'Reason Why Child No Longer Placed for Adoption': null,
      'Date the child was placed for fostering in FFA or concurrent planning placement': null,
    }]);
    expect(rowByTitle('List 8', rows['List 8']![0]!)).toMatchObject({ 'Reason Ceased to be Looked After': 'a) Adopted', 'Placement Type': 'b) Placed for adoption' });
    // An adoption ended before the 12 months is not listed.
    expect(annexA.rowsOfChild(foldAdoption(adoptedJourney()).state as ReturnsChildState, YEAR_TO_MARCH_2024)['List 10']).toEqual([]);
  });

  it('counts age in whole years at the as-at date', () => {
    expect(ageInYearsOn('2010-03-31', '2024-03-30')).toBe(13);
    expect(ageInYearsOn('2010-03-31', '2024-03-31')).toBe(14);
  });
});

describe('the Annex A workbook', () => {
  async function read(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    return workbook;
  }
  const headerOf = (sheet: ExcelJS.Worksheet): unknown[] => (sheet.getRow(1).values as unknown[]).slice(1);

  it('has a sheet a list with the sample workbook\'s column titles, dates as Excel dates, names for ids, and the note sheet', async () => {
    const rows: AnnexARows = joinAnnexARows([frontDoorChild(), childProtectionChild(), lookedAfterChild()].map((state) => annexA.rowsOfChild(state, YEAR_TO_MARCH_2024)));
    const bytes = await annexA.workbook(rows, YEAR_TO_MARCH_2024, { teams: { 'T-MASH': 'Multi Agency Safeguarding Hub' }, workers: { 'W-ANNA': 'Anna Cole' } });
    const written = await read(bytes);
    const sample = new ExcelJS.Workbook();
    await sample.xlsx.readFile(SAMPLE);

    expect(written.worksheets.map((sheet) => sheet.name)).toEqual([...sample.worksheets.map((sheet) => sheet.name), ABOUT_SHEET]);
    for (const sampleSheet of sample.worksheets) {
      const sheet = written.getWorksheet(sampleSheet.name)!;
      expect(headerOf(sheet), sampleSheet.name).toEqual(headerOf(sampleSheet));
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(sheet.autoFilter).toBeDefined();
    }

    const contacts = written.getWorksheet('List 1')!;
    expect(contacts.rowCount).toBe(2);
    const contactDate = contacts.getCell('F2');
    expect(contactDate.value).toEqual(new Date('2023-09-01T00:00:00Z'));
    expect(contactDate.numFmt).toBe('dd/mm/yyyy');
    expect(contacts.getCell('A2').value).toBe('F1');
    expect(contacts.getCell('E2').value).toBe(8);
    expect(contacts.getCell('G2').value).toBe('b) Schools');

    const referrals = written.getWorksheet('List 3')!;
    expect(referrals.getCell('J2').value).toBe('Multi Agency Safeguarding Hub');
    expect(referrals.getCell('K2').value).toBe('Anna Cole');
    expect(referrals.getCell('I3').value).toBe(1);

    const lookedAfter = written.getWorksheet('List 8')!;
    expect(lookedAfter.rowCount).toBe(3);
    expect(lookedAfter.getCell('AH3').value).toBe('W-CARA');
    expect(lookedAfter.getColumn(1).width).toBeGreaterThan(10);

    expect(written.getWorksheet('List 2')!.rowCount).toBe(1);
    const about = written.getWorksheet(ABOUT_SHEET)!;
    const aboutText = about.getSheetValues().flat().filter((value) => typeof value === 'string').join('\n');
    expect(aboutText).toContain('01/04/2023 to 31/03/2024');
    expect(aboutText).toContain('does not keep missing episodes');
  });
});
