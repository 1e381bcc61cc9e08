/**
 * Lists of children show every involvement of each child beside their status, the furthest along
 * first, as the record does: the children search (which can also find the children in one kind of
 * work), a child's related children and the due list. Kept in step by imports, writes and rebuilds.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/app/config.ts';
import { createApp } from '../../src/app/server.ts';
import { createServices } from '../../src/app/services.ts';
import { importInterchangeFile } from '../../src/interchange/import.ts';
import type { Database } from '../../src/platform/database/database.ts';
import { checkProjections } from '../../src/record/rebuild.ts';
import { timescalesFrom } from '../../src/timescales/timescales.ts';
import {
  contact, initialConference, referral, registered, section47Completed, sibling, strategyDiscussion, toNdjson,
} from '../support/event-builders.ts';
import { testDatabaseTargets } from '../support/test-database.ts';

const config = loadConfig({});
const timescales = timescalesFrom(config);
const admin = { laCode: '206', actor: { userId: 'admin-1', role: 'administrator', agency: 'childrens-social-care' }, correlationId: randomUUID() };

const onPlan = { kind: 'child-protection-plan', label: 'Child protection plan', since: '2024-01-25' };
const enquiry = { kind: 'section-47', label: 'Section 47 enquiry', since: '2024-03-01' };
const referred = { kind: 'referral', label: 'Referral', since: '2024-01-10' };
const awaitingDecision = { kind: 'contact', label: 'Contact awaiting a decision', since: '2024-03-04' };

describe.each(testDatabaseTargets)('every involvement of each child in lists, on $name', (target) => {
  let db: Database;
  let app: FastifyInstance;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'safeguard-involvements-'));
    db = await target.open();
    app = createApp(createServices(config, db));
    const file = path.join(dir, 'children.ndjson');
    writeFileSync(file, toNdjson([
      // On a child protection plan, with a new enquiry opened by a later strategy discussion.
      registered('PLAN1', { surname: 'Adeyemi' }), referral('PLAN1', '2024-01-10'), strategyDiscussion('PLAN1', '2024-01-11'),
      section47Completed('PLAN1', '2024-01-20'), initialConference('PLAN1', '2024-01-25'), strategyDiscussion('PLAN1', '2024-03-01'),
      // Their brother, with a contact awaiting a decision.
      registered('SIB1', { surname: 'Adeyemi', forename: 'Tobi' }), contact('SIB1', '2024-03-04T10:00:00Z'), sibling('SIB1', '2024-03-04', 'PLAN1'),
      // Known, with nothing open.
      registered('KNOWN1', { surname: 'Adeyemi', forename: 'Kemi' }),
    ]));
    expect((await importInterchangeFile(db, file, admin, timescales)).problems).toEqual([]);
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    await db?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const get = async (url: string) => {
    const response = await app.inject({ method: 'GET', url });
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  };
  const listed = (children: { childId: string; status: string; involvements: unknown[] }[]) =>
    Object.fromEntries(children.map(({ childId, status, involvements }) => [childId, { status, involvements }]));

  it('lists a child on a plan with an open section 47 enquiry with both (and the referral they came in by), the plan first, as their record does', async () => {
    expect(listed((await get('/api/v1/children?surname=Adeyemi')).children)).toEqual({
      PLAN1: { status: 'child-protection-plan', involvements: [onPlan, enquiry, referred] },
      SIB1: { status: 'contact', involvements: [awaitingDecision] },
      KNOWN1: { status: 'known', involvements: [] },
    });
    expect((await get('/api/v1/children/PLAN1?asAt=2024-03-05')).involvements).toEqual([onPlan, enquiry, referred]);
    // Found by a close misspelling as well as by the start of the name.
    expect(listed((await get('/api/v1/children?surname=Adeyemy')).children)).toEqual(listed((await get('/api/v1/children?surname=Adeyemi')).children));
  });

  it('finds the children in one kind of work, whether or not it is the furthest along', async () => {
    const involvedIn = async (kind: string) => (await get(`/api/v1/children?involvement=${kind}`)).children.map((c: { childId: string }) => c.childId);
    expect(await involvedIn('child-protection-plan')).toEqual(['PLAN1']);
    expect(await involvedIn('section-47')).toEqual(['PLAN1']);
    expect(await involvedIn('contact')).toEqual(['SIB1']);
    expect(await involvedIn('looked-after')).toEqual([]);
    expect((await get('/api/v1/children?status=section-47')).children).toEqual([]);
  });

  it('shows the involvements of related children and of the children in the due list', async () => {
    expect(listed((await get('/api/v1/children/SIB1/related-children?asAt=2024-03-05')).children)).toEqual({
      PLAN1: { status: 'child-protection-plan', involvements: [onPlan, enquiry, referred] },
    });
    const due = (await get('/api/v1/duties?asAt=2024-03-05')).duties as { childId: string; involvements: unknown[] }[];
    expect(due.filter((duty) => duty.childId === 'PLAN1').length).toBeGreaterThan(0);
    for (const duty of due) expect(duty.involvements).toEqual(duty.childId === 'PLAN1' ? [onPlan, enquiry, referred] : [awaitingDecision]);
  });

  it('keeps them in step with each event recorded, and equal to a rebuild from the log', async () => {
    const response = await app.inject({
      method: 'POST', url: '/api/v1/children/PLAN1/events',
      payload: { type: 'section-47.completed', occurredAt: '2024-03-06', clientId: randomUUID(), data: { outcome: 'no-further-action', concernsSubstantiated: false } },
    });
    expect(response.statusCode, response.body).toBe(201);
    expect(listed((await get('/api/v1/children?involvement=child-protection-plan')).children)).toEqual({
      PLAN1: { status: 'child-protection-plan', involvements: [onPlan, referred] },
    });
    expect((await get('/api/v1/children?involvement=section-47')).children).toEqual([]);
    expect(await checkProjections(db, admin, timescales)).toMatchObject({ matches: true });
  });
});
