/**
 * The family network against both databases: adults kept as versions, a household's move applied
 * to every member, flags raised and removed, who may see an adult, and the audit of what was shown.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessGrantFor } from '../../src/access/policy.ts';
import { loadConfig } from '../../src/app/config.ts';
import { createApp } from '../../src/app/server.ts';
import { createServices, type AppServices } from '../../src/app/services.ts';
import { FamilyNetworkRepository } from '../../src/modules/family-network/network-repository.ts';
import { chainAwaitingAudit } from '../../src/platform/audit/audit.ts';
import type { Database } from '../../src/platform/database/database.ts';
import type { RequestContext } from '../../src/platform/request-context.ts';
import { testDatabaseTargets } from '../support/test-database.ts';

const mother = {
  forename: 'Grace', surname: 'Okafor', dateOfBirth: '1989-03-02', sex: 'F', householdId: 'H-FN', phone: '07700 900123',
  interpreterNeeded: true, interpreterLanguage: 'Igbo', address: { line1: '4 Mill Lane', postcode: 'SE1 7PB' },
};

describe.each(testDatabaseTargets)('the family network on $name', (target) => {
  let db: Database;
  let app: FastifyInstance;
  let services: AppServices;
  let counter = 0;
  let motherId: string;
  let outsideAdultId: string;

  const record = async (childId: string, type: string, occurredAt: string, data: Record<string, unknown>, expected = 201) => {
    counter += 1;
    const response = await app.inject({ method: 'POST', url: `/api/v1/children/${childId}/events`, payload: { type, occurredAt, clientId: `family-${counter}-xxxx`, data } });
    expect(response.statusCode, response.body).toBe(expected);
    return response.json();
  };
  const get = async (url: string) => {
    const response = await app.inject({ method: 'GET', url });
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  };
  const post = (url: string, payload: unknown) => app.inject({ method: 'POST', url, payload: payload as Record<string, unknown> });
  const socialWorkerOf = (teamId: string, workerId: string): RequestContext => {
    const actor = { userId: `u-${workerId}`, role: 'social-worker', agency: 'childrens-social-care' };
    return { laCode: '206', actor, correlationId: randomUUID(), access: accessGrantFor({ ...actor, workerId, teamId }) };
  };
  const networkAs = (context: RequestContext) => new FamilyNetworkRepository(db, context, services.repositoryFor(context));

  beforeAll(async () => {
    db = await target.open();
    services = createServices(loadConfig({}), db);
    app = createApp(services);
    for (const [teamId, workerId] of [['T-FN1', 'W-FN1'], ['T-FN2', 'W-FN2']] as const) {
      expect((await post('/api/v1/teams', { teamId, name: teamId, service: 'children-in-need' })).statusCode).toBe(201);
      expect((await post('/api/v1/workers', { workerId, name: workerId, role: 'social-worker', teamId, startedOn: '2020-01-06' })).statusCode).toBe(201);
    }
    for (const [childId, forename, dateOfBirth, household, team, worker] of [
      ['FN1', 'Chidi', '2014-05-01', 'H-FN', 'T-FN1', 'W-FN1'], ['FN2', 'Ada', '2017-08-09', 'H-FN', 'T-FN1', 'W-FN1'], ['FNOUT', 'Obi', '2012-01-01', 'H-OUT', 'T-FN2', 'W-FN2'],
      ['FNMIX', 'Ife', '2016-02-02', 'H-MIX', 'T-FN1', 'W-FN1'], ['FNMIX2', 'Tobi', '2018-02-02', 'H-MIX', 'T-FN2', 'W-FN2'],
    ] as const) {
      await record(childId, 'child.registered', '2024-01-02', { forename, surname: 'Okafor', dateOfBirth, sex: forename === 'Ada' ? 'F' : 'M', ethnicity: 'BAFR' });
      await record(childId, 'household.joined', '2024-01-02', { householdId: household });
      await record(childId, 'allocation.started', '2024-01-03T09:00:00Z', { workerId: worker, teamId: team });
    }
    await record('FN1', 'relationship.recorded', '2024-01-02', { relationship: 'sibling', relatedChildId: 'FN2', livesWithChild: true });
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  it('adds an adult with their link to the child, links them to a sibling, and keeps each change as a new version', async () => {
    const added = await post('/api/v1/children/FN1/adults', { adult: mother, link: { relationship: 'mother', parentalResponsibility: true, livesWithChild: true, linkedOn: '2024-01-05' } });
    expect(added.statusCode, added.body).toBe(201);
    motherId = added.json().adult.personId;
    expect(added.json().adult.version).toBe(1);
    const linked = await post(`/api/v1/adults/${motherId}/links`, { childId: 'FN2', relationship: 'mother', parentalResponsibility: true, livesWithChild: true });
    expect(linked.statusCode, linked.body).toBe(201);

    const firstRecord = await get('/api/v1/children/FN1');
    expect(firstRecord.relationships.find((r: { relatedPerson?: { personId: string } }) => r.relatedPerson?.personId === motherId))
      .toMatchObject({ relationship: 'mother', parentalResponsibility: true, livesWithChild: true, recordedOn: '2024-01-05' });

    const changed = await post(`/api/v1/adults/${motherId}/versions`, { basedOnVersion: 1, details: { ...mother, phone: '07700 900999' }, changeReason: 'New mobile number' });
    expect(changed.statusCode, changed.body).toBe(201);
    expect(changed.json().version).toBe(2);
    const stale = await post(`/api/v1/adults/${motherId}/versions`, { basedOnVersion: 1, details: mother, changeReason: 'Edited from an old page' });
    expect(stale.statusCode).toBe(409);

    const adult = await get(`/api/v1/adults/${motherId}`);
    expect(adult.versions.map((v: { version: number; details: { phone: string }; changeReason: string | null }) => [v.version, v.details.phone, v.changeReason]))
      .toEqual([[1, '07700 900123', null], [2, '07700 900999', 'New mobile number']]);
    expect(adult.current.version).toBe(2);
    expect(adult.links.map((l: { childId: string }) => l.childId).sort()).toEqual(['FN1', 'FN2']);
    const rows = await db.pool.query('SELECT version FROM family_adult_version WHERE la_code = $1 AND person_id = $2 ORDER BY version', ['206', motherId]);
    expect(rows.rows.map((r) => r.version)).toEqual([1, 2]);
    await expect(db.pool.query('UPDATE family_adult_version SET version = 9 WHERE person_id = $1', [motherId])).rejects.toThrow(/append-only/);
  });

  it('refuses bad details naming every bad field, and writes nothing', async () => {
    const before = await db.pool.query('SELECT count(*)::int AS n FROM family_adult_version');
    const events = await db.pool.query('SELECT count(*)::int AS n FROM child_event');
    const refused = await post('/api/v1/children/FN1/adults', {
      adult: { surname: 'Okafor', email: 'not-an-email', interpreterNeeded: true },
      link: { relationship: 'aunt', parentalResponsibility: false },
    });
    expect(refused.statusCode).toBe(400);
    const fields = refused.json().error.problems.map((p: { field: string }) => p.field);
    expect(fields).toEqual(expect.arrayContaining(['adult.forename', 'adult.email', 'link.relationship', 'link.livesWithChild']));
    const noLanguage = await post('/api/v1/children/FN1/adults', {
      adult: { forename: 'Ngozi', surname: 'Okafor', interpreterNeeded: true }, link: { relationship: 'grandparent', parentalResponsibility: false, livesWithChild: false },
    });
    expect(noLanguage.statusCode).toBe(400);
    expect(noLanguage.json().error.problems).toEqual([{ field: 'adult.interpreterLanguage', message: 'Enter the language the interpreter is needed for' }]);
    expect((await db.pool.query('SELECT count(*)::int AS n FROM family_adult_version')).rows[0].n).toBe(before.rows[0].n);
    expect((await db.pool.query('SELECT count(*)::int AS n FROM child_event')).rows[0].n).toBe(events.rows[0].n);
  });

  it('moves a household once: each child gets the move in their address history, each adult living there a new version', async () => {
    const moved = await post('/api/v1/households/H-FN/moves', { address: { line1: '12 Canal Street', town: 'London', postcode: 'se15 4aa' }, movedOn: '2024-06-01', reason: 'Rehoused by the council' });
    expect(moved.statusCode, moved.body).toBe(201);
    const { moveId, childIds, personIds } = moved.json();
    expect(childIds).toEqual(['FN1', 'FN2']);
    expect(personIds).toEqual([motherId]);
    for (const childId of ['FN1', 'FN2']) {
      const child = await get(`/api/v1/children/${childId}`);
      expect(child.familyNetwork.addresses).toEqual([{ address: { line1: '12 Canal Street', town: 'London', postcode: 'SE15 4AA' }, from: '2024-06-01', householdId: 'H-FN', moveId, reason: 'Rehoused by the council' }]);
      expect(child.details.address).toEqual({ line1: '12 Canal Street', postcode: 'SE15 4AA' });
    }
    const adult = await get(`/api/v1/adults/${motherId}`);
    expect(adult.current).toMatchObject({ version: 3, details: { address: { line1: '12 Canal Street', postcode: 'SE15 4AA' }, addressFrom: '2024-06-01' } });
    expect(adult.addressHistory).toEqual([
      { address: mother.address, from: expect.any(String), to: '2024-06-01' },
      { address: { line1: '12 Canal Street', town: 'London', postcode: 'SE15 4AA' }, from: '2024-06-01' },
    ]);
    const household = await get('/api/v1/households/H-FN');
    expect(household.address).toEqual({ line1: '12 Canal Street', town: 'London', postcode: 'SE15 4AA' });
    expect(household.memberChildIds).toEqual(['FN1', 'FN2']);
    expect(household.memberPersonIds).toEqual([motherId]);
    expect(household.children.map((c: { childId: string }) => c.childId)).toEqual(['FN1', 'FN2']);

    // A move before a child of the household was born is refused, and nothing is written for anyone.
    const events = await db.pool.query('SELECT count(*)::int AS n FROM child_event');
    const early = await post('/api/v1/households/H-FN/moves', { address: { line1: '1 Old Road', postcode: 'SE1 1AA' }, movedOn: '2016-03-01' });
    expect(early.statusCode).toBe(400);
    expect(early.json().error.problems).toEqual([{ field: 'movedOn', message: 'The date of the move must be on or after Ada Okafor\'s date of birth, 2017-08-09' }]);
    expect((await db.pool.query('SELECT count(*)::int AS n FROM child_event')).rows[0].n).toBe(events.rows[0].n);
  });

  it('raises a flag, refuses the same flag twice, and removes it with a reason', async () => {
    const raised = await record('FN1', 'flag.raised', '2024-07-01', { kind: 'risk-to-visiting-staff', reason: 'Threats made to a visiting worker' });
    const again = await record('FN1', 'flag.raised', '2024-07-02', { kind: 'risk-to-visiting-staff', reason: 'Again' }, 400);
    expect(again.error.problems[0].message).toMatch(/already raised/);
    let child = await get('/api/v1/children/FN1');
    expect(child.familyNetwork.flags).toEqual([{ flagId: raised.event.eventId, kind: 'risk-to-visiting-staff', reason: 'Threats made to a visiting worker', raisedOn: '2024-07-01' }]);
    await record('FN1', 'flag.removed', '2024-08-01', { flagId: raised.event.eventId, reason: 'Reviewed: no incidents since' });
    child = await get('/api/v1/children/FN1');
    expect(child.familyNetwork.flags[0]).toMatchObject({ removedOn: '2024-08-01', removalReason: 'Reviewed: no incidents since' });
    await record('FN1', 'professional.recorded', '2024-07-01', { role: 'gp', name: 'Dr Amara Lewis', organisation: 'Canal Street Surgery', phone: '01632 960001' });
    child = await get('/api/v1/children/FN1');
    expect(child.familyNetwork.professionals).toEqual([expect.objectContaining({ role: 'gp', name: 'Dr Amara Lewis', from: '2024-07-01' })]);
    const noDescription = await record('FN1', 'professional.recorded', '2024-07-01', { role: 'other', name: 'Sam' }, 400);
    expect(noDescription.error.problems.map((p: { field: string }) => p.field)).toContain('data.roleDescription');
  });

  it('shows an adult only to readers who may see one of their children, and refuses partner agencies', async () => {
    const outside = await post('/api/v1/children/FNOUT/adults', { adult: { forename: 'Emeka', surname: 'Okafor', sex: 'M', householdId: 'H-OUT' }, link: { relationship: 'father', parentalResponsibility: true, livesWithChild: true } });
    expect(outside.statusCode, outside.body).toBe(201);
    outsideAdultId = outside.json().adult.personId;
    const worker = networkAs(socialWorkerOf('T-FN1', 'W-FN1'));
    expect((await worker.getAdult(motherId)).current.details.forename).toBe('Grace');
    await expect(worker.getAdult(outsideAdultId)).rejects.toMatchObject({ code: 'not_found' });
    await expect(worker.household('H-OUT')).rejects.toMatchObject({ code: 'not_found' });
    await expect(worker.childNetwork('FNOUT')).rejects.toMatchObject({ code: 'not_found' });
    await expect(worker.changeAdult(outsideAdultId, 1, { forename: 'X', surname: 'Y', sex: 'U', interpreterNeeded: false }, 'Trying')).rejects.toMatchObject({ code: 'not_found' });
    await expect(worker.linkAdult(outsideAdultId, 'FN1', { relationship: 'father', parentalResponsibility: false, livesWithChild: false })).rejects.toMatchObject({ code: 'not_found' });
    const network = await worker.childNetwork('FN1');
    expect(network.children.map((c) => c.childId)).toEqual(['FN1', 'FN2']);
    expect(network.adults.map((a) => a.personId)).toEqual([motherId]);
    // A household with a child out of the worker's sight cannot be moved by them, nor is that child shown.
    expect((await worker.household('H-MIX')).memberChildIds).toEqual(['FNMIX']);
    await expect(worker.moveHousehold('H-MIX', { address: { line1: '1 New Road', postcode: 'SE1 1AA' }, movedOn: '2024-06-01' })).rejects.toMatchObject({ code: 'forbidden' });
    const policeActor = { userId: 'u-police', role: 'police-officer', agency: 'police' };
    const police = networkAs({ laCode: '206', actor: policeActor, correlationId: randomUUID(), access: accessGrantFor({ ...policeActor, workerId: null, teamId: null }) });
    await expect(police.getAdult(motherId)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(police.household('H-FN')).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('audits a household page and an adult as reads of each child shown', async () => {
    const context = socialWorkerOf('T-FN1', 'W-FN1');
    await networkAs(context).household('H-FN');
    await networkAs(context).getAdult(motherId);
    await chainAwaitingAudit(db.pool);
    const rows = await db.pool.query(
      `SELECT resource, child_id FROM audit_event WHERE correlation_id = $1 AND action = 'read' ORDER BY resource, child_id`, [context.correlationId]);
    expect(rows.rows.map((r) => [r.resource, r.child_id])).toEqual([['family-adult', 'FN1'], ['family-adult', 'FN2'], ['household', 'FN1'], ['household', 'FN2']]);
  });
});
