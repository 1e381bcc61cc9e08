/** Child protection plans and their reviews. */
import type { ValidationRule } from '../../validation-rule.ts';
import type { TableRow } from '../../return-tables.ts';
import { cinRule, dateIn, eachRow, episodeOf, episodesByKey, Findings, groupBy, inYear, isTrue, located, planOf, plansByKey, text, type Check } from './kit.ts';
import { notBeforeReferral } from './assessments.ts';
import { afterDeath, againstNfaReferral, moreThanOneOpen, plansOverlap } from './cin-plans.ts';

const CPP = 'ChildProtectionPlans';

const check1105 = notBeforeReferral(CPP, 'CPPstartDate');

/**
 * A plan starting in the year starts on the day of its initial conference: that of one of the
 * episode's section 47 enquiries expecting one, or, when none does, the one on the episode.
 */
const check2885: Check = (tables, context) => {
  const findings = new Findings();
  const episodes = episodesByKey(tables);
  const enquiries = groupBy(located(tables, 'Section47').filter(({ row }) => !isTrue(text(row, 'ICPCnotRequired'))), episodeOf);
  const starts = new Map<string, Set<string>>();
  for (const { row } of located(tables, CPP)) {
    const start = dateIn(row, 'CPPstartDate');
    if (start !== null) starts.set(episodeOf(row), (starts.get(episodeOf(row)) ?? new Set()).add(start));
  }
  for (const { row, at } of located(tables, CPP)) {
    const start = dateIn(row, 'CPPstartDate');
    if (start === null || !inYear(start, context)) continue;
    const key = episodeOf(row);
    const episodeStarts = starts.get(key)!;
    const candidates = enquiries.get(key) ?? [];
    if (candidates.length > 0) {
      if (candidates.some((item) => dateIn(item.row, 'DateOfInitialCPC') === start)) continue;
      findings.flag(CPP, at, 'CPPstartDate');
      for (const item of candidates) {
        const conference = dateIn(item.row, 'DateOfInitialCPC');
        if (conference === null || !episodeStarts.has(conference)) findings.flag('Section47', item.at, 'DateOfInitialCPC');
      }
      continue;
    }
    const episode = episodes.get(key);
    const conference = episode && dateIn(episode.row, 'DateOfInitialCPC');
    if (conference === start) continue;
    findings.flag(CPP, at, 'CPPstartDate');
    if (episode) findings.flag('CINdetails', episode.at, 'DateOfInitialCPC');
  }
  return findings.list;
};

/** A review is not held while a CIN plan of the episode is in force, unless it is the plan's last day. */
const check4003: Check = (tables, context) => {
  const findings = new Findings();
  const plans = plansByKey(tables);
  const cinPlans = groupBy(located(tables, 'CINplanDates'), episodeOf);
  for (const { row, at } of located(tables, 'Reviews')) {
    const review = dateIn(row, 'CPPreviewDate');
    if (review === null) continue;
    const plan = plans.get(planOf(row));
    if (plan && dateIn(plan.row, 'CPPendDate') === review) continue;
    for (const cinPlan of cinPlans.get(episodeOf(row)) ?? []) {
      const start = dateIn(cinPlan.row, 'CINPlanStartDate');
      const end = dateIn(cinPlan.row, 'CINPlanEndDate') ?? context.collectionYear.end;
      if (start === null || review < start || review >= end) continue;
      findings.flag('Reviews', at, 'CPPreviewDate').flag('CINplanDates', cinPlan.at, 'CINPlanStartDate');
      if (plan) findings.flag(CPP, plan.at, 'CPPendDate');
    }
  }
  return findings.list;
};

/** Each dated activity of a closed episode, by table, with the columns that carry its dates. */
const ACTIVITY: readonly { table: string; columns: readonly string[] }[] = [
  { table: 'Assessments', columns: ['AssessmentActualStartDate', 'AssessmentAuthorisationDate'] },
  { table: 'Section47', columns: ['S47ActualStartDate', 'DateOfInitialCPC'] },
  { table: CPP, columns: ['CPPendDate'] },
  { table: 'CINplanDates', columns: ['CINPlanStartDate', 'CINPlanEndDate'] },
];

/** Nothing happens in an episode after its closure date. */
const check8565: Check = (tables) => {
  const findings = new Findings();
  const activity = ACTIVITY.map(({ table, columns }) => ({ table, columns, byEpisode: groupBy(located(tables, table), episodeOf) }));
  const after = (row: TableRow, columns: readonly string[], closure: string) => columns.some((column) => (dateIn(row, column) ?? '') > closure);
  for (const { row, at } of located(tables, 'CINdetails')) {
    const closure = dateIn(row, 'CINclosureDate');
    if (closure === null) continue;
    let found = after(row, ['DateOfInitialCPC'], closure);
    for (const { table, columns, byEpisode } of activity) {
      for (const item of byEpisode.get(episodeOf(row)) ?? []) {
        if (!after(item.row, columns, closure)) continue;
        findings.flag(table, item.at, ...columns);
        found = true;
      }
    }
    if (found) findings.flag('CINdetails', at, 'CINclosureDate', 'DateOfInitialCPC');
  }
  return findings.list;
};

const check8720 = eachRow(CPP, ['CPPstartDate'], (row, context) => {
  const start = dateIn(row, 'CPPstartDate');
  return start === null ? text(row, 'CPPID') !== null : start > context.collectionYear.end;
});

const check8730 = eachRow(CPP, ['NumberOfPreviousCPP'], (row) => !/^\d+$/.test(text(row, 'NumberOfPreviousCPP') ?? ''));

const check8832 = againstNfaReferral(CPP);

const check8840 = eachRow(CPP, ['CPPstartDate', 'CPPendDate'], (row) => {
  const start = dateIn(row, 'CPPstartDate');
  return start !== null && start === dateIn(row, 'CPPendDate');
});

/** Every review of a plan (not only the first) comes after the day the plan started. */
const check8841: Check = (tables) => {
  const findings = new Findings();
  const plans = plansByKey(tables);
  for (const { row, at } of located(tables, 'Reviews')) {
    const review = dateIn(row, 'CPPreviewDate');
    const plan = plans.get(planOf(row));
    const start = plan && dateIn(plan.row, 'CPPstartDate');
    if (plan && review && start && review <= start) findings.flag(CPP, plan.at, 'CPPstartDate').flag('Reviews', at, 'CPPreviewDate');
  }
  return findings.list;
};

const check8842Q = eachRow('Reviews', ['CPPreviewDate'], (row) => dateIn(row, 'CPPreviewDate') === null);

const CATEGORIES_OF_ABUSE = new Set(['NEG', 'PHY', 'SAB', 'EMO', 'MUL']);
const check8905 = eachRow(CPP, ['InitialCategoryOfAbuse'], (row) => !CATEGORIES_OF_ABUSE.has(text(row, 'InitialCategoryOfAbuse') ?? ''));
const check8910 = eachRow(CPP, ['LatestCategoryOfAbuse'], (row) => !CATEGORIES_OF_ABUSE.has(text(row, 'LatestCategoryOfAbuse') ?? ''));

const check8915 = afterDeath(CPP, 'CPPstartDate');
const check8920 = afterDeath(CPP, 'CPPendDate');

const check8925 = eachRow(CPP, ['CPPstartDate', 'CPPendDate'], (row) => {
  const start = dateIn(row, 'CPPstartDate');
  const end = dateIn(row, 'CPPendDate');
  return start !== null && end !== null && end < start;
});

const check8930 = eachRow(CPP, ['CPPendDate'], (row, context) => {
  const end = dateIn(row, 'CPPendDate');
  return end !== null && !inYear(end, context);
});

const check8935 = moreThanOneOpen(CPP, 'CPPendDate');
const check8940 = plansOverlap(CPP, 'CPPstartDate', 'CPPendDate');

export const childProtectionRules: readonly ValidationRule[] = [
  cinRule({
    code: '1105', severity: 'error', from: '2022-23',
    message: 'The child protection plan start date cannot be before the referral date',
    fields: ['CPPstartDate', 'CINreferralDate'],
    tables: ['ChildProtectionPlans', 'CINdetails'],
  }, check1105),
  cinRule({
    code: '2885', severity: 'error', from: '2022-23',
    message: 'Child protection plan shown as starting a different day to the initial child protection conference.',
    fields: ['CPPstartDate', 'DateOfInitialCPC'],
    tables: ['ChildProtectionPlans', 'Section47', 'CINdetails'],
  }, check2885),
  cinRule({
    code: '4003', severity: 'error', from: '2022-23',
    message: 'A CPP review date is shown as being held at the same time as an open CIN Plan.',
    fields: ['CINPlanStartDate', 'CINPlanEndDate', 'CPPreviewDate'],
    tables: ['Reviews', 'CINplanDates'],
  }, check4003),
  cinRule({
    code: '8565', severity: 'error', from: '2022-23',
    message: 'Activity shown after a case has been closed',
    fields: ['CINclosureDate', 'DateOfInitialCPC', 'AssessmentActualStartDate', 'AssessmentAuthorisationDate', 'S47ActualStartDate', 'CPPendDate', 'CINPlanStartDate', 'CINPlanEndDate'],
    tables: ['ChildProtectionPlans', 'CINdetails', 'Section47', 'Assessments', 'CINplanDates'],
  }, check8565),
  cinRule({
    code: '8720', severity: 'error', from: '2022-23',
    message: 'Child Protection Plan Start Date missing or out of data collection period',
    fields: ['CPPstartDate', 'ReferenceDate'],
    tables: ['ChildProtectionPlans', 'Header'],
  }, check8720),
  cinRule({
    code: '8730', severity: 'error', from: '2022-23',
    message: 'Total Number of previous Child Protection Plans missing',
    fields: ['NumberOfPreviousCPP'],
    tables: ['ChildProtectionPlans'],
  }, check8730),
  cinRule({
    code: '8832', severity: 'error', from: '2022-23',
    message: 'Child Protection details provided for a referral with no further action.',
    fields: ['CINdetailsID', 'ReferralNFA'],
    tables: ['ChildProtectionPlans', 'CINdetails'],
  }, check8832),
  cinRule({
    code: '8840', severity: 'error', from: '2022-23',
    message: 'Child Protection Plan cannot start and end on the same day',
    fields: ['ChildProtectionPlans', 'CPPstartDate', 'CPPendDate'],
    tables: ['ChildProtectionPlans'],
  }, check8840),
  cinRule({
    code: '8841', severity: 'error', from: '2022-23',
    message: 'The review date cannot be on the same day or before the Child protection Plan start date.',
    fields: ['CPPstartDate', 'CPPreviewDate'],
    tables: ['ChildProtectionPlans', 'Reviews'],
  }, check8841),
  cinRule({
    code: '8842Q', severity: 'query', from: '2022-23',
    message: 'Please check and either amend or provide a reason: Review Record has a missing date',
    fields: ['CPPreviewDate'],
    tables: ['Reviews'],
  }, check8842Q),
  cinRule({
    code: '8905', severity: 'error', from: '2022-23',
    message: 'Initial Category of Abuse code missing or invalid (see Category of Abuse table in CIN Census code set)',
    fields: ['InitialCategoryOfAbuse'],
    tables: ['ChildProtectionPlans'],
  }, check8905),
  cinRule({
    code: '8910', severity: 'error', from: '2022-23',
    message: 'Latest Category of Abuse code missing or invalid (see Category of Abuse table in CIN Census code set)',
    fields: ['LatestCategoryOfAbuse'],
    tables: ['ChildProtectionPlans'],
  }, check8910),
  cinRule({
    code: '8915', severity: 'error', from: '2022-23',
    message: 'Child Protection Plan shown as starting after the child’s Date of Death',
    fields: ['CPPstartDate', 'PersonDeathDate'],
    tables: ['ChildProtectionPlans', 'ChildIdentifiers'],
  }, check8915),
  cinRule({
    code: '8920', severity: 'error', from: '2022-23',
    message: 'Child Protection Plan cannot end after the child’s Date of Death',
    fields: ['PersonDeathDate', 'CPPendDate'],
    tables: ['ChildProtectionPlans', 'ChildIdentifiers'],
  }, check8920),
  cinRule({
    code: '8925', severity: 'error', from: '2022-23',
    message: 'Child Protection Plan End Date earlier than Start Date',
    fields: ['CPPstartDate', 'CPPendDate'],
    tables: ['ChildProtectionPlans'],
  }, check8925),
  cinRule({
    code: '8930', severity: 'error', from: '2022-23',
    message: 'Child Protection Plan End Date must fall within the census year',
    fields: ['CPPendDate', 'ReferenceDate'],
    tables: ['ChildProtectionPlans', 'Header'],
  }, check8930),
  cinRule({
    code: '8935', severity: 'error', from: '2022-23',
    message: 'This child is showing more than one open Child Protection plan, i.e. with no End Date',
    fields: ['CPPendDate'],
    tables: ['ChildProtectionPlans'],
  }, check8935),
  cinRule({
    code: '8940', severity: 'error', from: '2022-23',
    message: 'Child Protection Plan data contains overlapping dates',
    fields: ['CPPstartDate', 'CPPendDate'],
    tables: ['ChildProtectionPlans'],
  }, check8940),
];
