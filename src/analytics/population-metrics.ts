/**
 * The engine's own figures: the child population itself (catalogue section 19), from
 * population_reference rather than any domain's events. Rates per 10,000 divide by the same
 * children (engine.ts); these are the figures of the population, by its own breakdowns.
 */
import type { ModuleMetric } from './metric-definition.ts';

/** A row `p` of children of known ethnicity. */
const knownEthnicity = `p.ethnicity NOT IN ('REFU', 'NOBT')`;
/** Mixed, Asian, Black, Chinese and other ethnic groups (White groups are not of the global majority). */
const globalMajority = `(p.ethnicity LIKE 'M%' OR p.ethnicity LIKE 'A%' OR p.ethnicity LIKE 'B%' OR p.ethnicity IN ('CHNE', 'OOTH'))`;

/** The population's catalogue entries not computed, and why. */
export const unavailablePopulationMetrics: Readonly<Record<string, string>> = {
  'POP-01': 'population_reference holds children and young people aged 0–25 only, not the whole population.',
  'POP-02': 'population_reference holds children and young people aged 0–25 only, not the whole population.',
  'POP-05': 'Deprivation (IMD) is an external reference, not held yet.',
  'POP-06': 'Geographic rank facts are external references, not held.',
};

export const populationMetrics: readonly ModuleMetric[] = [
  {
    id: 'POP-03', domain: 'population',
    description: 'Catalogue POP-03 ("≈38,320 aged 0–18 …; the rate-per-10,000 denominator must be ONS 0–17 by year"): children aged 0–17 in population_reference for the population year of the window (the year containing its end).',
    followsDfe: true, dfeNote: 'The denominator DfE uses for rates per 10,000 (ONS mid-year estimates, 0–17).', countingUnit: 'child-in-population',
    numerator: 'Children aged 0–17 in the population reference', population: 'Resident children', window: 'snapshot', valueType: 'count', ratePer10000: false,
    breakdowns: ['ethnicity', 'ethnic-group', 'sex', 'age-band'],
    sumsPopulation: { numerator: 'true', denominator: 'true' },
  },
  {
    id: 'POP-04', domain: 'population',
    description: 'Catalogue POP-04 ("54.4% of children"): children aged 0–17 of the global majority (Mixed, Asian, Black, Chinese and other ethnic groups; White groups are not) ÷ children aged 0–17 whose ethnicity is known.',
    followsDfe: false, countingUnit: 'child-in-population', numerator: 'Children aged 0–17 of the global majority', denominator: 'Children aged 0–17 of known ethnicity',
    population: 'Resident children', window: 'snapshot', valueType: 'percent', ratePer10000: false, breakdowns: ['sex', 'age-band'],
    sumsPopulation: { numerator: globalMajority, denominator: knownEthnicity },
  },
  {
    id: 'POP-07', domain: 'population',
    description: 'Catalogue POP-07 ("25% (D2 p19), used as the comparator for CP plans"): White British children aged 0–17 ÷ children aged 0–17 of known ethnicity.',
    followsDfe: false, countingUnit: 'child-in-population', numerator: 'White British children aged 0–17', denominator: 'Children aged 0–17 of known ethnicity',
    population: 'Resident children', window: 'snapshot', valueType: 'percent', ratePer10000: false, breakdowns: ['sex', 'age-band'],
    sumsPopulation: { numerator: `p.ethnicity = 'WBRI'`, denominator: knownEthnicity },
  },
];
