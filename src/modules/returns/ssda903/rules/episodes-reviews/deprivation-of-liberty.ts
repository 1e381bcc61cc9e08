/** Rules on deprivations of liberty (DoLo, from 2026-27): their dates, overlaps, and the placements they may be in. */
import { cellOf, rowsOf, type ReturnTables, type TableRow } from '../../../return-tables.ts';
import type { RuleFinding } from '../../../validation-rule.ts';
import type { Behaviour, Check } from './behaviour.ts';
import { childOf, childTimelines, dateIn, datesOfBirth, eachRow, findingsAt, textOf, writtenDateOf } from './kit.ts';

const DOLO = 'DoLo';
const start = (row: TableRow) => dateIn(row, 'DOLO_START');
const end = (row: TableRow) => dateIn(row, 'DOLO_END');
/** The placement of an episode (PLACE; some files name it PLACEMENT). */
const placementOf = (row: TableRow) => textOf(row, 'PLACE') ?? textOf(row, 'PLACEMENT');

/** A child's periods of care: episodes joined while each starts no later than the one before ended. */
function periodsOfCare(tables: ReturnTables): Map<string, { start: string; end: string | null }[]> {
  const periods = new Map<string, { start: string; end: string | null }[]>();
  for (const [child, timeline] of childTimelines(rowsOf(tables, 'Episodes'))) {
    const list: { start: string; end: string | null }[] = [];
    let previousEnd: string | null = null;
    for (const episode of timeline) {
      if (episode.start === null) continue;
      const current = list.at(-1);
      if (current !== undefined && previousEnd !== null && episode.start <= previousEnd) current.end = episode.end;
      else list.push({ start: episode.start, end: episode.end });
      previousEnd = episode.end;
    }
    periods.set(child, list);
  }
  return periods;
}

/**
 * DoLos with both dates, each with the child's episodes that overlap it in time (an episode
 * still open overlaps anything from its start on), where `wrong` says the episode's placement may
 * not hold a DoLo. Both rows are flagged.
 */
function placedWrongly(wrong: (placement: string | null) => boolean): Check {
  return (tables) => {
    const findings: RuleFinding[] = [];
    const episodes = rowsOf(tables, 'Episodes');
    const byChild = new Map<string, number[]>();
    episodes.forEach((row, index) => {
      const child = childOf(row);
      if (child !== null) byChild.set(child, [...(byChild.get(child) ?? []), index]);
    });
    rowsOf(tables, DOLO).forEach((row, index) => {
      const child = childOf(row);
      const from = start(row);
      const to = end(row);
      if (child === null || from === null || to === null) return;
      for (const episodeIndex of byChild.get(child) ?? []) {
        const episode = episodes[episodeIndex]!;
        const episodeStart = dateIn(episode, 'DECOM');
        const episodeEnd = dateIn(episode, 'DEC');
        const overlaps = episodeStart !== null && to >= episodeStart
          && (episodeEnd !== null ? from <= episodeEnd : cellOf(episode, 'DEC') === null);
        if (overlaps && wrong(placementOf(episode))) {
          findings.push(...findingsAt(DOLO, index, ['DOLO_START']), ...findingsAt('Episodes', episodeIndex, ['PLACE']));
        }
      }
    });
    return findings;
  };
}

/** Placements in which a deprivation of liberty is expected: a children's home (K2), or the codes Z12 and Z13. */
const EXPECTED_PLACEMENTS = new Set(['K2', 'Z12', 'Z13']);
/** Placements that may never hold one: secure children's home (K1), with parents (P1), young offender institution (R5), supported accommodation (K3). */
const FORBIDDEN_PLACEMENTS = new Set(['K1', 'P1', 'R5', 'K3']);

export const deprivationOfLibertyChecks: Readonly<Record<string, Behaviour>> = {
  '700': (tables, context) => eachRow(tables, DOLO, ['DOLO_START'], (row) => writtenDateOf(cellOf(row, 'DOLO_START'), context) === null),
  '701': (tables, context) => eachRow(tables, DOLO, ['DOLO_END'], (row) => cellOf(row, 'DOLO_END') !== null && writtenDateOf(cellOf(row, 'DOLO_END'), context) === null),

  // A DoLo lasts at least a day: its end falls after its start.
  '702': (tables) => eachRow(tables, DOLO, ['DOLO_START', 'DOLO_END'], (row) => {
    const from = start(row);
    const to = end(row);
    return from !== null && to !== null && to <= from;
  }),

  '703': (tables, context) => eachRow(tables, DOLO, ['DOLO_START'], (row) => {
    const from = start(row);
    return from !== null && from > context.collectionYear.end;
  }),

  '704': (tables, context) => eachRow(tables, DOLO, ['DOLO_END'], (row) => {
    const to = end(row);
    return to !== null && (to < context.collectionYear.start || to > context.collectionYear.end);
  }),

  // In date order, each DoLo starts after the one before it ended (one without a valid end is still open).
  '705': (tables) => {
    const findings: RuleFinding[] = [];
    for (const timeline of childTimelines(rowsOf(tables, DOLO), 'DOLO_START', 'DOLO_END').values()) {
      for (let i = 1; i < timeline.length; i += 1) {
        const previous = timeline[i - 1]!;
        const current = timeline[i]!;
        if (current.start === null || previous.start === null) continue;
        if (previous.end === null || current.start < previous.end) findings.push(...findingsAt(DOLO, current.index, ['DOLO_START', 'DOLO_END']));
      }
    }
    return findings;
  },

  // An open DoLo at the end of last year continues this year from the same start date.
  '706': (tables) => {
    const startsThisYear = new Set<string>();
    for (const row of rowsOf(tables, DOLO)) {
      const child = childOf(row);
      const from = textOf(row, 'DOLO_START');
      if (child !== null && from !== null) startsThisYear.add(`${child}|${dateIn(row, 'DOLO_START') ?? from}`);
    }
    return eachRow(tables, 'DoLo_last', ['DOLO_START'], (row) => {
      const child = childOf(row);
      const from = textOf(row, 'DOLO_START');
      return child !== null && from !== null && textOf(row, 'DOLO_END') === null && !startsThisYear.has(`${child}|${dateIn(row, 'DOLO_START') ?? from}`);
    });
  },

  /**
   * A DoLo lies within one of the child's periods of care: an open one in a period still open
   * that began by its start, an ended one ending within a period. A child with no episodes is left
   * to other rules.
   */
  '707': (tables) => {
    const periods = periodsOfCare(tables);
    return eachRow(tables, DOLO, ['DOLO_END'], (row) => {
      const child = childOf(row);
      const from = start(row);
      const childPeriods = child === null ? undefined : periods.get(child);
      if (from === null || childPeriods === undefined || childPeriods.length === 0) return false;
      const to = end(row);
      return childPeriods.every((period) => to === null
        ? period.end !== null || from < period.start
        : (period.end !== null && to > period.end) || to < period.start);
    });
  },

  '708': (tables) => {
    const dobs = datesOfBirth(tables);
    return eachRow(tables, DOLO, ['DOLO_START'], (row) => {
      const child = childOf(row);
      const dob = dateIn(row, 'DOB') ?? (child === null ? undefined : dobs.get(child)) ?? null;
      const from = start(row);
      return dob !== null && from !== null && from <= dob;
    });
  },

  '709': placedWrongly((placement) => !EXPECTED_PLACEMENTS.has(placement ?? '')),
  '710': placedWrongly((placement) => FORBIDDEN_PLACEMENTS.has(placement ?? '')),
};
