/**
 * Adoption: who adopts (AD1: 511–524), the decision that a child should be placed for adoption
 * and its reversal (PlacedAdoption: 522–525, 551–563, 579, 583, 584, 1003), read against the
 * episodes and against last year's return.
 */
import type { ReturnTables, TableRow } from '../../../return-tables.ts';
import type { RuleFinding, ValidationRule } from '../../../validation-rule.ts';
import { byChild, byText, codeIn, dateIn, eachRow, earliestBy, findings, indexedRows, isBlank, ruleOf, type Indexed } from './kit.ts';

const PLACED_FOR_ADOPTION = new Set(['A3', 'A4', 'A5', 'A6']);
const ADOPTED = new Set(['E11', 'E12']);
const COUPLES = new Set(['MM', 'FF', 'MF']);
const SAME_SEX_COUPLES = new Set(['MM', 'FF']);
const SINGLE_ADOPTERS = new Set(['M1', 'F1']);

const adopters = ['LS_ADOPTR', 'SEX_ADOPTR'] as const;

/** Adopters of a legal status whose genders (SEX_ADOPTR) must be among `allowed`. */
function adoptersOfStatusMustBe(status: string, allowed: ReadonlySet<string>) {
  return eachRow('AD1', adopters, (row) => codeIn(row, 'LS_ADOPTR') === status && !allowed.has(codeIn(row, 'SEX_ADOPTR') ?? ''));
}

const twoAdoptersNotACouple = eachRow('AD1', ['NB_ADOPTR', 'SEX_ADOPTR'], (row) => {
  const sexes = codeIn(row, 'SEX_ADOPTR');
  return codeIn(row, 'NB_ADOPTR') === '2' && sexes !== null && !COUPLES.has(sexes);
});

const marriedDifferentSexCoupleRecordedSameSex = eachRow('AD1', adopters, (row) =>
  codeIn(row, 'LS_ADOPTR') === 'L11' && SAME_SEX_COUPLES.has(codeIn(row, 'SEX_ADOPTR') ?? ''));

const placedForAdoptionBeforeBestInterestDecision = (tables: ReturnTables): RuleFinding[] => {
  const episodes = byChild(tables, 'Episodes');
  const episodeRows: number[] = [];
  const adoptionRows: number[] = [];
  for (const { row, index } of indexedRows(tables, 'AD1')) {
    const decided = dateIn(row, 'DATE_INT');
    const child = codeIn(row, 'CHILD');
    if (decided === null || child === null) continue;
    const early = (episodes.get(child) ?? []).filter((episode) => {
      const start = dateIn(episode.row, 'DECOM');
      return PLACED_FOR_ADOPTION.has(codeIn(episode.row, 'PLACE') ?? '') && start !== null && start < decided;
    });
    if (early.length === 0) continue;
    adoptionRows.push(index);
    episodeRows.push(...early.map((episode) => episode.index));
  }
  return [...findings('Episodes', episodeRows, ['PLACE', 'DECOM']), ...findings('AD1', adoptionRows, ['DATE_INT'])];
};

const decisionReversedBeforeItWasMade = eachRow('PlacedAdoption', ['DATE_PLACED', 'DATE_PLACED_CEASED'], (row) => {
  const placed = dateIn(row, 'DATE_PLACED');
  const ceased = dateIn(row, 'DATE_PLACED_CEASED');
  return placed !== null && ceased !== null && placed > ceased;
});

/** The decision to place for adoption is the best-interest decision's date (one of the child's decisions must match it). */
const decisionDateDiffersFromBestInterest = (tables: ReturnTables): RuleFinding[] => {
  const decisions = byChild(tables, 'PlacedAdoption');
  const adoptionRows: number[] = [];
  const decisionRows: number[] = [];
  for (const { row, index } of indexedRows(tables, 'AD1')) {
    const decided = dateIn(row, 'DATE_INT');
    const child = codeIn(row, 'CHILD');
    if (decided === null || child === null) continue;
    const dated = (decisions.get(child) ?? []).filter((decision) => dateIn(decision.row, 'DATE_PLACED') !== null);
    if (dated.length === 0 || dated.some((decision) => dateIn(decision.row, 'DATE_PLACED') === decided)) continue;
    adoptionRows.push(index);
    decisionRows.push(...dated.map((decision) => decision.index));
  }
  return [...findings('PlacedAdoption', decisionRows, ['DATE_PLACED']), ...findings('AD1', adoptionRows, ['DATE_INT'])];
};

const ADOPTION_DETAILS = ['DATE_INT', 'DATE_MATCH', 'FOSTER_CARE', 'NB_ADOPTR', 'SEX_ADOPTR', 'LS_ADOPTR'] as const;

const adoptedAfterDecisionReversed = (tables: ReturnTables): RuleFinding[] => {
  const adoptions = byChild(tables, 'AD1');
  const decisionRows: number[] = [];
  const adoptionRows: number[] = [];
  for (const [child, decisions] of byChild(tables, 'PlacedAdoption')) {
    const reversed = decisions.filter(({ row }) => !isBlank(row, 'DATE_PLACED_CEASED'));
    if (reversed.length === 0) continue;
    const adopted = (adoptions.get(child) ?? []).filter(({ row }) => ADOPTION_DETAILS.some((column) => !isBlank(row, column)));
    if (adopted.length === 0) continue;
    decisionRows.push(...reversed.map(({ index }) => index));
    adoptionRows.push(...adopted.map(({ index }) => index));
  }
  return [...findings('PlacedAdoption', decisionRows, ['DATE_PLACED_CEASED']), ...findings('AD1', adoptionRows, ['DATE_INT'])];
};

const placedForAdoptionWithoutDecision = (tables: ReturnTables): RuleFinding[] => {
  const decisions = byChild(tables, 'PlacedAdoption');
  const rows = indexedRows(tables, 'Episodes').filter(({ row }) => {
    const child = codeIn(row, 'CHILD');
    if (child === null || !PLACED_FOR_ADOPTION.has(codeIn(row, 'PLACE') ?? '')) return false;
    return !(decisions.get(child) ?? []).some((decision) => !isBlank(decision.row, 'DATE_PLACED'));
  });
  return findings('Episodes', rows.map(({ index }) => index), ['PLACE']);
};

/** A placement for adoption needs a decision to place made on or before it started. */
const decisionAfterPlacedForAdoption = (tables: ReturnTables): RuleFinding[] => {
  const decisions = byChild(tables, 'PlacedAdoption');
  const episodeRows: number[] = [];
  const decisionRows: number[] = [];
  for (const { row, index } of indexedRows(tables, 'Episodes')) {
    const child = codeIn(row, 'CHILD');
    const start = dateIn(row, 'DECOM');
    if (child === null || start === null || !PLACED_FOR_ADOPTION.has(codeIn(row, 'PLACE') ?? '')) continue;
    const dated = (decisions.get(child) ?? []).filter((decision) => dateIn(decision.row, 'DATE_PLACED') !== null);
    if (dated.length === 0 || dated.some((decision) => dateIn(decision.row, 'DATE_PLACED')! <= start)) continue;
    episodeRows.push(index);
    decisionRows.push(earliestBy(dated, 'DATE_PLACED')!.index);
  }
  return [...findings('PlacedAdoption', decisionRows, ['DATE_PLACED']), ...findings('Episodes', episodeRows, ['DECOM'])];
};

/**
 * An order for adoption (legal status `status`) needs a decision to place: a child under one with
 * no decision at all, or whose decision is shown as reversed while the order's episode is open.
 */
function orderWithoutOpenDecision(status: string) {
  return (tables: ReturnTables): RuleFinding[] => {
    const decisions = byChild(tables, 'PlacedAdoption');
    const episodeRows: number[] = [];
    const decisionRows: number[] = [];
    for (const { row, index } of indexedRows(tables, 'Episodes')) {
      const child = codeIn(row, 'CHILD');
      if (child === null || codeIn(row, 'LS') !== status) continue;
      const own = decisions.get(child);
      if (own === undefined) { episodeRows.push(index); continue; }
      if (!isBlank(row, 'DEC')) continue;
      decisionRows.push(...own.filter((decision) => !isBlank(decision.row, 'DATE_PLACED_CEASED') || !isBlank(decision.row, 'REASON_PLACED_CEASED')).map((decision) => decision.index));
    }
    return [...findings('Episodes', episodeRows, ['LS']), ...findings('PlacedAdoption', decisionRows, ['DATE_PLACED', 'DATE_PLACED_CEASED', 'REASON_PLACED_CEASED'])];
  };
}

/** The decision to place comes on or before the order: checked against the first episode under the order (legal status `status`). */
function decisionAfterOrder(status: string, flagDecisions: boolean) {
  return (tables: ReturnTables): RuleFinding[] => {
    const decisions = byChild(tables, 'PlacedAdoption');
    const episodeRows: number[] = [];
    const decisionRows: number[] = [];
    for (const [child, episodes] of byChild(tables, 'Episodes')) {
      const first = earliestBy(episodes.filter(({ row }) => codeIn(row, 'LS') === status), 'DECOM');
      if (first === undefined) continue;
      const ordered = dateIn(first.row, 'DECOM')!;
      const late = (decisions.get(child) ?? []).filter(({ row }) => { const placed = dateIn(row, 'DATE_PLACED'); return placed !== null && placed > ordered; });
      if (late.length === 0) continue;
      episodeRows.push(first.index);
      decisionRows.push(...late.map(({ index }) => index));
    }
    return [...findings('Episodes', episodeRows, ['DECOM', 'LS']), ...(flagDecisions ? findings('PlacedAdoption', decisionRows, ['DATE_PLACED']) : [])];
  };
}

/**
 * A child placed for adoption (or under an order, legal status `status`) who left care other
 * than by adoption (or by an episode's end within care, X1) needs the decision's reversal recorded.
 */
function leftCareNotAdoptedWithoutReversal(status: string) {
  return (tables: ReturnTables): RuleFinding[] => {
    const decisions = byChild(tables, 'PlacedAdoption');
    const episodeRows: number[] = [];
    const decisionRows: number[] = [];
    for (const { row, index } of indexedRows(tables, 'Episodes')) {
      const child = codeIn(row, 'CHILD');
      const reason = codeIn(row, 'REC');
      if (child === null || reason === null || ADOPTED.has(reason) || reason === 'X1') continue;
      if (!PLACED_FOR_ADOPTION.has(codeIn(row, 'PLACE') ?? '') && codeIn(row, 'LS') !== status) continue;
      const own = decisions.get(child);
      const incomplete = (own ?? []).filter((decision) => isBlank(decision.row, 'DATE_PLACED_CEASED') || isBlank(decision.row, 'REASON_PLACED_CEASED'));
      if (own !== undefined && incomplete.length === 0) continue;
      episodeRows.push(index);
      decisionRows.push(...incomplete.map((decision) => decision.index));
    }
    return [...findings('Episodes', episodeRows, ['REC']), ...findings('PlacedAdoption', decisionRows, ['DATE_PLACED_CEASED', 'REASON_PLACED_CEASED'])];
  };
}

/** An adopted child's decision to place was not reversed: at least one of their decisions stays without a date it ceased. */
const adoptedButEveryDecisionReversed = (tables: ReturnTables): RuleFinding[] => {
  const decisions = byChild(tables, 'PlacedAdoption');
  const rows = indexedRows(tables, 'Episodes').filter(({ row }) => {
    const child = codeIn(row, 'CHILD');
    if (child === null || !ADOPTED.has(codeIn(row, 'REC') ?? '')) return false;
    const own = decisions.get(child) ?? [];
    return own.length > 0 && own.every((decision) => !isBlank(decision.row, 'DATE_PLACED_CEASED'));
  });
  return findings('Episodes', rows.map(({ index }) => index), ['REC']);
};

const decisionBeforeYearMissingLastYear = (tables: ReturnTables, context: Parameters<ValidationRule['check']>[1]): RuleFinding[] => {
  if (tables.PlacedAdoption_last === undefined) return [];
  const last = byChild(tables, 'PlacedAdoption_last');
  const rows = indexedRows(tables, 'PlacedAdoption').filter(({ row }) => {
    const placed = dateIn(row, 'DATE_PLACED');
    const child = codeIn(row, 'CHILD');
    if (placed === null || child === null || placed >= context.collectionYear.start) return false;
    const previous = last.get(child);
    return previous !== undefined && previous.every((decision) => isBlank(decision.row, 'DATE_PLACED'));
  });
  return findings('PlacedAdoption', rows.map(({ index }) => index), ['DATE_PLACED']);
};

/** Pairs of a child's decisions this year and last year. */
function againstLastYear(tables: ReturnTables, visit: (now: Indexed, last: readonly Indexed[]) => boolean): number[] {
  if (tables.PlacedAdoption_last === undefined) return [];
  const last = byChild(tables, 'PlacedAdoption_last');
  return indexedRows(tables, 'PlacedAdoption').filter((now) => {
    const child = codeIn(now.row, 'CHILD');
    const previous = child === null ? undefined : last.get(child);
    return previous !== undefined && visit(now, previous);
  }).map(({ index }) => index);
}

const wasReversed = (row: TableRow): boolean => !isBlank(row, 'DATE_PLACED_CEASED') || !isBlank(row, 'REASON_PLACED_CEASED');

/** Last year's open decision should carry over with its date unless it was reversed. */
const decisionDateChangedWithoutReversal = (tables: ReturnTables): RuleFinding[] => {
  const current = byChild(tables, 'PlacedAdoption');
  const rows = againstLastYear(tables, (now, last) => {
    if (dateIn(now.row, 'DATE_PLACED') === null) return false;
    const datesNow = new Set((current.get(codeIn(now.row, 'CHILD')!) ?? []).map(({ row }) => dateIn(row, 'DATE_PLACED')));
    return last.some(({ row }) => {
      const before = dateIn(row, 'DATE_PLACED');
      return isBlank(row, 'DATE_PLACED_CEASED') && before !== null && !datesNow.has(before);
    });
  });
  return findings('PlacedAdoption', rows, ['DATE_PLACED', 'DATE_PLACED_CEASED']);
};

const reversedDecisionRepeated = (tables: ReturnTables): RuleFinding[] => {
  const rows = againstLastYear(tables, (now, last) => {
    const placed = dateIn(now.row, 'DATE_PLACED');
    return placed !== null && last.some(({ row }) => dateIn(row, 'DATE_PLACED') === placed && wasReversed(row));
  });
  return findings('PlacedAdoption', rows, ['DATE_PLACED']);
};

/** After last year's decision was reversed, a decision this year must be a new one, later than it. */
const newDecisionNotAfterReversedOne = (tables: ReturnTables): RuleFinding[] => {
  const rows = againstLastYear(tables, (now, last) => {
    const reversed = last.filter(({ row }) => wasReversed(row));
    if (reversed.length === 0) return false;
    const placed = dateIn(now.row, 'DATE_PLACED');
    if (isBlank(now.row, 'DATE_PLACED')) return true;
    return placed !== null && reversed.some(({ row }) => { const before = dateIn(row, 'DATE_PLACED'); return before !== null && placed <= before; });
  });
  return findings('PlacedAdoption', rows, ['DATE_PLACED']);
};

const reversalWithoutDecision = eachRow('PlacedAdoption', ['DATE_PLACED', 'REASON_PLACED_CEASED', 'DATE_PLACED_CEASED'], (row) =>
  isBlank(row, 'DATE_PLACED') && (!isBlank(row, 'REASON_PLACED_CEASED') || !isBlank(row, 'DATE_PLACED_CEASED')));

/** A child's decisions in date order; each must start on or after the one before ceased. */
const overlappingDecisions = (tables: ReturnTables): RuleFinding[] => {
  const rows: number[] = [];
  for (const decisions of byChild(tables, 'PlacedAdoption').values()) {
    const dated = decisions.filter(({ row }) => dateIn(row, 'DATE_PLACED') !== null)
      .sort((a, b) => byText(dateIn(a.row, 'DATE_PLACED')!, dateIn(b.row, 'DATE_PLACED')!) || a.index - b.index);
    for (let i = 1; i < dated.length; i += 1) {
      const previousCeased = dateIn(dated[i - 1]!.row, 'DATE_PLACED_CEASED');
      const placed = dateIn(dated[i]!.row, 'DATE_PLACED')!;
      if (previousCeased === null || placed < previousCeased) rows.push(dated[i]!.index);
    }
  }
  return findings('PlacedAdoption', rows, ['DATE_PLACED', 'DATE_PLACED_CEASED']);
};

const adoptedOnDayMatched = (tables: ReturnTables): RuleFinding[] => {
  const adoptions = byChild(tables, 'AD1');
  const rows = indexedRows(tables, 'Episodes').filter(({ row }) => {
    const child = codeIn(row, 'CHILD');
    const ended = dateIn(row, 'DEC');
    if (child === null || ended === null || !ADOPTED.has(codeIn(row, 'REC') ?? '')) return false;
    return (adoptions.get(child) ?? []).some((adoption) => dateIn(adoption.row, 'DATE_MATCH') === ended);
  });
  return findings('Episodes', rows.map(({ index }) => index), ['DEC']);
};

/** Of several decisions, only the latest may be still open. */
const earlierDecisionNotReversed = (tables: ReturnTables): RuleFinding[] => {
  const rows: number[] = [];
  for (const decisions of byChild(tables, 'PlacedAdoption').values()) {
    const dated = decisions.filter(({ row }) => dateIn(row, 'DATE_PLACED') !== null);
    if (dated.length < 2) continue;
    const latest = dated.reduce((best, entry) => (dateIn(entry.row, 'DATE_PLACED')! > dateIn(best.row, 'DATE_PLACED')! ? entry : best));
    rows.push(...dated.filter((entry) => entry !== latest && isBlank(entry.row, 'DATE_PLACED_CEASED')).map(({ index }) => index));
  }
  return findings('PlacedAdoption', rows, ['DATE_PLACED', 'DATE_PLACED_CEASED']);
};

/** The decision to place cannot come before the child's first episode of care began (a new period: RNE S). */
const decisionBeforeLookedAfter = (tables: ReturnTables): RuleFinding[] => {
  const decisions = byChild(tables, 'PlacedAdoption');
  const episodeRows: number[] = [];
  const decisionRows: number[] = [];
  for (const [child, episodes] of byChild(tables, 'Episodes')) {
    const first = earliestBy(episodes.filter(({ row }) => codeIn(row, 'RNE') === 'S'), 'DECOM');
    if (first === undefined) continue;
    const began = dateIn(first.row, 'DECOM')!;
    const early = (decisions.get(child) ?? []).filter(({ row }) => { const placed = dateIn(row, 'DATE_PLACED'); return placed !== null && placed < began; });
    if (early.length === 0) continue;
    episodeRows.push(first.index);
    decisionRows.push(...early.map(({ index }) => index));
  }
  return [...findings('Episodes', episodeRows, ['DECOM', 'RNE']), ...findings('PlacedAdoption', decisionRows, ['DATE_PLACED'])];
};

export const adoptionRules: readonly ValidationRule[] = [
  ruleOf('511', twoAdoptersNotACouple),
  ruleOf('514', adoptersOfStatusMustBe('L0', SINGLE_ADOPTERS)),
  ruleOf('517', adoptersOfStatusMustBe('L3', new Set(['MF']))),
  ruleOf('518', adoptersOfStatusMustBe('L4', SAME_SEX_COUPLES)),
  ruleOf('519', adoptersOfStatusMustBe('L2', COUPLES)),
  ruleOf('520', marriedDifferentSexCoupleRecordedSameSex),
  ruleOf('521', placedForAdoptionBeforeBestInterestDecision),
  ruleOf('522', decisionReversedBeforeItWasMade),
  ruleOf('523', decisionDateDiffersFromBestInterest),
  ruleOf('524', adoptersOfStatusMustBe('L12', SAME_SEX_COUPLES)),
  ruleOf('525', adoptedAfterDecisionReversed),
  ruleOf('551', placedForAdoptionWithoutDecision),
  ruleOf('552', decisionAfterPlacedForAdoption),
  ruleOf('553', orderWithoutOpenDecision('E1')),
  ruleOf('554', decisionAfterOrder('E1', true)),
  // Freeing orders (D1) were checked until the legal status was withdrawn from the return.
  ruleOf('555', orderWithoutOpenDecision('D1'), { until: '2023-24' }),
  ruleOf('556', decisionAfterOrder('D1', false), { until: '2023-24' }),
  ruleOf('557', leftCareNotAdoptedWithoutReversal('D1'), { until: '2023-24' }),
  ruleOf('557', leftCareNotAdoptedWithoutReversal('E1'), { from: '2024-25' }),
  ruleOf('558', adoptedButEveryDecisionReversed),
  ruleOf('559', decisionBeforeYearMissingLastYear),
  ruleOf('560', decisionDateChangedWithoutReversal),
  ruleOf('561', reversedDecisionRepeated),
  ruleOf('563', reversalWithoutDecision),
  ruleOf('579', overlappingDecisions),
  ruleOf('582', adoptedOnDayMatched),
  ruleOf('583', earlierDecisionNotReversed),
  ruleOf('584', newDecisionNotAfterReversedOne),
  ruleOf('1003', decisionBeforeLookedAfter),
];
