/**
 * Benchmarks: England, statistical-neighbour, regional or other councils' values of a catalogue
 * metric, published by DfE and others. Safeguard cannot compute them, so a council loads them from
 * CSV; the England figures of the statutory data specification (§6) ship with Safeguard in
 * benchmarks/england.csv and are read from there, so every council has them without loading.
 *
 * CSV: a header line, then `metric_id,year,geography,value,source[,measure]`. Fields may be quoted
 * ("…", with "" for a quote) so a source can hold commas. `year` is the DfE year label '2023-24'
 * (the year to 31 March 2024, or the snapshot at that date) or a calendar year '2023'. `measure`
 * says which figure of the metric the value is (value, numerator, denominator, rate-per-10000) and
 * defaults to the metric's headline value.
 */
import { readFileSync } from 'node:fs';
import type pg from 'pg';
import { catalogueTitles, findCatalogueEntry } from './catalogue.ts';
import { DomainError, type FieldProblem } from '../platform/errors.ts';
import { assertCapability } from '../access/policy.ts';
import type { AccessGrant } from '../platform/request-context.ts';

export const benchmarkMeasures = ['value', 'numerator', 'denominator', 'rate-per-10000'] as const;
export type BenchmarkMeasure = (typeof benchmarkMeasures)[number];

export interface Benchmark {
  metricId: string;
  year: string;
  geography: string;
  measure: BenchmarkMeasure;
  value: number;
  source: string;
}

export interface StoredBenchmark extends Benchmark {
  /** 'shipped' with Safeguard (england.csv) or 'loaded' by the council. */
  origin: 'shipped' | 'loaded';
}

const YEAR = /^\d{4}(-\d{2})?$/;
const GEOGRAPHY = /^(england|statistical-neighbours|region|\d{3})$/;

/** Splits CSV text into records of fields (RFC 4180 quoting; CRLF or LF). */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let quoted = false;
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index]!;
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') { field += '"'; index += 1; }
      else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"' && field === '') quoted = true;
    else if (char === ',') { record.push(field); field = ''; }
    else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[index + 1] === '\n') index += 1;
      record.push(field);
      records.push(record);
      record = [];
      field = '';
    } else field += char;
  }
  if (field !== '' || record.length > 0) { record.push(field); records.push(record); }
  return records.filter((fields) => !(fields.length === 1 && fields[0]!.trim() === ''));
}

/**
 * Benchmarks from CSV text, checked line by line: every bad field of every line is reported
 * (field 'line N.column'), and nothing is answered unless all lines are good.
 */
export function parseBenchmarksCsv(text: string): Benchmark[] {
  const [header, ...lines] = parseCsv(text.replace(/^\uFEFF/, ''));
  const expected = ['metric_id', 'year', 'geography', 'value', 'source'];
  const columns = (header ?? []).map((name) => name.trim().toLowerCase().replaceAll(' ', '_'));
  if (columns.slice(0, 5).join(',') !== expected.join(',') || (columns.length === 6 && columns[5] !== 'measure') || columns.length > 6) {
    throw DomainError.invalidField('line 1', `The first line must be the header ${expected.join(',')}[,measure]; it is ${columns.join(',') || '(empty)'}`);
  }
  const problems: FieldProblem[] = [];
  const benchmarks: Benchmark[] = [];
  const seen = new Set<string>();
  lines.forEach((fields, index) => {
    const lineNumber = index + 2;
    const problem = (column: string, message: string) => problems.push({ field: `line ${lineNumber}.${column}`, message });
    if (fields.length < 5 || fields.length > columns.length) {
      problem('(line)', `Expected ${columns.length} fields, found ${fields.length}`);
      return;
    }
    const [givenMetricId = '', year = '', geography = '', value = '', source = '', measure = 'value'] = fields.map((f) => f.trim());
    // Stored under the catalogue's own spelling (CP-02a), whatever case the file used.
    const metricId = findCatalogueEntry(givenMetricId)?.id ?? givenMetricId;
    if (!catalogueTitles.has(metricId) && !findCatalogueEntry(metricId)) problem('metric_id', `No catalogue metric ${metricId || '(empty)'}`);
    if (!YEAR.test(year)) problem('year', `Year must be like 2023-24 (year to 31 March) or 2023, not ${year || '(empty)'}`);
    else if (year.length === 7 && Number(year.slice(5)) !== (Number(year.slice(0, 4)) + 1) % 100) problem('year', `${year}: the second year must follow the first`);
    if (!GEOGRAPHY.test(geography)) problem('geography', `Geography must be england, statistical-neighbours, region or a 3-digit LA code, not ${geography || '(empty)'}`);
    const number = Number(value.replaceAll(',', ''));
    if (value === '' || !Number.isFinite(number)) problem('value', `Not a number: ${value || '(empty)'}`);
    if (source === '' || source.length > 500) problem('source', 'Give the source (up to 500 characters)');
    if (!(benchmarkMeasures as readonly string[]).includes(measure)) problem('measure', `Measure must be one of ${benchmarkMeasures.join(', ')}, not ${measure}`);
    const key = [metricId, year, geography, measure].join('|');
    if (seen.has(key)) problem('(line)', `Repeats ${metricId} ${year} ${geography} ${measure} from an earlier line`);
    seen.add(key);
    benchmarks.push({ metricId, year, geography, measure: measure as BenchmarkMeasure, value: number, source });
  });
  if (problems.length > 0) throw DomainError.invalid(problems, `The benchmark file has ${problems.length} problem(s); nothing was loaded`);
  return benchmarks;
}

/** The England figures shipped with Safeguard, read once. */
export const shippedBenchmarks: readonly Benchmark[] = parseBenchmarksCsv(
  readFileSync(new URL('./benchmarks/england.csv', import.meta.url), 'utf8'),
);

type Queryable = Pick<pg.Pool | pg.PoolClient, 'query'>;

export class BenchmarkRepository {
  constructor(private readonly db: Queryable, private readonly laCode: string, private readonly access?: AccessGrant) {}

  /** Loads (adds or replaces) benchmarks in one statement: all or nothing. */
  /** Checks who is loading before reading the file: someone who may not load learns nothing from it. */
  async saveCsv(csv: string): Promise<number> {
    assertCapability(this.access, 'manage-reference-data', 'load benchmarks');
    return this.save(parseBenchmarksCsv(csv));
  }

  async save(benchmarks: readonly Benchmark[]): Promise<number> {
    assertCapability(this.access, 'manage-reference-data', 'load benchmarks');
    if (benchmarks.length === 0) return 0;
    const result = await this.db.query(
      `INSERT INTO benchmark (la_code, metric_id, year_label, geography, measure, value, source)
       SELECT $1, metric_id, year_label, geography, measure, value, source
         FROM jsonb_to_recordset($2::jsonb) AS b(metric_id text, year_label text, geography text, measure text, value numeric, source text)
       ON CONFLICT (la_code, metric_id, year_label, geography, measure)
       DO UPDATE SET value = EXCLUDED.value, source = EXCLUDED.source, loaded_at = now()`,
      [this.laCode, JSON.stringify(benchmarks.map((b) => ({
        metric_id: b.metricId, year_label: b.year, geography: b.geography, measure: b.measure, value: b.value, source: b.source,
      })))],
    );
    return result.rowCount ?? benchmarks.length;
  }

  /** Every benchmark of the metrics, loaded ones replacing shipped ones with the same key. */
  async findFor(metricIds: readonly string[]): Promise<StoredBenchmark[]> {
    const result = await this.db.query(
      `SELECT metric_id, year_label, geography, measure, value::float8 AS value, source
         FROM benchmark WHERE la_code = $1 AND metric_id = ANY($2::text[])`,
      [this.laCode, metricIds],
    );
    const byKey = new Map<string, StoredBenchmark>();
    const keyOf = (b: Benchmark) => [b.metricId, b.year, b.geography, b.measure].join('|');
    for (const b of shippedBenchmarks.filter((s) => metricIds.includes(s.metricId))) byKey.set(keyOf(b), { ...b, origin: 'shipped' });
    for (const row of result.rows) {
      const loaded: StoredBenchmark = {
        metricId: row.metric_id, year: row.year_label, geography: row.geography, measure: row.measure, value: Number(row.value), source: row.source, origin: 'loaded',
      };
      byKey.set(keyOf(loaded), loaded);
    }
    return [...byKey.values()].sort((a, b) => a.metricId.localeCompare(b.metricId) || b.year.localeCompare(a.year) || a.geography.localeCompare(b.geography) || a.measure.localeCompare(b.measure));
  }
}
