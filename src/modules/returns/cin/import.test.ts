import { describe, expect, it } from 'vitest';
import { collectionYear } from '../collection-year.ts';
import { tableOf, type ReturnTables, type TableRow } from '../return-tables.ts';
import { cinCensus } from './index.ts';

const year = collectionYear('2024-25');

/** A census of the tables given (each a list of rows), with the year's columns. */
function census(rows: Record<string, TableRow[]>): ReturnTables {
  return Object.fromEntries(Object.entries(cinCensus.tablesOf(year)).map(([table, columns]) => [table, tableOf(columns, rows[table] ?? [])]));
}

const child = (LAchildID: string, identifiers: Partial<Record<string, string>> = {}) => ({
  ChildIdentifiers: [{ LAchildID, UPN: null, UPNunknown: 'UN1', PersonBirthDate: '2020-02-02', Sex: 'F', ...identifiers }],
  ChildCharacteristics: [{ LAchildID, Ethnicity: 'WBRI' }],
});

describe('the events that bring an imported census child into the record', () => {
  it('registers the child on the first referral, then gives each block its events in date order, with the codes of the census', () => {
    const tables = census({
      ...child('A1'),
      Disabilities: [{ LAchildID: 'A1', Disability: 'NONE' }],
      CINdetails: [{ LAchildID: 'A1', CINdetailsID: '1', CINreferralDate: '2024-05-01', ReferralSource: '2A', PrimaryNeedCode: 'N1', ReferralNFA: '0' }],
      Assessments: [{ LAchildID: 'A1', CINdetailsID: '1', AssessmentID: '1', AssessmentActualStartDate: '2024-05-02', AssessmentAuthorisationDate: '2024-06-20', AssessmentFactors: '3A,4B' }],
      Section47: [{ LAchildID: 'A1', CINdetailsID: '1', S47ActualStartDate: '2024-05-03', DateOfInitialCPC: '2024-05-22', ICPCnotRequired: '0' }],
      ChildProtectionPlans: [{ LAchildID: 'A1', CINdetailsID: '1', CPPID: '1', CPPstartDate: '2024-05-22', InitialCategoryOfAbuse: 'NEG', LatestCategoryOfAbuse: 'EMO', NumberOfPreviousCPP: '0' }],
      Reviews: [{ LAchildID: 'A1', CINdetailsID: '1', CPPID: '1', CPPreviewDate: '2024-08-20' }],
    });
    const { children, problems } = cinCensus.eventsOf(tables, year);
    expect(problems).toEqual([]);
    expect(children).toHaveLength(1);
    expect(children[0]!.events.map((event) => [event.occurredAt, event.type])).toEqual([
      ['2024-05-01', 'child.registered'],
      ['2024-05-01', 'referral.received'],
      ['2024-05-02', 'assessment.started'],
      ['2024-05-03', 'strategy-discussion.held'],
      ['2024-05-22', 'conference.initial-held'],
      ['2024-06-20', 'assessment.completed'],
      ['2024-08-20', 'conference.review-held'],
      ['2024-08-20', 'cp-plan.category-changed'],
    ]);
    expect(children[0]!.events[0]!.data).toMatchObject({ sex: 'F', ethnicity: 'WBRI', disabilities: ['NONE'], dateOfBirth: '2020-02-02', upnUnknown: 'UN1' });
    expect(children[0]!.events[1]!.data).toEqual({ source: '2A', primaryNeed: 'N1' });
    expect(children[0]!.events[4]!.data).toMatchObject({ planRequired: true, categoryOfAbuse: 'NEG' });
    expect(children[0]!.events[5]!.data).toMatchObject({ factors: ['3A', '4B'], primaryNeed: 'N1' });
    expect(children[0]!.events[7]!.data).toEqual({ categoryOfAbuse: 'EMO' });
  });

  it('reads GenderCurrent before 2024-25 as the record’s sex', () => {
    const tables = census({
      ...child('B1', { Sex: undefined as unknown as string, GenderCurrent: '2' }),
      CINdetails: [{ LAchildID: 'B1', CINdetailsID: '1', CINreferralDate: '2023-05-01', ReferralSource: '6', ReferralNFA: '0' }],
    });
    expect(cinCensus.eventsOf(tables, year).children[0]!.events[0]!.data).toMatchObject({ sex: 'F' });
  });

  it('refuses a child the record cannot take, naming the row, and leaves out a code it does not know, saying so', () => {
    const tables = census({
      ...child('bad_id'),
      CINdetails: [
        { LAchildID: 'bad_id', CINdetailsID: '1', CINreferralDate: '2024-05-01', ReferralSource: '2A', ReferralNFA: '0' },
        { LAchildID: 'C1', CINdetailsID: '1', CINreferralDate: '2024-05-01', ReferralSource: '2A', CINclosureDate: '2024-05-02', ReferralNFA: '1' },
        { LAchildID: 'D1', CINdetailsID: '1', CINreferralDate: '2024-05-01', ReferralSource: '2A', ReferralNFA: '0' },
      ],
      ChildIdentifiers: [...child('bad_id').ChildIdentifiers, ...child('C1').ChildIdentifiers, ...child('D1', { UPN: 'A12' }).ChildIdentifiers],
      ChildCharacteristics: [...child('bad_id').ChildCharacteristics, ...child('C1').ChildCharacteristics, ...child('D1').ChildCharacteristics],
      Disabilities: [{ LAchildID: 'D1', Disability: 'WINGS' }],
    });
    const { children, problems } = cinCensus.eventsOf(tables, year);
    expect(children.map((c) => c.childId)).toEqual(['D1']);
    expect(problems).toEqual([
      { table: 'ChildIdentifiers', row: 0, message: 'Child bad_id: the LA child id must be 1 to 20 letters or digits to be brought into the record' },
      { table: 'CINdetails', row: 1, message: 'Child C1: the episode has a closure date but no reason for closure' },
      { table: 'Disabilities', row: 0, message: "Child D1: Disability WINGS is not one of DfE's codes, so it is left out" },
      { table: 'ChildIdentifiers', row: 2, message: 'Child D1: the UPN A12 is not a letter, 11 digits and a final digit or letter, so it is left out' },
    ]);
    expect(children[0]!.events[0]!.data).not.toHaveProperty('upn');
  });

  it('closes an episode with a plan left open on the closure date, and an NFA referral without a primary need as N0 (not stated)', () => {
    const tables = census({
      ...child('E1'),
      CINdetails: [
        { LAchildID: 'E1', CINdetailsID: '1', CINreferralDate: '2024-04-10', ReferralSource: '9', CINclosureDate: '2024-04-11', ReasonForClosure: 'RC8', ReferralNFA: '1' },
        { LAchildID: 'E1', CINdetailsID: '2', CINreferralDate: '2024-06-01', ReferralSource: '1A', PrimaryNeedCode: 'N4', CINclosureDate: '2024-12-01', ReasonForClosure: 'RC7', ReferralNFA: '0' },
      ],
      CINplanDates: [{ LAchildID: 'E1', CINdetailsID: '2', CINPlanStartDate: '2024-07-01' }],
    });
    const events = cinCensus.eventsOf(tables, year).children[0]!.events;
    expect(events.map((event) => [event.occurredAt, event.type, event.data.primaryNeed])).toEqual([
      ['2024-04-10', 'child.registered', undefined],
      ['2024-04-10', 'referral.received', undefined],
      ['2024-04-11', 'episode.closed', 'N0'],
      ['2024-06-01', 'referral.received', 'N4'],
      ['2024-07-01', 'cin-plan.started', undefined],
      ['2024-12-01', 'cin-plan.ended', undefined],
      ['2024-12-01', 'episode.closed', 'N4'],
    ]);
  });
});

describe('a census giving one LA child id to two children', () => {
  it('brings in the first and names the second', () => {
    const twice = child('F1');
    const tables = census({
      ChildIdentifiers: [...twice.ChildIdentifiers, ...twice.ChildIdentifiers],
      ChildCharacteristics: twice.ChildCharacteristics,
      CINdetails: [{ LAchildID: 'F1', CINdetailsID: '1', CINreferralDate: '2024-05-01', ReferralSource: '2A', ReferralNFA: '0' }],
    });
    const { children, problems } = cinCensus.eventsOf(tables, year);
    expect(children.map((c) => c.childId)).toEqual(['F1']);
    expect(problems).toEqual([{ table: 'ChildIdentifiers', row: 1, message: 'Child F1: the LA child id is given to more than one child, so this one is not brought in' }]);
  });
});
