/** Rules on placements: ages for a placement type, temporary placements, postcodes, distance and location. */
import { rowsOf, type ReturnTables, type TableRow } from '../../../return-tables.ts';
import type { RuleFinding } from '../../../validation-rule.ts';
import type { Behaviour, Check } from './behaviour.ts';
import {
  addYears, childOf, childTimelines, dateIn, datesOfBirth, daysBetween, eachRow, findingsAt, RESPITE_STATUSES,
  TEMPORARY_PLACEMENTS, textOf,
} from './kit.ts';

const placeOf = (row: TableRow) => textOf(row, 'PLACE');

/** Episodes in a placement type that started before the child reached `minimumAge`. */
function youngerThan(places: readonly string[], minimumAge: number): Check {
  return (tables) => {
    const dobs = datesOfBirth(tables);
    return eachRow(tables, 'Episodes', ['DECOM', 'PLACE'], (row) => {
      const child = childOf(row);
      const dob = child === null ? undefined : dobs.get(child);
      const start = dateIn(row, 'DECOM');
      return places.includes(placeOf(row) ?? '') && dob !== undefined && start !== null && start < addYears(dob, minimumAge);
    });
  };
}

/** Episodes in a temporary placement that lasted more than `maximumDays` (one still open runs to the year's end). */
function temporaryLongerThan(place: string, maximumDays: number): Check {
  return (tables, context) => eachRow(tables, 'Episodes', ['DECOM', 'DEC', 'PLACE'], (row) => {
    const start = dateIn(row, 'DECOM');
    if (placeOf(row) !== place || start === null) return false;
    const end = textOf(row, 'DEC') === null ? context.collectionYear.end : dateIn(row, 'DEC');
    return end !== null && daysBetween(start, end) > maximumDays;
  });
}

/**
 * After a temporary placement the child returns to the placement they were in before it: the
 * next episode is a change of placement (P) back to the same place (and, from 2025-26, the same
 * postcode). The episode after the temporary one is flagged.
 */
function returnsAfterTemporary(samePostcode: boolean): Check {
  return (tables) => {
    const findings: RuleFinding[] = [];
    for (const timeline of childTimelines(rowsOf(tables, 'Episodes')).values()) {
      for (let i = 1; i + 1 < timeline.length; i += 1) {
        const before = timeline[i - 1]!.row;
        const after = timeline[i + 1]!;
        if (!TEMPORARY_PLACEMENTS.has(placeOf(timeline[i]!.row) ?? '')) continue;
        const returned = textOf(after.row, 'RNE') === 'P' && placeOf(after.row) === placeOf(before)
          && (!samePostcode || textOf(after.row, 'PL_POST') === textOf(before, 'PL_POST'));
        if (!returned) findings.push(...findingsAt('Episodes', after.index, ['PLACE', 'RNE']));
      }
    }
    return findings;
  };
}

/**
 * Children who are or were unaccompanied asylum-seeking children as far as the return shows: the
 * Header's UASC flag this year or last, or, where a Header is not given, a UASC row with anything
 * recorded. Null when the return gives none of these tables, so nothing can be said.
 */
function formerlyUnaccompanied(tables: ReturnTables): Set<string> | null {
  const children = new Set<string>();
  let known = false;
  for (const [header, uasc] of [['Header', 'UASC'], ['Header_last', 'UASC_last']] as const) {
    if (tables[header] !== undefined) {
      known = true;
      for (const row of rowsOf(tables, header)) if (textOf(row, 'UASC') === '1' && childOf(row) !== null) children.add(childOf(row)!);
    } else if (tables[uasc] !== undefined) {
      known = true;
      for (const row of rowsOf(tables, uasc)) {
        const child = childOf(row);
        const recorded = Object.keys(row).some((column) => column !== 'CHILD' && textOf(row, column) !== null);
        if (child !== null && recorded) children.add(child);
      }
    }
  }
  return known ? children : null;
}

/** Episodes of children never unaccompanied, not on short breaks, where `missing` holds. */
function lookedAfterWithout(missing: (row: TableRow) => boolean, columns: readonly string[]): Check {
  return (tables) => {
    const unaccompanied = formerlyUnaccompanied(tables);
    if (unaccompanied === null) return [];
    return eachRow(tables, 'Episodes', columns, (row) => {
      const child = childOf(row);
      return child !== null && !unaccompanied.has(child) && !RESPITE_STATUSES.has(textOf(row, 'LS') ?? '') && missing(row);
    });
  };
}

/** The shape of a UK postcode: outward code, then a digit and two letters (the space is optional). */
const POSTCODE = /^[A-Z]{1,2}\d[A-Z\d]?\d[A-Z]{2}$/;
const compactPostcode = (text: string) => text.replace(/\s+/g, '').toUpperCase();

/** Whether two council codes are of one kind (both ONS codes, both LA numbers, or neither), so comparable. */
function sameKindOfCode(a: string, b: string): boolean {
  const kind = (code: string) => (/^[EWSN]\d{8}$/.test(code) ? 'ons' : /^\d{3}$/.test(code) ? 'number' : 'other');
  return kind(a) === kind(b);
}

/** The distance DfE takes as "not known" (999.9). */
const DISTANCE_NOT_KNOWN = 999.9;

export const placementChecks: Readonly<Record<string, Behaviour>> = {
  // A3 or A4 (placed for adoption with a placement order or consent) follows a foster placement (U1 to U6).
  '336': (tables) => {
    const findings: RuleFinding[] = [];
    for (const timeline of childTimelines(rowsOf(tables, 'Episodes')).values()) {
      for (let i = 1; i < timeline.length; i += 1) {
        const place = placeOf(timeline[i]!.row) ?? '';
        const previous = placeOf(timeline[i - 1]!.row) ?? '';
        if (['A3', 'A4'].includes(place) && !/^U[1-6]$/.test(previous) && !['A3', 'A4'].includes(previous)) {
          findings.push(...findingsAt('Episodes', timeline[i]!.index, ['PLACE']));
        }
      }
    }
    return findings;
  },

  '370': [['2022-23', youngerThan(['P2'], 15)], ['2023-24', youngerThan(['P2'], 16)]],
  // Semi-independent living (H5) became supported accommodation (K3) in 2024-25.
  '371': [['2022-23', youngerThan(['H5'], 14)], ['2023-24', youngerThan(['H5'], 16)], ['2024-25', youngerThan(['K3'], 16)]],
  '372': youngerThan(['R5'], 10),
  '373': youngerThan(['S1'], 4),
  '374': youngerThan(['P3'], 14),

  '375': temporaryLongerThan('T1', 42),
  '376': temporaryLongerThan('T3', 21),

  // More than two holiday placements (T3) starting within any twelve months.
  '377': (tables) => {
    const findings: RuleFinding[] = [];
    for (const timeline of childTimelines(rowsOf(tables, 'Episodes')).values()) {
      const holidays = timeline.filter((episode) => placeOf(episode.row) === 'T3' && episode.start !== null);
      const flagged = new Set<number>();
      holidays.forEach((first, i) => {
        const within = holidays.slice(i).filter((episode) => episode.start! < addYears(first.start!, 1));
        if (within.length > 2) for (const episode of within) flagged.add(episode.index);
      });
      for (const index of [...flagged].sort((a, b) => a - b)) findings.push(...findingsAt('Episodes', index, ['PLACE']));
    }
    return findings;
  },

  '379': temporaryLongerThan('T4', 7),

  // Only a change of placement (P, B) can lead into a temporary placement.
  '380': (tables) => eachRow(tables, 'Episodes', ['PLACE', 'RNE'], (row) =>
    TEMPORARY_PLACEMENTS.has(placeOf(row) ?? '') && !['P', 'B'].includes(textOf(row, 'RNE') ?? '')),

  '381': (tables) => eachRow(tables, 'Episodes', ['PLACE', 'REC'], (row) => {
    const reason = textOf(row, 'REC');
    return TEMPORARY_PLACEMENTS.has(placeOf(row) ?? '') && reason !== null && reason !== 'X1';
  }),

  '383': [['2022-23', returnsAfterTemporary(false)], ['2025-26', returnsAfterTemporary(true)]],

  '392a': lookedAfterWithout((row) => textOf(row, 'PL_DISTANCE') === null, ['PL_DISTANCE']),
  '392b': lookedAfterWithout((row) => textOf(row, 'HOME_POST') === null || textOf(row, 'PL_POST') === null, ['HOME_POST', 'PL_POST']),

  '392c': (tables) => eachRow(tables, 'Episodes', ['HOME_POST', 'PL_POST'], (row) =>
    ['HOME_POST', 'PL_POST'].some((column) => {
      const postcode = textOf(row, column);
      return postcode !== null && !POSTCODE.test(compactPostcode(postcode));
    })),

  '392d': (tables) => eachRow(tables, 'Episodes', ['HOME_POST', 'PL_POST', 'PLACE'], (row) => {
    const home = textOf(row, 'HOME_POST');
    const placement = textOf(row, 'PL_POST');
    return home !== null && placement !== null && compactPostcode(home) === compactPostcode(placement) && placeOf(row) !== 'P1';
  }),

  '406': (tables) => {
    const unaccompanied = formerlyUnaccompanied(tables) ?? new Set<string>();
    return eachRow(tables, 'Episodes', ['PL_DISTANCE'], (row) => {
      const child = childOf(row);
      return child !== null && unaccompanied.has(child) && textOf(row, 'PL_DISTANCE') !== null;
    });
  },

  /**
   * Placed inside the council's area (IN) yet in another council's. PL_LA may carry the ONS code
   * (E09000003) where the context knows the council by its three-digit number: codes of different
   * kinds cannot be compared, so such a row is left alone rather than flagged.
   */
  '411': (tables, context) => eachRow(tables, 'Episodes', ['PL_LOCATION'], (row) => {
    const placedIn = textOf(row, 'PL_LA');
    return textOf(row, 'PL_LOCATION') === 'IN' && placedIn !== null && sameKindOfCode(placedIn, context.laNumber) && placedIn !== context.laNumber;
  }),

  '454': (tables) => eachRow(tables, 'Episodes', ['PL_DISTANCE'], (row) => {
    const miles = Number(textOf(row, 'PL_DISTANCE') ?? 'NaN');
    return Number.isFinite(miles) && miles > 350 && miles !== DISTANCE_NOT_KNOWN;
  }),
};
