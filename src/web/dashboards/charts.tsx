/**
 * Two small charts drawn as SVG: bars for groups, a line for a trend. Each is an image with a title
 * and a description naming every value, and is always shown with a table of the same figures, so a
 * screen reader user reads the table and a sighted user reads either.
 */
import { useId } from 'react';

export interface ChartPoint {
  label: string;
  /** null: withheld or not computable; drawn as a gap. */
  value: number | null;
  display: string;
}

const colour = '#1d70b8';
const text = '#0b0c0c';
const grid = '#b1b4b6';

function describe(points: readonly ChartPoint[]): string {
  return points.map((point) => `${point.label}: ${point.value === null ? (point.display && point.display !== '–' ? point.display : 'not shown') : point.display}`).join('; ');
}

/** Horizontal bars, one per group, labelled with the group and its figure. */
export function BarChart(props: { title: string; points: readonly ChartPoint[]; testId?: string }) {
  const id = useId();
  const rowHeight = 28;
  const labelWidth = 260;
  const width = 640;
  const barSpace = width - labelWidth - 90;
  const max = Math.max(0, ...props.points.map((point) => point.value ?? 0));
  const height = props.points.length * rowHeight + 10;
  return (
    <figure className="app-chart" data-testid={props.testId}>
      <svg role="img" aria-labelledby={`${id}-title ${id}-desc`} viewBox={`0 0 ${width} ${height}`} width="100%" preserveAspectRatio="xMinYMin meet" className="app-chart__svg">
        <title id={`${id}-title`}>{props.title}</title>
        <desc id={`${id}-desc`}>{describe(props.points)}</desc>
        {props.points.map((point, index) => {
          const y = index * rowHeight + 5;
          const barWidth = max > 0 && point.value !== null ? Math.max(1, (point.value / max) * barSpace) : 0;
          return (
            <g key={`${point.label}-${index}`}>
              <text x={labelWidth - 8} y={y + 18} textAnchor="end" fontSize="14" fill={text}>{point.label.length > 34 ? `${point.label.slice(0, 33)}…` : point.label}</text>
              <rect x={labelWidth} y={y + 4} width={barWidth} height={rowHeight - 10} fill={colour} />
              <text x={labelWidth + barWidth + 6} y={y + 18} fontSize="14" fill={text}>{point.value === null ? point.display || 'not shown' : point.display}</text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}

/** A line over consecutive periods, each point labelled with its period below and its figure above. */
export function LineChart(props: { title: string; points: readonly ChartPoint[]; testId?: string }) {
  const id = useId();
  const width = 640;
  const height = 240;
  const left = 60;
  const right = 60;
  const top = 30;
  const bottom = 50;
  const values = props.points.map((point) => point.value).filter((value): value is number => value !== null);
  const max = Math.max(0, ...values);
  const min = Math.min(0, ...values);
  const span = max - min || 1;
  const step = props.points.length > 1 ? (width - left - right) / (props.points.length - 1) : 0;
  const x = (index: number) => left + (props.points.length > 1 ? index * step : (width - left - right) / 2);
  const y = (value: number) => top + (1 - (value - min) / span) * (height - top - bottom);
  // Consecutive known points are joined; a withheld point breaks the line.
  const segments: string[] = [];
  let current = '';
  props.points.forEach((point, index) => {
    if (point.value === null) { if (current) segments.push(current); current = ''; return; }
    current += `${current ? ' L' : 'M'} ${x(index).toFixed(1)} ${y(point.value).toFixed(1)}`;
  });
  if (current) segments.push(current);
  return (
    <figure className="app-chart" data-testid={props.testId}>
      <svg role="img" aria-labelledby={`${id}-title ${id}-desc`} viewBox={`0 0 ${width} ${height}`} width="100%" preserveAspectRatio="xMinYMin meet" className="app-chart__svg">
        <title id={`${id}-title`}>{props.title}</title>
        <desc id={`${id}-desc`}>{describe(props.points)}</desc>
        <line x1={left} x2={width - right} y1={y(min)} y2={y(min)} stroke={grid} />
        {segments.map((d, index) => <path key={index} d={d} fill="none" stroke={colour} strokeWidth="3" />)}
        {props.points.map((point, index) => (
          <g key={`${point.label}-${index}`}>
            {point.value !== null ? <circle cx={x(index)} cy={y(point.value)} r="5" fill={colour} /> : null}
            {point.value !== null ? <text x={x(index)} y={y(point.value) - 10} textAnchor="middle" fontSize="13" fill={text}>{point.display}</text> : null}
            <text x={x(index)} y={height - bottom + 22} textAnchor="middle" fontSize="13" fill={text}>{point.label}</text>
          </g>
        ))}
      </svg>
    </figure>
  );
}
