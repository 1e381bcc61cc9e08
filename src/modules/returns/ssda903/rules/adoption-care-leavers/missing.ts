/**
 * Missing and away from placement without authorisation (564–581, 586, 1004–1006): each period's
 * own cells, how periods follow one another, and how they sit within the child's care.
 */
import type { ReturnTables, TableRow } from '../../../return-tables.ts';
import type { RuleFinding, ValidationRule } from '../../../validation-rule.ts';
import { byChild, byText, codeIn, dateIn, eachRow, findings, indexedRows, isBlank, ruleOf, type Indexed } from './kit.ts';

const MISSING_TYPES = new Set(['M', 'A']);

const startBlankWhenMissing = eachRow('Missing', ['MISSING', 'MIS_START'], (row) => !isBlank(row, 'MISSING') && isBlank(row, 'MIS_START'));
const typeBlankWithStart = eachRow('Missing', ['MISSING', 'MIS_START'], (row) => isBlank(row, 'MISSING') && !isBlank(row, 'MIS_START'));
const typeBlankWithEnd = eachRow('Missing', ['MISSING', 'MIS_END'], (row) => isBlank(row, 'MISSING') && !isBlank(row, 'MIS_END'));

const endsBeforeStart = eachRow('Missing', ['MIS_START', 'MIS_END'], (row) => {
  const start = dateIn(row, 'MIS_START');
  const end = dateIn(row, 'MIS_END');
  return start !== null && end !== null && end < start;
});

const startsAfterYear = eachRow('Missing', ['MIS_START'], (row, context) => {
  const start = dateIn(row, 'MIS_START');
  return start !== null && start > context.collectionYear.end;
});

const endsOutsideYear = eachRow('Missing', ['MIS_END'], (row, context) => {
  const end = dateIn(row, 'MIS_END');
  return end !== null && (end < context.collectionYear.start || end > context.collectionYear.end);
});

/**
 * A child's periods in order of their end (an open period counts from its start); each must begin
 * on or after the one before it ended, and none may follow a period still open.
 */
const overlappingPeriods = (tables: ReturnTables): RuleFinding[] => {
  const rows: number[] = [];
  for (const periods of byChild(tables, 'Missing').values()) {
    const keyOf = ({ row }: Indexed) => dateIn(row, 'MIS_END') ?? dateIn(row, 'MIS_START') ?? '9999-99-99';
    const startOf = ({ row }: Indexed) => dateIn(row, 'MIS_START') ?? '9999-99-99';
    const ordered = [...periods].sort((a, b) => byText(keyOf(a), keyOf(b)) || byText(startOf(a), startOf(b)) || a.index - b.index);
    for (let i = 1; i < ordered.length; i += 1) {
      const previousEnd = dateIn(ordered[i - 1]!.row, 'MIS_END');
      const start = dateIn(ordered[i]!.row, 'MIS_START');
      if (previousEnd === null || (start !== null && start < previousEnd)) rows.push(ordered[i]!.index);
    }
  }
  return findings('Missing', rows, ['MIS_START', 'MIS_END']);
};

/** A period that began during a placement which has ended must itself have ended. */
const openAfterPlacementEnded = (tables: ReturnTables): RuleFinding[] => {
  const episodes = byChild(tables, 'Episodes');
  const rows = indexedRows(tables, 'Missing').filter(({ row }) => {
    const child = codeIn(row, 'CHILD');
    const start = dateIn(row, 'MIS_START');
    if (child === null || start === null || !isBlank(row, 'MIS_END')) return false;
    return (episodes.get(child) ?? []).some((episode) => {
      const began = dateIn(episode.row, 'DECOM');
      const ended = dateIn(episode.row, 'DEC');
      return began !== null && ended !== null && began <= start && start <= ended;
    });
  });
  return findings('Missing', rows.map(({ index }) => index), ['MIS_END']);
};

/** A period left open in last year's return should carry over: a period this year starting the same day. */
const openPeriodLastYearNotCarriedOver = (tables: ReturnTables): RuleFinding[] => {
  if (tables.Missing_last === undefined) return [];
  const current = byChild(tables, 'Missing');
  const rows: number[] = [];
  for (const [child, periods] of byChild(tables, 'Missing_last')) {
    const now = current.get(child);
    if (now === undefined) continue;
    const startsNow = new Set(now.map(({ row }) => dateIn(row, 'MIS_START')));
    const dropped = periods.some(({ row }) => isBlank(row, 'MIS_END') && dateIn(row, 'MIS_START') !== null && !startsNow.has(dateIn(row, 'MIS_START')));
    if (dropped) rows.push(...now.map(({ index }) => index));
  }
  return findings('Missing', rows, ['CHILD']);
};

interface PeriodOfCare { began: string; ended: string | null }

/**
 * A child's periods of care: episodes in start order, a new period beginning when an episode
 * starts after the one before ended. A period ends with its last episode (open if that is open).
 */
export function periodsOfCare(episodes: readonly Indexed[]): PeriodOfCare[] {
  const dated = episodes.map(({ row }) => ({ began: dateIn(row, 'DECOM'), ended: dateIn(row, 'DEC') }))
    .filter((episode): episode is { began: string; ended: string | null } => episode.began !== null)
    .sort((a, b) => byText(a.began, b.began));
  const periods: PeriodOfCare[] = [];
  let previousEnd: string | null = null;
  for (const episode of dated) {
    const current = periods.at(-1);
    if (current === undefined || (previousEnd !== null && episode.began > previousEnd)) periods.push({ began: episode.began, ended: episode.ended });
    else current.ended = episode.ended;
    previousEnd = episode.ended;
  }
  return periods;
}

/**
 * A child's periods of care, worked out once for the child's group of the shared index (only for
 * children with missing periods, which most children have none of).
 */
function periodsOfCareOnce(episodes: readonly Indexed[]): readonly PeriodOfCare[] {
  let periods = periodsOfGroup.get(episodes);
  if (periods === undefined) {
    periods = periodsOfCare(episodes);
    periodsOfGroup.set(episodes, periods);
  }
  return periods;
}

const periodsOfGroup = new WeakMap<readonly Indexed[], readonly PeriodOfCare[]>();

/** Missing periods of children with episodes that fall outside every one of their periods of care by `outside`. */
function outsideEveryPeriodOfCare(column: string, outside: (missing: TableRow, period: PeriodOfCare) => boolean) {
  return (tables: ReturnTables): RuleFinding[] => {
    const episodesByChild = byChild(tables, 'Episodes');
    const rows = indexedRows(tables, 'Missing').filter(({ row }) => {
      const child = codeIn(row, 'CHILD');
      const episodes = child === null ? undefined : episodesByChild.get(child);
      const periods = episodes === undefined ? undefined : periodsOfCareOnce(episodes);
      if (periods === undefined || periods.length === 0 || dateIn(row, 'MIS_START') === null) return false;
      return periods.every((period) => outside(row, period));
    });
    return findings('Missing', rows.map(({ index }) => index), [column]);
  };
}

const openAfterLeavingCare = outsideEveryPeriodOfCare('MIS_END', (row, period) => {
  const start = dateIn(row, 'MIS_START')!;
  const end = dateIn(row, 'MIS_END');
  if (end === null) return period.ended !== null || start < period.began;
  return (period.ended !== null && end > period.ended) || end < period.began;
});

const startsAfterLeavingCare = outsideEveryPeriodOfCare('MIS_START', (row, period) => {
  const start = dateIn(row, 'MIS_START')!;
  return start < period.began || (period.ended !== null && start > period.ended);
});

/** A child whose missing period ends the day they leave care left care because they were missing (E8). */
const leftCareWhileMissingNotE8 = (tables: ReturnTables): RuleFinding[] => {
  const missing = byChild(tables, 'Missing');
  const rows = indexedRows(tables, 'Episodes').filter(({ row }) => {
    const child = codeIn(row, 'CHILD');
    const ended = dateIn(row, 'DEC');
    if (child === null || ended === null || codeIn(row, 'REC') === 'E8') return false;
    return (missing.get(child) ?? []).some((period) => dateIn(period.row, 'MIS_END') === ended);
  });
  return findings('Episodes', rows.map(({ index }) => index), ['REC']);
};

/** A missing period must start during one of the child's episodes. */
const missingBeforeLookedAfter = (tables: ReturnTables): RuleFinding[] => {
  const episodes = byChild(tables, 'Episodes');
  const rows = indexedRows(tables, 'Missing').filter(({ row }) => {
    const child = codeIn(row, 'CHILD');
    const start = dateIn(row, 'MIS_START');
    const own = child === null ? undefined : episodes.get(child);
    if (own === undefined || start === null) return false;
    return !own.some((episode) => {
      const began = dateIn(episode.row, 'DECOM');
      const ended = dateIn(episode.row, 'DEC');
      return began !== null && start >= began && (isBlank(episode.row, 'DEC') || (ended !== null && start <= ended));
    });
  });
  return findings('Missing', rows.map(({ index }) => index), ['MIS_START']);
};

const startsBeforeBirth = eachRow('Missing', ['MIS_START'], (row) => {
  const start = dateIn(row, 'MIS_START');
  const born = dateIn(row, 'DOB');
  return start !== null && born !== null && start < born;
});

const startNotADate = eachRow('Missing', ['MIS_START'], (row) => dateIn(row, 'MIS_START') === null);
const endNotADate = eachRow('Missing', ['MIS_END'], (row) => !isBlank(row, 'MIS_END') && dateIn(row, 'MIS_END') === null);
const typeNotAllowed = eachRow('Missing', ['MISSING'], (row) => { const type = codeIn(row, 'MISSING'); return type !== null && !MISSING_TYPES.has(type); });

export const missingRules: readonly ValidationRule[] = [
  ruleOf('564', startBlankWhenMissing),
  ruleOf('565', typeBlankWithStart),
  ruleOf('566', typeBlankWithEnd),
  ruleOf('567', endsBeforeStart),
  ruleOf('570', startsAfterYear),
  ruleOf('571', endsOutsideYear),
  ruleOf('574', overlappingPeriods),
  ruleOf('575', openAfterPlacementEnded),
  ruleOf('576', openPeriodLastYearNotCarriedOver),
  ruleOf('577', openAfterLeavingCare),
  ruleOf('578', startsAfterLeavingCare),
  ruleOf('580', leftCareWhileMissingNotE8),
  ruleOf('581', missingBeforeLookedAfter),
  ruleOf('586', startsBeforeBirth),
  ruleOf('1004', startNotADate),
  ruleOf('1005', endNotADate),
  ruleOf('1006', typeNotAllowed),
];
