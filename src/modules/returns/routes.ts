/**
 * The statutory returns over HTTP: producing one (a job the page polls), downloading its files,
 * validating a return made by any system, a child's live issues, and the performance worklist of
 * every open issue in the current year's returns.
 *
 * Producing, downloading and validating need the make-returns capability. A produced return names
 * every child in it, so downloading a file of it is audited as reading each of them; the worklist
 * lists only children the reader may see, and is audited the same way.
 */
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { roleDefinitionOf } from '../../access/roles.ts';
import { hasCapability, isPartnerAgency, seesChildren, visibleChildCondition } from '../../access/policy.ts';
import { writeListAudit } from '../../platform/audit/audit.ts';
import type { Calendar } from '../../platform/calendar/calendar.ts';
import { todayInLondon } from '../../platform/clock.ts';
import type { Database } from '../../platform/database/database.ts';
import { DomainError, type FieldProblem } from '../../platform/errors.ts';
import { defineRoute } from '../../platform/http/route.ts';
import type { AccessGrant, RequestContext } from '../../platform/request-context.ts';
import { IsoDate, LaChildId } from '../../platform/schema-helpers.ts';
import { collectionYear, collectionYearContaining } from './collection-year.ts';
import { bytesOf, filesOfResult, ReturnJobs, type ReturnJob } from './jobs.ts';
import {
  ChildReturnIssuesOut, ReturnIssuesWorklist, ReturnKindsOut, ReturnJobOut, StartReturnJob, ValidationOut, type ProducibleKind,
} from './read-model.ts';
import { statutoryReturns } from './returns.ts';
import {
  issueCountsByRule, liveIssuesOfChild, openIssuesOfYear, produceAnnexA, produceReturn, statutoryReturnOf, validateUpload,
  type OpenIssue, type ReturnsEngine,
} from './service.ts';
import type { ReturnFile } from './statutory-return.ts';
import type { ReturnKind } from './validation-rule.ts';

export interface ReturnsRouteServices {
  db: Database;
  timescales: { calendar: Calendar };
}

/** The largest file of a return taken for validation: a large council's SSDA903 episodes run to a few megabytes. */
export const MOST_UPLOAD_MEGABYTES = 50;
const MOST_UPLOAD_FILES = 20;

function assertMakesReturns(grant: AccessGrant | undefined, what: string): void {
  if (!hasCapability(grant, 'make-returns')) {
    throw new DomainError('forbidden', `Only a performance analyst, a service manager or an administrator can ${what}: as a ${(roleDefinitionOf(grant!.role)?.title ?? grant!.role).toLowerCase()}, you cannot`);
  }
}

function assertSeesCouncilsChildren(grant: AccessGrant | undefined, what: string): void {
  if (isPartnerAgency(grant)) throw new DomainError('forbidden', `A partner agency does not see ${what}: they are the council's own`);
  if (!seesChildren(grant)) throw new DomainError('forbidden', `A ${grant!.role} sees figures only, so cannot see ${what}`);
}

/** Content-Disposition for a download (RFC 6266): the name as sent, and a plain ASCII one for older clients. */
function attachment(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7E]/g, '_').replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/** What a job's poll answers: where it has got to and, when done, its files and issues by rule. */
export function jobAnswer(job: ReturnJob): ReturnJobOut {
  const issues = job.result?.issues ?? [];
  return {
    jobId: job.jobId, kind: job.kind, period: job.period, state: job.state, progress: job.progress, startedAt: job.startedAt, finishedAt: job.finishedAt,
    failure: job.failure, files: (job.result?.files ?? []).map((file) => ({ name: file.name, mediaType: file.mediaType, bytes: bytesOf(file.contents) })),
    children: job.result?.childIds.length ?? 0, issueCounts: issueCountsByRule(issues),
    errors: issues.filter((issue) => issue.severity === 'error').length, queries: issues.filter((issue) => issue.severity === 'query').length,
    schemaErrors: [...(job.result?.schemaErrors ?? [])], problems: [...(job.result?.problems ?? [])],
  };
}

/** Checks what to produce, naming every field that is wrong, before a job is started. */
function checkedProduce(body: z.output<typeof StartReturnJob>): { kind: ProducibleKind; period: string } {
  const problems: FieldProblem[] = [];
  if (body.kind === 'annex-a') {
    if (body.asAt === undefined || !IsoDate.safeParse(body.asAt).success) {
      problems.push({ field: 'asAt', message: 'Enter the date Annex A\'s lists are as at, like 2026-11-30' });
    }
    if (body.year !== undefined) problems.push({ field: 'year', message: 'Annex A is for the 12 months to a date: give asAt, not a collection year' });
    if (problems.length > 0) throw DomainError.invalid(problems);
    return { kind: body.kind, period: body.asAt! };
  }
  const statutoryReturn = statutoryReturnOf(body.kind);
  if (body.asAt !== undefined) problems.push({ field: 'asAt', message: `The ${statutoryReturn.title} is for a collection year: give year, not asAt` });
  if (body.year === undefined) {
    problems.push({ field: 'year', message: `Enter the collection year, like ${statutoryReturn.years.at(-1) ?? '2024-25'}` });
  } else {
    try {
      const year = collectionYear(body.year, 'year');
      if (!statutoryReturn.years.includes(year.label)) {
        problems.push({ field: 'year', message: `The ${statutoryReturn.title} can be produced for ${statutoryReturn.years.join(', ')}: not for ${year.label}` });
      }
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      problems.push(...error.problems);
    }
  }
  if (problems.length > 0) throw DomainError.invalid(problems);
  return { kind: body.kind, period: body.year! };
}

/** The return's files and the kind and year given beside them, read from a multipart upload. */
async function readReturnUpload(request: FastifyRequest): Promise<{ files: ReturnFile[]; kind?: ReturnKind; year?: string }> {
  if (!request.isMultipart()) {
    throw DomainError.invalidField('files', 'Send the return as multipart/form-data: its file or files in the field "files", and optionally "kind" and "year"');
  }
  const files: ReturnFile[] = [];
  const fields: Record<string, string> = {};
  const tooLarge: string[] = [];
  try {
    const options = { limits: { fileSize: MOST_UPLOAD_MEGABYTES * 1024 * 1024, files: MOST_UPLOAD_FILES, fields: 5, fieldSize: 100, parts: MOST_UPLOAD_FILES + 5 }, throwFileSizeLimit: false };
    for await (const part of request.parts(options as Parameters<FastifyRequest['parts']>[0])) {
      if (part.type === 'file') {
        const bytes = await part.toBuffer();
        if (part.file.truncated) tooLarge.push(part.filename);
        else if (bytes.length > 0) files.push({ name: part.filename || 'upload', mediaType: part.mimetype, contents: bytes.toString('utf8').replace(/^\uFEFF/, '') });
      } else if (part.fieldname === 'kind' || part.fieldname === 'year') {
        fields[part.fieldname] = String(part.value);
      }
    }
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'FST_FILES_LIMIT') throw DomainError.invalidField('files', `Select at most ${MOST_UPLOAD_FILES} files`);
    if (code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT') throw DomainError.invalidField('files', 'The upload has more fields than the form');
    throw error;
  }
  const problems: FieldProblem[] = tooLarge.map((name) => ({ field: 'files', message: `${name} is larger than ${MOST_UPLOAD_MEGABYTES} MB` }));
  if (files.length === 0 && tooLarge.length === 0) problems.push({ field: 'files', message: 'Select the return\'s file: one XML file, or the SSDA903 CSV files' });
  const kind = fields.kind === undefined || fields.kind === '' ? undefined : fields.kind;
  if (kind !== undefined && !(kind in statutoryReturns)) problems.push({ field: 'kind', message: `Choose cin or ssda903, not ${JSON.stringify(kind)}` });
  if (fields.year !== undefined && fields.year !== '') {
    try {
      collectionYear(fields.year, 'year');
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      problems.push(...error.problems);
    }
  }
  if (problems.length > 0) throw DomainError.invalid(problems);
  return { files, ...(kind ? { kind: kind as ReturnKind } : {}), ...(fields.year ? { year: fields.year } : {}) };
}

/**
 * The open issues of the current year's returns, computed once for each state of the log: the
 * log's high-water mark (the last value of its sequence, which every event recorded, corrected or
 * voided advances) says whether anything was recorded since, so a second call before then costs
 * one small query. A child removed from the record since (merged, or erased when their retention
 * ended) is no longer in the child table the answer is joined to, so is not listed either.
 */
class OpenIssuesCache {
  private cached: { key: string; value: Promise<{ issues: OpenIssue[]; notes: string[] }> } | null = null;
  async of(engine: ReturnsEngine, year: string): Promise<{ issues: OpenIssue[]; notes: string[] }> {
    const mark = (await engine.pool.query(
      `SELECT coalesce(pg_sequence_last_value(pg_get_serial_sequence('child_event', 'sequence')::regclass), 0)::text AS last`,
    )).rows[0] as { last: string };
    const key = `${engine.laCode}|${year}|${mark.last}`;
    if (this.cached?.key !== key) {
      const value = openIssuesOfYear(engine, collectionYear(year));
      this.cached = { key, value };
      value.catch(() => { if (this.cached?.value === value) this.cached = null; });
    }
    return this.cached.value;
  }
}

export function returnsRoutes(services: ReturnsRouteServices, jobs = new ReturnJobs()) {
  const engineFor = (context: RequestContext): ReturnsEngine => ({ pool: services.db.pool, laCode: context.laCode, calendar: services.timescales.calendar });
  const openIssues = new OpenIssuesCache();
  const JobParams = z.object({ jobId: z.uuid({ error: 'The job\'s id must be the id the service gave when it was started' }) });

  return [
    defineRoute({
      method: 'GET',
      url: '/api/v1/returns',
      summary: 'The returns Safeguard produces, each with the collection years it can produce (Annex A is as at any date)',
      tags: ['returns'],
      response: ReturnKindsOut,
      handler: async ({ context }) => {
        assertMakesReturns(context.access, 'produce a statutory return');
        return {
          currentYear: collectionYearContaining(todayInLondon()).label,
          returns: [
            ...Object.values(statutoryReturns).map((statutoryReturn) => ({ kind: statutoryReturn.kind, title: statutoryReturn.title, years: [...statutoryReturn.years] })),
            { kind: 'annex-a' as const, title: 'Ofsted Annex A (ILACS)', years: [] },
          ],
        };
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/api/v1/returns/jobs',
      summary: 'Start producing a statutory return from the record: the CIN census or SSDA903 for a collection year, or Ofsted\'s Annex A as at a date. Answers with the job to poll (make-returns)',
      tags: ['returns'],
      body: StartReturnJob,
      status: 202,
      response: ReturnJobOut,
      handler: async ({ body, context }) => {
        assertMakesReturns(context.access, 'produce a statutory return');
        const { kind, period } = checkedProduce(body);
        const engine = engineFor(context);
        const job = jobs.start(context.actor.userId, kind, period, async (onProgress) => {
          if (kind === 'annex-a') {
            const produced = await produceAnnexA(engine, period, onProgress);
            return { files: [produced.file], issues: [], schemaErrors: [], childIds: produced.childIds, problems: produced.problems };
          }
          const produced = await produceReturn(engine, kind, period, onProgress);
          return { files: filesOfResult(produced.files), issues: produced.issues, schemaErrors: produced.schemaErrors, childIds: produced.childIds, problems: produced.problems };
        });
        return jobAnswer(job);
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/returns/jobs/{jobId}',
      summary: 'A return being produced (yours only): where it has got to and, when done, its files and issues by rule',
      tags: ['returns'],
      params: JobParams,
      response: ReturnJobOut,
      handler: async ({ params, context }) => {
        assertMakesReturns(context.access, 'produce a statutory return');
        return jobAnswer(jobs.jobOf(context.actor.userId, params.jobId));
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/returns/jobs/{jobId}/files/{name}',
      summary: 'A file of a produced return, as an attachment (audited as reading every child in the return)',
      tags: ['returns'],
      params: JobParams.extend({ name: z.string().min(1).max(200) }),
      response: z.instanceof(Buffer).describe('The file'),
      contentType: 'application/octet-stream',
      handler: async ({ params, context }) => {
        assertMakesReturns(context.access, 'download a statutory return');
        const job = jobs.jobOf(context.actor.userId, params.jobId);
        if (job.state !== 'done') throw new DomainError('conflict', job.state === 'running' ? 'The return is still being produced: download it when it is done' : 'The return was not produced, so it has no files');
        const file = job.result!.files.find((candidate) => candidate.name === params.name);
        if (!file) throw DomainError.notFound(`The return has no file ${params.name}: its files are ${job.result!.files.map((f) => f.name).join(', ')}`, 'name');
        await writeListAudit(services.db.pool, {
          laCode: context.laCode, actor: context.actor, correlationId: context.correlationId, resource: 'statutory-return',
          detail: { kind: job.kind, period: job.period, file: file.name, children: job.result!.childIds.length },
        }, job.result!.childIds);
        return {
          status: 200, body: typeof file.contents === 'string' ? Buffer.from(file.contents, 'utf8') : Buffer.from(file.contents), contentType: file.mediaType,
          headers: { 'content-disposition': attachment(file.name), 'x-content-type-options': 'nosniff' },
        };
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/api/v1/returns/validations',
      summary: 'Validate a return made by any system: multipart/form-data with the CIN census XML, or the SSDA903 CSV files (or XML), in "files"; optionally "kind" (cin, ssda903) and "year" (2024-25: needed for SSDA903 CSV files, which do not say theirs). Answers with DfE\'s rules\' issues, the schema\'s errors and what could not be read (make-returns)',
      tags: ['returns'],
      bodyLimit: MOST_UPLOAD_FILES * MOST_UPLOAD_MEGABYTES * 1024 * 1024,
      response: ValidationOut,
      handler: async ({ context, request }) => {
        assertMakesReturns(context.access, 'validate a statutory return');
        const upload = await readReturnUpload(request);
        return validateUpload(engineFor(context), upload.files, upload.kind, upload.year);
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/returns/children/{childId}/issues',
      summary: 'The issues a child\'s record raises now in the current collection year\'s CIN census and SSDA903 (DfE\'s rules on their rows; rules about the return as a whole left out)',
      tags: ['returns'],
      params: z.object({ childId: LaChildId }),
      response: ChildReturnIssuesOut,
      handler: async ({ params, context }) => {
        assertSeesCouncilsChildren(context.access, 'a child\'s issues in the statutory returns');
        const visible = visibleChildCondition(context.access, 'c', 3);
        const found = await services.db.pool.query(
          `SELECT (${visible.sql}) AS visible FROM child c WHERE c.la_code = $1 AND c.child_id = $2`, [context.laCode, params.childId, ...visible.params],
        );
        // A child the reader may not see is answered as the record answers them: there is no such child.
        if (found.rows.length === 0 || found.rows[0].visible !== true) throw DomainError.notFound(`There is no child ${params.childId}`, 'childId');
        const answer = await liveIssuesOfChild({ ...engineFor(context), today: todayInLondon }, params.childId);
        if (answer === null) throw DomainError.notFound(`There is no child ${params.childId}`, 'childId');
        return answer;
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/returns/issues',
      summary: 'Every open issue in the current collection year\'s CIN census and SSDA903, by rule and by team, with the children (those you may see) whose rows raise it (audited)',
      tags: ['returns'],
      response: ReturnIssuesWorklist,
      handler: async ({ context }) => {
        assertSeesCouncilsChildren(context.access, 'the returns\' issues');
        const year = collectionYearContaining(todayInLondon()).label;
        const { issues, notes } = await openIssues.of(engineFor(context), year);
        const childIds = [...new Set(issues.map((issue) => issue.childId!))];
        const visible = visibleChildCondition(context.access, 'c', 3);
        const rows = (await services.db.pool.query(
          `SELECT c.child_id, c.forename, c.surname, c.allocated_team_id, t.name AS team_name
             FROM child c LEFT JOIN team t ON t.la_code = c.la_code AND t.team_id = c.allocated_team_id
            WHERE c.la_code = $1 AND c.child_id = ANY($2::text[]) AND (${visible.sql})
            ORDER BY c.surname, c.forename, c.child_id`,
          [context.laCode, childIds, ...visible.params],
        )).rows as { child_id: string; forename: string; surname: string; allocated_team_id: string | null; team_name: string | null }[];
        const worklist = worklistOf(year, notes, issues, rows);
        await writeListAudit(services.db.pool, {
          laCode: context.laCode, actor: context.actor, correlationId: context.correlationId, resource: 'return-issues',
          detail: { year, results: rows.length },
        }, rows.map((row) => row.child_id));
        return worklist;
      },
    }),
  ];
}

/** The worklist from the open issues and the children the reader may see (in name order): by rule, and by the child's team. */
export function worklistOf(
  year: string, notes: string[], issues: readonly OpenIssue[],
  children: readonly { child_id: string; forename: string; surname: string; allocated_team_id: string | null; team_name: string | null }[],
): ReturnIssuesWorklist {
  const order = new Map(children.map((child, index) => [child.child_id, index]));
  const shown = issues.filter((issue) => order.has(issue.childId!));
  const countOf = new Map<string, number>();
  for (const issue of shown) countOf.set(issue.childId!, (countOf.get(issue.childId!) ?? 0) + 1);
  const childOut = (childId: string) => {
    const child = children[order.get(childId)!]!;
    return { childId, name: `${child.forename} ${child.surname}`, teamId: child.allocated_team_id, teamName: child.team_name, issues: countOf.get(childId)! };
  };
  const byOrder = (a: string, b: string) => order.get(a)! - order.get(b)!;

  const rules = new Map<string, { kind: ReturnKind; code: string; severity: 'error' | 'query'; message: string; childIds: Set<string> }>();
  for (const issue of shown) {
    const key = `${issue.kind}|${issue.code}`;
    const rule = rules.get(key) ?? { kind: issue.kind, code: issue.code, severity: issue.severity, message: issue.message, childIds: new Set<string>() };
    rule.childIds.add(issue.childId!);
    rules.set(key, rule);
  }
  const byRule = [...rules.values()]
    .sort((a, b) => (a.severity !== b.severity ? (a.severity === 'error' ? -1 : 1) : b.childIds.size - a.childIds.size || a.code.localeCompare(b.code)))
    .map((rule) => ({ kind: rule.kind, code: rule.code, severity: rule.severity, message: rule.message, children: [...rule.childIds].sort(byOrder).map(childOut) }));

  const teams = new Map<string | null, { teamName: string; codes: Map<string, Set<string>> }>();
  for (const issue of shown) {
    const child = children[order.get(issue.childId!)!]!;
    const team = teams.get(child.allocated_team_id) ?? { teamName: child.team_name ?? (child.allocated_team_id === null ? 'Not allocated to a team' : child.allocated_team_id), codes: new Map() };
    const codes = team.codes.get(child.child_id) ?? new Set<string>();
    codes.add(issue.code);
    team.codes.set(child.child_id, codes);
    teams.set(child.allocated_team_id, team);
  }
  const byTeam = [...teams]
    .sort(([a, teamA], [b, teamB]) => (a === null ? 1 : b === null ? -1 : teamA.teamName.localeCompare(teamB.teamName)))
    .map(([teamId, team]) => ({
      teamId, teamName: team.teamName,
      children: [...team.codes].sort(([a], [b]) => byOrder(a, b)).map(([childId, codes]) => ({ ...childOut(childId), codes: [...codes].sort() })),
    }));
  return { year, notes, byRule, byTeam };
}
