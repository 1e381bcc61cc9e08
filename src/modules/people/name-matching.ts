/**
 * Tolerant name matching for finding a child: a name typed from a phone call or a letter is often
 * misspelt (Mohammed / Muhammad, Steven / Stephen, Smyth / Smith). Pure functions, so the same
 * matching runs on the embedded database and on PostgreSQL, which has no fuzzy matching without
 * extensions.
 */

/** Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i < rows; i += 1) {
    for (let j = 1; j < cols; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  }
  return d[rows - 1]![cols - 1]!;
}

/** Letters only, lower case, accents removed: "O'Brien-Smith" → "obriensmith". */
export function plainName(name: string): string {
  return name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z]/g, '');
}

/** A rough sound key: spellings that sound alike (ph/f, ck/k, y/i, doubled letters, inner vowels) share one. */
export function soundKey(name: string): string {
  const plain = plainName(name)
    .replace(/ph/g, 'f').replace(/ck/g, 'k').replace(/q/g, 'k').replace(/c(?=[eiy])/g, 's').replace(/c/g, 'k')
    .replace(/z/g, 's').replace(/y/g, 'i').replace(/v/g, 'f').replace(/dg/g, 'j').replace(/gh/g, 'g').replace(/th/g, 't');
  if (plain.length === 0) return '';
  const rest = plain.slice(1).replace(/[aeiouh]/g, '');
  return (plain[0] + rest).replace(/(.)\1+/g, '$1');
}

/**
 * How well a typed name matches a recorded one: 0 for the same or a prefix, small for a close
 * misspelling, undefined when it is not a plausible match.
 */
export function nameMatchScore(typed: string, recorded: string): number | undefined {
  const a = plainName(typed);
  const b = plainName(recorded);
  // A name typed with no letters at all (`%`, `_`, `-`) is like no name: it matches nothing, not everyone.
  if (a.length === 0) return undefined;
  if (b.startsWith(a)) return 0;
  if (soundKey(a) === soundKey(b)) return 1;
  const allowed = a.length <= 4 ? 1 : a.length <= 8 ? 2 : 3;
  // A typed beginning of a longer name counts against that beginning only.
  const distance = Math.min(editDistance(a, b), b.length > a.length ? editDistance(a, b.slice(0, a.length)) + 0.5 : Infinity);
  return distance <= allowed ? 1 + distance : undefined;
}
