/** Safeguard's own checks of the CIN census rules, beside the replay of the open-source validator's tests. */
import { describe, expect, it } from 'vitest';
import { createCalendar } from '../../../../platform/calendar/calendar.ts';
import { collectionYear, type CollectionYear } from '../../collection-year.ts';
import { tableOf, type ReturnTables, type TableRow } from '../../return-tables.ts';
import { rulesInForce, validateReturn, type ValidationContext } from '../../validation-rule.ts';
import { cinTableColumns } from '../tables.ts';
import { cinRules } from './index.ts';

const calendar = createCalendar();
const contextFor = (year: CollectionYear): ValidationContext => ({ collectionYear: year, laNumber: '206', calendar });
const ruleFor = (code: string, year: CollectionYear) => rulesInForce(cinRules, year).find((rule) => rule.code === code)!;

/** A census of the given rows, every table present with the year's columns. */
function census(year: CollectionYear, rows: Partial<Record<string, TableRow[]>>): ReturnTables {
  return Object.fromEntries(Object.entries(cinTableColumns(year)).map(([name, columns]) => [name, tableOf(columns, rows[name] ?? [])]));
}

describe('working days, as DfE counts them (the days after the start date)', () => {
  const enquiryFrom = (start: string): TableRow => ({ LAchildID: 'C1', CINdetailsID: '1', S47ActualStartDate: start, DateOfInitialCPC: null, ICPCnotRequired: '0' });
  const flagged = (year: CollectionYear, start: string) => ruleFor('8675Q', year).check(census(year, { Section47: [enquiryFrom(start)] }), contextFor(year)).length > 0;

  it('skips Good Friday and Easter Monday: 15 working days after 8 March 2027 is 31 March, so that enquiry is not yet late', () => {
    const year = collectionYear('2026-27');
    expect(flagged(year, '2027-03-08')).toBe(false);
    // Counting the start date as day 1, or ignoring Easter (26 and 29 March 2027), would flag it.
    expect(calendar.addWorkingDays('2027-03-08', 15)).toBe('2027-03-31');
    expect(flagged(year, '2027-03-05')).toBe(true);
  });

  it('skips a May bank holiday when validating part-way through the year', () => {
    const toDate: CollectionYear = { ...collectionYear('2025-26'), end: '2025-05-30' };
    // 26 May 2025 is the spring bank holiday: 15 working days after 8 May is 30 May, not 29 May.
    expect(calendar.addWorkingDays('2025-05-08', 15)).toBe('2025-05-30');
    expect(flagged(toDate, '2025-05-08')).toBe(false);
    expect(flagged(toDate, '2025-05-07')).toBe(true);
  });

  it('finds the last working day before the year across Easter (8569Q): 1 April 2024 was Easter Monday, 29 March Good Friday', () => {
    const year = collectionYear('2024-25');
    const nfa = (referral: string): TableRow => ({ LAchildID: 'C1', CINdetailsID: '1', CINreferralDate: referral, ReferralNFA: '1' });
    const check = (referral: string) => ruleFor('8569Q', year).check(census(year, { CINdetails: [nfa(referral)] }), contextFor(year)).length;
    expect(check('2024-03-28')).toBe(0);
    expect(check('2024-03-27')).toBe(1);
  });
});

describe('every review of a child protection plan is checked', () => {
  const year = collectionYear('2024-25');
  const plan: TableRow = { LAchildID: 'C1', CINdetailsID: '1', CPPID: '1', CPPstartDate: '2024-06-03', CPPendDate: null };
  const review = (date: string): TableRow => ({ LAchildID: 'C1', CINdetailsID: '1', CPPID: '1', CPPreviewDate: date });

  it('flags a third review dated on or before the plan began, not only the first (8841)', () => {
    const tables = census(year, { ChildProtectionPlans: [plan], Reviews: [review('2024-07-01'), review('2024-10-01'), review('2024-06-03')] });
    expect(ruleFor('8841', year).check(tables, contextFor(year))).toEqual([
      { table: 'ChildProtectionPlans', row: 0, column: 'CPPstartDate' },
      { table: 'Reviews', row: 2, column: 'CPPreviewDate' },
    ]);
  });

  it('flags a third review held while a CIN plan of the episode was in force (4003)', () => {
    const cinPlan: TableRow = { LAchildID: 'C1', CINdetailsID: '1', CINPlanStartDate: '2025-01-06', CINPlanEndDate: null };
    const tables = census(year, { ChildProtectionPlans: [{ ...plan, CPPendDate: '2025-01-03' }], CINplanDates: [cinPlan],
      Reviews: [review('2024-07-01'), review('2024-10-01'), review('2025-02-03')] });
    const findings = ruleFor('4003', year).check(tables, contextFor(year));
    expect(findings.filter((finding) => finding.table === 'Reviews')).toEqual([{ table: 'Reviews', row: 2, column: 'CPPreviewDate' }]);
  });
});

describe('rules about the return as a whole give a finding with no row', () => {
  const year = collectionYear('2024-25');
  const disability = (child: string, code: string): TableRow => ({ LAchildID: child, Disability: code });

  it('2887Q: fewer than 8 distinct disability codes', () => {
    const few = census(year, { Disabilities: ['MOB', 'HAND', 'PC', 'MOB'].map((code, i) => disability(`C${i}`, code)) });
    expect(ruleFor('2887Q', year).check(few, contextFor(year))).toEqual([{ table: 'Disabilities', column: 'Disability' }]);
    const many = census(year, { Disabilities: ['MOB', 'HAND', 'PC', 'INC', 'COMM', 'LD', 'HEAR', 'VIS'].map((code, i) => disability(`C${i}`, code)) });
    expect(ruleFor('2887Q', year).check(many, contextFor(year))).toEqual([]);
  });

  it('2888Q: no child with more than one disability', () => {
    const single = census(year, { Disabilities: [disability('C1', 'MOB'), disability('C2', 'HAND')] });
    expect(ruleFor('2888Q', year).check(single, contextFor(year))).toEqual([{ table: 'Disabilities', column: 'Disability' }]);
    const multiple = census(year, { Disabilities: [disability('C1', 'MOB'), disability('C1', 'HAND')] });
    expect(ruleFor('2888Q', year).check(multiple, contextFor(year))).toEqual([]);
  });

  it('the engine reports them with a null row', () => {
    const tables = census(year, { Disabilities: [disability('C1', 'MOB')] });
    const issues = validateReturn(tables, [ruleFor('2887Q', year)], contextFor(year));
    expect(issues).toEqual([expect.objectContaining({ code: '2887Q', table: 'Disabilities', row: null, child: null })]);
  });
});

/** A census of `children` children, every tenth with a mistake or two, as a council's might be. */
export function syntheticCensus(year: CollectionYear, children: number): ReturnTables {
  const rows: Record<string, TableRow[]> = {};
  const add = (table: string, row: TableRow) => (rows[table] ??= []).push(row);
  const day = (offset: number) => calendar.addCalendarDays(year.start, offset);
  for (let i = 0; i < children; i += 1) {
    const child = `C${i}`;
    const odd = i % 10 === 0;
    if (i === 0) add('Header', { Collection: 'CIN', Year: year.endYear, ReferenceDate: year.end, LEA: '206' });
    add('ChildIdentifiers', { LAchildID: child, UPN: odd ? 'A12345678901X' : null, UPNunknown: odd ? null : 'UN3', PersonBirthDate: `20${String(10 + (i % 12)).padStart(2, '0')}-0${1 + (i % 9)}-15`, Sex: ['M', 'F', 'U'][i % 3]!, GenderCurrent: String(i % 3) });
    add('ChildCharacteristics', { LAchildID: child, Ethnicity: odd ? 'XXXX' : 'WBRI' });
    add('Disabilities', { LAchildID: child, Disability: ['NONE', 'MOB', 'HAND', 'AUT'][i % 4]! });
    const referral = day(i % 200);
    add('CINdetails', { LAchildID: child, CINdetailsID: '1', CINreferralDate: referral, ReferralSource: '1A', PrimaryNeedCode: 'N1', ReferralNFA: '0', CINclosureDate: odd ? day((i % 200) + 90) : null, ReasonForClosure: odd ? 'RC1' : null });
    add('Assessments', { LAchildID: child, CINdetailsID: '1', AssessmentID: '1', AssessmentActualStartDate: day((i % 200) + 1), AssessmentAuthorisationDate: odd ? null : day((i % 200) + 30), AssessmentFactors: odd ? '21,1A' : '1A,2B' });
    add('AssessmentFactorsList', { LAchildID: child, CINdetailsID: '1', AssessmentID: '1', AssessmentFactor: '1A' });
    add('Section47', { LAchildID: child, CINdetailsID: '1', S47ActualStartDate: day((i % 200) + 2), InitialCPCtarget: day((i % 200) + 21), DateOfInitialCPC: day((i % 200) + 16), ICPCnotRequired: '0' });
    add('ChildProtectionPlans', { LAchildID: child, CINdetailsID: '1', CPPID: '1', CPPstartDate: day((i % 200) + 16), CPPendDate: null, InitialCategoryOfAbuse: 'NEG', LatestCategoryOfAbuse: 'NEG', NumberOfPreviousCPP: '0' });
    for (const weeks of [13, 26, 39]) add('Reviews', { LAchildID: child, CINdetailsID: '1', CPPID: '1', CPPreviewDate: day((i % 200) + 16 + weeks * 7) });
    add('CINplanDates', { LAchildID: child, CINdetailsID: '1', CINPlanStartDate: day((i % 200) + 5), CINPlanEndDate: day((i % 200) + 15) });
  }
  return Object.fromEntries(Object.entries(cinTableColumns(year)).map(([name, columns]) => [name, tableOf(columns, rows[name] ?? [])]));
}

describe('the whole set of rules', () => {
  const year = collectionYear('2024-25');
  const rules = rulesInForce(cinRules, year);
  const key = (issue: object) => JSON.stringify(issue);

  it('finds the same issues in whatever order the rules run', () => {
    const tables = syntheticCensus(year, 300);
    const forwards = validateReturn(tables, rules, contextFor(year)).map(key).sort();
    const backwards = validateReturn(tables, [...rules].reverse(), contextFor(year)).map(key).sort();
    expect(forwards.length).toBeGreaterThan(0);
    expect(backwards).toEqual(forwards);
  });
});
