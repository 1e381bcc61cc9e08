/**
 * The genogram as accessible SVG, with the same as a table beside it: the drawing is one image
 * (role="img", a title and a description saying who is there and how they are joined), scaled to
 * the width it is given; the table carries the links to each member.
 */
import { useId, type ReactNode } from 'react';
import type { Network } from '../adults.ts';
import { GENOGRAM_SIZE, layOutGenogram, type Genogram, type GenogramPerson } from '../genogram.ts';

const shapeWords = { square: 'male', circle: 'female', diamond: 'sex not known' } as const;

/** The drawing in words: its text alternative. */
export function describeGenogram(genogram: Genogram): string {
  if (genogram.people.length === 0) return 'No one is recorded yet.';
  const byId = new Map(genogram.people.map((p) => [p.id, p]));
  const people = genogram.people.map((p) => `${p.name} (${shapeWords[p.shape]}${p.roles.length > 0 ? `; ${p.roles.join('; ')}` : ''})`);
  const couples = genogram.lines.filter((l) => l.kind === 'partners').map((l) => `${byId.get(l.between[0])!.name} and ${byId.get(l.between[1])!.name} are partners`);
  return `${people.join('. ')}.${couples.length > 0 ? ` ${couples.join('. ')}.` : ''}`;
}

function Shape(props: { person: GenogramPerson }) {
  const { person } = props;
  const half = GENOGRAM_SIZE / 2;
  const common = { className: `app-genogram__shape app-genogram__shape--${person.kind}`, 'data-shape': person.shape, 'data-person': person.id };
  switch (person.shape) {
    case 'square': return <rect {...common} x={person.x - half} y={person.y - half} width={GENOGRAM_SIZE} height={GENOGRAM_SIZE} />;
    case 'circle': return <circle {...common} cx={person.x} cy={person.y} r={half} />;
    case 'diamond': return <polygon {...common} points={`${person.x},${person.y - half} ${person.x + half},${person.y} ${person.x},${person.y + half} ${person.x - half},${person.y}`} />;
  }
}

/** Splits a name over two lines under its shape, so that neighbours' names do not run together. */
function NameLabel(props: { person: GenogramPerson }) {
  const { person } = props;
  const [first, ...rest] = person.name.split(' ');
  return (
    <text className="app-genogram__name" x={person.x} y={person.y + GENOGRAM_SIZE / 2 + 16} textAnchor="middle">
      <tspan x={person.x}>{first}</tspan>
      <tspan x={person.x} dy="16">{rest.join(' ')}</tspan>
    </text>
  );
}

export function GenogramDrawing(props: { network: Network; title: string }) {
  const id = useId();
  const genogram = layOutGenogram(props.network);
  const width = Math.max(genogram.width, 240);
  return (
    <figure className="app-genogram" data-testid="genogram">
      <svg role="img" aria-labelledby={`${id}-title ${id}-desc`} viewBox={`0 0 ${width} ${genogram.height + 10}`} width="100%"
        style={{ maxWidth: `${width}px` }} preserveAspectRatio="xMidYMin meet">
        <title id={`${id}-title`}>{props.title}</title>
        <desc id={`${id}-desc`}>{describeGenogram(genogram)}</desc>
        {genogram.lines.map((line, index) => (
          line.kind === 'parent-child'
            ? <polyline key={index} className="app-genogram__line" fill="none" points={`${line.from.x},${line.from.y} ${line.from.x},${(line.from.y + line.to.y) / 2} ${line.to.x},${(line.from.y + line.to.y) / 2} ${line.to.x},${line.to.y}`} />
            : <line key={index} className={`app-genogram__line${line.kind === 'other' ? ' app-genogram__line--other' : ''}`} x1={line.from.x} y1={line.from.y} x2={line.to.x} y2={line.to.y} />
        ))}
        {genogram.people.map((person) => <g key={person.id}><Shape person={person} /><NameLabel person={person} /></g>)}
      </svg>
      <figcaption className="govuk-body-s">Squares are male, circles female, diamonds not known. A line between two people joins partners; children hang from their parents' line; a dashed line joins a child to a carer or another adult who matters to them.</figcaption>
    </figure>
  );
}

/** The genogram's people in a table: the same as the drawing, with links. */
export function GenogramTable(props: { network: Network; caption: string; linkOf: (person: GenogramPerson) => string | undefined; extra?: (person: GenogramPerson) => ReactNode }) {
  const genogram = layOutGenogram(props.network);
  return (
    <table className="govuk-table" data-testid="genogram-table">
      <caption className="govuk-table__caption govuk-table__caption--s">{props.caption}</caption>
      <thead className="govuk-table__head"><tr className="govuk-table__row">
        <th scope="col" className="govuk-table__header">Name</th>
        <th scope="col" className="govuk-table__header">Shown as</th>
        <th scope="col" className="govuk-table__header">Relationships</th>
        {props.extra ? <th scope="col" className="govuk-table__header">Involvements</th> : null}
      </tr></thead>
      <tbody className="govuk-table__body">
        {genogram.people.map((person) => {
          const href = props.linkOf(person);
          return (
            <tr key={person.id} className="govuk-table__row">
              <th scope="row" className="govuk-table__header">{href ? <a className="govuk-link" href={href}>{person.name}</a> : person.name}</th>
              <td className="govuk-table__cell">{person.kind === 'child' ? 'Child' : 'Adult'}, {shapeWords[person.shape]}</td>
              <td className="govuk-table__cell">{person.roles.length > 0 ? person.roles.join('; ') : 'None recorded'}</td>
              {props.extra ? <td className="govuk-table__cell">{props.extra(person)}</td> : null}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
