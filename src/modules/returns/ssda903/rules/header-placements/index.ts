/** SSDA903 rules on the header, dates of birth, placements, URNs and postcodes (1xx, 2xx) and on the 6xx family. */
import type { ValidationRule } from '../../../validation-rule.ts';
import { adoptionChecks } from './adoption.ts';
import { ruleListings } from './catalogue.ts';
import { episodeChecks } from './episodes.ts';
import { headerChecks } from './header.ts';
import type { Checks } from './kit.ts';
import { outcomeChecks } from './outcomes.ts';
import { permanenceChecks } from './permanence.ts';
import { placementChecks } from './placements.ts';

const checks: Readonly<Record<string, Checks>> = {
  ...headerChecks, ...adoptionChecks, ...outcomeChecks, ...episodeChecks, ...placementChecks, ...permanenceChecks,
};

const yearBefore = (label: string) => {
  const start = Number(label.slice(0, 4)) - 1;
  return `${start}-${String((start + 1) % 100).padStart(2, '0')}`;
};

/** Each wording of each code, split again wherever its behaviour changed within that wording's years. */
function rulesOf(): ValidationRule[] {
  const rules: ValidationRule[] = [];
  for (const [code, listings] of Object.entries(ruleListings)) {
    const versions = checks[code];
    if (versions === undefined) continue;
    const byYear = typeof versions === 'function' ? [{ from: '0000-01', check: versions }] : versions;
    for (const listing of listings) {
      const applicable = byYear.filter((version, i) => {
        const next = byYear[i + 1];
        return (listing.until === undefined || version.from <= listing.until) && (next === undefined || next.from > listing.from);
      });
      applicable.forEach((version, i) => {
        const next = applicable[i + 1];
        const from = version.from > listing.from ? version.from : listing.from;
        const until = next !== undefined ? yearBefore(next.from) : listing.until;
        rules.push({
          code, kind: 'ssda903', severity: 'error', message: listing.message, fields: listing.fields, tables: listing.tables,
          from, ...(until === undefined ? {} : { until }), check: version.check,
        });
      });
    }
  }
  return rules;
}

export const headerAndPlacementRules: readonly ValidationRule[] = rulesOf();
