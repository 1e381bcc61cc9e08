/**
 * A genogram's layout from the relationships a network records (browser-safe, pure): who stands in
 * which generation, where, and which lines join them. Standard shapes: a square for a male, a
 * circle for a female, a diamond when not known; a horizontal line joins partners (a child's mother
 * and father, a step-parent and the parent the child lives with), a line drops from the partners
 * (or a lone parent) to their children; other significant adults and carers are joined to the
 * child by a dashed line.
 */
import type { Network } from './adults.ts';

export type Shape = 'square' | 'circle' | 'diamond';

export interface GenogramPerson {
  /** The child id, or the adult's person id. */
  id: string;
  kind: 'child' | 'adult';
  name: string;
  shape: Shape;
  /** 0 grandparents, 1 parents and other adults, 2 children. */
  generation: number;
  x: number;
  y: number;
  /** In words, for the table and the text alternative: "Mother of Amy (parental responsibility)". */
  roles: string[];
}

export interface GenogramLine {
  kind: 'partners' | 'parent-child' | 'other';
  from: { x: number; y: number };
  to: { x: number; y: number };
  /** For partners' lines, the descent point their children's lines start from. */
  between: [string, string];
}

export interface Genogram {
  people: GenogramPerson[];
  lines: GenogramLine[];
  width: number;
  height: number;
}

export const GENOGRAM_SPACING = 120;
export const GENOGRAM_ROW = 130;
export const GENOGRAM_SIZE = 40;
/** The height of a name under its shape (two lines). */
export const GENOGRAM_LABEL = 40;

const PARENTS = new Set(['mother', 'father']);
const GRANDPARENTS = new Set(['grandparent']);

const shapeOf = (sex: string | undefined): Shape => (sex === 'M' ? 'square' : sex === 'F' ? 'circle' : 'diamond');

const words: Record<string, string> = {
  mother: 'Mother', father: 'Father', 'step-parent': 'Step-parent', grandparent: 'Grandparent', 'other-relative': 'Relative',
  'foster-carer': 'Foster carer', 'kinship-carer': 'Kinship carer', 'other-significant-adult': 'Significant adult',
  sibling: 'Sibling', 'half-sibling': 'Half-sibling', 'step-sibling': 'Step-sibling',
};
export const relationshipWords = (relationship: string) => words[relationship] ?? relationship;

/** Lays out a network: deterministic for the same network, whatever order its parts come in. */
export function layOutGenogram(network: Network): Genogram {
  const children = [...network.children].sort((a, b) => (a.dateOfBirth ?? '9999').localeCompare(b.dateOfBirth ?? '9999') || a.childId.localeCompare(b.childId));
  const childName = new Map(children.map((c) => [c.childId, `${c.forename} ${c.surname}`]));
  const adultLinks = network.relationships.filter((r) => r.personId !== null && childName.has(r.childId));
  const linkedAdults = new Set(adultLinks.map((r) => r.personId!));
  const adults = network.adults.filter((a) => linkedAdults.has(a.personId));
  const roles = new Map<string, string[]>();
  for (const link of adultLinks) {
    const role = `${relationshipWords(link.relationship)} of ${childName.get(link.childId)}${link.parentalResponsibility ? ' (parental responsibility)' : ''}${link.livesWithChild ? ', lives with them' : ''}`;
    roles.set(link.personId!, [...(roles.get(link.personId!) ?? []), role]);
  }
  const linksOf = (personId: string) => adultLinks.filter((l) => l.personId === personId);
  const generationOf = (personId: string) => (linksOf(personId).every((l) => GRANDPARENTS.has(l.relationship)) ? 0 : 1);

  // Partners: a mother and a father of the same child; a step-parent and the parent the child lives with.
  const partners: [string, string][] = [];
  const addPartners = (a: string, b: string) => {
    const pair = [a, b].sort() as [string, string];
    if (a !== b && !partners.some(([x, y]) => x === pair[0] && y === pair[1])) partners.push(pair);
  };
  for (const child of children) {
    const own = adultLinks.filter((l) => l.childId === child.childId);
    const mothers = own.filter((l) => l.relationship === 'mother').map((l) => l.personId!);
    const fathers = own.filter((l) => l.relationship === 'father').map((l) => l.personId!);
    for (const m of mothers) for (const f of fathers) addPartners(m, f);
    const resident = own.filter((l) => PARENTS.has(l.relationship) && l.livesWithChild).map((l) => l.personId!);
    for (const step of own.filter((l) => l.relationship === 'step-parent')) for (const parent of resident.slice(0, 1)) addPartners(step.personId!, parent);
  }

  // The adults' row: each couple side by side, lone adults after; grandparents above.
  const order: string[] = [];
  for (const [a, b] of [...partners].sort()) for (const id of [a, b]) if (!order.includes(id)) order.push(id);
  const byName = (a: { details: { surname: string; forename: string } ; personId: string }, b: typeof a) =>
    a.details.surname.localeCompare(b.details.surname) || a.details.forename.localeCompare(b.details.forename) || a.personId.localeCompare(b.personId);
  for (const adult of [...adults].sort(byName)) if (!order.includes(adult.personId)) order.push(adult.personId);

  const people: GenogramPerson[] = [];
  const position = new Map<string, GenogramPerson>();
  // Only the generations someone stands in take a row: no empty band above parents without grandparents.
  const generations = [...new Set([...adults.map((a) => generationOf(a.personId)), ...(children.length > 0 ? [2] : [])])].sort();
  const rowOf = (generation: number) => generations.indexOf(generation);
  const place = (person: Omit<GenogramPerson, 'x' | 'y'>, column: number) => {
    const placed = { ...person, x: GENOGRAM_SPACING / 2 + column * GENOGRAM_SPACING, y: GENOGRAM_SIZE + rowOf(person.generation) * GENOGRAM_ROW };
    people.push(placed);
    position.set(placed.id, placed);
  };
  const adultById = new Map(adults.map((a) => [a.personId, a]));
  const columns = [0, 0, 0];
  for (const id of order) {
    const adult = adultById.get(id)!;
    const generation = generationOf(id);
    place({ id, kind: 'adult', name: `${adult.details.forename} ${adult.details.surname}`, shape: shapeOf(adult.details.sex), generation, roles: roles.get(id) ?? [] }, columns[generation]!++);
  }
  for (const child of children) {
    const childRoles = network.relationships.filter((r) => r.childId === child.childId && r.relatedChildId !== null && childName.has(r.relatedChildId))
      .map((r) => `${relationshipWords(r.relationship)} of ${childName.get(r.relatedChildId!)}`);
    place({ id: child.childId, kind: 'child', name: childName.get(child.childId)!, shape: shapeOf(child.sex), generation: 2, roles: childRoles }, columns[2]!++);
  }

  const lines: GenogramLine[] = [];
  const half = GENOGRAM_SIZE / 2;
  // A line down from one person starts below their name, which is written under their shape.
  const below = half + GENOGRAM_LABEL;
  for (const [a, b] of partners) {
    const [left, right] = [position.get(a)!, position.get(b)!].sort((p, q) => p.x - q.x) as [GenogramPerson, GenogramPerson];
    lines.push({ kind: 'partners', from: { x: left.x + half, y: left.y }, to: { x: right.x - half, y: right.y }, between: [a, b] });
  }
  for (const child of children) {
    const to = position.get(child.childId)!;
    const parents = adultLinks.filter((l) => l.childId === child.childId && PARENTS.has(l.relationship)).map((l) => l.personId!);
    const couple = partners.find(([a, b]) => parents.includes(a) && parents.includes(b));
    if (couple) {
      const [p, q] = couple.map((id) => position.get(id)!) as [GenogramPerson, GenogramPerson];
      lines.push({ kind: 'parent-child', from: { x: (p.x + q.x) / 2, y: p.y }, to: { x: to.x, y: to.y - half }, between: couple });
    } else {
      for (const parent of parents) {
        const p = position.get(parent)!;
        lines.push({ kind: 'parent-child', from: { x: p.x, y: p.y + below }, to: { x: to.x, y: to.y - half }, between: [parent, child.childId] });
      }
    }
    for (const other of adultLinks.filter((l) => l.childId === child.childId && !PARENTS.has(l.relationship) && l.relationship !== 'step-parent')) {
      const p = position.get(other.personId!)!;
      lines.push({ kind: 'other', from: { x: p.x, y: p.y + below }, to: { x: to.x, y: to.y - half }, between: [other.personId!, child.childId] });
    }
  }
  const widest = Math.max(1, ...columns);
  return { people, lines, width: widest * GENOGRAM_SPACING, height: GENOGRAM_SIZE + half + GENOGRAM_LABEL + Math.max(0, generations.length - 1) * GENOGRAM_ROW };
}
