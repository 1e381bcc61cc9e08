/**
 * The report's charts: Vega-Lite specs compiled to Vega and rendered to SVG on the server, without
 * a browser or canvas, so the HTML carries its charts inline and prints as it shows.
 *
 * Charts are drawn for print and for readers who cannot tell colours apart: black text, one dark
 * fill with each bar labelled with its figure, a dashed reference line drawn as a line rather than a
 * colour. Each SVG is an image with a title and a description; the figures are always also in a
 * table beside the chart, and withheld (small) figures are left out of the chart and say so there.
 */
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';

const INK = '#0b0c0c';
const BAR = '#505a5f';

const config = {
  font: 'Helvetica, Arial, sans-serif',
  background: 'white',
  view: { stroke: null },
  axis: {
    labelColor: INK, titleColor: INK, domainColor: INK, tickColor: INK, gridColor: '#d0d0d0',
    labelFontSize: 11, titleFontSize: 11, titleFontWeight: 'normal' as const, labelLimit: 340,
  },
  text: { color: INK, fontSize: 10 },
};

export interface ChartText {
  /** Unique within the document: names the SVG's title and description elements. */
  id: string;
  title: string;
  description: string;
}

const escapeXml = (text: string) => text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** The SVG as an accessible image: role="img", labelled by its own title and description. */
function accessibleSvg(svg: string, text: ChartText): string {
  const id = text.id.replace(/[^A-Za-z0-9_-]/g, '-');
  return svg.replace(/^<svg\b([^>]*)>/, (_match, attributes: string) =>
    `<svg${attributes.replace(/\s(role|aria-[a-z-]+|focusable)="[^"]*"/g, '')} role="img" focusable="false" aria-labelledby="${id}-title ${id}-desc">`
    + `<title id="${id}-title">${escapeXml(text.title)}</title><desc id="${id}-desc">${escapeXml(text.description)}</desc>`);
}

async function render(spec: TopLevelSpec, text: ChartText): Promise<string> {
  const compiled = compile({ ...spec, config } as TopLevelSpec).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: 'none' });
  try {
    return accessibleSvg(await view.toSVG(), text);
  } finally {
    view.finalize();
  }
}

export interface BarDatum {
  label: string;
  /** Null when withheld or not computable: no bar is drawn, and `display` says why. */
  value: number | null;
  display: string;
}

/** A count for each month of the period, in order, each bar labelled with its figure. */
export function monthlyChart(text: ChartText, points: readonly BarDatum[], axisTitle: string): Promise<string> {
  const values = points.map((p, order) => ({ order, label: p.label, value: p.value ?? 0, display: p.value === null ? '<5' : p.display }));
  const sort = { field: 'order', op: 'min' } as const;
  return render({
    width: Math.max(360, Math.min(620, values.length * 32)), height: 200,
    data: { values },
    encoding: {
      x: { field: 'label', type: 'ordinal', sort, title: null, axis: { labelAngle: -45 } },
      y: { field: 'value', type: 'quantitative', title: axisTitle, axis: { format: ',d', tickMinStep: 1 } },
    },
    layer: [
      { mark: { type: 'bar', fill: BAR, stroke: INK, strokeWidth: 0.5 } },
      { mark: { type: 'text', dy: -6, fontSize: 9 }, encoding: { text: { field: 'display' } } },
    ],
  } as TopLevelSpec, text);
}

/** Each group's share, as horizontal bars labelled "45.9% (6,123)"; withheld groups get a label and no bar. */
export function shareChart(text: ChartText, rows: readonly BarDatum[]): Promise<string> {
  const values = rows.map((row, order) => ({ order, label: row.label, value: row.value ?? 0, display: row.display }));
  const sort = { field: 'order', op: 'min' } as const;
  return render({
    width: 360, height: { step: 20 },
    data: { values },
    encoding: {
      y: { field: 'label', type: 'nominal', sort, title: null },
      x: { field: 'value', type: 'quantitative', title: 'Share (%)', scale: { domain: [0, Math.min(100, Math.max(10, ...values.map((v) => v.value)) * 1.35)] }, axis: { format: 'd' } },
    },
    layer: [
      { mark: { type: 'bar', fill: BAR, stroke: INK, strokeWidth: 0.5 } },
      { mark: { type: 'text', align: 'left', dx: 4, fontSize: 10 }, encoding: { text: { field: 'display' } } },
    ],
  } as TopLevelSpec, text);
}

export interface RateRatioDatum {
  label: string;
  index: number;
  lower: number | null;
  upper: number | null;
  display: string;
}

/**
 * Relative rate indices on a log scale with their 95% confidence intervals as whiskers, and the
 * comparator's 1 as a dashed line: a group whose whisker does not cross the line differs.
 */
export function rateRatioChart(text: ChartText, rows: readonly RateRatioDatum[]): Promise<string> {
  const values = rows.map((row, order) => ({ order, label: row.label, index: row.index, lower: row.lower ?? row.index, upper: row.upper ?? row.index, display: row.display }));
  const all = values.flatMap((v) => [v.lower, v.upper, v.index]).filter((v) => v > 0);
  const low = Math.min(0.5, ...all) * 0.8;
  const high = Math.max(2, ...all) * 1.6;
  const sort = { field: 'order', op: 'min' } as const;
  const x = { type: 'quantitative' as const, scale: { type: 'log' as const, domain: [low, high] }, title: 'Relative rate index (log scale; 1 = the comparator)', axis: { format: '.2~r' } };
  const y = { field: 'label', type: 'nominal' as const, sort, title: null };
  return render({
    width: 360, height: { step: 22 },
    layer: [
      // The comparator's line spans the whole height: it has no group of its own.
      { data: { values: [{ one: 1 }] }, mark: { type: 'rule', stroke: INK, strokeDash: [4, 3] }, encoding: { x: { field: 'one', ...x } } },
      { data: { values }, mark: { type: 'rule', stroke: INK, strokeWidth: 1.5 }, encoding: { y, x: { field: 'lower', ...x }, x2: { field: 'upper' } } },
      { data: { values }, mark: { type: 'point', filled: true, fill: INK, stroke: INK, size: 50, shape: 'diamond' }, encoding: { y, x: { field: 'index', ...x } } },
      { data: { values }, mark: { type: 'text', align: 'left', dx: 6, fontSize: 10 }, encoding: { y, x: { field: 'upper', ...x }, text: { field: 'display' } } },
    ],
  } as TopLevelSpec, text);
}
