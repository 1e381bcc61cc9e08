/**
 * Tolerant name matching for finding a child: a name typed from a phone call or a letter is often
 * misspelt (Mohammed / Muhammad, Steven / Stephen, Smyth / Smith), typed without its accents
 * (Zoe for Zoë, Lukasz for Łukasz), or spelt as another language's name is written in English
 * letters (Aleksandr / Alexander). Pure functions, so the same matching runs on the embedded
 * database and on PostgreSQL, which has no fuzzy matching without extensions: letters of any
 * script are turned into plain English letters by any-ascii, and names that sound alike share a
 * double metaphone key (both maintained libraries, rather than tables of our own).
 *
 * The child's projection keeps each child's `name_keys` (nameKeysOf): the words of their names
 * and the words' sound keys, indexed, so a search across the whole council finds its candidates
 * by index and scores only those (identityMatchScore).
 */
import anyAscii from 'any-ascii';
import { doubleMetaphone } from 'double-metaphone';


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

/** Letters only, lower case, accents removed and other scripts transliterated: "O'Brien-Łukasz" → "obrienlukasz". */
export function plainName(name: string): string {
  return anyAscii(name).toLowerCase().replace(/[^a-z]/g, '');
}

/**
 * The words of a name in plain letters, as someone might type any of them: each part between
 * spaces and hyphens whole ("obrien"), and the pieces an apostrophe divides ("o", "brien").
 */
export function nameWords(name: string): string[] {
  const words = new Set<string>();
  for (const part of anyAscii(name).toLowerCase().split(/[\s\-‐–—.,/]+/)) {
    const whole = part.replace(/[^a-z]/g, '');
    if (whole) words.add(whole);
    for (const piece of part.split(/[^a-z]+/)) if (piece) words.add(piece);
  }
  return [...words];
}

/** The double metaphone keys of a word (one or two): Mohammed, Muhammad and Mohamed share MHMT. */
export function soundKeysOf(word: string): string[] {
  const plain = plainName(word);
  if (!plain) return [];
  return [...new Set(doubleMetaphone(plain).filter((key) => key.length > 0))];
}

/**
 * What the child's projection keeps for identity search: every word of the names, and each
 * word's sound keys marked with '#', so a word and a key never meet by chance.
 */
export function nameKeysOf(...names: readonly string[]): string[] {
  const keys = new Set<string>();
  for (const name of names) {
    for (const word of nameWords(name)) {
      keys.add(word);
      for (const key of soundKeysOf(word)) keys.add(`#${key}`);
    }
  }
  return [...keys].sort();
}

/** The index keys a typed name's words may meet: each word and its sound keys. */
export const searchKeysOf = (typed: string): string[] => nameKeysOf(typed);

/**
 * How well a typed name (one word or several, in any order, first names or last) matches a
 * child's names: every typed word must match one of the child's words (from its start, by sound,
 * or as a close misspelling). Lower is better; undefined: not a match.
 */
export function identityMatchScore(typed: string, ...recorded: readonly string[]): number | undefined {
  const typedWords = typed.split(/[\s\-‐–—.,/]+/).map(plainName).filter((word) => word.length > 0);
  if (typedWords.length === 0) return undefined;
  const recordedWords = recorded.flatMap(nameWords);
  let total = 0;
  for (const word of typedWords) {
    let best: number | undefined;
    for (const candidate of recordedWords) {
      const score = nameMatchScore(word, candidate);
      if (score !== undefined && (best === undefined || score < best)) best = score;
    }
    if (best === undefined) return undefined;
    total += best;
  }
  return total;
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
  // Spellings of one name from another script (Aleksandr / Alexander, Mohamed / Muhammad).
  const typedKeys = soundKeysOf(a);
  if (a.length >= 3 && soundKeysOf(b).some((key) => typedKeys.includes(key))) return 1;
  const allowed = a.length <= 4 ? 1 : a.length <= 8 ? 2 : 3;
  // A typed beginning of a longer name counts against that beginning only.
  const distance = Math.min(editDistance(a, b), b.length > a.length ? editDistance(a, b.slice(0, a.length)) + 0.5 : Infinity);
  return distance <= allowed ? 1 + distance : undefined;
}
