/** Rules on adoption (AD1), decisions to place for adoption (PlacedAdoption) and adoptions shown by the episodes. */
import {
  cell, code, codeIn, dateOf, findingsAt, firstRowByChild, flagRows, has, optionalCode, present, presentButNotADate, rows,
  type TableRow,
} from './kit.ts';
import type { Checks } from './kit.ts';

export const ADOPTION_FIELDS = ['DATE_INT', 'DATE_MATCH', 'FOSTER_CARE', 'NB_ADOPTR', 'SEX_ADOPTR', 'LS_ADOPTR'] as const;
export const CARE_LEAVER_FIELDS = ['IN_TOUCH', 'ACTIV', 'ACCOM'] as const;
const ADOPTED = ['E11', 'E12'];


/** Whether the episode ended in adoption within the collection year. */
function adoptedInYear(episode: TableRow, start: string, end: string): boolean {
  const ceased = dateOf(episode, 'DEC');
  return ceased !== null && ceased >= start && ceased <= end && codeIn(episode, 'REC', ADOPTED);
}

export const adoptionChecks: Record<string, Checks> = {
  '112': (tables) => flagRows(tables, 'AD1', ['DATE_INT'], (row) => presentButNotADate(row, 'DATE_INT')),
  '113': (tables) => flagRows(tables, 'AD1', ['DATE_MATCH'], (row) => presentButNotADate(row, 'DATE_MATCH')),
  '114': optionalCode('AD1', 'FOSTER_CARE', ['0', '1']),
  '115': (tables) => flagRows(tables, 'PlacedAdoption', ['DATE_PLACED'], (row) => presentButNotADate(row, 'DATE_PLACED')),
  '116': (tables) => flagRows(tables, 'PlacedAdoption', ['DATE_PLACED_CEASED'], (row) => presentButNotADate(row, 'DATE_PLACED_CEASED')),
  '117': (tables, context) => {
    if (!has(tables, 'Episodes', 'PlacedAdoption')) return [];
    // The latest episode that started, leaving aside changes of placement (X1) within care.
    const latest = new Map<string, { index: number; started: string; ceased: string | null }>();
    rows(tables, 'Episodes').forEach((episode, index) => {
      const child = cell(episode, 'CHILD');
      const started = dateOf(episode, 'DECOM');
      if (child === null || started === null || code(episode, 'REC') === 'X1') return;
      const current = latest.get(child);
      if (current === undefined || started > current.started) latest.set(child, { index, started, ceased: dateOf(episode, 'DEC') });
    });
    const end = context.collectionYear.end;
    const episodes: number[] = [];
    const decisions: number[] = [];
    rows(tables, 'PlacedAdoption').forEach((decision, index) => {
      const child = cell(decision, 'CHILD');
      const episode = child === null ? undefined : latest.get(child);
      if (episode === undefined) return;
      const tooLate = (date: string | null) => date !== null && (date > end || (episode.ceased !== null && date > episode.ceased));
      if (tooLate(dateOf(decision, 'DATE_PLACED')) || tooLate(dateOf(decision, 'DATE_PLACED_CEASED'))) {
        episodes.push(episode.index);
        decisions.push(index);
      }
    });
    return [...findingsAt('Episodes', episodes, 'DEC'), ...findingsAt('PlacedAdoption', decisions, 'DATE_PLACED')];
  },
  '118': (tables, context) => {
    if (!has(tables, 'Episodes', 'PlacedAdoption')) return [];
    // The first episode of care proper: short breaks (V3, V4) do not start a period of care.
    const earliest = new Map<string, { index: number; started: string }>();
    rows(tables, 'Episodes').forEach((episode, index) => {
      const child = cell(episode, 'CHILD');
      const started = dateOf(episode, 'DECOM');
      if (child === null || started === null || codeIn(episode, 'LS', ['V3', 'V4'])) return;
      const current = earliest.get(child);
      if (current === undefined || started < current.started) earliest.set(child, { index, started });
    });
    const episodes: number[] = [];
    const decisions: number[] = [];
    rows(tables, 'PlacedAdoption').forEach((decision, index) => {
      const child = cell(decision, 'CHILD');
      const episode = child === null ? undefined : earliest.get(child);
      const ceased = dateOf(decision, 'DATE_PLACED_CEASED');
      if (episode === undefined || ceased === null) return;
      if (ceased < episode.started || ceased < context.collectionYear.start) {
        episodes.push(episode.index);
        decisions.push(index);
      }
    });
    return [...findingsAt('Episodes', episodes, 'DECOM'), ...findingsAt('PlacedAdoption', decisions, 'DATE_PLACED_CEASED')];
  },
  '119': (tables) => flagRows(tables, 'PlacedAdoption', ['DATE_PLACED_CEASED', 'REASON_PLACED_CEASED'],
    (row) => present(row, 'DATE_PLACED_CEASED') !== present(row, 'REASON_PLACED_CEASED')),
  '120': optionalCode('PlacedAdoption', 'REASON_PLACED_CEASED', ['RD1', 'RD2', 'RD3', 'RD4']),
  '134': (tables) => {
    if (!has(tables, 'OC3', 'AD1')) return [];
    const careLeavers = firstRowByChild(tables, 'OC3');
    return flagRows(tables, 'AD1', ['CHILD'], (row) => {
      const child = cell(row, 'CHILD');
      const leaver = child === null ? undefined : careLeavers.get(child);
      return leaver !== undefined && CARE_LEAVER_FIELDS.some((column) => present(leaver, column)) && ADOPTION_FIELDS.some((column) => present(row, column));
    });
  },
  '151': (tables) => flagRows(tables, 'AD1', [...ADOPTION_FIELDS], (row) => {
    const filled = ADOPTION_FIELDS.filter((column) => present(row, column)).length;
    return filled > 0 && filled < ADOPTION_FIELDS.length;
  }),
  '175': optionalCode('AD1', 'NB_ADOPTR', ['1', '2']),
  '176': optionalCode('AD1', 'SEX_ADOPTR', ['M1', 'F1', 'MM', 'FF', 'MF']),
  '177': optionalCode('AD1', 'LS_ADOPTR', ['L0', 'L11', 'L12', 'L2', 'L3', 'L4']),
  '184': (tables) => {
    if (!has(tables, 'Header', 'PlacedAdoption')) return [];
    const headers = firstRowByChild(tables, 'Header');
    return flagRows(tables, 'PlacedAdoption', ['DATE_PLACED'], (row) => {
      const child = cell(row, 'CHILD');
      const header = child === null ? undefined : headers.get(child);
      const decided = dateOf(row, 'DATE_PLACED');
      const birth = header === undefined ? null : dateOf(header, 'DOB');
      return decided !== null && birth !== null && decided < birth;
    });
  },
  '199': (tables) => {
    if (!has(tables, 'Episodes')) return [];
    // This year's and last year's episodes in order of starting: any episode after an adoption means the child came back into care.
    const all: { started: string; adopted: boolean; index: number | null; child: string; order: number }[] = [];
    const collect = (table: string, current: boolean) => rows(tables, table).forEach((episode, index) => {
      const child = cell(episode, 'CHILD');
      const started = dateOf(episode, 'DECOM');
      if (child === null || started === null) return;
      all.push({ started, adopted: codeIn(episode, 'REC', ADOPTED), index: current ? index : null, child, order: all.length });
    });
    collect('Episodes', true);
    collect('Episodes_last', false);
    all.sort((a, b) => (a.started < b.started ? -1 : a.started > b.started ? 1 : a.order - b.order));
    const adoptions = new Map<string, number>();
    const flagged: number[] = [];
    for (const episode of all) {
      const count = (adoptions.get(episode.child) ?? 0) + (episode.adopted ? 1 : 0);
      adoptions.set(episode.child, count);
      const firstAdoption = count === 1 && episode.adopted;
      if (count > 0 && !firstAdoption && episode.index !== null) flagged.push(episode.index);
    }
    return findingsAt('Episodes', flagged, 'CHILD');
  },
  '601': (tables, context) => {
    if (!has(tables, 'Episodes', 'AD1')) return [];
    const { start, end } = context.collectionYear;
    const adoptions = new Map<string, number[]>();
    rows(tables, 'Episodes').forEach((episode, index) => {
      const child = cell(episode, 'CHILD');
      if (child === null || !adoptedInYear(episode, start, end)) return;
      const list = adoptions.get(child);
      if (list) list.push(index); else adoptions.set(child, [index]);
    });
    const episodes: number[] = [];
    const adoptionRows: number[] = [];
    rows(tables, 'AD1').forEach((row, index) => {
      const child = cell(row, 'CHILD');
      const adopted = child === null ? undefined : adoptions.get(child);
      if (adopted === undefined || ADOPTION_FIELDS.every((column) => present(row, column))) return;
      adoptionRows.push(index);
      episodes.push(...adopted);
    });
    return [...findingsAt('AD1', adoptionRows, 'DATE_INT'), ...findingsAt('Episodes', episodes, 'REC')];
  },
  '602': (tables, context) => {
    if (!has(tables, 'Episodes', 'AD1')) return [];
    const { start, end } = context.collectionYear;
    const adopted = new Set<string>();
    for (const episode of rows(tables, 'Episodes')) {
      const child = cell(episode, 'CHILD');
      if (child !== null && adoptedInYear(episode, start, end)) adopted.add(child);
    }
    return flagRows(tables, 'AD1', ['CHILD'], (row) => {
      const child = cell(row, 'CHILD');
      return !adopted.has(child ?? '') && ADOPTION_FIELDS.some((column) => present(row, column));
    });
  },
};
