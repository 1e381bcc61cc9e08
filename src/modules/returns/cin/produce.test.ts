import { describe, expect, it } from 'vitest';
import { collectionYear } from '../collection-year.ts';
import { headerRows, rowsOfChild } from './produce.ts';
import {
  assessmentCompleted, assessmentStarted, categoryChanged, cinPlanEnded, cinPlanStarted, closed, foldOf, initialConference, planEnded, referral,
  registered, reviewConference, section47Completed, strategyDiscussion,
} from './test-builders.ts';

const year2024 = collectionYear('2024-25');
const year2023 = collectionYear('2023-24');

describe('which children and episodes the CIN census returns', () => {
  it('returns an episode referred in an earlier year and still open on 1 April, and none closed before it', () => {
    const state = foldOf([
      registered(), referral('2022-05-01'), closed('2022-06-01', 'RC8', 'N0'), // closed before the year: not returned
      referral('2024-01-10', '6'), assessmentStarted('2024-01-11'), // open on 1 April 2024
    ]);
    const rows = rowsOfChild(state, year2024)!;
    expect(rows.CINdetails).toEqual([{
      LAchildID: 'CIN1', CINdetailsID: '1', CINreferralDate: '2024-01-10', ReferralSource: '6', PrimaryNeedCode: null, CINclosureDate: null,
      ReasonForClosure: null, DateOfInitialCPC: null, ReferralNFA: '0',
    }]);
    // The assessment still in progress at the year's end: started, not authorised, no factors yet.
    expect(rows.Assessments).toEqual([{
      LAchildID: 'CIN1', CINdetailsID: '1', AssessmentID: '1', AssessmentActualStartDate: '2024-01-11', AssessmentInternalReviewDate: null,
      AssessmentAuthorisationDate: null, AssessmentFactors: null,
    }]);
  });

  it('returns no child whose episodes all closed before the year or begin after it', () => {
    expect(rowsOfChild(foldOf([registered(), referral('2023-05-01'), closed('2024-03-31', 'RC8', 'N0')]), year2024)).toBeNull();
    expect(rowsOfChild(foldOf([registered(), referral('2025-04-01')]), year2024)).toBeNull();
    // Closed on 1 April: open on 1 April, so returned.
    expect(rowsOfChild(foldOf([registered(), referral('2024-03-01'), closed('2024-04-01', 'RC8', 'N0')]), year2024)?.CINdetails).toHaveLength(1);
  });

  it('flags a referral closed with no assessment and no enquiry as NFA, and an open one or one assessed as not', () => {
    const nfa = rowsOfChild(foldOf([registered(), referral('2024-05-01', '1A'), closed('2024-05-02', 'RC8', 'N9')]), year2024)!;
    expect(nfa.CINdetails![0]).toMatchObject({ CINclosureDate: '2024-05-02', ReasonForClosure: 'RC8', PrimaryNeedCode: 'N9', ReferralNFA: '1' });
    expect(rowsOfChild(foldOf([registered(), referral('2024-05-01')]), year2024)!.CINdetails![0]!.ReferralNFA).toBe('0');
    const assessed = foldOf([registered(), referral('2024-05-01'), assessmentStarted('2024-05-02'), assessmentCompleted('2024-06-01', ['21'], 'N9'), closed('2024-06-02', 'RC8', 'N9')]);
    expect(rowsOfChild(assessed, year2024)!.CINdetails![0]!.ReferralNFA).toBe('0');
  });

  it('leaves out what happens after the year: a closure, an authorisation, a plan end and its later reviews', () => {
    const state = foldOf([
      registered(), referral('2025-01-06'), assessmentStarted('2025-01-07'), strategyDiscussion('2025-01-08'), initialConference('2025-01-28'),
      reviewConference('2025-03-20'), reviewConference('2025-04-20'), assessmentCompleted('2025-04-02'), planEnded('2025-06-01'), closed('2025-06-10'),
    ]);
    const rows = rowsOfChild(state, year2024)!;
    expect(rows.CINdetails![0]).toMatchObject({ CINclosureDate: null, ReasonForClosure: null });
    expect(rows.Assessments![0]).toMatchObject({ AssessmentAuthorisationDate: null, AssessmentFactors: null });
    expect(rows.AssessmentFactorsList).toEqual([]);
    expect(rows.ChildProtectionPlans).toEqual([{
      LAchildID: 'CIN1', CINdetailsID: '1', CPPID: '1', CPPstartDate: '2025-01-28', CPPendDate: null, InitialCategoryOfAbuse: 'NEG',
      LatestCategoryOfAbuse: 'NEG', NumberOfPreviousCPP: '0',
    }]);
    expect(rows.Reviews).toEqual([{ LAchildID: 'CIN1', CINdetailsID: '1', CPPID: '1', CPPreviewDate: '2025-03-20' }]);
  });
});

describe('the fields of a CINdetails block', () => {
  it('gives an authorised assessment its factors, in a cell and a row each', () => {
    const rows = rowsOfChild(foldOf([registered(), referral('2024-05-01'), assessmentStarted('2024-05-02'), assessmentCompleted('2024-06-20', ['3B', '4B'], 'N5')]), year2024)!;
    expect(rows.Assessments![0]).toMatchObject({ AssessmentActualStartDate: '2024-05-02', AssessmentAuthorisationDate: '2024-06-20', AssessmentFactors: '3B,4B' });
    expect(rows.AssessmentFactorsList!.map((row) => row.AssessmentFactor)).toEqual(['3B', '4B']);
    expect(rows.CINdetails![0]!.PrimaryNeedCode).toBe('N5');
  });

  it('sets the initial conference target 15 working days after the strategy discussion, past both May bank holidays', () => {
    // Friday 3 May 2024; Monday 6 May and Monday 27 May are bank holidays.
    const rows = rowsOfChild(foldOf([registered(), referral('2024-05-01'), strategyDiscussion('2024-05-03'), initialConference('2024-05-22')]), year2024)!;
    expect(rows.Section47).toEqual([{
      LAchildID: 'CIN1', CINdetailsID: '1', S47ActualStartDate: '2024-05-03', InitialCPCtarget: '2024-05-28', DateOfInitialCPC: '2024-05-22', ICPCnotRequired: '0',
    }]);
  });

  it('flags an enquiry that decided against a conference, and not one still awaiting it', () => {
    const state = foldOf([registered(), referral('2024-05-01'), strategyDiscussion('2024-05-03'), section47Completed('2024-05-20'), strategyDiscussion('2024-09-02')]);
    expect(rowsOfChild(state, year2024)!.Section47!.map((row) => [row.S47ActualStartDate, row.DateOfInitialCPC, row.ICPCnotRequired]))
      .toEqual([['2024-05-03', null, '1'], ['2024-09-02', null, '0']]);
  });

  it('gives the conference of an enquiry begun in an earlier year on the CINdetails block, not in Section47', () => {
    const state = foldOf([registered(), referral('2024-03-01'), strategyDiscussion('2024-03-25'), initialConference('2024-04-12')]);
    const rows = rowsOfChild(state, year2024)!;
    expect(rows.CINdetails![0]!.DateOfInitialCPC).toBe('2024-04-12');
    expect(rows.Section47).toEqual([]);
    // In the year it began, it is the enquiry's own row.
    expect(rowsOfChild(state, year2023)!.Section47!.map((row) => row.S47ActualStartDate)).toEqual(['2024-03-25']);
  });

  it('counts the plans the child had before, in earlier episodes, and keeps the latest category of abuse', () => {
    const state = foldOf([
      registered(), referral('2021-05-01'), strategyDiscussion('2021-05-02'), initialConference('2021-05-20', 'EMO'), planEnded('2022-01-10'), closed('2022-02-01'),
      referral('2024-06-03'), strategyDiscussion('2024-06-04'), initialConference('2024-06-20', 'NEG'), categoryChanged('2024-09-01', 'MUL'),
      reviewConference('2024-09-12'), planEnded('2025-02-14'),
    ]);
    expect(rowsOfChild(state, year2024)!.ChildProtectionPlans).toEqual([{
      LAchildID: 'CIN1', CINdetailsID: '1', CPPID: '1', CPPstartDate: '2024-06-20', CPPendDate: '2025-02-14', InitialCategoryOfAbuse: 'NEG',
      LatestCategoryOfAbuse: 'MUL', NumberOfPreviousCPP: '1',
    }]);
  });

  it('gives a child in need plan its end, or none while it runs past the year', () => {
    const state = foldOf([registered(), referral('2024-05-01'), cinPlanStarted('2024-07-01'), cinPlanEnded('2024-12-01'), cinPlanStarted('2025-02-01')]);
    expect(rowsOfChild(state, year2024)!.CINplanDates!.map((row) => [row.CINPlanStartDate, row.CINPlanEndDate])).toEqual([['2024-07-01', '2024-12-01'], ['2025-02-01', null]]);
  });
});

describe("the child's identifiers and characteristics", () => {
  it('returns an unborn child by the expected date of birth, sex U, and GenderCurrent 0 before 2024-25', () => {
    const unborn = registered({ dateOfBirth: undefined, expectedDateOfBirth: '2024-07-15', sex: 'U', upnUnknown: 'UN1' }, '2024-03-01');
    const state = foldOf([unborn, referral('2024-03-01', '3B')]);
    expect(rowsOfChild(state, year2024)!.ChildIdentifiers).toEqual([{
      LAchildID: 'CIN1', UPN: null, FormerUPN: null, UPNunknown: 'UN1', PersonBirthDate: null, ExpectedPersonBirthDate: '2024-07-15', Sex: 'U', PersonDeathDate: null,
    }]);
    expect(rowsOfChild(state, year2023)!.ChildIdentifiers![0]).toMatchObject({ GenderCurrent: '0', ExpectedPersonBirthDate: '2024-07-15' });
  });

  it('gives sex as GenderCurrent 1 or 2 before 2024-25 and as M or F from it', () => {
    const girl = foldOf([registered({ sex: 'F', upn: 'A123456789012' }), referral('2024-03-01')]);
    const boy = foldOf([registered({ sex: 'M' }), referral('2024-03-01')]);
    expect(rowsOfChild(girl, year2023)!.ChildIdentifiers![0]).toMatchObject({ GenderCurrent: '2', UPN: 'A123456789012', UPNunknown: null, PersonBirthDate: '2014-06-01' });
    expect(rowsOfChild(boy, year2023)!.ChildIdentifiers![0]).toMatchObject({ GenderCurrent: '1' });
    expect(rowsOfChild(girl, year2024)!.ChildIdentifiers![0]).toMatchObject({ Sex: 'F' });
    expect(rowsOfChild(girl, year2024)!.ChildIdentifiers![0]).not.toHaveProperty('GenderCurrent');
  });

  it('returns NONE for a child with no disability, and each disability otherwise', () => {
    expect(rowsOfChild(foldOf([registered(), referral('2024-05-01')]), year2024)!.Disabilities).toEqual([{ LAchildID: 'CIN1', Disability: 'NONE' }]);
    const disabled = foldOf([registered({ disabilities: ['AUT', 'COMM'], ethnicity: 'WBRI' }), referral('2024-05-01')]);
    const rows = rowsOfChild(disabled, year2024)!;
    expect(rows.Disabilities!.map((row) => row.Disability)).toEqual(['AUT', 'COMM']);
    expect(rows.ChildCharacteristics).toEqual([{ LAchildID: 'CIN1', Ethnicity: 'WBRI' }]);
  });
});

describe('the Header', () => {
  it("names the census, its year as DfE labels it, and the council's return", () => {
    expect(headerRows({ collectionYear: year2024, laNumber: '201', producedAt: '2025-05-01T10:00:00Z', softwareCode: 'safeguard', release: '0.1.0' })).toEqual({
      Header: [{
        Collection: 'CIN', Year: '2025', ReferenceDate: '2025-03-31', SourceLevel: 'L', LEA: '201', SoftwareCode: 'safeguard', Release: '0.1.0', SerialNo: '001',
        DateTime: '2025-05-01T10:00:00Z',
      }],
    });
  });
});
