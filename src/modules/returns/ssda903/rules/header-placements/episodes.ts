/** Rules on episodes of care: dates, codes, how episodes follow each other, distance and motherhood. */
import { isFemale, isMale } from './header.ts';
import {
  addYears, cell, code, codeIn, dateOf, findingsAt, flagRows, given, has, optionalCode, positionsByChild, present, presentButNotADate, rows,
  type ReturnTables, type RuleFinding, type ValidationContext,
} from './kit.ts';
import type { Checks } from './kit.ts';

const SHORT_BREAKS = ['V3', 'V4'];
const LEGAL_STATUSES = ['C1', 'C2', 'D1', 'E1', 'V2', 'V3', 'V4', 'J1', 'J2', 'J3', 'L1', 'L2', 'L3'];
const REASONS_CEASED = ['E11', 'E12', 'E2', 'E3', 'E4A', 'E4B', 'E13', 'E41', 'E45', 'E46', 'E47', 'E48', 'E5', 'E6', 'E7', 'E8', 'E9', 'E14', 'E15', 'E16', 'E17', 'X1'];
const PLACEMENTS_UNTIL_2025 = ['A3', 'A4', 'A5', 'A6', 'H5', 'K1', 'K2', 'P1', 'P2', 'P3', 'R1', 'R2', 'R3', 'R5', 'S1', 'T0', 'T1', 'T2', 'T3', 'T4', 'U1', 'U2', 'U3', 'U4', 'U5', 'U6', 'Z1'];
/** From 2024-25 supported accommodation registered with Ofsted (K3) is a placement type (rule 371 reads it that year). */
const PLACEMENTS_FROM_2024 = [...PLACEMENTS_UNTIL_2025, 'K3'];
/** From 2025-26 H5 (semi-independent living) is gone and 'other placements' (Z1) is split into Z11–Z14. */
const PLACEMENTS_FROM_2025 = [...PLACEMENTS_FROM_2024.filter((place) => place !== 'H5' && place !== 'Z1'), 'Z11', 'Z12', 'Z13', 'Z14'];
const TEMPORARY = ['T0', 'T1', 'T2', 'T3', 'T4'];

/**
 * Each child's episodes in order of starting (an episode whose start is not a date sorts last), as
 * row positions: rules comparing an episode with the one before or after it use this.
 */
export function episodesInOrder(tables: ReturnTables): ReadonlyMap<string, readonly number[]> {
  const known = orderOfReturn.get(tables);
  if (known !== undefined) return known;
  const episodes = rows(tables, 'Episodes');
  // The shared index is in table order and read by other rules: sort copies of it.
  const byChild = new Map<string, number[]>();
  for (const [child, positions] of positionsByChild(tables, 'Episodes')) {
    byChild.set(child, [...positions].sort((a, b) => {
      const x = dateOf(episodes[a]!, 'DECOM');
      const y = dateOf(episodes[b]!, 'DECOM');
      if (x === y) return a - b;
      if (x === null) return 1;
      if (y === null) return -1;
      return x < y ? -1 : 1;
    }));
  }
  orderOfReturn.set(tables, byChild);
  return byChild;
}
/** Several rules read the episodes in order: sorted once per return. */
const orderOfReturn = new WeakMap<ReturnTables, ReadonlyMap<string, readonly number[]>>();

/** Children UASC this year or last, as the header's UASC flag says, or a UASC file row with anything beyond the child. */
function uascChildren(tables: ReturnTables): Set<string> | null {
  const children = new Set<string>();
  let known = false;
  const fromHeader = (table: string) => {
    if (!tables[table]?.columns.includes('UASC')) return;
    known = true;
    for (const row of rows(tables, table)) if (code(row, 'UASC') === '1') children.add(cell(row, 'CHILD') ?? '');
  };
  const fromUasc = (table: string) => {
    if (tables[table] === undefined) return;
    known = true;
    for (const row of rows(tables, table)) {
      if (tables[table].columns.some((column) => column !== 'CHILD' && present(row, column))) children.add(cell(row, 'CHILD') ?? '');
    }
  };
  if (tables.Header !== undefined) fromHeader('Header'); else fromUasc('UASC');
  if (tables.Header_last !== undefined) fromHeader('Header_last'); else fromUasc('UASC_last');
  return known ? children : null;
}

function motherStatus(tables: ReturnTables, context: ValidationContext): RuleFinding[] {
  if (!has(tables, 'Header', 'Episodes', 'OC3')) return [];
  const { start, end } = context.collectionYear;
  // Episodes of care proper (not short breaks) touching this year, by child.
  const careChildren = new Set<string>();
  const inYear = new Map<string, number>();
  for (const episode of rows(tables, 'Episodes')) {
    const child = cell(episode, 'CHILD');
    if (child === null || codeIn(episode, 'LS', SHORT_BREAKS)) continue;
    careChildren.add(child);
    const started = dateOf(episode, 'DECOM');
    const ceased = present(episode, 'DEC') ? dateOf(episode, 'DEC') : end;
    const touches = started !== null && ceased !== null && ceased >= start && started <= end;
    inYear.set(child, (inYear.get(child) ?? 0) + (touches ? 1 : 0));
  }
  const leavers = positionsByChild(tables, 'OC3');
  const leaverRows = rows(tables, 'OC3');
  const headerRows: number[] = [];
  const oc3Rows: number[] = [];
  rows(tables, 'Header').forEach((row, index) => {
    const child = cell(row, 'CHILD');
    if (child === null || !careChildren.has(child)) return;
    const mother = present(row, 'MOTHER');
    const lookedAfterThisYear = (inYear.get(child) ?? 0) > 0;
    const careLeaver = (leavers.get(child) ?? []).some((position) => ['IN_TOUCH', 'ACTIV', 'ACCOM'].some((column) => present(leaverRows[position]!, column)));
    const wrong = (mother && !codeIn(row, 'MOTHER', ['0', '1']))
      || (mother && isMale(row))
      || (!mother && isFemale(row) && lookedAfterThisYear)
      || (mother && isFemale(row) && !lookedAfterThisYear && careLeaver);
    if (!wrong) return;
    headerRows.push(index);
    oc3Rows.push(...(leavers.get(child) ?? []));
  });
  return [...findingsAt('Header', headerRows, 'MOTHER'), ...findingsAt('OC3', oc3Rows, 'CHILD')];
}

export const episodeChecks: Record<string, Checks> = {
  '141': (tables) => flagRows(tables, 'Episodes', ['DECOM'], (row) => presentButNotADate(row, 'DECOM')),
  '142': (tables) => {
    const episodes = rows(tables, 'Episodes');
    const flagged: number[] = [];
    for (const positions of episodesInOrder(tables).values()) {
      // Every episode but the child's latest must have ended, with a reason.
      for (const position of positions.slice(0, -1)) {
        const episode = episodes[position]!;
        if (dateOf(episode, 'DECOM') !== null && (!present(episode, 'DEC') || !present(episode, 'REC'))) flagged.push(position);
      }
    }
    return findingsAt('Episodes', flagged, 'DEC');
  },
  '143': optionalCode('Episodes', 'RNE', ['S', 'P', 'L', 'T', 'U', 'B']),
  '144': optionalCode('Episodes', 'LS', LEGAL_STATUSES),
  '145': optionalCode('Episodes', 'CIN', ['N1', 'N2', 'N3', 'N4', 'N5', 'N6', 'N7', 'N8']),
  '146': [
    { from: '2022-23', check: optionalCode('Episodes', 'PLACE', PLACEMENTS_UNTIL_2025) },
    { from: '2024-25', check: optionalCode('Episodes', 'PLACE', PLACEMENTS_FROM_2024) },
    { from: '2025-26', check: optionalCode('Episodes', 'PLACE', PLACEMENTS_FROM_2025) },
  ],
  '147': (tables) => flagRows(tables, 'Episodes', ['DEC'], (row) => presentButNotADate(row, 'DEC')),
  '148': (tables) => flagRows(tables, 'Episodes', ['DEC', 'REC'], (row) => present(row, 'DEC') !== present(row, 'REC')),
  '149': optionalCode('Episodes', 'REC', REASONS_CEASED),
  '164': (tables) => {
    if (!has(tables, 'Episodes')) return [];
    // Distance is not reported for children who are or were UASC, whose placements may be anywhere.
    const uasc = uascChildren(tables);
    if (uasc === null) return [];
    return flagRows(tables, 'Episodes', ['PL_DISTANCE'], (row) => {
      const distance = cell(row, 'PL_DISTANCE');
      if (distance === null || uasc.has(cell(row, 'CHILD') ?? '')) return false;
      const miles = Number(distance);
      return distance.trim() === '' || Number.isNaN(miles) || miles < 0 || miles > 999.9;
    });
  },
  '165': motherStatus,
  '166': (tables) => flagRows(tables, 'Reviews', ['REVIEW'], (row) => dateOf(row, 'REVIEW') === null),
  '167': (tables) => flagRows(tables, 'Reviews', ['REVIEW_CODE'], (row) =>
    given(row, 'REVIEW_CODE') ? !codeIn(row, 'REVIEW_CODE', ['PN0', 'PN1', 'PN2', 'PN3', 'PN4', 'PN5', 'PN6', 'PN7']) : present(row, 'REVIEW')),
  '169': (tables) => flagRows(tables, 'Episodes', ['PL_LA'], (row) => !codeIn(row, 'LS', SHORT_BREAKS) && !present(row, 'PL_LA')),
  '179': (tables) => flagRows(tables, 'Episodes', ['PL_LOCATION'], (row) =>
    given(row, 'PL_LOCATION') ? !codeIn(row, 'PL_LOCATION', ['IN', 'OUT']) : !codeIn(row, 'LS', SHORT_BREAKS)),
  // Children placed for adoption with their foster carers have a new episode starting S, T or U.
  '217': (tables) => flagRows(tables, 'Episodes', ['RNE'], (row) => {
    const started = dateOf(row, 'DECOM');
    return codeIn(row, 'PLACE', ['A3', 'A5']) && started !== null && started >= '2015-04-01' && !codeIn(row, 'RNE', ['S', 'T', 'U']);
  }),
  '217t': (tables) => flagRows(tables, 'Episodes', ['PLACE'], (row) => {
    const ceased = dateOf(row, 'DEC');
    return code(row, 'PLACE') === 'P2' && (ceased === null || ceased > '2023-10-28');
  }),
  '225': (tables) => {
    const episodes = rows(tables, 'Episodes');
    const flagged: number[] = [];
    for (const positions of episodesInOrder(tables).values()) {
      positions.slice(0, -1).forEach((position, i) => {
        const episode = episodes[position]!;
        const next = episodes[positions[i + 1]!]!;
        // A change of placement (X1) to another non-temporary placement needs its reason.
        if (code(episode, 'REC') === 'X1' && !present(episode, 'REASON_PLACE_CHANGE') && !codeIn(episode, 'PLACE', TEMPORARY)
          && codeIn(next, 'RNE', ['P', 'B', 'T', 'U']) && !codeIn(next, 'PLACE', TEMPORARY)) flagged.push(position);
      });
    }
    return findingsAt('Episodes', flagged, 'REASON_PLACE_CHANGE');
  },
  // A temporary placement needs no reason for change, on itself or on the episode it follows.
  '226': (tables) => {
    const episodes = rows(tables, 'Episodes');
    const flagged: number[] = [];
    for (const positions of episodesInOrder(tables).values()) {
      positions.forEach((position, i) => {
        const episode = episodes[position]!;
        const previous = i === 0 ? undefined : episodes[positions[i - 1]!]!;
        if (codeIn(episode, 'PLACE', TEMPORARY) && (present(episode, 'REASON_PLACE_CHANGE') || (previous !== undefined && present(previous, 'REASON_PLACE_CHANGE')))) flagged.push(position);
      });
    }
    return findingsAt('Episodes', flagged, 'REASON_PLACE_CHANGE');
  },
  '233': (tables) => flagRows(tables, 'Episodes', ['REASON_PLACE_CHANGE'], (row) => !present(row, 'DEC') && present(row, 'REASON_PLACE_CHANGE')),
  '234': (tables) => {
    if (!has(tables, 'Episodes', 'Header')) return [];
    const headers = positionsByChild(tables, 'Header');
    const header = rows(tables, 'Header');
    const episodes: number[] = [];
    const headerRows: number[] = [];
    rows(tables, 'Episodes').forEach((episode, index) => {
      if (code(episode, 'REASON_PLACE_CHANGE') !== 'CUSTOD') return;
      const started = dateOf(episode, 'DECOM');
      for (const position of headers.get(cell(episode, 'CHILD') ?? '') ?? []) {
        const birth = dateOf(header[position]!, 'DOB');
        if (started === null || birth === null) continue;
        if (addYears(birth, 10) > started) {
          episodes.push(index);
          headerRows.push(position);
        }
      }
    });
    return [...findingsAt('Episodes', episodes, 'REASON_PLACE_CHANGE'), ...findingsAt('Header', headerRows, 'DOB')];
  },
};
