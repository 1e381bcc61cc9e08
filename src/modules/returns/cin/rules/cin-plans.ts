/** CIN plans: their dates, and how they sit with the episode, the child's death and child protection plans. */
import type { ValidationRule } from '../../validation-rule.ts';
import { childOf, childrenById, cinRule, dateIn, eachRow, episodeOf, Findings, groupBy, inYear, isTrue, located, text, type Check } from './kit.ts';
import { notBeforeReferral } from './assessments.ts';

const CP = 'CINplanDates';
const CPP = 'ChildProtectionPlans';

/** Rows of `table` whose episode is a referral with no further action: the episode and the rows are flagged. */
export function againstNfaReferral(table: string): Check {
  return (tables) => {
    const findings = new Findings();
    const rows = groupBy(located(tables, table), episodeOf);
    for (const { row, at } of located(tables, 'CINdetails')) {
      if (!isTrue(text(row, 'ReferralNFA'))) continue;
      const found = rows.get(episodeOf(row)) ?? [];
      if (found.length > 0) findings.flag('CINdetails', at, 'ReferralNFA');
      for (const item of found) findings.flag(table, item.at, 'LAchildID');
    }
    return findings.list;
  };
}

const check4000 = againstNfaReferral(CP);

/** A CIN plan and a child protection plan in the same episode both still open. */
const check4001: Check = (tables) => {
  const findings = new Findings();
  const openPlans = groupBy(located(tables, CPP).filter(({ row }) => text(row, 'CPPendDate') === null), episodeOf);
  for (const { row, at } of located(tables, CP)) {
    if (text(row, 'CINPlanEndDate') !== null) continue;
    const protecting = openPlans.get(episodeOf(row)) ?? [];
    if (protecting.length > 0) findings.flag(CP, at, 'CINPlanEndDate');
    for (const item of protecting) findings.flag(CPP, item.at, 'CPPendDate');
  }
  return findings.list;
};

/** More than one row of `table` in an episode with no end date: all of them flagged. */
export function moreThanOneOpen(table: string, endColumn: string): Check {
  return (tables) => {
    const findings = new Findings();
    for (const group of groupBy(located(tables, table).filter(({ row }) => text(row, endColumn) === null), episodeOf).values()) {
      if (group.length > 1) for (const { at } of group) findings.flag(table, at, endColumn);
    }
    return findings.list;
  };
}

const check4004 = moreThanOneOpen(CP, 'CINPlanEndDate');

/** A date in `table` after the child's date of death. */
export function afterDeath(table: string, column: string): Check {
  return (tables) => {
    const findings = new Findings();
    const children = childrenById(tables);
    for (const { row, at } of located(tables, table)) {
      const child = children.get(childOf(row));
      const death = child && dateIn(child.row, 'PersonDeathDate');
      const date = dateIn(row, column);
      if (child && death && date && date > death) findings.flag(table, at, column).flag('ChildIdentifiers', child.at, 'PersonDeathDate');
    }
    return findings.list;
  };
}

const check4008 = afterDeath(CP, 'CINPlanStartDate');
const check4009Q = afterDeath(CP, 'CINPlanEndDate');

const check4010 = eachRow(CP, ['CINPlanStartDate'], (row, context) => {
  const start = dateIn(row, 'CINPlanStartDate');
  return start === null || start > context.collectionYear.end;
});

const check4011 = eachRow(CP, ['CINPlanEndDate', 'CINPlanStartDate'], (row) => {
  const start = dateIn(row, 'CINPlanStartDate');
  const end = dateIn(row, 'CINPlanEndDate');
  return start !== null && end !== null && end < start;
});

const check4012Q = eachRow(CP, ['CINPlanStartDate', 'CINPlanEndDate'], (row) => {
  const start = dateIn(row, 'CINPlanStartDate');
  return start !== null && start === dateIn(row, 'CINPlanEndDate');
});

const check4013 = eachRow(CP, ['CINPlanEndDate'], (row, context) => {
  const end = dateIn(row, 'CINPlanEndDate');
  return end !== null && !inYear(end, context);
});

/**
 * A child's plans of one kind do not overlap; one may not start on the day another ends, since
 * a plan's end date is a day it is still in force. Flags the earlier plan's dates and the later one's start.
 */
export function plansOverlap(table: string, startColumn: string, endColumn: string): Check {
  return (tables) => {
    const findings = new Findings();
    for (const plans of groupBy(located(tables, table), childOf).values()) {
      const dated = plans.flatMap((item) => {
        const start = dateIn(item.row, startColumn);
        return start === null ? [] : [{ item, start, end: dateIn(item.row, endColumn) }];
      });
      for (const a of dated) {
        for (const b of dated) {
          if (a === b || b.start < a.start || (a.end !== null && b.start > a.end)) continue;
          findings.flag(table, a.item.at, startColumn, endColumn).flag(table, b.item.at, startColumn);
        }
      }
    }
    return findings.list;
  };
}

const check4014 = plansOverlap(CP, 'CINPlanStartDate', 'CINPlanEndDate');
const check4015 = notBeforeReferral(CP, 'CINPlanStartDate');

/** Within a period from `start` up to, not including, `end` (an open period runs on). */
const during = (date: string, start: string, end: string | null): boolean => date >= start && (end === null || date < end);

/** A CIN plan starting while one of the child's child protection plans is in force. */
const check4016: Check = (tables) => {
  const findings = new Findings();
  const protecting = groupBy(located(tables, CPP), childOf);
  for (const { row, at } of located(tables, CP)) {
    const start = dateIn(row, 'CINPlanStartDate');
    if (start === null) continue;
    for (const plan of protecting.get(childOf(row)) ?? []) {
      const from = dateIn(plan.row, 'CPPstartDate');
      if (from !== null && during(start, from, dateIn(plan.row, 'CPPendDate'))) {
        findings.flag(CP, at, 'CINPlanStartDate').flag(CPP, plan.at, 'CPPstartDate', 'CPPendDate');
      }
    }
  }
  return findings.list;
};

/** A child protection plan starting while one of the child's CIN plans is in force. */
const check4017: Check = (tables) => {
  const findings = new Findings();
  const cinPlans = groupBy(located(tables, CP), childOf);
  for (const { row, at } of located(tables, CPP)) {
    const start = dateIn(row, 'CPPstartDate');
    if (start === null) continue;
    for (const plan of cinPlans.get(childOf(row)) ?? []) {
      const from = dateIn(plan.row, 'CINPlanStartDate');
      if (from !== null && during(start, from, dateIn(plan.row, 'CINPlanEndDate'))) {
        findings.flag(CPP, at, 'CPPstartDate').flag(CP, plan.at, 'CINPlanStartDate', 'CINPlanEndDate');
      }
    }
  }
  return findings.list;
};

export const cinPlanRules: readonly ValidationRule[] = [
  cinRule({
    code: '4000', severity: 'error', from: '2022-23',
    message: 'CIN Plan details provided for a referral with no further action',
    fields: ['ReferralNFA'],
    tables: ['CINplanDates', 'CINdetails'],
  }, check4000),
  cinRule({
    code: '4001', severity: 'error', from: '2022-23',
    message: 'A CIN Plan cannot run concurrently with a Child Protection Plan',
    fields: ['CINPlanEndDate', 'CPPendDate'],
    tables: ['CINplanDates', 'ChildProtectionPlans'],
  }, check4001),
  cinRule({
    code: '4004', severity: 'error', from: '2022-23',
    message: 'This child is showing more than one open CIN Plan, i.e. with no End Date',
    fields: ['CINPlanEndDate'],
    tables: ['CINplanDates'],
  }, check4004),
  cinRule({
    code: '4008', severity: 'error', from: '2022-23',
    message: 'CIN Plan shown as starting after the child’s Date of Death.',
    fields: ['PersonDeathDate', 'CINPlanStartDate'],
    tables: ['ChildIdentifiers', 'CINplanDates'],
  }, check4008),
  cinRule({
    code: '4009Q', severity: 'query', from: '2022-23',
    message: 'CIN Plan cannot end after the child’s Date of Death',
    fields: ['PersonDeathDate', 'CINPlanEndDate'],
    tables: ['ChildIdentifiers', 'CINplanDates'],
  }, check4009Q),
  cinRule({
    code: '4010', severity: 'error', from: '2022-23',
    message: 'CIN Plan start date is missing or out of data collection period',
    fields: ['CINPlanStartDate'],
    tables: ['CINplanDates'],
  }, check4010),
  cinRule({
    code: '4011', severity: 'error', from: '2022-23',
    message: 'CIN Plan End Date earlier than Start Date',
    fields: ['CINPlanEndDate', 'CINPlanStartDate'],
    tables: ['CINplanDates'],
  }, check4011),
  cinRule({
    code: '4012Q', severity: 'query', from: '2022-23',
    message: 'Please check and either amend or provide a reason: CIN Plan shown as starting and ending on the same day',
    fields: ['CINPlanStartDate', 'CINPlanEndDate'],
    tables: ['CINplanDates'],
  }, check4012Q),
  cinRule({
    code: '4013', severity: 'error', from: '2022-23',
    message: 'CIN Plan end date must fall within the census year',
    fields: ['CINPlanEndDate', 'ReferenceDate'],
    tables: ['CINplanDates', 'Header'],
  }, check4013),
  cinRule({
    code: '4014', severity: 'error', from: '2022-23',
    message: 'CIN Plan data contains overlapping dates',
    fields: ['CINPlanStartDate', 'CINPlanEndDate'],
    tables: ['CINplanDates'],
  }, check4014),
  cinRule({
    code: '4015', severity: 'error', from: '2022-23',
    message: 'The CIN Plan start date cannot be before the referral date',
    fields: ['CINPlanStartDate', 'CINreferralDate'],
    tables: ['CINplanDates', 'CINdetails'],
  }, check4015),
  cinRule({
    code: '4016', severity: 'error', from: '2022-23',
    message: 'A CIN Plan has been reported as open at the same time as a Child Protection Plan.',
    fields: ['CINPlanStartDate', 'CPPstartDate', 'CPPendDate'],
    tables: ['CINplanDates', 'ChildProtectionPlans'],
  }, check4016),
  cinRule({
    code: '4017', severity: 'error', from: '2022-23',
    message: 'A CIN Plan has been reported as open at the same time as a Child Protection Plan.',
    fields: ['CINPlanStartDate', 'CINPlanEndDate', 'CPPstartDate'],
    tables: ['CINplanDates', 'ChildProtectionPlans'],
  }, check4017),
];
