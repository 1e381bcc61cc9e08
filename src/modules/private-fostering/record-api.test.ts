import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appOn, recorderFor, type Recorder } from '../../analytics/test-support.ts';
import type { Database } from '../../platform/database/database.ts';
import { testDatabaseTargets } from '../../../test/support/test-database.ts';
import { PrivateFosteringSummary } from './read-model.ts';

/**
 * Private fostering recorded as a practitioner records it, through the child record API: the
 * events are checked, stored with what the fold fills in, and the record answers with the child's
 * status and the actions allowed.
 */
describe.each(testDatabaseTargets)('private fostering through the record API on $name', (target) => {
  let db: Database;
  let app: FastifyInstance;
  let r: Recorder;

  beforeAll(async () => {
    db = await target.open();
    app = appOn(db);
    r = recorderFor(app, 'pf');
    await r.register('PFAPI1', { dateOfBirth: '2010-05-04', ethnicity: 'WOTH' }, '2024-01-08');
  });
  afterAll(() => db?.close());

  const childRecord = async (childId: string) => {
    const response = await app.inject({ method: 'GET', url: `/api/v1/children/${childId}` });
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  };

  it('records a notification, its visit and the arrangement, filling in what the record knows', async () => {
    const notification = await r.record('PFAPI1', 'private-fostering.notified', '2024-01-08', { notifiedBy: 'school', timing: 'existing', arrangementBeginsOn: '2024-01-02' });
    expect((await childRecord('PFAPI1')).status).toBe('private-fostering-notification');
    const visit = await r.record('PFAPI1', 'private-fostering.visit-made', '2024-01-15', { childSeen: true, seenAlone: true, visitKind: 'monitoring' });
    expect(visit.data).toMatchObject({ notificationId: notification.eventId, visitKind: 'initial', firstVisitOfLaterYears: false });
    const arrangement = await r.record('PFAPI1', 'private-fostering.arrangement-confirmed', '2024-01-22', {
      startedOn: '2024-01-02', reason: '8D', nationality: 'GB', carerRelationship: 'host-family',
      carers: [{ name: 'Grace Adeyemi' }], address: { line1: '12 Canonbury Road', postcode: 'n1 2aa' },
    });
    expect(arrangement.data).toMatchObject({ notificationId: notification.eventId, carers: [{ name: 'Grace Adeyemi', personId: 'carer-1' }], address: { postcode: 'N1 2AA' }, householdMembers: [], parents: [] });
    const record = await childRecord('PFAPI1');
    expect(record.status).toBe('privately-fostered');
    expect(record.involvements).toEqual([{ kind: 'privately-fostered', label: 'Privately fostered', since: '2024-01-02' }]);
    // The summary's private fostering part, in the shape the web app reads.
    expect(PrivateFosteringSummary.parse(record.privateFostering).current?.arrangement?.carers).toEqual([{ personId: 'carer-1', name: 'Grace Adeyemi' }]);
    expect(record.allowedActions).toEqual(expect.arrayContaining(['private-fostering.visit-made', 'private-fostering.suitability-assessed', 'private-fostering.arrangement-ended']));
    const listed = await app.inject({ method: 'GET', url: '/api/v1/children?status=privately-fostered' });
    expect(listed.json().children.map((c: { childId: string }) => c.childId)).toEqual(['PFAPI1']);
  });

  it('refuses what the record does not allow, naming the actions that are', async () => {
    const response = await app.inject({
      method: 'POST', url: '/api/v1/children/PFAPI1/events',
      payload: { type: 'private-fostering.panel-decided', occurredAt: '2024-01-25', clientId: 'pf-refused-1', data: { decision: 'approved', chairWorkerId: 'W0003' } },
    });
    expect(response.statusCode).toBe(409);
    const error = response.json().error;
    expect(error.message).toMatch(/^You cannot record a panel decision on 25 January 2024: first confirm a private fostering arrangement and record an assessment of its suitability\. On that date you can .*record an assessment of the arrangement/);
    expect(error.message).not.toMatch(/private-fostering\.|privately-fostered/);
    expect(error.allowedActions).toContain('private-fostering.suitability-assessed');
    expect(error.allowedActions).not.toContain('private-fostering.panel-decided');
  });

  it('answers a bad field with the field named, and writes nothing', async () => {
    const response = await app.inject({
      method: 'POST', url: '/api/v1/children/PFAPI1/events',
      payload: { type: 'private-fostering.carer-check-completed', occurredAt: '2024-01-25', clientId: 'pf-bad-1', data: { personId: 'nobody', check: 'dbs-enhanced', outcome: 'no-concerns' } },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.problems).toEqual([{ field: 'data.personId', message: 'Select a person in the household (carer-1): nobody is not one of them' }]);
    const chronology = await app.inject({ method: 'GET', url: '/api/v1/children/PFAPI1/chronology' });
    expect(chronology.json().entries.filter((e: { type: string }) => e.type === 'private-fostering.carer-check-completed')).toEqual([]);
  });
});
