import { chainAwaitingAudit } from '../../src/platform/audit/audit.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { loadConfig } from '../../src/app/config.ts';
import type { Database } from '../../src/platform/database/database.ts';
import { createApp } from '../../src/app/server.ts';
import { createServices } from '../../src/app/services.ts';
import { testDatabaseTargets } from '../support/test-database.ts';

/**
 * One child walked from a contact at the front door to the end of a child protection plan,
 * through the API, with every timescale checked against dates worked out by hand. The dates run
 * across Easter 2024 (Good Friday 29 March, Easter Monday 1 April), the May bank holidays and
 * month ends.
 */
describe.each(testDatabaseTargets)('a child\'s journey from contact to the end of a CP plan on $name', (target) => {
  let db: Database;
  let app: FastifyInstance;
  const childId = 'JOURNEY1';
  let clientCounter = 0;

  beforeAll(async () => {
    db = await target.open();
    app = createApp(createServices(loadConfig({ SAFEGUARD_LA_CODE: '206' }), db));
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  const record = async (type: string, occurredAt: string, data: Record<string, unknown> = {}, extra: Record<string, unknown> = {}) => {
    clientCounter += 1;
    const response = await app.inject({
      method: 'POST',
      url: `/api/v1/children/${childId}/events`,
      payload: { type, occurredAt, clientId: `journey-${clientCounter.toString().padStart(4, '0')}`, data, ...extra },
    });
    return { status: response.statusCode, body: response.json() };
  };
  const recordOk = async (...args: Parameters<typeof record>) => {
    const answer = await record(...args);
    expect(answer.status, JSON.stringify(answer.body)).toBe(201);
    return answer.body;
  };
  const duties = async (asAt: string) => {
    const response = await app.inject({ method: 'GET', url: `/api/v1/children/${childId}/duties?asAt=${asAt}` });
    expect(response.statusCode).toBe(200);
    return response.json().duties as { ruleId: string; occurrence: number; dueOn: string; state: string; daysLeft?: number; lateBy?: number; closedOn?: string }[];
  };
  const duty = async (asAt: string, ruleId: string, occurrence = 1) => {
    const found = (await duties(asAt)).find((d) => d.ruleId === ruleId && d.occurrence === occurrence);
    expect(found, `${ruleId} #${occurrence} as at ${asAt}`).toBeDefined();
    return found!;
  };
  const agencies = ['childrens-social-care', 'police', 'health'];

  it('walks the whole journey with live timescales', async () => {
    await recordOk('child.registered', '2024-03-01', {
      forename: 'Amara', surname: 'Okafor', dateOfBirth: '2016-05-02', sex: 'F', ethnicity: 'BAFR', disabilities: ['NONE'],
      address: { postcode: 'n1 1aa' },
    });

    // Front door: a contact on Maundy Thursday afternoon is due a decision on the Tuesday after Easter.
    const contact = await recordOk('contact.received', '2024-03-28T15:00:00Z', { source: '6', localSource: 'police', primaryReason: 'domestic-abuse', otherReasons: ['parental-mental-health'] });
    const contactId = contact.event.eventId as string;
    expect(contact.status).toBe('contact');
    expect((await duty('2024-03-28', 'contact-decision-within-1-working-day')).dueOn).toBe('2024-04-02');
    expect((await duty('2024-04-01', 'contact-decision-within-1-working-day')).state).toBe('open');
    await recordOk('mash-check.requested', '2024-03-28', { agency: 'police' });
    await recordOk('mash-check.completed', '2024-04-02', { agency: 'police', informationHeld: true });
    const decided = await recordOk('contact.decided', '2024-04-02T10:00:00Z', { decision: 'referral-to-social-care', decidedByWorkerId: 'w-mash-1' });
    expect(decided.event.data.contactId).toBe(contactId); // the single open contact was filled in
    expect((await duty('2024-04-03', 'contact-decision-within-1-working-day')).state).toBe('met-on-time');

    // Children in need: referral, allocation, assessment (45 working days across two May bank holidays).
    await recordOk('referral.received', '2024-04-02', { source: '6', contactId });
    // The team and worker first: an allocation must name a team and worker the workforce holds.
    expect((await app.inject({ method: 'POST', url: '/api/v1/teams', payload: { teamId: 't-cp-1', name: 'Child protection 1', service: 'child-protection' } })).statusCode).toBe(201);
    expect((await app.inject({ method: 'POST', url: '/api/v1/workers', payload: { workerId: 'w-sw-1', name: 'Sam Worker', role: 'social-worker', teamId: 't-cp-1', startedOn: '2020-01-06' } })).statusCode).toBe(201);
    await recordOk('allocation.started', '2024-04-03T09:00:00Z', { workerId: 'w-sw-1', teamId: 't-cp-1' });
    const assessment = await recordOk('assessment.started', '2024-04-03');
    expect((await duty('2024-04-03', 'assessment-within-45-working-days-of-referral')).dueOn).toBe('2024-06-06');
    await recordOk('visit.made', '2024-04-05', { kind: 'assessment', childSeen: true, seenAlone: true, visitedByWorkerId: 'w-sw-1' });
    expect((await duty('2024-04-05', 'child-seen-after-allocation')).state).toBe('met-on-time');

    // Strategy discussion starts the S47; ICPC due 15 working days later (1 May), held 31 May: 20 working days late.
    const strategy = await recordOk('strategy-discussion.held', '2024-04-10', { attendingAgencies: agencies, decision: 'section-47' });
    expect(strategy.status).toBe('section-47');
    expect((await duty('2024-04-10', 'initial-conference-within-15-working-days-of-strategy-discussion')).dueOn).toBe('2024-05-01');
    expect((await duty('2024-05-02', 'initial-conference-within-15-working-days-of-strategy-discussion')).state).toBe('overdue');
    await recordOk('section-47.completed', '2024-04-24', { outcome: 'initial-child-protection-conference', concernsSubstantiated: true });
    const icpc = await recordOk('conference.initial-held', '2024-05-31', { planRequired: true, categoryOfAbuse: 'NEG', chairWorkerId: 'w-chair-1', attendingAgencies: agencies });
    const planId = icpc.event.eventId as string;
    expect(icpc.status).toBe('child-protection-plan');
    const icpcDuty = await duty('2024-06-03', 'initial-conference-within-15-working-days-of-strategy-discussion');
    expect(icpcDuty.state).toBe('met-late');
    expect(icpcDuty.lateBy).toBe(20);

    // Assessment authorised on 10 June, due 6 June: two working days late (7 and 10 June).
    await recordOk('assessment.completed', '2024-06-10', { assessmentId: assessment.event.eventId, factors: ['3B', '4B'], outcome: 'strategy-discussion', authorisedByWorkerId: 'w-tm-1', primaryNeed: 'N1' });
    const assessmentDuty = await duty('2024-06-10', 'assessment-within-45-working-days-of-referral');
    expect(assessmentDuty.state).toBe('met-late');
    expect(assessmentDuty.lateBy).toBe(2);

    // CP plan: core group within 10 working days (14 June), visits every 10 working days, first review within 3 months.
    expect((await duty('2024-05-31', 'first-core-group-after-initial-conference')).dueOn).toBe('2024-06-14');
    expect((await duty('2024-05-31', 'child-protection-visit')).dueOn).toBe('2024-06-14');
    expect((await duty('2024-05-31', 'review-conference-within-3-months-then-every-6-months')).dueOn).toBe('2024-08-31');
    await recordOk('visit.made', '2024-06-10', { kind: 'child-protection', childSeen: true, seenAlone: true });
    await recordOk('core-group.held', '2024-06-12', { attendingAgencies: agencies });
    expect((await duty('2024-06-12', 'first-core-group-after-initial-conference')).state).toBe('met-on-time');
    expect((await duty('2024-06-12', 'child-protection-visit', 2)).dueOn).toBe('2024-06-24');
    await recordOk('visit.made', '2024-06-27', { kind: 'child-protection', childSeen: true, seenAlone: false });
    const lateVisit = await duty('2024-06-27', 'child-protection-visit', 2);
    expect(lateVisit.state).toBe('met-late');
    expect(lateVisit.lateBy).toBe(3);
    expect((await duty('2024-06-27', 'child-protection-visit', 3)).dueOn).toBe('2024-07-11');

    // A visit recorded in error is voided: it stays in the chronology, marked, and no longer counts.
    const mistaken = await recordOk('visit.made', '2024-07-01', { kind: 'child-protection', childSeen: true });
    await recordOk('event.voided', '2024-07-02', { voidedEventId: mistaken.event.eventId, reason: 'Recorded on the wrong child' });
    const overdueVisit = await duty('2024-07-15', 'child-protection-visit', 3);
    expect(overdueVisit.state).toBe('overdue');
    expect(overdueVisit.daysLeft).toBe(-2);

    // Reviews: held 29 August (due 31 August), next within 6 months: 28 February 2025 (no 29th).
    await recordOk('visit.made', '2024-07-16', { kind: 'child-protection', childSeen: true, seenAlone: true });
    await recordOk('conference.review-held', '2024-08-29', { planContinues: true, categoryOfAbuse: 'EMO', chairWorkerId: 'w-chair-1', attendingAgencies: agencies });
    expect((await duty('2024-08-29', 'review-conference-within-3-months-then-every-6-months')).state).toBe('met-on-time');
    expect((await duty('2024-08-29', 'review-conference-within-3-months-then-every-6-months', 2)).dueOn).toBe('2025-02-28');

    // The second review ends the plan: the review is met, visits stop, the episode can close.
    const ended = await recordOk('conference.review-held', '2025-02-20', { planContinues: false, chairWorkerId: 'w-chair-1', attendingAgencies: agencies });
    expect(ended.status).toBe('child-in-need');
    const afterPlan = await duties('2025-03-31');
    expect(afterPlan.filter((d) => d.state === 'open' || d.state === 'overdue').map((d) => d.ruleId)).toEqual([]);
    expect(afterPlan.find((d) => d.ruleId === 'review-conference-within-3-months-then-every-6-months' && d.occurrence === 2)?.state).toBe('met-on-time');
    await recordOk('episode.closed', '2025-03-03', { reasonForClosure: 'RC7', primaryNeed: 'N1' });

    const summary = (await app.inject({ method: 'GET', url: `/api/v1/children/${childId}?asAt=2025-03-31` })).json();
    expect(summary.status).toBe('known');
    expect(summary.episodes).toHaveLength(1);
    expect(summary.episodes[0]).toMatchObject({ referralOn: '2024-04-02', closedOn: '2025-03-03', reasonForClosure: 'RC7', primaryNeed: 'N1' });
    expect(summary.episodes[0].cpPlans[0]).toMatchObject({
      planId, startedOn: '2024-05-31', endedOn: '2025-02-20', initialCategory: 'NEG', latestCategory: 'EMO', numberOfPreviousPlans: 0,
      reviewConferences: ['2024-08-29', '2025-02-20'], coreGroups: ['2024-06-12'],
    });
    expect(summary.allocation).toMatchObject({ workerId: 'w-sw-1', teamId: 't-cp-1' });

    const chronology = (await app.inject({ method: 'GET', url: `/api/v1/children/${childId}/chronology` })).json();
    const types = chronology.entries.map((e: { type: string }) => e.type);
    expect(types[0]).toBe('child.registered');
    expect(types.at(-1)).toBe('episode.closed');
    const voided = chronology.entries.find((e: { eventId: string }) => e.eventId === mistaken.event.eventId);
    expect(voided).toMatchObject({ effective: false, voided: { reason: 'Recorded on the wrong child' } });
    const dates = chronology.entries.map((e: { occurredOn: string }) => e.occurredOn);
    expect(dates).toEqual([...dates].sort());

    // The borough-wide due list agrees, and names the worker who held the case then.
    const due = (await app.inject({ method: 'GET', url: '/api/v1/duties?asAt=2024-07-15&workerId=w-sw-1' })).json();
    expect(due.duties.map((d: { ruleId: string; state: string }) => [d.ruleId, d.state])).toEqual([
      ['child-protection-visit', 'overdue'],
      ['review-conference-within-3-months-then-every-6-months', 'open'],
    ]);
    expect(due.summary).toMatchObject({ open: 2, overdue: 1, byWorker: [{ workerId: 'w-sw-1', open: 2, overdue: 1 }] });

    // Every read and write above was audited by the data-access layer.
    await chainAwaitingAudit(db.pool);
    const audit = await db.pool.query(`SELECT action, count(*)::int AS n FROM audit_event WHERE child_id = $1 GROUP BY action ORDER BY action`, [childId]);
    const byAction = Object.fromEntries(audit.rows.map((r) => [r.action, r.n]));
    expect(byAction.write).toBe(clientCounter);
    expect(byAction.read).toBeGreaterThan(20);
  });

  it('refuses what the record does not allow, names the fields, and writes nothing', async () => {
    const other = 'REFUSE1';
    const post = (payload: unknown, child = other) => app.inject({ method: 'POST', url: `/api/v1/children/${child}/events`, payload: payload as object });
    const count = async () => Number((await db.pool.query('SELECT count(*) AS n FROM child_event WHERE child_id = $1', [other])).rows[0].n);

    const unknownChild = await post({ type: 'contact.received', clientId: 'refuse-0001', occurredAt: '2024-01-02T10:00:00Z', data: { source: '6', primaryReason: 'neglect' } });
    expect(unknownChild.statusCode).toBe(404);
    expect(unknownChild.json().error.problems[0].field).toBe('childId');

    const futureBirth = await post({ type: 'child.registered', clientId: 'refuse-0002', occurredAt: '2024-01-02', data: { forename: 'A', surname: 'B', dateOfBirth: '2099-01-01', sex: 'M', ethnicity: 'WBRI' } });
    expect(futureBirth.statusCode).toBe(400);
    expect(futureBirth.json().error.problems.map((p: { field: string }) => p.field)).toEqual(['data.dateOfBirth']);

    const badCodes = await post({ type: 'child.registered', clientId: 'refuse-0003', occurredAt: '2024-02-30', data: { forename: 'A', surname: 'B', dateOfBirth: '2015-01-01', sex: 'X', ethnicity: 'XXXX', nhsNumber: '1234567890' } });
    expect(badCodes.statusCode).toBe(400);
    expect(badCodes.json().error.problems.map((p: { field: string }) => p.field).sort()).toEqual(['data.ethnicity', 'data.nhsNumber', 'data.sex', 'occurredAt']);

    const malformed = await app.inject({ method: 'POST', url: `/api/v1/children/${other}/events`, headers: { 'content-type': 'application/json' }, payload: '{"type": "child.registered",' });
    expect(malformed.statusCode).toBe(400);
    expect(await count()).toBe(0);

    const registered = await post({ type: 'child.registered', clientId: 'refuse-0004', occurredAt: '2024-01-02', data: { forename: 'Bo', surname: 'Ng', dateOfBirth: '2015-01-01', sex: 'M', ethnicity: 'CHNE' } });
    expect(registered.statusCode).toBe(201);
    const again = await post({ type: 'child.registered', clientId: 'refuse-0004', occurredAt: '2024-01-02', data: { forename: 'Bo', surname: 'Ng', dateOfBirth: '2015-01-01', sex: 'M', ethnicity: 'CHNE' } });
    expect(again.statusCode).toBe(200);
    expect(again.json().replayed).toBe(true);
    expect(await count()).toBe(1);

    const icpcWithoutS47 = await post({ type: 'conference.initial-held', clientId: 'refuse-0005', occurredAt: '2024-01-10', data: { planRequired: true, categoryOfAbuse: 'NEG', chairWorkerId: 'c', attendingAgencies: ['police'] } });
    expect(icpcWithoutS47.statusCode).toBe(409);
    expect(icpcWithoutS47.json().error).toMatchObject({ code: 'conflict', status: 'known' });
    expect(icpcWithoutS47.json().error.allowedActions).toContain('referral.received');
    expect(icpcWithoutS47.json().error.allowedActions).not.toContain('conference.initial-held');

    await post({ type: 'referral.received', clientId: 'refuse-0006', occurredAt: '2024-01-10', data: { source: '2A' } });
    const assessmentBeforeReferral = await post({ type: 'assessment.started', clientId: 'refuse-0007', occurredAt: '2024-01-05', data: {} });
    expect(assessmentBeforeReferral.statusCode).toBe(400);
    expect(assessmentBeforeReferral.json().error.problems[0]).toMatchObject({ field: 'occurredAt' });
    expect(await count()).toBe(2);

    await chainAwaitingAudit(db.pool);
    const refusals = await db.pool.query(`SELECT count(*)::int AS n FROM audit_event WHERE child_id = $1 AND action = 'refused'`, [other]);
    expect(refusals.rows[0].n).toBeGreaterThanOrEqual(4);
  });

  it('needs no conference for an enquiry that ends without one', async () => {
    const post = (type: string, occurredAt: string, data: Record<string, unknown>, clientId: string) =>
      app.inject({ method: 'POST', url: '/api/v1/children/NOICPC1/events', payload: { type, occurredAt, clientId, data } });
    await post('child.registered', '2024-01-02', { forename: 'Lea', surname: 'Roy', dateOfBirth: '2014-02-02', sex: 'F', ethnicity: 'WBRI' }, 'noicpc-0001');
    await post('referral.received', '2024-01-08', { source: '6' }, 'noicpc-0002');
    await post('strategy-discussion.held', '2024-01-09', { attendingAgencies: ['police'], decision: 'section-47' }, 'noicpc-0003');
    const completed = await post('section-47.completed', '2024-01-19', { outcome: 'no-further-action', concernsSubstantiated: false }, 'noicpc-0004');
    expect(completed.statusCode).toBe(201);
    const duties = (await app.inject({ method: 'GET', url: '/api/v1/children/NOICPC1/duties?asAt=2024-03-01' })).json().duties;
    expect(duties.find((d: { ruleId: string }) => d.ruleId === 'initial-conference-within-15-working-days-of-strategy-discussion')).toMatchObject({ state: 'cancelled', closedOn: '2024-01-19' });
  });

  it('serves its OpenAPI document and health check', async () => {
    const health = await app.inject({ method: 'GET', url: '/api/v1/health' });
    expect(health.json()).toMatchObject({ status: 'ok' });
    const openapi = (await app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json();
    expect(openapi.openapi).toBe('3.0.3');
    expect(Object.keys(openapi.paths)).toEqual(expect.arrayContaining(['/api/v1/children/{childId}/events', '/api/v1/duties', '/api/v1/health']));
    const body = openapi.paths['/api/v1/children/{childId}/events'].post.requestBody.content['application/json'].schema;
    expect(JSON.stringify(body)).toContain('conference.initial-held');
  });
});
