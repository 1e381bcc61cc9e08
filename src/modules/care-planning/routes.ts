/**
 * Care planning's route of its own: the children looked after now with the independent reviewing
 * officer allocated to each, for the IRO's worklist (web/iro-worklist.tsx), which joins them to the
 * review duties the due list already gives (a review duty's subject is the period of care). Only
 * children the reader may see are listed, and the list is audited as read.
 */
import { z } from 'zod';
import { isPartnerAgency, seesChildren, visibleChildCondition } from '../../access/policy.ts';
import { writeListAudit } from '../../platform/audit/audit.ts';
import type { Database } from '../../platform/database/database.ts';
import { DomainError } from '../../platform/errors.ts';
import { defineRoute } from '../../platform/http/route.ts';
import { FreeText } from '../../platform/schema-helpers.ts';
import { IroCaseload } from './read-model.ts';

export interface CarePlanningRouteServices {
  db: Database;
}

export function carePlanningRoutes(services: CarePlanningRouteServices) {
  return [
    defineRoute({
      method: 'GET',
      url: '/api/v1/care-planning/iro-caseload',
      summary: 'The children looked after now, each with the independent reviewing officer allocated in the period of care (all IROs, or one)',
      tags: ['care planning'],
      query: z.object({ iroWorkerId: FreeText(40).optional() }),
      response: IroCaseload,
      handler: async ({ query, context }) => {
        if (isPartnerAgency(context.access)) throw new DomainError('forbidden', 'A partner agency does not see the council\'s IRO caseloads');
        if (!seesChildren(context.access)) throw new DomainError('forbidden', `A ${context.access!.role} sees figures only, so cannot see an IRO's caseload`);
        const visible = visibleChildCondition(context.access, 'c', 3);
        const result = await services.db.pool.query(
          `SELECT p.child_id, c.forename, c.surname, p.period_id::text AS period_id, p.started_on::text AS started_on, p.iro_worker_id, c.allocated_worker_id
             FROM care_planning_period p
             JOIN child c ON c.la_code = p.la_code AND c.child_id = p.child_id
            WHERE p.la_code = $1 AND p.ceased_on IS NULL AND ($2::text IS NULL OR p.iro_worker_id = $2::text) AND (${visible.sql})
            ORDER BY c.surname, c.forename, p.child_id`,
          [context.laCode, query.iroWorkerId ?? null, ...visible.params],
        );
        const children = result.rows.map((row) => ({
          childId: row.child_id as string, forename: row.forename as string, surname: row.surname as string, periodId: row.period_id as string,
          lookedAfterSince: row.started_on as string, iroWorkerId: (row.iro_worker_id as string | null) ?? null, allocatedWorkerId: (row.allocated_worker_id as string | null) ?? null,
        }));
        await writeListAudit(services.db.pool, {
          laCode: context.laCode, actor: context.actor, correlationId: context.correlationId, resource: 'worktray',
          detail: { list: 'iro-caseload', iroWorkerId: query.iroWorkerId ?? null, results: children.length },
        }, children.map((child) => child.childId));
        return { children };
      },
    }),
  ];
}
