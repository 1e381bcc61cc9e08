/**
 * Episodes that must follow on: from one another within the year (501, 504) and from the episode
 * left open at the end of last year's return (502, 503A–503J, 562, NoE).
 */
import type { ReturnTables } from '../../../return-tables.ts';
import type { RuleFinding, ValidationContext, ValidationRule } from '../../../validation-rule.ts';
import { byChild, dateIn, earliestBy, findings, isBlank, latestBy, ruleOf, textOf, type Indexed } from './kit.ts';

/** A child's episodes in order of start date (rows without a start date last, table order kept among equals). */
function inStartOrder(episodes: readonly Indexed[]): readonly Indexed[] {
  const known = startOrders.get(episodes);
  if (known !== undefined) return known;
  const ordered = episodes.map((entry) => ({ entry, start: dateIn(entry.row, 'DECOM') ?? '9999-99-99' }))
    .sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : a.entry.index - b.entry.index))
    .map(({ entry }) => entry);
  startOrders.set(episodes, ordered);
  return ordered;
}

/**
 * Several rules read each child's episodes in start order: sorted once per child's group of the
 * shared index (which lives as long as the return's tables).
 */
const startOrders = new WeakMap<readonly Indexed[], readonly Indexed[]>();

const episodeOverlapsPrevious = (tables: ReturnTables): RuleFinding[] => {
  const rows: number[] = [];
  for (const episodes of byChild(tables, 'Episodes').values()) {
    const ordered = inStartOrder(episodes);
    for (let i = 1; i < ordered.length; i += 1) {
      const start = dateIn(ordered[i]!.row, 'DECOM');
      const previousEnd = dateIn(ordered[i - 1]!.row, 'DEC');
      if (start !== null && previousEnd !== null && start < previousEnd) rows.push(ordered[i]!.index);
    }
  }
  return findings('Episodes', rows, ['DECOM']);
};

/**
 * A period of care runs through episodes each starting the day the one before ended; the category
 * of need is set at its start and stays for the whole period.
 */
const categoryOfNeedChangedInPeriod = (tables: ReturnTables): RuleFinding[] => {
  const rows: number[] = [];
  for (const episodes of byChild(tables, 'Episodes').values()) {
    const ordered = inStartOrder(episodes);
    let periodNeed: string | null = null;
    ordered.forEach((entry, i) => {
      const start = dateIn(entry.row, 'DECOM');
      const previousEnd = i === 0 ? null : dateIn(ordered[i - 1]!.row, 'DEC');
      const continues = i > 0 && start !== null && previousEnd !== null && start === previousEnd;
      const need = textOf(entry.row.CIN ?? null);
      if (!continues) periodNeed = need;
      else if (need !== periodNeed) rows.push(entry.index);
    });
  }
  return findings('Episodes', rows, ['CIN']);
};

/** Last year's latest episode of each child, when it was left open (no end date). */
function openAtEndOfLastYear(tables: ReturnTables): Map<string, Indexed> {
  const open = new Map<string, Indexed>();
  for (const [child, episodes] of byChild(tables, 'Episodes_last')) {
    const latest = latestBy(episodes, 'DECOM');
    if (latest !== undefined && isBlank(latest.row, 'DEC')) open.set(child, latest);
  }
  return open;
}

const firstEpisodeStartsAsLastYearsOpenOne = (tables: ReturnTables): RuleFinding[] => {
  if (tables.Episodes_last === undefined) return [];
  const rows: number[] = [];
  const lastByChild = byChild(tables, 'Episodes_last');
  for (const [child, episodes] of byChild(tables, 'Episodes')) {
    const first = earliestBy(episodes, 'DECOM');
    if (first === undefined) continue;
    const start = dateIn(first.row, 'DECOM');
    const openLast = (lastByChild.get(child) ?? []).filter(({ row }) => isBlank(row, 'DEC'));
    if (openLast.some(({ row }) => dateIn(row, 'DECOM') !== start)) rows.push(first.index);
  }
  return findings('Episodes', rows, ['DECOM']);
};

/** Placement codes a council may carry over as another in a year when DfE's codes changed. */
type AllowedRecoding = (previous: string, current: string) => boolean;

/** The first episode this year carries the same value as the episode left open last year. */
function sameAsOpenEpisodeLastYear(column: string, allowed?: AllowedRecoding) {
  return (tables: ReturnTables): RuleFinding[] => {
    if (tables.Episodes_last === undefined) return [];
    const open = openAtEndOfLastYear(tables);
    const rows: number[] = [];
    for (const [child, episodes] of byChild(tables, 'Episodes')) {
      const previous = open.get(child);
      const first = earliestBy(episodes, 'DECOM');
      if (previous === undefined || first === undefined) continue;
      const before = textOf(previous.row[column] ?? null);
      const now = textOf(first.row[column] ?? null);
      if (before !== now && !(allowed?.(before, now) ?? false)) rows.push(first.index);
    }
    return findings('Episodes', rows, [column]);
  };
}

/** Episodes that started before this year: each must be in last year's return for the child. */
const continuingEpisodeMissingLastYear = (tables: ReturnTables, context: ValidationContext): RuleFinding[] => {
  if (tables.Episodes_last === undefined) return [];
  const lastStarts = new Map<string, Set<string>>();
  for (const [child, episodes] of byChild(tables, 'Episodes_last')) {
    lastStarts.set(child, new Set(episodes.map(({ row }) => dateIn(row, 'DECOM')).filter((date): date is string => date !== null)));
  }
  const rows: number[] = [];
  for (const [child, episodes] of byChild(tables, 'Episodes')) {
    const starts = lastStarts.get(child);
    if (starts === undefined) continue;
    for (const { row, index } of episodes) {
      const start = dateIn(row, 'DECOM');
      if (start !== null && start < context.collectionYear.start && !starts.has(start)) rows.push(index);
    }
  }
  return findings('Episodes', rows, ['DECOM']);
};

const startedBeforeYearButNoEpisodesLastYear = (tables: ReturnTables, context: ValidationContext): RuleFinding[] => {
  if (tables.Episodes_last === undefined) return [];
  const lastChildren = new Set(byChild(tables, 'Episodes_last').keys());
  const rows: number[] = [];
  for (const [child, episodes] of byChild(tables, 'Episodes')) {
    if (lastChildren.has(child)) continue;
    for (const { row, index } of episodes) {
      const start = dateIn(row, 'DECOM');
      if (start !== null && start < context.collectionYear.start) rows.push(index);
    }
  }
  return findings('Episodes', rows, ['DECOM']);
};

/** 2024-25 brought in K3 for what had been H5 (semi-independent living), so H5 may become K3 that year. */
const h5BecameK3: AllowedRecoding = (previous, current) => previous === 'H5' && current === 'K3';
/** 2025-26 split Z1 into Z11–Z14, so Z1 may become any of them that year. */
const z1Split: AllowedRecoding = (previous, current) => previous === 'Z1' && ['Z11', 'Z12', 'Z13', 'Z14'].includes(current);

export const continuityRules: readonly ValidationRule[] = [
  ruleOf('501', episodeOverlapsPrevious),
  ruleOf('502', firstEpisodeStartsAsLastYearsOpenOne),
  ruleOf('503A', sameAsOpenEpisodeLastYear('RNE')),
  ruleOf('503B', sameAsOpenEpisodeLastYear('LS')),
  ruleOf('503C', sameAsOpenEpisodeLastYear('CIN')),
  ruleOf('503D', sameAsOpenEpisodeLastYear('PLACE'), { until: '2023-24' }),
  // From 2024-25 DfE's list names Episodes alone for 503D; last year's episodes are still what it reads.
  ruleOf('503D', sameAsOpenEpisodeLastYear('PLACE', h5BecameK3), { from: '2024-25', until: '2024-25', tables: ['Episodes'] }),
  ruleOf('503D', sameAsOpenEpisodeLastYear('PLACE', z1Split), { from: '2025-26', tables: ['Episodes'] }),
  ruleOf('503E', sameAsOpenEpisodeLastYear('PLACE_PROVIDER')),
  ruleOf('503F', sameAsOpenEpisodeLastYear('URN')),
  ruleOf('503G', sameAsOpenEpisodeLastYear('PL_DISTANCE')),
  ruleOf('503H', sameAsOpenEpisodeLastYear('PL_LA')),
  ruleOf('503J', sameAsOpenEpisodeLastYear('PL_LOCATION')),
  ruleOf('504', categoryOfNeedChangedInPeriod),
  ruleOf('562', continuingEpisodeMissingLastYear),
  ruleOf('NoE', startedBeforeYearButNoEpisodesLastYear),
];
