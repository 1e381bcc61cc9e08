/**
 * The annual report as one self-contained HTML document: inline CSS (screen and A4 print, a page
 * per section), SVG charts inline, headings in order, tables with captions and scoped headers.
 * Every piece of data passes through `escapeHtml`; the only unescaped markup is this module's own
 * and the SVG the chart renderer produced.
 *
 * The report states figures and factual comparisons only. Where the partnership's own account
 * belongs, it leaves a marked place ("Partnership commentary: to be written").
 */
import { OVER_REPRESENTED_AT, UNDER_REPRESENTED_AT } from '../analytics/disproportionality.ts';
import type { BenchmarkOut, DisproportionalityOut, DisproportionalityRowOut } from '../analytics/schemas.ts';
import type { AnnualReport, ReportBreakdown, ReportDisproportionality, ReportFigure, ReportFiguresSection, ReportMonthly, ReportNotYetRecordedSection, ReportSection } from './annual-report.ts';
import { dateInWords } from './annual-report.ts';
import { monthlyChart, rateRatioChart, shareChart } from './charts.ts';

export const COMMENTARY_PLACEHOLDER = 'Partnership commentary: to be written';

export function escapeHtml(text: string | number): string {
  return String(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** Tagged template for this module's markup: interpolated strings are escaped, `Html` fragments are not. */
class Html {
  constructor(readonly text: string) {}
  toString(): string { return this.text; }
}
type Part = string | number | Html | null | undefined | false | readonly Part[];
const partToString = (part: Part): string => {
  if (part === null || part === undefined || part === false) return '';
  if (part instanceof Html) return part.text;
  if (Array.isArray(part)) return part.map(partToString).join('');
  return escapeHtml(part as string | number);
};
function html(strings: TemplateStringsArray, ...parts: Part[]): Html {
  return new Html(strings.reduce((out, string, index) => out + string + (index < parts.length ? partToString(parts[index]!) : ''), ''));
}
/** SVG from the chart renderer: trusted markup, and already escaped there. */
const trusted = (markup: string) => new Html(markup);

const commentary = (sectionId: string) => html`
<div class="commentary" data-commentary="${sectionId}">
  <p><strong>${COMMENTARY_PLACEHOLDER}</strong></p>
</div>`;

// ---------------------------------------------------------------------------------------------
// Figures

/** "19 months", or "period of the same length" when the period is not whole months. */
const lengthOf = (report: AnnualReport) => (Number.isInteger(report.window.months) ? `${report.window.months} months` : 'period of the same length');

function figuresTable(section: ReportFiguresSection, report: AnnualReport): Html {
  return html`
<table class="figures">
  <caption>${section.title}: figures for ${report.window.description}, and for the ${lengthOf(report)} before it (${report.previousWindow.description})</caption>
  <thead><tr><th scope="col">Figure</th><th scope="col" class="number">This period</th><th scope="col" class="number">Previous period</th><th scope="col">Change</th></tr></thead>
  <tbody>
${section.figures.map((figure) => html`    <tr data-metric="${figure.id}">
      <th scope="row">${figure.title} <span class="metric-id">${figure.id}</span>${figureWhen(figure)}</th>
      <td class="number">${figure.current.display}</td>
      <td class="number">${figure.previous?.display ?? '–'}</td>
      <td>${figure.change}</td>
    </tr>
`)}  </tbody>
</table>`;
}

const figureWhen = (figure: ReportFigure) => (figure.current.when.startsWith('on ') ? html`<br><span class="when">${figure.current.when}; previous ${figure.previous?.when ?? ''}</span>` : '');

function benchmarkTable(section: ReportFiguresSection, report: AnnualReport): Html {
  const rows = section.figures.flatMap((figure) => figure.benchmarks.map((b) => ({ figure, b })));
  const years = [...new Set([report.window.from, report.window.to].map((d) => dfeYear(d)))];
  if (rows.length === 0) return html`<p class="no-benchmark">No benchmarks are held for these figures for ${years.join(' or ')}.</p>`;
  return html`
<table class="benchmarks">
  <caption>Benchmarks for the years to 31 March that the period overlaps (${years.join(', ')}). They cover a DfE year, not this report's period.</caption>
  <thead><tr><th scope="col">Figure</th><th scope="col">Year</th><th scope="col">Area</th><th scope="col">Measure</th><th scope="col" class="number">Value</th><th scope="col">Source</th></tr></thead>
  <tbody>
${rows.map(({ figure, b }) => html`    <tr><th scope="row">${figure.title} <span class="metric-id">${figure.id}</span></th><td class="year">${b.year}</td><td>${geography(b)}</td><td>${measure(b)}</td><td class="number">${benchmarkValue(b)}</td><td class="source">${b.source}</td></tr>
`)}  </tbody>
</table>`;
}

const dfeYear = (date: string) => {
  const year = Number(date.slice(0, 4));
  const start = date.slice(5) >= '04-01' ? year : year - 1;
  return `${start}-${String((start + 1) % 100).padStart(2, '0')}`;
};
const geography = (b: BenchmarkOut) => (b.geography === 'england' ? 'England' : b.geography.replace(/-/g, ' '));
const measure = (b: BenchmarkOut) => ({ value: 'value', numerator: 'numerator', denominator: 'denominator', 'rate-per-10000': 'per 10,000 children' } as Record<string, string>)[b.measure] ?? b.measure;
const benchmarkValue = (b: BenchmarkOut) => new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 }).format(b.value);

// ---------------------------------------------------------------------------------------------
// Monthly counts: a chart, and a year-by-month table of the same figures

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

async function monthlyBlock(monthly: ReportMonthly, section: ReportFiguresSection): Promise<Html> {
  const id = `${section.id}-monthly`;
  const withheld = monthly.points.filter((p) => p.count.suppressed).length;
  const chart = await monthlyChart(
    { id: `${id}-chart`, title: monthly.title, description: `Bar chart of ${monthly.title.toLowerCase()}, ${monthly.points[0]?.label} to ${monthly.points.at(-1)?.label}. The same figures are in the table that follows.` },
    monthly.points.map((p) => ({ label: `${MONTHS[Number(p.month.slice(5)) - 1]} ${p.month.slice(0, 4)}`, value: p.count.value, display: p.count.display })),
    'Number',
  );
  const years = [...new Set(monthly.points.map((p) => p.month.slice(0, 4)))];
  const byMonth = new Map(monthly.points.map((p) => [p.month, p.count.display]));
  return html`
<div class="keep-together">
<h3 id="${id}">${monthly.title} <span class="metric-id">${monthly.metricId}</span></h3>
<figure class="chart">
  ${trusted(chart)}
  <figcaption>${monthly.title}.${withheld > 0 ? ` Months with fewer than 5 are drawn without a bar and marked <5.` : ''} Figures in the table below.</figcaption>
</figure>
</div>
<table class="monthly">
  <caption>${monthly.title}, by month</caption>
  <thead><tr><th scope="col">Year</th>${MONTHS.map((m) => html`<th scope="col" class="number">${m}</th>`)}</tr></thead>
  <tbody>
${years.map((year) => html`    <tr><th scope="row">${year}</th>${MONTHS.map((_m, index) => html`<td class="number">${byMonth.get(`${year}-${String(index + 1).padStart(2, '0')}`) ?? ''}</td>`)}</tr>
`)}  </tbody>
</table>`;
}

// ---------------------------------------------------------------------------------------------
// Breakdowns

async function breakdownBlock(breakdown: ReportBreakdown, section: ReportFiguresSection, index: number): Promise<Html> {
  const id = `${section.id}-breakdown-${index + 1}`;
  const chartable = breakdown.rows.length > 0 && breakdown.chart;
  const chart = chartable
    ? await shareChart(
      { id: `${id}-chart`, title: breakdown.title, description: `Horizontal bar chart of the share of each group: ${breakdown.dimensionTitle.toLowerCase()}. The same figures are in the table that follows.` },
      breakdown.rows.map((row) => ({ label: row.label, value: row.share.value, display: row.share.suppressed ? row.share.display : `${row.share.display} (${row.count.display})` })),
    )
    : null;
  return html`
<div class="keep-together">
<h3 id="${id}">${breakdown.title} <span class="metric-id">${breakdown.metricId}</span></h3>
${chart ? html`<figure class="chart">${trusted(chart)}<figcaption>${breakdown.title}: the share of each group. Groups with fewer than 5 have no bar. Figures in the table below.</figcaption></figure>` : ''}
</div>
${breakdown.rows.length === 0
    ? html`<p>Nothing was counted in the period.</p>`
    : html`<table class="breakdown">
  <caption>${breakdown.title}${breakdown.total !== null ? `: ${new Intl.NumberFormat('en-GB').format(breakdown.total)} in all` : ''}${breakdown.overlapping ? '. One can have several, so the rows need not add up to the total' : ''}</caption>
  <thead><tr><th scope="col">${breakdown.dimensionTitle}</th><th scope="col" class="number">Number</th><th scope="col" class="number">Share</th></tr></thead>
  <tbody>
${breakdown.rows.map((row) => html`    <tr><th scope="row">${row.label}</th><td class="number">${row.count.display}</td><td class="number">${row.share.display}</td></tr>
`)}  </tbody>
</table>`}`;
}

// ---------------------------------------------------------------------------------------------
// Disproportionality

const readings: Record<DisproportionalityRowOut['representation'], string> = {
  over: 'over-represented', under: 'under-represented', 'in-line': 'in line', comparator: 'comparator',
  'unknown-group': 'not known', 'not-computable': 'cannot be computed', withheld: 'withheld',
};

const comparatorOf = (d: DisproportionalityOut) => (d.comparator.code === 'all-others' ? 'all other children' : d.comparator.label);

const readingOf = (row: DisproportionalityRowOut) => `${readings[row.representation]}${row.significant ? '; differs from the comparator (95% CI excludes 1)' : ''}`;

const interval = (row: DisproportionalityRowOut) =>
  (row.confidenceInterval.lower.suppressed ? row.confidenceInterval.lower.display : row.confidenceInterval.lower.value === null ? '–' : `${row.confidenceInterval.lower.display} to ${row.confidenceInterval.upper.display}`);

/** `lead` (the section's "Disproportionality" heading, before the first block) is kept on the page of the block's chart. */
async function disproportionalityBlock(item: ReportDisproportionality, section: ReportFiguresSection, index: number, lead: Html | ''): Promise<Html> {
  const id = `${section.id}-disproportionality-${index + 1}`;
  const heading = html`${lead}<h4 id="${id}">${item.title} <span class="metric-id">${item.viewId ? `${item.viewId}: ` : ''}${item.metricId}</span></h4>`;
  if (!item.analysis) return html`${heading}<p>No comparison can be made: ${item.notes.join(' ') || 'there is nothing to compare with.'}</p>`;
  const d: DisproportionalityOut = item.analysis;
  const perBase = d.rateBase === 100 ? 'per 100' : 'per 10,000';
  // A log scale has no zero: a group with none counted is in the table only.
  const plotted = d.rows.filter((row) => row.relativeRateIndex.value !== null && row.relativeRateIndex.value > 0);
  const chart = plotted.length > 0
    ? await rateRatioChart(
      { id: `${id}-chart`, title: `${item.title}: relative rate index`, description: `Relative rate index of each group against ${comparatorOf(d)}, with its 95% confidence interval, on a log scale. The same figures are in the table that follows.` },
      plotted.map((row) => ({
        label: row.group.label, index: row.relativeRateIndex.value!, lower: row.confidenceInterval.lower.value, upper: row.confidenceInterval.upper.value,
        display: row.confidenceInterval.lower.value === null ? row.relativeRateIndex.display : `${row.relativeRateIndex.display} (${row.confidenceInterval.lower.display} to ${row.confidenceInterval.upper.display})`,
      })),
    )
    : null;
  return html`
<div class="keep-together">
${heading}
<p class="method">Each group is compared with ${d.reference}. Relative rate index against ${comparatorOf(d)}; ${d.intervalMethod}. Over- or under-represented: the group's share of the service is at least ${OVER_REPRESENTED_AT} times, or at most ${UNDER_REPRESENTED_AT} times, its share of the reference. Not known: ${d.unknownShare.display} of those counted.</p>
${chart ? html`<figure class="chart">${trusted(chart)}<figcaption>Relative rate index with its 95% confidence interval; the dashed line is the comparator (1). Groups withheld, with none counted or with nothing to compare are not drawn. Figures in the table below.</figcaption></figure>` : ''}
</div>
<table class="disproportionality">
  <caption>${item.title}: counts, shares, rates ${perBase} and relative rate index (RRI) with 95% confidence interval</caption>
  <thead><tr><th scope="col">${item.dimensionTitle}</th><th scope="col" class="number">Number</th><th scope="col" class="number">Share of service</th><th scope="col" class="number">Share of reference</th><th scope="col" class="number">Rate ${perBase}</th><th scope="col" class="number">RRI</th><th scope="col" class="number">95% CI</th><th scope="col">Reading</th></tr></thead>
  <tbody>
${d.rows.map((row) => html`    <tr><th scope="row">${row.group.label}</th><td class="number">${row.count.display}</td><td class="number">${row.serviceShare.display}</td><td class="number">${row.referenceShare.display}</td><td class="number">${row.rate.display}</td><td class="number">${row.relativeRateIndex.display}</td><td class="number">${interval(row)}</td><td>${readingOf(row)}</td></tr>
`)}  </tbody>
</table>`;
}

// ---------------------------------------------------------------------------------------------
// Sections

function notYetRecordedTable(entries: ReportNotYetRecordedSection['entries'], caption: string): Html {
  // One reason shared by every entry is said once, above the table.
  const reasons = new Set(entries.map((entry) => entry.reason));
  const shared = reasons.size === 1 ? [...reasons][0]! : null;
  return html`
${shared ? html`<p class="reason">${shared}</p>` : ''}
<table class="not-recorded">
  <caption>${caption}</caption>
  <thead><tr><th scope="col">Catalogue id</th><th scope="col">Figure</th>${shared ? '' : html`<th scope="col">What it needs</th>`}</tr></thead>
  <tbody>
${entries.map((entry) => html`    <tr><th scope="row">${entry.id}</th><td>${entry.title}</td>${shared ? '' : html`<td>${entry.reason}</td>`}</tr>
`)}  </tbody>
</table>`;
}

async function figuresSection(section: ReportFiguresSection, number: number, report: AnnualReport): Promise<Html> {
  const monthly = section.monthly ? await monthlyBlock(section.monthly, section) : '';
  const breakdowns: Html[] = [];
  for (const [index, breakdown] of section.breakdowns.entries()) breakdowns.push(await breakdownBlock(breakdown, section, index));
  const disproportionality: Html[] = [];
  const disproportionalityHeading = html`<h3 id="${section.id}-disproportionality">Disproportionality</h3>`;
  for (const [index, item] of section.disproportionality.entries()) disproportionality.push(await disproportionalityBlock(item, section, index, index === 0 ? disproportionalityHeading : ''));
  return html`
<section class="report-section" id="${section.id}" aria-labelledby="${section.id}-heading">
<h2 id="${section.id}-heading">${number}. ${section.title}</h2>
${commentary(section.id)}
<h3 id="${section.id}-figures">The figures</h3>
<ul class="facts">
${section.figures.map((figure) => html`  <li data-metric="${figure.id}">${figure.comparison}</li>
`)}</ul>
${figuresTable(section, report)}
${benchmarkTable(section, report)}
${monthly}
${breakdowns}
${disproportionality}
${section.notYetRecorded.length > 0 ? html`<h3 id="${section.id}-not-recorded">Figures not yet recorded in Safeguard</h3>
<p>The catalogue names these figures for this part of the report. Safeguard does not record what they need yet, so none is given.</p>
${notYetRecordedTable(section.notYetRecorded, `${section.title}: figures not yet recorded in Safeguard`)}` : ''}
${section.notes.length > 0 ? html`<h3 id="${section.id}-notes">Notes</h3><ul class="notes">${section.notes.map((note) => html`<li>${note}</li>`)}</ul>` : ''}
</section>`;
}

function notYetRecordedSection(section: ReportNotYetRecordedSection, number: number): Html {
  return html`
<section class="report-section not-yet-recorded" id="${section.id}" aria-labelledby="${section.id}-heading">
<h2 id="${section.id}-heading">${number}. ${section.title}</h2>
<p class="not-recorded-statement"><strong>These figures are not yet recorded in Safeguard.</strong> This report gives none of them.</p>
${commentary(section.id)}
${section.entries.length > 0 ? notYetRecordedTable(section.entries, `${section.title}: the catalogue's figures and what each needs`) : ''}
</section>`;
}

const sectionOf = (section: ReportSection, number: number, report: AnnualReport) =>
  (section.kind === 'figures' ? figuresSection(section, number, report) : Promise.resolve(notYetRecordedSection(section, number)));

// ---------------------------------------------------------------------------------------------
// The document

const STYLE = `
:root { color: #0b0c0c; background: #fff; }
body { font-family: Helvetica, Arial, sans-serif; font-size: 11pt; line-height: 1.4; margin: 0 auto; max-width: 190mm; padding: 0 8mm 12mm; }
h1 { font-size: 26pt; margin: 0 0 6mm; }
h2 { font-size: 18pt; margin: 10mm 0 4mm; border-bottom: 2px solid #0b0c0c; padding-bottom: 1mm; }
h3 { font-size: 13pt; margin: 7mm 0 2mm; }
h4 { font-size: 11.5pt; margin: 5mm 0 2mm; }
.metric-id { font-weight: normal; font-size: 8.5pt; color: #383f43; white-space: nowrap; }
.when { font-weight: normal; font-size: 8.5pt; }
table { border-collapse: collapse; width: 100%; margin: 2mm 0 5mm; font-size: 9.5pt; }
caption { text-align: left; font-weight: bold; padding: 1mm 0 2mm; }
th, td { border-bottom: 1px solid #b1b4b6; padding: 1.2mm 2mm 1.2mm 0; text-align: left; vertical-align: top; }
thead th { border-bottom: 2px solid #0b0c0c; }
tbody th { font-weight: normal; }
.number { text-align: right; font-variant-numeric: tabular-nums; }
td.source { font-size: 8pt; }
table.monthly { font-size: 8.5pt; }
table.monthly td, table.monthly th { padding-right: 1mm; }
.commentary { border: 2px dashed #0b0c0c; padding: 3mm 4mm; margin: 4mm 0; min-height: 22mm; }
.commentary p { margin: 0; }
.not-recorded-statement { border-left: 5px solid #0b0c0c; padding: 2mm 4mm; background: #f3f2f1; }
figure.chart { margin: 3mm 0; }
figure.chart svg { max-width: 100%; height: auto; }
figcaption { font-size: 9pt; }
.cover { padding-top: 20mm; }
.cover dl { display: grid; grid-template-columns: max-content 1fr; gap: 1mm 6mm; }
.cover dt { font-weight: bold; }
.cover dd { margin: 0; }
ul.facts li { margin-bottom: 1.5mm; }
.method, ul.notes { font-size: 9.5pt; }
nav ol { list-style: none; padding-left: 0; }
table.disproportionality { font-size: 8.5pt; }
td.number, td.year { white-space: nowrap; }
@page { size: A4; margin: 16mm 14mm 18mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 10pt; }
  .report-section, nav, .appendix { break-before: page; }
  h2, h3, h4, caption { break-after: avoid; }
  figure, tr, .commentary, .not-recorded-statement, .keep-together { break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
}
`;

function aboutSection(report: AnnualReport): Html {
  return html`
<section class="report-section" id="about" aria-labelledby="about-heading">
<h2 id="about-heading">About this report</h2>
${commentary('introduction')}
<p>Every figure in this report is computed from Safeguard's case record for ${report.window.description}, and compared with the ${lengthOf(report)} before it (${report.previousWindow.description}). Figures counted on a day (for example, children on a plan) are counted at the end of each period. Timeliness is judged as at ${dateInWords(report.runOn)}, the day the report was produced.</p>
<p>In tables by group, numbers from 1 to ${report.suppressionThreshold - 1} are shown as "fewer than ${report.suppressionThreshold}" so that no child can be identified, and anything worked out from them is withheld too; where one group alone would be withheld, the next smallest is withheld with it. Totals for the whole council are shown in full.</p>
<p>Sections for work that Safeguard does not record yet say so and give no figures. The places marked "${COMMENTARY_PLACEHOLDER}" are for the partnership's own account of what the figures mean.</p>
</section>`;
}

function definitionsAppendix(report: AnnualReport): Html {
  return html`
<section class="appendix" id="definitions" aria-labelledby="definitions-heading">
<h2 id="definitions-heading">Definitions of the figures</h2>
<table class="definitions">
  <caption>Each figure quoted, as Safeguard computes it</caption>
  <thead><tr><th scope="col">Id</th><th scope="col">Figure</th><th scope="col">Definition</th><th scope="col">Source</th></tr></thead>
  <tbody>
${report.definitions.map((d) => html`    <tr><th scope="row">${d.id}</th><td>${d.title}</td><td>${d.definition}</td><td class="source">${d.source}</td></tr>
`)}  </tbody>
</table>
</section>`;
}

export async function renderAnnualReportHtml(report: AnnualReport): Promise<string> {
  const title = `Safeguarding children partnership annual report, ${report.window.description}`;
  const sections: Html[] = [];
  for (const [index, section] of report.sections.entries()) sections.push(await sectionOf(section, index + 1, report));
  const document = html`<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<style>${trusted(STYLE)}</style>
</head>
<body>
<header class="cover">
<p>Safeguarding children partnership</p>
<h1>Annual report</h1>
<dl>
  <dt>Period</dt><dd>${report.window.description}</dd>
  <dt>Compared with</dt><dd>${report.previousWindow.description}</dd>
  <dt>Local authority</dt><dd>${report.laCode}</dd>
  <dt>Produced</dt><dd>${dateInWords(report.runOn)}, from Safeguard's case record</dd>
</dl>
</header>
<nav aria-labelledby="contents-heading">
<h2 id="contents-heading">Contents</h2>
<ol>
  <li><a href="#about">About this report</a></li>
${report.sections.map((section, index) => html`  <li><a href="#${section.id}">${index + 1}. ${section.title}</a>${section.kind === 'not-yet-recorded' ? ' (not yet recorded in Safeguard)' : ''}</li>
`)}  <li><a href="#definitions">Definitions of the figures</a></li>
</ol>
</nav>
<main>
${aboutSection(report)}
${sections}
${definitionsAppendix(report)}
</main>
</body>
</html>
`;
  return document.text;
}
