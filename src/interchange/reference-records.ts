/**
 * The kinds of reference line an interchange file carries: every module's (teams and workers, say;
 * `referenceRecords` on DomainModule), then the population estimates, which are the figures' own.
 */
import { z } from 'zod';
import type { DomainModule } from '../modules/domain-module.ts';
import { domainModules } from '../modules/registry.ts';
import type { ReferenceRecord } from './reference-record.ts';

/**
 * Population lines: the mid-year population estimates the figures' rates are per 10,000 of, which a
 * council loads alongside its records. An export leaves them out: it carries the records and the
 * reference data they name.
 */
const Population = z.object({
  year: z.number().int().min(1990).max(2100), age: z.number().int().min(0).max(25),
  sex: z.enum(['M', 'F']), ethnicity: z.string().min(1).max(4), children: z.number().int().min(0), source: z.string().min(1).max(200),
});
const populationRecord: ReferenceRecord<z.infer<typeof Population>> = {
  record: 'population',
  schema: Population,
  write: async (client, population) => {
    await client.query(
      `INSERT INTO population_reference (la_code, year, age, sex, ethnicity, children, source)
       SELECT la_code, year, age, sex, ethnicity, children, source
         FROM jsonb_to_recordset($1::jsonb) AS p(la_code text, year integer, age integer, sex text, ethnicity text, children integer, source text)
       ON CONFLICT (la_code, year, age, sex, ethnicity) DO UPDATE SET children = EXCLUDED.children, source = EXCLUDED.source`,
      [JSON.stringify(population.map((p) => ({ la_code: p.laCode, year: p.year, age: p.age, sex: p.sex, ethnicity: p.ethnicity, children: p.children, source: p.source })))],
    );
  },
};

/** Every kind of reference line, in the order an import writes them and an export gives them. */
export const referenceRecords: readonly ReferenceRecord[] = [
  ...(domainModules as readonly DomainModule[]).flatMap((module) => module.referenceRecords ?? []),
  populationRecord as ReferenceRecord,
];
