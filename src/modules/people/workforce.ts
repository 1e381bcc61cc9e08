import type pg from 'pg';
import { z } from 'zod';
import type { Database } from '../../platform/database/database.ts';
import { longDateOf } from '../../platform/calendar/calendar.ts';
import { DomainError, type FieldProblem } from '../../platform/errors.ts';
import { FreeText, IsoDate } from '../../platform/schema-helpers.ts';
import { assertCapability } from '../../access/policy.ts';
import { referenceRecord, type ReferenceLine } from '../../interchange/reference-record.ts';
import type { AccessGrant } from '../../platform/request-context.ts';
import type { ImportProblem } from '../../record/check-before-write.ts';

export const Team = z.object({
  teamId: z.string().regex(/^[A-Za-z0-9-]{1,40}$/, 'Team id: letters, digits and hyphens'),
  name: FreeText(200),
  service: z.enum(['front-door', 'assessment', 'children-in-need', 'child-protection', 'looked-after', 'care-leavers', 'early-help', 'conference-and-review', 'youth-justice', 'other']),
});
export type Team = z.infer<typeof Team>;

export const Worker = z.object({
  workerId: z.string().regex(/^[A-Za-z0-9-]{1,40}$/, 'Worker id: letters, digits and hyphens'),
  name: FreeText(200),
  role: z.enum(['social-worker', 'senior-practitioner', 'team-manager', 'service-manager', 'front-door-officer', 'cp-chair', 'iro', 'family-support-worker', 'personal-adviser', 'other']),
  teamId: z.string().min(1).max(40),
  agency: FreeText(60).default('childrens-social-care'),
  startedOn: IsoDate,
  leftOn: IsoDate.optional(),
}).refine((w) => !w.leftOn || w.leftOn >= w.startedOn, { message: 'Left before started', path: ['leftOn'] });
export type Worker = z.infer<typeof Worker>;

/** Teams and workers: reference data, not part of any child's record. */
export class WorkforceRepository {
  constructor(private readonly db: Database, private readonly laCode: string, private readonly access?: AccessGrant) {}

  async saveTeam(team: Team): Promise<void> {
    assertCapability(this.access, 'manage-reference-data', 'add or change teams');
    await this.db.pool.query(
      `INSERT INTO team (la_code, team_id, name, service) VALUES ($1, $2, $3, $4)
       ON CONFLICT (la_code, team_id) DO UPDATE SET name = EXCLUDED.name, service = EXCLUDED.service`,
      [this.laCode, team.teamId, team.name, team.service],
    );
  }

  async saveWorker(worker: Worker): Promise<void> {
    assertCapability(this.access, 'manage-reference-data', 'add or change workers');
    const team = await this.db.pool.query('SELECT 1 FROM team WHERE la_code = $1 AND team_id = $2', [this.laCode, worker.teamId]);
    if (team.rowCount === 0) throw DomainError.invalidField('teamId', `Select a team that exists: there is no team with id ${worker.teamId}`);
    await this.db.pool.query(
      `INSERT INTO worker (la_code, worker_id, name, role, team_id, agency, started_on, left_on) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (la_code, worker_id) DO UPDATE SET name = EXCLUDED.name, role = EXCLUDED.role, team_id = EXCLUDED.team_id,
         agency = EXCLUDED.agency, started_on = EXCLUDED.started_on, left_on = EXCLUDED.left_on`,
      [this.laCode, worker.workerId, worker.name, worker.role, worker.teamId, worker.agency, worker.startedOn, worker.leftOn ?? null],
    );
  }

  async listTeams(): Promise<Team[]> {
    const result = await this.db.pool.query('SELECT team_id, name, service FROM team WHERE la_code = $1 ORDER BY name', [this.laCode]);
    return result.rows.map((r) => ({ teamId: r.team_id, name: r.name, service: r.service }));
  }

  /** Workers with their caseload: children allocated to them as at the date. */
  async listWorkersWithCaseload(asAt: string, teamId?: string) {
    const result = await this.db.pool.query(
      `SELECT w.worker_id, w.name, w.role, w.team_id, w.agency, w.started_on, w.left_on,
              (SELECT count(DISTINCT a.child_id) FROM allocation a
                WHERE a.la_code = w.la_code AND a.worker_id = w.worker_id AND a.started_on <= $2
                  AND (a.ended_on IS NULL OR a.ended_on > $2))::int AS caseload
         FROM worker w
        WHERE w.la_code = $1 AND ($3::text IS NULL OR w.team_id = $3)
        ORDER BY w.name`,
      [this.laCode, asAt, teamId ?? null],
    );
    return result.rows.map((r) => ({
      workerId: r.worker_id, name: r.name, role: r.role, teamId: r.team_id, agency: r.agency,
      startedOn: r.started_on, leftOn: r.left_on ?? undefined, caseload: r.caseload as number,
    }));
  }
}

/**
 * Allocations whose worker or team the workforce does not bear out, as at each allocation's date:
 * an unknown team or worker, a worker in another team, or one who had not started or had left.
 * A child allocated to nobody who exists is hidden from every manager whose scope runs through
 * their team's allocations. `allocations` is a query giving (key, la_code, worker_id, team_id,
 * on_date); its parameters follow.
 */
async function findAllocationProblems(
  db: Pick<pg.Pool | pg.PoolClient, 'query'>, allocations: string, params: unknown[],
): Promise<{ key: string; problems: FieldProblem[] }[]> {
  const result = await db.query(
    `SELECT a.key, a.worker_id, a.team_id, a.on_date::text AS on_date, t.team_id IS NOT NULL AS team_known,
            w.worker_id IS NOT NULL AS worker_known, w.team_id AS worker_team, w.started_on::text AS started_on, w.left_on::text AS left_on
       FROM (${allocations}) a
       LEFT JOIN team t ON t.la_code = a.la_code AND t.team_id = a.team_id
       LEFT JOIN worker w ON w.la_code = a.la_code AND w.worker_id = a.worker_id
      WHERE t.team_id IS NULL OR w.worker_id IS NULL OR w.team_id <> a.team_id OR w.started_on > a.on_date OR w.left_on <= a.on_date
      ORDER BY a.key`,
    params,
  );
  return result.rows.map((row) => {
    const problems: FieldProblem[] = [];
    if (!row.team_known) problems.push({ field: 'data.teamId', message: `Select a team that exists: there is no team with id ${row.team_id}` });
    if (!row.worker_known) {
      problems.push({ field: 'data.workerId', message: `Select a worker who exists: there is no worker with id ${row.worker_id}` });
    } else if (row.worker_team !== row.team_id) {
      problems.push({ field: 'data.workerId', message: `Select a worker in the team: worker ${row.worker_id} is in team ${row.worker_team}, not ${row.team_id}` });
    } else if (row.started_on > row.on_date) {
      problems.push({ field: 'data.workerId', message: `Select a worker who was working on ${longDateOf(row.on_date)}: worker ${row.worker_id} started on ${longDateOf(row.started_on)}` });
    } else if (row.left_on !== null && row.left_on <= row.on_date) {
      problems.push({ field: 'data.workerId', message: `Select a worker who was working on ${longDateOf(row.on_date)}: worker ${row.worker_id} left on ${longDateOf(row.left_on)}` });
    }
    return { key: String(row.key), problems };
  });
}

/** Refuses an allocation to a worker or team the workforce does not bear out on its date (see findAllocationProblems). */
export async function assertAllocationReferences(
  db: Pick<pg.Pool | pg.PoolClient, 'query'>, laCode: string, allocation: { workerId: string; teamId: string; on: string },
): Promise<void> {
  const [found] = await findAllocationProblems(db, 'SELECT 1 AS key, $1::text AS la_code, $2::text AS worker_id, $3::text AS team_id, $4::date AS on_date',
    [laCode, allocation.workerId, allocation.teamId, allocation.on]);
  if (found) throw DomainError.invalid(found.problems, found.problems.map((p) => p.message).join('. '));
}

/**
 * The problems of an import's allocations, by line (see findAllocationProblems): run once every
 * line is stored, so a file's team and worker lines count wherever they are in it.
 */
export async function findImportedAllocationProblems(client: pg.PoolClient, importBatchId: string): Promise<ImportProblem[]> {
  const found = await findAllocationProblems(client,
    `SELECT import_line AS key, la_code, data->>'workerId' AS worker_id, data->>'teamId' AS team_id, occurred_on AS on_date
       FROM child_event WHERE import_batch_id = $1 AND event_type = 'allocation.started'`, [importBatchId]);
  return found.flatMap(({ key, problems }) => problems.map((problem) => ({ line: Number(key), ...problem })));
}

/**
 * Teams and workers as an interchange file carries them, so that a council migrates its
 * workforce with its records (an import refuses an allocation to a team or worker it does not hold).
 */
export const workforceReferenceRecords = [
  referenceRecord({
    record: 'team',
    schema: Team,
    write: async (client, teams) => {
      await client.query(
        `INSERT INTO team (la_code, team_id, name, service)
         SELECT la_code, team_id, name, service FROM jsonb_to_recordset($1::jsonb) AS t(la_code text, team_id text, name text, service text)
         ON CONFLICT (la_code, team_id) DO UPDATE SET name = EXCLUDED.name, service = EXCLUDED.service`,
        [JSON.stringify(teams.map((t) => ({ la_code: t.laCode, team_id: t.teamId, name: t.name, service: t.service })))],
      );
    },
    exported: async (client, laCodes) => {
      const teams = await client.query(`SELECT la_code, team_id, name, service FROM team WHERE la_code = ANY($1::text[]) ORDER BY la_code, team_id`, [laCodes]);
      return teams.rows.map((t): ReferenceLine<Team> => ({ laCode: t.la_code, teamId: t.team_id, name: t.name, service: t.service }));
    },
  }),
  referenceRecord({
    record: 'worker',
    schema: Worker,
    writtenAfter: ['team'],
    write: async (client, workers) => {
      await client.query(
        `INSERT INTO worker (la_code, worker_id, name, role, team_id, agency, started_on, left_on)
         SELECT la_code, worker_id, name, role, team_id, agency, started_on, left_on
           FROM jsonb_to_recordset($1::jsonb) AS w(la_code text, worker_id text, name text, role text, team_id text, agency text, started_on date, left_on date)
         ON CONFLICT (la_code, worker_id) DO UPDATE SET name = EXCLUDED.name, role = EXCLUDED.role, team_id = EXCLUDED.team_id,
           agency = EXCLUDED.agency, started_on = EXCLUDED.started_on, left_on = EXCLUDED.left_on`,
        [JSON.stringify(workers.map((w) => ({ la_code: w.laCode, worker_id: w.workerId, name: w.name, role: w.role, team_id: w.teamId, agency: w.agency, started_on: w.startedOn, left_on: w.leftOn ?? null })))],
      );
    },
    exported: async (client, laCodes) => {
      const workers = await client.query(
        `SELECT la_code, worker_id, name, role, team_id, agency, started_on::text AS started_on, left_on::text AS left_on FROM worker
          WHERE la_code = ANY($1::text[]) ORDER BY la_code, worker_id`, [laCodes]);
      return workers.rows.map((w): ReferenceLine<Worker> => ({
        laCode: w.la_code, workerId: w.worker_id, name: w.name, role: w.role, teamId: w.team_id, agency: w.agency, startedOn: w.started_on,
        ...(w.left_on ? { leftOn: w.left_on } : {}),
      }));
    },
  }),
];
