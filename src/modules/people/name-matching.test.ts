import { describe, expect, it } from 'vitest';
import { editDistance, nameMatchScore, soundKey } from './name-matching.ts';

describe('tolerant name matching', () => {
  it('counts edits, a swap of neighbours as one', () => {
    expect(editDistance('smith', 'smith')).toBe(0);
    expect(editDistance('smith', 'smyth')).toBe(1);
    expect(editDistance('jonh', 'john')).toBe(1);
    expect(editDistance('', 'abc')).toBe(3);
  });

  it('gives spellings that sound alike one key', () => {
    expect(soundKey('Stephen')).toBe(soundKey('Steven'));
    expect(soundKey('Mohammed')).toBe(soundKey('Muhammad'));
    expect(soundKey('Catherine')).toBe(soundKey('Kathryn'));
  });

  it.each([
    ['Smith', 'Smith', 0],
    ['smi', 'Smith', 0],
    ['Smyth', 'Smith', 1],
    ['Boatang', 'Boateng', 1],
    ['Muhammad', 'Mohammed', 1],
  ])('matches %s to %s', (typed, recorded, best) => {
    const score = nameMatchScore(typed, recorded);
    expect(score).toBeDefined();
    expect(score).toBeGreaterThanOrEqual(best);
    expect(score).toBeLessThan(4);
  });

  it.each([
    ['Smith', 'Jones'],
    ['Ali', 'Okafor'],
    ['%', 'Okafor'],
    ['_%', 'Smith'],
  ])('does not match %s to %s', (typed, recorded) => {
    expect(nameMatchScore(typed, recorded)).toBeUndefined();
  });
});
