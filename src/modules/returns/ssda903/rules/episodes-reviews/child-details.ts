/** Rules on the child's own details in the Header and UASC tables, and on reviews. */
import { rowsOf, type ReturnTables } from '../../../return-tables.ts';
import type { RuleFinding } from '../../../validation-rule.ts';
import type { Behaviour, Check } from './behaviour.ts';
import {
  addYears, ageOn, childOf, childTimelines, dateIn, datesOfBirth, eachRow, findingsAt,
  RESPITE_STATUSES, rowsByChild, textOf,
} from './kit.ts';

/** Children with at least one episode not under a short-term break legal status: looked after in the full sense. */
function childrenLookedAfterBeyondRespite(tables: ReturnTables): Set<string> {
  const children = new Set<string>();
  for (const row of rowsOf(tables, 'Episodes')) {
    const child = childOf(row);
    const status = textOf(row, 'LS')?.toUpperCase() ?? null;
    if (child !== null && (status === null || !RESPITE_STATUSES.has(status))) children.add(child);
  }
  return children;
}

/** Whether a participation code says the child was aged 4 or over at the review (PN1 to PN7). */
const SAYS_FOUR_OR_OVER = new Set(['PN1', 'PN2', 'PN3', 'PN4', 'PN5', 'PN6', 'PN7']);

/** The codes DfE gives for a UPN not known (UN1 to UN5, and UN6 to UN10 since 2024), which may repeat. */
const UNKNOWN_UPN = /^UN\d+$/;

function motherMissing(femaleCodes: readonly string[]): Check {
  return (tables) => {
    const lookedAfter = childrenLookedAfterBeyondRespite(tables);
    return eachRow(tables, 'Header', ['MOTHER'], (row) => {
      const child = childOf(row);
      const sex = textOf(row, 'SEX')?.toUpperCase() ?? null;
      return child !== null && sex !== null && femaleCodes.includes(sex) && textOf(row, 'MOTHER') === null && lookedAfter.has(child);
    });
  };
}

export const childDetailChecks: Readonly<Record<string, Behaviour>> = {
  '301': (tables, context) => eachRow(tables, 'Header', ['DOB'], (row) => {
    const dob = dateIn(row, 'DOB');
    return dob !== null && dob > context.collectionYear.end;
  }),

  // The first episode the return holds for a child starts before the child's birth.
  '302': (tables) => {
    const findings: RuleFinding[] = [];
    const header = rowsOf(tables, 'Header');
    const headerRows = rowsByChild(header);
    for (const [child, episodes] of childTimelines(rowsOf(tables, 'Episodes'))) {
      const first = episodes[0];
      const rows = headerRows.get(child) ?? [];
      if (first?.start == null) continue;
      for (const index of rows) {
        const dob = dateIn(header[index]!, 'DOB');
        if (dob !== null && first.start < dob) {
          findings.push(...findingsAt('Episodes', first.index, ['DECOM']), ...findingsAt('Header', index, ['DOB']));
        }
      }
    }
    return findings;
  },

  '303': (tables) => {
    const findings: RuleFinding[] = [];
    const uasc = rowsOf(tables, 'UASC');
    const ceased = new Map<string, number[]>();
    uasc.forEach((row, index) => {
      const child = childOf(row);
      if (child !== null && textOf(row, 'DUC') !== null) ceased.set(child, [...(ceased.get(child) ?? []), index]);
    });
    rowsOf(tables, 'Header').forEach((row, index) => {
      const child = childOf(row);
      const rows = child === null ? undefined : ceased.get(child);
      if (rows === undefined || textOf(row, 'UASC') === '1') return;
      findings.push(...findingsAt('Header', index, ['UASC']));
      for (const uascIndex of rows) findings.push(...findingsAt('UASC', uascIndex, ['DUC']));
    });
    return findings;
  },

  '304': (tables) => eachRow(tables, 'UASC', ['DUC'], (row) => {
    const dob = dateIn(row, 'DOB');
    const ceased = dateIn(row, 'DUC');
    return dob !== null && ceased !== null && ceased > addYears(dob, 18);
  }),

  // Twenty-five or more before the year began (DfE counts the 25th birthday as "over 25").
  '351': (tables, context) => eachRow(tables, 'Header', ['DOB'], (row) => {
    const dob = dateIn(row, 'DOB');
    return dob !== null && addYears(dob, 25) < context.collectionYear.start;
  }),

  '352': (tables) => {
    const dobs = datesOfBirth(tables);
    return eachRow(tables, 'Episodes', ['DECOM', 'RNE'], (row) => {
      const child = childOf(row);
      const dob = child === null ? undefined : dobs.get(child);
      const start = dateIn(row, 'DECOM');
      return textOf(row, 'RNE') === 'S' && dob !== undefined && start !== null && ageOn(dob, start) >= 18;
    });
  },

  // Female was coded 2 until 2023-24; from 2024-25 the return codes sex as M and F (a record carried
  // over from an earlier year may still say 2, and is female all the same).
  '393': [['2022-23', motherMissing(['2'])], ['2024-25', motherMissing(['F', '2'])]],

  '399': (tables) => {
    const statuses = new Map<string, boolean>();
    for (const row of rowsOf(tables, 'Episodes')) {
      const child = childOf(row);
      if (child === null) continue;
      const respite = RESPITE_STATUSES.has(textOf(row, 'LS') ?? '');
      statuses.set(child, (statuses.get(child) ?? true) && respite);
    }
    const respiteOnly = new Set([...statuses].filter(([, only]) => only).map(([child]) => child));
    const findings: RuleFinding[] = [];
    const completed = new Set<string>();
    rowsOf(tables, 'Header').forEach((row, index) => {
      const child = childOf(row);
      if (child !== null && respiteOnly.has(child) && textOf(row, 'MOTHER') !== null) {
        completed.add(child);
        findings.push(...findingsAt('Header', index, ['MOTHER']));
      }
    });
    rowsOf(tables, 'Reviews').forEach((row, index) => {
      const child = childOf(row);
      if (child !== null && respiteOnly.has(child) && (textOf(row, 'REVIEW') !== null || textOf(row, 'REVIEW_CODE') !== null)) {
        completed.add(child);
        findings.push(...findingsAt('Reviews', index, ['REVIEW', 'REVIEW_CODE']));
      }
    });
    rowsOf(tables, 'Episodes').forEach((row, index) => {
      const child = childOf(row);
      if (child !== null && completed.has(child)) findings.push(...findingsAt('Episodes', index, ['LS']));
    });
    return findings;
  },

  '440': (tables) => eachRow(tables, 'Reviews', ['REVIEW_CODE'], (row) => {
    const dob = dateIn(row, 'DOB');
    const review = dateIn(row, 'REVIEW');
    return textOf(row, 'REVIEW_CODE') === 'PN0' && dob !== null && review !== null && ageOn(dob, review) >= 4;
  }),

  '441': (tables) => eachRow(tables, 'Reviews', ['REVIEW_CODE'], (row) => {
    const dob = dateIn(row, 'DOB');
    const review = dateIn(row, 'REVIEW');
    return SAYS_FOUR_OR_OVER.has(textOf(row, 'REVIEW_CODE') ?? '') && dob !== null && review !== null && ageOn(dob, review) < 4;
  }),

  '442': (tables) => {
    const lookedAfter = childrenLookedAfterBeyondRespite(tables);
    return eachRow(tables, 'Header', ['UPN'], (row) => {
      const child = childOf(row);
      return child !== null && lookedAfter.has(child) && textOf(row, 'UPN') === null;
    });
  },

  '444': (tables) => {
    const header = rowsOf(tables, 'Header');
    const counts = new Map<string, number>();
    for (const row of header) {
      const upn = textOf(row, 'UPN')?.toUpperCase() ?? null;
      if (upn !== null && !UNKNOWN_UPN.test(upn)) counts.set(upn, (counts.get(upn) ?? 0) + 1);
    }
    return eachRow(tables, 'Header', ['UPN'], (row) => {
      const upn = textOf(row, 'UPN')?.toUpperCase() ?? null;
      return upn !== null && (counts.get(upn) ?? 0) > 1;
    });
  },
};

