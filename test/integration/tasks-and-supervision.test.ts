/**
 * Tasks and supervision through the API, as the workers who use them: a task set from a strategy
 * discussion appears in its worker's My work list, moves to another worker, and closes; a team's
 * task waits in every team member's list; a supervisor records a session whose case discussion
 * lands on the child's record; how often each worker is supervised is measured against the
 * standard; and what is not allowed is refused, with nothing written.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appOn, recorderFor, type Recorder } from '../../src/analytics/test-support.ts';
import type { Database } from '../../src/platform/database/database.ts';
import { testDatabaseTargets } from '../support/test-database.ts';

const TODAY = new Date().toLocaleDateString('en-CA', { timeZone: 'Europe/London' });
const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const daysAgo = (days: number) => addDays(TODAY, -days);

const teams = [
  { teamId: 't-cin', name: 'Children in need 1', service: 'children-in-need' },
  { teamId: 't-cin2', name: 'Children in need 2', service: 'children-in-need' },
  { teamId: 't-cp', name: 'Child protection 1', service: 'child-protection' },
];
const workers = [
  { workerId: 'sw-1', name: 'Sam Ade', role: 'social-worker', teamId: 't-cin', startedOn: '2020-01-06' },
  { workerId: 'sw-2', name: 'Kim Lee', role: 'social-worker', teamId: 't-cin', startedOn: '2020-01-06' },
  { workerId: 'sw-4', name: 'Ola Berg', role: 'social-worker', teamId: 't-cin2', startedOn: daysAgo(10) },
  { workerId: 'sp-1', name: 'Pat Ryan', role: 'senior-practitioner', teamId: 't-cin', startedOn: '2020-01-06' },
  { workerId: 'tm-1', name: 'Jo Khan', role: 'team-manager', teamId: 't-cin', startedOn: '2020-01-06' },
  { workerId: 'sw-3', name: 'Ali Noor', role: 'social-worker', teamId: 't-cp', startedOn: '2020-01-06' },
];

describe.each(testDatabaseTargets)('tasks and supervision on $name', (target) => {
  let db: Database;
  let app: FastifyInstance;
  let r: Recorder;
  let strategyDiscussionId: string;

  /** A request as a worker chosen at development sign-in: their role's scope applies. */
  const as = (workerId: string, method: 'GET' | 'POST', url: string, payload?: Record<string, unknown>) =>
    app.inject({ method, url, headers: { cookie: `safeguard-dev-worker=${workerId}` }, ...(payload === undefined ? {} : { payload }) });
  const recordAs = (workerId: string, childId: string, type: string, occurredAt: string, data: Record<string, unknown>) =>
    as(workerId, 'POST', `/api/v1/children/${childId}/events`, { type, occurredAt, clientId: randomUUID(), data });
  const tasksOf = async (workerId: string, assignee: 'me' | 'team' = 'me') => {
    const response = await as(workerId, 'GET', `/api/v1/tasks?assignee=${assignee}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json().tasks as { taskId: string; childId: string; description: string; dueOn: string; overdue: boolean; workerId?: string }[];
  };

  beforeAll(async () => {
    db = await target.open();
    app = appOn(db);
    for (const team of teams) expect((await app.inject({ method: 'POST', url: '/api/v1/teams', payload: team })).statusCode).toBe(201);
    for (const worker of workers) expect((await app.inject({ method: 'POST', url: '/api/v1/workers', payload: worker })).statusCode).toBe(201);
    r = recorderFor(app, 'tasks');
    await r.register('TASK1', {}, daysAgo(60));
    await r.referral('TASK1', daysAgo(60));
    await r.allocate('TASK1', daysAgo(60), 'sw-1', 't-cin');
    strategyDiscussionId = (await r.strategy('TASK1', daysAgo(40))).eventId;
    await r.register('TASK2', {}, daysAgo(60));
    await r.referral('TASK2', daysAgo(60));
    await r.allocate('TASK2', daysAgo(60), 'sw-3', 't-cp');
  });
  afterAll(() => db?.close());

  it('sets a task from a strategy discussion, lists it for its worker and the team\'s for everyone in the team, moves it and completes it', async () => {
    const set = await recordAs('sw-1', 'TASK1', 'task.set', daysAgo(40), {
      description: 'Ask the school for attendance records', sourceKind: 'strategy-discussion', sourceEventId: strategyDiscussionId,
      teamId: 't-cin', workerId: 'sw-1', dueOn: daysAgo(5),
    });
    expect(set.statusCode, set.body).toBe(201);
    const taskId = set.json().event.eventId as string;
    const teamTask = await recordAs('sw-1', 'TASK1', 'task.set', daysAgo(2), {
      description: 'Book an interpreter for the home visit', sourceKind: 'core-group', teamId: 't-cin', dueOn: addDays(TODAY, 7),
    });
    expect(teamTask.statusCode, teamTask.body).toBe(201);

    // The worker's own task (overdue) first, then the team's unassigned one.
    expect((await tasksOf('sw-1')).map((t) => [t.description, t.overdue])).toEqual([
      ['Ask the school for attendance records', true], ['Book an interpreter for the home visit', false],
    ]);
    expect((await tasksOf('sw-2')).map((t) => t.description)).toEqual(['Book an interpreter for the home visit']);
    expect((await tasksOf('tm-1', 'team')).map((t) => t.description)).toEqual(['Ask the school for attendance records', 'Book an interpreter for the home visit']);
    // Another team sees neither: not its team's, and not a child in its scope.
    expect(await tasksOf('sw-3')).toEqual([]);
    expect(await tasksOf('sw-3', 'team')).toEqual([]);

    const moved = await recordAs('sw-1', 'TASK1', 'task.reassigned', daysAgo(1), { taskId, teamId: 't-cin', workerId: 'sw-2', reason: 'Sam is on leave' });
    expect(moved.statusCode, moved.body).toBe(201);
    expect((await tasksOf('sw-1')).map((t) => t.description)).toEqual(['Book an interpreter for the home visit']);
    expect((await tasksOf('sw-2')).map((t) => [t.taskId, t.workerId])).toEqual([[taskId, 'sw-2'], [teamTask.json().event.eventId, undefined]]);

    const done = await recordAs('sw-2', 'TASK1', 'task.completed', TODAY, { taskId, outcome: 'Attendance is 82% this term' });
    expect(done.statusCode, done.body).toBe(201);
    expect((await tasksOf('sw-2')).map((t) => t.description)).toEqual(['Book an interpreter for the home visit']);

    const record = (await as('sw-1', 'GET', '/api/v1/children/TASK1')).json();
    expect(record.tasks.open.map((t: { description: string }) => t.description)).toEqual(['Book an interpreter for the home visit']);
    expect(record.tasks.closed).toEqual([expect.objectContaining({
      taskId, status: 'completed', closedOn: TODAY, outcome: 'Attendance is 82% this term', sourceEventId: strategyDiscussionId,
      assignments: [{ on: daysAgo(40), teamId: 't-cin', workerId: 'sw-1' }, { on: daysAgo(1), teamId: 't-cin', workerId: 'sw-2', reason: 'Sam is on leave' }],
    })]);
    // Each step is on the chronology, recorded by whoever took it.
    const chronology = (await as('sw-1', 'GET', '/api/v1/children/TASK1/chronology')).json();
    const steps = chronology.entries.filter((e: { type: string }) => e.type.startsWith('task.'));
    expect(steps.map((e: { type: string }) => e.type).sort()).toEqual(['task.completed', 'task.reassigned', 'task.set', 'task.set']);

    // The list is audited: a read of each child it showed.
    const audited = await db.pool.query(`SELECT child_id FROM audit_event WHERE resource = 'task-list' AND user_id = 'sw-2'
      UNION ALL SELECT child_id FROM audit_awaiting_chain WHERE resource = 'task-list' AND user_id = 'sw-2'`);
    expect(audited.rows.map((row) => row.child_id)).toContain('TASK1');
  });

  it('refuses a task for a team or worker that does not exist, or a worker of another team, naming every field, and writes nothing', async () => {
    const before = (await as('sw-1', 'GET', '/api/v1/children/TASK1/chronology')).json().entries.length;
    const noTeam = await recordAs('sw-1', 'TASK1', 'task.set', TODAY, { description: 'A task', sourceKind: 'other', teamId: 't-none', workerId: 'nobody', dueOn: TODAY });
    expect(noTeam.statusCode).toBe(400);
    expect(noTeam.json().error.problems).toEqual([
      { field: 'data.teamId', message: 'Select a team that exists' }, { field: 'data.workerId', message: 'Select a worker who exists' },
    ]);
    const otherTeam = await recordAs('sw-1', 'TASK1', 'task.set', TODAY, { description: 'A task', sourceKind: 'other', teamId: 't-cin', workerId: 'sw-3', dueOn: TODAY });
    expect(otherTeam.json().error.problems).toEqual([{ field: 'data.workerId', message: 'Select a worker of the team the task is given to' }]);
    const early = await recordAs('sw-1', 'TASK1', 'task.set', TODAY, { description: 'A task', sourceKind: 'other', teamId: 't-cin', dueOn: daysAgo(1) });
    expect(early.statusCode).toBe(400);
    expect(early.json().error.problems).toEqual([{ field: 'data.dueOn', message: `The date the task is due must be on or after ${TODAY}, the day it is set` }]);
    // Out of scope: no such child, as far as the other team's worker knows.
    expect((await recordAs('sw-3', 'TASK1', 'task.set', TODAY, { description: 'A task', sourceKind: 'other', teamId: 't-cp', dueOn: TODAY })).statusCode).toBe(404);
    expect((await as('sw-1', 'GET', '/api/v1/children/TASK1/chronology')).json().entries.length).toBe(before);
  });

  it('records a supervision session: the session is the worker\'s, each case discussion is on the child\'s record, a task set in it is in My work', async () => {
    const heldOn = daysAgo(3);
    const response = await as('tm-1', 'POST', '/api/v1/supervision', {
      workerId: 'sw-1', heldOn, notes: 'Workload is high; booked on the court skills course',
      caseDiscussions: [{
        childId: 'TASK1', discussion: 'School attendance is improving; father not yet seen', decisions: 'Visit father within two weeks',
        tasks: [{ description: 'Visit the father at home', dueOn: addDays(TODAY, 11), teamId: 't-cin', workerId: 'sw-1' }],
      }],
    });
    expect(response.statusCode, response.body).toBe(201);
    const { supervisionId, caseDiscussions } = response.json();
    expect(caseDiscussions).toEqual([{ childId: 'TASK1', eventId: expect.any(String), taskEventIds: [expect.any(String)] }]);

    const record = (await as('sw-1', 'GET', '/api/v1/children/TASK1')).json();
    expect(record.caseDiscussions).toEqual([{
      discussionId: caseDiscussions[0].eventId, supervisionId, heldOn, workerId: 'sw-1', supervisorWorkerId: 'tm-1',
      discussion: 'School attendance is improving; father not yet seen', decisions: 'Visit father within two weeks',
    }]);
    const chronology = (await as('sw-1', 'GET', '/api/v1/children/TASK1/chronology')).json();
    expect(chronology.entries.filter((e: { type: string }) => e.type === 'supervision.case-discussed'))
      .toEqual([expect.objectContaining({ recordedBy: expect.objectContaining({ userId: 'tm-1', role: 'team-manager' }) })]);
    const supervisionTask = (await tasksOf('sw-1')).find((t) => t.description === 'Visit the father at home');
    expect(supervisionTask).toBeDefined();
    expect(record.tasks.open.find((t: { description: string }) => t.description === 'Visit the father at home')).toMatchObject({ sourceKind: 'supervision', sourceEventId: caseDiscussions[0].eventId });

    // The worker reads their own supervision record, with the discussion of the child they may see.
    const sessions = await as('sw-1', 'GET', '/api/v1/supervision/workers/sw-1/sessions');
    expect(sessions.statusCode, sessions.body).toBe(200);
    expect(sessions.json().sessions).toEqual([expect.objectContaining({
      supervisionId, heldOn, supervisorWorkerId: 'tm-1', notes: 'Workload is high; booked on the court skills course',
      caseDiscussions: [expect.objectContaining({ childId: 'TASK1', discussion: 'School attendance is improving; father not yet seen' })],
    })]);
    // Nobody else's but their supervisors'.
    expect((await as('sw-2', 'GET', '/api/v1/supervision/workers/sw-1/sessions')).statusCode).toBe(404);
    expect((await as('sp-1', 'GET', '/api/v1/supervision/workers/sw-1/sessions')).statusCode).toBe(200);
  });

  it('measures each worker\'s supervision against the standard, for their supervisors; a worker sees their own', async () => {
    const asManager = await as('tm-1', 'GET', `/api/v1/supervision/workers?asAt=${TODAY}`);
    expect(asManager.statusCode, asManager.body).toBe(200);
    const byId = Object.fromEntries(asManager.json().workers.map((w: { workerId: string }) => [w.workerId, w]));
    expect(asManager.json().standardDays).toBe(28);
    // The team manager oversees the children-in-need service's teams, not child protection's.
    expect(Object.keys(byId).sort()).toEqual(['sp-1', 'sw-1', 'sw-2', 'sw-4', 'tm-1']);
    expect(byId['sw-1']).toMatchObject({ lastSupervisedOn: daysAgo(3), nextDueOn: addDays(daysAgo(3), 28), overdue: false });
    expect(byId['sw-2']).toMatchObject({ overdue: true });
    expect(byId['sw-2'].lastSupervisedOn).toBeUndefined();
    // Started ten days ago: not due until 28 days after starting.
    expect(byId['sw-4']).toMatchObject({ nextDueOn: addDays(daysAgo(10), 28), overdue: false });
    // The most overdue first.
    expect(asManager.json().workers[0].overdue).toBe(true);

    const own = await as('sw-2', 'GET', '/api/v1/supervision/workers');
    expect(own.json().workers.map((w: { workerId: string }) => w.workerId)).toEqual(['sw-2']);
    const senior = await as('sp-1', 'GET', '/api/v1/supervision/workers');
    expect(senior.json().workers.map((w: { workerId: string }) => w.workerId).sort()).toEqual(['sp-1', 'sw-1', 'sw-2', 'tm-1']);

    // The council's own standard.
    const strict = appOn(db, { SAFEGUARD_SUPERVISION_STANDARD_DAYS: '2' });
    const strictAnswer = await strict.inject({ method: 'GET', url: '/api/v1/supervision/workers', headers: { cookie: 'safeguard-dev-worker=tm-1' } });
    expect(strictAnswer.json().workers.find((w: { workerId: string }) => w.workerId === 'sw-1')).toMatchObject({ overdue: true, nextDueOn: addDays(daysAgo(3), 2) });
  });

  it('refuses supervision recorded by a worker who does not supervise, of a worker out of reach, or of a child out of scope, and writes nothing', async () => {
    const count = async () => Number((await db.pool.query('SELECT count(*) FROM supervision_session')).rows[0].count);
    const before = await count();
    const bySocialWorker = await as('sw-2', 'POST', '/api/v1/supervision', { workerId: 'sw-1', heldOn: TODAY, caseDiscussions: [] });
    expect(bySocialWorker.statusCode).toBe(403);
    expect(bySocialWorker.json().error.message).toBe('Only a senior practitioner, team manager or service manager can record supervision');
    // A worker of another service is out of the team manager's reach.
    expect((await as('tm-1', 'POST', '/api/v1/supervision', { workerId: 'sw-3', heldOn: TODAY, caseDiscussions: [] })).statusCode).toBe(404);
    // A child the team manager may not see stops the whole session.
    const outOfScope = await as('tm-1', 'POST', '/api/v1/supervision', {
      workerId: 'sw-1', heldOn: TODAY, caseDiscussions: [{ childId: 'TASK1', discussion: 'Fine' }, { childId: 'TASK2', discussion: 'Not theirs' }],
    });
    expect(outOfScope.statusCode).toBe(404);
    const future = await as('tm-1', 'POST', '/api/v1/supervision', { workerId: 'tm-1', heldOn: addDays(TODAY, 1), caseDiscussions: [] });
    expect(future.statusCode).toBe(400);
    expect(future.json().error.problems).toEqual([
      { field: 'workerId', message: 'Select a worker other than yourself: you cannot supervise yourself' },
      { field: 'heldOn', message: 'The date of the supervision must be today or in the past' },
    ]);
    expect(await count()).toBe(before);
    // A case discussion cannot be written to a record outside a session.
    const loose = await recordAs('tm-1', 'TASK1', 'supervision.case-discussed', TODAY, {
      supervisionId: randomUUID(), workerId: 'sw-1', supervisorWorkerId: 'tm-1', discussion: 'Not in any session',
    });
    expect(loose.statusCode).toBe(400);
    expect(loose.json().error.problems).toEqual([{ field: 'data.supervisionId', message: 'Record the case discussion as part of the worker\'s supervision session, on the Supervision page' }]);
  });
});
