/**
 * Offending and health for children looked after continuously for twelve months (OC2: 542–547):
 * which ages answer which questions, and the health items that go with them.
 */
import type { ReturnTables } from '../../../return-tables.ts';
import type { RuleFinding, ValidationContext, ValidationRule } from '../../../validation-rule.ts';
import { birthday, byChild, codeIn, dateIn, eachRow, findings, indexedRows, isBlank, ruleOf } from './kit.ts';

const HEALTH_ITEMS = ['IMMUNISATIONS', 'TEETH_CHECK', 'HEALTH_ASSESSMENT', 'SUBSTANCE_MISUSE'] as const;

/**
 * Children looked after throughout the year, as DfE's guidance defines it: in care at some time
 * in the year, and with no episode that began a period of care during it (RNE S), ended care
 * before its last day (a reason other than X1), or was a short break (V3, V4) during it.
 */
export function continuouslyLookedAfter(tables: ReturnTables, context: ValidationContext): Set<string> {
  const { start, end } = context.collectionYear;
  const children = new Set<string>();
  for (const [child, episodes] of byChild(tables, 'Episodes')) {
    let inCare = false;
    let broken = false;
    for (const { row } of episodes) {
      const began = dateIn(row, 'DECOM');
      const ended = dateIn(row, 'DEC');
      const duringYear = began !== null && began <= end && (isBlank(row, 'DEC') || (ended !== null && ended >= start));
      inCare ||= duringYear;
      const entersCare = codeIn(row, 'RNE') === 'S' && began !== null && began > start && began <= end;
      const leavesCare = codeIn(row, 'REC') !== 'X1' && ended !== null && ended >= start && ended < end;
      const shortBreak = ['V3', 'V4'].includes(codeIn(row, 'LS') ?? '') && duringYear;
      broken ||= entersCare || leavesCare || shortBreak;
    }
    if (inCare && !broken) children.add(child);
  }
  return children;
}

/** Whether someone born on the row's DOB is at least `years` old on the year's 31 March (false without a date of birth). */
function agedAtLeast(row: Parameters<typeof dateIn>[0], years: number, context: ValidationContext): boolean | null {
  const born = dateIn(row, 'DOB');
  return born === null ? null : birthday(born, years) <= context.collectionYear.end;
}

/** OC2 rows of children looked after throughout the year whose `column` is blank, at the ages `ofAge` picks. */
function blankForCohort(column: string, ofAge: (row: Parameters<typeof dateIn>[0], context: ValidationContext) => boolean) {
  return (tables: ReturnTables, context: ValidationContext): RuleFinding[] => {
    if (tables.Episodes === undefined) return [];
    const cohort = continuouslyLookedAfter(tables, context);
    const rows = indexedRows(tables, 'OC2').filter(({ row }) => {
      const child = codeIn(row, 'CHILD');
      return child !== null && cohort.has(child) && isBlank(row, column) && ofAge(row, context);
    });
    return findings('OC2', rows.map(({ index }) => index), ['DOB', column]);
  };
}

const convictionUnderTen = eachRow('OC2', ['CONVICTED'], (row, context) => !isBlank(row, 'CONVICTED') && agedAtLeast(row, 10, context) === false);
const convictionMissingTenOrOver = blankForCohort('CONVICTED', (row, context) => agedAtLeast(row, 10, context) === true);
const healthItemsMissing = (when: string, fires: (cell: string | null) => boolean) => eachRow('OC2', [when, ...HEALTH_ITEMS], (row) =>
  fires(codeIn(row, when)) && HEALTH_ITEMS.some((column) => isBlank(row, column)));
const healthPromotionMissingUnderFive = blankForCohort('HEALTH_CHECK', (row, context) => agedAtLeast(row, 5, context) === false);
const healthPromotionFiveOrOver = eachRow('OC2', ['DOB', 'HEALTH_CHECK'], (row, context) => !isBlank(row, 'HEALTH_CHECK') && agedAtLeast(row, 5, context) === true);

export const healthRules: readonly ValidationRule[] = [
  ruleOf('542', convictionUnderTen),
  ruleOf('543', convictionMissingTenOrOver),
  ruleOf('544', healthItemsMissing('CONVICTED', (cell) => cell !== null)),
  ruleOf('545', healthPromotionMissingUnderFive),
  ruleOf('546', healthPromotionFiveOrOver),
  // Health promotion answered 'no' (0) needs none of the other items.
  ruleOf('547', healthItemsMissing('HEALTH_CHECK', (cell) => cell === '1')),
];
