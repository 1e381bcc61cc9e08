/** Rules on social worker episodes (SWEpisodes, from 2023-24): completeness, codes, dates and continuity. */
import { cellOf, rowsOf, type TableRow } from '../../../return-tables.ts';
import type { RuleFinding, ValidationContext } from '../../../validation-rule.ts';
import type { Behaviour, Check } from './behaviour.ts';
import { isoDateOfIsoCell } from '../../../return-dates.ts';
import { addDays, addYears, childOf, childTimelines, daysBetween, dateIn, eachRow, findingsAt, RESPITE_STATUSES, textOf, type DatedRow } from './kit.ts';

const SW = 'SWEpisodes';
/** The day social worker data began to be collected: episodes from then on must be complete. */
const SOCIAL_WORKER_DATA_BEGINS = '2023-04-01';
/** DfE's reasons for a change of social worker. */
const SOCIAL_WORKER_REASONS = new Set(['MANAGE', 'FCONTA', 'LEFTRL', 'ORGRST', 'TSPROC', 'ABSENC', 'CHCHAN', 'PCCHAN', 'SWDIED', 'OTHERS']);
/** A change at the family's request (FCONTA) may start a new social worker before the last one's end. */
const FAMILY_CONTACT = 'FCONTA';

const swStart = (row: TableRow) => dateIn(row, 'SW_DECOM');
const swEnd = (row: TableRow) => dateIn(row, 'SW_DEC');
const timelines = (tables: Parameters<Check>[0]) => childTimelines(rowsOf(tables, SW), 'SW_DECOM', 'SW_DEC');

/**
 * A social worker date as DfE allows it: a real date, where ZZ stands for an unknown day or month
 * and ZZZZ for an unknown year. Null cells are another rule's concern.
 */
function maskedDateIsValid(cell: string, context: ValidationContext): boolean {
  if (context.fileFormat === 'xml' && isoDateOfIsoCell(cell) !== null) return true;
  const match = /^(\d{2}|ZZ)\/(\d{2}|ZZ)\/(\d{4}|ZZZZ)$/.exec(cell.trim());
  if (!match) return false;
  const day = match[1] === 'ZZ' ? '01' : match[1]!;
  const month = match[2] === 'ZZ' ? '01' : match[2]!;
  const year = match[3] === 'ZZZZ' ? '2000' : match[3]!;
  return isoDateOfIsoCell(`${year}-${month}-${day}`) !== null;
}

/** Children looked after on 31 March: an episode not yet ended that is not a short break. */
function lookedAfterAtYearEnd(tables: Parameters<Check>[0]): Map<string, number> {
  const children = new Map<string, number>();
  rowsOf(tables, 'Episodes').forEach((row, index) => {
    const child = childOf(row);
    if (child !== null && textOf(row, 'DEC') === null && !RESPITE_STATUSES.has(textOf(row, 'LS') ?? '') && !children.has(child)) children.set(child, index);
  });
  return children;
}

/** Each social worker episode after another of the same child, in date order. */
function eachFollowing(tables: Parameters<Check>[0], breaks: (episode: DatedRow, previous: DatedRow) => boolean, columns: readonly string[]): RuleFinding[] {
  const findings: RuleFinding[] = [];
  for (const timeline of timelines(tables).values()) {
    // Episodes starting the same day are taken in order of their end, an open one last.
    const ordered = [...timeline].sort((a, b) => {
      if (a.start !== b.start) return 0;
      const endA = a.end ?? '9999-12-31';
      const endB = b.end ?? '9999-12-31';
      return endA === endB ? a.index - b.index : endA < endB ? -1 : 1;
    });
    for (let i = 1; i < ordered.length; i += 1) {
      if (breaks(ordered[i]!, ordered[i - 1]!)) findings.push(...findingsAt(SW, ordered[i]!.index, columns));
    }
  }
  return findings;
}

/** A new social worker starts within seven days either side of the last one's end (`exempt` episodes aside). */
function startsNearPreviousEnd(exempt: (row: TableRow) => boolean): Check {
  return (tables) => eachFollowing(tables, (episode, previous) =>
    episode.start !== null && previous.end !== null && !exempt(episode.row) && Math.abs(daysBetween(previous.end, episode.start)) > 7, ['SW_DECOM']);
}

/**
 * A child looked after on 31 March has social worker episodes covering each episode that starts
 * a period of care (one starting on or after it) or ends one (one starting on or before its end).
 * `lookBackYears` says how far before the year an ended episode still counts.
 */
function socialWorkersCoverCare(lookBackYears: number): Check {
  return (tables, context: ValidationContext) => {
    const starts = new Map<string, string[]>();
    for (const row of rowsOf(tables, SW)) {
      const child = childOf(row);
      const start = swStart(row);
      if (child !== null && start !== null) starts.set(child, [...(starts.get(child) ?? []), start]);
    }
    const earliestEnd = addYears(context.collectionYear.start, -lookBackYears);
    return eachRow(tables, 'Episodes', ['DECOM', 'DEC'], (row) => {
      const child = childOf(row);
      if (child === null || RESPITE_STATUSES.has(textOf(row, 'LS') ?? '')) return false;
      const ended = dateIn(row, 'DEC');
      const inScope = cellOf(row, 'DEC') === null || (ended !== null && ended >= earliestEnd && ended <= context.collectionYear.end);
      const startsCare = textOf(row, 'RNE') === 'S';
      const open = cellOf(row, 'DEC') === null;
      // An episode still open has not ended care: it needs only a social worker reported by the
      // year's end (DfE's tool reads its blank reason as not X1 and flags every open episode that
      // does not start a period, whatever the social worker episodes say).
      const endsCare = !open && textOf(row, 'REC') !== 'X1';
      if (!inScope || (!startsCare && !endsCare && !open)) return false;
      const began = dateIn(row, 'DECOM');
      const covered = (starts.get(child) ?? []).some((start) =>
        (endsCare && ended !== null && start <= ended) || (startsCare && began !== null && start >= began)
        || (open && !startsCare && start <= context.collectionYear.end));
      return !covered;
    });
  };
}

function reasonInvalid(blankAllowedBefore: string | null): Check {
  return (tables) => eachRow(tables, SW, ['SW_REASON'], (row) => {
    const reason = textOf(row, 'SW_REASON');
    if (reason !== null) return !SOCIAL_WORKER_REASONS.has(reason);
    if (blankAllowedBefore === null) return true;
    const start = swStart(row);
    return start !== null && start >= blankAllowedBefore;
  });
}

export const socialWorkerChecks: Readonly<Record<string, Behaviour>> = {
  // Each child looked after on 31 March has social worker episodes, each complete.
  SW01STG1: (tables) => {
    const findings: RuleFinding[] = [];
    const lookedAfter = lookedAfterAtYearEnd(tables);
    const reported = new Set<string>();
    rowsOf(tables, SW).forEach((row, index) => {
      const child = childOf(row);
      if (child === null || !lookedAfter.has(child)) return;
      reported.add(child);
      const missing = ['SW_ID', 'SW_DECOM', 'SW_REASON'].filter((column) => textOf(row, column) === null);
      if (missing.length > 0) findings.push(...findingsAt(SW, index, missing));
    });
    for (const [child, index] of lookedAfter) if (!reported.has(child)) findings.push(...findingsAt('Episodes', index, ['DEC']));
    return findings;
  },

  SW01aSTG1: (tables) => eachRow(tables, SW, ['SW_DECOM', 'SW_ID'], (row) => {
    const start = swStart(row);
    return start === null || (start < SOCIAL_WORKER_DATA_BEGINS && textOf(row, 'SW_ID') === null);
  }),
  SW01bSTG1: (tables) => eachRow(tables, SW, ['SW_DECOM', 'SW_ID', 'SW_REASON'], (row) => {
    const start = swStart(row);
    return start === null || (start >= SOCIAL_WORKER_DATA_BEGINS && (textOf(row, 'SW_ID') === null || textOf(row, 'SW_REASON') === null));
  }),

  SW02STG1: (tables) => eachRow(tables, SW, ['SW_ID'], (row) => {
    const id = textOf(row, 'SW_ID');
    return id !== null && !id.startsWith('SW') && !id.startsWith('XX');
  }),

  SW03STG1: (tables) => eachRow(tables, SW, ['SW_ID', 'SW_DECOM', 'SW_REASON'], (row) =>
    ['SW_ID', 'SW_DECOM', 'SW_REASON'].some((column) => textOf(row, column) === null)),

  SW04STG1: (tables, context) => eachRow(tables, SW, ['SW_DECOM'], (row) => {
    const cell = textOf(row, 'SW_DECOM');
    return cell !== null && !maskedDateIsValid(cell, context);
  }),
  SW05STG1: (tables, context) => eachRow(tables, SW, ['SW_DEC'], (row) => {
    const cell = textOf(row, 'SW_DEC');
    return cell !== null && !maskedDateIsValid(cell, context);
  }),

  SW06STG2: (tables, context) => eachRow(tables, SW, ['SW_DECOM'], (row) => {
    const start = swStart(row);
    return start !== null && start > context.collectionYear.end;
  }),

  // The reporting period began with the year in 2023-24; from 2024-25 it reaches back a year before it.
  SW07STG2: [
    ['2023-24', (tables, context) => eachRow(tables, SW, ['SW_DEC'], (row) => {
      const end = swEnd(row);
      return end !== null && (end < context.collectionYear.start || end > context.collectionYear.end);
    })],
    ['2024-25', (tables, context) => eachRow(tables, SW, ['SW_DEC'], (row) => {
      const end = swEnd(row);
      return end !== null && (end < addYears(context.collectionYear.start, -1) || end > context.collectionYear.end);
    })],
  ],

  // Only a child's latest social worker episode may still be open.
  SW08STG2: (tables) => {
    const findings: RuleFinding[] = [];
    for (const timeline of timelines(tables).values()) {
      timeline.forEach((episode, i) => {
        if (i < timeline.length - 1 && episode.start !== null && cellOf(episode.row, 'SW_DEC') === null) findings.push(...findingsAt(SW, episode.index, ['SW_DEC']));
      });
    }
    return findings;
  },

  SW09STG2: (tables) => eachRow(tables, SW, ['SW_DECOM', 'SW_DEC'], (row) => {
    const start = swStart(row);
    return start !== null && start === swEnd(row);
  }),

  SW10STG2: [
    ['2023-24', startsNearPreviousEnd(() => false)],
    ['2024-25', startsNearPreviousEnd((row) => textOf(row, 'SW_REASON') === FAMILY_CONTACT)],
  ],

  // An episode ending more than five days before 31 March is followed by another starting within five days of its end.
  SW11aSTG2: (tables, context) => {
    const findings: RuleFinding[] = [];
    const lastDays = addDays(context.collectionYear.end, -5);
    for (const timeline of timelines(tables).values()) {
      timeline.forEach((episode, i) => {
        if (episode.end === null || episode.end > lastDays) return;
        const next = timeline[i + 1];
        if (next === undefined) findings.push(...findingsAt(SW, episode.index, ['SW_DEC']));
        else if (next.start === null || Math.abs(daysBetween(episode.end, next.start)) > 5) findings.push(...findingsAt(SW, next.index, ['SW_DECOM']));
      });
    }
    return findings;
  },

  // An episode ending in the last five days of the year is followed by another.
  SW11bSTG2: (tables, context) => {
    const findings: RuleFinding[] = [];
    const lastDays = addDays(context.collectionYear.end, -5);
    for (const timeline of timelines(tables).values()) {
      timeline.forEach((episode, i) => {
        if (episode.end === null || episode.end < lastDays || episode.end > context.collectionYear.end) return;
        const next = timeline[i + 1];
        if (next === undefined || next.start === null) findings.push(...findingsAt(SW, (next ?? episode).index, ['SW_DEC']));
      });
    }
    return findings;
  },

  SW12STG2: [['2023-24', socialWorkersCoverCare(0)], ['2024-25', socialWorkersCoverCare(1)]],

  SW13STG1: [['2023-24', reasonInvalid(null)], ['2024-25', reasonInvalid(SOCIAL_WORKER_DATA_BEGINS)]],

  SW14STG2: (tables) => {
    const findings: RuleFinding[] = [];
    for (const timeline of timelines(tables).values()) {
      timeline.forEach((episode, i) => {
        if (i < timeline.length - 1 && cellOf(episode.row, 'SW_DEC') === null) findings.push(...findingsAt(SW, episode.index, ['SW_DEC']));
      });
    }
    return findings;
  },

  // Each child's latest social worker episode is still open on 31 March.
  SW17STG2: (tables, context) => {
    const findings: RuleFinding[] = [];
    for (const timeline of timelines(tables).values()) {
      const latest = timeline.filter((episode) => episode.start !== null).at(-1);
      if (latest?.end != null && latest.end <= context.collectionYear.end) findings.push(...findingsAt(SW, latest.index, ['SW_DEC', 'SW_DECOM']));
    }
    return findings;
  },
};

