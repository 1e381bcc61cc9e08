import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appOn, recorderFor, type Recorder } from '../../analytics/test-support.ts';
import { hashPassword } from '../../access/passwords.ts';
import { AccountRepository } from '../../access/repo.ts';
import { loadConfig } from '../../app/config.ts';
import { chainAwaitingAudit } from '../../platform/audit/audit.ts';
import { createApp } from '../../app/server.ts';
import { createServices } from '../../app/services.ts';
import type { Database } from '../../platform/database/database.ts';
import { testDatabaseTargets } from '../../../test/support/test-database.ts';
import { ChildReturnIssuesOut, ReturnIssuesWorklist, ReturnJobOut, ValidationOut } from './read-model.ts';
import { foldChildrenUpTo } from './service.ts';
import type { ReturnsChildState } from './child-state.ts';

const samples = path.resolve(import.meta.dirname, '../../../test/statutory-data/samples');

/** A multipart/form-data body of files and fields, as a browser sends the upload form. */
function multipart(files: { name: string; contents: string; type?: string }[], fields: Record<string, string> = {}) {
  const boundary = '----safeguard-returns-test';
  const parts = [
    ...Object.entries(fields).map(([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`),
    ...files.map((file) => `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="${file.name}"\r\nContent-Type: ${file.type ?? 'application/octet-stream'}\r\n\r\n${file.contents}\r\n`),
  ];
  return { payload: `${parts.join('')}--${boundary}--\r\n`, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/**
 * The returns' engine and API on a real database: producing a return from children's records as
 * they stood at the year's end, downloading it (audited as reading every child in it), validating
 * an upload, a child's live issues and the worklist of every open issue.
 */
describe.each(testDatabaseTargets)('the statutory returns through the API on $name', (target) => {
  let db: Database;
  let app: FastifyInstance;
  let r: Recorder;

  beforeAll(async () => {
    db = await target.open();
    app = appOn(db);
    r = recorderFor(app, 'ret');
    // A child in need through 2024-25: referred, allocated, assessed, on a plan.
    await r.register('RET1', { dateOfBirth: '2014-05-04' }, '2024-04-02');
    await r.referral('RET1', '2024-04-03');
    await r.allocate('RET1', '2024-04-03T12:00:00Z', 'w-ret', 't-ret');
    await r.startAssessment('RET1', '2024-04-04');
    await r.completeAssessment('RET1', '2024-05-10');
    // Referred in the next year only: not in the 2024-25 census.
    await r.register('RET2', { dateOfBirth: '2016-01-04' }, '2025-05-01');
    await r.referral('RET2', '2025-05-02');
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  const produce = async (body: Record<string, unknown>) => {
    const started = await app.inject({ method: 'POST', url: '/api/v1/returns/jobs', payload: body });
    expect(started.statusCode, started.body).toBe(202);
    const { jobId } = ReturnJobOut.parse(started.json());
    for (let polls = 0; polls < 600; polls += 1) {
      const polled = await app.inject({ method: 'GET', url: `/api/v1/returns/jobs/${jobId}` });
      expect(polled.statusCode, polled.body).toBe(200);
      const job = ReturnJobOut.parse(polled.json());
      if (job.state !== 'running') return job;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error('The job did not finish');
  };

  it('folds each child\'s record as it stood on a date: later events left out, a void of an earlier one kept', async () => {
    await r.register('RETF', { dateOfBirth: '2013-02-02' }, '2024-06-01');
    const referral = await r.referral('RETF', '2024-06-02');
    await r.voidEvent('RETF', '2024-06-03', referral.eventId);
    await r.referral('RETF', '2025-06-02');
    const states: ReturnsChildState[] = [];
    const progress: [number, number][] = [];
    await foldChildrenUpTo({ pool: db.pool, laCode: '206' }, '2025-03-31', (state) => states.push(state), { childIds: ['RETF'], onProgress: (done, total) => progress.push([done, total]) });
    expect(states.map((state) => state.childId)).toEqual(['RETF']);
    // The referral of 2024 was voided and the one of 2025 is after the cut-off: no episode by then.
    expect(states[0]!.episodes).toEqual([]);
    expect(progress.at(-1)).toEqual([1, 1]);
    const later: ReturnsChildState[] = [];
    await foldChildrenUpTo({ pool: db.pool, laCode: '206' }, '2025-12-31', (state) => later.push(state), { childIds: ['RETF'] });
    expect(later[0]!.episodes).toHaveLength(1);
    // Read through a cursor in one snapshot, as on a database server, the same.
    const throughCursor: ReturnsChildState[] = [];
    const serverLike = { connect: () => db.pool.connect(), query: db.pool.query.bind(db.pool), options: { max: 10 } } as unknown as pg.Pool;
    await foldChildrenUpTo({ pool: serverLike, laCode: '206' }, '2025-12-31', (state) => throughCursor.push(state), { childIds: ['RETF'] });
    expect(throughCursor).toEqual(later);
    // Before the child was registered, there is no record to fold.
    const none: ReturnsChildState[] = [];
    await foldChildrenUpTo({ pool: db.pool, laCode: '206' }, '2024-05-31', (state) => none.push(state), { childIds: ['RETF'] });
    expect(none).toEqual([]);
  });

  it('refuses what to produce naming every bad field, before starting anything', async () => {
    const noYear = await app.inject({ method: 'POST', url: '/api/v1/returns/jobs', payload: { kind: 'cin' } });
    expect(noYear.statusCode).toBe(400);
    expect(noYear.json().error.problems.map((p: { field: string }) => p.field)).toEqual(['year']);
    const both = await app.inject({ method: 'POST', url: '/api/v1/returns/jobs', payload: { kind: 'annex-a', year: '2024-25', asAt: '2026-02-30' } });
    expect(both.statusCode).toBe(400);
    expect(both.json().error.problems.map((p: { field: string }) => p.field).sort()).toEqual(['asAt', 'year']);
    const unknownYear = await app.inject({ method: 'POST', url: '/api/v1/returns/jobs', payload: { kind: 'ssda903', year: '1999-00' } });
    expect(unknownYear.statusCode).toBe(400);
    expect(unknownYear.json().error.problems[0]).toMatchObject({ field: 'year', message: expect.stringMatching(/not for 1999-00/) });
    const badKind = await app.inject({ method: 'POST', url: '/api/v1/returns/jobs', payload: { kind: 'ofsted' } });
    expect(badKind.statusCode).toBe(400);
    expect(badKind.json().error.problems[0].field).toBe('kind');
  });

  it('answers 404 for a job that is not there', async () => {
    const missing = await app.inject({ method: 'GET', url: '/api/v1/returns/jobs/00000000-0000-4000-8000-000000000000' });
    expect(missing.statusCode).toBe(404);
    expect((await app.inject({ method: 'GET', url: '/api/v1/returns/jobs/not-a-job' })).statusCode).toBe(400);
  });

  it('produces the 2024-25 CIN census with progress, names its children, and audits each as read when it is downloaded', async () => {
    const job = await produce({ kind: 'cin', year: '2024-25' });
    expect(job).toMatchObject({ state: 'done', kind: 'cin', period: '2024-25', failure: null });
    expect(job.progress.total).toBeGreaterThanOrEqual(1);
    expect(job.children).toBe(1);
    expect(job.files).toHaveLength(1);
    const file = job.files[0]!;
    expect(file.name).toMatch(/\.xml$/);
    const download = await app.inject({ method: 'GET', url: `/api/v1/returns/jobs/${job.jobId}/files/${encodeURIComponent(file.name)}` });
    expect(download.statusCode, download.body).toBe(200);
    expect(download.headers['content-disposition']).toContain(`filename="${file.name}"`);
    expect(download.body).toContain('<Message');
    expect(download.body).toContain('RET1');
    expect(download.body).not.toContain('RET2');
    await chainAwaitingAudit(db.pool);
    const audited = await db.pool.query(`SELECT DISTINCT child_id FROM audit_event WHERE resource = 'statutory-return'`);
    expect(audited.rows.map((row) => row.child_id)).toEqual(['RET1']);
    const wrongName = await app.inject({ method: 'GET', url: `/api/v1/returns/jobs/${job.jobId}/files/nothing.csv` });
    expect(wrongName.statusCode).toBe(404);
  }, 120_000);

  it('produces SSDA903 as a CSV file a table, each downloadable', async () => {
    const job = await produce({ kind: 'ssda903', year: '2024-25' });
    expect(job.state).toBe('done');
    expect(job.files.length).toBeGreaterThan(1);
    for (const file of job.files) {
      expect(file.name).toMatch(/\.csv$/);
      const download = await app.inject({ method: 'GET', url: `/api/v1/returns/jobs/${job.jobId}/files/${encodeURIComponent(file.name)}` });
      expect(download.statusCode).toBe(200);
    }
  }, 120_000);

  it('produces Annex A as a workbook for the 12 months to a date', async () => {
    const job = await produce({ kind: 'annex-a', asAt: '2025-03-31' });
    expect(job.state).toBe('done');
    expect(job.files).toEqual([expect.objectContaining({ name: 'annex-a-2025-03-31.xlsx' })]);
    const download = await app.inject({ method: 'GET', url: `/api/v1/returns/jobs/${job.jobId}/files/annex-a-2025-03-31.xlsx` });
    expect(download.rawPayload.subarray(0, 2).toString('latin1')).toBe('PK');
  }, 120_000);

  it('validates an uploaded CIN census, finding its year in the file', async () => {
    const xml = readFileSync(path.join(samples, 'own/cin/cin_2025_tiny.xml'), 'utf8');
    const response = await app.inject({ method: 'POST', url: '/api/v1/returns/validations', ...multipart([{ name: 'cin.xml', contents: xml, type: 'text/xml' }]) });
    expect(response.statusCode, response.body).toBe(200);
    const result = ValidationOut.parse(response.json());
    expect(result).toMatchObject({ kind: 'cin', year: '2024-25' });
    // DfE's tool finds 8565 (activity after the case was closed) on B0002.
    expect(result.issues).toContainEqual(expect.objectContaining({ code: '8565', child: 'B0002', table: 'CINdetails' }));
  });

  it('refuses SSDA903 CSV files without a year, naming the field, and takes them with one', async () => {
    const dir = path.join(samples, 'own/ssda903');
    const files = ['header.csv', 'episodes.csv', 'reviews.csv', 'missing.csv', 'sw_episodes.csv'].map((name) => ({ name, contents: readFileSync(path.join(dir, name), 'utf8'), type: 'text/csv' }));
    const noYear = await app.inject({ method: 'POST', url: '/api/v1/returns/validations', ...multipart(files) });
    expect(noYear.statusCode).toBe(400);
    expect(noYear.json().error.problems).toEqual([expect.objectContaining({ field: 'year', message: expect.stringMatching(/SSDA903 CSV files do not say it/) })]);
    const withYear = await app.inject({ method: 'POST', url: '/api/v1/returns/validations', ...multipart(files, { year: '2024-25' }) });
    expect(withYear.statusCode, withYear.body).toBe(200);
    const result = ValidationOut.parse(withYear.json());
    expect(result).toMatchObject({ kind: 'ssda903', year: '2024-25' });
    expect(result.issues).toContainEqual(expect.objectContaining({ code: '355', table: 'Episodes', child: 'C1002' }));
  });

  it('refuses an upload that is not multipart, or holds no file, naming the field', async () => {
    const notMultipart = await app.inject({ method: 'POST', url: '/api/v1/returns/validations', payload: { files: [] } });
    expect(notMultipart.statusCode).toBe(400);
    expect(notMultipart.json().error.problems[0].field).toBe('files');
    const empty = await app.inject({ method: 'POST', url: '/api/v1/returns/validations', ...multipart([], { year: 'last year' }) });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.problems.map((p: { field: string }) => p.field).sort()).toEqual(['files', 'year']);
  });

  it('gives a child\'s live issues in the current year\'s returns, and 404 for a child who is not there', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/v1/returns/children/RET1/issues' });
    expect(response.statusCode, response.body).toBe(200);
    const answer = ChildReturnIssuesOut.parse(response.json());
    expect(answer.returns.map((entry) => entry.kind).sort()).toEqual(['cin', 'ssda903']);
    for (const entry of answer.returns) for (const issue of entry.issues) expect(issue.row).not.toBeNull();
    expect((await app.inject({ method: 'GET', url: '/api/v1/returns/children/NOBODY/issues' })).statusCode).toBe(404);
  });

  it('lists the open issues by rule and by team, the same on a second call, and audits the children listed', async () => {
    const first = await app.inject({ method: 'GET', url: '/api/v1/returns/issues' });
    expect(first.statusCode, first.body).toBe(200);
    const worklist = ReturnIssuesWorklist.parse(first.json());
    const second = await app.inject({ method: 'GET', url: '/api/v1/returns/issues' });
    expect(second.json()).toEqual(first.json());
    const listed = new Set(worklist.byTeam.flatMap((team) => team.children.map((child) => child.childId)));
    expect(new Set(worklist.byRule.flatMap((rule) => rule.children.map((child) => child.childId)))).toEqual(listed);
    await chainAwaitingAudit(db.pool);
    const audited = await db.pool.query(`SELECT DISTINCT child_id FROM audit_event WHERE resource = 'return-issues' AND child_id IS NOT NULL`);
    expect(new Set(audited.rows.map((row) => row.child_id as string))).toEqual(listed);
  }, 120_000);
});

describe.each(testDatabaseTargets)('who may make the statutory returns, on $name', (target) => {
  let db: Database;
  let app: FastifyInstance;
  let cookie: string;

  beforeAll(async () => {
    db = await target.open();
    await new AccountRepository(db, '206').createAccount({
      userId: 'sw-ret', username: 'sam.returns', displayName: 'Sam Returns', role: 'social-worker', agency: 'childrens-social-care', teamId: null,
      workerId: null, passwordHash: await hashPassword('correct horse battery staple'), oidcSubject: null,
    });
    app = createApp(createServices(loadConfig({ SAFEGUARD_DEV_SIGN_IN: 'off' }), db));
    const signedIn = await app.inject({ method: 'POST', url: '/api/v1/sign-in', payload: { username: 'sam.returns', password: 'correct horse battery staple' } });
    expect(signedIn.statusCode, signedIn.body).toBe(200);
    cookie = String(signedIn.headers['set-cookie']).split(';')[0]!;
    const csrf = signedIn.json().csrfToken as string;
    cookie = `${cookie}|${csrf}`;
  }, 60_000);
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  it('refuses a social worker producing or validating a return, in plain English', async () => {
    const [session, csrf] = cookie.split('|') as [string, string];
    const produce = await app.inject({ method: 'POST', url: '/api/v1/returns/jobs', headers: { cookie: session, 'x-csrf-token': csrf }, payload: { kind: 'cin', year: '2024-25' } });
    expect(produce.statusCode).toBe(403);
    expect(produce.json().error.message).toBe('Only a performance analyst, a service manager or an administrator can produce a statutory return: as a social worker, you cannot');
    const upload = multipart([{ name: 'a.xml', contents: '<Message/>' }]);
    const validate = await app.inject({ method: 'POST', url: '/api/v1/returns/validations', ...upload, headers: { ...upload.headers, cookie: session, 'x-csrf-token': csrf } });
    expect(validate.statusCode).toBe(403);
    const kinds = await app.inject({ method: 'GET', url: '/api/v1/returns', headers: { cookie: session } });
    expect(kinds.statusCode).toBe(403);
  });
});
