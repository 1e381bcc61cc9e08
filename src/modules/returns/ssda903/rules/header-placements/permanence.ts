/** Rules on the child's previous permanence option (PrevPerm): adoption, special guardianship or a child arrangements order before care. */
import { cell, code, dateOf, findingsAt, firstRowByChild, flagRows, given, has, optionalCode, positionsByChild, present, rows, type TableRow } from './kit.ts';
import type { Checks } from './kit.ts';
import { isoDateOfUkCell } from '../../../return-dates.ts';

/** English LA codes, and the codes for the rest of the UK, where a previous permanence order may have been made. */
const LA_CODES = new Set([
  ...('800,889,822,301,304,303,330,825,837,302,846,370,350,890,867,380,305,801,351,873,823,895,896,381,909,202,908,331,306,841,830,831,878,'
    + '371,835,332,840,307,308,811,881,845,390,916,203,876,850,311,204,884,312,205,313,805,919,310,309,420,921,206,207,886,810,382,314,340,'
    + '888,208,856,383,855,209,925,341,201,821,352,806,887,826,315,929,812,391,926,892,813,802,928,891,392,316,815,353,931,879,836,851,874,'
    + '807,354,317,870,318,372,857,333,935,343,803,373,342,893,356,355,871,394,334,933,882,936,861,852,319,860,808,393,866,210,357,894,883,'
    + '880,358,211,937,869,320,359,865,384,335,336,212,868,872,885,344,877,213,938,816,999').split(','),
  'WAL', 'SCO', 'NUK', 'NIR',
]);
/** Before this date DfE did not collect previous permanence: only children starting care since may have it. */
const PREVIOUS_PERMANENCE_COLLECTED_FROM = '2016-04-01';

/**
 * The date of a previous permanence order, which may have its day, or day and month, unknown and
 * written ZZ (ZZ/ZZ/2010): an unknown part is read as the first, so the date can still be compared.
 */
function permanenceDate(row: TableRow): string | null {
  const value = cell(row, 'DATE_PERM');
  return value === null ? null : isoDateOfUkCell(value.replace(/ZZ/g, '01'));
}

export const permanenceChecks: Record<string, Checks> = {
  // A child starting a period of care in the year needs the previous permanence option (Z1 if none is known) and, for an order, where and when.
  '630': (tables, context) => {
    if (!has(tables, 'Episodes', 'PrevPerm')) return [];
    const permanence = firstRowByChild(tables, 'PrevPerm');
    return flagRows(tables, 'Episodes', ['RNE'], (episode) => {
      const started = dateOf(episode, 'DECOM');
      if (code(episode, 'RNE') !== 'S' || started === null || started < context.collectionYear.start) return false;
      const previous = permanence.get(cell(episode, 'CHILD') ?? '');
      if (previous === undefined || !present(previous, 'PREV_PERM')) return true;
      return code(previous, 'PREV_PERM') !== 'Z1' && (!present(previous, 'LA_PERM') || !present(previous, 'DATE_PERM'));
    });
  },
  '631': optionalCode('PrevPerm', 'PREV_PERM', ['P1', 'P2', 'P3', 'Z1']),
  '632': (tables) => {
    if (!has(tables, 'Episodes', 'PrevPerm')) return [];
    const episodes = rows(tables, 'Episodes');
    const byChild = positionsByChild(tables, 'Episodes');
    const permanenceRows: number[] = [];
    const episodeRows: number[] = [];
    rows(tables, 'PrevPerm').forEach((row, index) => {
      if (!present(row, 'DATE_PERM')) return;
      const positions = byChild.get(cell(row, 'CHILD') ?? '') ?? [];
      const date = permanenceDate(row);
      // The order must be a date, and made before the child's episodes of care began.
      const wrong = date === null ? positions : positions.filter((position) => {
        const started = dateOf(episodes[position]!, 'DECOM');
        return started !== null && date >= started;
      });
      if (date === null || wrong.length > 0) permanenceRows.push(index);
      episodeRows.push(...wrong);
    });
    return [...findingsAt('PrevPerm', permanenceRows, 'DATE_PERM'), ...findingsAt('Episodes', episodeRows, 'DECOM')];
  },
  '633': (tables) => flagRows(tables, 'PrevPerm', ['LA_PERM'], (row) => given(row, 'LA_PERM') && !LA_CODES.has(code(row, 'LA_PERM') ?? '')),
  '634': (tables) => {
    if (!has(tables, 'Episodes', 'PrevPerm')) return [];
    const episodes = rows(tables, 'Episodes');
    const byChild = positionsByChild(tables, 'Episodes');
    const permanenceRows: number[] = [];
    const episodeRows: number[] = [];
    rows(tables, 'PrevPerm').forEach((row, index) => {
      if (!['PREV_PERM', 'LA_PERM', 'DATE_PERM'].some((column) => present(row, column))) return;
      const positions = byChild.get(cell(row, 'CHILD') ?? '') ?? [];
      const starts = positions.map((position) => dateOf(episodes[position]!, 'DECOM')).filter((date): date is string => date !== null);
      if (starts.length === 0) return;
      const latest = starts.reduce((a, b) => (a > b ? a : b));
      if (latest >= PREVIOUS_PERMANENCE_COLLECTED_FROM) return;
      permanenceRows.push(index);
      episodeRows.push(...positions);
    });
    return [...findingsAt('PrevPerm', permanenceRows, 'PREV_PERM'), ...findingsAt('Episodes', episodeRows, 'DECOM')];
  },
  // Where and when an order was made are for an order that is known: not with no option, nor with Z1 (not known).
  '635': (tables) => flagRows(tables, 'PrevPerm', ['PREV_PERM'], (row) =>
    (present(row, 'LA_PERM') || present(row, 'DATE_PERM')) && (!present(row, 'PREV_PERM') || code(row, 'PREV_PERM') === 'Z1')),
};
