/**
 * Rules on the child's header: sex, date of birth, ethnicity, UPN, UASC status and motherhood, and
 * on how they agree with last year's header where it is given.
 */
import {
  addYears, cell, code, codeIn, dateOf, findingsAt, firstRowByChild, flagRows, has, positionsByChild, present, presentButNotADate, rows,
  type ReturnTables, type RuleFinding, type TableRow,
} from './kit.ts';
import type { Checks } from './kit.ts';

const ETHNICITIES = ['WBRI', 'WIRI', 'WOTH', 'WIRT', 'WROM', 'MWBC', 'MWBA', 'MWAS', 'MOTH', 'AIND', 'APKN', 'ABAN', 'AOTH', 'BCRB', 'BAFR', 'BOTH', 'CHNE', 'OOTH', 'REFU', 'NOBT'];
/** A UPN: a check letter (not I, O or S), eleven digits, and a digit or a letter; or UN1–UN5 when it is not known. */
const UPN = /^(?:[A-HJ-NP-RT-Z](?:\d{12}|\d{11}[A-Z])|UN[1-5])$/;

/** Sex was coded 1 (male) and 2 (female) until 2023-24, and M, F and U (unknown) from 2024-25; a rule about either accepts both. */
export const isMale = (row: TableRow) => codeIn(row, 'SEX', ['1', 'M']);
export const isFemale = (row: TableRow) => codeIn(row, 'SEX', ['2', 'F']);
const isMother = (row: TableRow) => code(row, 'MOTHER') === '1';
/** Sex in the coding of 2024-25 on, so this year's header compares with last year's across the change. */
const sexOf = (row: TableRow) => {
  const sex = code(row, 'SEX');
  return sex === '1' ? 'M' : sex === '2' ? 'F' : sex;
};

/** Flags each row of this year's header whose child is in last year's header and `differs` from it. */
function againstLastYear(tables: ReturnTables, column: string, differs: (now: TableRow, last: TableRow) => boolean): RuleFinding[] {
  if (!has(tables, 'Header', 'Header_last')) return [];
  const last = firstRowByChild(tables, 'Header_last');
  return flagRows(tables, 'Header', [column], (row) => {
    const child = cell(row, 'CHILD');
    const previous = child === null ? undefined : last.get(child);
    return previous !== undefined && differs(row, previous);
  });
}

/**
 * Whether each child is UASC this year or last: the header's UASC column where the header is
 * given (an XML return carries it; a CSV return's header has it when read with the UASC file),
 * otherwise a UASC file row with anything beyond the child and date of birth says so.
 */
function uascStatus(tables: ReturnTables, header: string, uasc: string): Map<string, string | null> | null {
  const status = new Map<string, string | null>();
  if (tables[header] !== undefined) {
    if (!tables[header].columns.includes('UASC')) return null;
    for (const row of rows(tables, header)) {
      const child = cell(row, 'CHILD');
      if (child !== null && !status.has(child)) status.set(child, code(row, 'UASC'));
    }
    return status;
  }
  if (tables[uasc] === undefined) return null;
  for (const row of rows(tables, uasc)) {
    const child = cell(row, 'CHILD');
    if (child === null || status.has(child)) continue;
    const filled = tables[uasc].columns.some((column) => column !== 'CHILD' && column !== 'DOB' && present(row, column));
    status.set(child, filled ? '1' : '0');
  }
  return status;
}

interface UascYears {
  now: Map<string, string | null>;
  last: Map<string, string | null>;
  lastRows: ReadonlyMap<string, TableRow>;
  headerRows: ReadonlyMap<string, readonly number[]>;
}

/** The UASC status of both years for rules 205A–C, which need both UASC files (and, for an XML return, both headers). */
function uascYears(tables: ReturnTables, fileFormat: string | undefined): UascYears | null {
  if (!has(tables, 'UASC', 'UASC_last')) return null;
  if (fileFormat === 'xml' && !has(tables, 'Header', 'Header_last')) return null;
  const now = uascStatus(tables, 'Header', 'UASC');
  const last = uascStatus(tables, 'Header_last', 'UASC_last');
  if (now === null || last === null) return null;
  return { now, last, lastRows: firstRowByChild(tables, 'UASC_last'), headerRows: positionsByChild(tables, 'Header') };
}

/** Flags this year's UASC rows (and the child's header rows, when the header is given) for which `breaks` holds. */
function flagUasc(tables: ReturnTables, years: UascYears, column: string, breaks: (row: TableRow, child: string) => boolean): RuleFinding[] {
  const findings: RuleFinding[] = [];
  rows(tables, 'UASC').forEach((row, index) => {
    const child = cell(row, 'CHILD');
    if (child === null || !breaks(row, child)) return;
    findings.push({ table: 'UASC', row: index, column });
    for (const position of years.headerRows.get(child) ?? []) findings.push({ table: 'Header', row: position, column: 'UASC' });
  });
  return findings;
}

export const headerChecks: Record<string, Checks> = {
  '101': [
    { from: '2022-23', check: (tables) => flagRows(tables, 'Header', ['SEX'], (row) => !codeIn(row, 'SEX', ['1', '2'])) },
    { from: '2024-25', check: (tables) => flagRows(tables, 'Header', ['SEX'], (row) => !codeIn(row, 'SEX', ['M', 'F', 'U'])) },
  ],
  '102': (tables) => flagRows(tables, 'Header', ['DOB'], (row) => dateOf(row, 'DOB') === null),
  '103': (tables) => flagRows(tables, 'Header', ['ETHNIC'], (row) => !codeIn(row, 'ETHNIC', ETHNICITIES)),
  // A UASC status that ceased before this collection year has no place in this year's UASC file.
  '104': (tables, context) => flagRows(tables, 'UASC', ['DUC'], (row) => present(row, 'DUC') && (dateOf(row, 'DUC') ?? '') < context.collectionYear.start),
  // The header's UASC flag is a column of the XML return; a CSV return has none to check.
  '105': (tables, context) => context.fileFormat !== 'xml' ? [] : flagRows(tables, 'Header', ['UASC'], (row) => !codeIn(row, 'UASC', ['0', '1'])),
  '168': (tables) => flagRows(tables, 'Header', ['UPN'], (row) => present(row, 'UPN') && !UPN.test(cell(row, 'UPN')!)),
  '171': (tables) => flagRows(tables, 'Header', ['MC_DOB'], (row) => presentButNotADate(row, 'MC_DOB')),
  '174': (tables) => flagRows(tables, 'Header', ['SEX', 'MC_DOB'], (row) => isMale(row) && present(row, 'MC_DOB')),
  '202': (tables) => againstLastYear(tables, 'SEX', (now, last) => sexOf(now) !== sexOf(last)),
  '203': (tables) => againstLastYear(tables, 'DOB', (now, last) => (dateOf(now, 'DOB') ?? cell(now, 'DOB')) !== (dateOf(last, 'DOB') ?? cell(last, 'DOB'))),
  '204': (tables) => againstLastYear(tables, 'ETHNIC', (now, last) => cell(now, 'ETHNIC')?.toUpperCase() !== cell(last, 'ETHNIC')?.toUpperCase()),
  '205A': (tables, context) => {
    const years = uascYears(tables, context.fileFormat);
    if (years === null) return [];
    const lastStart = addYears(context.collectionYear.start, -1);
    const lastEnd = addYears(context.collectionYear.end, -1);
    return flagUasc(tables, years, 'UASC', (row, child) => {
      if (years.now.get(child) === '1' || years.last.get(child) !== '1' || !years.lastRows.has(child)) return false;
      const ceasedLastYear = dateOf(years.lastRows.get(child)!, 'DUC');
      const ceasedInLastYear = ceasedLastYear !== null && ceasedLastYear >= lastStart && ceasedLastYear <= lastEnd;
      return present(row, 'DUC') || !ceasedInLastYear;
    });
  },
  '205B': (tables, context) => {
    const years = uascYears(tables, context.fileFormat);
    if (years === null) return [];
    const { start, end } = context.collectionYear;
    return flagUasc(tables, years, 'DUC', (row, child) => {
      if (years.now.get(child) !== '1' || years.last.get(child) !== '1' || !years.lastRows.has(child)) return false;
      const last = years.lastRows.get(child)!;
      const ceased = dateOf(row, 'DUC');
      const ceasedLast = dateOf(last, 'DUC');
      const birth = dateOf(last, 'DOB');
      // A child stays UASC until 18: last year's ceasing date must be the 18th birthday, and this year's the same or within the year.
      const lastIsEighteenth = ceasedLast !== null && birth !== null && ceasedLast === addYears(birth, 18);
      const ceasedInYear = ceased !== null && ceased >= start && ceased <= end;
      const sameAsLast = ceased !== null && ceased === ceasedLast;
      return (!ceasedInYear && !sameAsLast) || !lastIsEighteenth;
    });
  },
  '205C': (tables, context) => {
    const years = uascYears(tables, context.fileFormat);
    if (years === null) return [];
    const notUasc = (status: string | null | undefined) => status === undefined || status === null || status === '0';
    return flagUasc(tables, years, 'DUC', (row, child) => {
      const last = years.lastRows.get(child);
      const lastStatus = last === undefined ? undefined : years.last.get(child);
      if (!notUasc(years.now.get(child)) || !notUasc(lastStatus)) return false;
      return dateOf(row, 'DUC') !== null || (last !== undefined && dateOf(last, 'DUC') !== null);
    });
  },
  '205D': (tables) => {
    const headerGiven = tables.Header !== undefined;
    const now = uascStatus(tables, 'Header', 'UASC');
    const last = uascStatus(tables, 'Header_last', 'UASC_last');
    if (now === null || last === null) return [];
    const table = headerGiven ? 'Header' : 'UASC';
    return flagRows(tables, table, [headerGiven ? 'UASC' : 'CHILD'], (row) => {
      const child = cell(row, 'CHILD');
      if (child === null || !last.has(child)) return false;
      const status = headerGiven ? code(row, 'UASC') : now.get(child);
      return status === '1' && last.get(child) !== '1';
    });
  },
  '207': (tables) => {
    if (!has(tables, 'Episodes')) return [];
    const looked = positionsByChild(tables, 'Episodes');
    return againstLastYear(tables, 'MOTHER', (now, last) => {
      const child = cell(now, 'CHILD')!;
      return looked.has(child) && code(last, 'MOTHER') === '1' && code(now, 'MOTHER') !== '1';
    });
  },
  '208': (tables) => againstLastYear(tables, 'UPN', (now, last) => {
    const upn = cell(now, 'UPN')?.toUpperCase() ?? null;
    const upnLast = cell(last, 'UPN')?.toUpperCase() ?? null;
    if (upn === upnLast) return false;
    const unknown = (value: string | null) => value === null || /^UN[1-5]$/.test(value);
    // Moving from no UPN or UN1 to another unknown code, or from unknown to a real UPN, is progress, not a contradiction.
    if ((upnLast === null || upnLast === 'UN1') && upn !== null && /^UN[2-5]$/.test(upn)) return false;
    if (unknown(upnLast) && !unknown(upn)) return false;
    return true;
  }),
  '209': (tables, context) => {
    // School age: four by 31 August before the collection year began.
    const reference = `${Number(context.collectionYear.start.slice(0, 4)) - 1}-08-31`;
    return flagRows(tables, 'Header', ['UPN'], (row) => {
      const birth = dateOf(row, 'DOB');
      return cell(row, 'UPN') === 'UN1' && birth !== null && addYears(birth, 4) <= reference;
    });
  },
  '210': (tables, context) => {
    if (!has(tables, 'Header', 'Episodes')) return [];
    // UN4 is for children looked after for under a week at 31 March: none may start on or after 24 March.
    const reference = `${context.collectionYear.end.slice(0, 4)}-03-24`;
    const headers = positionsByChild(tables, 'Header');
    const header = rows(tables, 'Header');
    const episodes: number[] = [];
    const headerRows: number[] = [];
    rows(tables, 'Episodes').forEach((episode, index) => {
      const started = dateOf(episode, 'DECOM');
      const child = cell(episode, 'CHILD');
      if (child === null || started === null || started < reference) return;
      for (const position of headers.get(child) ?? []) {
        if (cell(header[position]!, 'UPN') !== 'UN4') continue;
        episodes.push(index);
        headerRows.push(position);
      }
    });
    return [...findingsAt('Episodes', episodes, 'DECOM'), ...findingsAt('Header', headerRows, 'UPN')];
  },
  '231': (tables, context) => {
    const elevenYearsBefore = addYears(context.collectionYear.end, -11);
    return flagRows(tables, 'Header', ['DOB'], (row) => {
      const birth = dateOf(row, 'DOB');
      return code(row, 'UASC_STATUS') === '1' && birth !== null && birth > elevenYearsBefore;
    });
  },
  '232': (tables) => flagRows(tables, 'Header', ['SEX'], (row) => cell(row, 'SEX')?.toUpperCase() === 'U'),
  // A girl leaving care in the year is asked whether she is a mother.
  '607': (tables, context) => {
    if (!has(tables, 'Header', 'Episodes')) return [];
    const { start, end } = context.collectionYear;
    const headers = positionsByChild(tables, 'Header');
    const header = rows(tables, 'Header');
    const episodes: number[] = [];
    const headerRows: number[] = [];
    rows(tables, 'Episodes').forEach((episode, index) => {
      const ceased = dateOf(episode, 'DEC');
      const leftCare = ceased !== null && ceased >= start && ceased <= end && present(episode, 'REC') && code(episode, 'REC') !== 'X1';
      if (!leftCare || codeIn(episode, 'LS', ['V3', 'V4'])) return;
      for (const position of headers.get(cell(episode, 'CHILD') ?? '') ?? []) {
        const row = header[position]!;
        if (!isFemale(row) || present(row, 'MOTHER')) continue;
        episodes.push(index);
        headerRows.push(position);
      }
    });
    return [...findingsAt('Episodes', episodes, 'DEC'), ...findingsAt('Header', headerRows, 'MOTHER')];
  },
  '611': (tables) => flagRows(tables, 'Header', ['MC_DOB'], (row) => isMother(row) && !present(row, 'MC_DOB')),
  '612': (tables) => flagRows(tables, 'Header', ['MOTHER'], (row) => isFemale(row) && (code(row, 'MOTHER') === null || code(row, 'MOTHER') === '0') && present(row, 'MC_DOB')),
  '620': (tables, context) => {
    const elevenYearsBefore = addYears(context.collectionYear.start, -11);
    return flagRows(tables, 'Header', ['DOB'], (row) => {
      const birth = dateOf(row, 'DOB');
      return isMother(row) && birth !== null && birth > elevenYearsBefore;
    });
  },
  '621': (tables) => flagRows(tables, 'Header', ['MC_DOB'], (row) => {
    const birth = dateOf(row, 'DOB');
    const childBirth = dateOf(row, 'MC_DOB');
    return birth !== null && childBirth !== null && childBirth <= birth;
  }),
  '624': (tables) => againstLastYear(tables, 'MC_DOB', (now, last) => present(last, 'MC_DOB') && cell(now, 'MC_DOB') !== cell(last, 'MC_DOB')),
  '625': (tables, context) => {
    if (!has(tables, 'Header', 'Episodes')) return [];
    const episodes = rows(tables, 'Episodes');
    const latest = new Map<string, { index: number; ceased: string }>();
    episodes.forEach((episode, index) => {
      const child = cell(episode, 'CHILD');
      const ceased = dateOf(episode, 'DEC');
      if (child === null || ceased === null) return;
      const current = latest.get(child);
      if (current === undefined || ceased > current.ceased) latest.set(child, { index, ceased });
    });
    const headerRows: number[] = [];
    const episodeRows: number[] = [];
    rows(tables, 'Header').forEach((row, index) => {
      const child = cell(row, 'CHILD');
      const childBirth = dateOf(row, 'MC_DOB');
      const last = child === null ? undefined : latest.get(child);
      if (childBirth === null || last === undefined) return;
      if (childBirth > context.collectionYear.end || childBirth > last.ceased) {
        headerRows.push(index);
        episodeRows.push(last.index);
      }
    });
    return [...findingsAt('Header', headerRows, 'MC_DOB'), ...findingsAt('Episodes', episodeRows, 'DEC')];
  },
  '626': (tables, context) => againstLastYear(tables, 'MC_DOB', (now, last) => {
    const childBirth = dateOf(now, 'MC_DOB');
    return childBirth !== null && isMother(now) && code(last, 'MOTHER') === '0' && childBirth < context.collectionYear.start;
  }),
  '628': (tables) => {
    if (!has(tables, 'Header', 'Episodes', 'OC3')) return [];
    const looked = positionsByChild(tables, 'Episodes');
    const careLeavers = new Set<string>();
    for (const row of rows(tables, 'OC3')) {
      const child = cell(row, 'CHILD');
      if (child !== null && ['IN_TOUCH', 'ACTIV', 'ACCOM'].some((column) => present(row, column))) careLeavers.add(child);
    }
    return flagRows(tables, 'Header', ['MOTHER'], (row) => {
      const child = cell(row, 'CHILD');
      return child !== null && !looked.has(child) && careLeavers.has(child) && present(row, 'MOTHER');
    });
  },
};
