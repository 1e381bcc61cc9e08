import { describe, expect, it } from 'vitest';
import { parseBenchmarksCsv, parseCsv, shippedBenchmarks } from './benchmarks.ts';

describe('benchmark CSV', () => {
  it('reads quoted fields with commas, quotes and line breaks', () => {
    expect(parseCsv('a,b\r\n"x, y","say ""hi"""\n\n"multi\nline",2')).toEqual([['a', 'b'], ['x, y', 'say "hi"'], ['multi\nline', '2']]);
  });

  it('reads benchmarks, the measure defaulting to the headline value and ids to the catalogue\'s spelling', () => {
    expect(parseBenchmarksCsv('metric_id,year,geography,value,source\ncp-02a,2023-24,statistical-neighbours,"45.5",DfE LAIT\nFD-01,2023,206,"13,807",Islington ISCP report\n')).toEqual([
      { metricId: 'CP-02a', year: '2023-24', geography: 'statistical-neighbours', measure: 'value', value: 45.5, source: 'DfE LAIT' },
      { metricId: 'FD-01', year: '2023', geography: '206', measure: 'value', value: 13807, source: 'Islington ISCP report' },
    ]);
  });

  it('names every bad field of every line and loads nothing', () => {
    const bad = 'metric_id,year,geography,value,source,measure\nFD-01,2023-24,england,1,x,value\nFD-01,2023-24,england,2,y,value\nFD-99,23,moon,,,mean\n';
    try {
      parseBenchmarksCsv(bad);
      expect.unreachable();
    } catch (error) {
      expect((error as { problems: { field: string }[] }).problems.map((p) => p.field)).toEqual([
        'line 3.(line)', 'line 4.metric_id', 'line 4.year', 'line 4.geography', 'line 4.value', 'line 4.source', 'line 4.measure',
      ]);
    }
    expect(() => parseBenchmarksCsv('id,year\n')).toThrow(/header/);
  });

  it('ships the England figures of the statutory data specification (§6)', () => {
    const find = (metricId: string, year: string, measure = 'value') => shippedBenchmarks.find((b) => b.metricId === metricId && b.year === year && b.measure === measure)?.value;
    expect(find('CIN-08', '2023-24')).toBe(621880); // referrals in year
    expect(find('FD-07', '2022-23')).toBe(22.4); // re-referrals within 12 months
    expect(find('CIN-01', '2023-24', 'rate-per-10000')).toBe(332.9); // children in need at 31 March
    expect(find('CP-02a', '2019-20')).toBe(42.8); // CP plans at 31 March 2020 per 10,000
    expect(find('CP-09', '2019-20')).toBe(167.2);
    expect(shippedBenchmarks.every((b) => b.geography === 'england')).toBe(true);
  });
});
