import type { FastifyInstance } from 'fastify';
import { describe, expect, it } from 'vitest';
import { appOnFreshDatabase, carriedBy, LA_CODE, metric, metricCounts, recorderFor } from '../../analytics/test-support.ts';
import type { Database } from '../../platform/database/database.ts';
import type { RequestContext } from '../../platform/request-context.ts';
import type { LoggedEvent } from '../../record/fold.ts';
import { RetentionRepository } from '../../retention/repo.ts';
import { retentionDecision } from '../../retention/rules.ts';
import { resolveRetentionRules } from '../../retention/schedules.ts';
import { testDatabaseTargets } from '../../../test/support/test-database.ts';
import { careLeaversDimensions, careLeaversMetrics } from './metrics.ts';
import { careLeaversProjections } from './projections.ts';
import { careLeaversReportSections } from './report.ts';
import {
  birthdayContact, eligibility, inCare, leftCare, moved, pathwayPlan, pathwayReview, stayingPut, supportEnded,
} from './test-builders.ts';

/**
 * Six young people's leaving care support over FY2024-25 (1 April 2024 – 31 March 2025), recorded
 * through the API and counted by the analytics engine. Every expected figure is worked out by hand.
 *
 * yp born        care                                   support                  in the year
 * A  2006-06-10  2020-09-01 to 18th birthday (U4, E17)  former relevant 2024-06-10, staying put from then; 18th birthday contact 06-20 YES F5 Z suitable; review 09-01 attended
 * B  2004-01-15  2019-03-01 to 17th birthday (U4, E5)   relevant 2021-01-15; review 2024-05-01 did not take part; tenancy 2024-11-01; 21st birthday contact 2025-01-10 YES G5 S not suitable
 * C  2005-08-20  2020-01-10 to 2022-03-01 (E13)         relevant 2022-03-01; no contact around the 19th birthday (2024-08-20); died, support ended 2025-02-01
 * D  2007-09-01  2021-10-01, still looked after         eligible 2023-09-01, plan 2023-10-01; review 2024-04-10 views given (17th birthday in care: not counted)
 * E  2003-05-01  none on the record                     former relevant 2022-06-01 (care by Kent); 21st birthday contact 2024-04-15 NO; tenancy 2025-02-01
 * F  2006-03-01  2020-05-01 to 18th birthday (U6, E5)   former relevant 2024-03-01, not staying put; 19th birthday contact 2025-02-20 YES F1 U suitable
 */
function scenario(): Record<string, { dateOfBirth: string; log: LoggedEvent[] }> {
  const fostering = (type: string) => ({ placement: { type, provider: 'PR1', ofstedUrn: 'XXXXXXX', postcode: 'N7 8AB' } });
  return {
    A: {
      dateOfBirth: '2006-06-10',
      log: [
        inCare('2020-09-01'), leftCare('2024-06-10', 'E17'), eligibility('2024-06-10', 'former-relevant'), stayingPut('2024-06-10'), pathwayPlan('2024-06-20'),
        birthdayContact('2024-06-20', { activity: 'F5', accommodation: 'Z', accommodationSuitable: true }), pathwayReview('2024-09-01', 'attended'),
      ],
    },
    B: {
      dateOfBirth: '2004-01-15',
      log: [
        inCare('2019-03-01'), leftCare('2021-01-15', 'E5'), eligibility('2021-01-15', 'relevant'), pathwayPlan('2021-03-01'), pathwayReview('2024-05-01', 'did-not-participate'),
        moved('2024-11-01', { accommodation: 'U', suitable: true, tenancy: 'social-housing', tenancyStartedOn: '2024-11-01' }),
        birthdayContact('2025-01-10', { activity: 'G5', accommodation: 'S', accommodationSuitable: false }),
      ],
    },
    C: { dateOfBirth: '2005-08-20', log: [inCare('2020-01-10'), leftCare('2022-03-01', 'E13'), eligibility('2022-03-01', 'relevant'), supportEnded('2025-02-01', 'died')] },
    D: { dateOfBirth: '2007-09-01', log: [inCare('2021-10-01'), eligibility('2023-09-01', 'eligible'), pathwayPlan('2023-10-01'), pathwayReview('2024-04-10', 'views-given')] },
    E: {
      dateOfBirth: '2003-05-01',
      log: [
        eligibility('2022-06-01', 'former-relevant', { reason: 'Looked after by Kent from 2017 to 2021' }),
        birthdayContact('2024-04-15', { inTouch: 'NO', activity: undefined, accommodation: undefined, accommodationSuitable: undefined }),
        moved('2025-02-01', { tenancy: 'house-project', tenancyStartedOn: '2025-02-01' }),
      ],
    },
    F: {
      dateOfBirth: '2006-03-01',
      log: [
        inCare('2020-05-01', fostering('U6')), leftCare('2024-03-01', 'E5'), eligibility('2024-03-01', 'former-relevant'),
        birthdayContact('2025-02-20', { activity: 'F1', accommodation: 'U', accommodationSuitable: true }),
      ],
    },
  };
}

const FY = 'period=FY2024-25';

describe.each(testDatabaseTargets)('care leavers\' figures and retention on $name', (target) => {
  let db: Database;
  let app: FastifyInstance;
  const context = { laCode: LA_CODE, actor: { userId: 'tester', role: 'analyst', agency: 'childrens-social-care' }, correlationId: 'cl-metrics' } as RequestContext;

  appOnFreshDatabase(target, async (opened) => {
    ({ db, app } = opened);
    const r = recorderFor(app, 'cl');
    for (const [childId, { dateOfBirth, log }] of Object.entries(scenario())) {
      await r.register(childId, { dateOfBirth }, '2019-01-02');
      for (const event of log) {
        const data = Object.fromEntries(Object.entries(event.data as Record<string, unknown>).filter(([, value]) => value !== undefined));
        await r.record(childId, event.type, event.occurredAt, data);
      }
    }
  });

  const counts = (id: string, query: string, by?: string) => metricCounts(app, id, query, by);

  it('projects rows under the keys its migration defines, with when each left care and the placement at 18', async () => {
    const tables = careLeaversProjections.map((projection) => projection.table);
    const keys = await db.pool.query(
      `SELECT t.relname AS table_name, array_agg(a.attname::text ORDER BY k.ordinality) AS columns
         FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid
         CROSS JOIN LATERAL unnest(c.conkey) WITH ORDINALITY AS k(attnum, ordinality)
         JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
        WHERE c.contype = 'p' AND t.relname = ANY($1::text[]) GROUP BY t.relname`,
      [tables],
    );
    const inDatabase = Object.fromEntries(keys.rows.map((r) => [r.table_name, (r.columns as string[]).filter((c) => c !== 'la_code')]));
    expect(inDatabase).toEqual(Object.fromEntries(careLeaversProjections.map((projection) => [projection.table, [...projection.key]])));
    const stored = await db.pool.query(`SELECT child_id, eligibility_category, computed_category, to_char(left_care_on, 'YYYY-MM-DD') AS left_care_on, placement_at_18, in_foster_care_at_18 FROM care_leaver ORDER BY child_id`);
    expect(stored.rows).toEqual([
      { child_id: 'A', eligibility_category: 'former-relevant', computed_category: 'former-relevant', left_care_on: '2024-06-10', placement_at_18: 'U4', in_foster_care_at_18: true },
      { child_id: 'B', eligibility_category: 'relevant', computed_category: 'relevant', left_care_on: '2021-01-15', placement_at_18: null, in_foster_care_at_18: null },
      { child_id: 'C', eligibility_category: 'relevant', computed_category: 'relevant', left_care_on: '2022-03-01', placement_at_18: null, in_foster_care_at_18: null },
      // D has not been recorded as leaving care: still looked after past her 18th birthday (1 September 2025), in foster care.
      { child_id: 'D', eligibility_category: 'eligible', computed_category: 'eligible', left_care_on: null, placement_at_18: 'U4', in_foster_care_at_18: true },
      { child_id: 'E', eligibility_category: 'former-relevant', computed_category: null, left_care_on: '2022-06-01', placement_at_18: null, in_foster_care_at_18: null },
      { child_id: 'F', eligibility_category: 'former-relevant', computed_category: 'former-relevant', left_care_on: '2024-03-01', placement_at_18: 'U6', in_foster_care_at_18: true },
    ]);
    const oc3 = await db.pool.query(`SELECT child_id, birthday_age, in_touch, activity, oc3_accommodation FROM care_leaver_birthday_contact ORDER BY child_id`);
    expect(oc3.rows).toEqual([
      { child_id: 'A', birthday_age: 18, in_touch: 'YES', activity: 'F5', oc3_accommodation: 'Z1' },
      { child_id: 'B', birthday_age: 21, in_touch: 'YES', activity: 'G5', oc3_accommodation: 'S2' },
      { child_id: 'E', birthday_age: 21, in_touch: 'NO', activity: null, oc3_accommodation: null },
      { child_id: 'F', birthday_age: 19, in_touch: 'YES', activity: 'F1', oc3_accommodation: 'U1' },
    ]);
  });

  it('CL-01 counts the care leavers of 18 and over open at the snapshot: A, B, E and F (C died, D is still looked after)', async () => {
    expect(await metric(app, 'CL-01', 'asAt=2025-03-31')).toMatchObject({ value: 4, numerator: 4, additional: { aged16to17: 0 } });
    expect(await counts('CL-01', 'asAt=2025-03-31', 'care-leaver-age-band')).toMatchObject({ '17-18': [1, null], '19-21': [3, null] });
  });

  it('CL-02 counts birthdays in the year with the council in touch: A, B and F of A, B, C, E and F', async () => {
    expect(await metric(app, 'CL-02', FY)).toMatchObject({ value: 60, numerator: 3, denominator: 5 });
    expect(await counts('CL-02', FY, 'in-touch')).toMatchObject({ YES: [3, 3], NO: [0, 1], 'not-recorded': [0, 1] });
  });

  it('CL-03 counts the pathway plan reviews the young person took part in: A\'s and D\'s of three', async () => {
    expect(await metric(app, 'CL-03', FY)).toMatchObject({ numerator: 2, denominator: 3 });
  });

  it('CL-04 and CL-05 count suitable accommodation and education, employment or training by age band', async () => {
    expect(await metric(app, 'CL-04', FY)).toMatchObject({ value: 40, numerator: 2, denominator: 5 });
    expect(await counts('CL-05', FY, 'care-leaver-age-band')).toEqual({ '': [2, 5], '17-18': [1, 1], '19-21': [1, 4] });
  });

  it('CL-06 counts the tenancies begun in the year, CLA-09 those staying put of those fostered at 18, CL-09 the deaths', async () => {
    expect(await metric(app, 'CL-06', FY)).toMatchObject({ value: 2 });
    expect(await metric(app, 'CLA-09', 'asAt=2025-03-31')).toMatchObject({ value: 50, numerator: 1, denominator: 2 });
    expect(await metric(app, 'CL-09', FY)).toMatchObject({ value: 1 });
  });

  it('keeps a care leaver\'s record to the 75th birthday, open work while support is open', async () => {
    const facts = await new RetentionRepository(db, context).findRetentionFacts();
    const byChild = Object.fromEntries(facts.map((f) => [f.childId, f]));
    expect(byChild.C).toMatchObject({ openWork: false });
    expect(byChild.B).toMatchObject({ openWork: true });
    const decision = retentionDecision(byChild.E!, resolveRetentionRules(), '2030-01-01');
    // E's care is not on the record: kept as a care leaver's, and never disposed of while support is open.
    expect(decision).toMatchObject({ ruleId: 'care-leaver-to-75th-birthday', retainUntil: '2078-05-01', status: 'open-work' });
  });

  it('refuses a personal adviser who is not a worker of a leaving care team', async () => {
    const post = (url: string, payload: object) => app.inject({ method: 'POST', url, payload });
    expect((await post('/api/v1/teams', { teamId: 't-lc', name: 'Leaving care 1', service: 'care-leavers' })).statusCode).toBe(201);
    expect((await post('/api/v1/teams', { teamId: 't-cin2', name: 'Children in need 2', service: 'children-in-need' })).statusCode).toBe(201);
    expect((await post('/api/v1/workers', { workerId: 'w-pa', name: 'Pat Adviser', role: 'personal-adviser', teamId: 't-lc', startedOn: '2020-01-01' })).statusCode).toBe(201);
    expect((await post('/api/v1/workers', { workerId: 'w-sw', name: 'Sam Worker', role: 'social-worker', teamId: 't-cin2', startedOn: '2020-01-01' })).statusCode).toBe(201);
    const allocate = (workerId: string, teamId: string) => post('/api/v1/children/B/events', { type: 'care-leavers.personal-adviser-allocated', occurredAt: '2025-03-01', clientId: `allocate-${workerId}`, data: { workerId, teamId } });
    const refused = await allocate('w-sw', 't-cin2');
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toMatch(/Select a personal adviser of a leaving care team/);
    expect((await allocate('w-pa', 't-lc')).statusCode).toBe(201);
  });
});

describe('care leavers\' figures', () => {
  const defined = new Map(careLeaversMetrics.map((m) => [m.id, m]));
  const carried = carriedBy(careLeaversMetrics, careLeaversDimensions);

  it('shows in the annual report figures it defines, broken down by what their rows carry', () => {
    for (const section of careLeaversReportSections) {
      if (section.kind !== 'figures') continue;
      expect(section.figures.filter((id) => !defined.has(id))).toEqual([]);
      for (const breakdown of section.breakdowns) if (breakdown.by) expect(carried(breakdown.metricId, breakdown.by), `${breakdown.metricId} by ${breakdown.by}`).toBe(true);
    }
  });

  it('counts every figure it defines, by breakdowns its rows carry', () => {
    for (const definition of careLeaversMetrics) {
      expect(definition.counts, definition.id).toBeDefined();
      for (const by of definition.breakdowns) expect(carried(definition.id, by), `${definition.id} by ${by}`).toBe(true);
    }
  });
});
