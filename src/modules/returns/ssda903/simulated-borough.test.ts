/**
 * The SSDA903 return of a small synthetic borough, produced from the record as the returns' engine
 * produces it and validated with DfE's rules in force: its errors are the data-entry slips the
 * borough makes on purpose (simulated-data-faults.ts), each found in every child it was made for,
 * and what remains is named below with the reason it remains.
 */
import { describe, expect, it } from 'vitest';
import { createCalendar } from '../../../platform/calendar/calendar.ts';
import { foldChildRecord } from '../../../record/fold.ts';
import { boroughOfSize, islingtonShapedBorough } from '../../../simulate/borough.ts';
import { simulatedChildLogs } from '../../../simulate/test-support.ts';
import type { ReturnsChildState } from '../child-state.ts';
import { collectionYear } from '../collection-year.ts';
import { cellOf, tableOf, type TableRow } from '../return-tables.ts';
import { rulesInForce, validateReturn, type ValidationContext } from '../validation-rule.ts';
import { ssda903Return } from './index.ts';
import { ssda903SimulatedDataFaults } from './simulated-data-faults.ts';

const year = collectionYear('2024-25');

/**
 * Errors the produced return still has on the synthetic borough, each a defect of the borough's
 * data or of the record still to be put right (not data accepted as correct): the test fails when
 * one appears that is not here, so the list can only shrink.
 */
const OUTSTANDING: Readonly<Record<string, string>> = {
  EPI: 'DfE\'s own note: care leavers in OC3 only, with no episode in the year, have no episodes loaded (a false positive of DfE\'s tool)',
  371: 'under-16s placed in supported accommodation by the synthetic borough (looked-after simulator)',
  383: 'temporary placements not followed by a return to the normal placement (looked-after simulator)',
  '392b': 'temporary placements (T4) recorded without a postcode',
  361: 'police protection lasting beyond 72 hours (looked-after simulator)',
  169: 'temporary placements (T4) recorded without a postcode',
  179: 'temporary placements (T4) recorded without a postcode',
  '392a': 'temporary placements (T4) recorded without a postcode',
  226: 'a reason for placement change given for a temporary move',
  '197B': 'SDQ neither scored nor a reason given for some 4- and 17-year-olds (care planning simulator)',
  378: 'placed with parents under a single period of accommodation (looked-after simulator)',
  553: 'placement order without a decision to place for adoption (adoption simulator)',
  104: 'UASC status ceased before the year began',
  186: 'SDQ scored for children outside the ages DfE asks it of',
  222: 'an Ofsted URN given for a placement type that has none',
  630: 'a child entering care in the warm-up or on the run\'s last days with no previous permanence recorded (adoption simulator)',
  631: 'a previous permanence code (P4, not known) outside the list DfE\'s rule accepts: to check against DfE\'s guide',
  SW11bSTG2: 'a social worker episode ended in the last days of the year with none after it',
  529: 'a foster or adoptive placement provided by another public body (PR3) (looked-after simulator)',
  1015: 'the council\'s own provision (PR1) placed outside its area in a placement type DfE expects inside it (looked-after simulator)',
};

describe('the SSDA903 return of a synthetic borough (2024-25)', () => {
  const { logs } = simulatedChildLogs(boroughOfSize(islingtonShapedBorough, 8000), { seed: 7, years: 2, from: '2023-04-01', warmUpYears: 1 });
  const columns = ssda903Return.tablesOf(year);
  const rows: Record<string, TableRow[]> = Object.fromEntries(Object.keys(columns).map((table) => [table, []]));
  const childIds: string[] = [];
  for (const log of logs) {
    const events = log.events.filter((event) => event.occurredAt.slice(0, 10) <= year.end);
    if (events.length === 0) continue;
    const state = foldChildRecord('206', log.childId, events).state as unknown as ReturnsChildState;
    const child = ssda903Return.rowsOfChild(state, year);
    if (child === null) continue;
    childIds.push(log.childId);
    for (const [table, tableRows] of Object.entries(child)) rows[table]!.push(...tableRows);
  }
  const tables = Object.fromEntries(Object.entries(columns).map(([table, c]) => [table, tableOf(c, rows[table]!)]));
  const context: ValidationContext = { collectionYear: year, laNumber: '206', calendar: createCalendar(), fileFormat: 'csv' };
  const issues = validateReturn(ssda903Return.prepareForValidation!(tables, context), rulesInForce(ssda903Return.rules, year), context);
  const faultCodes = new Set(ssda903SimulatedDataFaults.map((fault) => fault.code));

  it('has children in it', () => {
    expect(childIds.length).toBeGreaterThan(50);
  });

  it('has no error but the deliberate slips and those named as outstanding', () => {
    const unexpected = issues.filter((issue) => issue.severity === 'error' && !faultCodes.has(issue.code) && OUTSTANDING[issue.code] === undefined);
    expect(unexpected.map((issue) => `${issue.code} ${issue.child} ${issue.table}[${issue.row}].${issue.column}`)).toEqual([]);
  });

  it('flags with its rule each child planned for a slip who is in the return with the data it needs', () => {
    // 392d: an episode of the child's whose placement postcode is their home postcode, other than placed with parents.
    const applies: Readonly<Record<string, (child: string) => boolean>> = {
      '392d': (child) => rows.Episodes!.some((row) => cellOf(row, 'CHILD') === child && cellOf(row, 'HOME_POST') !== null
        && cellOf(row, 'HOME_POST') === cellOf(row, 'PL_POST') && cellOf(row, 'PLACE') !== 'P1'),
    };
    let checked = 0;
    for (const fault of ssda903SimulatedDataFaults) {
      const flagged = new Set(issues.filter((issue) => issue.code === fault.code).map((issue) => issue.child));
      const planned = childIds.filter((child) => fault.plannedFor(child) && applies[fault.code]!(child));
      checked += planned.length;
      expect(planned.filter((child) => !flagged.has(child)), fault.code).toEqual([]);
      // And the rule flags no one else in this borough.
      expect([...flagged].filter((child) => child === null || !fault.plannedFor(child)), fault.code).toEqual([]);
    }
    expect(checked).toBeGreaterThan(0);
  });

  it('lists its queries by rule', () => {
    const queries = new Map<string, number>();
    for (const issue of issues.filter((i) => i.severity === 'query')) queries.set(issue.code, (queries.get(issue.code) ?? 0) + 1);
    console.log(`SSDA903 queries on the synthetic borough: ${[...queries].map(([code, count]) => `${code} ×${count}`).join(', ') || 'none'}`);
    expect(issues.every((issue) => issue.severity === 'error' || issue.severity === 'query')).toBe(true);
  });
});
