import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appOn, recorderFor, type Recorder } from '../../analytics/test-support.ts';
import type { Database } from '../../platform/database/database.ts';
import { testDatabaseTargets } from '../../../test/support/test-database.ts';
import { CarePlanningSummary, IroCaseload } from './read-model.ts';
import { fostering } from './test-builders.ts';

/**
 * Care planning recorded as a practitioner records it, through the child record API: the record
 * fills in the period of care and the review's number, answers with what is due next, refuses what
 * it does not allow in plain English, and lists the child on the IRO caseload.
 */
describe.each(testDatabaseTargets)('care planning through the record API on $name', (target) => {
  let db: Database;
  let app: FastifyInstance;
  let r: Recorder;
  let periodId: string;

  beforeAll(async () => {
    db = await target.open();
    app = appOn(db);
    r = recorderFor(app, 'cp');
    await r.register('CPAPI1', { dateOfBirth: '2012-05-04' }, '2024-01-02');
    await r.register('CPAPI2', { dateOfBirth: '2013-05-04' }, '2024-01-02');
    periodId = (await r.record('CPAPI1', 'looked-after.started', '2024-01-08', { legalStatus: 'C2', categoryOfNeed: 'N1', placement: fostering, unaccompaniedAsylumSeeking: false })).eventId;
  });
  afterAll(() => db?.close());

  const childRecord = async (childId: string) => {
    const response = await app.inject({ method: 'GET', url: `/api/v1/children/${childId}?asAt=2024-02-20` });
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  };

  it('records the IRO, a review and a visit, filling in the period of care, and says what is due next', async () => {
    await r.record('CPAPI1', 'care-planning.iro-allocated', '2024-01-09', { iroWorkerId: 'W0900' });
    const review = await r.record('CPAPI1', 'care-planning.review-held', '2024-02-01', { participation: 'PN1', reviewNumber: 7 });
    expect(review.data).toMatchObject({ periodId, reviewNumber: 1, iroWorkerId: 'W0900' });
    const visit = await r.record('CPAPI1', 'care-planning.visit-made', '2024-02-05', { childSeen: true, seenAlone: true, location: 'placement' });
    expect(visit.data).toMatchObject({ periodId, nextVisitWithin: '6-weeks' });
    const record = await childRecord('CPAPI1');
    expect(CarePlanningSummary.parse(record.carePlanning)).toMatchObject({ currentPeriodId: periodId, iroWorkerId: 'W0900', reviews: [{ heldOn: '2024-02-01', participation: 'PN1' }] });
    const due = Object.fromEntries((record.duties as { ruleId: string; dueOn: string }[]).map((duty) => [duty.ruleId, duty.dueOn]));
    expect(due).toMatchObject({ 'cla-second-review-within-3-months': '2024-05-01', 'cla-visit-within-6-weeks-of-the-last': '2024-03-18' });
  });

  it('lists the child on their IRO\'s caseload, and not on another\'s', async () => {
    const mine = await app.inject({ method: 'GET', url: '/api/v1/care-planning/iro-caseload?iroWorkerId=W0900' });
    expect(mine.statusCode, mine.body).toBe(200);
    expect(IroCaseload.parse(mine.json()).children).toEqual([
      { childId: 'CPAPI1', forename: 'Child', surname: 'CPAPI1', periodId, lookedAfterSince: '2024-01-08', iroWorkerId: 'W0900', allocatedWorkerId: null },
    ]);
    const another = await app.inject({ method: 'GET', url: '/api/v1/care-planning/iro-caseload?iroWorkerId=W0901' });
    expect(another.json().children).toEqual([]);
  });

  it('refuses a review of a child who is not looked after, naming the actions that are allowed', async () => {
    const response = await app.inject({
      method: 'POST', url: '/api/v1/children/CPAPI2/events',
      payload: { type: 'care-planning.review-held', occurredAt: '2024-02-01', clientId: 'cp-refused-1', data: { participation: 'PN1' } },
    });
    expect(response.statusCode).toBe(409);
    const error = response.json().error;
    expect(error.message).toMatch(/^You cannot record a looked-after review on 1 February 2024: first record that the child became looked after\. On that date you can .*record the child's school/);
    expect(error.allowedActions).toContain('looked-after.started');
  });

  it('answers bad fields with each field named', async () => {
    const response = await app.inject({
      method: 'POST', url: '/api/v1/children/CPAPI1/events',
      payload: { type: 'care-planning.sdq-recorded', occurredAt: '2024-02-01', clientId: 'cp-bad-1', data: { score: 52 } },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.problems).toEqual([{ field: 'data.score', message: 'The SDQ score must be between 0 and 40' }]);
    const review = await app.inject({
      method: 'POST', url: '/api/v1/children/CPAPI1/events',
      payload: { type: 'care-planning.review-held', occurredAt: '2024-04-01', clientId: 'cp-bad-2', data: { participation: 'PN0' } },
    });
    expect(review.statusCode).toBe(400);
    expect(review.json().error.problems).toEqual([{ field: 'data.participation', message: 'Select how the child took part (PN1 to PN7): PN0 is for a child under 4, and the child was 4 or over on 1 April 2024' }]);
  });
});
