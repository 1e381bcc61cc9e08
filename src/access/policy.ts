/**
 * Record-level access, in one place: which children's records a person may see, as a SQL
 * condition that every data-access query over children adds to its WHERE clause. A person cannot
 * read, list or even count a record outside their scope, because the query never finds it.
 *
 * Scopes (see roles.ts): own caseload, team, service, whole LA, children shared with the person's
 * agency (for a live reason, and a configured period after: record/partner-sharing.ts), figures
 * only; and, for the council's own staff, any child whose record a manager let them see on request,
 * until that access ends. A restricted record (a member of staff's family, a high-profile case) is
 * outside everyone's scope except those granted it, whatever their role; anyone otherwise in scope
 * may break the glass, with a reason, which grants it for a day and alerts the record's owner.
 */
import type { AccessGrant, Capability, RecordScope } from '../platform/request-context.ts';
import { todayInLondon } from '../platform/clock.ts';
import { DomainError } from '../platform/errors.ts';
import { DEFAULT_PARTNER_SHARING_DAYS, roleDefinitionOf } from './roles.ts';


export function accessGrantFor(
  person: { userId: string; role: string; agency: string; workerId: string | null; teamId: string | null }, partnerSharingDays = DEFAULT_PARTNER_SHARING_DAYS,
): AccessGrant {
  const role = roleDefinitionOf(person.role);
  return {
    userId: person.userId, role: person.role, scope: role?.scope ?? 'own-caseload', workerId: person.workerId, teamId: person.teamId, agency: person.agency,
    records: role?.records ?? false, capabilities: role?.capabilities ?? [], partnerSharingDays,
  };
}

/** Whether the grant is a partner agency's, which sees the partner view of the records shared with it. */
export const isPartnerAgency = (grant: AccessGrant | undefined): boolean => grant?.scope === 'shared-with-agency';

/** The earliest day the work a child was shared for may have ended and the child still be shared. */
export function partnerSharingCutoff(grant: AccessGrant, today = todayInLondon()): string {
  const date = new Date(`${today}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - grant.partnerSharingDays);
  return date.toISOString().slice(0, 10);
}

/** Refuses an actor without a capability (absent grant: a trusted internal caller, allowed). */
export function assertCapability(grant: AccessGrant | undefined, capability: Capability, what: string): void {
  if (!hasCapability(grant, capability)) throw new DomainError('forbidden', `A ${grant!.role} cannot ${what}`);
}

/** Whether the grant (absent: a trusted internal caller) has a capability. */
export const hasCapability = (grant: AccessGrant | undefined, capability: Capability): boolean => grant === undefined || grant.capabilities.includes(capability);

/** Whether a scope may see any child-level row at all. */
export const seesChildren = (grant: AccessGrant | undefined): boolean => grant === undefined || grant.scope !== 'figures-only';

/**
 * How much of the council's figures a person may see (docs/analytics.md, "Who sees which figures"):
 *
 * - `raw`: whole-council sight and the capability to see unsuppressed figures (and trusted internal
 *   callers): may turn suppression off or choose its threshold, each use audited.
 * - `published`: whole-council sight without it: figures as published, small numbers suppressed.
 * - `disclosure-controlled`: everyone whose sight is narrower than the council (a team, a caseload, a
 *   partner agency's shared records) or figures only. They see the partnership's council-wide
 *   figures as official statistics publish them, so that no figure tells them about a child they
 *   may not see: whole completed months only, counts rounded to the nearest 5, small numbers
 *   suppressed, and no breakdown by team or worker.
 */
export type FiguresAccess = 'raw' | 'published' | 'disclosure-controlled';

export function figuresAccessOf(grant: AccessGrant | undefined): FiguresAccess {
  if (grant === undefined) return 'raw';
  if (grant.scope !== 'whole-la') return 'disclosure-controlled';
  return grant.capabilities.includes('see-unsuppressed-figures') ? 'raw' : 'published';
}

/** What a person may do, as the web app needs it to offer only what they can: drawn from the grant, so from roles.ts. */
export interface Permissions {
  scope: RecordScope;
  records: boolean;
  seesChildren: boolean;
  capabilities: Capability[];
  figures: FiguresAccess;
}

export function permissionsOf(grant: AccessGrant): Permissions {
  return { scope: grant.scope, records: grant.records && seesChildren(grant), seesChildren: seesChildren(grant), capabilities: [...grant.capabilities], figures: figuresAccessOf(grant) };
}

/** A granted access request of the user's for the child, not yet ended: one indexed lookup (migration 0031). */
const grantedOnRequest = (child: string, userId: string) =>
  `EXISTS (SELECT 1 FROM access_request_decision x WHERE ${child} AND x.requested_by = ${userId} AND x.decision = 'granted' AND x.access_ends_at > now())`;

/**
 * The condition under which the child `${alias}.child_id` of council `${alias}.la_code` is visible,
 * with its parameters numbered from `firstParameter`. A child is in a caseload, team or service
 * through their current allocation, and is also visible to whoever has recorded on their record
 * (the front-door worker who registered them, the duty worker who visited).
 */
export function visibleChildCondition(grant: AccessGrant | undefined, alias: string, firstParameter: number): { sql: string; inScopeSql: string; restrictedSql: string; params: unknown[] } {
  const restrictedSql = `EXISTS (SELECT 1 FROM child_restriction r WHERE r.la_code = ${alias}.la_code AND r.child_id = ${alias}.child_id AND r.lifted_at IS NULL)`;
  if (grant === undefined) return { sql: 'true', inScopeSql: 'true', restrictedSql, params: [] };
  // Only the parameters a scope uses are sent: PostgreSQL refuses a parameter it cannot type.
  const params: unknown[] = [];
  const numbers = new Map<string, string>();
  const p = (name: 'userId' | 'workerId' | 'teamId' | 'agency') => {
    if (!numbers.has(name)) {
      params.push(grant[name]);
      numbers.set(name, `$${firstParameter + params.length - 1}::text`);
    }
    return numbers.get(name)!;
  };
  const child = `${alias}.la_code = x.la_code AND ${alias}.child_id = x.child_id`;
  const recordedByMe = () => `EXISTS (SELECT 1 FROM child_event x WHERE ${child} AND x.recorded_by_user = ${p('userId')})`;
  const currentAllocation = (condition: string) =>
    `EXISTS (SELECT 1 FROM allocation x WHERE ${child} AND x.ended_on IS NULL AND ${condition})`;
  let inScope: string;
  switch (grant.scope) {
    case 'whole-la':
      inScope = 'true';
      break;
    case 'service':
      inScope = `${currentAllocation(`x.team_id IN (SELECT t.team_id FROM team t JOIN team mine ON mine.la_code = t.la_code AND mine.service = t.service
                                                     WHERE t.la_code = ${alias}.la_code AND mine.team_id = ${p('teamId')})`)} OR ${recordedByMe()}`;
      break;
    case 'team':
      inScope = `${currentAllocation(`(x.team_id = ${p('teamId')} OR x.worker_id = ${p('workerId')})`)} OR ${recordedByMe()}`;
      break;
    case 'own-caseload':
      inScope = `${currentAllocation(`x.worker_id = ${p('workerId')}`)} OR ${recordedByMe()}`;
      break;
    case 'shared-with-agency': {
      // Shared with the agency for a reason (record/partner-sharing.ts) whose work is open, or
      // ended no earlier than the configured period ago: an indexed lookup of the projection.
      params.push(partnerSharingCutoff(grant));
      const cutoff = `$${firstParameter + params.length - 1}::date`;
      inScope = `EXISTS (SELECT 1 FROM partner_sharing x WHERE ${child} AND x.agency = ${p('agency')} AND (x.ended_on IS NULL OR x.ended_on >= ${cutoff}))`;
      break;
    }
    case 'figures-only':
      return { sql: 'false', inScopeSql: 'false', restrictedSql, params: [] };
  }
  // An access request a manager granted (src/modules/identity/access-requests.ts) brings the child
  // into the requester's scope until it ends: a restriction still applies. Partner agencies see
  // only what is shared with them, and ask their own way; whole-council sight needs no request.
  if (grant.scope === 'team' || grant.scope === 'service' || grant.scope === 'own-caseload') {
    inScope = `${inScope} OR ${grantedOnRequest(child, p('userId'))}`;
  }
  const granted = `EXISTS (SELECT 1 FROM record_access_grant x WHERE ${child} AND x.user_id = ${p('userId')} AND x.expires_at > now())`;
  return { sql: `((${inScope}) AND NOT ${restrictedSql}) OR ${granted}`, inScopeSql: `(${inScope})`, restrictedSql, params };
}
