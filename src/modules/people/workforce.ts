import { z } from 'zod';
import type { Database } from '../../platform/database/database.ts';
import { DomainError } from '../../platform/errors.ts';
import { FreeText, IsoDate } from '../../record/schema-helpers.ts';
import { assertCapability, type AccessGrant } from '../../access/policy.ts';

export const Team = z.object({
  teamId: z.string().regex(/^[A-Za-z0-9-]{1,40}$/, 'Team id: letters, digits and hyphens'),
  name: FreeText(200),
  service: z.enum(['front-door', 'assessment', 'children-in-need', 'child-protection', 'looked-after', 'care-leavers', 'early-help', 'conference-and-review', 'other']),
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
    if (team.rowCount === 0) throw DomainError.invalidField('teamId', `No team with id ${worker.teamId}`);
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
