/**
 * Youth justice's checks before write: the worker allocated as the child's youth justice worker
 * must be a current worker of a youth justice service team (the team's service is 'youth-justice').
 */
import { longDateOf } from '../../platform/calendar/calendar.ts';
import { DomainError } from '../../platform/errors.ts';
import type { ChecksBeforeWrite } from '../../record/check-before-write.ts';
import type { youthJusticeEvents } from './events.ts';

/** The service of the youth justice service's teams (the simulator's TeamPlan, and a council's own teams). */
export const YOUTH_JUSTICE_SERVICE = 'youth-justice';

type YouthJusticeEvent = import('zod').infer<(typeof youthJusticeEvents)[number]>;

export const youthJusticeChecksBeforeWrite: ChecksBeforeWrite<YouthJusticeEvent> = {
  event: {
    'youth-justice.worker-allocated': async (db, event, context) => {
      const found = await db.query(
        `SELECT t.service FROM worker w JOIN team t ON t.la_code = w.la_code AND t.team_id = w.team_id
          WHERE w.la_code = $1 AND w.worker_id = $2 AND w.started_on <= $3 AND (w.left_on IS NULL OR w.left_on > $3)`,
        [context.laCode, event.data.workerId, event.occurredOn],
      );
      if (found.rowCount === 0) throw DomainError.invalidField('data.workerId', `Select a worker of the council on ${longDateOf(event.occurredOn)}: there is no such worker with id ${event.data.workerId}`);
      if (found.rows[0].service !== YOUTH_JUSTICE_SERVICE) {
        throw DomainError.invalidField('data.workerId', 'Select a worker of a youth justice service team: the youth justice worker is the youth justice service\'s');
      }
    },
  },
};
