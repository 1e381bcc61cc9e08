/** Rules on legal statuses: their ages, their longest lawful durations, short breaks, and codes no longer in use. */
import { cellOf, rowsOf, type TableRow } from '../../../return-tables.ts';
import type { RuleFinding, ValidationContext } from '../../../validation-rule.ts';
import type { Behaviour, Check } from './behaviour.ts';
import {
  addDays, addYears, ageOn, childOf, childTimelines, dateIn, datesOfBirth, daysBetween, eachRow, findingsAt, RESPITE_STATUSES,
  rowsByChild, TEMPORARY_PLACEMENTS, textOf, type DatedRow,
} from './kit.ts';

const statusOf = (row: TableRow) => textOf(row, 'LS');
const isRespite = (row: TableRow) => RESPITE_STATUSES.has(statusOf(row) ?? '');

/**
 * Runs of a child's episodes under one legal status, where each starts no later than the one
 * before it ended: a status continued across episodes (a change of placement) is one stay.
 */
function stays(episodes: readonly DatedRow[], context: ValidationContext): { episodes: DatedRow[]; start: string; end: string }[] {
  const runs: { episodes: DatedRow[]; start: string; end: string }[] = [];
  let current: { episodes: DatedRow[]; start: string; end: string } | null = null;
  let previousEnd: string | null = null;
  for (const episode of episodes) {
    // An end date that is written but not valid is another rule's finding: the stay cannot be measured.
    if (episode.start === null || (episode.end === null && cellOf(episode.row, 'DEC') !== null)) continue;
    const end = episode.end ?? context.collectionYear.end;
    if (current !== null && previousEnd !== null && episode.start <= previousEnd) {
      current.episodes.push(episode);
      if (end > current.end) current.end = end;
    } else {
      current = { episodes: [episode], start: episode.start, end };
      runs.push(current);
    }
    previousEnd = end;
  }
  return runs;
}

/** Episodes under a legal status whose continuous stay lasted more than `maximumDays` (an open one runs to the year's end). */
function stayLongerThan(status: string, maximumDays: number): Check {
  return (tables, context) => {
    const findings: RuleFinding[] = [];
    const episodes = rowsOf(tables, 'Episodes').map((row) => (statusOf(row) === status ? row : {}));
    for (const timeline of childTimelines(episodes).values()) {
      for (const stay of stays(timeline, context)) {
        if (daysBetween(stay.start, stay.end) <= maximumDays) continue;
        for (const episode of stay.episodes) findingsAt('Episodes', episode.index, ['LS', 'DECOM', 'DEC']).forEach((f) => findings.push(f));
      }
    }
    return findings;
  };
}

/** Youth justice legal statuses (remands and detention: J1 to J3). */
const YOUTH_JUSTICE = new Set(['J1', 'J2', 'J3']);
/** Long-term foster placements (U1, U4). */
const LONG_TERM_FOSTER = new Set(['U1', 'U4']);

export const legalStatusChecks: Readonly<Record<string, Behaviour>> = {
  '358': (tables) => {
    const findings: RuleFinding[] = [];
    const dobs = datesOfBirth(tables);
    const header = rowsByChild(rowsOf(tables, 'Header'));
    rowsOf(tables, 'Episodes').forEach((row, index) => {
      const child = childOf(row);
      const dob = child === null ? undefined : dobs.get(child);
      const start = dateIn(row, 'DECOM');
      if (dob === undefined || start === null || !YOUTH_JUSTICE.has(statusOf(row) ?? '') || ageOn(dob, start) >= 10) return;
      findings.push(...findingsAt('Episodes', index, ['LS', 'DECOM']));
      for (const headerIndex of header.get(child!) ?? []) findings.push(...findingsAt('Header', headerIndex, ['DOB']));
    });
    return findings;
  },

  // Still looked after at the year's end, 18 by then, and not accommodated under V2 in a K2 home.
  '359': (tables, context) => {
    const dobs = datesOfBirth(tables);
    return eachRow(tables, 'Episodes', ['LS', 'PLACE'], (row) => {
      const child = childOf(row);
      const dob = child === null ? undefined : dobs.get(child);
      return dob !== undefined && textOf(row, 'DEC') === null && addYears(dob, 18) < context.collectionYear.end
        && !(statusOf(row) === 'V2' && textOf(row, 'PLACE') === 'K2');
    });
  },

  '361': stayLongerThan('L1', 3),
  '362': stayLongerThan('L2', 21),
  '363': stayLongerThan('L3', 7),
  '364': stayLongerThan('J2', 21),

  '365': (tables, context) => eachRow(tables, 'Episodes', ['LS', 'DECOM', 'DEC'], (row) => {
    const start = dateIn(row, 'DECOM');
    if (statusOf(row) !== 'V3' || start === null) return false;
    const end = textOf(row, 'DEC') === null ? context.collectionYear.end : dateIn(row, 'DEC');
    return end !== null && end > addDays(start, 17);
  }),

  // A short break (V3) is one episode from start to finish: only its first can open it.
  '366': (tables) => eachRow(tables, 'Episodes', ['RNE'], (row) => statusOf(row) === 'V3' && textOf(row, 'RNE') !== 'S'),

  // Days of short breaks within the year, each episode cut to the year, added up per child.
  '367': (tables, context) => {
    const findings: RuleFinding[] = [];
    const { start: yearStart, end: yearEnd } = context.collectionYear;
    const breaks = new Map<string, { index: number; days: number }[]>();
    rowsOf(tables, 'Episodes').forEach((row, index) => {
      const child = childOf(row);
      const start = dateIn(row, 'DECOM');
      if (child === null || start === null || statusOf(row) !== 'V3') return;
      const ended = dateIn(row, 'DEC');
      if (ended === null && cellOf(row, 'DEC') !== null) return;
      const end = ended === null || ended > yearEnd ? yearEnd : ended;
      const days = daysBetween(start < yearStart ? yearStart : start, end);
      if (days > 0) breaks.set(child, [...(breaks.get(child) ?? []), { index, days }]);
    });
    for (const episodes of breaks.values()) {
      if (episodes.reduce((sum, episode) => sum + episode.days, 0) <= 75) continue;
      for (const episode of episodes) findings.push(...findingsAt('Episodes', episode.index, ['LS', 'DECOM', 'DEC']));
    }
    return findings;
  },

  '378': (tables) => eachRow(tables, 'Episodes', ['PLACE', 'LS'], (row) => textOf(row, 'PLACE') === 'P1' && statusOf(row) === 'V2'),
  '382': (tables) => eachRow(tables, 'Episodes', ['LS', 'PLACE'], (row) => isRespite(row) && TEMPORARY_PLACEMENTS.has(textOf(row, 'PLACE') ?? '')),
  '384': (tables) => eachRow(tables, 'Episodes', ['LS', 'PLACE'], (row) => isRespite(row) && LONG_TERM_FOSTER.has(textOf(row, 'PLACE') ?? '')),

  '398': (tables) => eachRow(tables, 'Episodes', ['LS', 'HOME_POST', 'PL_POST'], (row) =>
    isRespite(row) && (textOf(row, 'HOME_POST') !== null || textOf(row, 'PL_POST') !== null || textOf(row, 'PL_DISTANCE') !== null)),

  // Placed for adoption (A5, A6, with a placement order) needs the placement order status (E1) or a freeing order (D1).
  '408': (tables) => eachRow(tables, 'Episodes', ['PLACE', 'LS'], (row) =>
    ['A5', 'A6'].includes(textOf(row, 'PLACE') ?? '') && !['D1', 'E1'].includes(statusOf(row) ?? '')),

  '420': (tables) => eachRow(tables, 'Episodes', ['PL_LA'], (row) => isRespite(row) && textOf(row, 'PL_LA') !== null),

  '426': (tables) => {
    const statuses = new Map<string, Set<string>>();
    for (const row of rowsOf(tables, 'Episodes')) {
      const child = childOf(row);
      if (child !== null && isRespite(row)) statuses.set(child, (statuses.get(child) ?? new Set()).add(statusOf(row)!));
    }
    return eachRow(tables, 'Episodes', ['LS'], (row) => {
      const child = childOf(row);
      return child !== null && isRespite(row) && (statuses.get(child)?.size ?? 0) > 1;
    });
  },

  '445': (tables) => eachRow(tables, 'Episodes', ['LS', 'DECOM'], (row) => {
    const start = dateIn(row, 'DECOM');
    return statusOf(row) === 'D1' && start !== null && start > '2005-12-31';
  }),
  '446': (tables) => eachRow(tables, 'Episodes', ['LS', 'DECOM'], (row) => {
    const start = dateIn(row, 'DECOM');
    return statusOf(row) === 'E1' && start !== null && start < '2005-12-01';
  }),

  // Freed for adoption (D1) in an episode still open.
  '451': (tables) => eachRow(tables, 'Episodes', ['LS', 'DEC', 'REC'], (row) =>
    statusOf(row) === 'D1' && textOf(row, 'DEC') === null && textOf(row, 'REC') === null),
};
