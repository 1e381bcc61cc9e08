/**
 * Care leavers (OC3: 1000–1002, 1007, 1010, 1011, 1014, 1016, 3001) and children with no
 * episodes this year (1012): who may have care leaver information, read from this year's and
 * last year's episodes.
 */
import { daysBetween } from '../../../../../platform/calendar/calendar.ts';
import { rowsOf, type ReturnTables, type TableRow } from '../../../return-tables.ts';
import type { RuleFinding, ValidationContext, ValidationRule } from '../../../validation-rule.ts';
import { birthday, byChild, childrenIn, codeIn, dateIn, findings, indexedRows, isBlank, latestBy, ruleOf, type Indexed } from './kit.ts';

const CARE_LEAVER_ITEMS = ['IN_TOUCH', 'ACTIV', 'ACCOM'] as const;
const hasCareLeaverInformation = (row: TableRow): boolean => CARE_LEAVER_ITEMS.some((column) => !isBlank(row, column));

/** OC3 rows whose child `flagged` picks. */
function careLeaverRows(tables: ReturnTables, flagged: (child: string, row: TableRow) => boolean): RuleFinding[] {
  const rows = indexedRows(tables, 'OC3').filter(({ row }) => { const child = codeIn(row, 'CHILD'); return child !== null && flagged(child, row); });
  return findings('OC3', rows.map(({ index }) => index), CARE_LEAVER_ITEMS);
}

const diedInCare = (tables: ReturnTables): RuleFinding[] => {
  const died = new Set([...rowsOf(tables, 'Episodes'), ...rowsOf(tables, 'Episodes_last')]
    .filter((row) => codeIn(row, 'REC') === 'E2').map((row) => codeIn(row, 'CHILD')));
  return careLeaverRows(tables, (child) => died.has(child));
};

/**
 * This year's and last year's episodes of each child, once each: an episode in both returns
 * (same start) is kept as the one with an end date, and the latest left open ends on `end`.
 */
function episodesOverTwoYears(tables: ReturnTables, end: string): Map<string, { began: string; ended: string | null; row: TableRow }[]> {
  const byStart = new Map<string, { began: string; ended: string | null; row: TableRow }>();
  for (const row of [...rowsOf(tables, 'Episodes'), ...rowsOf(tables, 'Episodes_last')]) {
    const child = codeIn(row, 'CHILD');
    const began = dateIn(row, 'DECOM');
    if (child === null || began === null) continue;
    const key = `${child} ${began}`;
    const ended = dateIn(row, 'DEC');
    const kept = byStart.get(key);
    if (kept === undefined || (kept.ended === null && ended !== null) || (kept.ended !== null && ended !== null && ended < kept.ended)) byStart.set(key, { began, ended, row });
  }
  const children = new Map<string, { began: string; ended: string | null; row: TableRow }[]>();
  for (const [key, episode] of byStart) {
    const child = key.slice(0, key.lastIndexOf(' '));
    const list = children.get(child);
    if (list) list.push(episode); else children.set(child, [episode]);
  }
  for (const episodes of children.values()) {
    const latest = episodes.reduce((best, episode) => (episode.began > best.began ? episode : best));
    if (latest.ended === null) latest.ended = end;
  }
  return children;
}

/** Days looked after on or after a date, over the given episodes. */
function daysLookedAfterSince(episodes: readonly { began: string; ended: string | null }[], since: string): number {
  return episodes.reduce((total, { began, ended }) => (ended === null ? total : total + Math.max(0, daysBetween(began > since ? began : since, ended))), 0);
}

/**
 * A relevant or former relevant child was looked after for at least 13 weeks (91 days) since
 * their 14th birthday, some of it after their 16th, and was not adopted. Only the two years'
 * episodes given are known, so the check needs last year's and skips young people over 20.
 */
const notACareLeaver = (tables: ReturnTables, context: ValidationContext): RuleFinding[] => {
  const needed = ['Episodes', 'OC3', 'Header', 'Episodes_last'];
  if (needed.some((table) => rowsOf(tables, table).length === 0)) return [];
  const end = context.collectionYear.end;
  const episodes = episodesOverTwoYears(tables, end);
  const birthDates = new Map<string, string>();
  for (const row of rowsOf(tables, 'Header')) {
    const child = codeIn(row, 'CHILD');
    const born = dateIn(row, 'DOB');
    if (child !== null && born !== null && birthday(born, 20) > end) birthDates.set(child, born);
  }
  return careLeaverRows(tables, (child) => {
    const own = episodes.get(child) ?? [];
    const latest = own.length === 0 ? undefined : own.reduce((best, episode) => (episode.began > best.began ? episode : best));
    if (latest !== undefined && ['E11', 'E12'].includes(codeIn(latest.row, 'REC')?.toUpperCase() ?? '')) return true;
    const born = birthDates.get(child);
    if (born === undefined) return true;
    const counted = own.filter(({ row }) => !['V3', 'V4'].includes(codeIn(row, 'LS')?.toUpperCase() ?? ''));
    return !(daysLookedAfterSince(counted, birthday(born, 14)) >= 91 && daysLookedAfterSince(counted, birthday(born, 16)) >= 1);
  });
};

const neverLookedAfter = (tables: ReturnTables): RuleFinding[] => {
  if (tables.Episodes_last === undefined) return [];
  const lookedAfter = new Set([...childrenIn(tables, 'Episodes'), ...childrenIn(tables, 'Episodes_last')]);
  return careLeaverRows(tables, (child) => !lookedAfter.has(child));
};

/** The child's 17th or 18th birthday that falls in the collection year (1 April to 31 March) containing `yearOf`, if either does. */
function seventeenthOrEighteenthIn(born: string, yearOf: string): string | null {
  const startYear = Number(yearOf.slice(0, 4)) - (yearOf.slice(5) >= '04-01' ? 0 : 1);
  const start = `${startYear}-04-01`;
  const end = `${startYear + 1}-03-31`;
  return [17, 18].map((age) => birthday(born, age)).find((day) => day >= start && day <= end) ?? null;
}

const lookedAfterOnBirthday = (tables: ReturnTables, context: ValidationContext): RuleFinding[] => {
  const episodes = byChild(tables, 'Episodes');
  return careLeaverRows(tables, (child, row) => {
    const born = dateIn(row, 'DOB');
    if (born === null || !hasCareLeaverInformation(row)) return false;
    const day = seventeenthOrEighteenthIn(born, context.collectionYear.end);
    return day !== null && (episodes.get(child) ?? []).some((episode) => {
      const began = dateIn(episode.row, 'DECOM');
      const ended = dateIn(episode.row, 'DEC');
      return began !== null && began <= day && (isBlank(episode.row, 'DEC') || (ended !== null && ended > day));
    });
  });
};

/** Care leaver information for a child with no episodes this year but an episode left open at the end of last year. */
const openLastYearNoEpisodesNow = (tables: ReturnTables): RuleFinding[] => {
  if (tables.Episodes_last === undefined) return [];
  const now = childrenIn(tables, 'Episodes');
  const openAtEnd = new Set<string>();
  for (const [child, episodes] of byChild(tables, 'Episodes_last')) {
    const latest = latestBy(episodes, 'DECOM');
    if (latest !== undefined && isBlank(latest.row, 'DEC')) openAtEnd.add(child);
  }
  return careLeaverRows(tables, (child) => openAtEnd.has(child) && !now.has(child));
};

const transferredToAnotherAuthority = (tables: ReturnTables): RuleFinding[] => {
  const transferred = new Set<string>();
  for (const [child, episodes] of byChild(tables, 'Episodes')) {
    const latest = latestBy(episodes, 'DECOM');
    if (latest !== undefined && codeIn(latest.row, 'REC') === 'E3') transferred.add(child);
  }
  return careLeaverRows(tables, (child, row) => transferred.has(child) && hasCareLeaverInformation(row));
};

const TABLES_OF_LOOKED_AFTER_CHILDREN = ['PlacedAdoption', 'Missing', 'Reviews', 'AD1', 'PrevPerm', 'OC2'] as const;

/** Children with no episodes this year appear in the header and OC3 only. */
const dataWithoutEpisodes = (tables: ReturnTables): RuleFinding[] => {
  if (tables.Episodes === undefined) return [];
  const lookedAfter = childrenIn(tables, 'Episodes');
  return TABLES_OF_LOOKED_AFTER_CHILDREN.flatMap((table) => findings(table,
    indexedRows(tables, table).filter(({ row }) => { const child = codeIn(row, 'CHILD'); return child !== null && !lookedAfter.has(child); }).map(({ index }) => index),
    ['CHILD']));
};

/** Whether any of the child's episodes falls within the collection year. */
function lookedAfterDuringYear(episodes: readonly Indexed[], context: ValidationContext): boolean {
  const { start, end } = context.collectionYear;
  return episodes.some(({ row }) => {
    const began = dateIn(row, 'DECOM');
    const ended = dateIn(row, 'DEC');
    return began !== null && began <= end && (isBlank(row, 'DEC') || (ended !== null && ended >= start));
  });
}

/** A care leaver (care leaver information, not looked after this year) needs no UASC information. */
const unaccompaniedCareLeaver = (tables: ReturnTables, context: ValidationContext): RuleFinding[] => {
  const episodes = byChild(tables, 'Episodes');
  const careLeavers = new Set<string>();
  const leaverRows: number[] = [];
  for (const { row, index } of indexedRows(tables, 'OC3')) {
    const child = codeIn(row, 'CHILD');
    if (child === null || !hasCareLeaverInformation(row) || lookedAfterDuringYear(episodes.get(child) ?? [], context)) continue;
    careLeavers.add(child);
    leaverRows.push(index);
  }
  const unaccompanied = indexedRows(tables, 'UASC').filter(({ row }) => careLeavers.has(codeIn(row, 'CHILD') ?? ''));
  const unaccompaniedChildren = new Set(unaccompanied.map(({ row }) => codeIn(row, 'CHILD')));
  return [
    ...findings('UASC', unaccompanied.map(({ index }) => index), ['DUC']),
    ...findings('OC3', leaverRows.filter((index) => unaccompaniedChildren.has(codeIn(rowsOf(tables, 'OC3')[index]!, 'CHILD'))), CARE_LEAVER_ITEMS),
  ];
};

/** Ceased to be looked after on or after the 17th or 18th birthday of the year they left: no care leaver information yet. */
const leftCareAfterBirthday = (tables: ReturnTables): RuleFinding[] => {
  const episodes = byChild(tables, 'Episodes');
  return careLeaverRows(tables, (child, row) => {
    const born = dateIn(row, 'DOB');
    if (born === null || !hasCareLeaverInformation(row)) return false;
    return (episodes.get(child) ?? []).some((episode) => {
      const ended = dateIn(episode.row, 'DEC');
      if (ended === null) return false;
      const day = seventeenthOrEighteenthIn(born, ended);
      return day !== null && ended >= day;
    });
  });
};

const WITH_FORMER_FOSTER_CARERS = new Set(['Z1', 'Z2']);

/** Around their 17th birthday (in the year) a young person cannot be staying with former foster carers. */
const withFormerFosterCarersAtSeventeen = (tables: ReturnTables, context: ValidationContext): RuleFinding[] => {
  const birthDates = new Map<string, string>();
  for (const row of rowsOf(tables, 'Header')) {
    const child = codeIn(row, 'CHILD');
    const born = dateIn(row, 'DOB');
    if (child !== null && born !== null) birthDates.set(child, born);
  }
  const { start, end } = context.collectionYear;
  const rows = indexedRows(tables, 'OC3').filter(({ row }) => {
    const born = birthDates.get(codeIn(row, 'CHILD') ?? '');
    if (born === undefined || !WITH_FORMER_FOSTER_CARERS.has(codeIn(row, 'ACCOM') ?? '')) return false;
    const seventeenth = birthday(born, 17);
    return seventeenth >= start && seventeenth <= end;
  });
  return findings('OC3', rows.map(({ index }) => index), ['ACCOM']);
};

export const careLeaverRules: readonly ValidationRule[] = [
  ruleOf('1000', diedInCare),
  ruleOf('1001', notACareLeaver),
  ruleOf('1002', neverLookedAfter),
  ruleOf('1007', lookedAfterOnBirthday),
  ruleOf('1010', openLastYearNoEpisodesNow),
  ruleOf('1011', transferredToAnotherAuthority),
  ruleOf('1012', dataWithoutEpisodes),
  ruleOf('1014', unaccompaniedCareLeaver),
  ruleOf('1016', leftCareAfterBirthday, { from: '2023-24' }),
  ruleOf('3001', withFormerFosterCarersAtSeventeen),
];
