import { describe, expect, it } from 'vitest';
import { catalogue, catalogueTitles, findCatalogueEntry, findMetricDefinition, metricDefinitions, metricSources, metricViews, workingsOf } from './catalogue.ts';
import { dimensionIds, dimensions } from './dimensions.ts';
import { dimensionFits } from './metric-definition.ts';

describe('the metrics catalogue', () => {
  it('accounts for every entry of the seed catalogue, computed, a view, or unavailable with a reason', () => {
    expect(catalogueTitles.size).toBe(253 + 26); // 253 metric entries and the 26 disproportionality comparisons
    for (const id of catalogueTitles.keys()) {
      const entry = findCatalogueEntry(id);
      const variants = metricDefinitions.filter((d) => d.variantOf === id).map((d) => d.id);
      if (variants.length > 0) {
        // Counted in variants instead (CP-02 three ways; CLA-20, CLA-24 and CLA-27 two): each an entry of its own.
        expect(entry, id).toBeUndefined();
        for (const variant of variants) expect(findCatalogueEntry(variant), variant).toBeDefined();
        continue;
      }
      expect(entry, id).toBeDefined();
      if (entry!.kind === 'unavailable') expect(entry!.reason.length, id).toBeGreaterThan(20);
    }
  });

  it('computes the metrics whose events exist (private fostering\'s and care leavers\' among them), and nothing of missing, exploitation or LADO', () => {
    const computed = catalogue.filter((entry) => entry.kind !== 'unavailable').map((entry) => entry.id);
    expect(computed).toEqual(expect.arrayContaining([
      'FD-01', 'FD-03', 'FD-05', 'FD-07', 'FD-09', 'FD-13', 'CIN-01', 'CIN-03', 'CIN-04', 'CP-01', 'CP-02a', 'CP-02b', 'CP-02c', 'CP-04',
      'CP-05', 'CP-07', 'CP-08', 'CP-09', 'CP-13', 'CPC-05', 'CPC-06', 'PF-01', 'PF-07', 'WF-01', 'WF-02', 'DFE-ASM-45', 'DFE-REF-NFA',
      'CL-01', 'CL-02', 'CL-03', 'CL-04', 'CL-05', 'CL-06', 'CL-09', 'CLA-09',
    ]));
    for (const prefix of ['MIS-', 'EXP-', 'LADO-', 'EDU-', 'FGC-', 'DA-', 'QA-', 'CR-', 'TR-', 'BUD-']) {
      expect(computed.filter((id) => id.startsWith(prefix)), prefix).toEqual([]);
    }
    // Of the children looked after, only what a registered module computes (youth justice's among them).
    const contributed = new Set(metricDefinitions.map((definition) => definition.id));
    expect(computed.filter((id) => id.startsWith('CLA-') && !contributed.has(id))).toEqual([]);
    expect(computed).toEqual(expect.arrayContaining(['CLA-01', 'CLA-02', 'CLA-04', 'CLA-05', 'CLA-07', 'CLA-15', 'CLA-16', 'CLA-17', 'CLA-18', 'CLA-19', 'CLA-23']));
    // What the record cannot give yet says why.
    expect(findCatalogueEntry('CLA-12')).toMatchObject({ available: false, reason: expect.stringMatching(/.{20}/) });
  });

  it('puts the modules\' metrics in the catalogue\'s order, the DfE figures it does not name last', () => {
    // The metrics named here, in this order among any others the modules add; every one in the catalogue's order.
    const inOrder = (ids: readonly string[], expected: readonly string[]) => expect(ids.filter((id) => expected.includes(id))).toEqual(expected);
    const place = (id: string) => {
      const definition = findMetricDefinition(id)!;
      const index = [...catalogueTitles.keys()].indexOf(definition.variantOf ?? definition.id);
      return index === -1 ? Infinity : index;
    };
    const ids = metricDefinitions.map((definition) => definition.id);
    expect(ids.map(place)).toEqual([...ids.map(place)].sort((a, b) => a - b));
    inOrder(ids, [
      'FD-01', 'FD-02', 'FD-03', 'FD-04', 'FD-05', 'FD-07', 'FD-08', 'FD-09', 'FD-11', 'FD-13',
      'CIN-01', 'CIN-02', 'CIN-03', 'CIN-04', 'CIN-06', 'CIN-07', 'CIN-08',
      'CP-01', 'CP-02a', 'CP-02b', 'CP-02c', 'CP-03', 'CP-04', 'CP-05', 'CP-07', 'CP-08', 'CP-09', 'CP-11', 'CP-13',
      'CPC-01', 'CPC-05', 'CPC-06', 'CLA-09', 'CLA-15', 'CLA-16', 'CLA-23', 'CL-01', 'CL-02', 'CL-03', 'CL-04', 'CL-05', 'CL-06', 'CL-09',
      'PF-01', 'PF-02', 'PF-03', 'PF-04', 'PF-05', 'PF-06', 'PF-07', 'WF-01', 'WF-02',
      'POP-03', 'POP-04', 'POP-07', 'DFE-ASM-45', 'DFE-REF-NFA', 'YJ-01', 'YJ-02', 'YJ-03', 'YJ-04',
    ]);
    // The engine's breakdowns by the child first and by the service last, the modules' between them in the registry's order.
    inOrder(dimensionIds, [
      'ethnicity', 'ethnic-group', 'sex', 'age-band', 'disability',
      'source', 'local-source', 'reason', 'decision', 'primary-need', 'assessment-outcome', 'factor',
      'category', 'latest-category', 'end-reason', 'section-47-outcome', 'duration-band', 'plan-type', 'conference-type', 'review-number',
      'notified-by', 'notification-timing', 'notification-decision', 'private-fostering-reason', 'nationality', 'visit-schedule',
      'episode-legal-status', 'episode-placement-type', 'age-at-start-of-care', 'offended-before-care', 'repeat-care', 'care-experience', 'remand-type', 'ethnicity-aged-10-to-17',
      'care-leaver-age-band', 'eligibility-category', 'in-touch',
      'team', 'service', 'worker', 'month',
    ]);
    expect(dimensionIds.slice(0, 5)).toEqual(['ethnicity', 'ethnic-group', 'sex', 'age-band', 'disability']);
    expect(dimensionIds.slice(-4)).toEqual(['team', 'service', 'worker', 'month']);
  });

  it('works each metric out one way', () => {
    for (const definition of metricDefinitions) {
      const { counts, sumsPopulation, computes } = workingsOf(definition);
      expect([counts, sumsPopulation, computes, definition.changeOf].filter(Boolean), definition.id).toHaveLength(1);
    }
  });

  it('has SQL for every metric counted from records, and every breakdown it offers fits the SQL\'s columns', () => {
    for (const definition of metricDefinitions) {
      const source = metricSources[definition.id];
      if (!source) continue;
      for (const id of [...definition.breakdowns, ...(definition.category ? [definition.category] : [])]) {
        expect(dimensionFits(source, dimensions[id]), `${definition.id} by ${id}`).toBe(true);
      }
      if (definition.valueType === 'distribution') expect(definition.category, definition.id).toBeDefined();
      // Definitions say what they count and quote the catalogue or name DfE.
      expect(definition.description.length, definition.id).toBeGreaterThan(60);
      if (definition.followsDfe) expect(definition.dfeNote, definition.id).toBeDefined();
    }
  });

  it('points each view at a computed metric and breakdowns it offers', () => {
    for (const view of metricViews) {
      const definition = findMetricDefinition(view.viewOf.metricId);
      expect(definition, view.id).toBeDefined();
      for (const id of view.viewOf.by) expect([...definition!.breakdowns, definition!.category].includes(id), `${view.id} by ${id}`).toBe(true);
    }
  });

  it('reads working-day timescales from the duty rules of the timescale engine', () => {
    const dutyRules = metricDefinitions.flatMap((d) => (d.timescale?.dutyRuleId ? [[d.id, d.timescale.dutyRuleId]] : []));
    expect(Object.fromEntries(dutyRules)).toEqual({
      'FD-13': 'contact-decision-within-1-working-day',
      'CIN-03': 'allocation-after-referral',
      'CIN-04': 'child-seen-after-allocation',
      'CP-13': 'first-core-group-after-initial-conference',
      'CPC-05': 'initial-conference-within-15-working-days-of-strategy-discussion',
      'CPC-06': 'review-conference-within-3-months-then-every-6-months',
      'PF-04': 'private-fostering-initial-visit-within-7-working-days',
      'PF-05': 'private-fostering-visits-every-6-weeks-in-first-year',
      'PF-06': 'private-fostering-annual-review',
      'DFE-ASM-45': 'assessment-within-45-working-days-of-referral',
      'ADOPT-02': 'adoption-placed-within-426-days-of-entering-care',
      'ADOPT-04': 'adoption-match-within-121-days-of-placement-order',
      'CLA-17': 'cla-visit-within-6-weeks-of-the-last',
      'CLA-18': 'cla-first-review-within-20-working-days',
      'CLA-20b': 'cla-initial-health-assessment-within-20-working-days',
      'CLA-27a': 'cla-pep-within-10-working-days',
    });
  });
});
