/** Rules on episodes: their dates, how one follows another, and their agreement with last year's return. */
import { rowsOf, type TableRow } from '../../../return-tables.ts';
import type { RuleFinding } from '../../../validation-rule.ts';
import type { Behaviour, Check } from './behaviour.ts';
import { childTimelines, dateIn, eachRow, findingsAt, textOf, type DatedRow } from './kit.ts';

/** The earliest start date the return accepts: the Children Act 1989 came into force on 14 October 1991. */
const CHILDREN_ACT_IN_FORCE = '1991-10-14';
/** Reasons for a new episode that continue a period of care (L, P, T, U, B): anything but S. */
const CONTINUING = new Set(['L', 'P', 'T', 'U', 'B']);
/** Reasons care ended that leave no room for later episodes: died (E2), found by age assessment to be 18 or over (E15). */
const FINAL_ENDINGS = new Set(['E2', 'E15']);
/** What makes a placement: a change in any of these is a change of placement. */
const PLACEMENT_COLUMNS = ['PLACE', 'PL_POST', 'URN', 'PLACE_PROVIDER'] as const;

/** Each episode with the one before it (by start date), for every child. */
function eachEpisodeAfterAnother(tables: Parameters<Check>[0], visit: (episode: DatedRow, previous: DatedRow) => boolean, columns: readonly string[]): RuleFinding[] {
  const findings: RuleFinding[] = [];
  for (const timeline of childTimelines(rowsOf(tables, 'Episodes')).values()) {
    for (let i = 1; i < timeline.length; i += 1) {
      if (visit(timeline[i]!, timeline[i - 1]!)) findings.push(...findingsAt('Episodes', timeline[i]!.index, columns));
    }
  }
  return findings;
}

const same = (a: TableRow, b: TableRow, column: string) => textOf(a, column) === textOf(b, column);
const placementChanged = (episode: TableRow, previous: TableRow) => PLACEMENT_COLUMNS.some((column) => !same(episode, previous, column));

/** A distance as a number of miles to the tenth, or null. */
function milesOf(row: TableRow): number | null {
  const text = textOf(row, 'PL_DISTANCE');
  if (text === null) return null;
  const miles = Number(text);
  return Number.isFinite(miles) ? Math.round(miles * 10) / 10 : null;
}

/**
 * For a child still looked after at the end of last year, the first episode this year against the
 * last episode of last year's return: `differs` says whether they contradict each other.
 */
function continuesLastYear(differs: (current: TableRow, last: TableRow) => boolean, column: string): Check {
  return (tables) => {
    const findings: RuleFinding[] = [];
    const lastYear = childTimelines(rowsOf(tables, 'Episodes_last'));
    for (const [child, timeline] of childTimelines(rowsOf(tables, 'Episodes'))) {
      const first = timeline[0];
      const last = lastYear.get(child)?.at(-1);
      if (first === undefined || last === undefined || textOf(last.row, 'DEC') !== null) continue;
      if (differs(first.row, last.row)) findings.push(...findingsAt('Episodes', first.index, [column]));
    }
    return findings;
  };
}

export const episodeChecks: Readonly<Record<string, Behaviour>> = {
  '353': (tables) => eachRow(tables, 'Episodes', ['DECOM'], (row) => {
    const start = dateIn(row, 'DECOM');
    return start !== null && start < CHILDREN_ACT_IN_FORCE;
  }),

  '354': (tables, context) => eachRow(tables, 'Episodes', ['DECOM'], (row) => {
    const start = dateIn(row, 'DECOM');
    return start !== null && start > context.collectionYear.end;
  }),

  '355': (tables) => eachRow(tables, 'Episodes', ['DECOM', 'DEC'], (row) => {
    const start = dateIn(row, 'DECOM');
    return start !== null && start === dateIn(row, 'DEC');
  }),

  '356': (tables) => eachRow(tables, 'Episodes', ['DECOM', 'DEC'], (row) => {
    const start = dateIn(row, 'DECOM');
    const end = dateIn(row, 'DEC');
    return start !== null && end !== null && end < start;
  }),

  // A child's first episode in the return that starts within the year, with none in last year's
  // return where that is given, is their first ever: it starts a period of care.
  '357': (tables, context) => {
    const findings: RuleFinding[] = [];
    const lastYear = childTimelines(rowsOf(tables, 'Episodes_last'));
    for (const [child, timeline] of childTimelines(rowsOf(tables, 'Episodes'))) {
      const first = timeline[0];
      if (first?.start == null || first.start < context.collectionYear.start || lastYear.has(child)) continue;
      if (textOf(first.row, 'RNE') !== 'S') findings.push(...findingsAt('Episodes', first.index, ['RNE']));
    }
    return findings;
  },

  '385': (tables, context) => eachRow(tables, 'Episodes', ['DEC'], (row) => {
    const end = dateIn(row, 'DEC');
    return end !== null && end > context.collectionYear.end;
  }),

  // X1 (a new episode begins) exactly when the next episode starts on the day this one ended.
  '388': (tables) => {
    const findings: RuleFinding[] = [];
    for (const timeline of childTimelines(rowsOf(tables, 'Episodes')).values()) {
      timeline.forEach((episode, i) => {
        const next = timeline[i + 1];
        const reason = textOf(episode.row, 'REC');
        if (episode.end === null) return;
        const breaks = next === undefined
          ? reason === 'X1'
          : next.start !== null && (reason === 'X1' ? episode.end !== next.start : reason !== null && episode.end === next.start);
        if (breaks) findings.push(...findingsAt('Episodes', episode.index, ['REC']));
      });
    }
    return findings;
  },

  '431': (tables) => eachEpisodeAfterAnother(tables, (episode, previous) =>
    textOf(episode.row, 'RNE') === 'S' && episode.start !== null && previous.end === episode.start, ['RNE', 'DECOM']),

  '432': (tables) => eachEpisodeAfterAnother(tables, (episode, previous) => {
    const ended = textOf(previous.row, 'REC');
    return ended !== null && ended !== 'X1' && textOf(episode.row, 'RNE') !== 'S';
  }, ['RNE']),

  '433': (tables) => eachEpisodeAfterAnother(tables, (episode, previous) =>
    CONTINUING.has(textOf(episode.row, 'RNE') ?? '') && episode.start !== null && previous.end !== null && previous.end !== episode.start, ['RNE', 'DECOM']),

  '434': (tables) => eachEpisodeAfterAnother(tables, (episode, previous) =>
    textOf(episode.row, 'RNE') === 'L' && (same(episode.row, previous.row, 'LS') || placementChanged(episode.row, previous.row)), ['RNE', 'LS']),

  '435': (tables) => eachEpisodeAfterAnother(tables, (episode, previous) =>
    textOf(episode.row, 'RNE') === 'P' && (!same(episode.row, previous.row, 'LS') || !placementChanged(episode.row, previous.row)), ['RNE', 'LS', 'PLACE']),

  '436': (tables) => eachEpisodeAfterAnother(tables, (episode, previous) =>
    textOf(episode.row, 'RNE') === 'B' && (same(episode.row, previous.row, 'LS') || !placementChanged(episode.row, previous.row)), ['RNE', 'LS', 'PLACE']),

  '437': (tables) => {
    const findings: RuleFinding[] = [];
    for (const timeline of childTimelines(rowsOf(tables, 'Episodes')).values()) {
      timeline.forEach((episode, i) => {
        if (i < timeline.length - 1 && FINAL_ENDINGS.has(textOf(episode.row, 'REC') ?? '')) findings.push(...findingsAt('Episodes', episode.index, ['REC']));
      });
    }
    return findings;
  },

  '452': continuesLastYear((current, last) => !same(current, last, 'PL_LA'), 'PL_LA'),
  '453': continuesLastYear((current, last) => milesOf(current) !== milesOf(last), 'PL_DISTANCE'),
};
