import { chainAwaitingAudit } from '../platform/audit/audit.ts';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Command } from 'commander';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BenchmarkRepository, parseBenchmarksCsv } from '../analytics/benchmarks.ts';
import { MetricsEngine } from '../analytics/engine.ts';
import { appOn, fourThousandChildren, LA_CODE, loadPopulation, recorderFor } from '../analytics/test-support.ts';
import { createCalendar } from '../platform/calendar/calendar.ts';
import { loadConfig } from '../app/config.ts';
import type { Database } from '../platform/database/database.ts';
import { testDatabaseTargets } from '../../test/support/test-database.ts';
import { buildAnnualReport, changeInBrief, comparisonSentence, type AnnualReport, type FigurePoint, type ReportFiguresSection } from './annual-report.ts';
import { registerReportCommand } from './cli.ts';
import { COMMENTARY_PLACEHOLDER, escapeHtml, renderAnnualReportHtml } from './html.ts';
import { annualReportSections } from './sections.ts';

describe('comparisons with the previous period, in words', () => {
  const point = (value: number | null, display = String(value)): FigurePoint => ({ when: 'on 31 March 2024', value, display, numerator: null, denominator: null });
  it('says counts are more or fewer, percentages move by points, rates are higher or lower', () => {
    expect(comparisonSentence('Contacts received', 'count', point(2345, '2,345'), point(2443, '2,443'), false))
      .toBe('Contacts received: 2,345 in the period, 4% fewer than in the previous period (2,443).');
    expect(comparisonSentence('ICPC timeliness', 'percent', point(73, '73%'), point(70.9, '70.9%'), false))
      .toBe('ICPC timeliness: 73% in the period, 2.1 percentage points higher than in the previous period (70.9%).');
    expect(changeInBrief('rate-per-10000', point(45), point(50))).toBe('10% lower');
    expect(changeInBrief('percent', point(93.12), point(93.1))).toBe('less than 0.1 percentage points higher');
    expect(changeInBrief('count', point(7), point(7))).toBe('no change');
    expect(changeInBrief('count', point(7), point(null))).toBe('–');
  });
  it('names the day of a snapshot and says when there is nothing to compare with', () => {
    expect(comparisonSentence('Children on a plan', 'count', point(3), { ...point(0), when: 'on 31 March 2023' }, true))
      .toBe('Children on a plan: 3 on 31 March 2024, up from none on 31 March 2023.');
    expect(comparisonSentence('Repeat plans', 'percent', point(25, '25%'), point(null, '–'), false))
      .toBe('Repeat plans: 25% in the period; there is no figure for the previous period to compare with.');
    expect(comparisonSentence('Repeat plans', 'percent', point(null, '–'), point(20, '20%'), false)).toBe('Repeat plans: no figure in the period (see the notes).');
  });
});

/**
 * The annual report for the partnership's period, 1 September 2022 – 31 March 2024 (19 months),
 * compared with the 19 months before it (1 February 2021 – 31 August 2022), on a log whose answers
 * are known:
 *
 * - 13 children registered in 2020: W1–W6 White British, B1–B6 Black African, A1 Bangladeshi.
 * - Previous period: W1–W6 and B1–B4 each have a contact on 1 March 2022 (10 contacts), decided NFA.
 * - This period: each of the 13 has a contact in May 2023 (13 contacts: 30% more). A1's comes from a
 *   school (source 2A), the others from the police (6).
 * - W1 is referred, assessed and, after a strategy discussion, an initial conference on 30 May 2023
 *   starts a plan (emotional abuse) still open on 31 March 2024: 1 child on a plan then, none on
 *   31 August 2022.
 * - Mid-2022 and mid-2024 populations: 4,000 children (White British 2,000, Black African 1,000,
 *   Bangladeshi 1,000).
 */
describe.each(testDatabaseTargets)('the annual report on $name', (target) => {
  let db: Database;
  let app: FastifyInstance;
  let report: AnnualReport;
  let html: string;
  const context = { laCode: LA_CODE, actor: loadConfig({ SAFEGUARD_LA_CODE: LA_CODE }).developmentActor, correlationId: 'annual-report-test' };
  const engine = () => new MetricsEngine({ db: db.pool, context, calendar: createCalendar(), today: () => '2024-06-30' });
  const sectionOf = (id: string) => report.sections.find((s) => s.id === id) as ReportFiguresSection;
  /** The HTML of one <section>, so a figure is found in the section it belongs to. */
  const sectionHtml = (id: string) => {
    const start = html.indexOf(`<section class="report-section`, html.indexOf(`id="${id}"`) - 60);
    return html.slice(start, html.indexOf('</section>', start));
  };

  beforeAll(async () => {
    db = await target.open();
    app = appOn(db);
    await loadPopulation(db, 2022, fourThousandChildren);
    await loadPopulation(db, 2024, fourThousandChildren);
    // A benchmark whose source holds markup: it must reach the page as text.
    await new BenchmarkRepository(db.pool, LA_CODE).save(parseBenchmarksCsv(
      'metric_id,year,geography,value,source\nFD-01,2023-24,statistical-neighbours,1234,"DfE <b>test</b> & ""quoted"""\n',
    ));
    const r = recorderFor(app, 'report');
    const children = [
      ...['W1', 'W2', 'W3', 'W4', 'W5', 'W6'].map((id) => ({ id, ethnicity: 'WBRI' })),
      ...['B1', 'B2', 'B3', 'B4', 'B5', 'B6'].map((id) => ({ id, ethnicity: 'BAFR' })),
      { id: 'A1', ethnicity: 'ABAN' },
    ];
    for (const child of children) await r.register(child.id, { ethnicity: child.ethnicity, dateOfBirth: '2012-01-01' });
    for (const child of children.slice(0, 10)) {
      await r.contact(child.id, '2022-03-01T10:00:00Z');
      await r.decide(child.id, '2022-03-01T15:00:00Z', 'no-further-action');
    }
    for (const [index, child] of children.entries()) {
      if (child.id === 'W1') continue;
      const day = String(index + 2).padStart(2, '0');
      await r.contact(child.id, `2023-05-${day}T10:00:00Z`, child.id === 'A1' ? { source: '2A', localSource: 'school' } : {});
      await r.decide(child.id, `2023-05-${day}T15:00:00Z`, 'no-further-action');
    }
    await r.contact('W1', '2023-05-01T09:00:00Z');
    await r.decide('W1', '2023-05-01T15:00:00Z');
    await r.referral('W1', '2023-05-01');
    await r.allocate('W1', '2023-05-02T09:00:00Z');
    await r.startAssessment('W1', '2023-05-02');
    await r.strategy('W1', '2023-05-10');
    await r.completeAssessment('W1', '2023-05-20', 'strategy-discussion');
    await r.initialConference('W1', '2023-05-30', 'EMO');

    report = await buildAnnualReport(engine(), { from: '2022-09-01', to: '2024-03-31', laCode: LA_CODE, runOn: '2024-06-30' });
    html = await renderAnnualReportHtml(report);
  });

  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  it('covers the partnership period and compares it with the 19 months before', () => {
    expect(report.window).toMatchObject({ label: 'ISCP2022-24', from: '2022-09-01', to: '2024-03-31', months: 19, description: '1 September 2022 to 31 March 2024' });
    expect(report.previousWindow).toMatchObject({ from: '2021-02-01', to: '2022-08-31', months: 19 });
    expect(report.sections.map((s) => s.id)).toEqual(annualReportSections.map((s) => s.id));
  });

  it('puts each figure in its section with the previous period of the same length', () => {
    const contacts = sectionOf('front-door').figures.find((f) => f.id === 'FD-01')!;
    expect(contacts).toMatchObject({ current: { value: 13 }, previous: { value: 10 }, change: '30% more' });
    expect(contacts.comparison).toBe('Contacts received: 13 in the period, 30% more than in the previous period (10).');
    const onPlan = sectionOf('child-protection').figures.find((f) => f.id === 'CP-01')!;
    expect(onPlan.comparison).toBe(`${onPlan.title}: 1 on 31 March 2024, up from none on 31 August 2022.`);
    expect(sectionOf('conferences').figures.find((f) => f.id === 'CPC-01')).toMatchObject({ current: { value: 1 }, previous: { value: 0 } });
    expect(sectionOf('children-in-need').figures.find((f) => f.id === 'CIN-08')).toMatchObject({ current: { value: 1 }, previous: { value: 0 } });

    const frontDoor = sectionHtml('front-door');
    expect(frontDoor).toContain('Contacts received: 13 in the period, 30% more than in the previous period (10).');
    expect(frontDoor).toMatch(/<tr data-metric="FD-01">\s*<th scope="row">Contacts received <span class="metric-id">FD-01<\/span><\/th>\s*<td class="number">13<\/td>\s*<td class="number">10<\/td>\s*<td>30% more<\/td>/);
    expect(sectionHtml('child-protection')).not.toContain('data-metric="FD-01"');
  });

  it('counts contacts month by month across the window, zeros included', () => {
    const monthly = sectionOf('front-door').monthly!;
    expect(monthly.points).toHaveLength(19);
    expect(monthly.points.find((p) => p.month === '2023-05')!.count.display).toBe('13');
    expect(monthly.points.filter((p) => p.count.value === 0)).toHaveLength(18);
  });

  it('shows benchmarks for the DfE years the window overlaps, England among them', () => {
    const frontDoor = sectionHtml('front-door');
    expect(frontDoor).toMatch(/<td class="year">2023-24<\/td><td>statistical neighbours<\/td><td>value<\/td><td class="number">1,234<\/td>/);
    // Shipped England referrals (CIN-08) for 2022-23 and 2023-24; none earlier.
    const referrals = sectionOf('children-in-need').figures.find((f) => f.id === 'CIN-08')!;
    expect(referrals.benchmarks.map((b) => `${b.year} ${b.geography}`)).toEqual(expect.arrayContaining(['2022-23 england', '2023-24 england']));
    expect(referrals.benchmarks.every((b) => b.year === '2022-23' || b.year === '2023-24')).toBe(true);
  });

  it('gives disproportionality with the relative rate index and its 95% CI, small groups withheld', () => {
    const contacts = sectionOf('front-door').disproportionality.find((d) => d.metricId === 'FD-01' && d.dimensionTitle.startsWith('Ethnicity'))!;
    const row = (code: string) => contacts.analysis!.rows.find((r) => r.group.code === code)!;
    // Black African: 6 of 1,000 against White British 6 of 2,000 → 2.00; Poisson 95% CI exp(ln 2 ± 1.96 √(1/6 + 1/6)).
    expect(row('BAFR').relativeRateIndex.display).toBe('2.00');
    expect(row('BAFR').confidenceInterval.lower.display).toBe('0.65');
    expect(row('BAFR').confidenceInterval.upper.display).toBe('6.20');
    expect(row('ABAN').count.display).toBe('fewer than 5');
    expect(row('ABAN').relativeRateIndex.suppressed).toBe(true);

    const frontDoor = sectionHtml('front-door');
    expect(frontDoor).toMatch(/<th scope="row">[^<]*African[^<]*<\/th><td class="number">6<\/td>.*<td class="number">2\.00<\/td><td class="number">0\.65 to 6\.20<\/td>/);
    expect(frontDoor).toMatch(/<th scope="row">[^<]*Bangladeshi[^<]*<\/th><td class="number">fewer than 5<\/td>/);
    // One contact from a school: withheld, and the police's 12 with it (else 13 − 12 gives it away).
    const sources = sectionOf('front-door').breakdowns.find((b) => b.metricId === 'FD-03')!;
    expect(sources.rows.map((r) => r.count.display)).toEqual(['fewer than 5', 'fewer than 5']);
  });

  it('draws charts as accessible SVG images with titles, each beside its figures', () => {
    const svgs = html.match(/<svg\b[^>]*>/g) ?? [];
    expect(svgs.length).toBeGreaterThanOrEqual(8);
    for (const svg of svgs) {
      expect(svg).toMatch(/role="img"/);
      const [, titleId] = /aria-labelledby="([^" ]+)/.exec(svg)!;
      expect(html).toContain(`<title id="${titleId}">`);
    }
    expect(html).toContain('<title id="front-door-monthly-chart-title">Contacts received each month</title>');
    // Every chart sits in a figure followed by the table of its figures.
    const figures = html.split('<figure class="chart">').slice(1);
    expect(figures).toHaveLength(svgs.length);
    for (const figure of figures) expect(figure.indexOf('<table')).toBeGreaterThan(figure.indexOf('</figure>'));
  });

  it('leaves marked places for the partnership\'s commentary and writes none itself', () => {
    const placeholders = html.match(new RegExp(`<strong>${COMMENTARY_PLACEHOLDER}</strong>`, 'g')) ?? [];
    expect(placeholders).toHaveLength(report.sections.length + 1);
    const sentences = report.sections.flatMap((s) => (s.kind === 'figures' ? s.figures.map((f) => f.comparison) : []));
    const factual = /^[^:]+: .+ (in the period|on \d{1,2} [A-Z][a-z]+ \d{4})(, (\d[\d,.]* (percentage points?|%) )?(.*(more|fewer|higher|lower) than|the same as) .+\(.+\)|, up from none .+|; there is no figure for the previous period to compare with| \(see the notes\))?\.$/;
    for (const sentence of sentences) expect(sentence).toMatch(factual);
    const evaluative = /\b(improv\w*|worse\w*|pleas\w*|encourag\w*|concern\w*|excellent|positive\w*|success\w*|good|poor\w*|strong\w*|weak\w*|welcome\w*)\b/i;
    for (const sentence of sentences) expect(sentence).not.toMatch(evaluative);
  });

  it('says which sections are not yet recorded, with no figures', () => {
    for (const id of ['lado', 'missing-and-exploitation', 'family-group-conferences', 'audits', 'case-reviews', 'training', 'budget']) {
      const section = sectionHtml(id);
      expect(section, id).toContain('These figures are not yet recorded in Safeguard.');
      expect(section, id).not.toContain('class="figures"');
      expect(section, id).not.toContain('<svg');
    }
    expect(sectionHtml('lado')).toContain('<p class="reason">No LADO contacts, allegations or ASV meetings are recorded yet.</p>');
    expect(sectionHtml('lado')).toContain('<tr><th scope="row">LADO-01</th><td>LADO contacts</td></tr>');
    // Within a computed section, the catalogue's figures that cannot be computed yet are named too.
    expect(sectionOf('conferences').notYetRecorded.map((e) => e.id)).toContain('CPC-02');
    // Children looked after is recorded now: its section has figures where the placeholder stood.
    expect(sectionHtml('looked-after')).toContain('data-metric="CLA-01"');
  });

  it('is one accessible, self-contained English document, with all data escaped', () => {
    expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="en-GB">/);
    expect(html).not.toMatch(/<(script|link|img)\b/);
    expect(html).not.toMatch(/\b(src|href)="(?!#)/);
    expect(html).toContain('@media print');
    expect(html).toContain('size: A4');
    // Headings never skip a level.
    const levels = [...html.matchAll(/<h([1-6])\b/g)].map((m) => Number(m[1]));
    expect(levels[0]).toBe(1);
    levels.forEach((level, index) => { if (index > 0) expect(level - levels[index - 1]!).toBeLessThanOrEqual(1); });
    // Every table has a caption and every header cell a scope.
    expect((html.match(/<table\b/g) ?? []).length).toBe((html.match(/<caption>/g) ?? []).length);
    expect(html).not.toMatch(/<th\b(?![^>]*scope=)[^>]*>/);
    expect(html).toContain('DfE &lt;b&gt;test&lt;/b&gt; &amp; &quot;quoted&quot;');
    expect(html).not.toContain('<b>test</b>');
    expect(escapeHtml('<a href="x">Tom & Jerry\'s</a>')).toBe('&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;');
  });

  it('reads every figure through the engine, which audits each read', async () => {
    await chainAwaitingAudit(db.pool);
    const audited = await db.pool.query(
      `SELECT count(*)::int AS reads, count(DISTINCT detail->>'metricId')::int AS metrics FROM audit_event
        WHERE la_code = $1 AND correlation_id = $2 AND resource = 'metric' AND detail->>'window' = 'ISCP2022-24'`,
      [LA_CODE, context.correlationId],
    );
    expect(audited.rows[0].metrics).toBeGreaterThanOrEqual(25);
  });

  it('refuses a period that ends after today', async () => {
    await expect(buildAnnualReport(engine(), { from: '2024-01-01', to: '2024-12-31', laCode: LA_CODE, runOn: '2024-06-30' })).rejects.toThrow(/after today/);
  });

  it('is produced by the API as HTML, described in the OpenAPI document, and names bad fields', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/v1/reports/annual?from=2022-09-01&to=2024-03-31' });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/html/);
    expect(response.body).toContain('Contacts received: 13 in the period, 30% more than in the previous period (10).');
    const bad = await app.inject({ method: 'GET', url: '/api/v1/reports/annual?from=2022-13-01&to=2024-03-31&format=docx' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.problems.map((p: { field: string }) => p.field)).toEqual(expect.arrayContaining(['query.from', 'query.format']));
    const document = (await app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json();
    const operation = document.paths['/api/v1/reports/annual'].get;
    expect(operation.parameters.map((p: { name: string }) => p.name)).toEqual(['from', 'to', 'format']);
    expect(Object.keys(operation.responses['200'].content)).toEqual(['text/html; charset=utf-8', 'application/pdf']);
  });

  it('is written by `safeguard report annual --out report.html`', async () => {
    const folder = await mkdtemp(path.join(os.tmpdir(), 'annual-report-'));
    try {
      const messages: string[] = [];
      const run = (...args: string[]) => {
        const program = new Command('safeguard').exitOverride();
        registerReportCommand(program, {
          loadConfig: () => loadConfig({ SAFEGUARD_LA_CODE: LA_CODE }),
          // The test owns the database: the command's close() must not end it.
          openDatabase: async () => ({ ...db, close: async () => {} }),
          say: (message) => messages.push(message),
          today: () => '2024-06-30',
        });
        return program.parseAsync(['node', 'safeguard', 'report', 'annual', ...args]);
      };
      const out = path.join(folder, 'report.html');
      await run('--from', '2022-09-01', '--to', '2024-03-31', '--out', out);
      const written = await readFile(out, 'utf8');
      expect(written).toContain('<html lang="en-GB">');
      expect(written).toContain('Contacts received: 13 in the period, 30% more than in the previous period (10).');
      expect(messages.join('\n')).toMatch(/Wrote the annual report for 2022-09-01 to 2024-03-31 \(HTML\)/);
      await expect(run('--from', '2022-09-01', '--to', '2024-03-31', '--out', path.join(folder, 'report.docx'))).rejects.toThrow(/name the file \.html or \.pdf/);
      await expect(run('--from', '2022-09-31', '--to', '2024-03-31', '--out', out)).rejects.toThrow(/--from/);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });
});
