/** CIN episodes (CINdetails): referral, need, closure, and what happened within each episode. */
import type { ValidationContext, ValidationRule } from '../../validation-rule.ts';
import type { TableRow } from '../../return-tables.ts';
import { childOf, childrenById, cinRule, dateIn, eachRow, episodeOf, Findings, groupBy, inYear, isFalse, isTrue, located, overlappingPairs, text, type Check } from './kit.ts';

const CD = 'CINdetails';

/** Closure reasons meaning the case closed after assessment: no further action (RC8), or referred to early help (RC9). */
const closedAfterAssessment = (row: TableRow): boolean => ['RC8', 'RC9'].includes(text(row, 'ReasonForClosure') ?? '');

/** An episode closed after assessment has no CIN plan, section 47 enquiry, conference or child protection plan. */
const check2990: Check = (tables) => {
  const findings = new Findings();
  const activity = (['CINplanDates', 'Section47', 'ChildProtectionPlans'] as const).map((table) => ({ table, byEpisode: groupBy(located(tables, table), episodeOf) }));
  for (const { row, at } of located(tables, CD)) {
    if (!closedAfterAssessment(row)) continue;
    let found = text(row, 'DateOfInitialCPC') !== null;
    for (const { table, byEpisode } of activity) {
      for (const item of byEpisode.get(episodeOf(row)) ?? []) {
        findings.flag(table, item.at, 'LAchildID');
        found = true;
      }
    }
    if (found) findings.flag(CD, at, 'DateOfInitialCPC');
  }
  return findings.list;
};

/** A section 47 enquiry follows an assessment: one on an episode with no assessment is queried. */
const check2991Q: Check = (tables) => {
  const findings = new Findings();
  const assessed = new Set(located(tables, 'Assessments').map(({ row }) => episodeOf(row)));
  for (const { row, at } of located(tables, 'Section47')) if (!assessed.has(episodeOf(row))) findings.flag('Section47', at, 'LAchildID');
  return findings.list;
};

const check8555Q: Check = (tables) => {
  const findings = new Findings();
  const children = childrenById(tables);
  for (const { row, at } of located(tables, CD)) {
    const child = children.get(childOf(row));
    const death = child && dateIn(child.row, 'PersonDeathDate');
    const referral = dateIn(row, 'CINreferralDate');
    if (child && death && referral && referral > death) findings.flag(CD, at, 'CINreferralDate').flag('ChildIdentifiers', child.at, 'PersonDeathDate');
  }
  return findings.list;
};

const check8568 = eachRow(CD, ['ReferralNFA'], (row) => {
  const flag = text(row, 'ReferralNFA');
  return !isTrue(flag) && !isFalse(flag);
});

/** The last working day before the collection year starts. */
function workingDayBeforeStart(context: ValidationContext): string {
  let day = context.calendar.addCalendarDays(context.collectionYear.start, -1);
  while (!context.calendar.isWorkingDay(day)) day = context.calendar.addCalendarDays(day, -1);
  return day;
}

/** A referral with no further action is closed at once, so it cannot have been made before the year began (a working day's grace). */
const check8569Q: Check = (tables, context) => {
  const findings = new Findings();
  const cutOff = workingDayBeforeStart(context);
  for (const { row, at } of located(tables, CD)) {
    const referral = dateIn(row, 'CINreferralDate');
    if (referral !== null && referral < cutOff && isTrue(text(row, 'ReferralNFA'))) findings.flag(CD, at, 'CINreferralDate');
  }
  return findings.list;
};

/** RC2 is the closure reason for a child who died. */
const check8585Q: Check = (tables) => {
  const findings = new Findings();
  const children = childrenById(tables);
  for (const { row, at } of located(tables, CD)) {
    if (text(row, 'ReasonForClosure') !== 'RC2') continue;
    const child = children.get(childOf(row));
    if (child && dateIn(child.row, 'PersonDeathDate') === null) findings.flag(CD, at, 'ReasonForClosure').flag('ChildIdentifiers', child.at, 'PersonDeathDate');
  }
  return findings.list;
};

const check8600 = eachRow(CD, ['CINreferralDate'], (row, context) => {
  const referral = dateIn(row, 'CINreferralDate');
  return referral === null || referral > context.collectionYear.end;
});

/** A referral may be made before birth, but not more than 40 weeks before it. */
const check8606: Check = (tables, context) => {
  const findings = new Findings();
  const children = childrenById(tables);
  for (const { row, at } of located(tables, CD)) {
    const child = children.get(childOf(row));
    const referral = dateIn(row, 'CINreferralDate');
    const birth = child && (dateIn(child.row, 'PersonBirthDate') ?? dateIn(child.row, 'ExpectedPersonBirthDate'));
    if (child && birth && referral && referral < context.calendar.addWeeks(birth, -40)) {
      findings.flag(CD, at, 'CINreferralDate').flag('ChildIdentifiers', child.at, 'PersonBirthDate', 'ExpectedPersonBirthDate');
    }
  }
  return findings.list;
};

const check8610 = eachRow(CD, ['ReferralNFA', 'PrimaryNeedCode'], (row) => isFalse(text(row, 'ReferralNFA')) && text(row, 'PrimaryNeedCode') === null);

const check8620 = eachRow(CD, ['CINclosureDate'], (row, context) => {
  const closure = dateIn(row, 'CINclosureDate');
  return closure !== null && !inYear(closure, context);
});

const check8630 = eachRow(CD, ['CINreferralDate', 'CINclosureDate'], (row) => {
  const referral = dateIn(row, 'CINreferralDate');
  const closure = dateIn(row, 'CINclosureDate');
  return referral !== null && closure !== null && closure < referral;
});

const CLOSURE_REASONS = new Set(['RC1', 'RC2', 'RC3', 'RC4', 'RC5', 'RC6', 'RC7', 'RC8', 'RC9']);
const check8640 = eachRow(CD, ['ReasonForClosure'], (row) => {
  const reason = text(row, 'ReasonForClosure');
  return reason !== null && !CLOSURE_REASONS.has(reason);
});

const PRIMARY_NEEDS = new Set(['N0', 'N1', 'N2', 'N3', 'N4', 'N5', 'N6', 'N7', 'N8', 'N9']);
const check8650 = eachRow(CD, ['PrimaryNeedCode'], (row) => {
  const need = text(row, 'PrimaryNeedCode');
  return need !== null && !PRIMARY_NEEDS.has(need);
});

const check8805 = eachRow(CD, ['CINclosureDate', 'ReasonForClosure'], (row) => text(row, 'CINclosureDate') !== null && text(row, 'ReasonForClosure') === null);
const check8810 = eachRow(CD, ['ReasonForClosure', 'CINclosureDate'], (row) => text(row, 'ReasonForClosure') !== null && text(row, 'CINclosureDate') === null);

/** Open (no closure date) and going on to further action. */
const openWithAction = (row: TableRow): boolean => text(row, 'CINclosureDate') === null && !isTrue(text(row, 'ReferralNFA'));

const check8815: Check = (tables) => {
  const findings = new Findings();
  for (const episodes of groupBy(located(tables, CD), childOf).values()) {
    const open = episodes.filter(({ row }) => openWithAction(row));
    if (open.length > 1) for (const { at } of open) findings.flag(CD, at, 'CINclosureDate');
  }
  return findings.list;
};

/** An open episode going on to further action must be the child's latest, alone; else all its open episodes are flagged. */
const check8816: Check = (tables) => {
  const findings = new Findings();
  for (const episodes of groupBy(located(tables, CD), childOf).values()) {
    const dated = episodes.filter(({ row }) => dateIn(row, 'CINreferralDate') !== null);
    if (dated.length < 2) continue;
    const latest = dated.reduce((max, { row }) => (dateIn(row, 'CINreferralDate')! > max ? dateIn(row, 'CINreferralDate')! : max), '');
    const latestCount = dated.filter(({ row }) => dateIn(row, 'CINreferralDate') === latest).length;
    const open = dated.filter(({ row }) => openWithAction(row));
    if (open.some(({ row }) => dateIn(row, 'CINreferralDate') !== latest || latestCount > 1)) {
      for (const { at } of open) findings.flag(CD, at, 'CINreferralDate');
    }
  }
  return findings.list;
};

/** A child's episodes do not overlap: each referral comes on or after the closure of any earlier episode. */
const check8820: Check = (tables) => {
  const findings = new Findings();
  for (const episodes of groupBy(located(tables, CD), childOf).values()) {
    if (episodes.length < 2) continue;
    const periods = episodes.flatMap((item) => {
      const start = dateIn(item.row, 'CINreferralDate');
      return start === null ? [] : [{ item, start, end: dateIn(item.row, 'CINclosureDate') }];
    });
    overlappingPairs(periods, (earlier, later) => {
      findings.flag(CD, earlier.at, 'CINreferralDate', 'CINclosureDate').flag(CD, later.at, 'CINreferralDate');
    });
  }
  return findings.list;
};

const check8825Q: Check = (tables) => {
  const findings = new Findings();
  const assessed = new Set(located(tables, 'Assessments').map(({ row }) => episodeOf(row)));
  for (const { row, at } of located(tables, CD)) if (closedAfterAssessment(row) && !assessed.has(episodeOf(row))) findings.flag(CD, at, 'ReasonForClosure');
  return findings.list;
};

/** A referral with no further action has no assessment, section 47 enquiry or conference recorded against it. */
const check8831: Check = (tables) => {
  const findings = new Findings();
  const assessments = groupBy(located(tables, 'Assessments').filter(({ row }) =>
    text(row, 'AssessmentActualStartDate') !== null || text(row, 'AssessmentAuthorisationDate') !== null), episodeOf);
  const enquiries = groupBy(located(tables, 'Section47').filter(({ row }) =>
    text(row, 'S47ActualStartDate') !== null || text(row, 'DateOfInitialCPC') !== null), episodeOf);
  for (const { row, at } of located(tables, CD)) {
    if (!isTrue(text(row, 'ReferralNFA'))) continue;
    const episode = episodeOf(row);
    const assessed = assessments.get(episode) ?? [];
    const enquired = enquiries.get(episode) ?? [];
    if (assessed.length === 0 && enquired.length === 0 && text(row, 'DateOfInitialCPC') === null) continue;
    findings.flag(CD, at, 'DateOfInitialCPC');
    for (const item of assessed) findings.flag('Assessments', item.at, 'LAchildID');
    for (const item of enquired) findings.flag('Section47', item.at, 'LAchildID');
  }
  return findings.list;
};

/** Referral sources, required for referrals from 1 April 2013 when the field began. */
const REFERRAL_SOURCES = new Set(['1A', '1B', '1C', '1D', '2A', '2B', '3A', '3B', '3C', '3D', '3E', '3F', '4', '5A', '5B', '5C', '5D', '6', '7', '8', '9', '10']);
const check8866 = eachRow(CD, ['CINreferralDate', 'ReferralSource'], (row) => {
  const referral = dateIn(row, 'CINreferralDate');
  return referral !== null && referral >= '2013-04-01' && !REFERRAL_SOURCES.has(text(row, 'ReferralSource') ?? '');
});

/** Closing an episode closes its work: every assessment in it is authorised. */
const check8867: Check = (tables) => {
  const findings = new Findings();
  const unfinished = groupBy(located(tables, 'Assessments').filter(({ row }) => text(row, 'AssessmentAuthorisationDate') === null), episodeOf);
  for (const { row, at } of located(tables, CD)) {
    if (text(row, 'CINclosureDate') === null) continue;
    for (const item of unfinished.get(episodeOf(row)) ?? []) {
      findings.flag(CD, at, 'CINclosureDate').flag('Assessments', item.at, 'AssessmentAuthorisationDate');
    }
  }
  return findings.list;
};

/** Every section 47 enquiry in a closed episode ended: by a conference or as not needing one (one or the other). */
const check8868: Check = (tables) => {
  const findings = new Findings();
  const unresolved = groupBy(located(tables, 'Section47').filter(({ row }) =>
    (text(row, 'DateOfInitialCPC') !== null) === isTrue(text(row, 'ICPCnotRequired'))), episodeOf);
  for (const { row, at } of located(tables, CD)) {
    if (text(row, 'CINclosureDate') === null) continue;
    for (const item of unresolved.get(episodeOf(row)) ?? []) {
      findings.flag(CD, at, 'CINclosureDate').flag('Section47', item.at, 'DateOfInitialCPC', 'ICPCnotRequired');
    }
  }
  return findings.list;
};

/**
 * A child's section 47 enquiries do not overlap: one runs from its start to its conference; one
 * with no conference is still going on, unless marked as not needing one (then it has ended).
 */
const check8890: Check = (tables) => {
  const findings = new Findings();
  for (const enquiries of groupBy(located(tables, 'Section47'), childOf).values()) {
    if (enquiries.length < 2) continue;
    const periods = enquiries.flatMap((item) => {
      const start = dateIn(item.row, 'S47ActualStartDate');
      const end = dateIn(item.row, 'DateOfInitialCPC');
      if (start === null || (end === null && isTrue(text(item.row, 'ICPCnotRequired')))) return [];
      return [{ item, start, end }];
    });
    overlappingPairs(periods, (earlier, later) => {
      findings.flag('Section47', earlier.at, 'S47ActualStartDate', 'DateOfInitialCPC').flag('Section47', later.at, 'S47ActualStartDate');
    });
  }
  return findings.list;
};

export const cinDetailsRules: readonly ValidationRule[] = [
  cinRule({
    code: '2990', severity: 'error', from: '2022-23',
    message: "Activity is recorded against a case marked as ‘Case closed after assessment, no further action’ or 'case closed after assessment, referred to early help'.",
    fields: ['ReasonForClosure'],
    tables: ['CINdetails'],
  }, check2990),
  cinRule({
    code: '2991Q', severity: 'query', from: '2022-23',
    message: 'Please check and either amend data or provide a reason: A Section 47 module is recorded and there is no assessment on the episode',
    fields: ['CINdetailsID'],
    tables: ['CINdetails'],
  }, check2991Q),
  cinRule({
    code: '8555Q', severity: 'query', from: '2022-23',
    message: 'Child cannot be referred after its recorded date of death',
    fields: ['PersonDeathDate', 'CINreferralDate'],
    tables: ['CINdetails', 'ChildIdentifiers'],
  }, check8555Q),
  cinRule({
    code: '8568', severity: 'error', from: '2022-23',
    message: 'RNFA flag is missing or invalid',
    fields: ['ReferralNFA'],
    tables: ['CINdetails'],
  }, check8568),
  cinRule({
    code: '8569Q', severity: 'query', from: '2022-23',
    message: 'A case with referral date before one working day prior to the collection start date must not be flagged as a no further action case',
    fields: ['ReferralNFA'],
    tables: ['CINdetails'],
  }, check8569Q),
  cinRule({
    code: '8585Q', severity: 'query', from: '2022-23',
    message: 'Please check and either amend or provide a reason: CIN episode shows Died as the Closure Reason, however child has no recorded Date of Death',
    fields: ['ReasonForClosure', 'PersonDeathDate'],
    tables: ['CINdetails', 'ChildIdentifiers'],
  }, check8585Q),
  cinRule({
    code: '8600', severity: 'error', from: '2022-23',
    message: 'Child referral date missing or after data collection period',
    fields: ['CINreferralDate'],
    tables: ['CINdetails'],
  }, check8600),
  cinRule({
    code: '8606', severity: 'error', from: '2022-23',
    message: 'Child referral date is more than 40 weeks before DOB or expected DOB',
    fields: ['CINreferralDate', 'PersonBirthDate', 'ExpectedPersonBirthDate'],
    tables: ['CINdetails', 'ChildIdentifiers'],
  }, check8606),
  cinRule({
    code: '8610', severity: 'error', from: '2022-23',
    message: 'Primary Need code is missing for a referral which led to further action.',
    fields: ['ReferralNFA', 'PrimaryNeedCode'],
    tables: ['CINdetails'],
  }, check8610),
  cinRule({
    code: '8620', severity: 'error', from: '2022-23',
    message: 'CIN Closure Date present and does not fall within the Census year',
    fields: ['CINclosureDate'],
    tables: ['CINdetails'],
  }, check8620),
  cinRule({
    code: '8630', severity: 'error', from: '2022-23',
    message: 'CIN Closure Date is before CIN Referral Date for the same CIN episode',
    fields: ['CINreferralDate', 'CINclosureDate'],
    tables: ['CINdetails'],
  }, check8630),
  cinRule({
    code: '8640', severity: 'error', from: '2022-23',
    message: 'CIN Reason for closure code invalid (see Reason for Closure table in CIN Census code set)',
    fields: ['ReasonForClosure'],
    tables: ['CINdetails'],
  }, check8640),
  cinRule({
    code: '8650', severity: 'error', from: '2022-23',
    message: 'Primary Need Code invalid (see Primary Need table in CIN census code set)',
    fields: ['PrimaryNeedCode'],
    tables: ['CINdetails'],
  }, check8650),
  cinRule({
    code: '8805', severity: 'error', from: '2022-23',
    message: 'A CIN case cannot have a CIN closure date without a Reason for Closure',
    fields: ['CINclosureDate', 'ReasonForClosure'],
    tables: ['CINdetails'],
  }, check8805),
  cinRule({
    code: '8810', severity: 'error', from: '2022-23',
    message: 'A CIN case cannot have a Reason for Closure without a CIN Closure Date',
    fields: ['ReasonForClosure', 'CINclosureDate'],
    tables: ['CINdetails'],
  }, check8810),
  cinRule({
    code: '8815', severity: 'error', from: '2022-23',
    message: 'More than one open CIN Details episode (a module with no CIN Closure Date) has been provided for this child and case is not a referral with no further action.',
    fields: ['ReferralNFA', 'CINclosureDate'],
    tables: ['CINdetails'],
  }, check8815),
  cinRule({
    code: '8816', severity: 'error', from: '2022-23',
    message: 'An open CIN episode is shown and case is not a referral with no further action, but it is not the latest episode.',
    fields: ['CINreferralDate', 'ReferralNFA'],
    tables: ['CINdetails'],
  }, check8816),
  cinRule({
    code: '8820', severity: 'error', from: '2022-23',
    message: 'The dates on the CIN episodes for this child overlap',
    fields: ['CINreferralDate', 'CINclosureDate'],
    tables: ['CINdetails'],
  }, check8820),
  cinRule({
    code: '8825Q', severity: 'query', from: '2022-23',
    message: 'Please check and either amend data or provide a reason: Reason for Closure code RC8 (case closed after assessment) or RC9 (case closed after assessment, referred to early help) has been returned but there is no assessment present for the episode.',
    fields: ['ReasonForClosure'],
    tables: ['CINdetails'],
  }, check8825Q),
  cinRule({
    code: '8831', severity: 'error', from: '2022-23',
    message: 'Activity is recorded against a case marked as a referral with no further action',
    fields: ['AssessmentActualStartDate', 'AssessmentAuthorisationDate', 'S47ActualStartDate', 'DateOfInitialCPC'],
    tables: ['CINdetails', 'Assessments', 'Section47'],
  }, check8831),
  cinRule({
    code: '8866', severity: 'error', from: '2022-23',
    message: 'Source of Referral is missing or an invalid code',
    fields: ['CINreferralDate', 'ReferralSource'],
    tables: ['CINdetails'],
  }, check8866),
  cinRule({
    code: '8867', severity: 'error', from: '2022-23',
    message: 'CIN episode is shown as closed, however Assessment is not shown as completed',
    fields: ['CINclosureDate', 'AssessmentAuthorisationDate'],
    tables: ['CINdetails', 'Assessments'],
  }, check8867),
  cinRule({
    code: '8868', severity: 'error', from: '2022-23',
    message: 'CIN episode is shown as closed, however Section 47 enquiry is not shown as completed by ICPC date or ICPC not required flag',
    fields: ['ICPCnotRequired', 'CINclosureDate', 'DateOfInitialCPC'],
    tables: ['CINdetails', 'Section47'],
  }, check8868),
  cinRule({
    code: '8890', severity: 'error', from: '2022-23',
    message: 'A Section 47 enquiry is shown as starting when there is another Section 47 Enquiry ongoing',
    fields: ['S47ActualStartDate'],
    tables: ['CINdetails', 'Section47'],
  }, check8890),
];
