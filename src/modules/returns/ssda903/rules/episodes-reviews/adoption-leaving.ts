/** Rules on how care ended (adoption, special guardianship, leaving care) and on care leavers (OC3). */
import { rowsOf, type ReturnTables, type TableRow } from '../../../return-tables.ts';
import type { RuleFinding } from '../../../validation-rule.ts';
import type { Behaviour, Check } from './behaviour.ts';
import { addYears, ageOn, childOf, childTimelines, dateIn, datesOfBirth, eachRow, findingsAt, firstRowByChild, rowsByChild, textOf } from './kit.ts';

/** Care ended by adoption (E11, E12). */
const ADOPTED = new Set(['E11', 'E12']);
/** Placed for adoption (A3 to A6). */
const PLACED_FOR_ADOPTION = new Set(['A3', 'A4', 'A5', 'A6']);
/** Placements for adoption with the child's current foster carer, and with others. */
const WITH_FOSTER_CARER = new Set(['A2', 'A3', 'A5']);
const NOT_WITH_FOSTER_CARER = new Set(['A1', 'A4', 'A6']);

/**
 * Episodes whose reason for ceasing is one of `reasons` where the child's age on the day the
 * episode ceased breaks `ageBreaks`; the Header row is flagged too when `withHeader`.
 */
function ageWhenCeased(reasons: ReadonlySet<string>, ageBreaks: (age: number) => boolean, withHeader = false): Check {
  return (tables) => {
    const findings: RuleFinding[] = [];
    const dobs = datesOfBirth(tables);
    const header = rowsByChild(rowsOf(tables, 'Header'));
    rowsOf(tables, 'Episodes').forEach((row, index) => {
      const child = childOf(row);
      const dob = child === null ? undefined : dobs.get(child);
      const ceased = dateIn(row, 'DEC');
      if (dob === undefined || ceased === null || !reasons.has(textOf(row, 'REC') ?? '') || !ageBreaks(ageOn(dob, ceased))) return;
      findings.push(...findingsAt('Episodes', index, ['REC']));
      if (withHeader) for (const headerIndex of header.get(child!) ?? []) findings.push(...findingsAt('Header', headerIndex, ['DOB']));
    });
    return findings;
  };
}

/** AD1 rows by child with their positions. */
function adoptionRows(tables: ReturnTables): Map<string, { index: number; row: TableRow }[]> {
  const byChild = new Map<string, { index: number; row: TableRow }[]>();
  rowsOf(tables, 'AD1').forEach((row, index) => {
    const child = childOf(row);
    if (child !== null) byChild.set(child, [...(byChild.get(child) ?? []), { index, row }]);
  });
  return byChild;
}

const isZero = (row: TableRow, column: string) => textOf(row, column) === '0';

export const careLeaverAndAdoptionChecks: Readonly<Record<string, Behaviour>> = {
  '331': (tables) => {
    const findings: RuleFinding[] = [];
    const adoptions = adoptionRows(tables);
    rowsOf(tables, 'Episodes').forEach((row, index) => {
      const child = childOf(row);
      const placed = dateIn(row, 'DECOM');
      if (child === null || placed === null || !ADOPTED.has(textOf(row, 'REC') ?? '')) return;
      for (const adoption of adoptions.get(child) ?? []) {
        const matched = dateIn(adoption.row, 'DATE_MATCH');
        if (matched !== null && matched > placed) {
          findings.push(...findingsAt('AD1', adoption.index, ['DATE_MATCH']), ...findingsAt('Episodes', index, ['DECOM']));
        }
      }
    });
    return findings;
  },

  // A match recorded without a valid decision date, or before that decision.
  '333': (tables) => eachRow(tables, 'AD1', ['DATE_INT'], (row) => {
    const matched = dateIn(row, 'DATE_MATCH');
    const decided = dateIn(row, 'DATE_INT');
    return matched !== null && (decided === null || decided > matched);
  }),

  '334': (tables) => {
    const findings: RuleFinding[] = [];
    const adoptions = adoptionRows(tables);
    for (const [child, episodes] of childTimelines(rowsOf(tables, 'Episodes'))) {
      const periodStarts = episodes.filter((episode) => textOf(episode.row, 'RNE') === 'S' && episode.start !== null);
      const latest = periodStarts.at(-1);
      if (latest === undefined) continue;
      for (const adoption of adoptions.get(child) ?? []) {
        const decided = dateIn(adoption.row, 'DATE_INT');
        if (decided !== null && latest.start! > decided) {
          findings.push(...findingsAt('Episodes', latest.index, ['DECOM']), ...findingsAt('AD1', adoption.index, ['DATE_INT']));
        }
      }
    }
    return findings;
  },

  '335': (tables) => {
    const findings: RuleFinding[] = [];
    const adoptions = adoptionRows(tables);
    for (const [child, episodes] of childTimelines(rowsOf(tables, 'Episodes'))) {
      const last = episodes.at(-1);
      if (last === undefined) continue;
      const place = textOf(last.row, 'PLACE') ?? '';
      for (const adoption of adoptions.get(child) ?? []) {
        const fosterCarer = textOf(adoption.row, 'FOSTER_CARE');
        if ((fosterCarer === '0' && WITH_FOSTER_CARER.has(place)) || (fosterCarer === '1' && NOT_WITH_FOSTER_CARER.has(place))) {
          findings.push(...findingsAt('Episodes', last.index, ['PLACE']), ...findingsAt('AD1', adoption.index, ['FOSTER_CARE']));
        }
      }
    }
    return findings;
  },

  // Died or returned home: activity and accommodation are coded 0 (a blank is not 0).
  '344': (tables) => eachRow(tables, 'OC3', ['ACTIV', 'ACCOM'], (row) => {
    const inTouch = textOf(row, 'IN_TOUCH');
    return (inTouch === 'DIED' || inTouch === 'RHOM') && !(isZero(row, 'ACTIV') && isZero(row, 'ACCOM'));
  }),

  '345': (tables) => eachRow(tables, 'OC3', ['ACTIV', 'ACCOM'], (row) => {
    const activity = textOf(row, 'ACTIV');
    const accommodation = textOf(row, 'ACCOM');
    return textOf(row, 'IN_TOUCH')?.toUpperCase() === 'YES'
      && (activity === null || accommodation === null || activity === '0' || accommodation === '0');
  }),

  // Accommodation T (a foyer) for a care leaver not yet 18 on the first day of the year.
  '347': (tables, context) => eachRow(tables, 'OC3', ['ACCOM'], (row) => {
    const dob = dateIn(row, 'DOB');
    return textOf(row, 'ACCOM') === 'T' && dob !== null && addYears(dob, 18) > context.collectionYear.start;
  }),

  '348': (tables) => {
    const diedLastYear = new Set<string>();
    for (const [child, row] of firstRowByChild(rowsOf(tables, 'OC3_last'))) if (textOf(row, 'IN_TOUCH') === 'DIED') diedLastYear.add(child);
    return eachRow(tables, 'OC3', ['IN_TOUCH'], (row) => {
      const child = childOf(row);
      return child !== null && diedLastYear.has(child) && textOf(row, 'IN_TOUCH') !== 'DIED';
    });
  },

  '386': ageWhenCeased(ADOPTED, (age) => age >= 18),
  '387': ageWhenCeased(new Set(['E5', 'E6']), (age) => age < 14),
  '389': ageWhenCeased(new Set(['E7']), (age) => age < 16),

  '390': (tables) => {
    const placedForAdoption = new Set<string>();
    for (const row of rowsOf(tables, 'Episodes')) {
      const child = childOf(row);
      if (child !== null && PLACED_FOR_ADOPTION.has(textOf(row, 'PLACE') ?? '')) placedForAdoption.add(child);
    }
    return eachRow(tables, 'Episodes', ['REC'], (row) => {
      const child = childOf(row);
      return child !== null && ADOPTED.has(textOf(row, 'REC') ?? '') && !placedForAdoption.has(child);
    });
  },

  // Care leavers are those who were 17 to 21 at some time in the year: not yet 17 at its end, or already 22 at its start, is out.
  '391': (tables, context) => eachRow(tables, 'OC3', ['DOB', 'IN_TOUCH', 'ACTIV', 'ACCOM'], (row) => {
    const dob = dateIn(row, 'DOB');
    if (dob === null) return false;
    const outsideAges = addYears(dob, 17) > context.collectionYear.end || addYears(dob, 22) <= context.collectionYear.start;
    return outsideAges && (textOf(row, 'IN_TOUCH') !== null || textOf(row, 'ACTIV') !== null || textOf(row, 'ACCOM') !== null);
  }),

  '407': ageWhenCeased(new Set(['E45', 'E46', 'E47', 'E48']), (age) => age >= 18, true),
  '460': ageWhenCeased(new Set(['E17']), (age) => age < 18),
};
