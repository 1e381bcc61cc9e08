/**
 * Management oversight and approval through the API, as the people doing it are signed in: a
 * worker submits an assessment, a manager returns it with comments, the worker corrects it and
 * submits it again, and a manager authorises it from their worktray. Refused: a worker
 * authorising, anyone recording a step in someone else's name, a manager authorising their own
 * submission, a decision on what is not awaiting one. The worktray holds only what routes to the
 * manager's team, and is audited as a list.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appOn, recorderFor, type Recorder } from '../../src/analytics/test-support.ts';
import { chainAwaitingAudit } from '../../src/platform/audit/audit.ts';
import type { Database } from '../../src/platform/database/database.ts';
import { ManagementOversightSummary } from '../../src/modules/management-oversight/read-model.ts';
import { Worktray } from '../../src/modules/management-oversight/read-model.ts';
import { testDatabaseTargets } from '../support/test-database.ts';

const workers = [
  ['W-SW1', 'Sam Worker', 'social-worker', 't-a'],
  ['W-SP1', 'Pat Senior', 'senior-practitioner', 't-a'],
  ['W-TM1', 'Tess Manager', 'team-manager', 't-a'],
  ['W-TM3', 'Theo Manager', 'team-manager', 't-a'],
  ['W-TM2', 'Tom Other', 'team-manager', 't-b'],
  ['W-SM1', 'Sue Service', 'service-manager', 't-b'],
] as const;

describe.each(testDatabaseTargets)('management oversight and approval on $name', (target) => {
  let db: Database;
  let app: FastifyInstance;
  let r: Recorder;
  const cookies = new Map<string, string>();
  /** The assessment of each child, by child id. */
  const assessments = new Map<string, string>();
  let clientIds = 0;

  beforeAll(async () => {
    db = await target.open();
    app = appOn(db);
    r = recorderFor(app, 'mo');
    for (const [teamId, service] of [['t-a', 'children-in-need'], ['t-b', 'child-protection']]) {
      expect((await app.inject({ method: 'POST', url: '/api/v1/teams', payload: { teamId, name: `Team ${teamId}`, service } })).statusCode).toBe(201);
    }
    for (const [workerId, name, role, teamId] of workers) {
      expect((await app.inject({ method: 'POST', url: '/api/v1/workers', payload: { workerId, name, role, teamId, startedOn: '2020-01-01' } })).statusCode).toBe(201);
      const signIn = await app.inject({ method: 'POST', url: '/api/v1/dev/sign-in', payload: { workerId } });
      expect(signIn.statusCode, signIn.body).toBe(200);
      cookies.set(workerId, String(signIn.headers['set-cookie']).split(';')[0]!);
    }
    // Three children of team A (one for the manager's own submission), one of team B.
    for (const [childId, workerId, teamId] of [['MO1', 'W-SW1', 't-a'], ['MO2', 'W-SW1', 't-a'], ['MO3', 'W-TM2', 't-b'], ['MO4', 'W-SW1', 't-a']] as const) {
      await r.register(childId, {}, '2024-01-02');
      await r.referral(childId, '2024-01-03');
      await r.allocate(childId, '2024-01-03', workerId, teamId);
      const started = await r.startAssessment(childId, '2024-01-04');
      assessments.set(childId, started.eventId);
      await r.completeAssessment(childId, '2024-02-01');
    }
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  const post = (as: string | undefined, childId: string, type: string, occurredAt: string, data: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
    app.inject({
      method: 'POST', url: `/api/v1/children/${childId}/events`, headers: as ? { cookie: cookies.get(as)! } : {},
      payload: { type, occurredAt, clientId: `mo-step-${++clientIds}`, data, ...extra },
    });
  const assessment = (childId: string) => ({ subject: 'assessment', subjectId: assessments.get(childId)! });
  const submit = (as: string, childId: string, on: string, comments?: string) =>
    post(as, childId, 'approval.submitted', on, { ...assessment(childId), submittedByUserId: as, submittedByWorkerId: as, ...(comments ? { comments } : {}) });
  const authorise = (as: string, childId: string, on: string) =>
    post(as, childId, 'approval.authorised', on, { ...assessment(childId), authorisedByUserId: as, authorisedByWorkerId: as });
  const giveBack = (as: string, childId: string, on: string, comments: string) =>
    post(as, childId, 'approval.returned', on, { ...assessment(childId), returnedByUserId: as, comments });
  const itemOf = async (childId: string, as = 'W-SW1') => {
    const response = await app.inject({ method: 'GET', url: `/api/v1/children/${childId}`, headers: { cookie: cookies.get(as)! } });
    expect(response.statusCode, response.body).toBe(200);
    const summary = ManagementOversightSummary.parse(response.json().managementOversight);
    return summary.items.find((item) => item.subjectId === assessments.get(childId))!;
  };
  const worktrayOf = async (as: string) => {
    const response = await app.inject({ method: 'GET', url: '/api/v1/worktray', headers: { cookie: cookies.get(as)! } });
    return { status: response.statusCode, body: response.json() };
  };

  it('shows a completed assessment as not yet submitted, and lets the worker submit it', async () => {
    expect(await itemOf('MO1')).toMatchObject({ status: 'not-submitted', submittable: true, readyOn: '2024-02-01', steps: [] });
    const submitted = await submit('W-SW1', 'MO1', '2024-02-02', 'Ready for sign-off');
    expect(submitted.statusCode, submitted.body).toBe(201);
    expect(await itemOf('MO1')).toMatchObject({
      status: 'awaiting-authorisation', submittable: false, submittedOn: '2024-02-02', submittedByUserId: 'W-SW1',
      steps: [{ step: 'submitted', on: '2024-02-02', byUserId: 'W-SW1', comments: 'Ready for sign-off' }],
    });
  });

  it('refuses a second submission while one awaits a manager, and a submission before the assessment was completed', async () => {
    // Its only assessment awaits a manager: the record offers the manager's decision, not another submission.
    const again = await submit('W-SW1', 'MO1', '2024-02-03');
    expect(again.statusCode).toBe(409);
    expect(again.json().error.allowedActions).toEqual(expect.arrayContaining(['approval.authorised', 'approval.returned']));
    expect(again.json().error.allowedActions).not.toContain('approval.submitted');
    // On 20 January the assessment was not completed: the date is what is wrong.
    const early = await submit('W-SW1', 'MO2', '2024-01-20');
    expect(early.statusCode).toBe(400);
    expect(early.json().error.problems.map((problem: { field: string }) => problem.field)).toEqual(['occurredAt']);
  });

  it('refuses a step recorded in someone else\'s name', async () => {
    const response = await post('W-SW1', 'MO2', 'approval.submitted', '2024-02-02', { ...assessment('MO2'), submittedByUserId: 'W-TM1' });
    expect(response.statusCode).toBe(403);
    expect(response.json().error.message).toBe('You can only record this in your own name');
  });

  it('refuses authorisation and return by anyone who does not manage', async () => {
    for (const as of ['W-SW1', 'W-SP1']) {
      const authorised = await authorise(as, 'MO1', '2024-02-05');
      expect(authorised.statusCode, authorised.body).toBe(403);
      expect(authorised.json().error.message).toBe('Only a team manager or service manager can authorise an assessment, plan or closure');
      const returned = await giveBack(as, 'MO1', '2024-02-05', 'Add more');
      expect(returned.statusCode).toBe(403);
    }
    expect((await worktrayOf('W-SW1')).status).toBe(403);
    expect((await itemOf('MO1')).status).toBe('awaiting-authorisation');
  });

  it('routes what is submitted to the managers of the allocated worker\'s team, and audits the worktray as a list', async () => {
    expect((await submit('W-TM2', 'MO3', '2024-02-06')).statusCode).toBe(201);
    const mine = await worktrayOf('W-TM1');
    expect(mine.status, JSON.stringify(mine.body)).toBe(200);
    const tray = Worktray.parse(mine.body);
    expect(tray.items.map((item) => item.childId)).toEqual(['MO1']);
    expect(tray.items[0]).toMatchObject({
      subject: 'assessment', subjectId: assessments.get('MO1'), submittedOn: '2024-02-02', submittedByUserId: 'W-SW1', teamId: 't-a',
      allocatedWorkerId: 'W-SW1', managerWorkerIds: ['W-TM1', 'W-TM3'], forename: 'Child', surname: 'MO1',
    });
    expect(tray.items[0]!.daysWaiting).toBeGreaterThan(300);
    // Team B's manager submitted MO3 themselves: it is not theirs to authorise, so not in their worktray.
    expect(Worktray.parse((await worktrayOf('W-TM2')).body).items).toEqual([]);
    // The service manager sees the whole service's, but not their own.
    expect(Worktray.parse((await worktrayOf('W-SM1')).body).items.map((item) => item.childId)).toEqual(['MO1', 'MO3']);
    await chainAwaitingAudit(db.pool);
    const audited = await db.pool.query(`SELECT child_id FROM audit_event WHERE resource = 'worktray' AND user_id = 'W-TM1' AND action = 'read'`);
    expect(audited.rows.map((row) => row.child_id)).toContain('MO1');
  });

  it('refuses a manager authorising their own submission', async () => {
    const response = await authorise('W-TM2', 'MO3', '2024-02-07');
    expect(response.statusCode).toBe(403);
    expect(response.json().error.message).toBe('You cannot authorise an assessment you submitted yourself: another manager must decide on it');
    // Another manager may.
    expect((await authorise('W-SM1', 'MO3', '2024-02-07')).statusCode).toBe(201);
  });

  it('returns an assessment with comments, which the worker corrects and submits again', async () => {
    const noComments = await giveBack('W-TM1', 'MO1', '2024-02-05', '  ');
    expect(noComments.statusCode).toBe(400);
    expect(noComments.json().error.problems).toEqual([{ field: 'data.comments', message: 'Enter what needs to change before it can be authorised' }]);
    expect((await giveBack('W-TM1', 'MO1', '2024-02-05', 'Add the child\'s views to the analysis')).statusCode).toBe(201);
    expect(await itemOf('MO1')).toMatchObject({ status: 'returned', submittable: true, returnedOn: '2024-02-05', returnComments: 'Add the child\'s views to the analysis' });
    expect(Worktray.parse((await worktrayOf('W-TM1')).body).items).toEqual([]);
    // Nothing on the record awaits authorisation now: the record offers submitting it again instead.
    const whileReturned = await authorise('W-TM1', 'MO1', '2024-02-06');
    expect(whileReturned.statusCode).toBe(409);
    expect(whileReturned.json().error.allowedActions).toContain('approval.submitted');
    expect(whileReturned.json().error.allowedActions).not.toContain('approval.authorised');

    // The worker corrects the assessment's completion (a new version of its event) and submits it again.
    const chronology = (await app.inject({ method: 'GET', url: '/api/v1/children/MO1/chronology' })).json().entries as { eventId: string; type: string }[];
    const completion = chronology.find((entry) => entry.type === 'assessment.completed')!;
    const corrected = await post('W-SW1', 'MO1', 'assessment.completed', '2024-02-01', {
      assessmentId: assessments.get('MO1'), outcome: 'child-in-need-plan', factors: ['3B', '2A'], authorisedByWorkerId: 'W-TM1', primaryNeed: 'N1',
    }, { supersedes: completion.eventId, correctionReason: 'Added the child\'s views, as the manager asked' });
    expect(corrected.statusCode, corrected.body).toBe(201);
    expect((await submit('W-SW1', 'MO1', '2024-02-08', 'Child\'s views added')).statusCode).toBe(201);
    expect(await itemOf('MO1')).toMatchObject({ status: 'awaiting-authorisation', submittedOn: '2024-02-08' });
    expect(Worktray.parse((await worktrayOf('W-TM1')).body).items.map((item) => item.submittedOn)).toEqual(['2024-02-08']);
  });

  it('authorises it: the authorisation date is on the record and in the projection, and the chronology shows each step', async () => {
    // On 7 February it had been returned, and was not yet submitted again: the date is what is wrong.
    const early = await authorise('W-TM1', 'MO1', '2024-02-07');
    expect(early.statusCode).toBe(400);
    expect(early.json().error.problems.map((problem: { field: string }) => problem.field)).toEqual(['occurredAt']);
    expect((await authorise('W-TM1', 'MO1', '2024-02-09')).statusCode).toBe(201);
    const item = await itemOf('MO1');
    expect(item).toMatchObject({ status: 'authorised', submittable: false, authorisedOn: '2024-02-09', authorisedByUserId: 'W-TM1', authorisedByWorkerId: 'W-TM1' });
    expect(item.steps.map((step) => `${step.step} ${step.on}`)).toEqual(['submitted 2024-02-02', 'returned 2024-02-05', 'submitted 2024-02-08', 'authorised 2024-02-09']);
    const row = await db.pool.query(`SELECT status, authorised_on::text, team_id FROM authorisation WHERE la_code = '206' AND child_id = 'MO1'`);
    expect(row.rows).toEqual([{ status: 'authorised', authorised_on: '2024-02-09', team_id: 't-a' }]);
    const again = await authorise('W-TM3', 'MO1', '2024-02-10');
    expect(again.statusCode).toBe(409);
    expect(again.json().error.allowedActions).not.toContain('approval.authorised');
    expect(Worktray.parse((await worktrayOf('W-TM1')).body).items).toEqual([]);
    const chronology = (await app.inject({ method: 'GET', url: '/api/v1/children/MO1/chronology' })).json().entries as { type: string; recordedBy: { userId: string } }[];
    expect(chronology.filter((entry) => entry.type.startsWith('approval.')).map((entry) => `${entry.type} ${entry.recordedBy.userId}`)).toEqual([
      'approval.submitted W-SW1', 'approval.returned W-TM1', 'approval.submitted W-SW1', 'approval.authorised W-TM1',
    ]);
  });

  it('refuses a decision on what was never submitted, and records a manager\'s oversight at a decision point', async () => {
    const response = await authorise('W-TM1', 'MO4', '2024-02-09');
    expect(response.statusCode).toBe(409);
    expect(response.json().error.allowedActions).toContain('approval.submitted');
    expect(response.json().error.allowedActions).not.toContain('approval.authorised');
    const oversight = { decisionPoint: 'assessment-outcome', rationale: 'Needs are met by a child in need plan', direction: 'Hold the first plan meeting within 10 working days' };
    const byWorker = await post('W-SW1', 'MO4', 'management-oversight.recorded', '2024-02-09', { ...oversight, recordedByUserId: 'W-SW1' });
    expect(byWorker.statusCode).toBe(403);
    expect(byWorker.json().error.message).toBe('Only a team manager or service manager can record management oversight');
    const byManager = await post('W-TM1', 'MO4', 'management-oversight.recorded', '2024-02-09', { ...oversight, recordedByUserId: 'W-TM1', managerWorkerId: 'W-TM1' });
    expect(byManager.statusCode, byManager.body).toBe(201);
    const record = (await app.inject({ method: 'GET', url: '/api/v1/children/MO4', headers: { cookie: cookies.get('W-TM1')! } })).json();
    expect(ManagementOversightSummary.parse(record.managementOversight).oversight).toMatchObject([{ recordedOn: '2024-02-09', ...oversight, managerWorkerId: 'W-TM1' }]);
  });
});
