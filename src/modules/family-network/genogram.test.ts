import { describe, expect, it } from 'vitest';
import type { Network, NetworkRelationship } from './adults.ts';
import { GENOGRAM_LABEL, GENOGRAM_ROW, GENOGRAM_SIZE, layOutGenogram } from './genogram.ts';

const child = (childId: string, forename: string, sex: string, dateOfBirth: string) => ({ childId, forename, surname: 'Okafor', dateOfBirth, sex, status: 'known', involvements: [] });
const adult = (personId: string, forename: string, sex: string) => ({
  personId, version: 1, changeReason: null, recordedBy: 'u', recordedAt: '2024-01-01T00:00:00Z',
  details: { forename, surname: 'Okafor', sex: sex as 'M' | 'F' | 'U', interpreterNeeded: false },
});
let n = 0;
const link = (childId: string, personId: string, relationship: string, extra: Partial<NetworkRelationship> = {}): NetworkRelationship => ({
  childId, relationshipId: `r${(n += 1)}`, relationship, relatedChildId: null, personId, personName: null, parentalResponsibility: relationship === 'mother' || relationship === 'father', livesWithChild: true, recordedOn: '2024-01-01', ...extra,
});

const family: Network = {
  children: [child('C2', 'Ada', 'F', '2017-08-09'), child('C1', 'Chidi', 'M', '2014-05-01')],
  adults: [adult('p-mum', 'Grace', 'F'), adult('p-dad', 'Emeka', 'M'), adult('p-nan', 'Ngozi', 'F'), adult('p-step', 'Sam', 'U'), adult('p-other', 'Lee', 'M')],
  relationships: [
    link('C1', 'p-mum', 'mother'), link('C1', 'p-dad', 'father', { livesWithChild: false }), link('C2', 'p-mum', 'mother'), link('C2', 'p-dad', 'father', { livesWithChild: false }),
    link('C1', 'p-nan', 'grandparent'), link('C2', 'p-step', 'step-parent'),
    { ...link('C1', 'x', 'sibling'), personId: null, relatedChildId: 'C2' },
  ],
};

describe('laying out a genogram from the recorded relationships', () => {
  const genogram = layOutGenogram(family);
  const person = (id: string) => genogram.people.find((p) => p.id === id)!;

  it('draws men as squares, women as circles and others as diamonds, in generations', () => {
    expect(genogram.people.map((p) => [p.id, p.shape, p.generation])).toEqual([
      ['p-dad', 'square', 1], ['p-mum', 'circle', 1], ['p-step', 'diamond', 1], ['p-nan', 'circle', 0],
      ['C1', 'square', 2], ['C2', 'circle', 2],
    ]);
    expect(person('p-nan').y).toBeLessThan(person('p-mum').y);
    expect(person('p-mum').y).toBeLessThan(person('C1').y);
    // Children in order of birth, eldest first.
    expect(person('C1').x).toBeLessThan(person('C2').x);
  });

  it('joins a child\'s mother and father as partners, and a step-parent to the parent the child lives with', () => {
    const partners = genogram.lines.filter((l) => l.kind === 'partners').map((l) => l.between);
    expect(partners).toEqual([['p-dad', 'p-mum'], ['p-mum', 'p-step']]);
    const [dad, mum] = [person('p-dad'), person('p-mum')];
    expect(genogram.lines[0]).toMatchObject({ from: { x: dad.x + GENOGRAM_SIZE / 2, y: dad.y }, to: { x: mum.x - GENOGRAM_SIZE / 2, y: mum.y } });
  });

  it('hangs each child from their parents\' line, and joins other adults by their own line', () => {
    const descents = genogram.lines.filter((l) => l.kind === 'parent-child');
    expect(descents.map((l) => [l.between, l.to.x])).toEqual([[['p-dad', 'p-mum'], person('C1').x], [['p-dad', 'p-mum'], person('C2').x]]);
    expect(descents[0]!.from.x).toBe((person('p-dad').x + person('p-mum').x) / 2);
    expect(genogram.lines.filter((l) => l.kind === 'other').map((l) => l.between)).toEqual([['p-nan', 'C1']]);
  });

  it('says each person\'s relationships in words', () => {
    expect(person('p-mum').roles).toEqual(['Mother of Chidi Okafor (parental responsibility), lives with them', 'Mother of Ada Okafor (parental responsibility), lives with them']);
    expect(person('C1').roles).toEqual(['Sibling of Ada Okafor']);
  });

  it('is the same whatever order the network comes in, and leaves out adults linked to no child shown', () => {
    const shuffled: Network = { children: [...family.children].reverse(), adults: [...family.adults].reverse(), relationships: [...family.relationships].reverse() };
    const again = layOutGenogram(shuffled);
    expect(again.people.map((p) => [p.id, p.x, p.y])).toEqual(genogram.people.map((p) => [p.id, p.x, p.y]));
    expect(genogram.people.map((p) => p.id)).not.toContain('p-other');
  });

  it('hangs a child with one parent recorded from that parent alone', () => {
    const lone = layOutGenogram({ children: [child('C1', 'Chidi', 'M', '2014-05-01')], adults: [adult('p-mum', 'Grace', 'F')], relationships: [link('C1', 'p-mum', 'mother')] });
    expect(lone.lines).toEqual([expect.objectContaining({ kind: 'parent-child', between: ['p-mum', 'C1'] })]);
    // With no grandparents, the parents take the top row.
    expect(lone.people.map((p) => [p.id, p.y])).toEqual([['p-mum', GENOGRAM_SIZE], ['C1', GENOGRAM_SIZE + GENOGRAM_ROW]]);
    // The line down starts below the parent's name.
    expect(lone.lines[0]!.from.y).toBe(GENOGRAM_SIZE + GENOGRAM_SIZE / 2 + GENOGRAM_LABEL);
  });
});
