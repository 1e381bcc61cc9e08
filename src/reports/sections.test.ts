import { describe, expect, it } from 'vitest';
import { catalogue, findMetricDefinition } from '../analytics/catalogue.ts';
import { isDimensionId } from '../analytics/dimensions.ts';
import type { ReportSectionSpec } from './report-section.ts';
import { annualReportSections, inReportOrder, placeholdersNotReplaced } from './sections.ts';

const notYetRecorded = (id: string, position: number): ReportSectionSpec => ({ kind: 'not-yet-recorded', id, title: id, position, domains: [] });

describe('the annual report\'s sections', () => {
  it('follow the partnership\'s own report, the modules\' sections among the report\'s own', () => {
    expect(annualReportSections.map((section) => section.id)).toEqual([
      'children-of-the-borough', 'front-door', 'children-in-need', 'child-protection', 'conferences',
      'lado', 'family-group-conferences', 'looked-after', 'adoption-and-permanence', 'private-fostering', 'missing-and-exploitation', 'domestic-abuse',
      'education', 'audits', 'case-reviews', 'training', 'budget',
    ]);
  });

  it('name only catalogue metrics, dimensions and domains', () => {
    const domains = new Set(catalogue.map((entry) => entry.domain));
    for (const section of annualReportSections) {
      for (const domain of section.domains) expect(domains, `${section.id}: ${domain}`).toContain(domain);
      if (section.kind !== 'figures') continue;
      const metricIds = [...section.figures, ...(section.monthly ? [section.monthly.metricId] : []), ...section.breakdowns.map((b) => b.metricId), ...section.disproportionality.map((d) => d.metricId)];
      for (const id of metricIds) expect(findMetricDefinition(id), `${section.id}: ${id}`).toBeDefined();
      for (const viewId of section.disproportionality.flatMap((d) => d.viewId ?? [])) expect(catalogue.some((entry) => entry.id === viewId), `${section.id}: ${viewId}`).toBe(true);
      for (const by of [...section.breakdowns.flatMap((b) => b.by ?? []), ...section.disproportionality.map((d) => d.by)]) expect(isDimensionId(by), `${section.id}: ${by}`).toBe(true);
    }
  });

  it('are put in order by position, and two may not share a position or an id', () => {
    expect(inReportOrder([notYetRecorded('b', 20), notYetRecorded('a', 10)]).map((section) => section.id)).toEqual(['a', 'b']);
    expect(() => inReportOrder([notYetRecorded('a', 10), notYetRecorded('b', 10)])).toThrow(/a and b both stand at position 10/);
    expect(() => inReportOrder([notYetRecorded('a', 10), notYetRecorded('a', 20)])).toThrow(/Two report sections have the id a/);
  });

  it('drop a "not yet recorded" placeholder when a module\'s section takes its position or its id', () => {
    const placeholders = [notYetRecorded('a', 10), notYetRecorded('b', 20), notYetRecorded('c', 30)];
    const contributed = [{ ...notYetRecorded('a-recorded', 10), kind: 'figures' as const, figures: [], breakdowns: [], disproportionality: [] }, notYetRecorded('c', 35)];
    expect(placeholdersNotReplaced(placeholders, contributed).map((section) => section.id)).toEqual(['b']);
  });
});
