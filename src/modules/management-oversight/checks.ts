/**
 * Checks of the steps of authorisation against who is recording them, before they are written:
 * only managers authorise, return or record oversight, and everyone records a step in their own
 * name. (That nobody authorises their own submission is a rule of the record itself: rules.ts.)
 */
import { hasCapability } from '../../access/policy.ts';
import { DomainError } from '../../platform/errors.ts';
import type { RequestContext } from '../../platform/request-context.ts';
import type { ChecksBeforeWrite } from '../../record/check-before-write.ts';
import type { managementOversightEvents } from './events.ts';
import type { z } from 'zod';

type ManagementOversightEvent = z.infer<(typeof managementOversightEvents)[number]>;

/** A step recorded by a signed-in person names them, and no one else. A trusted caller (import, simulator) names whom it records. */
function requireOwnName(context: RequestContext, named: { userId: string; workerId: string | undefined }, field: string): void {
  const access = context.access;
  if (!access) return;
  if (named.userId !== context.actor.userId || (named.workerId !== undefined && named.workerId !== access.workerId)) {
    throw new DomainError('forbidden', 'You can only record this in your own name', { problems: [{ field, message: 'You can only record this in your own name' }] });
  }
}

function requireManager(context: RequestContext, what: string): void {
  if (!hasCapability(context.access, 'authorise')) {
    throw new DomainError('forbidden', `Only a team manager or service manager can ${what}`);
  }
}

export const managementOversightChecks: ChecksBeforeWrite<ManagementOversightEvent> = {
  event: {
    'approval.submitted': async (_db, event, context) => {
      requireOwnName(context, { userId: event.data.submittedByUserId, workerId: event.data.submittedByWorkerId }, 'data.submittedByUserId');
    },
    'approval.authorised': async (_db, event, context) => {
      requireManager(context, 'authorise an assessment, plan or closure');
      requireOwnName(context, { userId: event.data.authorisedByUserId, workerId: event.data.authorisedByWorkerId }, 'data.authorisedByUserId');
    },
    'approval.returned': async (_db, event, context) => {
      requireManager(context, 'return an assessment, plan or closure to the worker');
      requireOwnName(context, { userId: event.data.returnedByUserId, workerId: event.data.returnedByWorkerId }, 'data.returnedByUserId');
    },
    'management-oversight.recorded': async (_db, event, context) => {
      requireManager(context, 'record management oversight');
      requireOwnName(context, { userId: event.data.recordedByUserId, workerId: event.data.managerWorkerId }, 'data.recordedByUserId');
    },
  },
};
