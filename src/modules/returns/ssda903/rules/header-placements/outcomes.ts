/**
 * Rules on outcomes: children looked after continuously for twelve months (OC2: health, SDQ,
 * substance misuse, convictions) and care leavers (OC3).
 */
import { ADOPTION_FIELDS, CARE_LEAVER_FIELDS } from './adoption.ts';
import {
  addYears, cell, code, codeIn, dateOf, findingsAt, firstRowByChild, flagRows, has, optionalCode, present, rows,
  type ReturnTables, type TableRow, type ValidationContext,
} from './kit.ts';
import type { Checks } from './kit.ts';

const TWELVE_MONTH_FIELDS = ['CONVICTED', 'HEALTH_CHECK', 'IMMUNISATIONS', 'TEETH_CHECK', 'HEALTH_ASSESSMENT', 'SUBSTANCE_MISUSE', 'INTERVENTION_RECEIVED', 'INTERVENTION_OFFERED'] as const;
const REQUIRED_HEALTH_FIELDS = ['IMMUNISATIONS', 'TEETH_CHECK', 'HEALTH_ASSESSMENT', 'SUBSTANCE_MISUSE'] as const;

/**
 * Children looked after continuously for the twelve months to 31 March, as DfE's guidance defines
 * it from the episodes: in care during the year, and no episode in the year that starts a period
 * of care (S), ends one (anything but X1, before 31 March), or is a short break (V3, V4).
 */
export function continuouslyLookedAfter(tables: ReturnTables, context: ValidationContext): ReadonlySet<string> {
  // Several rules ask this of the same return: it is worked out once per return and year.
  const known = continuityOfReturn.get(tables)?.get(context.collectionYear.label);
  if (known !== undefined) return known;
  const { start, end } = context.collectionYear;
  const inCare = new Set<string>();
  const broken = new Set<string>();
  for (const episode of rows(tables, 'Episodes')) {
    const child = cell(episode, 'CHILD');
    if (child === null) continue;
    const started = dateOf(episode, 'DECOM');
    const ceased = dateOf(episode, 'DEC');
    const duringYear = started !== null && started <= end && (ceased === null || ceased >= start);
    const entersCare = code(episode, 'RNE') === 'S' && started !== null && started > start && started <= end;
    const leavesCare = code(episode, 'REC') !== 'X1' && ceased !== null && ceased >= start && ceased < end;
    const shortBreak = codeIn(episode, 'LS', ['V3', 'V4']) && duringYear;
    if (duringYear) inCare.add(child);
    if (entersCare || leavesCare || shortBreak) broken.add(child);
  }
  const continuous = new Set([...inCare].filter((child) => !broken.has(child)));
  if (!continuityOfReturn.has(tables)) continuityOfReturn.set(tables, new Map());
  continuityOfReturn.get(tables)!.set(context.collectionYear.label, continuous);
  return continuous;
}
const continuityOfReturn = new WeakMap<ReturnTables, Map<string, ReadonlySet<string>>>();

/** Flags each row of `table` whose child is (or, with `expected` false, is not) looked after continuously and `breaks`. */
function byContinuity(tables: ReturnTables, context: ValidationContext, table: string, columns: readonly string[], expected: boolean, breaks: (row: TableRow) => boolean) {
  if (!has(tables, 'Episodes', table)) return [];
  const continuous = continuouslyLookedAfter(tables, context);
  return flagRows(tables, table, columns, (row) => continuous.has(cell(row, 'CHILD') ?? '') === expected && breaks(row));
}

const birthdayOf = (row: TableRow, years: number) => {
  const birth = dateOf(row, 'DOB');
  return birth === null ? null : addYears(birth, years);
};

export const outcomeChecks: Record<string, Checks> = {
  '131': (tables) => flagRows(tables, 'OC3', ['IN_TOUCH'], (row) => !codeIn(row, 'IN_TOUCH', ['YES', 'NO', 'DIED', 'REFU', 'NREQ', 'RHOM'])),
  '132': (tables) => flagRows(tables, 'OC3', ['ACTIV'], (row) => !codeIn(row, 'ACTIV', ['F1', 'P1', 'F2', 'P2', 'F4', 'P4', 'F5', 'P5', 'G4', 'G5', 'G6', '0'])),
  '133': (tables) => flagRows(tables, 'OC3', ['ACCOM'], (row) => !codeIn(row, 'ACCOM', [
    'B1', 'B2', 'C1', 'C2', 'D1', 'D2', 'E1', 'E2', 'G1', 'G2', 'H1', 'H2', 'K1', 'K2', 'R1', 'R2', 'S2', 'T1', 'T2', 'U1', 'U2', 'V1', 'V2', 'W1', 'W2', 'X2', 'Y1', 'Y2', 'Z1', 'Z2', '0',
  ])),
  '153': (tables) => flagRows(tables, 'OC3', [...CARE_LEAVER_FIELDS], (row) => {
    const filled = CARE_LEAVER_FIELDS.filter((column) => present(row, column)).length;
    return filled > 0 && filled < CARE_LEAVER_FIELDS.length;
  }),
  // SDQ1 (no score because the child is under 4 or over 16) cannot be right for a child of 4 to 16 all year.
  '157': (tables, context) => byContinuity(tables, context, 'OC2', ['SDQ_REASON'], true, (row) => {
    const fourth = birthdayOf(row, 4);
    const sixteenth = birthdayOf(row, 16);
    return fourth !== null && sixteenth !== null && fourth <= context.collectionYear.start && sixteenth >= context.collectionYear.end
      && !present(row, 'SDQ_SCORE') && code(row, 'SDQ_REASON') === 'SDQ1';
  }),
  '158': (tables) => flagRows(tables, 'OC2', ['INTERVENTION_OFFERED'], (row) => code(row, 'INTERVENTION_RECEIVED') === '1' && present(row, 'INTERVENTION_OFFERED')),
  '159': (tables) => flagRows(tables, 'OC2', ['INTERVENTION_OFFERED'],
    (row) => code(row, 'SUBSTANCE_MISUSE') === '1' && code(row, 'INTERVENTION_RECEIVED') === '0' && !present(row, 'INTERVENTION_OFFERED')),
  '180': (tables) => flagRows(tables, 'OC2', ['SDQ_SCORE'], (row) => {
    const score = code(row, 'SDQ_SCORE');
    return score !== null && !(/^\d+$/.test(score) && Number(score) <= 40);
  }),
  '181': (tables) => flagRows(tables, 'OC2', [...TWELVE_MONTH_FIELDS], (row) => TWELVE_MONTH_FIELDS.some((column) => present(row, column) && !codeIn(row, column, ['0', '1']))),
  '182': (tables) => flagRows(tables, 'OC2', [...REQUIRED_HEALTH_FIELDS], (row) =>
    REQUIRED_HEALTH_FIELDS.some((column) => !present(row, column))
    && ['CONVICTED', 'HEALTH_CHECK', 'INTERVENTION_RECEIVED', 'INTERVENTION_OFFERED'].some((column) => present(row, column))),
  '185': (tables, context) => byContinuity(tables, context, 'OC2', ['SDQ_SCORE'], false, (row) => present(row, 'SDQ_SCORE')),
  // A score, or a reason there is none: a row with neither is missing the SDQ.
  '186': (tables, context) => byContinuity(tables, context, 'OC2', ['SDQ_SCORE'], true, (row) => {
    const fourth = birthdayOf(row, 4);
    const seventeenth = birthdayOf(row, 17);
    return fourth !== null && seventeenth !== null && fourth <= context.collectionYear.start && seventeenth > context.collectionYear.end
      && !present(row, 'SDQ_SCORE') && !present(row, 'SDQ_REASON');
  }),
  '187': (tables, context) => {
    if (!has(tables, 'OC3', 'AD1', 'Episodes')) return [];
    const continuous = continuouslyLookedAfter(tables, context);
    const flag = (table: string, fields: readonly string[]) =>
      flagRows(tables, table, ['CHILD'], (row) => continuous.has(cell(row, 'CHILD') ?? '') && fields.some((column) => present(row, column)));
    return [...flag('AD1', ADOPTION_FIELDS), ...flag('OC3', CARE_LEAVER_FIELDS)];
  },
  '188': (tables, context) => flagRows(tables, 'OC2', ['SDQ_SCORE', 'SDQ_REASON'], (row) => {
    const fourth = birthdayOf(row, 4);
    return fourth !== null && fourth > context.collectionYear.end && (present(row, 'SDQ_SCORE') || present(row, 'SDQ_REASON'));
  }),
  '189': (tables, context) => flagRows(tables, 'OC2', ['SDQ_SCORE', 'SDQ_REASON'], (row) => {
    const seventeenth = birthdayOf(row, 17);
    return seventeenth !== null && seventeenth <= context.collectionYear.start && (present(row, 'SDQ_SCORE') || present(row, 'SDQ_REASON'));
  }),
  '190': (tables, context) => byContinuity(tables, context, 'OC2', [...TWELVE_MONTH_FIELDS], false, (row) => TWELVE_MONTH_FIELDS.some((column) => present(row, column))),
  '191': (tables, context) => {
    if (!has(tables, 'OC2', 'Episodes')) return [];
    const continuous = continuouslyLookedAfter(tables, context);
    const findings = flagRows(tables, 'OC2', [...REQUIRED_HEALTH_FIELDS],
      (row) => continuous.has(cell(row, 'CHILD') ?? '') && REQUIRED_HEALTH_FIELDS.some((column) => !present(row, column)));
    // A child looked after for twelve months with no OC2 row at all: reported at their first episode.
    const outcomes = firstRowByChild(tables, 'OC2');
    const first = new Map<string, { index: number; started: string | null }>();
    rows(tables, 'Episodes').forEach((episode, index) => {
      const child = cell(episode, 'CHILD');
      if (child === null) return;
      const started = dateOf(episode, 'DECOM');
      const current = first.get(child);
      if (current === undefined || (started !== null && (current.started === null || started < current.started))) first.set(child, { index, started });
    });
    const missing = [...first].filter(([child]) => continuous.has(child) && !outcomes.has(child)).map(([, episode]) => episode.index);
    return [...findings, ...findingsAt('Episodes', missing, 'CHILD')];
  },
  '192': (tables) => flagRows(tables, 'OC2', ['INTERVENTION_RECEIVED'], (row) => code(row, 'SUBSTANCE_MISUSE') === '1' && !present(row, 'INTERVENTION_RECEIVED')),
  '193': (tables) => flagRows(tables, 'OC2', ['INTERVENTION_RECEIVED', 'INTERVENTION_OFFERED'],
    (row) => code(row, 'SUBSTANCE_MISUSE') !== '1' && (present(row, 'INTERVENTION_RECEIVED') || present(row, 'INTERVENTION_OFFERED'))),
  '196': optionalCode('OC2', 'SDQ_REASON', ['SDQ1', 'SDQ2', 'SDQ3', 'SDQ4', 'SDQ5']),
  '197a': (tables) => flagRows(tables, 'OC2', ['SDQ_REASON'], (row) => present(row, 'SDQ_SCORE') && present(row, 'SDQ_REASON')),
  // A child turning 4 or 17 during the year needs an SDQ score or a reason for none.
  '197B': (tables, context) => byContinuity(tables, context, 'OC2', ['SDQ_REASON'], true, (row) => {
    const { start, end } = context.collectionYear;
    const turnsIn = (birthday: string | null) => birthday !== null && birthday >= start && birthday <= end;
    return (turnsIn(birthdayOf(row, 4)) || turnsIn(birthdayOf(row, 17))) && !present(row, 'SDQ_SCORE') && !present(row, 'SDQ_REASON');
  }),
  '198': (tables, context) => byContinuity(tables, context, 'OC2', ['SDQ_REASON'], false, (row) => present(row, 'SDQ_REASON')),
  '215': (tables) => {
    if (!has(tables, 'OC2', 'OC3')) return [];
    const outcomes = new Map<string, number[]>();
    rows(tables, 'OC2').forEach((row, index) => {
      const child = cell(row, 'CHILD');
      if (child !== null) outcomes.set(child, [...(outcomes.get(child) ?? []), index]);
    });
    const leavers: number[] = [];
    const twelveMonths: number[] = [];
    const outcomeRows = rows(tables, 'OC2');
    rows(tables, 'OC3').forEach((row, index) => {
      const child = cell(row, 'CHILD');
      if (child === null || !CARE_LEAVER_FIELDS.some((column) => present(row, column))) return;
      for (const position of outcomes.get(child) ?? []) {
        if (!TWELVE_MONTH_FIELDS.some((column) => present(outcomeRows[position]!, column))) continue;
        leavers.push(index);
        twelveMonths.push(position);
      }
    });
    return [...findingsAt('OC3', leavers, 'IN_TOUCH'), ...findingsAt('OC2', twelveMonths, 'CONVICTED')];
  },
};
