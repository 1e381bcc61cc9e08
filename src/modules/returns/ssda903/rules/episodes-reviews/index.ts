/** SSDA903 rules on episodes, legal statuses, reviews and deprivation of liberty (3xx, 4xx, 7xx) and social worker episodes (SW). */
import type { ValidationRule } from '../../../validation-rule.ts';
import type { Behaviour } from './behaviour.ts';
import { careLeaverAndAdoptionChecks } from './adoption-leaving.ts';
import { childDetailChecks } from './child-details.ts';
import { deprivationOfLibertyChecks } from './deprivation-of-liberty.ts';
import { episodeChecks } from './episodes.ts';
import { legalStatusChecks } from './legal-statuses.ts';
import { placementChecks } from './placements.ts';
import { ruleListings } from './rule-list.ts';
import { socialWorkerChecks } from './social-workers.ts';

const behaviours: Readonly<Record<string, Behaviour>> = {
  ...childDetailChecks, ...careLeaverAndAdoptionChecks, ...episodeChecks, ...legalStatusChecks,
  ...placementChecks, ...deprivationOfLibertyChecks, ...socialWorkerChecks,
};

/** The year before a collection year label: '2024-25' → '2023-24'. */
function yearBefore(label: string): string {
  const start = Number(label.slice(0, 4)) - 1;
  return `${start}-${String((start + 1) % 100).padStart(2, '0')}`;
}

/**
 * Each listing of DfE's rule list becomes a rule, split into versions where the behaviour itself
 * changes in a year its listing does not (the same message, a different check).
 */
function rulesOfListings(): ValidationRule[] {
  const rules: ValidationRule[] = [];
  for (const listing of ruleListings) {
    const behaviour = behaviours[listing.code];
    if (behaviour === undefined) throw new Error(`SSDA903 rule ${listing.code} has no check`);
    const versions = typeof behaviour === 'function' ? [['2022-23', behaviour] as const] : behaviour;
    const inForce = versions.filter(([from], i) => {
      const next = versions[i + 1]?.[0];
      return (listing.until === undefined || from <= listing.until) && (next === undefined || next > listing.from);
    });
    inForce.forEach(([from, check], i) => {
      const next = inForce[i + 1]?.[0];
      const start = from > listing.from ? from : listing.from;
      const until = next !== undefined ? yearBefore(next) : listing.until;
      rules.push({
        code: listing.code, kind: 'ssda903', severity: 'error', message: listing.message,
        fields: listing.fields, tables: listing.tables, from: start, ...(until === undefined ? {} : { until }), check,
      });
    });
  }
  return rules;
}

export const episodeAndReviewRules: readonly ValidationRule[] = rulesOfListings();
